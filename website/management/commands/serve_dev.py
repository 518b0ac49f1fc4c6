"""`make run`: the development server, plus scheduled publishing once a minute.

Production runs `publish_scheduled` from a timer instead (see the README).
"""

import os
import threading

from django.core.management import call_command
from django.core.management.base import BaseCommand

PUBLISH_INTERVAL_SECONDS = 60


def publish_scheduled_forever(stop):
    while not stop.wait(PUBLISH_INTERVAL_SECONDS):
        call_command("publish_scheduled")


class Command(BaseCommand):
    help = "Serve the site for development and publish scheduled pages every minute."

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", default="8000")

    def handle(self, *args, host, port, **options):
        # runserver's autoreloader re-runs this command in a child process (RUN_MAIN);
        # only that child serves requests, so only it publishes.
        if os.environ.get("RUN_MAIN") == "true":
            stop = threading.Event()
            threading.Thread(
                target=publish_scheduled_forever, args=(stop,), daemon=True
            ).start()
        call_command("runserver", f"{host}:{port}")
