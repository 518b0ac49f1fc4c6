"""The worker (`db_worker`) and the scheduler (`run_scheduler`) ride out a database
that goes away: they reconnect, they do not exit.

Run as an operator runs them: separate processes, their settings from the environment.
"""

import os
import subprocess
import sys
import time

from django.conf import settings
from django.core.mail import send_mail
from django.db import connection

import pytest

from tests.services import closed_port

DEADLINE = 90  # seconds a state may take on a busy machine


def start(command, log, database_url, *extra):
    env = {k: v for k, v in os.environ.items() if k not in {"REDIS_URL"}}
    env.update(
        DJANGO_SETTINGS_MODULE="tests.website.restart_settings",
        DATABASE_URL=database_url,
        PYTHONUNBUFFERED="1",
    )
    return subprocess.Popen(  # noqa: S603
        [sys.executable, "manage.py", command, *extra],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
    )


def wait_for(condition, process, log):
    deadline = time.monotonic() + DEADLINE
    while time.monotonic() < deadline:
        if condition():
            return
        if process.poll() is not None:
            pytest.fail(f"exited with {process.returncode}:\n{log.read_text()}")
        time.sleep(0.2)
    pytest.fail(f"not reached in {DEADLINE} s:\n{log.read_text()}")


def stop(process):
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()


@pytest.mark.parametrize(
    "command", [["db_worker", "--no-reload", "--interval=0.2"], ["run_scheduler"]]
)
def test_with_no_database_at_all_they_keep_trying(tmp_path, command):
    log = tmp_path / "process.log"
    unreachable = f"postgres://serambi@127.0.0.1:{closed_port()}/serambi"
    process = start(command[0], log, unreachable, *command[1:])
    try:
        # Two failed rounds in a row, and still running.
        wait_for(
            lambda: (
                log.read_text().count("tries again")
                + log.read_text().count("runs again at its next turn")
                >= 2
            ),
            process,
            log,
        )
        assert process.poll() is None
    finally:
        stop(process)


def database_url():
    db = connection.settings_dict
    return f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def on_server(*statements):
    """Run statements from the server's maintenance database (PostgreSQL refuses to
    close the current database to connections)."""
    import psycopg

    db = connection.settings_dict
    with psycopg.connect(
        host=db["HOST"] or "127.0.0.1",
        port=db["PORT"] or 5432,
        user=db["USER"],
        password=db["PASSWORD"] or None,
        dbname="postgres",
        autocommit=True,
    ) as server:
        rows = None
        for statement in statements:
            cursor = server.execute(statement)
            rows = cursor.fetchall() if cursor.description else None
        return rows


def database_down():
    """What a PostgreSQL restart does to this database's sessions: cut, and refused
    while it lasts (this database only; others on the server are untouched)."""
    name = connection.settings_dict["NAME"]
    quoted = connection.ops.quote_name(name)
    [(killed,)] = on_server(
        f"ALTER DATABASE {quoted} WITH ALLOW_CONNECTIONS false",
        "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "  # noqa: S608
        f"WHERE datname = '{name}'",
    )
    return killed


def database_up():
    quoted = connection.ops.quote_name(connection.settings_dict["NAME"])
    on_server(f"ALTER DATABASE {quoted} WITH ALLOW_CONNECTIONS true")
    connection.close()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_worker_delivers_mail_after_its_connection_is_killed(tmp_path, settings):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: the suite runs on SQLite (set DATABASE_URL)")
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    log = tmp_path / "worker.log"
    worker = start("db_worker", log, database_url(), "--no-reload", "--interval=0.2")
    try:
        send_mail("Sebelum", "Dikirim sebelum restart.", None, ["a@serambi.test"])
        wait_for(lambda: "Subject: Sebelum" in log.read_text(), worker, log)

        try:
            assert database_down() >= 1
            wait_for(lambda: "tries again" in log.read_text(), worker, log)
        finally:
            database_up()
        send_mail("Sesudah", "Dikirim sesudah restart.", None, ["a@serambi.test"])

        wait_for(lambda: "Subject: Sesudah" in log.read_text(), worker, log)
        assert worker.poll() is None
    finally:
        stop(worker)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_scheduler_keeps_publishing_after_its_connection_is_killed(
    tmp_path, blog_index
):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: the suite runs on SQLite (set DATABASE_URL)")
    from datetime import timedelta

    from django.utils import timezone

    from blog.models import ArticlePage
    from demo.factories import ArticlePageFactory

    log = tmp_path / "scheduler.log"

    def scheduled(slug, seconds):
        article = ArticlePageFactory(parent=blog_index, slug=slug, live=False)
        article.go_live_at = timezone.now() + timedelta(seconds=seconds)
        article.save_revision().publish()
        return article

    first = scheduled("terbit-pertama", 1)
    # The scheduler enqueues; the worker beside it publishes.
    worker_log = tmp_path / "worker.log"
    worker = start(
        "db_worker", worker_log, database_url(), "--no-reload", "--interval=0.2"
    )
    scheduler = start("run_scheduler", log, database_url())
    try:
        wait_for(
            lambda: ArticlePage.objects.filter(pk=first.pk, live=True).exists(),
            scheduler,
            log,
        )
        try:
            assert database_down() >= 1
            wait_for(
                lambda: "runs again at its next turn" in log.read_text(), scheduler, log
            )
        finally:
            database_up()
        second = scheduled("terbit-kedua", 1)

        wait_for(
            lambda: ArticlePage.objects.filter(pk=second.pk, live=True).exists(),
            scheduler,
            log,
        )
        assert scheduler.poll() is None
        assert worker.poll() is None
    finally:
        stop(scheduler)
        stop(worker)
