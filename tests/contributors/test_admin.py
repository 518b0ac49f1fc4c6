"""Adding contributors through the Wagtail admin, with the pen-name rules enforced."""

from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

import pytest

from contributors.models import ContributorPage


def add_url(parent):
    return reverse(
        "wagtailadmin_pages:add", args=["contributors", "contributorpage", parent.pk]
    )


def contributor_form(**fields):
    data = {
        "title": "Siti Aminah",
        "slug": "siti-aminah",
        "pen_name": "",
        "short_bio": "Ibu dari satu anak, menulis tentang pekerjaan dan pengasuhan.",
        "bio": rich_text("<p>Siti tinggal di Bandung bersama anaknya.</p>"),
        "links": inline_formset([]),
        "action-publish": "action-publish",
    }
    data.update(fields)
    return nested_form_data(data)


def test_superuser_can_create_a_contributor(page_asserts, contributor_index):
    page_asserts.assertCanCreate(
        contributor_index,
        ContributorPage,
        contributor_form(
            links=inline_formset(
                [{"platform": "instagram", "url": "https://instagram.com/siti"}]
            )
        ),
    )

    contributor = ContributorPage.objects.get(slug="siti-aminah")
    assert contributor.live
    assert contributor.user is None
    assert contributor.short_bio.startswith("Ibu dari satu anak")
    assert [link.url for link in contributor.links.all()] == [
        "https://instagram.com/siti"
    ]


def test_created_contributor_is_public(admin_browser, client, contributor_index):
    response = admin_browser.post(add_url(contributor_index), contributor_form())
    assert response.status_code == 302

    admin_browser.logout()
    public = client.get("/kontributor/siti-aminah/")
    assert public.status_code == 200
    content = public.content.decode()
    assert "Siti Aminah" in content
    assert "Siti tinggal di Bandung bersama anaknya." in content


def test_contributor_can_be_linked_to_a_user_account(
    admin_browser, contributor_index, django_user_model
):
    user = django_user_model.objects.create_user("siti", "siti@serambi.test", "pw")

    response = admin_browser.post(
        add_url(contributor_index), contributor_form(user=str(user.pk))
    )

    assert response.status_code == 302
    assert ContributorPage.objects.get(slug="siti-aminah").user == user


def test_hiding_the_real_name_without_a_pen_name_is_refused(
    admin_browser, contributor_index
):
    response = admin_browser.post(
        add_url(contributor_index),
        contributor_form(slug="penulis-anonim", use_pen_name_only="on"),
    )

    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "Isi nama pena" in str(errors["pen_name"])
    assert not ContributorPage.objects.filter(slug="penulis-anonim").exists()


@pytest.mark.parametrize("slug", ["siti-aminah", "cerita-siti-aminah"])
def test_slug_with_the_hidden_real_name_is_refused(
    admin_browser, contributor_index, slug
):
    response = admin_browser.post(
        add_url(contributor_index),
        contributor_form(slug=slug, pen_name="Bunga Senja", use_pen_name_only="on"),
    )

    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "Slug memuat nama asli" in str(errors["slug"])
    assert "bunga-senja" in str(errors["slug"])
    assert not ContributorPage.objects.exists()


def test_pen_name_contributor_is_created_and_hidden(
    admin_browser, client, contributor_index
):
    response = admin_browser.post(
        add_url(contributor_index),
        contributor_form(
            slug="bunga-senja", pen_name="Bunga Senja", use_pen_name_only="on"
        ),
    )
    assert response.status_code == 302
    contributor = ContributorPage.objects.get(slug="bunga-senja")
    assert contributor.public_name == "Bunga Senja"

    admin_browser.logout()
    content = client.get("/kontributor/bunga-senja/").content.decode()
    assert "Bunga Senja" in content
    assert "Siti Aminah" not in content
