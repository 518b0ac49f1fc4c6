"""Related articles and deep index pages cost the same on a large site as on a small.

The query plans (SQLite's EXPLAIN QUERY PLAN; PostgreSQL's EXPLAIN when DATABASE_URL
points there) must read through indexes and never sort a whole table.
"""

from django.db import connection

import pytest

from blog.models import ArticlePage
from blog.paging import KeysetPaginator
from tests.site_builder import article, category, contributor

pytestmark = pytest.mark.django_db

SQLITE = connection.vendor == "sqlite"
POSTGRES = connection.vendor == "postgresql"


def grow(blog_index, writer, keluarga, count, start=0):
    return [
        article(
            blog_index,
            writers=[writer],
            tags=["anak", f"tema-{n % 7}"],
            category=keluarga,
            days=start + n,
            title=f"Catatan {start + n}",
        )
        for n in range(count)
    ]


def related_query(page):
    sql, params, _rows = ArticlePage.objects.get(pk=page.pk).related_articles_query()
    return sql, params


def deep_page_query(blog_index, number):
    paginator = KeysetPaginator(blog_index.get_articles(), 12, "test")
    return paginator.page(number).object_list


def sqlite_plan(query):
    sql, params = query if isinstance(query, tuple) else query.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        return [row[-1] for row in cursor.fetchall()]


@pytest.fixture
def site(blog_index, contributor_index):
    writer = contributor(contributor_index, "Nur Aini")
    keluarga = category("Keluarga")
    return blog_index, writer, keluarga, grow(blog_index, writer, keluarga, 30)


@pytest.mark.skipif(not SQLITE, reason="SQLite's query plan; PostgreSQL's is below")
def test_sqlite_plans_read_indexes_and_sort_no_table(site):
    blog_index, _writer, _keluarga, articles = site
    related = sqlite_plan(related_query(articles[10]))
    # Every candidate list is an index read with a LIMIT: no sort inside them. The
    # one sort left orders the few candidates.
    assert related.count("USE TEMP B-TREE FOR ORDER BY") == 1
    chosen = sqlite_plan(
        ArticlePage.objects.get(pk=articles[10].pk).related_articles_sql()
    )
    assert chosen[-1] == "USE TEMP B-TREE FOR ORDER BY"
    assert any("blog_articletag_tag_article" in step for step in related)
    deep = sqlite_plan(deep_page_query(blog_index, 3))
    # A seek into the first_published_at index, not an OFFSET; only ties on the
    # date are sorted by id ("right part"), never the whole listing.
    assert any(
        step.startswith("SEARCH wagtailcore_page USING INDEX")
        and "first_published_at" in step
        for step in deep
    )
    assert "USE TEMP B-TREE FOR ORDER BY" not in deep


@pytest.mark.skipif(not POSTGRES, reason="runs when DATABASE_URL is PostgreSQL")
def test_postgres_plans_can_use_indexes(site):
    blog_index, _writer, _keluarga, articles = site

    def plan(query):
        sql, params = (
            query if isinstance(query, tuple) else query.query.sql_with_params()
        )
        with connection.cursor() as cursor:
            # A small test table is cheaper to read whole; forbid that, so the plan
            # shows whether an index path exists for when the table is large.
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute(f"EXPLAIN {sql}", params)
            return "\n".join(row[0] for row in cursor.fetchall())

    for text in (
        plan(related_query(articles[10])),
        plan(deep_page_query(blog_index, 3)),
    ):
        for table in ("wagtailcore_page", "blog_articlepage", "blog_articletag"):
            assert f"Seq Scan on {table}" not in text, text
