"""GET /healthz/ for load balancers: 200 while the database answers, 503 when not.

Answered by a middleware at the top of the stack, before host validation, the HTTPS
redirect, sessions and authentication: a load balancer probes each app server by its
own address over plain HTTP, and a probe must neither need a session nor set a
cookie. The body names the state of the database and of the cache; the cache is a
side service, so "cache: unavailable" still answers 200 (the site serves uncached).
"""

import json
import logging
import uuid

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import HttpResponse

logger = logging.getLogger(__name__)

HEALTH_PATH = "/healthz/"
PROBE_KEY = "serambi:healthz"


def database_state():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        logger.exception("Health check: the database does not answer")
        return "unavailable"
    return "ok"


def cache_state():
    # A value of our own, so a cache that swallows errors (IGNORE_EXCEPTIONS)
    # cannot look healthy by returning nothing for a key nobody set.
    probe = uuid.uuid4().hex
    try:
        cache.set(PROBE_KEY, probe, 10)
        answered = cache.get(PROBE_KEY)
    except Exception:  # noqa: BLE001 - any failure of a side service is "unavailable"
        answered = None
    return "ok" if answered == probe else "unavailable"


def healthz(request):
    state = {"database": database_state(), "cache": cache_state()}
    response = HttpResponse(
        json.dumps(state),
        content_type="application/json",
        status=200 if state["database"] == "ok" else 503,
    )
    response["Cache-Control"] = "no-store"
    return response


class HealthCheckMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path == HEALTH_PATH and request.method in ("GET", "HEAD"):
            return healthz(request)
        return self.get_response(request)
