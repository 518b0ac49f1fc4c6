"""What a contributor reads in the admin is Indonesian and about her own work."""

import re

from django.urls import reverse

from .conftest import make_user


def visible_text(html):
    html = re.sub(
        r"<script.*?</script>|<style.*?</style>|<template.*?</template>",
        " ",
        html,
        flags=re.S,
    )
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_the_login_page_speaks_of_serambi_in_indonesian(client, db):
    html = client.get(reverse("wagtailadmin_login")).content.decode()

    assert re.search(r"<title>\s*Masuk - Serambi\s*</title>", html)
    text = visible_text(html)
    assert "Masuk ke Serambi" in text
    assert "Kata sandi" in text
    assert "Wagtail" not in re.search(r"<h1>(.*?)</h1>", html, re.S).group(1)
    assert "Password" not in text


def test_admin_page_titles_name_serambi(client, alya):
    client.force_login(alya)

    html = client.get(reverse("wagtailadmin_home")).content.decode()

    title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
    assert title.strip().endswith("- Serambi")
    assert "Wagtail" not in title


def test_a_contributors_dashboard_opens_on_her_work(client, alya):
    client.force_login(alya)

    html = client.get(reverse("wagtailadmin_home")).content.decode()

    assert "Tulisan saya" in html
    assert "Ringkasan situs" not in html
    assert 'role="search"' not in html


def test_editors_keep_the_site_summary_and_search(client, eka):
    client.force_login(eka)

    html = client.get(reverse("wagtailadmin_home")).content.decode()

    assert 'role="search"' in html


def test_a_profiles_name_field_is_called_name(client, alya):
    client.force_login(alya)

    response = client.get(
        reverse("wagtailadmin_pages:edit", args=[alya.profile_page.pk])
    )

    assert response.context["form"].fields["title"].label == "Nama"


def test_help_opens_serambis_own_guide(client, alya):
    client.force_login(alya)

    html = client.get(reverse("wagtailadmin_home")).content.decode()

    assert reverse("editorial_guide") in html
    assert "guide.wagtail.org" not in html
    guide = client.get(reverse("editorial_guide"))
    assert guide.status_code == 200
    text = visible_text(guide.content.decode())
    assert "Ajukan untuk ditinjau" in text
    assert "Untuk kontributor" in text


def test_the_guide_is_in_english_for_an_english_admin(client, db):
    from wagtail.users.models import UserProfile

    user = make_user("sari", "Contributors")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(user)

    text = visible_text(client.get(reverse("editorial_guide")).content.decode())

    assert "For contributors" in text
    assert "Untuk kontributor" not in text


def test_the_rich_text_toolbar_says_daftar_berpoin(client, alya, blog_index):
    client.force_login(alya)

    html = client.get(
        reverse("wagtailadmin_pages:add", args=["blog", "articlepage", blog_index.pk])
    ).content.decode()

    assert "Daftar berpoin" in html
    assert "Daftar Bullet" not in html
