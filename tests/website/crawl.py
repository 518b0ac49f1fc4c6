"""A crawl of the public site as real clients see it, for tests/website/test_public_crawl.py.

`crawl()` fetches every URL reachable from its start URLs (links and <link>s of HTML
pages, <loc>s of the sitemap, item links of feeds) with the Django test client and
keeps each answer. The checks then read what was kept:

- `server_errors`: every 5xx, with the page that linked to it;
- `nu_errors`: every HTML page through the Nu HTML Checker (vnu.jar), all of them in
  one Java process, since starting the JVM costs more than checking a page;
- `feed_errors`: every feed through feedparser, which must find nothing to complain of
  (bozo == 0);
- `json_ld_blocks`: the JSON-LD blocks of a page, for the article checks.

Each check returns readable lines ("URL: what went wrong") so a failing test says
what failed where.
"""

import json
import os
import shutil
import subprocess
import tempfile
from collections import deque
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urldefrag, urlencode, urlsplit
from xml.etree import ElementTree as ET

# Not crawled: the admin and its API, files, and the search's rate-limited form posts.
SKIPPED_PREFIXES = ("/admin/", "/django-admin/", "/static/", "/media/", "/documents/")
# Listings are walked to their second page: enough to render a paginated listing
# with both its links, without fetching page after page of the same cards.
MAX_PAGE_NUMBER = 2
FEED_TYPES = ("application/rss+xml", "application/atom+xml")

VNU_JAR_ENV = "SERAMBI_VNU_JAR"
VNU_JAR = (
    Path(__file__).resolve().parents[2]
    / ".venv"
    / "vnu"
    / "node_modules"
    / "vnu-jar"
    / "build"
    / "dist"
    / "vnu.jar"
)


@dataclass
class Fetched:
    url: str
    status: int
    content_type: str
    body: bytes
    found_on: str

    @property
    def is_html(self):
        return self.status == 200 and self.content_type == "text/html"

    @property
    def is_feed(self):
        return self.status == 200 and self.content_type in FEED_TYPES

    @property
    def text(self):
        return self.body.decode("utf-8", errors="replace")


@dataclass
class Crawl:
    fetched: dict = field(default_factory=dict)

    @property
    def html_pages(self):
        return [page for page in self.fetched.values() if page.is_html]

    @property
    def feeds(self):
        return [page for page in self.fetched.values() if page.is_feed]


