"""The scheduler enqueues the scheduled jobs when they are due, the worker runs them
(publishing on time whatever the slow jobs do), and both keep going after errors."""

import logging
import signal
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from django.utils import timezone

import pytest
from django_tasks_db.models import DBTaskResult

from blog.models import ArticlePage
from demo.factories import ArticlePageFactory
from operations import scheduler
from operations.management.commands import serve_dev
from tests.editorial.conftest import make_user
from tests.website.test_settings import settings_in


def scheduled_article(blog_index, user, go_live_at):
    """An article approved for `go_live_at`, which has now come (or passed)."""
    article = ArticlePageFactory(
        parent=blog_index, title="Terbit pagi", slug="terbit-pagi", live=False
    )
    article.go_live_at = timezone.now() + timedelta(hours=1)
    article.save_revision(user=user).publish(user=user)
    # Time passes: move the approved time (and the time the revision holds) back.
    revision = article.get_latest_revision()
    revision.approved_go_live_at = go_live_at
    revision.content["go_live_at"] = go_live_at.isoformat()
    revision.save(update_fields=["approved_go_live_at", "content"])
    ArticlePage.objects.filter(pk=article.pk).update(go_live_at=go_live_at)
    return ArticlePage.objects.get(pk=article.pk)


class FakeClock:
    """Wall-clock seconds that pass only when the scheduler sleeps."""

    def __init__(self, start=0.0):
        self.now = start
        self.sleeps = []

    def __call__(self):
        return self.now

    def sleep(self, seconds):
        self.sleeps.append(seconds)
        self.now += seconds


@pytest.fixture
def database_queue(settings):
    """The production queue (django-tasks-db), which a worker empties."""
    settings.TASKS = {
        "default": {
            "BACKEND": "django_tasks_db.DatabaseBackend",
            "QUEUES": settings.TASK_QUEUES,
        }
    }


def run_worker(*queues):
    call_command(
        "db_worker",
        "--batch",
        "--no-startup-delay",
        "--no-reload",
        "--queue-name",
        ",".join(queues),
        verbosity=0,
    )


def turns(jobs, seconds, run=None, start=0.0):
    """Run the scheduler loop for `seconds` of fake time."""
    clock = FakeClock(start)
    scheduler.run_forever(
        jobs,
        should_stop=lambda: clock.now >= start + seconds,
        run=run,
        clock=clock,
        sleep=clock.sleep,
    )
    return clock


