"""The site settings and the section indexes (website.sections) are read once per
public version by each process: an edit to the settings, or a section index moved,
renamed or unpublished, shows on the next page; no caller's changes reach another."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Site

import pytest

from blog.models import BlogIndexPage
from website.models import SiteSettings

pytestmark = pytest.mark.django_db


def settings_queries(client, url="/"):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    found = [q for q in queries if "website_sitesettings" in q["sql"]]
    return len(found), response.content.decode()


def test_read_once_while_nothing_changes(client, home_page):
    SiteSettings.for_site(Site.objects.get()).save()  # settings exist
    settings_queries(client)
    assert settings_queries(client)[0] == 0
    assert settings_queries(client, "/artikel/")[0] == 0


def test_an_edit_to_the_settings_shows_on_the_next_page(client, home_page):
    site = Site.objects.get()
    SiteSettings.for_site(site).save()
    settings_queries(client)
    kept = SiteSettings.for_site(site)
    kept.tagline = "Ruang aman untuk bercerita"
    kept.save()
    count, html = settings_queries(client)
    assert count == 1
    assert "Ruang aman untuk bercerita" in html


def test_a_renamed_section_shows_on_the_next_page(client, home_page, blog_index):
    SiteSettings.for_site(Site.objects.get()).save()
    assert 'href="/artikel/"' in settings_queries(client)[1]
    index = BlogIndexPage.objects.get()
    index.slug = "tulisan"
    index.save_revision().publish()
    html = settings_queries(client)[1]
    assert 'href="/tulisan/"' in html and 'href="/artikel/"' not in html


def test_each_caller_gets_its_own_copy(home_page):
    site = Site.objects.get()
    SiteSettings.for_site(site).save()
    first = SiteSettings.for_site(site)
    first.tagline = "Belum disimpan"
    first.sections  # noqa: B018 - cached on this copy only
    second = SiteSettings.for_site(site)
    assert second.tagline != "Belum disimpan"
    assert second is not first and second._state is not first._state
