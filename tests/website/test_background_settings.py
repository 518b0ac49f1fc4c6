"""Which queue and which mail server each environment uses (fresh interpreters)."""

from tests.website.test_settings import PRODUCTION_SECRET, settings_in

NAMES = ["TASKS", "EMAIL_BACKEND", "SERAMBI_DELIVERY_EMAIL_BACKEND", "INSTALLED_APPS"]


def test_production_queues_mail_in_the_database_and_the_worker_sends_it_by_smtp():
    values = settings_in(
        "website.settings.production",
        NAMES,
        SECRET_KEY=PRODUCTION_SECRET,
        ALLOWED_HOSTS="serambi.example",
    )

    assert values["EMAIL_BACKEND"] == "operations.mail.QueuedEmailBackend"
    assert (
        values["SERAMBI_DELIVERY_EMAIL_BACKEND"]
        == "django.core.mail.backends.smtp.EmailBackend"
    )
    assert values["TASKS"] == {
        "default": {
            "BACKEND": "django_tasks_db.DatabaseBackend",
            "QUEUES": ["default", "maintenance"],
        }
    }
    assert "django_tasks_db" in values["INSTALLED_APPS"]


def test_development_queues_mail_and_prints_it_from_the_worker():
    values = settings_in("website.settings.dev", NAMES)

    assert values["EMAIL_BACKEND"] == "operations.mail.QueuedEmailBackend"
    assert (
        values["SERAMBI_DELIVERY_EMAIL_BACKEND"]
        == "django.core.mail.backends.console.EmailBackend"
    )


def test_tasks_backend_rq_moves_the_queue_to_redis():
    values = settings_in(
        "website.settings.base",
        ["TASKS", "RQ_QUEUES", "INSTALLED_APPS", "SCHEDULED_JOBS"],
        TASKS_BACKEND="rq",
        REDIS_URL="redis://queue.internal:6379/3",
    )

    assert values["TASKS"] == {
        "default": {
            "BACKEND": "django_tasks_rq.RQBackend",
            "QUEUES": ["default", "maintenance"],
        }
    }
    assert values["RQ_QUEUES"] == {
        "default": {"URL": "redis://queue.internal:6379/3"},
        "maintenance": {"URL": "redis://queue.internal:6379/3"},
    }
    assert {"django_rq", "django_tasks_rq"} <= set(values["INSTALLED_APPS"])
    # Pruning is for the database queue only; Redis expires its own results.
    assert values["SCHEDULED_JOBS"] == [
        ["publish_scheduled", 60],
        ["purge_trash", 86400, "maintenance"],
        ["purge_stories", 3600, "maintenance"],
    ]
