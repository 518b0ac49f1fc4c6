"""A page request finds its Site and home page in one query (website.site_lookup),
choosing the site Wagtail would choose, and leaves a site whose root is not the
home page to Wagtail."""

from django.test import RequestFactory

from wagtail.models import Site

import pytest

from demo.factories import ArticlePageFactory
from website.site_lookup import LEFT_TO_WAGTAIL, find_site

HOSTS = [
    "localhost",
    "testserver",
    "kedua.example",
    "kedua.example:8080",
    "kedua.example:9000",
    "ketiga.example",
    "ketiga.example:8443",
    "tidak-dikenal.example",
]


@pytest.fixture
def sites(home_page):
    Site.objects.create(hostname="kedua.example", port=80, root_page=home_page)
    Site.objects.create(hostname="kedua.example", port=8080, root_page=home_page)
    Site.objects.create(hostname="ketiga.example", port=8443, root_page=home_page)
    Site.clear_site_root_paths_cache()
    yield
    Site.clear_site_root_paths_cache()


@pytest.mark.parametrize("host", HOSTS)
def test_the_site_is_the_one_wagtail_chooses(sites, host):
    request = RequestFactory().get("/", HTTP_HOST=host)

    found = find_site(request)
    expected = Site._find_for_request(request)

    assert found == expected
    assert found.root_page.specific_class is type(found.root_page)


def test_no_default_site_and_no_match_finds_none(home_page):
    Site.objects.update(is_default_site=False)
    request = RequestFactory().get("/", HTTP_HOST="tidak-dikenal.example")

    assert find_site(request) is None
    assert Site._find_for_request(request) is None


def test_a_site_rooted_elsewhere_is_left_to_wagtail(
    client, settings, blog_index, home_page
):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "artikel.example"]
    Site.objects.create(hostname="artikel.example", port=80, root_page=blog_index)
    Site.clear_site_root_paths_cache()
    ArticlePageFactory(parent=blog_index, title="Pagi yang tenang", slug="pagi")
    request = RequestFactory().get("/", HTTP_HOST="artikel.example")

    assert find_site(request) is LEFT_TO_WAGTAIL
    response = client.get("/pagi/", HTTP_HOST="artikel.example")
    assert response.status_code == 200
    assert "Pagi yang tenang" in response.content.decode()
    Site.clear_site_root_paths_cache()