def queued():
    return sorted(
        (result.args_kwargs["args"][0], result.queue_name, result.status)
        for result in DBTaskResult.objects.filter(
            task_path="operations.scheduler.run_scheduled_job"
        )
    )


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_scheduler_only_enqueues_and_the_worker_runs_the_jobs(
    database_queue, blog_index, superuser
):
    article = scheduled_article(
        blog_index, superuser, timezone.now() - timedelta(minutes=1)
    )
    jobs = [
        scheduler.Job("publish_scheduled", 60),
        scheduler.Job("purge_trash", 24 * 60 * 60, "maintenance"),
    ]

    turns(jobs, 1)

    assert queued() == [
        ("publish_scheduled", "default", "READY"),
        ("purge_trash", "maintenance", "READY"),
    ]
    article.refresh_from_db()
    assert not article.live

    # The default queue's worker publishes without waiting for the slow job,
    # which its own worker takes.
    run_worker("default")
    article.refresh_from_db()
    assert article.live
    assert queued() == [
        ("publish_scheduled", "default", "SUCCESSFUL"),
        ("purge_trash", "maintenance", "READY"),
    ]
    run_worker("maintenance")
    assert queued()[1] == ("purge_trash", "maintenance", "SUCCESSFUL")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_job_that_fails_in_the_worker_is_marked_failed_and_logged(
    database_queue, caplog
):
    enqueue = scheduler.Enqueuer()
    job = scheduler.Job("no_such_command", 60)
    enqueue(job)

    with caplog.at_level(logging.ERROR, logger="operations.scheduler"):
        run_worker("default")

    assert queued() == [("no_such_command", "default", "FAILED")]
    assert "no_such_command failed; it runs again at its next turn" in caplog.text
    # Finished, so its next turn is enqueued.
    assert enqueue(job) is not None


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_job_still_queued_is_not_enqueued_again(database_queue, caplog):
    enqueue = scheduler.Enqueuer()
    jobs = [scheduler.Job("publish_scheduled", 60)]

    with caplog.at_level(logging.WARNING, logger="operations.scheduler"):
        turns(jobs, 180, run=enqueue)

    # Three turns, no worker: one task waits, the other turns said why they skipped.
    assert queued() == [("publish_scheduled", "default", "READY")]
    skipped = [
        r.getMessage() for r in caplog.records if r.name == "operations.scheduler"
    ]
    assert (
        skipped
        == [
            "Scheduled job publish_scheduled is still queued or running; "
            "not enqueued again"
        ]
        * 2
    )

    run_worker("default")
    turns(jobs, 1, run=enqueue)
    assert queued() == [
        ("publish_scheduled", "default", "READY"),
        ("publish_scheduled", "default", "SUCCESSFUL"),
    ]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_job_whose_worker_died_is_enqueued_again_after_a_while(
    database_queue, settings, caplog
):
    settings.SCHEDULED_JOB_STUCK_SECONDS = 60 * 60
    enqueue = scheduler.Enqueuer()
    job = scheduler.Job("purge_trash", 24 * 60 * 60, "maintenance")
    enqueue(job)
    # Taken by a worker that then died: marked running, for good.
    DBTaskResult.objects.update(
        status="RUNNING", started_at=timezone.now() - timedelta(minutes=30)
    )
    assert enqueue(job) is None

    DBTaskResult.objects.update(started_at=timezone.now() - timedelta(hours=2))
    with caplog.at_level(logging.WARNING, logger="operations.scheduler"):
        assert enqueue(job) is not None

    assert queued() == [
        ("purge_trash", "maintenance", "READY"),
        ("purge_trash", "maintenance", "RUNNING"),
    ]
    assert "its worker probably died" in caplog.text


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_job_whose_database_went_away_mid_run_is_enqueued_again_at_once(
    database_queue, monkeypatch
):
    """CI saw this on PostgreSQL: the worker lost its connection while it ran
    publish_scheduled, could not record the ending, and the row said "running" until
    the stuck limit (hours), so nothing was published after the database came back."""
    from django.db import OperationalError

    from operations.management.commands import db_worker

    enqueue = scheduler.Enqueuer()
    job = scheduler.Job("publish_scheduled", 1)
    enqueue(job)
    calls = []

    def database_gone(result, *args):
        # Neither the success nor the failure can be written: the database is gone.
        calls.append(result.pk)
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(DBTaskResult, "set_successful", database_gone)
    monkeypatch.setattr(DBTaskResult, "set_failed", database_gone)
    monkeypatch.setattr(db_worker.Worker, "sleep", staticmethod(lambda seconds: None))

    run_worker("default")

    [result] = DBTaskResult.objects.filter(
        task_path="operations.scheduler.run_scheduled_job"
    )
    assert result.status == "FAILED"
    assert result.exception_class_path.endswith("DatabaseLostDuringTask")
    assert "whether it finished is unknown" in result.traceback
    # Not run twice by the worker; the scheduler's next turn enqueues it again.
    assert calls == [result.pk, result.pk]  # its success, then its failure
    assert enqueue(job) is not None


def test_a_failing_job_is_logged_by_the_worker_and_runs_again_next_turn(
    blog_index, superuser, caplog
):
    article = scheduled_article(
        blog_index, superuser, timezone.now() - timedelta(minutes=1)
    )
    results = []

    def enqueue(job):
        # Tests run tasks at once (the immediate backend), as a worker would.
        results.append(scheduler.Enqueuer()(job))

    with caplog.at_level(logging.ERROR, logger="operations.scheduler"):
        turns(
            [
                scheduler.Job("no_such_command", 60),
                scheduler.Job("publish_scheduled", 60),
            ],
            120,
            run=enqueue,
        )

    assert [(r.args[0], r.status) for r in results] == [
        ("no_such_command", "FAILED"),
        ("publish_scheduled", "SUCCESSFUL"),
    ] * 2
    failures = [r for r in caplog.records if r.name == "operations.scheduler"]
    assert len(failures) == 2
    assert "no_such_command failed; it runs again at its next turn" in (
        failures[0].getMessage()
    )
    article.refresh_from_db()
    assert article.live


