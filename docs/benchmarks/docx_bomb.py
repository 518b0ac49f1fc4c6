"""The .docx bomb of issue 19, measured: what one costs, and whether the site keeps serving.

    .venv/bin/python docs/benchmarks/docx_bomb.py parse                  # this tree
    .venv/bin/python docs/benchmarks/docx_bomb.py parse --project /work/main
    .venv/bin/python docs/benchmarks/docx_bomb.py served --uploads 3

Builds the attack's file with tests/importer/word_files.py: a .docx of about 3 MB whose
word/document.xml unpacks to 82 MB of ordinary paragraphs (about 20 to 1, under any
ratio check a real document passes).

`parse` reads it with the project's own `parse_upload` in a fresh Python process (as a
web worker's thread would), and prints the answer, the wall seconds and the peak
resident memory of that process and of any child it started (ru_maxrss).

`served` starts the project under gunicorn (gthread, 3 workers x 8 threads, as the
attack run had it) on a throw-away SQLite database, signs a contributor in, sends
`--uploads` bombs at once to Kirim tulisan, and meanwhile asks `/healthz/` every 0.25 s.
It prints each upload's status and seconds, the health answers' median and worst time
and their failures, and the peak summed RSS of the server's processes (sampled from
/proc every 0.1 s). Only 127.0.0.1 is ever contacted; every loop is bounded.
"""

import argparse
import contextlib
import http.cookiejar
import json
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.importer.word_files import xml_bomb  # noqa: E402

PARSE = """
import os, resource, sys, time
import django
django.setup()
from importer.parsing import UnreadableText, parse_upload
data = open(sys.argv[1], "rb").read()
start = time.monotonic()
try:
    article = parse_upload("bom.docx", data)
    answer = "parsed: %d blocks" % len(article.body)
except UnreadableText as exc:
    answer = "refused: " + str(exc)
except MemoryError:
    answer = "MemoryError"
seconds = time.monotonic() - start
own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(f"{answer}\\n{seconds:.1f} s; peak RSS {own:.0f} MB (this process), "
      f"{children:.0f} MB (its biggest child)")
"""


def say(text):
    sys.stdout.write(f"{text}\n")
    sys.stdout.flush()


def python_of(project):
    return str(Path(project) / ".venv" / "bin" / "python")


def parse(args, path):
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="website.settings.dev")
    env["DATABASE_URL"] = f"sqlite:///{tempfile.gettempdir()}/docx-bomb-unused.sqlite3"
    start = time.monotonic()
    process = subprocess.Popen(  # noqa: S603
        [python_of(args.project), "-c", PARSE, str(path)],
        cwd=args.project,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    peak, killed = 0.0, False
    while process.poll() is None:
        peak = max(peak, tree_rss_mb(process.pid))
        if time.monotonic() - start > args.timeout:
            process.kill()
            killed = True
            break
        time.sleep(0.1)
    output = process.stdout.read()
    _, status, usage = (
        os.wait4(process.pid, 0) if process.returncode is None else (0, 0, None)
    )
    seconds = time.monotonic() - start
    say("\n".join(line for line in output.splitlines() if not line.startswith("AXES")))
    if killed:
        say(f"still parsing after {args.timeout} s: killed")
    maxrss = f", ru_maxrss {usage.ru_maxrss / 1024:.0f} MB" if usage else ""
    say(f"wall {seconds:.1f} s; peak RSS of the process tree {peak:.0f} MB{maxrss}")


# --- served ---------------------------------------------------------------------------

SETUP = """
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Page
from blog.models import BlogIndexPage
user = get_user_model().objects.create_user("penulis", "penulis@example.org", "bom-benchmark-1")
user.groups.add(Group.objects.get(name="Contributors"))
if not BlogIndexPage.objects.exists():
    root = Page.objects.filter(depth=2).first()
    root.add_child(instance=BlogIndexPage(title="Artikel", slug="artikel"))
"""


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def tree_rss_mb(pid):
    """Summed RSS of `pid` and its descendants, from /proc."""
    children = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        children.setdefault(ppid, []).append(int(entry.name))
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        todo.extend(children.get(current, []))
        try:
            for line in Path(f"/proc/{current}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            continue
    return total / 1024


class Browser:
    def __init__(self, base):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar)
        )

    def get(self, path, timeout=30):
        with self.opener.open(self.base + path, timeout=timeout) as response:
            return response.status, response.read().decode()

    def csrf(self, html):
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)[1]

    def post(self, path, fields, files=(), timeout=300):
        boundary = "----serambi-benchmark"
        body = b""
        for name, value in fields.items():
            body += (
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"'
                f"\r\n\r\n{value}\r\n"
            ).encode()
        for name, filename, data in files:
            body += (
                (
                    f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
                    f'filename="{filename}"\r\nContent-Type: application/octet-stream'
                    "\r\n\r\n"
                ).encode()
                + data
                + b"\r\n"
            )
        body += f"--{boundary}--\r\n".encode()
        request = urllib.request.Request(  # noqa: S310  (127.0.0.1 only)
            self.base + path,
            data=body,
            headers={
                "Content-Type": f"multipart/form-data; boundary={boundary}",
                "Referer": self.base + path,
            },
        )
        try:
            with self.opener.open(request, timeout=timeout) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()


