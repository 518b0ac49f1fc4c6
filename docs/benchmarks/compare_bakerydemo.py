"""Serambi's render CPU beside Wagtail's own demo site (bakerydemo), side by side.

    .venv/bin/python docs/benchmarks/compare_bakerydemo.py \\
        --bakerydemo /work/wt/bakerydemo-src --rounds 41

Two child processes, one per project, each with its own interpreter (Serambi's
.venv and bakerydemo's .venv) and Django's test client, DEBUG off, no page cache
(Django's default cache is the local-memory one in both, as bakerydemo ships;
static files from the plain storage in both, no manifest):

- Serambi: the demo content (``seed_demo``) in a throw-away SQLite file;
- bakerydemo: its own SQLite database after ``manage.py migrate`` and
  ``manage.py load_initial_data`` (run once by hand, see the README).

The parent sends each child one page to render at a time, in interleaved rounds
(Serambi then bakerydemo, the order swapped every round), so the two meet the same
load on the machine. Each child measures ``time.process_time()`` around one
``client.get()``: the CPU its own process spent on the render, which other load
stretches far less than wall time. After three warm-up rounds it prints the median
CPU ms per render of each pair and Serambi's share of bakerydemo's (goal: at most
0.5x), Serambi measured twice: from its cached fragments (caching.fragments) and
with them off, every part rendered afresh.
"""

import argparse
import io
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sites import BAKERYDEMO_PAIRS as PAIRS
from sites import ROOT


