"""The local services some tests meet for real: a Redis to use, a port nobody listens on."""

import os
import socket

import pytest

REDIS_HOST = "127.0.0.1"
# Another port lets two checkouts run their suites at once without sharing test databases.
REDIS_PORT = int(os.environ.get("SERAMBI_TEST_REDIS_PORT", "6379"))


def _redis_test_db():
    """DB 8 for a serial run; 9, 10, ... for pytest-xdist's workers (gw0, gw1, ...),
    so that one worker's cache.clear() never empties another's keys."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    return 8 + (int(worker[2:]) + 1 if worker.startswith("gw") else 0)


REDIS_TEST_URL = f"redis://{REDIS_HOST}:{REDIS_PORT}/{_redis_test_db()}"


def redis_available():
    try:
        socket.create_connection((REDIS_HOST, REDIS_PORT), timeout=0.5).close()
    except OSError:
        return False
    return True


needs_redis = pytest.mark.skipif(
    not redis_available(), reason=f"no Redis server on {REDIS_HOST}:{REDIS_PORT}"
)


def closed_port():
    """A localhost port that was free a moment ago: connecting to it is refused."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
