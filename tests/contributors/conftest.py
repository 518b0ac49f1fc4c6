"""Fixtures for the contributor tests: an admin to post forms as, and a tiny photo."""

import io

from django.core.files.images import ImageFile

from wagtail.coreutils import get_dummy_request
from wagtail.test.utils import WagtailPageTestCase

import pytest
from PIL import Image as PILImage

from website.models import CustomImage


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
def photo(db):
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 40), "#c0562b").save(buffer, "PNG")
    return CustomImage.objects.create(
        title="Foto profil",
        file=ImageFile(buffer, name="foto-siti-aminah.png"),
        alt_text="Foto Siti Aminah",
    )