def served(args, path):
    data = path.read_bytes()
    work = Path(tempfile.mkdtemp(prefix="docx-bomb-"))
    port = free_port()
    env = dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="website.settings.dev",
        DATABASE_URL=f"sqlite:///{work}/db.sqlite3",
        MEDIA_ROOT=str(work / "media"),
        ALLOWED_HOSTS="127.0.0.1",
    )
    python = python_of(args.project)
    for command in (["migrate", "-v0"], ["shell", "-c", SETUP]):
        subprocess.run(  # noqa: S603
            [python, "manage.py", *command],
            cwd=args.project,
            env=env,
            check=True,
            capture_output=True,
        )
    server = subprocess.Popen(  # noqa: S603
        [
            str(Path(args.project) / ".venv" / "bin" / "gunicorn"),
            "website.wsgi",
            "-k", "gthread", "--workers", "3", "--threads", "8",
            "--timeout", "300", "--bind", f"127.0.0.1:{port}",
        ],
        cwd=args.project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=True,  # its own process group: stopped whole at the end
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/healthz/", timeout=2)  # noqa: S310
                break
            except OSError:
                time.sleep(0.2)
        idle_rss = tree_rss_mb(server.pid)
        results, health, peak = [], [], [idle_rss]
        stop = threading.Event()

        def attack(n):
            browser = Browser(base)
            _, html = browser.get("/admin/login/")
            browser.post(
                "/admin/login/",
                {
                    "csrfmiddlewaretoken": browser.csrf(html),
                    "username": "penulis",
                    "password": "bom-benchmark-1",
                },
            )
            _, html = browser.get("/admin/kirim-tulisan/")
            start = time.monotonic()
            try:
                status, page = browser.post(
                    "/admin/kirim-tulisan/",
                    {"csrfmiddlewaretoken": browser.csrf(html), "text": ""},
                    files=[("upload", f"bom-{n}.docx", data)],
                    timeout=args.timeout,
                )
            except (TimeoutError, OSError) as error:
                status, page = f"no answer ({error})", ""
            message = re.search(
                r"((?:Isi berkas|Berkas|Serambi sedang|Teksnya)[^<]*)", page
            )
            results.append(
                (n, status, time.monotonic() - start, message[1] if message else "")
            )

        def watch():
            deadline = time.monotonic() + args.timeout + 30
            while not stop.is_set() and time.monotonic() < deadline:
                peak.append(tree_rss_mb(server.pid))
                time.sleep(0.1)

        def probe():
            deadline = time.monotonic() + args.timeout + 30
            while not stop.is_set() and time.monotonic() < deadline:
                start = time.monotonic()
                try:
                    urllib.request.urlopen(base + "/healthz/", timeout=10)  # noqa: S310
                    health.append((time.monotonic() - start, True))
                except OSError:
                    health.append((time.monotonic() - start, False))
                time.sleep(0.25)

        helpers = [threading.Thread(target=watch), threading.Thread(target=probe)]
        attackers = [
            threading.Thread(target=attack, args=(n,)) for n in range(args.uploads)
        ]
        for thread in helpers + attackers:
            thread.start()
        for thread in attackers:
            thread.join(args.timeout + 60)
        stop.set()
        for thread in helpers:
            thread.join()
        for n, status, seconds, message in sorted(results):
            say(f"upload {n}: HTTP {status} after {seconds:.1f} s  {message[:90]}")
        times = [t for t, ok in health]
        failures = sum(1 for _, ok in health if not ok)
        say(
            f"/healthz/ during the attack: {len(health)} asks, median "
            f"{statistics.median(times) * 1000:.0f} ms, worst {max(times) * 1000:.0f} ms, "
            f"{failures} failed"
        )
        say(
            f"server RSS (all processes): idle {idle_rss:.0f} MB, "
            f"peak {max(peak):.0f} MB; alive after: {server.poll() is None}"
        )
        say(json.dumps({"uploads": sorted(results), "health_failures": failures}))
    finally:
        # The whole group: a worker still parsing must not outlive the benchmark.
        os.killpg(server.pid, signal.SIGTERM)
        with contextlib.suppress(subprocess.TimeoutExpired):
            server.wait(20)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(server.pid, signal.SIGKILL)
        server.wait()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("mode", choices=["parse", "served"])
    parser.add_argument("--project", default=str(ROOT))
    parser.add_argument("--xml-mb", type=int, default=82)
    parser.add_argument("--uploads", type=int, default=3)
    parser.add_argument("--timeout", type=int, default=300)
    args = parser.parse_args()
    path = Path(tempfile.gettempdir()) / f"docx-bomb-{args.xml_mb}.docx"
    if not path.exists():
        path.write_bytes(xml_bomb(args.xml_mb * 1_000_000))
    say(f"{path.name}: {path.stat().st_size / 1e6:.1f} MB packed, "
          f"{args.xml_mb} MB of XML; project {args.project}")  # fmt: skip
    (parse if args.mode == "parse" else served)(args, path)


if __name__ == "__main__":
    main()
