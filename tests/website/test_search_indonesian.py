"""On PostgreSQL, search knows Indonesian word forms: its `indonesian` text search
configuration stems "ditulis" and "tulisan" to one root (settings SEARCH_CONFIG)."""

from django.conf import settings
from django.db import connection
from django.urls import reverse

import pytest

from tests.site_builder import article, contributor

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL (set DATABASE_URL): SQLite's FTS5 has no Indonesian "
        "stemmer",
    ),
]


def found(client, query):
    response = client.get(reverse("search"), {"q": query})
    assert response.status_code == 200
    return [str(page) for page in response.context["results"]]


def test_the_backend_uses_the_indonesian_configuration():
    assert settings.WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"] == "indonesian"


def test_ditulis_finds_an_article_that_only_says_tulisan(
    client, blog_index, contributor_index
):
    writer = contributor(contributor_index, "Ayu Lestari")
    article(
        blog_index,
        writers=[writer],
        title="Surat untuk anakku",
        body=[("paragraph", "<p>Tulisan ini kusimpan untuk ulang tahunmu.</p>")],
    )
    article(blog_index, writers=[writer], title="Belanja hemat di pasar")

    assert found(client, "ditulis") == ["Surat untuk anakku"]
