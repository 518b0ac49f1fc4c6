"""Throughput of production gunicorn for readers, alone and under a login and search flood.

    .venv/bin/python docs/benchmarks/throughput.py                 # 30 s per phase
    .venv/bin/python docs/benchmarks/throughput.py --seconds 5     # a quick look
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/serambi_bench \\
        .venv/bin/python docs/benchmarks/throughput.py --worker-class sync --workers 5

Builds a site of 200 live articles in a throw-away database (a SQLite file, or the
empty PostgreSQL database DATABASE_URL names), collects static files, and starts
production gunicorn (website.settings.production, Redis page cache) on 127.0.0.1.
Then two phases of --seconds each, every wrk run with --latency --timeout 10s:

1. readers: three wrk runs in parallel, one per page (an article, the index, the
   home page), --connections each;
2. the same readers while two floods run beside them: POSTs of a wrong password to
   the admin login (each one costs a password hash), and searches for a different
   word each time (so no result comes from the cache).

It prints requests per second, p50, p99 and the slowest response per run, with the
errors (socket errors, timeouts, and answers other than 2xx/3xx; the search flood's
429s are the rate limit working). Needs /usr/bin/wrk (`apt-get install wrk`) and
Redis on 127.0.0.1:6379. Only traffic to 127.0.0.1; everything stops by itself.

    .venv/bin/python docs/benchmarks/throughput.py --weight --demo

``--weight`` runs no load: it asks the same production gunicorn for the article with
``Accept-Encoding`` identity, gzip, br and "gzip, deflate, br" (a browser's), and for
the stylesheet and script the article links, and prints the bytes on the wire of each
body. With ``--demo`` the site is the demo content (``seed_demo``: real Indonesian
texts of varied length) instead of the 200 synthetic articles, whose repeated body
text would flatter compression; every demo article is measured (median and largest).
"""

import argparse
import http.cookiejar
import io
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
GUNICORN = str(Path(PYTHON).with_name("gunicorn"))
WRK = shutil.which("wrk") or "/usr/bin/wrk"
ARTICLES = 200

SUMMARY_LUA = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'RESULT {"requests": %d, "duration_us": %d, "connect": %d, "read": %d, ' ..
    '"write": %d, "status": %d, "timeout": %d, "p50_us": %d, "p99_us": %d, ' ..
    '"max_us": %d}\\n',
    summary.requests, summary.duration, e.connect, e.read, e.write, e.status,
    e.timeout, latency:percentile(50), latency:percentile(99), latency.max))
end
"""

LOGIN_FLOOD_LUA = """
wrk.method = "POST"
wrk.body = "csrfmiddlewaretoken={token}&username=penyusup&password=salah-terus&next=%2Fadmin%2F"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Cookie"] = "csrftoken={cookie}"
"""

SEARCH_FLOOD_LUA = """
request = function()
  return wrk.format("GET", "/cari/?q=cerita+" .. math.random(1, 100000000))
end
"""


def build(database_url, media_root, demo=False):
    """Runs in a child process: migrate and build the site; prints article URLs,
    the last one the article the throughput runs use."""
    os.environ.update(
        DATABASE_URL=database_url,
        MEDIA_ROOT=str(media_root),
        DJANGO_SETTINGS_MODULE="website.settings.test",
    )
    sys.path[:0] = [str(ROOT), str(ROOT / "docs" / "benchmarks")]
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    from listing import build_site

    settings.MEDIA_ROOT = media_root  # the test settings fix their own
    call_command("migrate", verbosity=0)
    if demo:
        from blog.models import ArticlePage

        settings.DEBUG = True  # seed_demo runs on a development machine only
        call_command("seed_demo", verbosity=0, stdout=io.StringIO())
        settings.DEBUG = False
        urls = [page.url for page in ArticlePage.objects.live().order_by("pk")]
        sys.stdout.write("\n".join(urls) + "\n")
        return
    article = build_site(ARTICLES)
    sys.stdout.write(article.url + "\n")


def start_gunicorn(port, database_url, media_root, args, **environment):
    """Production gunicorn on 127.0.0.1:`port` (static files collected first), as
    `args` (worker_class, workers, threads, redis_url, page_cache_seconds) says; the
    process and its command line. `environment` adds settings (another benchmark's)."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "website.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": database_url,
        "REDIS_URL": args.redis_url,
        "MEDIA_ROOT": str(media_root),
        "PAGE_CACHE_SECONDS": str(args.page_cache_seconds),
        # Plain HTTP on 127.0.0.1: no proxy here to terminate TLS.
        "SECURE_SSL_REDIRECT": "false",
        "LOG_LEVEL": "WARNING",
        **environment,
    }
    subprocess.run(  # noqa: S603 - fixed arguments
        [PYTHON, "manage.py", "collectstatic", "--noinput", "-v", "0"],
        check=True,
        cwd=ROOT,
        env=env,
    )
    command = [
        GUNICORN,
        "website.wsgi",
        f"--worker-class={args.worker_class}",
        f"--workers={args.workers}",
        f"--bind=127.0.0.1:{port}",
    ]
    if args.worker_class == "gthread":
        command.append(f"--threads={args.threads}")
    return subprocess.Popen(command, cwd=ROOT, env=env), command  # noqa: S603


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_healthy(base, process, seconds=60):
    deadline = time.monotonic() + seconds
    health = None
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("gunicorn exited; see its output above")
        try:
            with urllib.request.urlopen(f"{base}/healthz/", timeout=5) as response:  # noqa: S310 - our own server on 127.0.0.1
                health = json.loads(response.read())
            if health["cache"] == "ok":
                return
        except OSError:
            pass
        time.sleep(0.5)
    raise RuntimeError(f"gunicorn did not become healthy (last answer: {health})")


