"""Where imported posts come from: WordPress (WXR) and Blogger exports, Markdown
folders, single .txt/.md/.docx files.

Exports are read as a stream (defusedxml's iterparse: no external entities, no
entity expansion), one post at a time, so a 10,000-post export never sits in memory
whole; each post is parsed only when the command asks for it, so a broken one fails
alone. Images come from files beside the export, never from the network.
"""

import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import unquote, urlsplit
from xml.etree.ElementTree import ParseError

from django.utils.translation import gettext as _

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse

from .parsing import (
    MAX_IMAGE_BYTES,
    MAX_UPLOAD_BYTES,
    ParsedArticle,
    ParsedImage,
    UnreadableText,
    decode_text,
    parse_html,
    parse_markdown,
    parse_upload,
    parse_when,
    plain,
    propose_title,
)

ATOM = "{http://www.w3.org/2005/Atom}"
APP = "{http://purl.org/atom/app#}"
BLOGGER = "{http://schemas.google.com/blogger/2018}"
BLOGGER_KIND_SCHEME = "http://schemas.google.com/g/2005#kind"
BLOGGER_POST_KIND = "http://schemas.google.com/blogger/2008/kind#post"
FILE_SUFFIXES = (".md", ".markdown", ".txt", ".docx")
IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".heic")
MAX_INDEXED_FILES = 50_000


@dataclass
class SourcePost:
    label: str  # which post, for the command's report
    parse: Callable[[], ParsedArticle]


def _unreadable_export(path, exc):
    return UnreadableText(
        _("%(name)s tidak bisa dibaca sebagai ekspor XML: %(reason)s")
        % {"name": Path(path).name, "reason": exc}
    )


def export_kind(path):
    """ "wxr", "blogger" or None, from the root element of an .xml file."""
    try:
        for _event, element in iterparse(str(path), events=("start",)):
            if element.tag == "rss":
                return "wxr"
            if element.tag == f"{ATOM}feed":
                return "blogger"
            return None
    except (ParseError, DefusedXmlException) as exc:
        raise _unreadable_export(path, exc) from exc
    return None


def count_posts(path):
    """How many posts a path holds (for the progress bar)."""
    path = Path(path)
    if path.is_dir():
        return sum(1 for _ in _folder_files(path))
    if path.suffix.lower() != ".xml":
        return 1
    if export_kind(path) == "wxr":
        items = _elements(path, _is_wxr_item)
        return sum(1 for item in items if _is_wxr_post(_wp(item)))
    return sum(
        1 for entry in _elements(path, _is_atom_entry) if _is_blogger_post(entry)
    )


def iter_posts(path, *, title=None):
    """SourcePosts of one PATH argument."""
    path = Path(path)
    if not path.exists():
        raise UnreadableText(_("%(path)s tidak ada.") % {"path": path})
    if path.is_dir():
        return _folder_posts(path)
    suffix = path.suffix.lower()
    if suffix == ".xml":
        kind = export_kind(path)
        if kind == "wxr":
            return _wxr_posts(path)
        if kind == "blogger":
            return _blogger_posts(path)
        raise UnreadableText(
            _("%(name)s bukan ekspor WordPress (WXR) atau Blogger.")
            % {"name": path.name}
        )
    if suffix in FILE_SUFFIXES:
        return iter(
            [_file_post(path, path.parent, key=f"file:{path.name}", title=title)]
        )
    raise UnreadableText(
        _("%(name)s: jenis berkas tidak didukung (.xml, .md, .txt, .docx atau folder).")
        % {"name": path.name}
    )


# --- Streaming XML


def _elements(path, wanted):
    """Each finished element that `wanted(element)` picks, freed once it is used."""
    parents = []
    try:
        for event, element in iterparse(str(path), events=("start", "end")):
            if event == "start":
                parents.append(element)
                continue
            parents.pop()
            if wanted(element):
                yield element
                element.clear()
                if parents:
                    parents[-1].remove(element)
    except (ParseError, DefusedXmlException) as exc:
        raise _unreadable_export(path, exc) from exc


def _is_wxr_item(element):
    return element.tag == "item"


def _is_wxr_author_or_item(element):
    return element.tag == "item" or (
        element.tag.endswith("}author")
        and element.tag.startswith("{http://wordpress.org/export/")
    )


def _is_atom_entry(element):
    return element.tag == f"{ATOM}entry"


def _text(element, tag):
    child = element.find(tag)
    return (child.text or "").strip() if child is not None else ""


def _path_of(url):
    """'/2023/05/judul.html' (with its query) from a full or relative URL."""
    if not url:
        return ""
    parts = urlsplit(url.strip())
    path = unquote(parts.path) or "/"
    return f"{path}?{parts.query}" if parts.query else path