def test_jobs_have_their_own_intervals(db):
    runs = []
    clock = FakeClock()

    def run(job):
        runs.append((clock.now, job.command))

    scheduler.run_forever(
        [scheduler.Job("every_minute", 60), scheduler.Job("daily", 24 * 60 * 60)],
        should_stop=lambda: clock.now >= 180,
        run=run,
        clock=clock,
        sleep=clock.sleep,
    )
    assert [when for when, command in runs if command == "daily"] == [0.0]
    assert [when for when, command in runs if command == "every_minute"] == [
        0.0,
        60.0,
        120.0,
    ]
    assert clock.sleeps == [60.0, 60.0, 60.0]


def test_a_daily_job_runs_at_its_time_in_the_site_time_zone(settings):
    settings.TIME_ZONE = "Asia/Jakarta"
    jakarta = ZoneInfo("Asia/Jakarta")
    # 03:00 in Jakarta: tonight's 02:30 has passed, so the first turn is tomorrow's.
    start = datetime(2026, 12, 7, 3, 0, tzinfo=jakarta).timestamp()
    runs = []
    clock = FakeClock(start)

    def run(job):
        runs.append(datetime.fromtimestamp(clock.now, jakarta))

    scheduler.run_forever(
        [scheduler.Job("backup /var/backups/serambi", "02:30", "maintenance")],
        should_stop=lambda: clock.now >= start + 3 * 24 * 60 * 60,
        run=run,
        clock=clock,
        sleep=clock.sleep,
    )
    assert runs == [
        datetime(2026, 12, 8, 2, 30, tzinfo=jakarta),
        datetime(2026, 12, 9, 2, 30, tzinfo=jakarta),
        datetime(2026, 12, 10, 2, 30, tzinfo=jakarta),
    ]


def test_run_scheduler_once_publishes_what_is_due(blog_index, superuser, settings):
    settings.SCHEDULED_JOBS = [("publish_scheduled", 60)]
    article = scheduled_article(
        blog_index, superuser, timezone.now() - timedelta(seconds=5)
    )
    call_command("run_scheduler", "--once")
    article.refresh_from_db()
    assert article.live


def test_run_scheduler_once_fails_loudly_when_a_job_fails(db, settings):
    settings.SCHEDULED_JOBS = [("no_such_command", 60)]
    with pytest.raises(CommandError, match="Failed: no_such_command"):
        call_command("run_scheduler", "--once")


def test_publishing_is_frequent_and_the_slow_jobs_have_their_own_queue(settings):
    jobs = {job.command: job for job in scheduler.jobs_from_settings()}
    assert (jobs["publish_scheduled"].when, jobs["publish_scheduled"].queue) == (
        60,
        "default",
    )
    assert jobs["purge_trash"].queue == "maintenance"
    assert jobs["prune_db_task_results"].queue == "maintenance"


def test_the_nightly_backup_is_a_scheduled_job_when_a_folder_is_set():
    names = ["SCHEDULED_JOBS"]
    assert not any(
        command.startswith("backup")
        for command, *_ in settings_in("website.settings.dev", names)["SCHEDULED_JOBS"]
    )
    jobs = settings_in(
        "website.settings.dev",
        names,
        BACKUP_DIR="/var/backups/serambi lama",
        BACKUP_TIME="03:15",
        BACKUP_KEEP_DAYS="30",
    )["SCHEDULED_JOBS"]
    assert [
        "backup --keep-days 30 '/var/backups/serambi lama'",
        "03:15",
        "maintenance",
    ] in jobs


