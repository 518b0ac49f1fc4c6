"""Links in e-mails, the sitemap and feeds name the address the site is served at.

The Site record that migrations create says localhost:80, so a sitemap and the
"Sudah terbit" e-mail pointed at http://localhost/ wherever the site really ran.
"""

from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse

from wagtail.models import Site

import pytest

from demo.factories import ArticlePageFactory, ContributorPageFactory
from tests.editorial.conftest import article_data, draft_by, make_user
from tests.website.test_settings import settings_in

PUBLIC = "https://serambi.example.org"


@pytest.fixture
def served_at_public_address(db):
    with override_settings(WAGTAILADMIN_BASE_URL=PUBLIC):
        call_command("migrate", verbosity=0)
        yield
    Site.clear_site_root_paths_cache()


def test_migrate_points_the_default_site_at_the_base_url(served_at_public_address):
    site = Site.objects.get(is_default_site=True)

    assert (site.hostname, site.port) == ("serambi.example.org", 443)
    assert site.root_url == PUBLIC


def test_sitemap_names_the_public_address(served_at_public_address, client, blog_index):
    article = ArticlePageFactory(parent=blog_index, slug="menabung-bersama")

    xml = client.get("/sitemap.xml").content.decode()

    assert f"<loc>{PUBLIC}/artikel/menabung-bersama/</loc>" in xml
    assert "localhost" not in xml
    assert article.full_url == f"{PUBLIC}/artikel/menabung-bersama/"


def test_published_e_mail_links_to_the_public_address(
    served_at_public_address, client, blog_index, contributor_index
):
    alya = make_user("alya", "Contributors")
    alya.profile_page = ContributorPageFactory(
        parent=contributor_index, title="Alya Rahma", slug="alya", user=alya
    )
    article = draft_by(alya, blog_index, title="Langsung terbit", slug="langsung")
    client.force_login(make_user("eka", "Editors"))

    client.post(
        reverse("wagtailadmin_pages:edit", args=[article.pk]),
        article_data(alya.profile_page, action="action-publish", slug=article.slug),
    )

    [published] = mail.outbox
    assert f"{PUBLIC}/artikel/langsung/" in published.body
    assert "localhost" not in published.body


def test_development_follows_host_and_port():
    values = settings_in(
        "website.settings.dev",
        ["WAGTAILADMIN_BASE_URL"],
        HOST="127.0.0.1",
        PORT="8301",
    )

    assert values["WAGTAILADMIN_BASE_URL"] == "http://127.0.0.1:8301"


def test_production_takes_the_address_from_the_environment():
    values = settings_in(
        "website.settings.production",
        ["WAGTAILADMIN_BASE_URL"],
        SECRET_KEY="x" * 50,
        ALLOWED_HOSTS="serambi.example.org,www.serambi.example.org",
    )
    assert values["WAGTAILADMIN_BASE_URL"] == PUBLIC

    values = settings_in(
        "website.settings.production",
        ["WAGTAILADMIN_BASE_URL"],
        SECRET_KEY="x" * 50,
        ALLOWED_HOSTS="serambi.example.org",
        WAGTAILADMIN_BASE_URL="https://tulisan.example.org",
    )
    assert values["WAGTAILADMIN_BASE_URL"] == "https://tulisan.example.org"
