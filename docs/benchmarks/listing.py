"""Does the public site stay as fast with 5,000 articles as with 50?

    .venv/bin/python docs/benchmarks/listing.py              # 50 and 5,000 articles
    .venv/bin/python docs/benchmarks/listing.py --sizes 50,500,5000 --runs 21

For each size, a child process builds a site in a throw-away SQLite file (the
articles inserted in bulk inside one transaction, each with two credits, three tags, a
category and one of ten hero images), then renders with Django's test client: the
index's first and last page, a category listing, an article, the home page and the
feed. The pages are rendered in interleaved rounds (each round renders every page
once), after two warm-up rounds; it prints, per page, the median CPU time of the
rendering process (``time.process_time``: robust to other load on the machine, which
stretches wall time but not the CPU the render itself spends), the median wall time,
the SQL queries per request, and the 5,000/50 ratio of the CPU time (the goal is at
most 1.2x). The last row is a page-cache hit. Page caching is off for the render
timings, so they measure the work a cache miss costs.

    .venv/bin/python docs/benchmarks/listing.py --profile "article"   # where it goes

``--profile PAGE`` builds only the largest size and prints a cProfile of that page's
renders (top functions by cumulative time) and each SQL query's time and SQLite
EXPLAIN QUERY PLAN.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sites import (
    ROOT,
    Child,
    insert_articles,
    make_categories,
    make_contributors,
    say,
    setup_django,
)

URLS = [
    ("index, page 1", "/artikel/"),
    ("index, last page", "/artikel/?page={last}"),
    ("index, deepest full page", "/artikel/?page={deep}"),
    ("category listing", "/artikel/kategori/keluarga/"),
    ("article", "{article}"),
    ("home", "/"),
    ("feed", "/artikel/feed/"),
]
CACHED = "index, page 1, from the page cache"


def build_site(size):
    """A site of `size` live articles, inserted without one save() per page."""
    from taggit.models import Tag
    from wagtail.search import index

    from blog.models import ArticleCredit, ArticlePage, ArticleTag
    from demo.factories import CustomImageFactory

    categories = make_categories()
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
    people = make_contributors(photos=images)
    body = json.dumps(
        [
            {"type": "heading", "value": {"text": "Awal cerita", "level": "h2"}},
            {"type": "paragraph", "value": "<p>" + "Hari yang panjang. " * 80 + "</p>"},
        ]
    )

    def article(n):
        return (
            f"Cerita nomor {n}",
            f"cerita-{n}",
            {
                "standfirst": "Catatan kecil tentang hari-hari yang berat dan hangat.",
                "excerpt": "Sebuah cerita tentang bertahan dan tumbuh bersama anak.",
                "body": body,
                "category": categories[n % len(categories)],
                "hero_image": images[n % len(images)],
            },
        )

    pages = insert_articles(
        size,
        article,
        people,
        [ArticleCredit.Role.WRITER, ArticleCredit.Role.ILLUSTRATOR],
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


def queries(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    return len(captured.captured_queries)


def setup_site(size):
    """Runs in the child process: a fresh database with `size` articles."""
    workdir = Path(tempfile.mkdtemp(prefix="serambi-bench-"))
    setup_django(f"sqlite:///{workdir / 'bench.sqlite3'}", workdir / "media")
    from django.conf import settings
    from django.core.management import call_command

    call_command("migrate", verbosity=0)

    began = time.perf_counter()
    article = build_site(size)
    build_seconds = time.perf_counter() - began

    from blog.models import ARTICLES_PER_PAGE

    last = max(1, -(-size // ARTICLES_PER_PAGE))
    urls = {
        label: pattern.format(
            last=last, deep=size // ARTICLES_PER_PAGE, article=article.url
        )
        for label, pattern in URLS
    }
    settings.PAGE_CACHE_SECONDS = 0
    return urls, build_seconds


def serve_one(size):
    """Runs in the child process: build, then answer the parent line by line.

    "time LABEL" renders that page once and answers its CPU and wall milliseconds;
    "queries LABEL" answers its SQL query count; "cache SECONDS" sets the page cache.
    """
    urls, build_seconds = setup_site(size)
    from django.conf import settings
    from django.test import Client

    urls[CACHED] = urls["index, page 1"]
    client = Client()
    say({"ready": True, "build_seconds": round(build_seconds, 1)})
    for line in sys.stdin:
        verb, _, argument = line.strip().partition(" ")
        if verb == "cache":
            settings.PAGE_CACHE_SECONDS = int(argument)
            say({})
        elif verb == "queries":
            say({"queries": queries(client, urls[argument])})
        else:
            began_wall, began_cpu = time.perf_counter(), time.process_time()
            response = client.get(urls[argument])
            cpu_ms = (time.process_time() - began_cpu) * 1000
            wall_ms = (time.perf_counter() - began_wall) * 1000
            say({"cpu_ms": cpu_ms, "wall_ms": wall_ms, "status": response.status_code})


class Site(Child):
    """A child process holding one size of site."""

    def __init__(self, size):
        self.size = size
        super().__init__(f"{size:,}-article", [__file__, "--one", str(size)])


def measure(sites, labels, runs):
    """Median CPU and wall ms per (site, label): every page of every site rendered
    once a round, the sites' order swapped every round, after two warm-up rounds."""
    cpu = {(site.size, label): [] for site in sites for label in labels}
    wall = {(site.size, label): [] for site in sites for label in labels}
    for number in range(2 + runs):
        for label in labels:
            for site in sites if number % 2 else sites[::-1]:
                answer = site.ask(f"time {label}")
                if answer["status"] != 200:
                    raise RuntimeError(f"{label} answered {answer['status']}")
                if number >= 2:
                    cpu[site.size, label].append(answer["cpu_ms"])
                    wall[site.size, label].append(answer["wall_ms"])
    return {
        key: (statistics.median(cpu[key]), statistics.median(wall[key])) for key in cpu
    }


