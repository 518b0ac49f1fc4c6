"""What an explorer page costs besides its queries: cache round trips and stack chunks.

The explorer's rows each asked the cache for the sites' root paths (every "View live"
link), and a served admin request thrashed CPython 3.11's frame-stack chunks (one
mmap and munmap each time a template's recursion crossed a 16 KiB boundary; see
website/roomy_stack.py). Which rows are listed and what they show is unchanged.
"""

import sys
from unittest import mock

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.admin.views.pages.listing import PageFilterSet
from wagtail.models import Page, PageLogEntry, Site

from demo.factories import ArticlePageFactory
from editorial.privacy import PrivateExplorableIndexView
from editorial.trash import get_trash_can
from website import roomy_stack
from website.roomy_stack import ROOM_SLOTS, call_in_roomy_frame

from .conftest import make_user


def test_explorer_reads_the_site_root_paths_once_for_all_its_rows(client, blog_index):
    """Not at all once this process has them for the current version
    (contributors.routing.site_root_paths), however many rows (before: once for the
    rows and the header, and before that once more for every row)."""
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
    assert with_one == with_twelve == 0


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


def explore(client, page, **query):
    response = client.get(reverse("wagtailadmin_explore", args=[page.pk]), query)
    assert response.status_code == 200
    return response


def listed_titles(response):
    return [page.title for page in response.context["object_list"]]


def test_an_editors_explorer_counts_the_children_from_the_parents_row(
    client, blog_index, alya, bunga, superuser
):
    """Every child but the trash can, as a count of the rows would say; the count
    of a contributor's explorer, who sees fewer, is still the rows'."""
    for number in range(5):
        ArticlePageFactory(parent=blog_index, title=f"Terbit {number}", owner=alya)
    draft = ArticlePageFactory(
        parent=blog_index, title="Draf Bunga", owner=bunga, live=False
    )
    draft.save_revision()
    ArticlePageFactory(parent=blog_index, title="Draf Alya", owner=alya, live=False)
    get_trash_can()  # a child of the root
    blog_index.refresh_from_db()
    root = Page.get_first_root_node()

    client.force_login(make_user("eka", "Editors"))
    with mock.patch.object(PrivateExplorableIndexView, "paginate_by", 3):
        with CaptureQueriesContext(connection) as queries:
            first = explore(client, blog_index)
        last = explore(client, blog_index, p=3)
        client.force_login(superuser)  # an editor's explorer starts at the home page
        everything = explore(client, root)
    assert not [q for q in queries if "COUNT(" in q["sql"]]
    assert first.context["items_count"] == 7
    assert first.context["paginator"].num_pages == 3
    assert len(listed_titles(last)) == 1
    assert everything.context["items_count"] == len(listed_titles(everything)) == 1
    assert "Tempat sampah" not in listed_titles(everything)

    client.force_login(alya)
    with mock.patch.object(PrivateExplorableIndexView, "paginate_by", 3):
        hers = explore(client, blog_index)
        hers_last = explore(client, blog_index, p=2)
    assert hers.context["items_count"] == 6
    seen = listed_titles(hers) + listed_titles(hers_last)
    assert len(seen) == 6 and "Draf Bunga" not in seen


def test_the_people_filters_offer_the_accounts_wagtails_would(
    client, blog_index, alya, bunga
):
    """Owners of any page and authors of any edit, asked account by account."""
    ArticlePageFactory(parent=blog_index, title="Milik Alya", owner=alya)
    edited = ArticlePageFactory(parent=blog_index, title="Disunting", owner=None)
    PageLogEntry.objects.log_action(edited, "wagtail.edit", user=bunga)
    PageLogEntry.objects.log_action(edited, "wagtail.publish", user=alya)
    make_user("tanpa-halaman", "Contributors")
    eka = make_user("eka", "Editors")
    client.force_login(eka)

    response = explore(client, blog_index)
    filters = response.context["filters"]
    request = response.wsgi_request
    for name in ("owner", "edited_by"):
        ours = list(filters.filters[name].queryset(request))
        wagtails = PageFilterSet.base_filters[name].queryset(request)
        assert sorted(ours, key=lambda user: user.pk) == sorted(
            wagtails, key=lambda user: user.pk
        )
    assert {user.username for user in filters.filters["owner"].queryset(request)} >= {
        "alya"
    }
    assert [u.username for u in filters.filters["edited_by"].queryset(request)] == [
        "bunga"
    ]
