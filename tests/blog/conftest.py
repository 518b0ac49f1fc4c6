"""Fixtures for the blog tests: an admin to post forms as, and contributors to credit."""

from wagtail.coreutils import get_dummy_request
from wagtail.test.utils import WagtailPageTestCase

import pytest

from contributors.factories import ContributorPageFactory


class PageAssertions(WagtailPageTestCase):
    """Wagtail's page assertions, driven by pytest's client instead of unittest."""

    def runTest(self):
        pass


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser(
        username="redaksi", email="redaksi@serambi.test", password="rahasia"
    )


@pytest.fixture
def admin_browser(client, superuser):
    """The test client, logged in to the admin as a superuser."""
    client.force_login(superuser)
    return client


@pytest.fixture
def page_asserts(admin_browser):
    helper = PageAssertions()
    helper.client = admin_browser
    helper.dummy_request = get_dummy_request()
    return helper


@pytest.fixture
def writer(contributor_index):
    return ContributorPageFactory(
        parent=contributor_index,
        title="Sri Wahyuni",
        slug="sri-wahyuni",
        short_bio="Ibu dari dua anak, menulis tentang keuangan keluarga.",
    )


@pytest.fixture
def second_writer(contributor_index):
    return ContributorPageFactory(
        parent=contributor_index, title="Ani Rahmawati", slug="ani-rahmawati"
    )


@pytest.fixture
def illustrator(contributor_index):
    return ContributorPageFactory(
        parent=contributor_index, title="Maya Kusuma", slug="maya-kusuma"
    )
