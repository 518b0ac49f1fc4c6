"""Care around hard subjects: an article's content note, from the editor to every
place a reader (or a link preview) meets the article, and the helplines after it."""

import json
import re
from urllib.parse import unquote
from xml.etree import ElementTree

from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

import pytest

from blog.models import ArticlePage, ContentNoteSuggestion
from demo.factories import ArticlePageFactory
from tests.website.helplines import SAPA, SEJIWA, set_helplines

pytestmark = pytest.mark.django_db

NOTE = "kekerasan dalam rumah tangga"
BODY_SENTENCE = "Malam itu suami saya pulang dengan marah dan membanting pintu."


@pytest.fixture
def hard_article(blog_index, writer):
    return ArticlePageFactory(
        parent=blog_index,
        title="Keluar dari rumah yang tidak aman",
        slug="keluar-dari-rumah",
        standfirst="",
        excerpt="",
        content_note=NOTE,
        body=[("paragraph", f"<p>{BODY_SENTENCE}</p>")],
        writer=writer,
    )


@pytest.fixture
def helplines(home_page):
    return set_helplines(home_page.get_site(), SAPA, SEJIWA)


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_user(
        username="editor", email="editor@serambi.test", password="rahasia"
    )
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def edit_form(article, writer, **fields):
    credit = article.credits.get()
    data = {
        "title": article.title,
        "slug": article.slug,
        "standfirst": "",
        "content_note": "",
        "body": streamfield([("paragraph", rich_text(f"<p>{BODY_SENTENCE}</p>"))]),
        "credits": inline_formset(
            [{"id": credit.pk, "contributor": writer.pk, "role": "writer"}],
            initial=1,
            min=1,
        ),
        "tags": "",
        "action-publish": "action-publish",
    }
    data.update(fields)
    return nested_form_data(data)


# --- The editor -----------------------------------------------------------------


def test_migration_seeds_suggestions_in_order():
    texts = list(ContentNoteSuggestion.objects.values_list("text", flat=True))
    assert texts[:3] == [NOTE, "kekerasan seksual", "pikiran bunuh diri"]
    assert "perceraian" in texts


def test_edit_form_offers_the_suggestions_as_a_datalist(admin_browser, hard_article):
    ContentNoteSuggestion.objects.create(text="utang dan penagih", sort_order=99)

    response = admin_browser.get(
        reverse("wagtailadmin_pages:edit", args=[hard_article.pk])
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert 'list="id_content_note-suggestions"' in html
    datalist = re.search(
        r'<datalist id="id_content_note-suggestions">(.*?)</datalist>', html, re.S
    ).group(1)
    assert '<option value="kekerasan dalam rumah tangga">' in datalist
    assert datalist.endswith('<option value="utang dan penagih">')


def test_editor_sets_the_note_through_the_edit_view(client, editor, blog_index, writer):
    article = ArticlePageFactory(parent=blog_index, slug="cerita-berat", writer=writer)
    client.force_login(editor)

    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[article.pk]),
        edit_form(article, writer, content_note="  pikiran bunuh diri "),
    )

    assertRedirects_to_explorer(response, blog_index)
    article.refresh_from_db()
    assert article.content_note == "pikiran bunuh diri"
    assert article.live


def assertRedirects_to_explorer(response, parent):
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_explore", args=[parent.pk])


def test_editors_keep_the_suggestion_list(client, editor):
    client.force_login(editor)

    response = client.post(
        reverse("wagtailsnippets_blog_contentnotesuggestion:add"),
        {"text": "anak sakit keras"},
    )

    assert response.status_code == 302
    assert ContentNoteSuggestion.objects.filter(text="anak sakit keras").exists()


