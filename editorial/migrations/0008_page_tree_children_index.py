"""Indexes of the top of the page tree: the root, its children, the home page's.

Wagtail (treebeard) finds a page's children by `depth = d + 1 AND path BETWEEN
p0000 AND pZZZZ`. With only the path's own index, the database walks every page
under the parent, children or not: the page chooser's root (the children of the
tree's root) read every page of the site, 5 ms a request at 50,000 articles. Near
the root a page's subtree is the whole site; deeper, it is mostly its children.

So one partial index of paths per level, for depth 1 (Wagtail's
`get_first_root_node`, asked by every admin page, 3 ms at 50,000 articles), 2 (the
root's children) and 3 (the home page's sections), each used only by a query that
names its depth. An
index of (depth, path) over the whole tree also matched the listings' `depth >= 3`,
and SQLite then chose it over the publication date's index that lets a page of the
newest articles read only its twelve rows: the 50,000-article listing went from 13
to 104 ms (tests/editorial/test_page_tree_index.py guards both plans). Written as
SQL both SQLite and PostgreSQL take, on Wagtail's table (editorial owns no model
there).

And the sections' children (depth 4: articles, contributors' pages) by when they
were last edited, the explorer's default order: the explorer of a section sorted all
of its children for each page of fifty (8 ms at 50,000 articles); with this index it
reads the fifty."""

from django.db import migrations

DEPTHS = (1, 2, 3)
LATEST_IN_SECTIONS = "serambi_page_section_children_latest"


def index_name(depth):
    return f"serambi_page_children_depth{depth}"


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0007_review_task_plain_name"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        *(
            migrations.RunSQL(
                f'CREATE INDEX IF NOT EXISTS {index_name(depth)} ON "wagtailcore_page" '
                f'("path") WHERE "depth" = {depth}',
                f"DROP INDEX IF EXISTS {index_name(depth)}",
            )
            for depth in DEPTHS
        ),
        migrations.RunSQL(
            f'CREATE INDEX IF NOT EXISTS {LATEST_IN_SECTIONS} ON "wagtailcore_page" '
            '("latest_revision_created_at") WHERE "depth" = 4',
            f"DROP INDEX IF EXISTS {LATEST_IN_SECTIONS}",
        ),
    ]
