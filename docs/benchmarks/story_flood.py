"""Readers of production gunicorn, alone and beside a flood of story-form POSTs.

    .venv/bin/python docs/benchmarks/story_flood.py               # 15 s per run
    .venv/bin/python docs/benchmarks/story_flood.py --seconds 5   # a quick look

Builds the throughput benchmark's site (200 live articles, throw-away SQLite file or
the empty PostgreSQL database DATABASE_URL names) plus a story form page, and starts
production gunicorn (website.settings.production, Redis page cache at REDIS_URL or
127.0.0.1:6379) with the per-address story limit off (STORY_SUBMISSIONS_PER_HOUR=0):
a flood from many addresses, where every POST passes the honeypot and the time trap
and meets the site-wide limit (STORY_SUBMISSIONS_SITE_PER_HOUR, 30 an hour) after
thirty stories. With --no-site-limit that is off too (the worst case: every POST is
parsed and saved). With --limited the per-address limit stays on and the flood (all
from 127.0.0.1) meets the 429 after its first five stories.

Then --rounds rounds of two runs, the order swapped each round: readers alone, and
readers beside the flood. Readers are --readers threads asking for the article, the
index and the home page in turn (keep-alive); the flood is --flooders threads
POSTing a 6 KB story each time. Printed per run: reader requests a second, p50/p99
latency, flood POSTs a second and their statuses, and the server's CPU seconds
(gunicorn's master and workers, from /proc) per reader request and per POST.

The load is made by Python threads on the same machine (no wrk here), so absolute
rates are lower than wrk's; the comparison between the two runs is the point.
"""

import argparse
import http.client
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import (
    PYTHON,
    ROOT,
    build,
    free_port,
    start_gunicorn,
    wait_until_healthy,
)

STORY = "Pagi yang Panjang\n\n" + (
    "Hari pertama aku mengantar anakku sekolah sendirian, tanganku gemetar. " * 80
)


def build_with_form(database_url, media_root):
    """Child process: the throughput site, then the story form; prints its id last."""
    build(database_url, media_root)
    from stories.models import StoryFormPage
    from website.models import HomePage

    page = StoryFormPage(title="Kirim ceritamu", slug="kirim-cerita")
    HomePage.objects.get().add_child(instance=page)
    page.save_revision().publish()
    sys.stdout.write(f"{page.pk} {page.url}\n")


