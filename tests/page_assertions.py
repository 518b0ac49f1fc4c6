from wagtail.coreutils import get_dummy_request
from wagtail.test.utils import WagtailPageTestCase


class PageAssertions(WagtailPageTestCase):
    """Wagtail's page assertions, driven by pytest's client instead of unittest."""

    def runTest(self):
        pass

    @classmethod
    def with_client(cls, client):
        helper = cls()
        helper.client = client
        helper.dummy_request = get_dummy_request()
        return helper