class FakeChild:
    def __init__(self, pid, exits_with=None):
        self.pid = pid
        self.returncode = exits_with

    def poll(self):
        return self.returncode

    def wait(self, timeout=None):
        self.returncode = (
            -signal.SIGTERM if self.returncode is None else self.returncode
        )
        return self.returncode


def test_make_run_stops_everything_and_says_so_when_a_process_dies(
    monkeypatch, tmp_path
):
    started, signalled = [], []

    def popen(args, **kwargs):
        started.append(args[2:])
        if "db_worker" in args:
            kwargs["stdout"].write("Task failed: the database went away\n")
            kwargs["stdout"].flush()
        return FakeChild(len(started), exits_with=1 if "db_worker" in args else None)

    monkeypatch.setattr(serve_dev.subprocess, "Popen", popen)
    monkeypatch.setattr(serve_dev.time, "sleep", lambda seconds: None)
    monkeypatch.setattr(serve_dev.signal, "signal", lambda *args: None)
    monkeypatch.setattr(
        serve_dev.os, "killpg", lambda pid, sig: signalled.append((pid, sig))
    )

    with pytest.raises(CommandError) as error:
        call_command("serve_dev", "--port", "8123", "--log-dir", str(tmp_path))

    assert started == [
        ["runserver", "127.0.0.1:8123"],
        ["db_worker", "--queue-name", "default,maintenance"],
        ["run_scheduler"],
    ]
    assert (
        "worker process (db_worker --queue-name default,maintenance) exited with code 1"
        in str(error.value)
    )
    # Its last words are in the message, since its output went to its log.
    assert str(tmp_path / "worker.log") in str(error.value)
    assert "Task failed: the database went away" in str(error.value)
    # The web server and the scheduler were stopped, not left running.
    assert signalled == [(1, signal.SIGTERM), (3, signal.SIGTERM)]


def test_the_editors_desk_warns_when_scheduled_publishing_is_stuck(
    client, blog_index, superuser
):
    editor = make_user("eka", "Editors")
    stuck = scheduled_article(
        blog_index, superuser, timezone.now() - timedelta(minutes=10)
    )
    client.force_login(editor)
    desk = client.get(reverse("wagtailadmin_home")).content.decode()
    start = desk.index("data-editorial-overdue")
    warning = desk[start : desk.index("</ul>", start)]
    assert "belum terbit" in warning
    assert reverse("wagtailadmin_pages:edit", args=[stuck.pk]) in warning

    # Once the scheduler has run, the warning is gone.
    call_command("publish_scheduled", verbosity=0)
    desk = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "data-editorial-overdue" not in desk


def test_a_page_due_a_moment_ago_is_not_yet_called_stuck(client, blog_index, superuser):
    editor = make_user("eka", "Editors")
    scheduled_article(blog_index, superuser, timezone.now() - timedelta(seconds=30))
    client.force_login(editor)
    desk = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Terbit pagi" in desk[desk.index("data-editorial-scheduled") :]
    assert "data-editorial-overdue" not in desk


def test_make_run_keeps_the_terminal_for_the_web_server(monkeypatch, tmp_path, capsys):
    """The worker's and the scheduler's lines go to files, so the demo log-ins that
    `seed_demo` printed just before stay on screen."""
    outputs = {}

    def popen(args, **kwargs):
        outputs[args[2]] = kwargs.get("stdout")
        return FakeChild(len(outputs), exits_with=None)

    monkeypatch.setattr(serve_dev.subprocess, "Popen", popen)
    monkeypatch.setattr(serve_dev.signal, "signal", lambda *args: None)
    monkeypatch.setattr(serve_dev.os, "killpg", lambda pid, sig: None)

    def interrupt(seconds):
        raise KeyboardInterrupt

    monkeypatch.setattr(serve_dev.time, "sleep", interrupt)
    with pytest.raises(KeyboardInterrupt):
        call_command("serve_dev", "--log-dir", str(tmp_path))

    assert outputs["runserver"] is None
    assert outputs["db_worker"].name == str(tmp_path / "worker.log")
    assert outputs["run_scheduler"].name == str(tmp_path / "scheduler.log")
    printed = capsys.readouterr().out
    assert str(tmp_path / "worker.log") in printed
