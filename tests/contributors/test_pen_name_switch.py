"""A published contributor switches to her pen name only: nothing public links the names.

An editor publishes the switch through the admin; then every public surface is read as
an anonymous reader; image credits and alt texts that named her take her pen name.
"""

import io

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.images import ImageFile
from django.urls import reverse

from wagtail.contrib.frontend_cache.backends import BaseBackend
from wagtail.contrib.redirects.models import Redirect
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

import pytest
from PIL import Image as PILImage

from blog.models import ArticlePage
from contributors.models import ContributorPage
from demo.factories import ArticlePageFactory, ContributorPageFactory
from images.models import CustomImage

REAL_NAME = "Siti Aminah"
PEN_NAME = "Bunda Senja"
PURGED = []


class RecordingBackend(BaseBackend):
    """A CDN that remembers what it was asked to forget."""

    def purge(self, url):
        PURGED.append(url)


@pytest.fixture
def cdn(settings):
    settings.WAGTAILFRONTENDCACHE = {
        "test": {"BACKEND": f"{__name__}.RecordingBackend"}
    }
    PURGED.clear()
    return PURGED


@pytest.fixture
def siti(contributor_index, django_user_model):
    """Published under her real name, with an account and a live article."""
    user = django_user_model.objects.create_user(username="siti", password="x")
    page = ContributorPageFactory(
        parent=contributor_index, title=REAL_NAME, slug="siti-aminah", user=user
    )
    page.save_revision().publish()
    return ContributorPage.objects.get(pk=page.pk)


@pytest.fixture
def her_article(blog_index, siti):
    page = ArticlePageFactory(
        parent=blog_index, title="Pagi yang tenang", slug="pagi", writer=siti
    )
    page.save_revision().publish()
    return ArticlePage.objects.get(pk=page.pk)


def _image(title, credit):
    buffer = io.BytesIO()
    PILImage.new("RGB", (8, 8), "#c0562b").save(buffer, "PNG")
    return CustomImage.objects.create(
        title=title, file=ImageFile(buffer, name="gambar.png"), credit=credit
    )


def switch_form(page, **fields):
    data = {
        "title": REAL_NAME,
        "slug": "bunda-senja",
        "pen_name": PEN_NAME,
        "use_pen_name_only": "on",
        "short_bio": page.short_bio,
        "bio": rich_text(""),
        "links": inline_formset([]),
        "comments": inline_formset([]),
        "user": str(page.user_id),
        "action-publish": "action-publish",
    }
    data.update(fields)
    return nested_form_data(data)


@pytest.fixture
def switch(admin_browser, django_capture_on_commit_callbacks):
    """The editor publishes the switch; on-commit work (slug-change signal) runs."""

    def publish_switch(page):
        url = reverse("wagtailadmin_pages:edit", args=[page.pk])
        with django_capture_on_commit_callbacks(execute=True):
            response = admin_browser.post(url, switch_form(page), follow=True)
        return check_switched(page, response)

    return publish_switch


def check_switched(page, response):
    assert response.status_code == 200
    page.refresh_from_db()
    assert page.live and page.slug == "bunda-senja" and page.use_pen_name_only
    return response


def test_switching_leaves_no_redirect_and_the_old_address_is_gone(
    switch, client, siti, her_article, cdn
):
    # An older address of hers, redirected by hand before the switch.
    Redirect.add_redirect("/siti", redirect_to=siti)

    switch(siti)

    assert list(Redirect.objects.filter(redirect_page=siti)) == []
    assert not Redirect.objects.filter(old_path__contains="siti").exists()
    assert client.get("/kontributor/siti-aminah/").status_code == 404
    assert client.get("/kontributor/siti-aminah/feed/").status_code == 404
    assert client.get("/siti", follow=True).status_code == 404
    assert client.get("/kontributor/bunda-senja/").status_code == 200
    # The CDN is told to forget the old addresses, not just the new one.
    assert "http://testserver/kontributor/siti-aminah/" in cdn
    assert "http://testserver/kontributor/siti-aminah/feed/" in cdn


def test_old_address_is_not_served_from_the_page_cache(switch, client, siti, settings):
    settings.PAGE_CACHE_SECONDS = 600
    assert client.get("/kontributor/siti-aminah/").status_code == 200

    switch(siti)

    response = client.get("/kontributor/siti-aminah/")
    assert response.status_code == 404
    assert REAL_NAME not in response.content.decode()


