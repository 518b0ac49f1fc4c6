import pytest

from website.cache_backend import forget_failures


@pytest.fixture(autouse=True)
def redis_not_skipped():
    """Each test starts with Redis asked again, whatever the one before staged."""
    forget_failures()
    yield
    forget_failures()
