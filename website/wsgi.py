import gc
import os

from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "website.settings.production")

application = get_wsgi_application()

# What start-up loaded (Django, Wagtail, the apps, the URL configuration and its
# views) lives as long as the process. Frozen out of the collector's generations,
# it is not walked again by every full collection of a render's garbage, and under
# a pre-forking server its memory pages stay shared (gc.freeze).
get_resolver().url_patterns  # noqa: B018 - imports the URL configuration now
gc.freeze()
