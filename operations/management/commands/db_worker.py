"""`manage.py db_worker`: django-tasks-db's worker, riding out a database restart.

The original exits on the first database error that is not a lock (a restarted
PostgreSQL, a dropped connection), and mail stops until something restarts it, which
a plain Procfile supervisor does not. This one closes the broken connections, waits
(1 s, doubling to 30 s), and carries on; a task that was running when the database
went away stays marked as running (it may have sent its e-mail already).
"""

import logging
import time

from django.db import DatabaseError, InterfaceError, OperationalError, connections

from django_tasks_db.management.commands import db_worker

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


class Worker(db_worker.Worker):
    sleep = staticmethod(time.sleep)

    def run(self):
        wait = FIRST_WAIT
        while self.running:
            started = time.monotonic()
            try:
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
