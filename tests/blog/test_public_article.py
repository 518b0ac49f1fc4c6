"""An article page: the credits, tags and related articles its reader sees."""

from wagtail.models import PageViewRestriction

import pytest

from blog.models import ArticleCredit
from demo.factories import ArticleCreditFactory, ArticlePageFactory
from tests.site_builder import article, category, contributor, pen_name_writer

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(contributor_index):
    return {
        "ayu": contributor(contributor_index, "Ayu Lestari", photo=True),
        "bunga": pen_name_writer(contributor_index, photo=True),
        "dewi": contributor(contributor_index, "Dewi Anggraini"),
    }


def test_credits_writers_tags_and_category(client, blog_index, people):
    keluarga = category("Keluarga")
    page = article(
        blog_index,
        writers=[people["ayu"], people["bunga"]],
        illustrators=[people["dewi"]],
        tags=["sekolah", "anggaran"],
        category=keluarga,
    )

    response = client.get(page.url)

    context = response.context
    assert [(c.contributor, c.role) for c in context["credits"]] == [
        (people["ayu"], ArticleCredit.Role.WRITER),
        (people["bunga"], ArticleCredit.Role.WRITER),
        (people["dewi"], ArticleCredit.Role.ILLUSTRATOR),
    ]
    assert [c.contributor for c in context["writer_credits"]] == [
        people["ayu"],
        people["bunga"],
    ]
    assert context["writers"] == [people["ayu"], people["bunga"]]
    assert [tag.name for tag in context["tags"]] == ["anggaran", "sekolah"]
    assert context["category"] == keluarga
    html = response.content.decode()
    assert "Bunga Senja" in html
    assert "Siti Rahmawati" not in html


def test_credits_follow_the_editors_order(client, blog_index, people):
    page = ArticlePageFactory(parent=blog_index)
    ArticleCreditFactory(
        page=page,
        contributor=people["dewi"],
        role=ArticleCredit.Role.ILLUSTRATOR,
        sort_order=1,
    )
    ArticleCreditFactory(page=page, contributor=people["ayu"], sort_order=0)

    credits = client.get(page.url).context["credits"]

    assert [c.contributor for c in credits] == [people["ayu"], people["dewi"]]


def test_related_articles_share_tags_then_category_then_are_newest(
    client, blog_index, people
):
    keluarga = category("Keluarga")
    kerja = category("Pekerjaan")
    writer = [people["ayu"]]
    page = article(
        blog_index, writers=writer, tags=["anggaran", "sekolah"], category=keluarga
    )
    two_tags = article(
        blog_index, writers=writer, tags=["anggaran", "sekolah"], category=kerja
    )
    one_tag = article(blog_index, writers=writer, tags=["sekolah"], category=kerja)
    same_category = article(blog_index, writers=writer, category=keluarga, days=-5)
    article(blog_index, writers=writer, category=kerja, days=30)  # newest, unrelated

    related = client.get(page.url).context["related_articles"]

    assert related == [two_tags, one_tag, same_category]


def test_related_articles_fall_back_to_the_newest(client, blog_index, people):
    page = article(blog_index, writers=[people["ayu"]])
    older = article(blog_index, writers=[people["ayu"]], days=-3)
    newer = article(blog_index, writers=[people["ayu"]], days=3)

    related = client.get(page.url).context["related_articles"]

    assert related == [newer, older]
    assert all(hasattr(a, "writers_for_listing") for a in related)


def test_related_articles_never_include_drafts_or_private_pages(
    client, blog_index, people
):
    page = article(blog_index, writers=[people["ayu"]], tags=["anggaran"])
    ArticlePageFactory(parent=blog_index, live=False, title="Draf")
    private = article(blog_index, writers=[people["ayu"]], tags=["anggaran"])
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.LOGIN
    )

    assert client.get(page.url).context["related_articles"] == []


def test_unpublished_article_is_404(client, blog_index, people):
    page = article(blog_index, writers=[people["ayu"]])
    url = page.url
    page.unpublish()

    assert client.get(url).status_code == 404


def test_private_article_asks_for_login(client, blog_index, people):
    page = article(blog_index, writers=[people["ayu"]])
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.LOGIN
    )

    response = client.get(page.url)

    assert response.status_code == 302
    assert "login" in response["Location"]
