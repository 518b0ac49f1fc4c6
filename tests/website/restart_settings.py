"""Development settings with the scheduler's publishing job every second, for
tests/website/test_worker_restart.py (a test cannot wait the usual minute)."""

from website.settings.dev import *  # noqa: F403

SCHEDULED_JOBS = [("publish_scheduled", 1)]
