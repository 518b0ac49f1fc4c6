"""Pages and static files travel compressed: phones on mobile data pay per byte."""

import gzip
import json

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


# collectstatic as `manage.py collectstatic --noinput` runs it, after one statement
# that changes the production settings first (before django.setup()).
COLLECTSTATIC = (
    "import django; from django.conf import settings; {change}; "
    "django.setup(); from django.core.management import call_command; "
    "call_command('collectstatic', interactive=False, verbosity=0)"
)


def collectstatic(static_root, change):
    return run_python(
        ["-c", COLLECTSTATIC.format(change=change)],
        "website.settings.production",
        SECRET_KEY="x" * 50,
        ALLOWED_HOSTS="serambi.example",
        STATIC_ROOT=str(static_root),
    )


def test_collected_static_files_get_brotli_and_gzip_copies(tmp_path):
    # Production's storage on the site's own static files only. Compressing every
    # app's files too (the admin's: some 430 at brotli's highest quality) costs ~18 s
    # of CPU and shows nothing more; the next test collects those.
    result = collectstatic(
        tmp_path,
        "settings.STATICFILES_FINDERS = "
        "['django.contrib.staticfiles.finders.FileSystemFinder']",
    )
    assert result.returncode == 0, result.stderr

    css = sorted(tmp_path.glob("css/serambi.*.css"))
    assert css, "no hashed stylesheet was collected"
    assert (tmp_path / "css" / f"{css[0].name}.br").exists()
    assert (tmp_path / "css" / f"{css[0].name}.gz").exists()


# Production's storage is a ManifestStaticFilesStorage that compresses afterwards:
# collect with the manifest step alone.
MANIFEST_ONLY = (
    "from django.utils.module_loading import import_string; "
    "from django.contrib.staticfiles.storage import ManifestStaticFilesStorage; "
    "production = settings.STORAGES['staticfiles']['BACKEND']; "
    "assert issubclass(import_string(production), ManifestStaticFilesStorage), "
    "production; "
    "settings.STORAGES = {**settings.STORAGES, 'staticfiles': {'BACKEND': "
    "'django.contrib.staticfiles.storage.ManifestStaticFilesStorage'}}"
)


def test_every_apps_static_files_collect_under_productions_manifest(tmp_path):
    """Every stylesheet's url() must name a file that exists, or the hashed manifest
    fails the deploy: the admin's files are collected as well as the site's."""
    result = collectstatic(tmp_path, MANIFEST_ONLY)
    assert result.returncode == 0, result.stderr

    collected = json.loads((tmp_path / "staticfiles.json").read_text())["paths"]
    assert "wagtailadmin/css/core.css" in collected
    assert "css/serambi.css" in collected
