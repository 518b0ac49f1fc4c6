"""`manage.py db_worker`: django-tasks-db's worker, riding out a database restart.

The original exits on the first database error that is not a lock (a restarted
PostgreSQL, a dropped connection), and mail stops until something restarts it, which
a plain Procfile supervisor does not. This one closes the broken connections, waits
(1 s, doubling to 30 s), and carries on. A task that was running when the database
went away is marked failed once the database is back, with a reason that says its
outcome is unknown (it may have sent its e-mail already, so it is not run again); left
"running", it would hold its scheduled job back until SCHEDULED_JOB_STUCK_SECONDS.
"""

import logging
import time

from django.db import DatabaseError, InterfaceError, OperationalError, connections
from django.utils import timezone

from django_tasks import TaskResultStatus
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult

logger = logging.getLogger("django_tasks_db")

FIRST_WAIT = 1.0
LONGEST_WAIT = 30.0


def close_connections():
    for connection in connections.all(initialized_only=True):
        try:
            connection.close()
        except DatabaseError:
            # Already broken: closing it is all we wanted.
            connection.connection = None


class DatabaseLostDuringTask(Exception):
    """Names, in a task result, why the worker could not record how the task ended."""


class Worker(db_worker.Worker):
    sleep = staticmethod(time.sleep)
    # The claimed task whose ending has not been recorded yet.
    in_hand = None

    def run_task(self, db_task_result):
        self.in_hand = db_task_result
        super().run_task(db_task_result)
        self.in_hand = None

    def settle_task_in_hand(self):
        """Mark the task the database took away as failed, if nobody has since."""
        if self.in_hand is None:
            return
        reason = DatabaseLostDuringTask(
            f"The database went away while worker {self.worker_id} ran this task; "
            "whether it finished is unknown, so it is not run again."
        )
        settled = DBTaskResult.objects.filter(
            pk=self.in_hand.pk, status=TaskResultStatus.RUNNING
        ).update(
            status=TaskResultStatus.FAILED,
            finished_at=timezone.now(),
            exception_class_path=(
                f"{DatabaseLostDuringTask.__module__}."
                f"{DatabaseLostDuringTask.__qualname__}"
            ),
            traceback=str(reason),
        )
        if settled:
            logger.warning(
                "Task %s was running when the database went away; marked failed",
                self.in_hand.pk,
            )
        self.in_hand = None

    def run(self):
        wait = FIRST_WAIT
        while self.running:
            started = time.monotonic()
            try:
                self.settle_task_in_hand()
                return super().run()
            except (OperationalError, InterfaceError) as error:
                if time.monotonic() - started > LONGEST_WAIT:
                    wait = FIRST_WAIT  # it had been working: start the backoff anew
                logger.warning(
                    "Database unavailable (%s); worker %s tries again in %.0f s",
                    str(error).strip() or type(error).__name__,
                    self.worker_id,
                    wait,
                )
                close_connections()
                self.sleep(wait)
                wait = min(wait * 2, LONGEST_WAIT)
        return None


class Command(db_worker.Command):
    def handle(self, *args, **options):
        db_worker.Worker = Worker
        return super().handle(*args, **options)
