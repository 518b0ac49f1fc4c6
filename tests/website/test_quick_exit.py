""" "Keluar cepat": where the quick exit shows, what its plain link does without
JavaScript, the site setting that turns it on everywhere, and /baca-aman/."""

from html.parser import HTMLParser

from django.urls import reverse

from wagtail.models import Site
from wagtail.test.utils.form_data import nested_form_data

import pytest

from demo.factories import ArticlePageFactory
from website.models import QUICK_EXIT_DEFAULT_URL, SiteSettings

pytestmark = pytest.mark.django_db

NEUTRAL = "https://cuaca.contoh.id/jakarta"


class Links(HTMLParser):
    """Every <a> of a page, as a dict of its attributes plus its text."""

    def __init__(self):
        super().__init__()
        self.links = []
        self._open = None

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self._open = {**dict(attrs), "text": ""}
            self.links.append(self._open)

    def handle_data(self, data):
        if self._open is not None:
            self._open["text"] += data

    def handle_endtag(self, tag):
        if tag == "a":
            self._open = None


def links(response):
    assert response.status_code == 200
    parser = Links()
    parser.feed(response.content.decode())
    return parser.links


def quick_exits(response):
    return [link for link in links(response) if "data-quick-exit" in link]


@pytest.fixture
def site(home_page):
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def hard_article(blog_index):
    return ArticlePageFactory(
        parent=blog_index,
        title="Keluar dari rumah yang tidak aman",
        slug="keluar-dari-rumah",
        content_note="kekerasan dalam rumah tangga",
    )


@pytest.fixture
def light_article(blog_index):
    return ArticlePageFactory(
        parent=blog_index, title="Resep sayur asem", slug="resep-sayur-asem"
    )


@pytest.fixture
def cached(settings, fresh_cache):
    """The page cache and its fragments on, as in production."""
    settings.PAGE_CACHE_SECONDS = 600
    settings.FRAGMENT_CACHE_SECONDS = 600


def settings_url(site):
    return reverse("wagtailsettings:edit", args=["website", "sitesettings", site.pk])


def save_settings_as(client, admin, site, **changes):
    """The administrator saves the site settings form in the admin."""
    current = SiteSettings.for_site(site)
    fields = {
        "tagline": current.tagline,
        "footer_text": current.footer_text,
        "contact_email": current.contact_email,
        "whatsapp_group_url": current.whatsapp_group_url,
        "facebook_url": "",
        "instagram_url": "",
        "x_url": "",
        "youtube_url": "",
        "tiktok_url": "",
        "quick_exit_url": current.quick_exit_url,
    }
    if current.quick_exit_everywhere:
        fields["quick_exit_everywhere"] = "on"
    for name, value in changes.items():
        if value is False:
            fields.pop(name, None)
        else:
            fields[name] = "on" if value is True else value
    client.force_login(admin)
    response = client.post(settings_url(site), nested_form_data(fields))
    client.logout()
    return response


def test_an_article_with_a_content_note_has_the_quick_exit(client, site, hard_article):
    [button] = quick_exits(client.get(hard_article.url))

    assert button["text"].strip().startswith("Keluar cepat")
    assert button["href"] == QUICK_EXIT_DEFAULT_URL
    # Without JavaScript it is a plain link: no referrer, and in the same tab (a new
    # tab would leave this page open behind it).
    assert button["rel"] == "noreferrer"
    assert "target" not in button


def test_an_article_without_a_content_note_has_none(client, site, light_article):
    assert quick_exits(client.get(light_article.url)) == []


@pytest.mark.parametrize("name", ["home", "search", "blog_index", "contributors"])
def test_ordinary_pages_have_none_by_default(
    client, site, light_article, contributor_index, name
):
    url = {
        "home": "/",
        "search": reverse("search") + "?q=sayur",
        "blog_index": light_article.get_parent().url,
        "contributors": contributor_index.url,
    }[name]
    assert quick_exits(client.get(url)) == []


def test_the_helplines_page_has_it_and_links_the_safe_reading_page(client, site):
    page = links(client.get(reverse("helplines")))

    [button] = [link for link in page if "data-quick-exit" in link]
    assert button["href"] == QUICK_EXIT_DEFAULT_URL
    assert button["rel"] == "noreferrer"
    safe_reading = reverse("safe_reading")
    # Once beside the button, once in the page's own text.
    assert [link["text"] for link in page if link["href"] == safe_reading] == [
        "Cara baca aman",
        "Baca cara membaca Serambi dengan aman",
    ]


def test_the_safe_reading_page_explains_and_has_the_quick_exit(client, site):
    response = client.get(reverse("safe_reading"))

    assert "website/safe_reading.html" in [t.name for t in response.templates]
    html = response.content.decode()
    assert "<h1>Membaca dengan aman</h1>" in html
    for topic in ("Tab Samaran baru", "Hapus data penjelajahan", "Hapus untuk saya"):
        assert topic in html
    assert "Tidak ada cookie untuk pembaca." in html
    [button] = quick_exits(response)
    assert button["href"] == QUICK_EXIT_DEFAULT_URL
    [beside] = [link for link in links(response) if link["text"] == "Cara baca aman"]
    assert beside["aria-current"] == "page"


def test_the_setting_turns_it_on_everywhere_and_off_again(
    client, cached, site, superuser, light_article, hard_article, contributor_index
):
    everywhere = [
        "/",
        light_article.url,
        contributor_index.url,
        reverse("search") + "?q=sayur",
    ]
    # Read once, so the pages and their fragments are cached without the button.
    for url in everywhere:
        assert quick_exits(client.get(url)) == []

    response = save_settings_as(
        client, superuser, site, quick_exit_everywhere=True, quick_exit_url=NEUTRAL
    )
    assert response.status_code == 302
    assert response.url == settings_url(site)

    for url in [*everywhere, hard_article.url, reverse("helplines")]:
        [button] = quick_exits(client.get(url))
        assert button["href"] == NEUTRAL, url

    save_settings_as(client, superuser, site, quick_exit_everywhere=False)

    for url in everywhere:
        assert quick_exits(client.get(url)) == [], url
    # Where a page asks for it, it stays, with the neutral site the administrator chose.
    for url in (hard_article.url, reverse("helplines"), reverse("safe_reading")):
        [button] = quick_exits(client.get(url))
        assert button["href"] == NEUTRAL, url


def test_the_neutral_site_must_be_a_web_address(client, site, superuser):
    response = save_settings_as(
        client, superuser, site, quick_exit_url="javascript:alert(1)"
    )

    assert response.status_code == 200
    assert SiteSettings.for_site(site).quick_exit_url == QUICK_EXIT_DEFAULT_URL
