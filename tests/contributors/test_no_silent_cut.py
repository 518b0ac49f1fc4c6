"""No field cuts a paste without a word: a long bio is kept and refused with a message."""

from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

import pytest

from contributors.models import ContributorPage

# A real writer's bio ran to 474 characters and was cut at the old limit of 400;
# the community's longest run to about 600.
REAL_BIO = (
    "Rina adalah ibu tunggal dari dua anak yang tinggal di pinggiran Semarang. "
    "Sejak berpisah lima tahun lalu, ia belajar mengatur keuangan keluarga sambil "
    "bekerja sebagai penjahit rumahan. Ia mulai menulis di Serambi karena ingin "
    "berbagi cara-cara kecil yang membantunya bertahan: membuat anggaran mingguan, "
    "meminta bantuan tetangga tanpa rasa malu, dan menyisihkan waktu untuk diri "
    "sendiri walau sepuluh menit. Ia berharap tulisannya menemani ibu lain yang "
    "merasa sendiri."
)


def profile_form(**fields):
    data = {
        "title": "Rina Wulandari",
        "slug": "rina-wulandari",
        "pen_name": "",
        "short_bio": REAL_BIO,
        "bio": rich_text("<p>Rina menulis tentang keuangan keluarga.</p>"),
        "links": inline_formset([]),
        "action-publish": "action-publish",
    }
    data.update(fields)
    return nested_form_data(data)


def add_url(parent):
    return reverse(
        "wagtailadmin_pages:add", args=["contributors", "contributorpage", parent.pk]
    )


def test_the_bio_field_does_not_let_the_browser_cut_a_paste(
    admin_browser, contributor_index
):
    content = admin_browser.get(add_url(contributor_index)).content.decode()

    field = content[content.index('name="short_bio"') - 300 :]
    field = field[: field.index("</textarea>")]
    assert "maxlength" not in field
    assert 'data-serambi-max-length="600"' in field


def test_a_bio_longer_than_the_old_limit_is_kept_whole(
    admin_browser, contributor_index
):
    assert 400 < len(REAL_BIO) < 600

    response = admin_browser.post(add_url(contributor_index), profile_form())

    assert response.status_code == 302
    saved = ContributorPage.objects.get(slug="rina-wulandari")
    assert saved.short_bio == REAL_BIO


def test_a_bio_past_the_limit_is_refused_with_a_message_and_kept_in_the_form(
    admin_browser, contributor_index
):
    too_long = (
        REAL_BIO + " " + "Ia juga suka berkebun bersama anak-anaknya. " * 4
    ).strip()
    assert len(too_long) > 600

    response = admin_browser.post(
        add_url(contributor_index), profile_form(short_bio=too_long)
    )

    assert response.status_code == 200
    assert not ContributorPage.objects.filter(slug="rina-wulandari").exists()
    errors = response.context["form"].errors["short_bio"]
    assert errors == [
        f"Pastikan nilai ini mengandung paling banyak 600 karakter "
        f"(sekarang {len(too_long)} karakter)."
    ]
    # Her text is still in the field, whole, for her to shorten.
    assert too_long in response.content.decode()


@pytest.mark.parametrize("field", ["title", "pen_name"])
def test_other_limited_fields_are_not_cut_either(
    admin_browser, contributor_index, field
):
    content = admin_browser.get(add_url(contributor_index)).content.decode()

    tag = content[content.index(f'name="{field}"') :]
    tag = content[content.rindex("<input", 0, content.index(f'name="{field}"')) :]
    tag = tag[: tag.index(">")]
    assert "maxlength" not in tag
    assert "data-serambi-max-length" in tag
