"""The page tree's children are found through an index of (depth, path)
(editorial migration 0008), not by walking every page under their parent."""

from django.db import connection

from wagtail.models import Page

import pytest

pytestmark = pytest.mark.django_db


def test_the_tree_has_an_index_by_depth_then_path():
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(
            cursor, Page._meta.db_table
        )
    assert constraints["serambi_page_depth_path"]["columns"] == ["depth", "path"]
    assert constraints["serambi_page_depth_path"]["index"]


@pytest.mark.skipif(connection.vendor != "sqlite", reason="reads SQLite's query plan")
def test_a_pages_children_are_read_through_it(home_page):
    children = Page.get_first_root_node().get_children()
    sql, params = children.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        plan = " ".join(str(row) for row in cursor.fetchall())

    assert "serambi_page_depth_path" in plan
    assert list(children) == [home_page.page_ptr]
