"""Numbered sections: the writer's numbers are shown to readers, not typed in headings."""

from django.urls import reverse

import pytest

from demo.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db

BODY = [
    ("paragraph", "<p>Ada dua hal kecil yang membantu kami bertahan.</p>"),
    ("heading", {"text": "Jangan ragu meminta bantuan", "level": "h2"}),
    ("paragraph", "<p>Bicara dengan teman yang kamu percaya.</p>"),
    ("heading", {"text": "Siapa yang bisa dihubungi", "level": "h3"}),
    ("paragraph", "<p>Keluarga, tetangga, grup komunitas.</p>"),
    ("heading", {"text": "Atur keuangan dengan sederhana", "level": "h2"}),
    ("paragraph", "<p>Catat pengeluaran harian.</p>"),
]


def article(blog_index, writer, **fields):
    return ArticlePageFactory(
        parent=blog_index, slug="dua-hal", body=BODY, writer=writer, **fields
    )


def test_readers_see_the_numbers_of_numbered_sections(client, blog_index, writer):
    page = article(blog_index, writer, ordered_sections=True)
    content = client.get(page.url).content.decode()
    assert (
        '<h2><span class="section-number">1.</span> Jangan ragu meminta bantuan</h2>'
        in content
    )
    assert (
        '<h2><span class="section-number">2.</span> Atur keuangan dengan sederhana</h2>'
        in content
    )
    # A subsection is not one of the numbered sections.
    assert "<h3>Siapa yang bisa dihubungi</h3>" in content


def test_sections_are_not_numbered_unless_she_numbered_them(client, blog_index, writer):
    page = article(blog_index, writer)
    content = client.get(page.url).content.decode()
    assert "<h2>Jangan ragu meminta bantuan</h2>" in content
    assert "section-number" not in content


def test_the_editor_can_switch_the_numbers(admin_browser, blog_index, writer):
    page = article(blog_index, writer)
    response = admin_browser.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    assert 'name="ordered_sections"' in response.content.decode()