def test_no_public_surface_connects_the_two_names(
    admin_browser, switch, client, siti, her_article
):
    switch(siti)
    admin_browser.logout()

    for url in [
        "/kontributor/bunda-senja/",
        "/kontributor/bunda-senja/feed/",
        "/kontributor/",
        her_article.url,
        "/artikel/feed/",
        "/sitemap.xml",
        "/cari/?q=Bunda+Senja",
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert REAL_NAME not in response.content.decode(), url
        assert "siti-aminah" not in response.content.decode(), url
    assert PEN_NAME in client.get("/kontributor/bunda-senja/").content.decode()
    # Her real name finds nothing that leads to her.
    found = client.get("/cari/?q=Siti+Aminah").content.decode()
    assert "0 hasil" in found
    assert "/kontributor/bunda-senja/" not in found


def test_her_real_name_leaves_image_credits_and_alt_texts_when_she_switches(
    switch, client, siti, her_article
):
    naming = _image("Ilustrasi pagi", f"Ilustrasi: {REAL_NAME}")
    naming.description = f"Sketsa {REAL_NAME.lower()} menyiram bunga"
    naming.save()
    other = _image("Foto taman", "Foto: Rina")
    # Her article shows the picture with its credit, as illustrated articles do.
    ArticlePage.objects.filter(pk=her_article.pk).update(hero_image=naming)
    her_article.refresh_from_db()
    her_article.save_revision().publish()
    assert REAL_NAME in client.get(her_article.url).content.decode()

    response = switch(siti)

    html = response.content.decode()
    assert "diganti dengan nama pena" in html
    assert reverse("wagtailimages:edit", args=[naming.pk]) in html
    assert "Foto taman" not in html
    naming.refresh_from_db()
    assert naming.credit == f"Ilustrasi: {PEN_NAME}"
    assert naming.description == f"Sketsa {PEN_NAME} menyiram bunga"
    other.refresh_from_db()
    assert other.credit == "Foto: Rina"
    page = client.get(her_article.url).content.decode()
    assert REAL_NAME not in page
    assert f"Ilustrasi: {PEN_NAME}" in page


def test_the_editor_is_warned_while_the_switch_is_a_draft(admin_browser, siti):
    naming = _image("Ilustrasi pagi", f"Ilustrasi: {REAL_NAME}")
    url = reverse("wagtailadmin_pages:edit", args=[siti.pk])
    data = switch_form(siti)
    del data["action-publish"]

    html = admin_browser.post(url, data, follow=True).content.decode()

    assert "masih tertulis di kredit atau teks alternatif 1 gambar" in html
    naming.refresh_from_db()
    assert naming.credit == f"Ilustrasi: {REAL_NAME}"  # not yet: she is not switched


def test_an_image_saved_later_with_her_real_name_gets_her_pen_name(switch, siti):
    switch(siti)

    image = _image("Ilustrasi baru", f"Ilustrasi: {REAL_NAME.upper()} dan Rina")

    assert image.credit == f"Ilustrasi: {PEN_NAME} dan Rina"
    # Only whole names: a longer word that contains it is someone else's.
    assert _image("Lain", "Foto: Siti Aminahwati").credit == "Foto: Siti Aminahwati"


def test_other_pages_still_get_redirects_when_their_slug_changes(
    client, her_article, django_capture_on_commit_callbacks
):
    # WAGTAILREDIRECTS_AUTO_CREATE is off; website.pen_names makes them instead.
    old_url = her_article.url
    her_article.slug = "pagi-yang-tenang"
    with django_capture_on_commit_callbacks(execute=True):
        her_article.save_revision().publish()

    response = client.get(old_url)
    assert response.status_code == 301
    assert response["Location"].endswith("/artikel/pagi-yang-tenang/")


def test_after_the_switch_other_contributors_choose_her_by_pen_name(client, siti):
    siti.pen_name = PEN_NAME
    siti.use_pen_name_only = True
    siti.slug = "bunda-senja"
    siti.save_revision().publish()
    other = get_user_model().objects.create_user(username="rina", password="x")
    other.groups.add(Group.objects.get(name="Contributors"))
    client.force_login(other)
    response = client.get(
        reverse("wagtailadmin_choose_page"),
        {"page_type": "contributors.contributorpage"},
    )
    html = response.content.decode()
    assert PEN_NAME in html
    assert REAL_NAME not in html


def test_contributor_list_is_ordered_by_the_names_it_shows(client, contributor_index):
    for title, pen_name, only in [
        ("Ani Wulan", "", False),
        ("Zahra Putri", PEN_NAME, True),
        ("Citra Dewi", "", False),
    ]:
        ContributorPageFactory(
            parent=contributor_index,
            title=title,
            pen_name=pen_name,
            use_pen_name_only=only,
            slug=(pen_name or title).lower().replace(" ", "-"),
        )
    html = client.get("/kontributor/").content.decode()
    assert "Zahra" not in html
    # By "Zahra Putri" she would come last.
    assert html.index("Ani Wulan") < html.index(PEN_NAME) < html.index("Citra Dewi")


def test_cached_fragments_forget_her_real_name_too(
    admin_browser, switch, client, settings, siti, her_article
):
    # Fragments of pages (caching.fragments) are what a logged-in reader, or anyone
    # the page cache does not answer, is served from; they were stored before.
    settings.FRAGMENT_CACHE_SECONDS = 600
    urls = [her_article.url, "/artikel/", "/kontributor/"]
    for url in urls:
        assert REAL_NAME in admin_browser.get(url).content.decode(), url

    switch(siti)

    for reader in (admin_browser, client):
        for url in urls:
            html = reader.get(url).content.decode()
            assert REAL_NAME not in html, url
            assert "siti-aminah" not in html, url
    assert PEN_NAME in client.get(her_article.url).content.decode()
