"""Articles as readers meet them: reading time, credits, listings, categories, tags."""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db.models import ProtectedError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

import pytest

from blog.models import ARTICLES_PER_PAGE, ArticleCredit, ArticlePage
from demo.factories import ArticleCreditFactory, ArticlePageFactory, CategoryFactory


def words(count):
    return " ".join(["kata"] * count)


def paragraph(text):
    return ("paragraph", f"<p>{text}</p>")


def make_articles(blog_index, count, **kwargs):
    """`count` live articles published a day apart; the last one is the newest."""
    start = timezone.now() - timedelta(days=count + 1)
    articles = []
    for number in range(count):
        article = ArticlePageFactory(
            parent=blog_index,
            title=f"Artikel nomor {number:02d}",
            slug=f"artikel-nomor-{number:02d}",
            **kwargs,
        )
        article.first_published_at = start + timedelta(days=number)
        article.save(update_fields=["first_published_at"])
        articles.append(article)
    return articles


def listed_titles(response):
    return [article.title for article in response.context["articles"]]


# --- Reading time -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "minutes"),
    [
        pytest.param([], 1, id="empty-body"),
        pytest.param([paragraph(words(10))], 1, id="short"),
        pytest.param([paragraph(words(200))], 1, id="exactly-one-minute"),
        pytest.param([paragraph(words(201))], 2, id="just-over-a-minute"),
        pytest.param([paragraph(words(400))], 2, id="400-words"),
        pytest.param(
            [paragraph(words(250)), paragraph(words(250))], 3, id="two-paragraphs"
        ),
    ],
)
def test_reading_time_comes_from_the_body(blog_index, body, minutes):
    article = ArticlePageFactory(parent=blog_index, body=body)

    assert article.reading_time == minutes


def test_reading_time_counts_text_in_structured_blocks_not_markup(blog_index):
    article = ArticlePageFactory(
        parent=blog_index,
        body=[
            ("heading", {"text": words(100), "level": "h2"}),
            paragraph(f"<strong>{words(150)}</strong>"),
        ],
    )

    assert article.reading_time == 2


def test_reading_time_is_shown_on_the_article(client, blog_index, writer):
    article = ArticlePageFactory(
        parent=blog_index, body=[paragraph(words(400))], writer=writer
    )

    response = client.get(article.get_url())

    assert response.status_code == 200
    assert "2 menit" in response.content.decode()


def test_reading_time_is_kept_on_the_row_and_follows_each_publish(
    client, blog_index, writer
):
    article = ArticlePageFactory(
        parent=blog_index, body=[paragraph(words(400))], writer=writer
    )
    assert ArticlePage.objects.get(pk=article.pk).reading_minutes == 2

    article.body = [paragraph(words(700))]
    article.save_revision().publish()

    assert ArticlePage.objects.get(pk=article.pk).reading_minutes == 4
    assert "4 menit" in client.get(article.get_url()).content.decode()


def test_a_row_saved_before_reading_time_was_kept_still_shows_it(
    client, blog_index, writer
):
    article = ArticlePageFactory(
        parent=blog_index, body=[paragraph(words(400))], writer=writer
    )
    ArticlePage.objects.filter(pk=article.pk).update(reading_minutes=None)

    assert "2 menit" in client.get(article.get_url()).content.decode()


def test_a_preview_counts_the_body_being_edited(superuser, blog_index, writer):
    article = ArticlePageFactory(
        parent=blog_index, body=[paragraph(words(400))], writer=writer
    )
    admin_client = Client()
    admin_client.force_login(superuser)
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[article.pk])
    form = nested_form_data(
        {
            "title": article.title,
            "slug": article.slug,
            "body": streamfield([("paragraph", rich_text(f"<p>{words(900)}</p>"))]),
            "credits": inline_formset(
                [{"contributor": writer.pk, "role": "writer"}], min=1
            ),
            "tags": "",
        }
    )

    assert admin_client.post(preview_url, form).json()["is_valid"]
    preview = admin_client.get(preview_url).content.decode()

    assert "5 menit" in preview
    # The live row keeps the published body's count.
    assert ArticlePage.objects.get(pk=article.pk).reading_minutes == 2


# --- Credits ------------------------------------------------------------------------


def test_writers_are_the_writer_credits_in_order(
    blog_index, writer, second_writer, illustrator
):
    article = ArticlePageFactory(parent=blog_index)
    for order, (person, role) in enumerate(
        [
            (second_writer, ArticleCredit.Role.WRITER),
            (illustrator, ArticleCredit.Role.ILLUSTRATOR),
            (writer, ArticleCredit.Role.WRITER),
        ]
    ):
        ArticleCreditFactory(
            page=article, contributor=person, role=role, sort_order=order
        )

    assert article.writers == [second_writer, writer]
    assert [c.contributor for c in article.credits_by_role("illustrator")] == [
        illustrator
    ]


