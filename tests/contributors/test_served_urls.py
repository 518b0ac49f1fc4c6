"""Pages' addresses (contributors.routing.ServedUrlMixin) are the ones Wagtail's own
Page.get_url_parts gives, on one site and on several, under a script prefix, and for
a page outside every site."""

from django.test import RequestFactory
from django.urls import set_script_prefix

from wagtail.models import Page, Site

import pytest

from blog.models import BlogIndexPage
from contributors.models import ContributorIndexPage
from contributors.routing import ServedUrlMixin
from tests.site_builder import article, contributor
from website.models import HomePage

pytestmark = pytest.mark.django_db


def wagtails_own(page, request=None):
    return Page.get_url_parts(page, request=request)


@pytest.fixture
def pages():
    writer = contributor(ContributorIndexPage.objects.get(), "Sari Dewi")
    story = article(BlogIndexPage.objects.get(), title="Pagi", slug="pagi-hari")
    return [
        HomePage.objects.get(),
        BlogIndexPage.objects.get(),
        ContributorIndexPage.objects.get(),
        writer,
        story,
    ]


def test_every_public_page_type_uses_it(pages):
    for page in pages:
        assert isinstance(page, ServedUrlMixin), type(page)


def test_the_same_addresses_as_wagtail_on_one_site(pages, rf):
    request = rf.get("/")
    for page in pages:
        assert page.get_url_parts() == wagtails_own(page)
        assert page.get_url_parts(request) == wagtails_own(page, request)
    assert pages[-1].get_url() == "/artikel/pagi-hari/"


def test_the_same_addresses_under_a_script_prefix(pages):
    set_script_prefix("/serambi/")
    try:
        for page in pages:
            assert page.get_url_parts() == wagtails_own(page)
        assert pages[-1].get_url() == "/serambi/artikel/pagi-hari/"
    finally:
        set_script_prefix("/")
    assert pages[-1].get_url() == "/artikel/pagi-hari/"


def test_a_page_on_two_sites_takes_wagtails_path(pages):
    home = pages[0]
    Site.objects.create(hostname="kedua.example", port=80, root_page=home)
    request = RequestFactory(HTTP_HOST="kedua.example").get("/")
    for page in pages:
        assert page.get_url_parts(request) == wagtails_own(page, request)
        assert page.get_url(request) == Page.get_url(page, request)


def test_a_page_outside_every_site_has_no_address(pages):
    story = pages[-1]
    Site.objects.all().delete()
    story.refresh_from_db()

    assert story.get_url_parts() is None
    assert story.get_url() is None
