"""What an explorer page costs besides its queries: cache round trips and stack chunks.

The explorer's rows each asked the cache for the sites' root paths (every "View live"
link), and a served admin request thrashed CPython 3.11's frame-stack chunks (one
mmap and munmap each time a template's recursion crossed a 16 KiB boundary; see
website/roomy_stack.py). Which rows are listed and what they show is unchanged.
"""

import sys
from unittest import mock

from django.urls import reverse

from wagtail.models import Site

from demo.factories import ArticlePageFactory
from website import roomy_stack
from website.roomy_stack import ROOM_SLOTS, call_in_roomy_frame

from .conftest import make_user


def test_explorer_reads_the_site_root_paths_once_for_all_its_rows(client, blog_index):
    """Once for the rows and once for the section's own header, however many rows
    (before: once more for every row)."""
    client.force_login(make_user("eka", "Editors"))
    url = reverse("wagtailadmin_explore", args=[blog_index.pk])

    def reads():
        client.get(url)
        with mock.patch.object(
            Site, "get_site_root_paths", wraps=Site.get_site_root_paths
        ) as read:
            response = client.get(url)
        assert response.status_code == 200
        return read.call_count, response.content.decode()

    def article(number):
        ArticlePageFactory(
            parent=blog_index, title=f"Tulisan {number}", slug=f"tulisan-{number}"
        )

    article(0)
    with_one, _ = reads()
    for number in range(1, 12):
        article(number)
    with_twelve, html = reads()
    assert all(f"Tulisan {number}" in html for number in range(12))
    assert with_one == with_twelve == 2


def test_every_request_the_page_cache_does_not_answer_runs_in_the_roomy_frame(
    client, blog_index, settings
):
    settings.PAGE_CACHE_SECONDS = 60
    with mock.patch.object(
        roomy_stack, "call_in_roomy_frame", wraps=roomy_stack.call_in_roomy_frame
    ) as roomy:
        # An anonymous reader's first visit is rendered, her second answered from
        # the page cache before the roomy frame.
        assert client.get(blog_index.url).status_code == 200
        assert client.get(blog_index.url).status_code == 200
        assert roomy.call_count == 1
        client.force_login(make_user("eka", "Editors"))
        admin = client.get(reverse("wagtailadmin_explore", args=[blog_index.pk]))
        assert admin.status_code == 200
        assert roomy.call_count == 2


def test_the_roomy_frame_reserves_its_room_and_changes_nothing_else():
    assert call_in_roomy_frame.__code__.co_stacksize == ROOM_SLOTS
    assert call_in_roomy_frame(divmod, 7, 3) == (2, 1)

    def deep(level):
        return level if level == 0 else deep(level - 1) + 1

    # Recursion inside it works as anywhere else, up to the same limit.
    assert call_in_roomy_frame(deep, sys.getrecursionlimit() // 2) == (
        sys.getrecursionlimit() // 2
    )
