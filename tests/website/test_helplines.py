"""/bantuan/: the helplines editors keep in the site settings, linked from every page."""

from django.contrib.auth.models import Group
from django.core.cache import cache
from django.urls import reverse

from wagtail.models import Site
from wagtail.test.utils.form_data import nested_form_data, streamfield

import pytest

from tests.website.helplines import SAPA, set_helplines
from website.models import HelplineSettings

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(home_page):
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user(
        username="editor", email="editor@serambi.test", password="rahasia"
    )
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def settings_url(site):
    return reverse(
        "wagtailsettings:edit", args=["website", "helplinesettings", site.pk]
    )


def test_page_without_helplines_says_so_kindly(client, site):
    response = client.get(reverse("helplines"))

    assert response.status_code == 200
    assert "website/helplines.html" in [t.name for t in response.templates]
    html = response.content.decode()
    assert "<h1>Layanan bantuan</h1>" in html
    assert "Daftar layanan bantuan sedang disiapkan redaksi." in html
    assert 'class="helplines"' not in html


def test_footer_links_the_helplines_page(client, home_page, blog_index):
    for url in (home_page.url, blog_index.url, reverse("helplines")):
        html = client.get(url).content.decode()
        assert f'<li><a href="{reverse("helplines")}">Layanan bantuan</a></li>' in html


def test_editor_sets_helplines_through_the_settings_view(client, editor, site):
    client.force_login(editor)
    assert client.get(settings_url(site)).status_code == 200

    response = client.post(
        settings_url(site),
        nested_form_data(
            {
                "intro": "Kamu tidak sendirian.",
                "helplines": streamfield([("helpline", SAPA)]),
            }
        ),
    )

    assert response.status_code == 302
    saved = HelplineSettings.for_site(site)
    assert saved.intro == "Kamu tidak sendirian."
    assert [dict(block.value) for block in saved.helplines] == [SAPA]

    client.logout()
    html = client.get(reverse("helplines")).content.decode()
    assert "Kamu tidak sendirian." in html
    assert '<a class="helpline__number" href="tel:129">129</a>' in html
    assert "Jam layanan: 24 jam" in html
    assert 'href="https://wa.me/628111129129"' in html
    assert "Daftar layanan bantuan sedang disiapkan" not in html


def test_helpline_with_a_bad_link_is_refused_in_indonesian(client, editor, site):
    client.force_login(editor)

    response = client.post(
        settings_url(site),
        nested_form_data(
            {
                "intro": "",
                "helplines": streamfield(
                    [("helpline", {**SAPA, "whatsapp_url": "bukan tautan"})]
                ),
            }
        ),
    )

    assert response.status_code == 200
    assert "Masukkan URL yang valid." in response.content.decode()
    assert not HelplineSettings.for_site(site).helplines


def test_contributors_cannot_edit_helplines(client, django_user_model, site):
    user = django_user_model.objects.create_user(username="ratna", password="x")
    user.groups.add(Group.objects.get(name="Contributors"))
    client.force_login(user)

    response = client.get(settings_url(site))

    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")


def test_page_is_cached_and_a_settings_change_reaches_it(client, settings, site):
    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    first = client.get(reverse("helplines"))
    assert "public" in first["Cache-Control"]

    set_helplines(site, SAPA)

    assert "SAPA 129" in client.get(reverse("helplines")).content.decode()


def test_only_get_is_answered(client, site):
    assert client.post(reverse("helplines")).status_code == 405
