"""What the benchmarks share: sites of many articles built in bulk, the child process
that serves one, and the pages measured beside bakerydemo.

A site of thousands of articles cannot be built one `save()` per page in a
benchmark's time. `insert_articles` writes the Page rows with their tree paths
computed in one pass (treebeard's materialised path: the blog index's path plus a
four-character step per child), the article rows in batches, and their credits.
"""

import datetime
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# (label, Serambi page, bakerydemo page). A page is a path, or "article" and
# "blog post": a typical article of each site, which each benchmark finds.
BAKERYDEMO_PAIRS = [
    ("article / blog post", "article", "blog post"),
    ("index / blog index", "/artikel/", "/blog/"),
    ("home / home", "/", "/"),
]

FIRST_PUBLISHED = datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)
BATCH = 1000


def setup_django(database_url, media_root):
    """Runs in a child process: Django with the test settings on this database."""
    os.environ["DATABASE_URL"] = database_url
    os.environ["DJANGO_SETTINGS_MODULE"] = "website.settings.test"
    sys.path.insert(0, str(ROOT))

    import django

    django.setup()
    from django.conf import settings
    from django.test.utils import setup_test_environment

    settings.MEDIA_ROOT = media_root
    setup_test_environment()


def make_categories():
    from blog.models import Category

    return [
        Category.objects.create(name=name, slug=name.lower())
        for name in ("Keluarga", "Pekerjaan", "Kesehatan", "Hukum")
    ]


def make_contributors(count=20, photos=()):
    from contributors.models import ContributorIndexPage, ContributorPage

    contributor_index = ContributorIndexPage.objects.get()
    people = []
    for n in range(count):
        person = ContributorPage(
            title=f"Kontributor {n}",
            slug=f"kontributor-{n}",
            short_bio="Ibu yang menulis di sela pekerjaan.",
            photo=photos[n % len(photos)] if photos else None,
        )
        contributor_index.add_child(instance=person)
        people.append(person)
    return people


def insert_articles(size, article, people, roles):
    """`size` live articles under the blog index, one an hour from 2020, in bulk.

    `article(n)` answers the n-th article's (title, slug, {ArticlePage field: value});
    article n credits people[(n + k) % len(people)] in roles[k]. Returns the Page rows.
    """
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction

    from wagtail.models import Locale, Page

    from blog.models import ArticleCredit, ArticlePage, BlogIndexPage

    blog_index = BlogIndexPage.objects.get()
    content_type = ContentType.objects.get_for_model(ArticlePage)
    locale = Locale.get_default()
    depth = blog_index.depth + 1
    article_fields = ArticlePage._meta.local_concrete_fields
    inserted = []
    with transaction.atomic():
        for first in range(0, size, BATCH):
            pages, rows = [], []
            for n in range(first, min(size, first + BATCH)):
                title, slug, fields = article(n)
                published = FIRST_PUBLISHED + datetime.timedelta(hours=n)
                pages.append(
                    Page(
                        title=title,
                        draft_title=title,
                        slug=slug,
                        path=Page._get_path(
                            blog_index.path, depth, blog_index.numchild + n + 1
                        ),
                        depth=depth,
                        numchild=0,
                        url_path=f"{blog_index.url_path}{slug}/",
                        content_type=content_type,
                        locale=locale,
                        live=True,
                        has_unpublished_changes=False,
                        first_published_at=published,
                        last_published_at=published,
                    )
                )
                rows.append(fields)
            Page.objects.bulk_create(pages)
            # Only the article's own table: its Page row exists (multi-table
            # inheritance, which bulk_create refuses).
            ArticlePage.objects._insert(
                [
                    ArticlePage(page_ptr_id=page.pk, **fields)
                    for page, fields in zip(pages, rows, strict=True)
                ],
                fields=article_fields,
            )
            ArticleCredit.objects.bulk_create(
                [
                    ArticleCredit(
                        page_id=page.pk,
                        contributor=people[(first + k + offset) % len(people)],
                        role=role,
                        sort_order=offset,
                    )
                    for k, page in enumerate(pages)
                    for offset, role in enumerate(roles)
                ]
            )
            inserted += pages
        BlogIndexPage.objects.filter(pk=blog_index.pk).update(
            numchild=blog_index.numchild + size
        )
    return inserted


def say(answer):
    """Runs in the child process: one answer, one JSON line."""
    sys.stdout.write(json.dumps(answer) + "\n")
    sys.stdout.flush()


class Child:
    """A child process holding one site, answering one JSON line per line asked."""

    def __init__(self, name, arguments):
        self.name = name
        self.process = subprocess.Popen(  # noqa: S603 - a benchmark script, this interpreter
            [sys.executable, *arguments],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )

    def ask(self, line):
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()
        return self.read()

    def read(self):
        line = self.process.stdout.readline()
        if not line:
            raise RuntimeError(f"the {self.name} site's process stopped; see above")
        return json.loads(line)

    def close(self):
        self.process.stdin.close()
        self.process.wait(timeout=60)