# --- Images beside an export


class LocalImages:
    """Finds an <img>'s file under a folder by its path or file name, offline."""

    def __init__(self, root):
        self.root = Path(root).resolve()
        self._by_name = None

    def _index(self):
        if self._by_name is None:
            self._by_name = {}
            seen = 0
            for folder, _dirs, files in os.walk(self.root):
                for name in files:
                    if name.lower().endswith(IMAGE_SUFFIXES):
                        self._by_name.setdefault(name.lower(), []).append(
                            Path(folder) / name
                        )
                    seen += 1
                if seen > MAX_INDEXED_FILES:
                    break
        return self._by_name

    def find(self, src, base=None):
        parts = urlsplit(src)
        if parts.scheme not in ("", "http", "https"):
            return None
        relative = unquote(parts.path).lstrip("/")
        if not parts.scheme and not src.startswith("/"):
            candidate = ((base or self.root) / relative).resolve()
            if candidate.is_relative_to(self.root) and candidate.is_file():
                return candidate
        candidates = self._index().get(Path(relative).name.lower(), [])
        # The longest shared tail of the path wins: wp-content/uploads/2023/05/x.jpg.
        wanted = Path(relative).parts
        best, best_score = None, -1
        for candidate in candidates:
            score = 0
            for a, b in zip(reversed(candidate.parts), reversed(wanted), strict=False):
                if a.lower() != b.lower():
                    break
                score += 1
            if score > best_score:
                best, best_score = candidate, score
        return best

    def loader(self, base=None):
        def load(src, alt):
            found = self.find(src, base)
            if found is None:
                # WordPress links a resized copy: foto-300x200.jpg for foto.jpg.
                stem, dot, suffix = src.rpartition(".")
                original = stem.rsplit("-", 1)
                if dot and len(original) == 2 and "x" in original[1]:
                    found = self.find(f"{original[0]}.{suffix}", base)
            if found is None or found.stat().st_size > MAX_IMAGE_BYTES:
                return None
            return ParsedImage(
                filename=found.name, data=found.read_bytes(), alt_text=alt
            )

        return load


# --- WordPress


def _wp(element):
    """Children by short name: "wp:post_id", "content:encoded", "dc:creator", …"""
    fields = {}
    for child in element:
        namespace, _brace, local = child.tag[1:].rpartition("}")
        if child.tag.startswith("{"):
            if "excerpt" in namespace:
                prefix = "excerpt"
            elif namespace.startswith("http://wordpress.org/export/"):
                prefix = "wp"
            elif "content" in namespace:
                prefix = "content"
            elif "purl.org/dc" in namespace:
                prefix = "dc"
            else:
                prefix = namespace
            key = f"{prefix}:{local}"
        else:
            key = child.tag
        fields.setdefault(key, (child.text or "").strip())
    return fields


def _wxr_posts(path):
    images = LocalImages(path.parent)
    authors = {}
    for element in _elements(path, _is_wxr_author_or_item):
        if element.tag.endswith("}author"):
            fields = _wp(element)
            login = fields.get("wp:author_login", "")
            authors[login] = fields.get("wp:author_display_name") or login
            continue
        fields = _wp(element)
        if not _is_wxr_post(fields):
            continue
        categories, tags = [], []
        for category in element.findall("category"):
            name = plain(category.text or "")
            if not name:
                continue
            (tags if category.get("domain") == "post_tag" else categories).append(name)
        post = _WxrPost(fields, categories, tags, authors, images, path.name)
        yield SourcePost(label=post.label, parse=post.parse)


def _is_wxr_post(fields):
    return fields.get("wp:post_type", "post") == "post" and fields.get(
        "wp:status"
    ) not in ("trash", "auto-draft", "inherit")


class _WxrPost:
    def __init__(self, fields, categories, tags, authors, images, export_name):
        self.fields = fields
        self.categories = categories
        self.tags = tags
        self.author = authors.get(
            fields.get("dc:creator", ""), fields.get("dc:creator", "")
        )
        self.images = images
        self.label = _("%(export)s, tulisan %(id)s “%(title)s”") % {
            "export": export_name,
            "id": fields.get("wp:post_id", "?"),
            "title": plain(fields.get("title", ""))[:60],
        }

    def parse(self):
        fields = self.fields
        title = plain(fields.get("title", ""))
        article = parse_html(
            fields.get("content:encoded", ""),
            title_line=False,
            image_loader=self.images.loader(),
        )
        _titled(article, title)
        article.slug = unquote(fields.get("wp:post_name", ""))
        article.status = (
            "published" if fields.get("wp:status") == "publish" else "draft"
        )
        gmt = fields.get("wp:post_date_gmt", "")
        if gmt and not gmt.startswith("0000"):
            moment = parse_when(gmt)
            article.published_at = moment and moment.replace(tzinfo=UTC)
        else:
            article.published_at = parse_when(fields.get("wp:post_date", ""))
        article.categories = self.categories
        article.tags = self.tags
        article.author = self.author
        post_id = fields.get("wp:post_id", "")
        article.source_key = f"wxr:{fields.get('guid') or post_id}"[:255]
        article.old_urls = [
            url
            for url in (
                _path_of(fields.get("link", "")),
                f"/?p={post_id}" if post_id else "",
            )
            if url and url != "/"
        ]
        return article