def serambi_child():
    """Serambi's demo content in a throw-away SQLite file."""
    workdir = Path(tempfile.mkdtemp(prefix="serambi-compare-"))
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir / 'bench.sqlite3'}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "website.settings.test"
    os.environ["MEDIA_ROOT"] = str(workdir / "media")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    settings.MEDIA_ROOT = workdir / "media"
    settings.PAGE_CACHE_SECONDS = 0
    call_command("migrate", verbosity=0)
    settings.DEBUG = True  # seed_demo runs on a development machine only; this is one
    call_command("seed_demo", verbosity=0, stdout=io.StringIO())
    settings.DEBUG = False

    from blog.models import ArticlePage

    # The demo article whose body is nearest the median length: a typical one.
    articles = sorted(ArticlePage.objects.live(), key=lambda page: len(str(page.body)))
    return {"article": articles[len(articles) // 2].url}


def bakerydemo_child(directory):
    """bakerydemo's own database, as its README sets it up."""
    os.chdir(directory)
    os.environ.pop("DATABASE_URL", None)  # its own SQLite file, bakerydemodb
    sys.path.insert(0, str(directory))
    os.environ["DJANGO_SETTINGS_MODULE"] = "bakerydemo.settings.base"
    import django

    django.setup()
    from django.conf import settings
    from django.test.utils import override_settings

    # Plain static storage, as Serambi's test settings: no collectstatic needed
    # (override_settings, so that the storages already loaded are reset).
    override_settings(
        DEBUG=False,
        STORAGES={
            **settings.STORAGES,
            "staticfiles": {
                "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
            },
        },
    ).enable()
    from bakerydemo.blog.models import BlogPage

    posts = sorted(BlogPage.objects.live(), key=lambda page: len(str(page.body)))
    return {"blog post": posts[len(posts) // 2].url}


def child(project, directory):
    """Set up, then answer each line naming a page with the CPU ms of one render."""
    found = serambi_child() if project == "serambi" else bakerydemo_child(directory)
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, setup_test_environment

    setup_test_environment(debug=False)
    client = Client()
    sys.stdout.write(json.dumps({"ready": found}) + "\n")
    sys.stdout.flush()
    for line in sys.stdin:
        url = found.get(line.strip(), line.strip())
        if line.startswith("fragments "):
            # Serambi only: render from cached fragments (on, as in production)
            # or every part afresh (off: the first render after a publish).
            from django.conf import settings

            settings.FRAGMENT_CACHE_SECONDS = 600 if line.split()[1] == "on" else 0
            sys.stdout.write(json.dumps({"fragments": line.split()[1]}) + "\n")
            sys.stdout.flush()
            continue
        if line.startswith("queries "):
            url = found.get(line[8:].strip(), line[8:].strip())
            with CaptureQueriesContext(connection) as captured:
                client.get(url)
            answer = {"queries": len(captured.captured_queries)}
        else:
            began = time.process_time()
            response = client.get(url)
            cpu_ms = (time.process_time() - began) * 1000
            answer = {
                "cpu_ms": cpu_ms,
                "status": response.status_code,
                "bytes": len(response.content),
                "url": url,
            }
        sys.stdout.write(json.dumps(answer) + "\n")
        sys.stdout.flush()


class Child:
    def __init__(self, python, project, directory):
        command = [python, __file__, "--child", project, "--bakerydemo", directory]
        self.process = subprocess.Popen(  # noqa: S603 - this script
            command,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )
        self.ready = self.read()["ready"]

    def read(self):
        line = self.process.stdout.readline()
        if not line:
            raise RuntimeError("a child process stopped; see its output above")
        return json.loads(line)

    def ask(self, page):
        self.process.stdin.write(page + "\n")
        self.process.stdin.flush()
        return self.read()

    def close(self):
        self.process.stdin.close()
        self.process.wait(timeout=60)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--bakerydemo", default="/work/wt/bakerydemo-src")
    parser.add_argument("--bakerydemo-python", help="default: its .venv/bin/python")
    parser.add_argument("--rounds", type=int, default=41)
    parser.add_argument("--child", choices=["serambi", "bakerydemo"])
    args = parser.parse_args()
    if args.child:
        child(args.child, args.bakerydemo)
        return

    bakery_python = args.bakerydemo_python or str(
        Path(args.bakerydemo) / ".venv" / "bin" / "python"
    )
    serambi = Child(sys.executable, "serambi", args.bakerydemo)
    bakery = Child(bakery_python, "bakerydemo", args.bakerydemo)
    cpu = {label: {"fragments": [], "full": [], "bakery": []} for label, *_ in PAIRS}
    try:
        for number in range(3 + args.rounds):
            for label, ours, theirs in PAIRS:
                order = [("fragments", ours), ("bakery", theirs), ("full", ours)]
                if number % 2:
                    order.reverse()
                for side, page in order:
                    process = bakery if side == "bakery" else serambi
                    if side != "bakery":
                        serambi.ask(
                            f"fragments {'on' if side == 'fragments' else 'off'}"
                        )
                    answer = process.ask(page)
                    if answer["status"] != 200:
                        raise RuntimeError(f"{label}: {answer}")
                    if number >= 3:
                        cpu[label][side].append(answer["cpu_ms"])
        lines = [
            f"Medians of {args.rounds} interleaved rounds after three warm-ups; CPU "
            "time of the rendering process per render (Django test client, DEBUG off, "
            "no page cache, SQLite). Serambi from its cached fragments (as for a "
            "logged-in reader, or any render the page cache does not answer once the "
            "fragments are stored) and in full (every fragment rendered afresh: the "
            "first render of a page after a publish).",
            "",
            "| pair | Serambi from fragments, CPU ms | Serambi in full, CPU ms | "
            "bakerydemo CPU ms | from fragments / bakerydemo | in full / bakerydemo | "
            "queries (fragments / full / bakerydemo) | HTML bytes |",
            "|---|---|---|---|---|---|---|---|",
        ]
        for label, ours, theirs in PAIRS:
            warm, full, others = (
                statistics.median(cpu[label][side])
                for side in ("fragments", "full", "bakery")
            )
            queries = []
            for mode in ("on", "off"):
                serambi.ask(f"fragments {mode}")
                queries.append(serambi.ask(f"queries {ours}")["queries"])
            queries.append(bakery.ask(f"queries {theirs}")["queries"])
            sizes = [p.ask(page) for p, page in ((serambi, ours), (bakery, theirs))]
            lines.append(
                f"| {label} (`{sizes[0]['url']}` / `{sizes[1]['url']}`) | {warm:.1f} | "
                f"{full:.1f} | {others:.1f} | {warm / others:.2f}x | "
                f"{full / others:.2f}x | {' / '.join(map(str, queries))} | "
                f"{sizes[0]['bytes']:,} / {sizes[1]['bytes']:,} |"
            )
        lines += [
            "",
            "Load average at the end: "
            + ", ".join(f"{x:.2f}" for x in os.getloadavg())
            + ".",
        ]
        sys.stdout.write("\n".join(lines) + "\n")
    finally:
        serambi.close()
        bakery.close()


if __name__ == "__main__":
    main()
