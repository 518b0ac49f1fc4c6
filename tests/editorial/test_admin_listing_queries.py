"""The page chooser and the explorer run a fixed number of queries, however many rows.

Before, each row of the chooser asked three queries (its parent, a scheduled revision,
a workflow in progress: 82 for a contributor's 21 rows) and each row of the explorer
two more for a contributor (may she move it, may she delete it: 76). Each is measured
with 3 and with 30 pages in the articles section: the counts must be equal, and
exactly these. The rows must still be named as the viewer may see them.
"""

import json
import re

from django.contrib.auth import get_user_model
from django.urls import reverse

from wagtail.admin.views.pages.listing import ExplorableIndexView

import pytest

from blog.models import ArticleCredit, BlogIndexPage
from contributors.models import ContributorIndexPage
from demo.factories import ContributorPageFactory
from editorial.privacy import PrivateExplorableIndexView
from tests.site_builder import kept_for_the_module

from .conftest import draft_by, make_user

# Warm: the second request, process-wide caches (content types, site roots) filled.
# The explorer of a section she may explore whole runs no query for the common
# ancestor of her permissions (PrivateExplorableIndexView.get_base_queryset).
QUERIES = {
    "contributor": {"chooser": 18, "chooser_section": 23, "explorer": 33},
    "editor": {"chooser": 16, "chooser_section": 20, "explorer": 32},
}


def fill(count, alya, bunga, blog_index):
    """`count` pages: hers (drafts), another's published with a pending new title
    (every other one crediting her too), another's drafts."""
    for number in range(count):
        kind = number % 3
        if kind == 0:
            draft_by(alya, blog_index, title=f"Draf Alya {number}", slug=f"a-{number}")
        elif kind == 1:
            page = draft_by(
                bunga, blog_index, title=f"Terbit {number}", slug=f"t-{number}"
            )
            page.get_latest_revision().publish()
            page.refresh_from_db()
            page.title = f"Judul baru {number}"
            page.save_revision(user=bunga)
            if number % 2:
                ArticleCredit.objects.create(
                    page=page,
                    contributor=alya.profile_page,
                    role=ArticleCredit.Role.ILLUSTRATOR,
                )
        else:
            draft_by(
                bunga, blog_index, title=f"Draf Bunga {number}", slug=f"b-{number}"
            )


def urls(blog_index):
    return {
        "chooser": reverse("wagtailadmin_choose_page"),
        "chooser_section": reverse(
            "wagtailadmin_choose_page_child", args=[blog_index.pk]
        ),
        "explorer": reverse("wagtailadmin_explore", args=[blog_index.pk]),
    }


def contributor(username, title, contributor_index):
    user = make_user(username, "Contributors")
    user.profile_page = ContributorPageFactory(
        parent=contributor_index, title=title, slug=username, user=user
    )
    return user


@pytest.fixture(scope="module", params=[3, 30])
def filled(request, django_db_setup, django_db_blocker):
    """Alya, Bunga, Eka (as tests/editorial/conftest.py makes them) and `fill`'s
    pages, built once for the module for each count and shared by both roles' tests;
    rolled back when the module is done with them (tests/site_builder.py). None:
    nothing built, for the tests that make their own people and pages (`own_pages`)."""
    if request.param is None:
        yield None
        return
    with kept_for_the_module(django_db_blocker):
        contributor_index = ContributorIndexPage.objects.get()
        alya = contributor("alya", "Alya Rahma", contributor_index)
        bunga = contributor("bunga", "Bunga Lestari", contributor_index)
        eka = make_user("eka", "Editors")
        fill(request.param, alya, bunga, BlogIndexPage.objects.get())
        yield {"count": request.param, "contributor": alya.pk, "editor": eka.pk}


