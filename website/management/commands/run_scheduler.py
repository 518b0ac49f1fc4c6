"""`manage.py run_scheduler`: the periodic jobs (settings.SCHEDULED_JOBS), forever."""

import signal
import sys

from django.core.management.base import BaseCommand, CommandError

from website import scheduler


class Command(BaseCommand):
    help = "Run the jobs in settings.SCHEDULED_JOBS on their intervals; survive errors."

    def add_arguments(self, parser):
        parser.add_argument(
            "--once", action="store_true", help="Run every job once and stop."
        )

    def handle(self, *args, once=False, **options):
        jobs = scheduler.jobs_from_settings()
        if once:
            failed = [command for command, _ in jobs if not scheduler.run_job(command)]
            if failed:
                raise CommandError(f"Failed: {', '.join(failed)} (see the log above)")
            return
        self.stdout.write(
            "Scheduler running: "
            + ", ".join(f"{command} every {every} s" for command, every in jobs),
        )
        self.stdout.flush()
        state = {"stopping": False, "in_job": False}

        def stop(signum, frame):
            # Between jobs, stop at once; during one, let it finish first.
            state["stopping"] = True
            if not state["in_job"]:
                sys.exit(0)

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)

        def run_job(command):
            state["in_job"] = True
            try:
                return scheduler.run_job(command)
            finally:
                state["in_job"] = False

        scheduler.run_forever(jobs, should_stop=lambda: state["stopping"], run=run_job)
