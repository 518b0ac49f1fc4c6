"""The served process (website/wsgi.py): what start-up loaded is frozen out of the
garbage collector's generations, the URL configuration and its views with it."""

import json
import os
import subprocess
import sys

from django.conf import settings

PROBE = """
import gc, json, sys
import website.wsgi
print(json.dumps({
    "frozen": gc.get_freeze_count(),
    "tracked": len(gc.get_objects()),
    "urls_loaded": "website.urls" in sys.modules and "wagtail.admin.urls" in sys.modules,
}))
"""


def test_start_up_is_frozen_with_the_url_configuration():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "website.settings.production",
        "SECRET_KEY": "x" * 60,
        "ALLOWED_HOSTS": "a.example",
    }
    env.pop("DATABASE_URL", None)
    result = subprocess.run(  # noqa: S603 - our own interpreter and a fixed script
        [sys.executable, "-c", PROBE],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    state = json.loads(result.stdout.strip().splitlines()[-1])

    assert state["urls_loaded"]
    # Django, Wagtail and the apps: well over a hundred thousand objects, none
    # left for the collector to walk.
    assert state["frozen"] > 100_000
    assert state["tracked"] < 1_000
