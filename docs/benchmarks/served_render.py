"""The CPU a served page costs, Serambi beside bakerydemo, both under production gunicorn.

    .venv/bin/python docs/benchmarks/served_render.py \\
        --bakerydemo /work/wt/bakerydemo-src --rounds 15

What the in-process benchmark (compare_bakerydemo.py) cannot see: the served process.
Each project runs under production settings in gunicorn with one sync worker on
127.0.0.1, and the CPU that worker spends is read from the kernel
(``/proc/<pid>/schedstat``: nanoseconds on a core, whatever else the machine does)
around a batch of sequential requests for one page; the figure is CPU per request.

Three servers:

- Serambi, full render: page cache and fragment cache off (``PAGE_CACHE_SECONDS=0``,
  ``FRAGMENT_CACHE_SECONDS=0``): every request renders every part afresh, the work
  of the first request after a publish touching everything on the page;
- Serambi, fragments: page cache off, fragments on (Redis, database 9): the work of a
  page-cache miss whose fragments are still valid, e.g. after a publish elsewhere;
- bakerydemo (Wagtail's own demo, ``--bakerydemo``, its own ``.venv``, its SQLite
  database after ``migrate`` and ``load_initial_data``), production settings, no cache.

Serambi's site is its demo content (``seed_demo``) in a throw-away SQLite file. The
rounds are interleaved: each round asks every server for every page, the order of the
servers rotating each round, so all meet the same load. The first two rounds warm up.
It prints the median CPU ms per request per page and server, and Serambi's share of
bakerydemo's (issue 21's goal for the full render: at most 0.5x).
"""

import argparse
import os
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from sites import BAKERYDEMO_PAIRS  # noqa: E402
from throughput import free_port  # noqa: E402

# (label, Serambi path or "article", bakerydemo path): its typical post, named.
PAGES = [
    (label, ours, "/blog/bread-circuses/" if theirs == "blog post" else theirs)
    for label, ours, theirs in BAKERYDEMO_PAIRS
]
# Serambi's pages that bakerydemo has no counterpart of (`--more`): the demo's
# contributors, search, the site's feed and a category's.
MORE_PAGES = [
    ("contributor", "/kontributor/fitri-handayani/", None),
    ("search", "/cari/?q=cerita", None),
    ("feed", "/artikel/feed/", None),
    ("category feed", "/artikel/kategori/dukungan-emosional/feed/", None),
]
# Asked with a session cookie, past the anonymous readers' result cache.
SESSION_PAGES = {"search"}


def worker_pid(master):
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    if len(children) != 1:
        raise RuntimeError(f"expected one gunicorn worker, found {children}")
    return int(children[0])


def cpu_ns(pid):
    return int(Path(f"/proc/{pid}/schedstat").read_text().split()[0])


def get(url, session_cookie=False):
    """`url`'s body; `url` may also be a prepared Request (archive.py's signed-in
    pages carry their session cookie)."""
    if isinstance(url, urllib.request.Request):
        request = url
    else:
        request = urllib.request.Request(url)  # noqa: S310 - 127.0.0.1
    if session_cookie:
        # A session cookie (no session behind it): what a signed-in reader's
        # search is, which the per-query result cache does not answer.
        request.add_header("Cookie", "sessionid=benchmark")
    with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310 - 127.0.0.1
        body = response.read()
        if response.status != 200:
            raise RuntimeError(f"{url} answered {response.status}")
        return body


def wait_up(url, process, seconds=90):
    deadline = time.monotonic() + seconds
    last = None
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server for {url} exited; see its log")
        try:
            get(url)
            return
        except OSError as error:
            last = error
            time.sleep(0.5)
    raise RuntimeError(f"{url} did not come up: {last}; see its log")


class Server:
    def __init__(self, name, command, cwd, env, paths, log):
        self.name = name
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(  # noqa: S603 - fixed arguments
            [*command, f"--bind=127.0.0.1:{self.port}", "--workers=1"],
            cwd=cwd,
            env=env,
            stdout=log.open("w"),
            stderr=subprocess.STDOUT,
        )
        self.paths = paths
        self.samples = {label: [] for label in paths}

    def start(self):
        wait_up(self.base + "/", self.process)
        self.pid = worker_pid(self.process.pid)

    def measure(self, label, batch):
        url = self.base + self.paths[label]
        before = cpu_ns(self.pid)
        for _ in range(batch):
            get(url, session_cookie=label in SESSION_PAGES)
        return (cpu_ns(self.pid) - before) / batch / 1e6

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)