def login_form_token(base):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    with opener.open(f"{base}/admin/login/", timeout=10) as response:
        html = response.read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    cookie = next(c.value for c in jar if c.name == "csrftoken")
    return token, cookie


def start_wrk(url, connections, seconds, script):
    threads = max(1, min(2, connections))
    return subprocess.Popen(  # noqa: S603 - fixed arguments
        [
            WRK,
            f"--threads={threads}",
            f"--connections={connections}",
            f"--duration={seconds}s",
            "--timeout=10s",
            "--latency",
            f"--script={script}",
            url,
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def result_of(process):
    output, _ = process.communicate()
    line = next(
        (line for line in output.splitlines() if line.startswith("RESULT ")), None
    )
    if line is None:
        raise RuntimeError(f"wrk printed no result:\n{output}")
    return json.loads(line[len("RESULT ") :])


def row(phase, name, result):
    seconds = result["duration_us"] / 1e6
    errors = sum(result[k] for k in ("connect", "read", "write", "timeout", "status"))
    return (
        f"| {phase} | {name} | {result['requests'] / seconds:,.0f} | "
        f"{result['p50_us'] / 1000:,.1f} | {result['p99_us'] / 1000:,.1f} | "
        f"{result['max_us'] / 1000:,.0f} | {errors:,} |"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=int, default=30)
    parser.add_argument("--connections", type=int, default=200, help="per reader run")
    parser.add_argument("--login-flood", type=int, default=20, help="connections")
    parser.add_argument("--search-flood", type=int, default=50, help="connections")
    parser.add_argument("--worker-class", default="gthread")
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--threads", type=int, default=8)
    # Nothing is flushed: the fresh database's page-cache generation keeps whatever
    # an earlier run left in Redis out of reach.
    parser.add_argument(
        "--redis-url",
        default=os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0"),
    )
    parser.add_argument("--page-cache-seconds", type=int, default=600)
    parser.add_argument(
        "--compare",
        type=int,
        metavar="CONNECTIONS",
        help="instead of the phases: one run at a time, CONNECTIONS each, of a "
        "whitenoise static file, the cached article, and the uncached article, "
        "index and home (an unknown query parameter skips the page cache)",
    )
    parser.add_argument(
        "--rounds",
        type=int,
        default=3,
        help="with --compare: alternate the static file and the cached article this "
        "many times (the order swapped each round) and report the median of each",
    )
    parser.add_argument(
        "--weight",
        action="store_true",
        help="instead of load: bytes of the article and its static files as served, "
        "per Accept-Encoding",
    )
    parser.add_argument(
        "--demo", action="store_true", help="build the demo content (seed_demo)"
    )
    parser.add_argument("--build", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.build:
        build(*args.build, demo=args.demo)
        return

    workdir = Path(tempfile.mkdtemp(prefix="serambi-throughput-"))
    database_url = os.environ.get("DATABASE_URL") or (
        f"sqlite:///{workdir / 'bench.sqlite3'}"
    )
    media_root = workdir / "media"
    article_urls = subprocess.run(  # noqa: S603 - this script, this interpreter
        [PYTHON, __file__, "--build", database_url, str(media_root)]
        + (["--demo"] if args.demo else []),
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
    ).stdout.split()
    article_url = article_urls[-1]

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server, command = start_gunicorn(port, database_url, media_root, args)
    try:
        wait_until_healthy(base, server)
        if args.weight:
            weight(base, article_urls, command)
            return
        readers = {"article": article_url, "index": "/artikel/", "home": "/"}
        for path in readers.values():
            urllib.request.urlopen(f"{base}{path}", timeout=30).read()  # noqa: S310 - warm the cache

        summary = workdir / "summary.lua"
        summary.write_text(SUMMARY_LUA)
        token, cookie = login_form_token(base)
        login = workdir / "login.lua"
        login.write_text(
            LOGIN_FLOOD_LUA.format(token=token, cookie=cookie) + SUMMARY_LUA
        )
        search = workdir / "search.lua"
        search.write_text(SEARCH_FLOOD_LUA + SUMMARY_LUA)

        if args.compare:
            compare(base, article_url, args, command, summary)
            return

        lines = [
            f"gunicorn {' '.join(command[1:])}; {args.seconds} s per phase; "
            f"{args.connections} connections per reader run; page cache "
            f"{args.page_cache_seconds} s",
            "",
            "| phase | run | req/s | p50 ms | p99 ms | max ms | errors |",
            "|---|---|---|---|---|---|---|",
        ]
        for phase, floods in (("readers", False), ("readers + floods", True)):
            runs = {
                name: start_wrk(
                    f"{base}{path}", args.connections, args.seconds, summary
                )
                for name, path in readers.items()
            }
            if floods:
                runs["login flood"] = start_wrk(
                    f"{base}/admin/login/", args.login_flood, args.seconds, login
                )
                runs["search flood"] = start_wrk(
                    f"{base}/cari/", args.search_flood, args.seconds, search
                )
            for name, process in runs.items():
                lines.append(row(phase, name, result_of(process)))
            time.sleep(2)
        sys.stdout.write("\n".join(lines) + "\n")
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
        shutil.rmtree(workdir, ignore_errors=True)


ENCODINGS = ["identity", "gzip", "br", "gzip, deflate, br"]


def wire_bytes(url, encoding):
    """Body bytes as sent (urllib does not decompress) and the Content-Encoding."""
    request = urllib.request.Request(url, headers={"Accept-Encoding": encoding})  # noqa: S310 - our own server
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - our own server
        return len(response.read()), response.headers.get("Content-Encoding", "-")


def weight(base, article_urls, command):
    import statistics

    lines = [
        f"gunicorn {' '.join(command[1:])}; {len(article_urls)} article(s); bytes of "
        "the body on the wire (Content-Encoding in brackets)",
        "",
        "| what | " + " | ".join(f"`{e}`" for e in ENCODINGS) + " |",
        "|---|" + "---|" * len(ENCODINGS),
    ]
    sizes = {e: [] for e in ENCODINGS}
    codings = {e: set() for e in ENCODINGS}
    for path in article_urls:
        for encoding in ENCODINGS:
            size, coding = wire_bytes(f"{base}{path}", encoding)
            sizes[encoding].append(size)
            codings[encoding].add(coding)

    def cells(values):
        return " | ".join(
            f"{values[e]:,} ({', '.join(sorted(codings[e]))})" for e in ENCODINGS
        )

    if len(article_urls) > 1:
        lines.append(
            "| article HTML, median | "
            + cells({e: int(statistics.median(sizes[e])) for e in ENCODINGS})
            + " |"
        )
    lines.append(
        "| article HTML, largest | "
        + cells({e: max(sizes[e]) for e in ENCODINGS})
        + " |"
    )
    with urllib.request.urlopen(f"{base}{article_urls[-1]}", timeout=30) as response:  # noqa: S310 - our own server
        html = response.read().decode()
    for asset in sorted(
        set(re.findall(r'(?:href|src)="(/static/[^"]+\.(?:css|js))"', html))
    ):
        row_sizes = {}
        for encoding in ENCODINGS:
            size, coding = wire_bytes(f"{base}{asset}", encoding)
            row_sizes[encoding] = size
            codings[encoding] = {coding}
        lines.append(f"| {asset} | " + cells(row_sizes) + " |")
    sys.stdout.write("\n".join(lines) + "\n")


def compare(base, article_url, args, command, summary):
    """Uncached renders beside the page cache and a static file, one run at a time,
    so that each has the machine to itself. The static file and the cached article
    alternate for --rounds rounds, so that both meet the same moments of a shared
    machine; each row is the round with the median requests a second."""
    static = ("static file (whitenoise)", "/static/css/serambi.css")
    cached = ("article, page cache", article_url)
    uncached = [
        ("article, uncached", f"{article_url}?nocache=1"),
        ("index, uncached", "/artikel/?nocache=1"),
        ("home, uncached", "/?nocache=1"),
    ]
    lines = [
        f"gunicorn {' '.join(command[1:])}; {args.seconds} s a run, one at a time; "
        f"{args.compare} connections; static file and cached article alternated "
        f"over {args.rounds} rounds (the median round shown)",
        "",
        "| run | req/s | p50 ms | p99 ms | max ms | errors |",
        "|---|---|---|---|---|---|",
    ]

    def run(path):
        process = start_wrk(f"{base}{path}", args.compare, args.seconds, summary)
        result = result_of(process)
        time.sleep(1)
        return result

    def rate(result):
        return result["requests"] / (result["duration_us"] / 1e6)

    alternated = {static: [], cached: []}
    for number in range(args.rounds):
        for run_name in (static, cached) if number % 2 == 0 else (cached, static):
            alternated[run_name].append(run(run_name[1]))
    medians = {}
    for run_name, results in alternated.items():
        medians[run_name] = sorted(results, key=rate)[len(results) // 2]
        lines.append(row("", run_name[0], medians[run_name]).replace("|  | ", "| ", 1))
    for run_name in uncached:
        lines.append(row("", run_name[0], run(run_name[1])).replace("|  | ", "| ", 1))
    ratios = sorted(
        rate(page) / rate(file)
        for page, file in zip(alternated[cached], alternated[static], strict=True)
    )
    lines += [
        "",
        "Cached article / static file, req/s, round by round (sorted): "
        + ", ".join(f"{ratio:.2f}x" for ratio in ratios)
        + f"; median {ratios[len(ratios) // 2]:.2f}x.",
    ]
    sys.stdout.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
