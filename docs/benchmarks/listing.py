"""Does the public site stay as fast with 5,000 articles as with 50?

    .venv/bin/python docs/benchmarks/listing.py              # 50 and 5,000 articles
    .venv/bin/python docs/benchmarks/listing.py --sizes 50,500,5000 --runs 21

For each size, a child process builds a site in a throw-away SQLite file (the
articles inserted in bulk inside one transaction, each with two credits, three tags, a
category and one of ten hero images), then renders with Django's test client: the
index's first and last page, a category listing, an article, the home page and the
feed. It prints the median time of several runs after two warm-ups, the SQL queries
per request, and the time of a page-cache hit. Page caching is off for the render
timings, so they measure the work a cache miss costs.
"""

import argparse
import datetime
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

URLS = [
    ("index, page 1", "/artikel/"),
    ("index, last page", "/artikel/?page={last}"),
    ("category listing", "/artikel/kategori/keluarga/"),
    ("article", "{article}"),
    ("home", "/"),
    ("feed", "/artikel/feed/"),
]


def build_site(size):
    """A site of `size` live articles, inserted without one save() per page."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction

    from taggit.models import Tag
    from wagtail.models import Locale, Page
    from wagtail.search import index

    from blog.models import (
        ArticleCredit,
        ArticlePage,
        ArticleTag,
        BlogIndexPage,
        Category,
    )
    from contributors.models import ContributorIndexPage, ContributorPage
    from demo.factories import CustomImageFactory

    blog_index = BlogIndexPage.objects.get()
    contributor_index = ContributorIndexPage.objects.get()
    categories = [
        Category.objects.create(name=name, slug=name.lower())
        for name in ("Keluarga", "Pekerjaan", "Kesehatan", "Hukum")
    ]
    tags = [Tag.objects.create(name=f"tag-{n}", slug=f"tag-{n}") for n in range(30)]
    images = [
        CustomImageFactory(
            title=f"ilustrasi-{n}",
            file__width=1600,
            file__height=900,
            file__filename=f"ilustrasi-{n}.png",
        )
        for n in range(10)
    ]
    people = []
    for n in range(20):
        person = ContributorPage(
            title=f"Kontributor {n}",
            slug=f"kontributor-{n}",
            short_bio="Ibu yang menulis di sela pekerjaan.",
            photo=images[n % len(images)],
        )
        contributor_index.add_child(instance=person)
        people.append(person)

    content_type = ContentType.objects.get_for_model(ArticlePage)
    locale = Locale.get_default()
    blog_index.refresh_from_db()
    depth = blog_index.depth + 1
    start = datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)
    body = json.dumps(
        [
            {"type": "heading", "value": {"text": "Awal cerita", "level": "h2"}},
            {"type": "paragraph", "value": "<p>" + "Hari yang panjang. " * 80 + "</p>"},
        ]
    )
    with transaction.atomic():
        pages = []
        for n in range(size):
            published = start + datetime.timedelta(hours=n)
            slug = f"cerita-{n}"
            pages.append(
                Page(
                    title=f"Cerita nomor {n}",
                    draft_title=f"Cerita nomor {n}",
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
        Page.objects.bulk_create(pages, batch_size=500)
        for n, page in enumerate(pages):
            # raw=True writes only the article's own table: its Page row exists.
            ArticlePage(
                page_ptr_id=page.pk,
                standfirst="Catatan kecil tentang hari-hari yang berat dan hangat.",
                excerpt="Sebuah cerita tentang bertahan dan tumbuh bersama anak.",
                body=body,
                category=categories[n % len(categories)],
                hero_image=images[n % len(images)],
            ).save_base(raw=True)
        BlogIndexPage.objects.filter(pk=blog_index.pk).update(
            numchild=blog_index.numchild + size
        )
        ArticleCredit.objects.bulk_create(
            [
                ArticleCredit(
                    page_id=page.pk,
                    contributor=people[(n + offset) % len(people)],
                    role=role,
                    sort_order=offset,
                )
                for n, page in enumerate(pages)
                for offset, role in enumerate(
                    [ArticleCredit.Role.WRITER, ArticleCredit.Role.ILLUSTRATOR]
                )
            ],
            batch_size=1000,
        )
        ArticleTag.objects.bulk_create(
            [
                ArticleTag(content_object_id=page.pk, tag=tags[(n + k) % len(tags)])
                for n, page in enumerate(pages)
                for k in range(3)
            ],
            batch_size=1000,
        )
    middle = ArticlePage.objects.get(pk=pages[size // 2].pk)
    index.insert_or_update_object(middle)
    return middle


def median_ms(client, url, runs):
    for _ in range(2):
        response = client.get(url)
        if response.status_code != 200:
            raise RuntimeError(f"{url} answered {response.status_code}")
    timings = []
    for _ in range(runs):
        began = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - began) * 1000)
    return statistics.median(timings)


def queries(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    return len(captured.captured_queries)


def measure_one(size, runs):
    """Runs in the child process: build, then time."""
    workdir = Path(tempfile.mkdtemp(prefix="serambi-bench-"))
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir / 'bench.sqlite3'}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "website.settings.test"
    sys.path.insert(0, str(ROOT))

    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import setup_test_environment

    settings.MEDIA_ROOT = workdir / "media"
    setup_test_environment()
    call_command("migrate", verbosity=0)

    began = time.perf_counter()
    article = build_site(size)
    build_seconds = time.perf_counter() - began

    from blog.models import ARTICLES_PER_PAGE

    last = max(1, -(-size // ARTICLES_PER_PAGE))
    client = Client()
    settings.PAGE_CACHE_SECONDS = 0
    results = []
    for label, pattern in URLS:
        url = pattern.format(last=last, article=article.url)
        results.append(
            {
                "page": label,
                "url": url,
                "median_ms": round(median_ms(client, url, runs), 1),
                "queries": queries(client, url),
            }
        )
    settings.PAGE_CACHE_SECONDS = 600
    results.append(
        {
            "page": "index, page 1, from the page cache",
            "url": "/artikel/",
            "median_ms": round(median_ms(client, "/artikel/", runs), 2),
            "queries": queries(client, "/artikel/"),
        }
    )
    return {"size": size, "build_seconds": round(build_seconds, 1), "results": results}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="50,5000")
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.one is not None:
        sys.stdout.write(json.dumps(measure_one(args.one, args.runs)) + "\n")
        return

    reports = []
    for size in (int(s) for s in args.sizes.split(",")):
        output = subprocess.run(  # noqa: S603 - this script, this interpreter
            [sys.executable, __file__, "--one", str(size), "--runs", str(args.runs)],
            check=True,
            capture_output=True,
            text=True,
            cwd=ROOT,
        ).stdout
        reports.append(json.loads(output.strip().splitlines()[-1]))

    sizes = [report["size"] for report in reports]
    header = "| page | " + " | ".join(f"{s:,} articles" for s in sizes) + " |"
    lines = [header, "|---|" + "---|" * len(sizes)]
    for row, _ in enumerate(reports[0]["results"]):
        cells = [
            f"{r['results'][row]['median_ms']} ms, {r['results'][row]['queries']} queries"
            for r in reports
        ]
        lines.append(
            f"| {reports[0]['results'][row]['page']} | " + " | ".join(cells) + " |"
        )
    builds = ", ".join(f"{r['size']:,}: {r['build_seconds']} s" for r in reports)
    lines += [
        "",
        f"Median of {args.runs} runs after two warm-ups. Site build: {builds}.",
    ]
    sys.stdout.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
