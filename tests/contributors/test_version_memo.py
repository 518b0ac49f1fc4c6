"""What each process keeps for the current public version (contributors.visibility
.VersionMemo): read once while the version stands, read again as soon as it moves.
The sites' root paths and the listings' snapshots are kept so; a change to a Site
moves the version, so no page prints an address from before it."""

from unittest import mock

from django.test import RequestFactory

from wagtail.models import Site

import pytest

from blog.models import BlogIndexPage
from blog.paging import KeysetPaginator
from caching.pages import clear_page_cache
from contributors import visibility
from contributors.visibility import VersionMemo
from tests.site_builder import article

pytestmark = pytest.mark.django_db


@pytest.fixture
def version():
    """A version source the test moves by hand."""
    token = ["satu"]
    with mock.patch.object(visibility, "_version_source", lambda: token[0]):
        yield token


def reader():
    reads = []

    def read():
        reads.append(1)
        return len(reads)

    return read, reads


def test_a_value_is_read_once_while_its_version_stands(version):
    memo = VersionMemo()
    read, reads = reader()
    assert memo.get("a", read) == memo.get("a", read) == 1
    version[0] = "dua"
    assert memo.get("a", read) == memo.get("a", read) == 2
    assert len(reads) == 2


def test_without_a_version_every_ask_reads(version):
    memo = VersionMemo()
    read, reads = reader()
    version[0] = None
    assert [memo.get("a", read) for _ in range(3)] == [1, 2, 3]


def test_a_value_older_than_its_limit_is_read_again(version):
    memo = VersionMemo(max_seconds=300)
    read, reads = reader()
    with mock.patch.object(visibility.time, "monotonic", return_value=1000.0):
        memo.get("a", read)
    with mock.patch.object(visibility.time, "monotonic", return_value=1299.0):
        assert memo.get("a", read) == 1
    with mock.patch.object(visibility.time, "monotonic", return_value=1301.0):
        assert memo.get("a", read) == 2


def test_it_keeps_at_most_its_number_of_values(version):
    memo = VersionMemo(max_entries=2)
    read, reads = reader()
    for key in ("a", "b", "c", "a"):
        memo.get(key, read)
    assert len(reads) == 4  # "a" had been let go to make room for "c"
    assert len(memo._kept[1]) <= 2


def test_the_sites_root_paths_are_read_once_per_version(home_page):
    story = article(BlogIndexPage.objects.get(), title="Pagi", slug="pagi-hari")
    with mock.patch.object(
        Site, "get_site_root_paths", wraps=Site.get_site_root_paths
    ) as read:
        for _ in range(3):  # three requests
            assert story.get_url(RequestFactory().get("/")) == "/artikel/pagi-hari/"
        assert read.call_count == 1
        clear_page_cache()  # what a publish does
        story.get_url(RequestFactory().get("/"))
        assert read.call_count == 2


def test_a_changed_site_is_in_the_next_address_printed(home_page):
    story = article(BlogIndexPage.objects.get(), title="Pagi", slug="pagi-hari")
    assert story.get_full_url(RequestFactory().get("/")) == (
        "http://testserver/artikel/pagi-hari/"
    )
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "serambi.example", 443
    site.save()
    request = RequestFactory(HTTP_HOST="serambi.example").get("/", secure=True)
    assert story.get_full_url(request) == "https://serambi.example/artikel/pagi-hari/"


def test_a_listings_snapshot_is_read_from_the_cache_once_per_version(home_page):
    index = BlogIndexPage.objects.get()
    for number in range(3):
        article(index, title=f"Tulisan {number}", slug=f"tulisan-{number}")

    def count():
        paginator = KeysetPaginator(index.get_articles(), 2, f"{index.pk}:all")
        return paginator.count

    from blog import paging

    def snapshot_reads(get):
        return [
            c for c in get.call_args_list if c.args[0].startswith("serambi:listing")
        ]

    with mock.patch.object(paging.cache, "get", wraps=paging.cache.get) as get:
        assert count() == count() == 3
        assert len(snapshot_reads(get)) == 1
        article(index, title="Tulisan baru", slug="tulisan-baru")  # moves the version
        assert count() == 4
        assert len(snapshot_reads(get)) == 2
