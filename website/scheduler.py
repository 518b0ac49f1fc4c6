"""Run the periodic jobs in settings.SCHEDULED_JOBS, and keep running whatever they do.

Each job is a management command and an interval in seconds, e.g.
`("publish_scheduled", 60)`. A job runs when the scheduler starts and then every
interval; a job that raises is logged and tried again at its next turn, and the
database connection is reset so one lost connection does not fail every job after it.
One scheduler per site: the jobs are safe to run twice, but once is enough.
"""

import logging
import time

from django.conf import settings
from django.core.management import call_command
from django.db import connections

logger = logging.getLogger(__name__)


def jobs_from_settings():
    return [(command, int(every)) for command, every in settings.SCHEDULED_JOBS]


def reset_connections(*, broken=False):
    """Drop database connections that are too old or broken (a restarted database);
    after a failed job, drop them all: a broken one would fail every later job too.

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
    reset_connections()
    try:
        call_command(command)
    except Exception:
        logger.exception(
            "Scheduled job %s failed; it runs again at its next turn", command
        )
        reset_connections(broken=True)
        return False
    return True


def run_forever(
    jobs,
    *,
    should_stop=lambda: False,
    run=run_job,
    clock=time.monotonic,
    sleep=time.sleep,
):
    """Run `jobs` on their intervals until should_stop() says so."""
    next_run = dict.fromkeys(command for command, _ in jobs)
    now = clock()
    for command in next_run:
        next_run[command] = now
    every = dict(jobs)
    while not should_stop():
        now = clock()
        for command, due in next_run.items():
            if due <= now:
                run(command)
                # Measured from when it was due, so a slow job does not drift the rest.
                next_run[command] = max(due + every[command], clock())
        if should_stop():
            break
        sleep(max(0.0, min(next_run.values()) - clock()))