def test_contributors_cannot_change_the_suggestion_list(client, django_user_model):
    user = django_user_model.objects.create_user(username="ratna", password="x")
    user.groups.add(Group.objects.get(name="Contributors"))
    client.force_login(user)

    response = client.post(
        reverse("wagtailsnippets_blog_contentnotesuggestion:add"),
        {"text": "anak sakit keras"},
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    assert not ContentNoteSuggestion.objects.filter(text="anak sakit keras").exists()


# --- What readers see -----------------------------------------------------------


def test_note_comes_before_the_body_with_a_link_to_the_helplines(
    client, hard_article, helplines
):
    html = client.get(hard_article.url).content.decode()

    box = re.search(r'<aside class="content-note".*?</aside>', html, re.S).group(0)
    assert "Catatan konten" in box
    assert NOTE in box
    assert 'href="#bantuan"' in box
    # The reader can read past it: the body is there, after the note.
    assert html.index('class="content-note"') < html.index(BODY_SENTENCE)


def test_helplines_follow_an_article_with_a_note(client, hard_article, helplines):
    html = client.get(hard_article.url).content.decode()

    section = re.search(
        r'<section class="helplines-box" id="bantuan".*?</section>', html, re.S
    ).group(0)
    assert html.index(BODY_SENTENCE) < html.index('id="bantuan"')
    assert '<a class="helpline__number" href="tel:129">129</a>' in section
    assert 'href="tel:119,8">119 ekstensi 8</a>' in section
    assert 'href="https://wa.me/628111129129"' in section
    assert f'href="{reverse("helplines")}"' in section


def test_article_without_a_note_has_no_box_and_no_helplines(
    client, blog_index, writer, helplines
):
    article = ArticlePageFactory(parent=blog_index, slug="resep-sayur", writer=writer)

    html = client.get(article.url).content.decode()

    assert 'class="content-note"' not in html
    assert 'id="bantuan"' not in html
    assert "SAPA 129" not in html


def test_card_carries_a_small_label(client, hard_article, blog_index):
    html = client.get(blog_index.url).content.decode()

    assert f'<p class="card__note">Catatan konten: {NOTE}</p>' in html


def test_json_ld_names_the_note_and_does_not_quote_the_body(client, hard_article):
    html = client.get(hard_article.url).content.decode()

    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html).group(1)
    )
    article = data[0]
    assert article["contentRating"] == f"Catatan konten: {NOTE}"
    assert NOTE in article["description"]
    assert "Malam itu" not in article["description"]


def test_social_previews_do_not_quote_the_body(client, hard_article):
    html = client.get(hard_article.url).content.decode()

    for name in (
        'property="og:description"',
        'name="twitter:description"',
        'name="description"',
    ):
        content = re.search(rf'<meta {name} content="([^"]*)"', html).group(1)
        assert content == (f"Catatan konten: {NOTE}. Baca dengan tenang di Serambi.")
    whatsapp = unquote(
        re.search(r'href="(https://wa\.me/\?text=[^"]*)"', html).group(1)
    )
    assert f"(Catatan konten: {NOTE})" in whatsapp
    assert "Malam itu" not in whatsapp


def test_preview_of_an_article_without_note_still_quotes_its_summary(
    client, blog_index, writer
):
    article = ArticlePageFactory(
        parent=blog_index,
        slug="resep",
        excerpt="Resep sayur bening murah.",
        writer=writer,
    )

    html = client.get(article.url).content.decode()

    assert (
        '<meta property="og:description" content="Resep sayur bening murah.">' in html
    )


@pytest.mark.parametrize("feed", ["blog", "contributor"])
def test_feed_descriptions_name_the_note_not_the_body(
    client, hard_article, blog_index, writer, feed
):
    url = f"{blog_index.url}feed/" if feed == "blog" else f"{writer.url}feed/"
    response = client.get(url)

    assert response.status_code == 200
    root = ElementTree.fromstring(response.content)  # noqa: S314 - our own feed
    items = root.findall("./channel/item")
    (description,) = [
        item.findtext("description")
        for item in items
        if item.findtext("title") == hard_article.title
    ]
    assert description.startswith(f"Catatan konten: {NOTE}.")
    assert "Malam itu" not in description
    assert "Penulis: Sri Wahyuni" in description


def test_article_saved_through_the_model_keeps_the_note(hard_article):
    assert ArticlePage.objects.get(pk=hard_article.pk).content_note == NOTE
