"""The scheduler publishes scheduled pages on its own, and keeps going after errors."""

import logging
import signal
from datetime import timedelta

from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from django.utils import timezone

import pytest

from blog.models import ArticlePage
from demo.factories import ArticlePageFactory
from tests.editorial.conftest import make_user
from website import scheduler
from website.management.commands import serve_dev


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
    def __init__(self):
        self.now = 0.0
        self.sleeps = []

    def __call__(self):
        return self.now

    def sleep(self, seconds):
        self.sleeps.append(seconds)
        self.now += seconds


def test_a_failing_job_is_logged_and_the_others_and_itself_run_again(
    blog_index, superuser, caplog
):
    article = scheduled_article(
        blog_index, superuser, timezone.now() - timedelta(minutes=1)
    )
    clock = FakeClock()
    runs = []

    def run(command):
        runs.append((clock.now, command))
        return scheduler.run_job(command)

    with caplog.at_level(logging.ERROR, logger="website.scheduler"):
        scheduler.run_forever(
            [("no_such_command", 60), ("publish_scheduled", 60)],
            should_stop=lambda: clock.now >= 120,
            run=run,
            clock=clock,
            sleep=clock.sleep,
        )

    assert runs == [
        (0.0, "no_such_command"),
        (0.0, "publish_scheduled"),
        (60.0, "no_such_command"),
        (60.0, "publish_scheduled"),
    ]
    assert clock.sleeps == [60.0, 60.0]
    failures = [r for r in caplog.records if r.name == "website.scheduler"]
    assert len(failures) == 2
    assert "no_such_command failed" in failures[0].getMessage()
    article.refresh_from_db()
    assert article.live


def test_jobs_have_their_own_intervals(db):
    clock = FakeClock()
    runs = []
    scheduler.run_forever(
        [("every_minute", 60), ("daily", 24 * 60 * 60)],
        should_stop=lambda: clock.now >= 180,
        run=lambda command: runs.append((clock.now, command)),
        clock=clock,
        sleep=clock.sleep,
    )
    assert [when for when, command in runs if command == "daily"] == [0.0]
    assert [when for when, command in runs if command == "every_minute"] == [
        0.0,
        60.0,
        120.0,
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


def test_publish_scheduled_is_a_scheduled_job(settings):
    assert ("publish_scheduled", 60) in settings.SCHEDULED_JOBS


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
        ["db_worker"],
        ["run_scheduler"],
    ]
    assert "worker process (db_worker) exited with code 1" in str(error.value)
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
