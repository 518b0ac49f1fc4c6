"""`make run`: the development server, the task worker and the scheduler, together.

Three child processes, as production runs them (Procfile, deploy/systemd/): `runserver`,
the worker (`db_worker`, or RQ's worker when TASKS_BACKEND=rq) and `run_scheduler`.
Ctrl-C stops all three. If one of them dies, the others are stopped and the command
says which one and how, rather than serving a site whose mail or scheduled publishing
has silently stopped.

The worker and the scheduler write to files under logs/ (one line per task would
otherwise push the demo log-ins that `seed_demo` just printed off the screen within
seconds); the terminal keeps the web server's own lines.
"""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

POLL_SECONDS = 0.5
STOP_SECONDS = 10


def worker_command():
    # One worker for every queue here; production gives the slow "maintenance" queue
    # a worker of its own (Procfile).
    queues = settings.TASKS["default"].get("QUEUES", ["default"])
    if settings.TASKS["default"]["BACKEND"] == "django_tasks_rq.RQBackend":
        return ["rqworker", *queues, "--job-class", "django_tasks_rq.Job"]
    return ["db_worker", "--queue-name", ",".join(queues)]


class Command(BaseCommand):
    help = "Serve the site for development with the task worker and the scheduler."

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", default="8000")
        parser.add_argument(
            "--log-dir",
            default=str(settings.BASE_DIR / "logs"),
            help="Where the worker and the scheduler write their logs.",
        )

    def handle(self, *args, host, port, log_dir, **options):
        manage = [sys.executable, str(settings.BASE_DIR / "manage.py")]
        commands = {
            "web": ["runserver", f"{host}:{port}"],
            "worker": worker_command(),
            "scheduler": ["run_scheduler"],
        }
        log_dir = Path(log_dir)
        log_dir.mkdir(parents=True, exist_ok=True)
        self.logs = {name: log_dir / f"{name}.log" for name in ("worker", "scheduler")}
        children = {}
        for name, command in commands.items():
            output = {}
            if name in self.logs:
                log = self.logs[name].open("a", encoding="utf-8")
                output = {"stdout": log, "stderr": subprocess.STDOUT}
            # Each in its own process group, so stopping one reaches the reloader's
            # child process too (runserver and db_worker restart on code changes).
            children[name] = subprocess.Popen(  # noqa: S603
                [*manage, *command], start_new_session=True, **output
            )
        self.stdout.write(
            "The worker and the scheduler write to "
            + " and ".join(str(path) for path in self.logs.values())
            + "."
        )
        interrupted = False

        def on_signal(signum, frame):
            nonlocal interrupted
            interrupted = True

        signal.signal(signal.SIGINT, on_signal)
        signal.signal(signal.SIGTERM, on_signal)
        died = None
        while not interrupted and died is None:
            time.sleep(POLL_SECONDS)
            died = next(
                (name for name, child in children.items() if child.poll() is not None),
                None,
            )
        self.stop(children)
        if died is not None and not interrupted:
            where = (
                f"See its log, {self.logs[died]}:\n{self.tail(self.logs[died])}"
                if died in self.logs
                else "See its output above."
            )
            raise CommandError(
                f"The {died} process ({' '.join(commands[died])}) exited with code "
                f"{children[died].returncode}; stopped the others. {where}"
            )

    @staticmethod
    def tail(path, lines=20):
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""
        return "\n".join(text.splitlines()[-lines:])

    def stop(self, children):
        for child in children.values():
            if child.poll() is None:
                os.killpg(child.pid, signal.SIGTERM)
        deadline = time.monotonic() + STOP_SECONDS
        for child in children.values():
            try:
                child.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                os.killpg(child.pid, signal.SIGKILL)
                child.wait()
