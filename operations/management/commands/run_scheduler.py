"""`manage.py run_scheduler`: enqueue the periodic jobs (settings.SCHEDULED_JOBS) for
the worker when they are due, forever. See operations/scheduler.py."""

import signal
import sys

from django.core.management.base import BaseCommand, CommandError

from operations import scheduler


class Command(BaseCommand):
    help = (
        "Enqueue the jobs in settings.SCHEDULED_JOBS for the task worker when they "
        "are due; survive errors."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--once",
            action="store_true",
            help="Run every job once, here and now, and stop (no worker needed).",
        )

    def handle(self, *args, once=False, **options):
        jobs = scheduler.jobs_from_settings()
        if once:
            failed = [job.command for job in jobs if not scheduler.run_job(job.command)]
            if failed:
                raise CommandError(f"Failed: {', '.join(failed)} (see the log above)")
            return
        self.stdout.write(
            "Scheduler running, enqueueing for the worker: "
            + ", ".join(job.describe() for job in jobs),
        )
        self.stdout.flush()

        def stop(signum, frame):
            # Enqueueing takes a moment and leaves nothing half done: stop at once.
            sys.exit(0)

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        scheduler.run_forever(jobs)