def _titled(article, title):
    if title:
        article.title = title
    else:
        propose_title(article)


# --- Blogger


def _blogger_posts(path):
    images = LocalImages(path.parent)
    for entry in _elements(path, _is_atom_entry):
        if not _is_blogger_post(entry):
            continue
        post = _BloggerPost(entry, images, path.name)
        yield SourcePost(label=post.label, parse=post.parse)


def _is_blogger_post(entry):
    kinds = [
        c.get("term", "")
        for c in entry.findall(f"{ATOM}category")
        if c.get("scheme") == BLOGGER_KIND_SCHEME
    ]
    return BLOGGER_POST_KIND in kinds or _text(entry, f"{BLOGGER}type") == "POST"


class _BloggerPost:
    def __init__(self, entry, images, export_name):
        # The element is freed after this step: keep what parse() needs.
        self.title = plain(_text(entry, f"{ATOM}title"))
        self.content = _text(entry, f"{ATOM}content")
        self.id = _text(entry, f"{ATOM}id")
        self.published = _text(entry, f"{ATOM}published")
        self.labels = [
            plain(c.get("term", ""))
            for c in entry.findall(f"{ATOM}category")
            if c.get("scheme") != BLOGGER_KIND_SCHEME and plain(c.get("term", ""))
        ]
        self.author = plain(_text(entry, f"{ATOM}author/{ATOM}name"))
        draft = _text(entry, f"{APP}control/{APP}draft") == "yes"
        status = _text(entry, f"{BLOGGER}status")
        self.status = (
            "draft" if draft or status in ("DRAFT", "SOFT_TRASHED") else "published"
        )
        self.trashed = status == "SOFT_TRASHED"
        links = [
            link.get("href", "")
            for link in entry.findall(f"{ATOM}link")
            if link.get("rel") == "alternate"
        ]
        filename = _text(entry, f"{BLOGGER}filename")
        self.old_urls = [p for p in (_path_of(filename), *map(_path_of, links)) if p]
        self.images = images
        self.label = _("%(export)s, tulisan “%(title)s”") % {
            "export": export_name,
            "title": self.title[:60],
        }

    def parse(self):
        article = parse_html(
            self.content, title_line=False, image_loader=self.images.loader()
        )
        _titled(article, self.title)
        article.status = self.status
        article.published_at = parse_when(self.published)
        article.tags = self.labels
        article.author = "" if self.author in ("Unknown", "Anonymous") else self.author
        article.source_key = f"blogger:{self.id}"[:255]
        article.old_urls = list(dict.fromkeys(u for u in self.old_urls if u != "/"))
        article.slug = (
            Path(urlsplit(self.old_urls[0]).path).stem if self.old_urls else ""
        )
        return article


# --- Files and folders


def _folder_files(root):
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.lower().endswith(FILE_SUFFIXES) and not name.startswith("."):
                yield Path(folder) / name


def _folder_posts(root):
    for path in _folder_files(root):
        key = f"file:{root.name}/{path.relative_to(root).as_posix()}"
        yield _file_post(path, root, key=key)


def _file_post(path, root, *, key, title=None):
    def parse():
        if path.stat().st_size > MAX_UPLOAD_BYTES:
            raise UnreadableText(_("Berkas terlalu besar."))
        data = path.read_bytes()
        if path.suffix.lower() in (".md", ".markdown"):
            loader = LocalImages(root).loader(base=path.parent)
            article = parse_markdown(decode_text(data), image_loader=loader)
        else:
            article = parse_upload(path.name, data)
            # A file on disk was written to be read: --publish publishes it.
            article.status = "published"
        if title:
            article.title = " ".join(title.split())
            article.title_proposed = False
        article.source_key = key[:255]
        if not article.published_at:
            article.published_at = datetime.fromtimestamp(path.stat().st_mtime, tz=UTC)
        return article

    return SourcePost(label=str(path), parse=parse)
