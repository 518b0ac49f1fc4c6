"""/cari/: articles and contributors a reader may see, found by what they say."""

from wagtail.models import PageViewRestriction

import pytest

from blog.models import ArticlePage
from demo.factories import ArticlePageFactory
from tests.site_builder import article, category, contributor, pen_name_writer
from website.views import SEARCH_RESULTS_PER_PAGE

pytestmark = pytest.mark.django_db


def found(client, query, **params):
    response = client.get("/cari/", {"q": query, **params})
    assert response.status_code == 200
    return response


def titles(response):
    return {page.title for page in response.context["results"]}


@pytest.fixture
def writer(contributor_index):
    return contributor(contributor_index, "Ayu Lestari", short_bio="Ibu dua anak.")


def test_finds_articles_by_title_standfirst_body_tag_and_category(
    client, blog_index, writer
):
    article(blog_index, writers=[writer], title="Mengatur anggaran rumah")
    article(
        blog_index,
        writers=[writer],
        title="Pagi yang sibuk",
        standfirst="Menyiapkan bekal sebelum subuh.",
    )
    article(
        blog_index,
        writers=[writer],
        title="Surat untuk anakku",
        body=[("paragraph", "<p>Kelak kamu akan mengerti arti kesabaran.</p>")],
    )
    # Tagged the way the editor does it: a new revision, published.
    tagged = ArticlePage.objects.get(
        pk=article(blog_index, writers=[writer], title="Catatan malam").pk
    )
    tagged.tags.add("insomnia")
    tagged.save_revision().publish()
    article(
        blog_index,
        writers=[writer],
        title="Bertemu pengacara",
        category=category("Hukum keluarga", "hukum-keluarga"),
    )

    assert titles(found(client, "anggaran")) == {"Mengatur anggaran rumah"}
    assert titles(found(client, "bekal")) == {"Pagi yang sibuk"}
    assert titles(found(client, "kesabaran")) == {"Surat untuk anakku"}
    assert titles(found(client, "insomnia")) == {"Catatan malam"}
    assert titles(found(client, "hukum")) == {"Bertemu pengacara"}


def test_results_are_specific_pages_with_a_count(client, blog_index, writer):
    page = article(blog_index, writers=[writer], title="Anggaran belanja")

    response = found(client, "anggaran")

    assert list(response.context["results"]) == [page]
    assert response.context["result_count"] == 1
    assert response.context["query"] == "anggaran"
    assert response.context["results"][0].writers_for_listing == [writer]


def test_finds_a_contributor_by_name_and_bio(client, writer):
    assert list(found(client, "Lestari").context["results"]) == [writer]
    assert list(found(client, "anak").context["results"]) == [writer]


def test_never_finds_a_pen_name_writer_by_her_real_name(client, contributor_index):
    hidden = pen_name_writer(contributor_index)

    assert list(found(client, "Rahmawati").context["results"]) == []
    assert list(found(client, "Siti").context["results"]) == []
    response = found(client, "Bunga Senja")
    assert list(response.context["results"]) == [hidden]
    assert "Siti Rahmawati" not in response.content.decode()


def test_never_shows_drafts_unpublished_or_private_pages(
    client, blog_index, contributor_index, writer
):
    article(blog_index, writers=[writer], title="Kebun terbuka")
    ArticlePageFactory(parent=blog_index, live=False, title="Kebun draf")
    gone = article(blog_index, writers=[writer], title="Kebun ditarik")
    gone.unpublish()
    private = article(blog_index, writers=[writer], title="Kebun anggota")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.LOGIN
    )
    hidden_profile = contributor(contributor_index, "Kebun Profil")
    hidden_profile.unpublish()

    response = found(client, "kebun")

    assert titles(response) == {"Kebun terbuka"}
    html = response.content.decode()
    for title in ("Kebun draf", "Kebun ditarik", "Kebun anggota", "Kebun Profil"):
        assert title not in html


def test_index_pages_are_not_results(client, blog_index, contributor_index):
    assert list(found(client, "Artikel").context["results"]) == []
    assert list(found(client, "Kontributor").context["results"]) == []


def test_results_are_paginated(client, blog_index, writer):
    for day in range(SEARCH_RESULTS_PER_PAGE + 3):
        article(blog_index, writers=[writer], title=f"Resep sayur {day}", days=day)

    first = found(client, "resep")
    second = found(client, "resep", page=2)

    assert first.context["result_count"] == SEARCH_RESULTS_PER_PAGE + 3
    assert len(first.context["results"]) == SEARCH_RESULTS_PER_PAGE
    assert len(second.context["results"]) == 3
    assert titles(first).isdisjoint(titles(second))
    assert "page=2" in first.content.decode()


def test_the_query_is_shown_escaped(client, blog_index, writer):
    response = found(client, '<script>alert("x")</script> anggaran')

    html = response.content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;" in html


def test_empty_query_shows_the_form_only(client):
    response = found(client, "")

    assert response.context["result_count"] == 0
    assert list(response.context["results"]) == []
    assert 'name="q"' in response.content.decode()
