"""The root and the children of the root and of the home page are found through partial indexes
of the top of the tree (editorial migration 0008), not by walking the whole site; and
a listing still reads its newest articles through the publication date's index."""

from django.db import connection

from wagtail.models import Page

import pytest

from blog.models import BlogIndexPage

pytestmark = pytest.mark.django_db

sqlite_only = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="reads SQLite's query plan"
)


def plan_of(queryset):
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        return " ".join(str(row) for row in cursor.fetchall())


def test_the_top_of_the_tree_has_an_index_per_level():
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(
            cursor, Page._meta.db_table
        )
    for depth in (1, 2, 3):
        index = constraints[f"serambi_page_children_depth{depth}"]
        assert index["index"]
        assert index["columns"] == ["path"]


@sqlite_only
def test_the_children_of_the_root_and_of_home_are_read_through_them(home_page):
    root = Page.get_first_root_node()

    assert "serambi_page_children_depth1" in plan_of(
        Page.objects.filter(depth=1).order_by("path")[:1]
    )
    assert "serambi_page_children_depth2" in plan_of(root.get_children())
    assert "serambi_page_children_depth3" in plan_of(home_page.get_children())
    assert list(root.get_children()) == [home_page.page_ptr]


@sqlite_only
def test_the_explorer_reads_a_sections_latest_children_through_it(blog_index):
    children = Page.objects.child_of(blog_index).order_by("-latest_revision_created_at")

    assert "serambi_page_section_children_latest" in plan_of(children[:50])


@sqlite_only
def test_a_listing_still_reads_the_newest_articles_by_date(blog_index):
    page = BlogIndexPage.objects.get(pk=blog_index.pk)
    listing = page.get_articles().with_card_data()[:12]

    plan = plan_of(listing)
    assert "first_published_at" in plan
    assert "serambi_page_children" not in plan
    assert "serambi_page_section_children_latest" not in plan


@sqlite_only
def test_the_contributors_index_starts_from_the_contributors(contributor_index):
    """Not from the index of every section's children, which holds the articles."""
    plan = plan_of(contributor_index.get_contributors())
    assert "serambi_page_section_children_latest" not in plan
    assert "SCAN wagtailcore_page" not in plan


@sqlite_only
def test_her_articles_check_each_articles_credits_by_its_page(contributor_index):
    """Not along the credits-by-role index, which would read all her credits for
    every article looked at."""
    from blog.wagtail_hooks import contributor_articles
    from tests.site_builder import contributor

    writer = contributor(contributor_index, "Sari Dewi")
    plan = plan_of(contributor_articles(writer))
    assert "blog_credit_by_role" not in plan
    assert "blog_articlecredit_page_id" in plan