def test_public_article_lists_credits_and_writers_in_order(
    client, blog_index, writer, second_writer, illustrator
):
    article = ArticlePageFactory(parent=blog_index, title="Kisah dua penulis")
    for order, (person, role) in enumerate(
        [
            (second_writer, ArticleCredit.Role.WRITER),
            (writer, ArticleCredit.Role.WRITER),
            (illustrator, ArticleCredit.Role.ILLUSTRATOR),
        ]
    ):
        ArticleCreditFactory(
            page=article, contributor=person, role=role, sort_order=order
        )

    response = client.get(article.get_url())

    assert response.status_code == 200
    content = response.content.decode()
    # Byline: the writers, in credit order, before the body.
    body_start = content.index("Awal cerita")
    assert content.index("Ani Rahmawati") < content.index("Sri Wahyuni") < body_start
    # After the body: every credit, including the illustrator's.
    credits_part = content[body_start:]
    assert "Ilustrator" in credits_part
    assert (
        credits_part.index("Ani Rahmawati")
        < credits_part.index("Sri Wahyuni")
        < credits_part.index("Maya Kusuma")
    )
    # And the writer's bio.
    assert writer.short_bio in credits_part


def test_contributor_in_use_cannot_be_deleted_silently(blog_index, writer):
    ArticlePageFactory(parent=blog_index, writer=writer)

    with pytest.raises(ProtectedError):
        writer.delete()


# --- Model rules --------------------------------------------------------------------


@pytest.mark.parametrize("slug", ["kategori", "tag", "feed"])
def test_model_refuses_reserved_slugs(blog_index, slug):
    article = ArticlePageFactory(parent=blog_index)
    article.slug = slug

    with pytest.raises(ValidationError) as error:
        article.full_clean()

    assert "slug" in error.value.message_dict


def test_summary_falls_back_from_excerpt_to_standfirst(blog_index):
    article = ArticlePageFactory(
        parent=blog_index, excerpt="Cuplikan.", standfirst="Pembuka."
    )
    assert article.summary == "Cuplikan."

    article.excerpt = ""
    assert article.summary == "Pembuka."


# --- The index: newest first, twelve a page -----------------------------------------


def test_index_lists_newest_first(client, blog_index):
    make_articles(blog_index, 3)

    response = client.get("/artikel/")

    assert response.status_code == 200
    assert listed_titles(response) == [
        "Artikel nomor 02",
        "Artikel nomor 01",
        "Artikel nomor 00",
    ]


def test_index_paginates_twelve_a_page(client, blog_index):
    articles = make_articles(blog_index, ARTICLES_PER_PAGE + 2)
    newest_first = [article.title for article in reversed(articles)]

    first = client.get("/artikel/")
    second = client.get("/artikel/?page=2")

    assert ARTICLES_PER_PAGE == 12
    assert listed_titles(first) == newest_first[:12]
    assert second.status_code == 200
    assert listed_titles(second) == newest_first[12:]
    assert "Artikel nomor 00" in second.content.decode()
    assert "Artikel nomor 00" not in first.content.decode()


def test_thirteen_articles_leave_one_for_page_two(client, blog_index):
    make_articles(blog_index, 13)

    second = client.get("/artikel/", {"page": 2})

    assert listed_titles(second) == ["Artikel nomor 00"]


@pytest.mark.parametrize(
    ("page", "expected_number"),
    [("abc", 1), ("99999", 2), ("-1", 1), ("0", 1), ("", 1)],
)
def test_bad_page_numbers_do_not_break_the_index(
    client, blog_index, page, expected_number
):
    make_articles(blog_index, 13)

    response = client.get("/artikel/", {"page": page})

    assert response.status_code == 200
    assert response.context["articles"].number == expected_number


def test_index_hides_drafts(client, blog_index):
    make_articles(blog_index, 1)
    ArticlePageFactory(parent=blog_index, title="Belum terbit", live=False)

    response = client.get("/artikel/")

    assert listed_titles(response) == ["Artikel nomor 00"]


# --- Category and tag listings ------------------------------------------------------


def test_category_listing_shows_only_that_category(client, blog_index, category):
    other = CategoryFactory(name="Keuangan", slug="keuangan")
    ArticlePageFactory(parent=blog_index, title="Tentang rasa", category=category)
    ArticlePageFactory(parent=blog_index, title="Tentang uang", category=other)
    ArticlePageFactory(parent=blog_index, title="Tanpa kategori")

    response = client.get("/artikel/kategori/dukungan-emosional/")

    assert response.status_code == 200
    assert listed_titles(response) == ["Tentang rasa"]
    assert "Dukungan emosional" in response.content.decode()


def test_tag_listing_shows_only_that_tag(client, blog_index):
    tagged = ArticlePageFactory(parent=blog_index, title="Bekal sekolah")
    tagged.tags.add("anak")
    tagged.save()
    other = ArticlePageFactory(parent=blog_index, title="Cicilan rumah")
    other.tags.add("keuangan")
    other.save()

    response = client.get("/artikel/tag/anak/")

    assert response.status_code == 200
    assert listed_titles(response) == ["Bekal sekolah"]


@pytest.mark.parametrize(
    "url", ["/artikel/kategori/tidak-ada/", "/artikel/tag/tidak-ada/"]
)
def test_unknown_category_or_tag_is_a_404(client, blog_index, category, url):
    response = client.get(url)

    assert response.status_code == 404
    assert "Halaman tidak ditemukan" in response.content.decode()


def test_category_listing_paginates(client, blog_index, category):
    make_articles(blog_index, 13, category=category)

    second = client.get("/artikel/kategori/dukungan-emosional/?page=2")

    assert listed_titles(second) == ["Artikel nomor 00"]
