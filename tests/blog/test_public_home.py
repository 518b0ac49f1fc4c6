"""The home page: featured articles, the latest, topics and a few faces."""

from wagtail.models import PageViewRestriction

import pytest

from demo.factories import ArticlePageFactory
from tests.site_builder import article, category, contributor, pen_name_writer
from website.models import HomePageFeaturedArticle

pytestmark = pytest.mark.django_db


def feature(home_page, *articles):
    for order, page in enumerate(articles):
        HomePageFeaturedArticle.objects.create(
            page=home_page, article=page, sort_order=order
        )


def test_featured_in_the_editors_order_then_latest_without_them(
    client, home_page, blog_index, contributor_index
):
    writer = contributor(contributor_index, "Ayu Lestari")
    pages = [article(blog_index, writers=[writer], days=day) for day in range(10)]
    feature(home_page, pages[2], pages[9])

    context = client.get("/").context

    assert context["featured_articles"] == [pages[2], pages[9]]
    assert context["latest_articles"] == [pages[8], *pages[7:2:-1]]
    assert len(context["latest_articles"]) == 6
    assert context["latest_articles"][0].writers_for_listing == [writer]


def test_featured_leaves_out_unpublished_and_private(
    client, home_page, blog_index, contributor_index
):
    writer = contributor(contributor_index)
    shown = article(blog_index, writers=[writer])
    unpublished = article(blog_index, writers=[writer], title="Ditarik")
    unpublished.unpublish()
    private = article(blog_index, writers=[writer], title="Khusus anggota")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.LOGIN
    )
    feature(home_page, unpublished, private, shown)

    response = client.get("/")

    assert response.context["featured_articles"] == [shown]
    assert response.context["latest_articles"] == []
    html = response.content.decode()
    assert "Ditarik" not in html
    assert "Khusus anggota" not in html


def test_categories_and_spotlight(client, home_page, blog_index, contributor_index):
    keluarga = category("Keluarga")
    category("Kosong")
    with_photo = contributor(contributor_index, "Ayu Lestari", photo=True)
    pen_name = pen_name_writer(contributor_index, photo=True)
    no_photo = contributor(contributor_index, "Dewi Anggraini")
    draft_only = contributor(contributor_index, "Rina", photo=True)
    article(blog_index, writers=[with_photo, pen_name, no_photo], category=keluarga)
    draft = ArticlePageFactory(parent=blog_index, live=False)
    draft.credits.create(contributor=draft_only, role="writer")

    response = client.get("/")

    assert list(response.context["categories"]) == [keluarga]
    assert response.context["spotlight_contributors"] == [with_photo]
    assert "Siti Rahmawati" not in response.content.decode()


def test_spotlight_shows_the_four_latest_live_public_faces(
    client, home_page, blog_index, contributor_index
):
    # Each writes one article, Hana the newest of these.
    names = ["Hana", "Gita", "Fitri", "Eka", "Dian", "Citra", "Bunga"]
    people = {name: contributor(contributor_index, name, photo=True) for name in names}
    for days, name in enumerate(reversed(names)):
        article(blog_index, writers=[people[name]], days=days)
    # Gita's page is private, Fitri's unpublished: neither is shown.
    PageViewRestriction.objects.create(
        page=people["Gita"], restriction_type=PageViewRestriction.LOGIN
    )
    people["Fitri"].unpublish()
    # Ani wrote the newest article of all.
    ani = contributor(contributor_index, "Ani", photo=True)
    article(blog_index, writers=[ani], days=len(names))

    response = client.get("/")

    assert response.context["spotlight_contributors"] == [
        ani,
        people["Hana"],
        people["Eka"],
        people["Dian"],
    ]


def test_the_featured_articles_are_built_once_while_they_stay_the_same(
    client, home_page, blog_index, contributor_index, monkeypatch
):
    """Their queryset is built (and compiled) once; an article featured or taken
    off, or a section made private, builds it anew."""
    from django.db import connections

    from website.models import HomeCards

    writer = contributor(contributor_index, "Ayu Lestari")
    pages = [article(blog_index, writers=[writer], days=day) for day in range(4)]
    feature(home_page, pages[1])
    builds = []
    built = HomeCards.featured_articles

    def featured_articles(self, paths):
        builds.append(paths)
        return built(self, paths)

    monkeypatch.setattr(HomeCards, "featured_articles", featured_articles)
    # Nothing kept from an earlier test's home page (the same key).
    monkeypatch.delitem(
        connections["default"].__dict__, "_serambi_compiled", raising=False
    )

    assert client.get("/").context["featured_articles"] == [pages[1]]
    assert client.get("/").context["featured_articles"] == [pages[1]]
    assert len(builds) == 1

    # Featuring another is a change of rows, read afresh in the same SQL.
    HomePageFeaturedArticle.objects.create(
        page=home_page, article=pages[3], sort_order=1
    )
    assert client.get("/").context["featured_articles"] == [pages[1], pages[3]]

    PageViewRestriction.objects.create(
        page=pages[1], restriction_type=PageViewRestriction.LOGIN
    )
    assert client.get("/").context["featured_articles"] == [pages[3]]
    assert len(builds) == 2
