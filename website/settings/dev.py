"""Local development: DEBUG on, SQLite, local media, console e-mail."""

import os

from .base import *  # noqa: F403
from .base import env_bool, env_list

# seed_demo, its data files and the test factories: development only.
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]  # noqa: F405

DEBUG = True
# A fixed key is fine on a developer's machine; production.py refuses to start without one.
SECRET_KEY = "dev-only-not-secret-serambi"  # noqa: S105
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1],testserver")

# Links in e-mails, the seed's log-in address and the Site record (website.site_address)
# follow the address `make run` serves at: HOST and PORT, which the Makefile exports.
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL") or (
    f"http://{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
)

# Template and CSS edits should show on the next reload, not ten minutes later;
# set PAGE_CACHE_SECONDS in the environment to try the page cache locally.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "0"))
FRAGMENT_CACHE_SECONDS = int(os.environ.get("FRAGMENT_CACHE_SECONDS", "0"))

# Off so the demo log-ins reach the admin directly; REQUIRE_2FA=true tries it out.
SERAMBI_REQUIRE_2FA = env_bool("REQUIRE_2FA", False)
