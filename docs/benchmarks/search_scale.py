"""Does search stay as fast with 5,000 and 50,000 articles as with 50?

    make benchmark-search                                  # SQLite and PostgreSQL
    .venv/bin/python docs/benchmarks/search_scale.py --databases sqlite --sizes 50,5000
    .venv/bin/python docs/benchmarks/search_scale.py --reuse   # keep built sites

For each database and size, a child process builds a site (SQLite: a file under
the temporary folder; PostgreSQL: a database named serambi_search_<size>, or
SEARCH_BENCH_PREFIX_<size>, on SEARCH_BENCH_POSTGRES, default
postgres://postgres@127.0.0.1:5432, dropped and made again) and serves searches
through Django's test client with the test settings,
result cache and per-address limit off, so every request runs the full-text query.

The articles are written in bulk (sites.insert_articles), one writer credit each;
then `manage.py update_index` fills the search index as it would on a real site. Their
text is generated from a list of Indonesian words with a fixed seed: "cerita" and
"hari" are among the commonest words, so each is in most articles, as on the
community's real archive; "anyaman" is in one article in a thousand.

Each search is timed by the serving process's CPU (``time.process_time`` around the
request: robust to other load on the machine) and by the wall clock, in interleaved
rounds (every size a round, the order swapped each round) after two warm-up rounds.
Printed: p50 and p90 CPU and p50 wall per search and size, the ratio of each p50 CPU
to the 50-article site's, the build times and the load average.

    --backend wagtail   # Wagtail's stock database backend, for the before figure
"""

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

from sites import (
    Child,
    insert_articles,
    make_categories,
    make_contributors,
    say,
    setup_django,
)

POSTGRES = os.environ.get("SEARCH_BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")
# The PostgreSQL sites' database names: PREFIX_<size>.
PREFIX = os.environ.get("SEARCH_BENCH_PREFIX", "serambi_search")
BACKENDS = {
    "serambi": "website.search_backend",
    "wagtail": "wagtail.search.backends.database",
}
QUERIES = [
    ("common: cerita", "cerita"),
    ("common: hari", "hari"),
    ("rare: anyaman", "anyaman"),
]

# Everyday Indonesian, with the words a community of mothers writes most often
# weighted up: "cerita" and "hari" land in nearly every article of 200+ words.
COMMON = {
    "cerita": 40,
    "hari": 36,
    "anak": 50,
    "ibu": 50,
    "saya": 60,
    "yang": 90,
    "dan": 80,
    "di": 70,
    "itu": 40,
    "tidak": 40,
    "dengan": 35,
    "untuk": 35,
}
WORD_LIST = """
ada adik air akan aku akhirnya alasan amarah anggaran angkot antar apa arisan
asuh atas ayah bagi bahagia baik baju bangun banyak baru basah batas bekerja belajar
belanja benar berat berani berbagi berdoa berjalan bersama besar betul biaya bicara
bisa bohong buku bulan bumbu bunda cahaya capek cemas cepat cicilan cinta cuci cukup
dapur datang dekat demam dengar depan desa diam dokter dompet dua duduk emosi enak
gaji gelap gembira guru hangat harap harga harus hati hidup hilang hujan ikhlas ingat
ini istirahat jalan jam jauh jujur juga kabar kadang kakak kalau kami kampung kantor
karena kasih kata keluarga kecil kehilangan kemarin kembali kenangan kepala kerja
kota kuat kue kurang lagi lama lampu langit lapar lebih lelah lupa makan malam mandi
marah masa masak masih mata mau melihat memang menangis mencari menerima mengajar
menunggu merasa minggu minta mimpi mulai murah nasi nenek nyaman obat orang pagi
paling pasar pelan pergi perlu pernah pikir pintu pulang puskesmas rapor rasa rindu
rumah sabar sakit salah sama sampai sarapan satu sayang sebelum sedih sehat sekolah
selalu semangat sendiri senang sepeda sering siang sudah surat susah tahun takut
tanya tawa teh teman tenang terima tetangga tidur tiga tinggal tua tulis tumbuh uang
ulang utang waktu warung
"""
WORDS = WORD_LIST.split()
RARE_WORD = "anyaman"