def serambi_site(workdir):
    database_url = f"sqlite:///{workdir / 'serambi.sqlite3'}"
    media_root = workdir / "media"
    urls = subprocess.run(  # noqa: S603 - fixed arguments
        [
            PYTHON,
            str(HERE / "throughput.py"),
            "--build",
            database_url,
            str(media_root),
            "--demo",
        ],
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
    ).stdout.split()
    return database_url, media_root, urls[0]


def serambi_env(database_url, media_root, redis_url, fragments):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "website.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "MEDIA_ROOT": str(media_root),
        "PAGE_CACHE_SECONDS": "0",
        # Every server is one address to the search limit.
        "SEARCH_RATE_LIMIT_PER_MINUTE": "1000000",
        "FRAGMENT_CACHE_SECONDS": "600" if fragments else "0",
        "SECURE_SSL_REDIRECT": "false",
        "LOG_LEVEL": "WARNING",
    }


def bakerydemo_ready(bakerydemo):
    """bakerydemo's Python and its production environment, static files collected."""
    python = bakerydemo / ".venv" / "bin" / "python"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bakerydemo.settings.production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
    }
    # Its own SQLite database and no cache, whatever this shell points Serambi at.
    env.pop("DATABASE_URL", None)
    env.pop("REDIS_URL", None)
    subprocess.run(  # noqa: S603 - fixed arguments
        [str(python), "manage.py", "collectstatic", "--noinput", "-v", "0"],
        check=True,
        cwd=bakerydemo,
        env=env,
    )
    return python, env


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--bakerydemo", type=Path, help="without it, Serambi's two servers only"
    )
    parser.add_argument(
        "--more",
        action="store_true",
        help="also a contributor's page, search and the feeds (Serambi only)",
    )
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--batch", type=int, default=10)
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/9")
    args = parser.parse_args()
    pages = PAGES + (MORE_PAGES if args.more else [])

    workdir = Path(tempfile.mkdtemp(prefix="serambi-served-"))
    database_url, media_root, article = serambi_site(workdir)
    serambi_paths = {
        label: (article if path == "article" else path) for label, path, _ in pages
    }
    bakery_paths = {label: path for label, _, path in PAGES}
    gunicorn = [str(Path(PYTHON).with_name("gunicorn")), "website.wsgi"]
    collect = [PYTHON, "manage.py", "collectstatic", "--noinput", "-v", "0"]
    full_env = serambi_env(database_url, media_root, args.redis_url, fragments=False)
    subprocess.run(collect, check=True, cwd=ROOT, env=full_env)  # noqa: S603

    servers = [
        Server(
            "Serambi, full render",
            gunicorn,
            ROOT,
            full_env,
            serambi_paths,
            workdir / "serambi-full.log",
        ),
        Server(
            "Serambi, fragments",
            gunicorn,
            ROOT,
            serambi_env(database_url, media_root, args.redis_url, fragments=True),
            serambi_paths,
            workdir / "serambi-fragments.log",
        ),
    ]
    if args.bakerydemo:
        bakery_python, bakery_env = bakerydemo_ready(args.bakerydemo)
        servers.append(
            Server(
                "bakerydemo",
                [str(bakery_python.with_name("gunicorn")), "bakerydemo.wsgi"],
                args.bakerydemo,
                bakery_env,
                bakery_paths,
                workdir / "bakerydemo.log",
            )
        )
    try:
        for server in servers:
            server.start()
        for number in range(args.rounds + 2):
            turn = number % len(servers)
            order = servers[turn:] + servers[:turn]
            for label, _, _ in pages:
                for server in order:
                    if label not in server.paths:
                        continue
                    cpu = server.measure(label, args.batch)
                    if number >= 2:
                        server.samples[label].append(cpu)
    finally:
        for server in servers:
            server.stop()

    load = os.getloadavg()
    lines = [
        f"Server CPU per request, median of {args.rounds} rounds of {args.batch} "
        f"sequential requests (load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f})",
        "",
        "| page | Serambi, full render | Serambi, fragments | fragments / full "
        "| bakerydemo | full / bakerydemo | fragments / bakerydemo |",
        "|---|---|---|---|---|---|---|",
    ]
    for label, _, _ in pages:
        full, fragments = (
            statistics.median(server.samples[label]) for server in servers[:2]
        )
        row = (
            f"| {label} | {full:.1f} ms | {fragments:.1f} ms | {fragments / full:.2f}x"
        )
        bakery_samples = servers[2].samples.get(label) if len(servers) > 2 else None
        if bakery_samples:
            bakery = statistics.median(bakery_samples)
            row += f" | {bakery:.1f} ms | {full / bakery:.2f}x | {fragments / bakery:.2f}x |"
        else:
            row += " | - | - | - |"
        lines.append(row)
    sys.stdout.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
