"""Shared fixtures: the site tree that migrations create (home, /artikel/, /kontributor/)."""

from wagtail.users.models import UserProfile

import pytest
from PIL import Image

from blog.models import BlogIndexPage
from contributors.models import ContributorIndexPage
from demo.factories import CategoryFactory, ContributorPageFactory
from tests import database_template
from tests.editorial.conftest import make_user
from tests.page_assertions import PageAssertions
from website.models import HomePage


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Browser tests last, after pytest-django's own ordering.

    They run on a live server with real transactions and flush the database when
    done (serialized_rollback restores it for the next browser test only), so any
    test after them that was not recognised as a database test would find the
    migrations' rows (home page, groups, workflow) gone. Other tests with real
    transactions (the backup round trip) flush it too, so they go just before them.
    pytest-xdist's workers (`make test`) are handed tests in this order, so each
    worker keeps it too.

    The tests on the seeded demo go first of all: pytest-xdist hands each worker a
    first run of consecutive tests (a quarter of its share), so they all land on one
    worker, which seeds the demo once for the seed's tests and once for the crawl,
    the second drawing on the first's rendition files. Anywhere else they could be
    split between the workers and the demo seeded twice more.
    """
    items.sort(
        key=lambda item: (
            "/tests/e2e/" in str(item.path),
            flushes(item),
            item.get_closest_marker("seeded_demo") is None,
        )
    )


def flushes(item):
    marker = item.get_closest_marker("django_db")
    transaction = marker and marker.kwargs.get(
        "transaction", bool(marker.args and marker.args[0])
    )
    return bool(transaction) or "transactional_db" in item.fixturenames


@pytest.fixture(scope="session")
def django_db_keepdb(
    request,
    django_db_blocker,
    django_db_modify_db_settings,
    django_db_use_migrations,
    django_db_createdb,
):
    """On SQLite, the test database is a copy of a template migrated once
    (tests/database_template.py), which Django then opens as a kept database; it is
    removed at the end of the session as Django's own would be. --reuse-db,
    --create-db, --no-migrations and PostgreSQL keep pytest-django's creation."""
    keep = request.config.getvalue("reuse_db")
    if (
        keep
        or django_db_createdb
        or not django_db_use_migrations
        or not database_template.applies()
    ):
        yield keep
        return
    from django.db import connections

    connection = connections["default"]
    name = connection.settings_dict["NAME"]
    with django_db_blocker.unblock():
        database_template.install()
    yield True
    if connection.settings_dict["NAME"] != name:
        with django_db_blocker.unblock():
            connection.creation.destroy_test_db(name, verbosity=0)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """On SQLite, a serialized_rollback test's database is restored from a copy of
    the rows taken at set-up rather than through the ORM (database_template.Snapshot)."""
    from django.db import connections

    connection = connections["default"]
    with pytest.MonkeyPatch.context() as patch:
        if connection.vendor == "sqlite" and hasattr(
            connection, "_test_serialized_contents"
        ):
            with django_db_blocker.unblock():
                snapshot = database_template.Snapshot()
            creation = type(connection.creation)
            patch.setattr(
                creation,
                "deserialize_db_from_string",
                snapshot.instead_of(creation.deserialize_db_from_string),
            )
        yield


def _fastest(save, option, value):
    def save_fast(image, fp, filename):
        image.encoderinfo.setdefault(option, value)
        return save(image, fp, filename)

    return save_fast


@pytest.fixture(scope="session", autouse=True)
def fast_image_encoders():
    """AVIF and WebP encoded at their fastest effort, unless a caller asks otherwise.

    Each test's database is new, so every page it renders makes its renditions again
    (a 1600px hero: four widths in AVIF, WebP and JPEG), and at the default effort the
    encoders cost most of a page's first render. The format, size, quality and the
    stripped metadata stay what the site writes; only the encoder's search for a
    smaller file is cut short (libavif speed 10 rather than 6, libwebp method 0
    rather than 4), which no test measures.
    """
    Image.init()
    with pytest.MonkeyPatch.context() as patch:
        for name, option, value in (("AVIF", "speed", 10), ("WEBP", "method", 0)):
            if name in Image.SAVE:
                patch.setitem(
                    Image.SAVE, name, _fastest(Image.SAVE[name], option, value)
                )
        yield


@pytest.fixture(autouse=True)
def mail_through_the_queue(settings):
    """Send every test's mail the way the site does: queued (operations.mail), then
    delivered by the task (immediate in tests) to locmem's mail.outbox.

    pytest-django's test environment replaces EMAIL_BACKEND with locmem; put ours back.
    """
    settings.EMAIL_BACKEND = "operations.mail.QueuedEmailBackend"


@pytest.fixture(autouse=True)
def fresh_cache():
    """Each test starts with an empty cache: its database is new, so nothing kept from
    another test (a listing's page boundaries, a rendition) may answer for it."""
    from django.core.cache import cache

    from caching.pages import forget_generation, pages_in_memory
    from contributors.visibility import forget_version_memos

    cache.clear()
    pages_in_memory.clear()
    forget_generation()
    forget_version_memos()


@pytest.fixture
def home_page(db):
    # The data migration puts the one HomePage at the root of the default site.
    return HomePage.objects.get()


@pytest.fixture
def blog_index(home_page):
    return BlogIndexPage.objects.get()


@pytest.fixture
def contributor_index(home_page):
    return ContributorIndexPage.objects.get()


@pytest.fixture
def category(db):
    return CategoryFactory(name="Dukungan emosional", slug="dukungan-emosional")


@pytest.fixture
def superuser(db, django_user_model):
    return django_user_model.objects.create_superuser(
        username="redaksi", email="redaksi@serambi.test", password="rahasia"
    )


@pytest.fixture
def admin_browser(client, superuser):
    """The test client, logged in to the admin as a superuser."""
    client.force_login(superuser)
    return client


@pytest.fixture
def admin_in(client, superuser):
    """Log the superuser in to an admin in `language` (None: the site's, Indonesian);
    returns the client."""

    def log_in(language=None):
        if language:
            profile = UserProfile.get_for_user(superuser)
            profile.preferred_language = language
            profile.save()
        client.force_login(superuser)
        return client

    return log_in


@pytest.fixture
def page_asserts(admin_browser):
    """Wagtail's page assertions (assertCanCreate, …) as a logged-in superuser."""
    return PageAssertions.with_client(admin_browser)


@pytest.fixture
def ratna(contributor_index):
    """The writer of the real post (tests/real_post.py): an account, a profile whose
    bio is still empty."""
    user = make_user("ratna", "Contributors")
    ContributorPageFactory(
        parent=contributor_index,
        title="Ratna Sari",
        slug="ratna-sari",
        user=user,
        short_bio="",
    )
    return user
