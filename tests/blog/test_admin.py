"""Writing articles and categories through the Wagtail admin, as an editor would."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

import pytest

from blog.models import ArticleCredit, ArticlePage, Category
from demo.factories import ArticlePageFactory

WRITER_REQUIRED = "Artikel harus mencantumkan setidaknya satu penulis"


def add_url(parent):
    return reverse("wagtailadmin_pages:add", args=["blog", "articlepage", parent.pk])


def article_form(credits, **fields):
    """The article add form as the admin posts it, publishing straight away."""
    data = {
        "title": "Mengatur uang belanja sendirian",
        "slug": "mengatur-uang-belanja",
        "standfirst": "Catatan seorang ibu tentang anggaran bulanan.",
        "body": streamfield(
            [
                ("heading", {"text": "Mulai dari catatan", "level": "h2"}),
                (
                    "paragraph",
                    rich_text(
                        "<p>Setiap malam saya mencatat pengeluaran hari itu.</p>"
                    ),
                ),
            ]
        ),
        "credits": inline_formset(credits, min=1),
        "tags": "",
        "action-publish": "action-publish",
    }
    data.update(fields)
    return nested_form_data(data)


def form_errors(response):
    form = response.context["form"]
    return [str(error) for error in form.non_field_errors()], form.errors


# --- Creating an article ----------------------------------------------------------


def test_superuser_can_create_an_article(page_asserts, blog_index, writer, illustrator):
    page_asserts.assertCanCreate(
        blog_index,
        ArticlePage,
        article_form(
            [
                {"contributor": writer.pk, "role": "writer"},
                {"contributor": illustrator.pk, "role": "illustrator"},
            ]
        ),
    )

    article = ArticlePage.objects.get(slug="mengatur-uang-belanja")
    assert article.live
    assert article.get_parent().specific == blog_index
    assert [block.block_type for block in article.body] == ["heading", "paragraph"]
    assert article.writers == [writer]
    assert [c.role for c in article.credits.all()] == ["writer", "illustrator"]


def test_published_article_is_live_on_the_public_site(
    admin_browser, client, blog_index, writer, illustrator
):
    response = admin_browser.post(
        add_url(blog_index),
        article_form(
            [
                {"contributor": writer.pk, "role": "writer"},
                {"contributor": illustrator.pk, "role": "illustrator"},
            ]
        ),
    )
    assert response.status_code == 302

    admin_browser.logout()
    public = client.get("/artikel/mengatur-uang-belanja/")
    assert public.status_code == 200
    content = public.content.decode()
    assert "Mengatur uang belanja sendirian" in content
    assert "Setiap malam saya mencatat pengeluaran hari itu." in content
    assert "Sri Wahyuni" in content
    assert "Ilustrator" in content
    assert "Maya Kusuma" in content
    # The writer's bio card closes the article.
    assert "Ibu dari dua anak, menulis tentang keuangan keluarga." in content
    assert "Mengatur uang belanja sendirian" in client.get("/artikel/").content.decode()


def test_draft_saved_in_the_admin_is_not_public(
    admin_browser, client, blog_index, writer
):
    data = article_form([{"contributor": writer.pk, "role": "writer"}])
    del data["action-publish"]

    response = admin_browser.post(add_url(blog_index), data)

    assert response.status_code == 302
    article = ArticlePage.objects.get(slug="mengatur-uang-belanja")
    assert not article.live
    admin_browser.logout()
    assert client.get("/artikel/mengatur-uang-belanja/").status_code == 404


# --- The writer-credit rule ---------------------------------------------------------


@pytest.mark.parametrize(
    "credits",
    [
        pytest.param([], id="no-credits"),
        pytest.param([{"role": "illustrator"}], id="only-illustrator"),
        pytest.param(
            [{"role": "illustrator"}, {"role": "translator"}], id="no-writer-among-many"
        ),
    ],
)
def test_article_without_a_writer_is_refused(
    admin_browser, blog_index, illustrator, credits
):
    credits = [{"contributor": illustrator.pk, **credit} for credit in credits]

    response = admin_browser.post(add_url(blog_index), article_form(credits))

    assert response.status_code == 200
    non_field, _ = form_errors(response)
    assert any(WRITER_REQUIRED in error for error in non_field)
    assert WRITER_REQUIRED in response.content.decode()
    assert not ArticlePage.objects.filter(slug="mengatur-uang-belanja").exists()
    assert not ArticleCredit.objects.exists()


def test_deleted_writer_credit_does_not_count(
    admin_browser, blog_index, writer, illustrator
):
    credits = [
        {"contributor": writer.pk, "role": "writer", "DELETE": "on"},
        {"contributor": illustrator.pk, "role": "illustrator"},
    ]

    response = admin_browser.post(add_url(blog_index), article_form(credits))

    assert response.status_code == 200
    non_field, _ = form_errors(response)
    assert any(WRITER_REQUIRED in error for error in non_field)
    assert not ArticlePage.objects.filter(slug="mengatur-uang-belanja").exists()


@pytest.fixture
def article_by_writer(admin_browser, blog_index, writer):
    """An article with its one writer, created through the admin."""
    admin_browser.post(
        add_url(blog_index),
        article_form([{"contributor": writer.pk, "role": "writer"}]),
    )
    return ArticlePage.objects.get(slug="mengatur-uang-belanja")


def test_removing_the_last_writer_from_a_live_article_is_refused(
    admin_browser, article_by_writer, writer
):
    article = article_by_writer
    credit = article.credits.get()

    data = article_form(
        [
            {
                "id": credit.pk,
                "contributor": writer.pk,
                "role": "writer",
                "DELETE": "on",
            }
        ],
        title="Judul baru",
    )
    data["credits-INITIAL_FORMS"] = "1"
    response = admin_browser.post(
        reverse("wagtailadmin_pages:edit", args=[article.pk]), data
    )

    assert response.status_code == 200
    assert WRITER_REQUIRED in response.content.decode()
    article.refresh_from_db()
    assert article.title == "Mengatur uang belanja sendirian"
    assert article.writers == [writer]


def test_editing_an_article_keeps_working_with_its_writer(
    admin_browser, article_by_writer, writer
):
    article = article_by_writer
    credit = article.credits.get()

    data = article_form(
        [{"id": credit.pk, "contributor": writer.pk, "role": "writer"}],
        title="Judul baru",
    )
    data["credits-INITIAL_FORMS"] = "1"
    response = admin_browser.post(
        reverse("wagtailadmin_pages:edit", args=[article.pk]), data
    )

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.title == "Judul baru"
    assert article.live


@pytest.mark.parametrize("slug", ["kategori", "tag", "feed"])
def test_reserved_slug_is_refused(admin_browser, blog_index, writer, slug):
    response = admin_browser.post(
        add_url(blog_index),
        article_form([{"contributor": writer.pk, "role": "writer"}], slug=slug),
    )

    assert response.status_code == 200
    _, errors = form_errors(response)
    assert "slug" in errors
    assert "dipakai oleh situs" in str(errors["slug"])
    assert not ArticlePage.objects.filter(slug=slug).exists()


# --- Credit order -------------------------------------------------------------------


def test_credits_keep_the_order_they_were_entered_in(
    admin_browser, client, blog_index, writer, second_writer, illustrator
):
    admin_browser.post(
        add_url(blog_index),
        article_form(
            [
                {"contributor": second_writer.pk, "role": "writer"},
                {"contributor": illustrator.pk, "role": "illustrator"},
                {"contributor": writer.pk, "role": "writer"},
            ]
        ),
    )
    article = ArticlePage.objects.get(slug="mengatur-uang-belanja")

    credits = list(article.credits.all())
    assert [c.contributor for c in credits] == [second_writer, illustrator, writer]
    assert [c.sort_order for c in credits] == [0, 1, 2]
    assert article.writers == [second_writer, writer]

    admin_browser.logout()
    content = client.get("/artikel/mengatur-uang-belanja/").content.decode()
    assert (
        content.index("Ani Rahmawati")
        < content.index("Maya Kusuma")
        < content.rindex("Sri Wahyuni")
    )


def test_credits_follow_the_order_arranged_in_the_editor(
    admin_browser, blog_index, writer, second_writer, illustrator
):
    # Dragging credits around in the inline panel changes ORDER, not the form index.
    admin_browser.post(
        add_url(blog_index),
        article_form(
            [
                {"contributor": writer.pk, "role": "writer", "ORDER": "2"},
                {"contributor": illustrator.pk, "role": "illustrator", "ORDER": "3"},
                {"contributor": second_writer.pk, "role": "writer", "ORDER": "1"},
            ]
        ),
    )
    article = ArticlePage.objects.get(slug="mengatur-uang-belanja")

    assert [c.contributor for c in article.credits.all()] == [
        second_writer,
        writer,
        illustrator,
    ]
    assert article.writers == [second_writer, writer]


# --- Categories ---------------------------------------------------------------------


def test_category_is_created_through_the_snippet_admin(admin_browser):
    response = admin_browser.post(
        reverse("wagtailsnippets_blog_category:add"),
        {
            "name": "Pengasuhan",
            "slug": "pengasuhan",
            "description": "Membesarkan anak seorang diri.",
        },
    )

    assert response.status_code == 302
    category = Category.objects.get(slug="pengasuhan")
    assert category.name == "Pengasuhan"

    listing = admin_browser.get(reverse("wagtailsnippets_blog_category:list"))
    assert listing.status_code == 200
    assert "Pengasuhan" in listing.content.decode()


def test_category_with_a_taken_slug_is_refused(admin_browser, category):
    response = admin_browser.post(
        reverse("wagtailsnippets_blog_category:add"),
        {"name": "Dukungan lain", "slug": category.slug, "description": ""},
    )

    assert response.status_code == 200
    assert Category.objects.filter(slug=category.slug).count() == 1


def test_article_gets_its_category_through_the_admin(
    admin_browser, client, blog_index, writer, category
):
    admin_browser.post(
        add_url(blog_index),
        article_form(
            [{"contributor": writer.pk, "role": "writer"}],
            category=str(category.pk),
            tags="keuangan, anak",
        ),
    )
    article = ArticlePage.objects.get(slug="mengatur-uang-belanja")

    assert article.category == category
    assert sorted(tag.slug for tag in article.tags.all()) == ["anak", "keuangan"]
    admin_browser.logout()
    listing = client.get(f"/artikel/kategori/{category.slug}/")
    assert "Mengatur uang belanja sendirian" in listing.content.decode()
    assert "Mengatur uang belanja sendirian" in (
        client.get("/artikel/tag/keuangan/").content.decode()
    )


def test_new_article_form_credits_its_author_as_writer(client, blog_index, writer):
    contributor = get_user_model().objects.create_user(
        username="sri", password="rahasia-sri"
    )
    contributor.groups.add(Group.objects.get(name="Contributors"))
    writer.user = contributor
    writer.save()
    client.force_login(contributor)

    form = client.get(add_url(blog_index)).context["form"]

    first_credit = form.formsets["credits"].forms[0]
    assert first_credit.initial == {"contributor": writer.pk, "role": "writer"}


def test_new_article_form_credits_no_one_for_a_user_without_profile(
    admin_browser, blog_index
):
    form = admin_browser.get(add_url(blog_index)).context["form"]

    assert form.formsets["credits"].forms[0].initial == {}


def test_editing_an_article_does_not_add_a_credit(admin_browser, blog_index, writer):
    article = ArticlePageFactory(parent=blog_index, writer=writer)

    form = admin_browser.get(
        reverse("wagtailadmin_pages:edit", args=[article.pk])
    ).context["form"]

    assert [f.instance.contributor for f in form.formsets["credits"].forms[:1]] == [
        writer
    ]
    assert len(form.formsets["credits"].initial_extra or []) == 0