def sentence(rng):
    vocabulary = WORDS + list(COMMON)
    weights = [1] * len(WORDS) + list(COMMON.values())
    words = rng.choices(vocabulary, weights=weights, k=rng.randint(6, 14))
    return " ".join(words).capitalize() + "."


def article_text(rng, n):
    paragraphs = [
        " ".join(sentence(rng) for _ in range(rng.randint(4, 8))) for _ in range(3)
    ]
    if n % 1000 == 7:
        paragraphs[1] += f" Ibu belajar {RARE_WORD} bambu dari tetangga."
    title = " ".join(rng.choices(WORDS, k=rng.randint(3, 6))).capitalize()
    return title, paragraphs


def build_site(size):
    """`size` live articles with one writer each, inserted in bulk, then indexed."""
    from django.core.management import call_command
    from django.db import connection

    from blog.models import ArticleCredit

    rng = random.Random(20261206)  # noqa: S311 - text for a benchmark
    categories = make_categories()
    people = make_contributors()

    def article(n):
        title, paragraphs = article_text(rng, n)
        return (
            title,
            f"tulisan-{n}",
            {
                "standfirst": paragraphs[0].split(".")[0] + ".",
                "excerpt": "",
                "body_summary": paragraphs[0][:300],
                "body": json.dumps(
                    [
                        {
                            "type": "paragraph",
                            "value": f"<p>{text}</p>",
                            "id": str(uuid.uuid4()),
                        }
                        for text in paragraphs
                    ]
                ),
                "category": categories[n % len(categories)],
            },
        )

    insert_articles(size, article, people, [ArticleCredit.Role.WRITER])
    began = time.perf_counter()
    call_command("update_index", verbosity=0)
    if connection.vendor == "postgresql":
        # As autovacuum would soon: the planner's statistics of the new rows.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return time.perf_counter() - began


def database_url(database, size, workdir):
    if database == "sqlite":
        return f"sqlite:///{workdir / f'search-{size}.sqlite3'}"
    return f"{POSTGRES}/{PREFIX}_{size}"


def recreate_postgres(size):
    import psycopg

    with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {PREFIX}_{size} WITH (FORCE)")
        conn.execute(f"CREATE DATABASE {PREFIX}_{size}")


def setup_site(database, size, backend, reuse):
    """Runs in the child process: a database with `size` articles, indexed."""
    workdir = Path(tempfile.gettempdir()) / "serambi-search-bench"
    workdir.mkdir(exist_ok=True)
    url = database_url(database, size, workdir)
    built = False
    if reuse:
        built = (workdir / f"{database}-{size}.built").exists()
    if not built:
        if database == "sqlite":
            (workdir / f"search-{size}.sqlite3").unlink(missing_ok=True)
        else:
            recreate_postgres(size)
        (workdir / f"{database}-{size}.built").unlink(missing_ok=True)

    setup_django(url, workdir / "media")
    import logging

    logging.disable(logging.INFO)  # no "Page created" line per contributor
    from django.conf import settings
    from django.core.management import call_command

    settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] = BACKENDS[backend]
    settings.PAGE_CACHE_SECONDS = 0
    settings.SEARCH_CACHE_SECONDS = 0
    settings.SEARCH_RATE_LIMIT_PER_MINUTE = 0
    build = {"build_seconds": 0.0, "index_seconds": 0.0}
    if not built:
        call_command("migrate", verbosity=0)
        began = time.perf_counter()
        index_seconds = build_site(size)
        build = {
            "build_seconds": round(time.perf_counter() - began - index_seconds, 1),
            "index_seconds": round(index_seconds, 1),
        }
        (workdir / f"{database}-{size}.built").write_text(json.dumps(build))
    else:
        build = json.loads((workdir / f"{database}-{size}.built").read_text())
    return build


def serve_one(database, size, backend, reuse):
    """Runs in the child process: build, then answer "time QUERY" lines."""
    build = setup_site(database, size, backend, reuse)
    from django.test import Client

    client = Client()
    say({"ready": True, **build})
    for line in sys.stdin:
        _, _, query = line.strip().partition(" ")
        began_wall, began_cpu = time.perf_counter(), time.process_time()
        response = client.get("/cari/", {"q": query})
        cpu_ms = (time.process_time() - began_cpu) * 1000
        wall_ms = (time.perf_counter() - began_wall) * 1000
        say(
            {
                "cpu_ms": cpu_ms,
                "wall_ms": wall_ms,
                "status": response.status_code,
                "count": response.context["result_count"] if response.context else None,
            }
        )


