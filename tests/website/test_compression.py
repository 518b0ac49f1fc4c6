"""Pages and static files travel compressed: phones on mobile data pay per byte."""

import gzip

from django.test import override_settings

import pytest

from tests.site_builder import article, contributor
from tests.website.test_settings import run_python


@pytest.mark.django_db
def test_an_article_leaves_the_app_gzipped(client, blog_index, contributor_index):
    page = article(blog_index, writers=[contributor(contributor_index, "Ayu Lestari")])

    response = client.get(page.url, HTTP_ACCEPT_ENCODING="gzip, deflate, br")

    assert response.status_code == 200
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    html = gzip.decompress(response.content).decode()
    assert page.title in html
    assert len(response.content) < len(html.encode()) / 2


@pytest.mark.django_db
def test_a_client_that_asks_for_nothing_gets_plain_html(
    client, blog_index, contributor_index
):
    page = article(blog_index, writers=[contributor(contributor_index, "Ayu Lestari")])

    response = client.get(page.url)

    assert "Content-Encoding" not in response
    assert page.title in response.content.decode()


@pytest.mark.django_db
@override_settings(PAGE_CACHE_SECONDS=600)
def test_a_cached_page_is_compressed_for_each_reader(
    client, blog_index, contributor_index
):
    page = article(blog_index, writers=[contributor(contributor_index, "Ayu Lestari")])
    client.get(page.url, HTTP_ACCEPT_ENCODING="gzip")

    plain = client.get(page.url)
    zipped = client.get(page.url, HTTP_ACCEPT_ENCODING="gzip")

    assert "Content-Encoding" not in plain
    assert zipped["Content-Encoding"] == "gzip"
    assert gzip.decompress(zipped.content) == plain.content


def test_collected_static_files_get_brotli_and_gzip_copies(tmp_path):
    result = run_python(
        ["manage.py", "collectstatic", "--noinput", "-v", "0"],
        "website.settings.production",
        SECRET_KEY="x" * 50,
        ALLOWED_HOSTS="serambi.example",
        STATIC_ROOT=str(tmp_path),
    )
    assert result.returncode == 0, result.stderr

    css = sorted(tmp_path.glob("css/serambi.*.css"))
    assert css, "no hashed stylesheet was collected"
    assert (tmp_path / "css" / f"{css[0].name}.br").exists()
    assert (tmp_path / "css" / f"{css[0].name}.gz").exists()