class LinkCollector(HTMLParser):
    """href of <a> and <link> (not stylesheets or icons), and JSON-LD blocks."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links = []
        self.json_ld = []
        self._in_json_ld = False
        self._buffer = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        elif tag == "link" and attrs.get("href"):
            rel = (attrs.get("rel") or "").lower().split()
            if "stylesheet" not in rel and "icon" not in rel:
                self.links.append(attrs["href"])
        elif tag == "script" and attrs.get("type") == "application/ld+json":
            self._in_json_ld = True
            self._buffer = []

    def handle_data(self, data):
        if self._in_json_ld:
            self._buffer.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._in_json_ld:
            self._in_json_ld = False
            self.json_ld.append("".join(self._buffer))


def local_url(href, base):
    """The path and query of `href` on this site, or None for another site, a
    skipped path or a listing page past MAX_PAGE_NUMBER."""
    href, _fragment = urldefrag(href.strip())
    if not href or href.startswith(("mailto:", "tel:", "javascript:", "data:")):
        return None
    parts = urlsplit(href)
    if parts.scheme and parts.scheme not in ("http", "https"):
        return None
    if parts.netloc and parts.netloc != "testserver":
        return None
    path = parts.path
    if not path.startswith("/"):
        path = base.split("?")[0].rsplit("/", 1)[0] + "/" + path
    if path.startswith(SKIPPED_PREFIXES):
        return None
    query = parse_qsl(parts.query, keep_blank_values=True)
    for key, value in query:
        if key == "page" and (not value.isdigit() or int(value) > MAX_PAGE_NUMBER):
            return None
    # Percent-encoding differs between links to one page: compare decoded.
    path = unquote(path)
    return path + (f"?{urlencode(query)}" if query else "")


def links_in(page):
    if page.is_html:
        collector = LinkCollector()
        collector.feed(page.text)
        return collector.links
    if page.status != 200 or "xml" not in page.content_type:
        return []
    try:
        root = ET.fromstring(page.body)  # noqa: S314 - our own site's XML
    except ET.ParseError:
        return []
    links = []
    for element in root.iter():
        name = element.tag.rsplit("}", 1)[-1]
        if name in ("loc", "link") and element.text:
            links.append(element.text)
        elif name == "link" and element.get("href"):
            links.append(element.get("href"))
    return links


def crawl(client, start_urls, limit=1000):
    """Every local URL reachable from `start_urls`, fetched once each."""
    result = Crawl()
    queue = deque((url, "(start)") for url in start_urls)
    queued = set(start_urls)
    while queue and len(result.fetched) < limit:
        url, found_on = queue.popleft()
        response = client.get(url)
        content_type = response.get("Content-Type", "").split(";")[0].strip()
        body = b"" if response.streaming else response.content
        page = Fetched(url, response.status_code, content_type, body, found_on)
        result.fetched[url] = page
        candidates = list(links_in(page))
        if response.status_code in (301, 302, 303, 307, 308):
            candidates.append(response["Location"])
        for href in candidates:
            target = local_url(href, url)
            if target and target not in queued:
                queued.add(target)
                queue.append((target, url))
    return result


def server_errors(result):
    return [
        f"{page.url}: {page.status} (linked from {page.found_on})"
        for page in result.fetched.values()
        if page.status >= 500
    ]


# --- The Nu HTML Checker --------------------------------------------------------


def vnu_command():
    """How to run vnu.jar here, or None with the reason it cannot run."""
    java = shutil.which("java")
    if java is None:
        return None, "Java is absent (apt-get install default-jre-headless)"
    jar = Path(os.environ.get(VNU_JAR_ENV) or VNU_JAR)
    if not jar.exists():
        return None, f"vnu.jar is absent at {jar} (make vnu installs it with npm)"
    return [java, "-Xss1m", "-jar", str(jar)], None


def nu_errors(pages, command):
    """Every error the Nu checker finds in `pages`, checked in one Java process."""
    if not pages:
        return []
    with tempfile.TemporaryDirectory(prefix="serambi-vnu-") as folder:
        by_file = {}
        for number, page in enumerate(pages):
            path = Path(folder) / f"page-{number:04d}.html"
            path.write_bytes(page.body)
            by_file[path.name] = page.url
        completed = subprocess.run(  # noqa: S603 - our own command line
            [
                *command,
                "--errors-only",
                "--format",
                "json",
                "--stdout",
                "--exit-zero-always",
                "--no-langdetect",
                *sorted(str(Path(folder) / name) for name in by_file),
            ],
            capture_output=True,
            check=False,
            timeout=600,
        )
    try:
        report = json.loads(completed.stdout)
    except json.JSONDecodeError:
        return [f"vnu did not answer in JSON: {completed.stderr.decode()[:2000]}"]
    errors = []
    for message in report.get("messages", []):
        if message.get("type") != "error":
            continue
        name = Path(urlsplit(message.get("url", "")).path).name
        url = by_file.get(name, name)
        line = message.get("lastLine", "?")
        extract = " ".join((message.get("extract") or "").split())[:120]
        errors.append(f"{url}: line {line}: {message.get('message')} [{extract}]")
    return errors


# --- Feeds and JSON-LD ------------------------------------------------------------


def feed_errors(feeds):
    import feedparser

    errors = []
    for page in feeds:
        parsed = feedparser.parse(page.body)
        if parsed.bozo:
            errors.append(f"{page.url}: {parsed.bozo_exception!r}")
    return errors


def json_ld_blocks(page):
    collector = LinkCollector()
    collector.feed(page.text)
    blocks = []
    for raw in collector.json_ld:
        data = json.loads(raw)
        blocks.extend(data if isinstance(data, list) else [data])
    return blocks