class Site(Child):
    """A child process holding one database and size of site."""

    def __init__(self, database, size, backend, reuse):
        self.database, self.size = database, size
        arguments = [__file__, "--one", f"{database}:{size}", "--backend", backend]
        super().__init__(
            f"{database} {size}", [*arguments, "--reuse"] if reuse else arguments
        )


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def measure(sites, runs):
    """Per (size, query): CPU and wall samples, interleaved rounds, two warm-ups."""
    samples = {
        (s.size, label): {"cpu": [], "wall": []} for s in sites for label, _ in QUERIES
    }
    counts, stopped = {}, {}
    for number in range(2 + runs):
        for label, query in QUERIES:
            for site in sites if number % 2 else sites[::-1]:
                answer = site.ask(f"time {query}")
                if answer["status"] not in (200, 503):
                    raise RuntimeError(
                        f"{site.database} {site.size} {query}: {answer['status']}"
                    )
                # 503: stopped at SEARCH_TIME_LIMIT_SECONDS (counted, and timed).
                if answer["status"] == 503:
                    stopped[site.size, label] = stopped.get((site.size, label), 0) + 1
                else:
                    counts[site.size, label] = answer["count"]
                if number >= 2:
                    samples[site.size, label]["cpu"].append(answer["cpu_ms"])
                    samples[site.size, label]["wall"].append(answer["wall_ms"])
    return samples, counts, stopped


def report(database, sites, builds, samples, counts, stopped, runs):
    sizes = [site.size for site in sites]
    lines = [
        f"**{database}**",
        "",
        "| search | " + " | ".join(f"{s:,} articles" for s in sizes) + " |",
        "|---|" + "---|" * len(sizes),
    ]
    for label, _ in QUERIES:
        base = statistics.median(samples[sizes[0], label]["cpu"])
        cells = []
        for size in sizes:
            cpu = samples[size, label]["cpu"]
            p50 = statistics.median(cpu)
            found = counts.get((size, label))
            found = f"{found:,} found" if found is not None else "none answered"
            if stopped.get((size, label)):
                found += f", {stopped[size, label]} stopped at the time limit (503)"
            cells.append(
                f"{found}; CPU p50 {p50:.1f} ms, p90 "
                f"{percentile(cpu, 0.9):.1f} ms; wall p50 "
                f"{statistics.median(samples[size, label]['wall']):.1f} ms; "
                f"{p50 / base:.2f}x"
            )
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    built = ", ".join(
        f"{size:,}: {builds[size]['build_seconds']} s + index {builds[size]['index_seconds']} s"
        for size in sizes
    )
    lines += [
        "",
        f"{runs} interleaved rounds after two warm-up rounds; ratios are p50 CPU to the "
        f"{sizes[0]:,}-article site's. Build (rows + update_index): {built}. "
        "Load average at the end: "
        + ", ".join(f"{x:.2f}" for x in os.getloadavg())
        + ".",
        "",
    ]
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--databases", default="sqlite,postgresql")
    parser.add_argument("--sizes", default="50,5000,50000")
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--backend", choices=sorted(BACKENDS), default="serambi")
    parser.add_argument("--reuse", action="store_true", help="keep sites built before")
    parser.add_argument("--one", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.one:
        database, size = args.one.split(":")
        serve_one(database, int(size), args.backend, args.reuse)
        return

    sizes = [int(s) for s in args.sizes.split(",")]
    for database in args.databases.split(","):
        sites = []
        try:
            # Built one after another: the machine's cores go to one build at a time.
            builds = {}
            for size in sizes:
                site = Site(database, size, args.backend, args.reuse)
                sites.append(site)
                builds[size] = site.read()
            samples, counts, stopped = measure(sites, args.runs)
        finally:
            for site in sites:
                site.close()
        sys.stdout.write(
            report(database, sites, builds, samples, counts, stopped, args.runs) + "\n"
        )
        sys.stdout.flush()


if __name__ == "__main__":
    main()
