"""Hostile bytes in any public URL: a 4xx, never a 500 (and never an e-mail to the
administrators). Each public address, each kind of byte, in the path and the query."""

import pytest

from tests.site_builder import (
    build_public_site_in_place,
    kept_for_the_module,
    reloaded,
)

pytestmark = pytest.mark.django_db

PUBLIC = [
    "/",
    "/artikel/",
    "/artikel/mengatur-uang-belanja-sendirian/",
    "/artikel/kategori/keuangan-keluarga/",
    "/artikel/tag/anggaran/",
    "/artikel/feed/",
    "/kontributor/",
    "/kontributor/ayu-lestari/",
    "/cari/",
    "/sitemap.xml",
    "/robots.txt",
    "/bantuan/",
    "/kalender/abc.ics",
    "/baca/1/",
    "/dokumen/1/a.pdf",
    "/admin/login/",
    "/healthz/",
]


def with_path_bytes(url, bytes_):
    """The URL with `bytes_` put into its last path segment."""
    head, _slash, tail = url.rstrip("/").rpartition("/")
    return f"{head}/{bytes_}{tail}" + ("/" if url.endswith("/") else "")


HOSTILE_PATH = {
    "nul": "%00",
    "control": "%0d%0a",
    "invalid utf-8": "%ff%fe",
    "overlong utf-8 nul": "%c0%80",
    "lone continuation": "%80",
}
HOSTILE_QUERY = {
    "nul": "q=%00&page=%00",
    "invalid utf-8": "q=%ff%fe",
    "overlong utf-8": "q=%c0%af",
}


@pytest.fixture(scope="module")
def built_site(django_db_setup, django_db_blocker):
    with kept_for_the_module(django_db_blocker):
        yield build_public_site_in_place()


@pytest.fixture
def site(db, built_site):
    return reloaded(built_site)


@pytest.mark.parametrize("kind", HOSTILE_PATH)
def test_hostile_bytes_in_the_path_are_400(client, site, kind, mailoutbox):
    for url in PUBLIC:
        response = client.get(with_path_bytes(url, HOSTILE_PATH[kind]))

        assert response.status_code == 400, url
        assert response.content == b"Alamat tidak sah.\n"
    assert mailoutbox == []


@pytest.mark.parametrize("kind", HOSTILE_QUERY)
def test_hostile_bytes_in_the_query_are_400(client, site, kind, mailoutbox):
    for url in PUBLIC:
        response = client.get(f"{url}?{HOSTILE_QUERY[kind]}")

        assert response.status_code == 400, url
    assert mailoutbox == []


def test_the_calendar_feed_with_a_nul_token(client, site):
    """The attack run's case: 500 (and an e-mail per hit) on PostgreSQL."""
    assert client.get("/kalender/%00.ics").status_code == 400
    assert client.post("/kalender/%00.ics").status_code == 400


def test_an_overlong_path_is_414(client, site, mailoutbox):
    for url in PUBLIC:
        response = client.get(url + "a" * 4000)

        assert response.status_code == 414, url
    assert mailoutbox == []


def test_ordinary_unicode_still_reaches_the_pages(client, site):
    """Percent-encoded UTF-8 is fine: an unknown slug is a 404, a search a 200."""
    assert client.get("/artikel/caf%C3%A9/").status_code == 404
    assert client.get("/cari/?q=caf%C3%A9+%F0%9F%98%80").status_code == 200
    assert client.get("/artikel/" + "a" * 1000 + "/").status_code == 404