def cpu_seconds(pid):
    """User + system CPU of `pid` and its children (gunicorn's workers)."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        ppid = int(fields[1])
        if int(entry) == pid or ppid == pid:
            total += int(fields[11]) + int(fields[12])
    return total / tick


def multipart(fields):
    boundary = uuid.uuid4().hex
    parts = []
    for name, value in fields.items():
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
            f"{value}\r\n"
        )
    parts.append(f"--{boundary}--\r\n")
    return "".join(parts).encode(), f"multipart/form-data; boundary={boundary}"


class Load:
    def __init__(self, port, seconds):
        self.port = port
        self.deadline = time.monotonic() + seconds
        self.latencies = []
        self.statuses = {}
        self.lock = threading.Lock()

    def loop(self, request):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        mine, statuses = [], {}
        while time.monotonic() < self.deadline:
            started = time.perf_counter()
            try:
                status = request(connection)
            except (OSError, http.client.HTTPException):
                connection.close()
                connection = http.client.HTTPConnection(
                    "127.0.0.1", self.port, timeout=30
                )
                status = "error"
            mine.append(time.perf_counter() - started)
            statuses[status] = statuses.get(status, 0) + 1
        connection.close()
        with self.lock:
            self.latencies += mine
            for status, count in statuses.items():
                self.statuses[status] = self.statuses.get(status, 0) + count


def reader(paths):
    turn = {"n": 0}

    def request(connection):
        path = paths[turn["n"] % len(paths)]
        turn["n"] += 1
        connection.request("GET", path, headers={"Accept-Encoding": "br"})
        response = connection.getresponse()
        response.read()
        return response.status

    return request


def flooder(post_path, started):
    def request(connection):
        body, content_type = multipart(
            {
                "text": STORY,
                "name": "Anonim",
                "agree": "on",
                "website": "",
                "started": started,
            }
        )
        connection.request(
            "POST", post_path, body=body, headers={"Content-Type": content_type}
        )
        response = connection.getresponse()
        response.read()
        return response.status

    return request


def run(port, pid, seconds, readers, flooders, paths, post_path, started):
    reading = Load(port, seconds)
    flooding = Load(port, seconds)
    threads = [
        threading.Thread(target=reading.loop, args=(reader(paths),))
        for _ in range(readers)
    ] + [
        threading.Thread(target=flooding.loop, args=(flooder(post_path, started),))
        for _ in range(flooders)
    ]
    cpu_before, clock = cpu_seconds(pid), time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed, cpu = time.monotonic() - clock, cpu_seconds(pid) - cpu_before
    return reading, flooding, elapsed, cpu


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))] if values else 0


def line(name, reading, flooding, elapsed, cpu):
    reads, posts = len(reading.latencies), len(flooding.latencies)
    cpu_ms = 1000 * cpu / max(1, reads + posts)
    return (
        f"| {name} | {reads / elapsed:,.0f} | "
        f"{1000 * statistics.median(reading.latencies):,.1f} | "
        f"{1000 * percentile(reading.latencies, 0.99):,.1f} | "
        f"{posts / elapsed:,.1f} | "
        f"{', '.join(f'{k}: {v}' for k, v in sorted(flooding.statuses.items(), key=str)) or '-'} | "
        f"{cpu:,.1f} | {cpu_ms:,.2f} |"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=int, default=15)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--readers", type=int, default=8)
    parser.add_argument("--flooders", type=int, default=4)
    parser.add_argument("--worker-class", default="gthread")
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument(
        "--redis-url", default=os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
    )
    parser.add_argument("--page-cache-seconds", type=int, default=600)
    parser.add_argument(
        "--limited",
        action="store_true",
        help="keep the per-address limit (5 an hour): the flood from one address",
    )
    parser.add_argument(
        "--no-site-limit",
        action="store_true",
        help="turn the site-wide limit (30 an hour) off too: every POST is read",
    )
    parser.add_argument("--build", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.build:
        build_with_form(*args.build)
        return

    workdir = Path(tempfile.mkdtemp(prefix="serambi-story-flood-"))
    database_url = os.environ.get("DATABASE_URL") or (
        f"sqlite:///{workdir / 'bench.sqlite3'}"
    )
    media_root = workdir / "media"
    output = subprocess.run(  # noqa: S603 - this script, this interpreter
        [PYTHON, __file__, "--build", database_url, str(media_root)],
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
    ).stdout.split()
    article_url, page_id, form_url = output[-3], output[-2], output[-1]
    port = free_port()
    server, command = start_gunicorn(
        port,
        database_url,
        media_root,
        args,
        STORY_SUBMISSIONS_PER_HOUR="5" if args.limited else "0",
        STORY_SUBMISSIONS_SITE_PER_HOUR="0" if args.no_site_limit else "30",
    )
    try:
        wait_until_healthy(f"http://127.0.0.1:{port}", server)
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        paths = [article_url, "/artikel/", "/"]
        for path in [*paths, form_url]:
            connection.request("GET", path)
            html = connection.getresponse().read().decode()
        started = re.search(r'name="started" value="([^"]+)"', html).group(1)
        time.sleep(6)  # past the time trap, as a patient robot would wait
        post_path = f"/_cerita/kirim/{page_id}/"
        lines = [
            f"gunicorn {' '.join(command[1:])}; {args.seconds} s a run; "
            f"{args.readers} reader threads, {args.flooders} flood threads; "
            f"{args.rounds} rounds, order swapped each round; per-address limit "
            + ("on (5 an hour)" if args.limited else "off")
            + "; site-wide limit "
            + ("off" if args.no_site_limit else "on (30 an hour)"),
            "",
            "| run | reader req/s | reader p50 ms | reader p99 ms | POST/s | "
            "POST statuses | server CPU s | CPU ms/request |",
            "|---|---|---|---|---|---|---|---|",
        ]
        for number in range(args.rounds):
            order = [0, args.flooders]
            for flooders in order if number % 2 == 0 else order[::-1]:
                result = run(
                    port,
                    server.pid,
                    args.seconds,
                    args.readers,
                    flooders,
                    paths,
                    post_path,
                    started,
                )
                name = "readers + story flood" if flooders else "readers alone"
                lines.append(line(f"{name} ({number + 1})", *result))
                time.sleep(2)
        sys.stdout.write("\n".join(lines) + "\n")
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