def profile_one(size, label, runs):
    """Runs in the child process: where one page's render time goes."""
    import cProfile
    import io
    import pstats

    urls, _ = setup_site(size)
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    url = urls[label]
    for _ in range(3):
        client.get(url)
    profiler = cProfile.Profile(time.process_time)
    profiler.enable()
    for _ in range(runs):
        client.get(url)
    profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(45)
    lines = [f"{label} ({url}) on {size:,} articles, {runs} renders", out.getvalue()]
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    for query in captured.captured_queries:
        sql = query["sql"]
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}")
            plan = "; ".join(row[-1] for row in cursor.fetchall())
        lines.append(
            f"{float(query['time']) * 1000:6.2f} ms  {sql[:300]}\n    plan: {plan}"
        )
    return "\n".join(lines)


def ratio(small, large):
    return f"{large / small:.2f}x" if small else "-"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="50,5000")
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--profile", metavar="PAGE", choices=[u[0] for u in URLS])
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]

    if args.one is not None:
        if args.profile:
            sys.stdout.write(profile_one(args.one, args.profile, args.runs) + "\n")
        else:
            serve_one(args.one)
        return

    if args.profile:
        command = [sys.executable, __file__, "--one", str(max(sizes))]
        command += ["--runs", str(args.runs), "--profile", args.profile]
        subprocess.run(command, check=True, cwd=ROOT)  # noqa: S603 - this script
        return

    sites = [Site(size) for size in sizes]  # built side by side
    try:
        builds = {site.size: site.read()["build_seconds"] for site in sites}
        labels = [label for label, _ in URLS]
        timings = measure(sites, labels, args.runs)
        counts = {
            (site.size, label): site.ask(f"queries {label}")["queries"]
            for site in sites
            for label in labels
        }
        for site in sites:
            site.ask("cache 600")
        timings.update(measure(sites, [CACHED], args.runs))
        counts.update(
            {
                (site.size, CACHED): site.ask(f"queries {CACHED}")["queries"]
                for site in sites
            }
        )
    finally:
        for site in sites:
            site.close()
    reports = [
        {
            "size": size,
            "build_seconds": builds[size],
            "results": [
                {
                    "page": label,
                    "cpu_ms": round(
                        timings[size, label][0], 2 if label == CACHED else 1
                    ),
                    "wall_ms": round(
                        timings[size, label][1], 2 if label == CACHED else 1
                    ),
                    "queries": counts[size, label],
                }
                for label in [*labels, CACHED]
            ],
        }
        for size in sizes
    ]

    sizes = [report["size"] for report in reports]
    header = "| page | " + " | ".join(f"{s:,} articles" for s in sizes)
    header += f" | CPU {sizes[-1]:,}/{sizes[0]:,} |"
    lines = [header, "|---|" + "---|" * (len(sizes) + 1)]
    for row, _ in enumerate(reports[0]["results"]):
        cells = [
            f"{r['results'][row]['cpu_ms']} ms CPU ({r['results'][row]['wall_ms']} ms "
            f"wall), {r['results'][row]['queries']} queries"
            for r in reports
        ]
        cells.append(
            ratio(
                reports[0]["results"][row]["cpu_ms"],
                reports[-1]["results"][row]["cpu_ms"],
            )
        )
        lines.append(
            f"| {reports[0]['results'][row]['page']} | " + " | ".join(cells) + " |"
        )
    builds = ", ".join(f"{r['size']:,}: {r['build_seconds']} s" for r in reports)
    lines += [
        "",
        f"Medians of {args.runs} interleaved rounds after two warm-up rounds (every "
        "page of both sites a round, the sites' order swapped each round). "
        f"Site build: {builds}. Load average at the end: "
        + ", ".join(f"{x:.2f}" for x in os.getloadavg())
        + ".",
    ]
    sys.stdout.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
