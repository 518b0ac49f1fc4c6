"""The periodic jobs of settings.SCHEDULED_JOBS: the scheduler enqueues, the worker runs.

Each job is a management command line and when it is due, with an optional task queue:

    ("publish_scheduled", 60)                        # every 60 s, from the start
    ("purge_trash", 24 * 60 * 60, "maintenance")     # daily, on the maintenance queue
    ("backup --keep-days 14 /var/backups/serambi", "02:30", "maintenance")  # nightly

An interval job is due when the scheduler starts and then every interval; a daily job
("HH:MM", settings.TIME_ZONE) at that time each day. `run_scheduler` only enqueues a
`run_scheduled_job` task when a job is due; a worker (`db_worker`) runs the command. So
the scheduler's own loop never waits for a job, and a slow one on the `maintenance`
queue (purging the trash, the backup), which its own worker takes, cannot hold back
scheduled publishing on the default queue.

A job whose previous task is still queued or running is not enqueued again: a worker
that is down or busy does not come back to a pile of copies. One that has been
running for SCHEDULED_JOB_STUCK_SECONDS (a worker that died in the middle) no longer
holds the next one back. A command that raises is logged by the worker and runs again
at its next turn. One scheduler per site: the jobs are safe to run twice, but once is
enough.
"""

import datetime
import logging
import shlex
import time
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.management import call_command
from django.db import DatabaseError, connections
from django.utils import timezone

from django_tasks import task
from django_tasks.exceptions import TaskResultDoesNotExist

logger = logging.getLogger(__name__)

DEFAULT_QUEUE = "default"
# The default queue's jobs (publishing) come before mail and index updates.
PRIORITY = 10


@dataclass
class Job:
    command: str
    # Seconds between runs, or "HH:MM" for once a day at that time.
    when: int | str
    queue: str = DEFAULT_QUEUE
    argv: list = field(init=False)

    def __post_init__(self):
        self.argv = shlex.split(self.command)
        if isinstance(self.when, str):
            hours, _, minutes = self.when.partition(":")
            self.daily_at = datetime.time(int(hours), int(minutes))
        else:
            self.when = int(self.when)
            self.daily_at = None

    def first_due(self, now):
        """The first time (a Unix timestamp) this job is due after starting at `now`."""
        return now if self.daily_at is None else self.next_daily(now)

    def next_due(self, due, now):
        if self.daily_at is None:
            # Measured from when it was due, so a late turn does not drift the rest.
            return max(due + self.when, now)
        return self.next_daily(max(due, now) + 1)

    def next_daily(self, after):
        zone = ZoneInfo(settings.TIME_ZONE)
        moment = datetime.datetime.fromtimestamp(after, zone)
        candidate = datetime.datetime.combine(moment.date(), self.daily_at, zone)
        if candidate.timestamp() < after:
            candidate = datetime.datetime.combine(
                moment.date() + datetime.timedelta(days=1), self.daily_at, zone
            )
        return candidate.timestamp()

    def describe(self):
        every = f"daily at {self.when}" if self.daily_at else f"every {self.when} s"
        return f"{self.command} {every} ({self.queue})"


def jobs_from_settings():
    return [Job(*entry) for entry in settings.SCHEDULED_JOBS]


def reset_connections(*, broken=False):
    """Drop database connections that are too old or broken (a restarted database);
    after a failure, drop them all: a broken one would fail every later job too.

    A connection inside a transaction is left alone (only the tests run jobs in one).
    """
    for connection in connections.all(initialized_only=True):
        if connection.in_atomic_block:
            continue
        if broken:
            connection.close()
        else:
            connection.close_if_unusable_or_obsolete()


def run_job(command):
    """Run one job's command line here and now; False (and logged) if it raised."""
    reset_connections()
    try:
        call_command(*shlex.split(command))
    except Exception:
        logger.exception(
            "Scheduled job %s failed; it runs again at its next turn", command
        )
        reset_connections(broken=True)
        return False
    return True


@task(priority=PRIORITY)
def run_scheduled_job(command):
    """One turn of a scheduled job, in the worker. Raises when the command failed, so
    its task result says so."""
    if not run_job(command):
        raise RuntimeError(f"Scheduled job {command} failed (see the log above)")


def stuck_seconds():
    return getattr(settings, "SCHEDULED_JOB_STUCK_SECONDS", 6 * 60 * 60)


class Enqueuer:
    """Enqueues a job's task unless its previous one is still waiting or running."""

    def __init__(self):
        self.previous = {}

    def still_busy(self, job):
        result = self.previous.get(job.command)
        if result is None:
            return False
        try:
            result.refresh()
        except (NotImplementedError, TaskResultDoesNotExist):
            # A backend that cannot look results up ran it already (the immediate
            # one), or the result was pruned long after it finished.
            return False
        if result.is_finished:
            return False
        started = result.started_at
        if started is not None and started < timezone.now() - datetime.timedelta(
            seconds=stuck_seconds()
        ):
            logger.warning(
                "Scheduled job %s has been running since %s; its worker probably "
                "died, so it is enqueued again",
                job.command,
                started.isoformat(),
            )
            return False
        return True

    def __call__(self, job):
        """The TaskResult enqueued for `job`, or None if it was skipped or failed."""
        reset_connections()
        try:
            if self.still_busy(job):
                logger.warning(
                    "Scheduled job %s is still queued or running; not enqueued again",
                    job.command,
                )
                return None
            result = run_scheduled_job.using(queue_name=job.queue).enqueue(job.command)
        except DatabaseError:
            logger.exception(
                "Scheduled job %s could not be enqueued; it runs again at its next turn",
                job.command,
            )
            reset_connections(broken=True)
            return None
        self.previous[job.command] = result
        return result


def run_forever(
    jobs,
    *,
    should_stop=lambda: False,
    run=None,
    clock=time.time,
    sleep=time.sleep,
):
    """Hand each of `jobs` to `run` (by default, enqueue it) whenever it is due,
    until should_stop() says so."""
    run = run or Enqueuer()
    now = clock()
    next_run = {job.command: job.first_due(now) for job in jobs}
    by_command = {job.command: job for job in jobs}
    while not should_stop():
        now = clock()
        for command, due in next_run.items():
            if due <= now:
                run(by_command[command])
                next_run[command] = by_command[command].next_due(due, clock())
        if should_stop():
            break
        sleep(max(0.0, min(next_run.values()) - clock()))