@pytest.mark.parametrize("role", ["contributor", "editor"])
def test_chooser_and_explorer_queries_do_not_grow_with_rows(
    client, django_assert_num_queries, db, filled, blog_index, role
):
    count = filled["count"]
    client.force_login(get_user_model().objects.get(pk=filled[role]))
    pages = {}
    for name, url in urls(blog_index).items():
        client.get(url)
        with django_assert_num_queries(QUERIES[role][name]):
            response = client.get(url)
        assert response.status_code == 200
        pages[name] = content(response)

    editor = role == "editor"
    for name in ("chooser_section", "explorer"):
        html = pages[name]
        assert shows("Draf Alya 0", html)
        assert shows("Draf Bunga 2", html) is editor
    if count == 30:
        assert shows("Draf Alya 27", pages["explorer"])
        assert not editor or shows("Draf Bunga 29", pages["explorer"])
        for name in ("chooser_section", "explorer"):
            html = pages[name]
            # Someone else's pending title: hers to see where she is credited
            # (1), not where she is not (4); an editor sees both.
            assert shows("Judul baru 1", html)
            assert shows("Judul baru 4", html) is editor
            assert editor or shows("Terbit 4", html)


def own_pages(test):
    """For a test that makes its own people and pages: it runs with none built."""
    test = pytest.mark.parametrize("filled", [None], indirect=True, ids=["own"])(test)
    return pytest.mark.usefixtures("filled")(test)


def content(response):
    """The HTML of an explorer page or of the chooser's modal step (JSON)."""
    if response["Content-Type"].startswith("application/json"):
        return json.loads(response.content)["html"]
    return response.content.decode()


def shows(title, html):
    return re.search(rf"\b{re.escape(title)}\b", html) is not None


@own_pages
def test_chooser_rows_name_their_parent(client, alya, bunga, blog_index):
    """The title cell's parent id, now given rather than asked for."""
    page = draft_by(alya, blog_index, title="Draf Alya", slug="draf-alya")
    client.force_login(alya)
    response = client.get(
        reverse("wagtailadmin_choose_page_child", args=[blog_index.pk])
    )
    html = content(response)
    assert f'data-id="{page.pk}"' in html
    assert f'data-parent-id="{blog_index.pk}"' in html


@own_pages
def test_chooser_restricted_to_articles_still_lists_hers(
    client, alya, bunga, blog_index
):
    """A chooser for one page type combines two listings of the annotated queryset."""
    draft_by(alya, blog_index, title="Draf Alya", slug="draf-alya")
    draft_by(bunga, blog_index, title="Draf Bunga", slug="draf-bunga")
    client.force_login(alya)
    response = client.get(
        reverse("wagtailadmin_choose_page_child", args=[blog_index.pk]),
        {"page_type": "blog.articlepage"},
    )
    assert response.status_code == 200
    html = content(response)
    assert "Draf Alya" in html
    assert "Draf Bunga" not in html


@own_pages
def test_chooser_answers_as_wagtails_admin_views_do(client, alya, blog_index):
    """Served by our view now, with Wagtail's admin URL wrappers: sign-in required,
    never cached, the admin's 404 page."""
    url = reverse("wagtailadmin_choose_page_child", args=[blog_index.pk])
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))

    client.force_login(alya)
    response = client.get(url)
    assert response.status_code == 200
    assert "no-cache" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]

    missing = reverse("wagtailadmin_choose_page_child", args=[blog_index.pk + 10_000])
    response = client.get(missing)
    assert response.status_code == 404
    assert "wagtailadmin/404.html" in [t.name for t in response.templates]


@pytest.mark.parametrize("role", ["contributor", "editor"])
def test_the_explorer_lists_what_wagtails_permission_filter_would(
    rf, db, filled, blog_index, role
):
    """Listing a section she may explore whole, the explorer leaves out Wagtail's
    filter on every explorable id; the rows are the same as with it."""
    request = rf.get("/")
    request.user = get_user_model().objects.get(pk=filled[role])
    views = []
    for _ in range(2):
        view = PrivateExplorableIndexView()
        view.setup(request, parent_page_id=blog_index.pk)
        view.parent_page = blog_index
        views.append(view)
    ours, wagtails = views
    assert ours.explores_whole_subtree()

    rows = set(ours.get_base_queryset().values_list("pk", flat=True))
    expected = ExplorableIndexView.get_base_queryset(wagtails).values_list(
        "pk", flat=True
    )
    assert rows == set(expected)
    assert len(rows) >= filled["count"] // 3
