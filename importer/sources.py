"""Where imported posts come from: WordPress (WXR) and Blogger exports, Markdown
folders (Jekyll, Hugo), single .txt/.md/.docx files.

Exports are read as a stream (defusedxml's iterparse: no external entities, no
entity expansion), one post at a time, so a 10,000-post export never sits in memory
whole; each post is parsed only when the command asks for it, so a broken one fails
alone. Images come from files beside the export, never from the network, and never
from outside the export's folder (a symbolic link out of it is refused).

What an export holds besides posts (pages, attachments, menu items, comments,
settings) is yielded as `Skipped`, so the command can count and report it.
"""

import functools
import os
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import unquote, urlsplit
from xml.etree.ElementTree import ParseError

from django.utils.html import strip_tags
from django.utils.text import Truncator, slugify
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
BLOGGER_KIND = "http://schemas.google.com/blogger/2008/kind#"
BLOGGER_LABEL_SCHEME = "http://www.blogger.com/atom/ns#"
# WordPress writes its namespaces under http or https, versions 1.0 to 1.2.
WXR_NAMESPACE = re.compile(r"^https?://wordpress\.org/export/\d+\.\d+/(excerpt/)?$")
FILE_SUFFIXES = (".md", ".markdown", ".txt", ".docx")
IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".heic")
MAX_INDEXED_FILES = 50_000
EXCERPT_CHARS = 300  # ArticlePage.excerpt
# "Uncategorized" is WordPress's placeholder for "no category", not a category.
WORDPRESS_NO_CATEGORY = "uncategorized"
# Jekyll names a post 2019-03-04-judul.md; its drafts live in _drafts/.
DATED_NAME = re.compile(r"^(?P<date>\d{4}-\d{2}-\d{2})-(?P<slug>.+)$")
# Prefixes the exports use, declared for them when an export forgot to (Blogger's
# own exports use app: without declaring it).
KNOWN_NAMESPACES = {
    "app": "http://purl.org/atom/app#",
    "gd": "http://schemas.google.com/g/2005",
    "thr": "http://purl.org/syndication/thread/1.0",
    "georss": "http://www.georss.org/georss",
    "openSearch": "http://a9.com/-/spec/opensearchrss/1.0/",
    "blogger": "http://schemas.google.com/blogger/2018",
    "excerpt": "http://wordpress.org/export/1.2/excerpt/",
    "content": "http://purl.org/rss/1.0/modules/content/",
    "wfw": "http://wellformedweb.org/CommentAPI/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "wp": "http://wordpress.org/export/1.2/",
    "media": "http://search.yahoo.com/mrss/",
}
ROOT_START_TAG = re.compile(
    rb"<(?P<name>[A-Za-z][\w:.-]*)(?P<attrs>(?:\s+[^\s=>/]+\s*=\s*(?:\"[^\"]*\"|'[^']*'))*)"
    rb"\s*(?P<end>/?>)"
)
HEAD_BYTES = 64 * 1024


@dataclass
class SourcePost:
    label: str  # which post, for the command's report
    parse: Callable[[], ParsedArticle]


@dataclass
class Skipped:
    """An item that does not become an article (a page, an attachment, …)."""

    label: str
    skipped: str  # what it is, as the summary names it
    warning: str = ""  # said to the person when set (a refused file)


def _unreadable_export(path, exc):
    return UnreadableText(
        _("%(name)s tidak bisa dibaca sebagai ekspor XML: %(reason)s")
        % {"name": Path(path).name, "reason": exc}
    )


# --- Reading an export, with forgotten namespace declarations supplied


class _RepairedXml:
    """A file whose root start tag gets the declarations of known prefixes it lacks.

    Only the root tag is touched (the first 64 KB are looked at); the rest streams
    from the file as it is. A declaration the file makes itself always wins.
    """

    def __init__(self, path):
        self.file = open(path, "rb")  # noqa: SIM115 - closed by close()
        self.head = self._repaired(self.file.read(HEAD_BYTES))

    def _repaired(self, head):
        if head[:2] in (b"\xff\xfe", b"\xfe\xff"):
            return head  # UTF-16: left to the parser as it is
        position = 0
        while True:  # past the declaration, comments and doctype to the root tag
            start = head.find(b"<", position)
            if start < 0:
                return head
            if head.startswith(b"<!--", start):
                end = head.find(b"-->", start)
                position = end + 3
            elif head[start + 1 : start + 2] in (b"?", b"!"):
                end = head.find(b">", start)
                position = end + 1
            else:
                break
            if end < 0:
                return head
        match = ROOT_START_TAG.match(head, start)
        if match is None:
            return head
        attrs = match["attrs"]
        declared = set(re.findall(rb"xmlns:([\w.-]+)\s*=", attrs))
        extra = b""
        if match["name"] == b"feed" and not re.search(rb"\sxmlns\s*=", attrs):
            extra += b' xmlns="http://www.w3.org/2005/Atom"'
        for prefix, uri in KNOWN_NAMESPACES.items():
            if prefix.encode() not in declared:
                extra += f' xmlns:{prefix}="{uri}"'.encode()
        return head[: match.start("end")] + extra + head[match.start("end") :]

    def read(self, size=-1):
        if self.head:
            if size is None or size < 0:
                data, self.head = self.head + self.file.read(), b""
                return data
            data, self.head = self.head[:size], self.head[size:]
            return data
        return self.file.read(size)

    def close(self):
        self.file.close()


def _iterparse(path, events):
    source = _RepairedXml(path)
    try:
        yield from iterparse(source, events=events)
    finally:
        source.close()


def export_kind(path):
    """ "wxr", "blogger" or None, from the root element of an .xml file."""
    try:
        for _event, element in _iterparse(path, ("start",)):
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
    return sum(1 for item in iter_posts(path) if isinstance(item, SourcePost))


def iter_posts(path, *, title=None):
    """SourcePosts (and Skipped items) of one PATH argument."""
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
    """Each finished element that `wanted(element, parent)` picks, freed once used.

    The parent tells where an element sits (a channel's <link> or an item's).
    """
    parents = []
    try:
        for event, element in _iterparse(path, ("start", "end")):
            if event == "start":
                parents.append(element)
                continue
            parents.pop()
            parent = parents[-1] if parents else None
            if wanted(element, parent):
                yield element
                element.clear()
                if parent is not None and element.tag in ("item", f"{ATOM}entry"):
                    parent.remove(element)
    except (ParseError, DefusedXmlException) as exc:
        raise _unreadable_export(path, exc) from exc


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


def _plain_excerpt(html):
    text = plain(strip_tags(html or ""))
    return Truncator(text).chars(EXCERPT_CHARS, "…") if text else ""


def _unique_keys():
    """A key maker that never gives one export's two posts the same key."""
    seen = Counter()

    def unique(key):
        seen[key] += 1
        return key if seen[key] == 1 else f"{key}#{seen[key]}"

    return unique


# --- Images beside an export


class LocalImages:
    """Finds an <img>'s file under a folder by its path or file name, offline.

    A file that is a symbolic link to somewhere outside the folder is refused and
    named in `refused`: an export folder must not publish a file from elsewhere.
    """

    def __init__(self, root):
        self.root = Path(root).resolve()
        self._by_name = None
        self.refused = []

    def _inside(self, path):
        try:
            return path.resolve().is_relative_to(self.root)
        except (OSError, RuntimeError):
            return False

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
        if not relative:
            return None
        if not parts.scheme and not src.startswith("/"):
            candidate = (base or self.root) / relative
            if (
                candidate.resolve().is_relative_to(self.root)
                and candidate.is_file()
                and self._allowed(candidate)
            ):
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
        if best is not None and not self._allowed(best):
            return None
        return best

    def _allowed(self, path):
        if self._inside(path):
            return True
        self.refused.append(
            _(
                "Berkas %(name)s menunjuk ke luar folder ekspor (tautan simbolik) "
                "dan tidak dipakai."
            )
            % {"name": path.name}
        )
        return False

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

    def take_refusals(self, article):
        for warning in self.refused:
            if warning not in article.warnings:
                article.warnings.append(warning)
        self.refused = []


# --- WordPress


def _wp(element):
    """Children by short name: "wp:post_id", "content:encoded", "dc:creator", …"""
    fields = {}
    for child in element:
        key = _short_name(child.tag)
        fields.setdefault(key, (child.text or "").strip())
    return fields


# An export names a few dozen tags hundreds of thousands of times; bounded, because a
# hostile file may name endless different ones.
@functools.lru_cache(maxsize=512)
def _short_name(tag):
    if not tag.startswith("{"):
        return tag
    namespace, _brace, local = tag[1:].rpartition("}")
    wordpress = WXR_NAMESPACE.match(namespace)
    if wordpress:
        prefix = "excerpt" if wordpress.group(1) else "wp"
    elif "purl.org/rss/1.0/modules/content" in namespace:
        prefix = "content"
    elif "purl.org/dc" in namespace:
        prefix = "dc"
    else:
        prefix = namespace
    return f"{prefix}:{local}"


def _postmeta(element):
    meta = {}
    for child in element:
        if _short_name(child.tag) == "wp:postmeta":
            fields = _wp(child)
            meta.setdefault(fields.get("wp:meta_key", ""), fields.get("wp:meta_value"))
    return meta


@dataclass
class _WxrSite:
    link: str = ""
    base_url: str = ""
    authors: dict = None
    attachments: dict = None  # post id -> attachment URL


def _wxr_site(path):
    """What the posts need from the whole export: the site, authors, attachments."""
    site = _WxrSite(authors={}, attachments={})
    base_blog = base_site = ""

    def wanted(element, parent):
        return element.tag == "item" or (parent is not None and parent.tag == "channel")

    for element in _elements(path, wanted):
        name = _short_name(element.tag)
        if name == "item":
            fields = _wp(element)
            if fields.get("wp:post_type") == "attachment" and fields.get("wp:post_id"):
                url = fields.get("wp:attachment_url") or fields.get("guid", "")
                site.attachments[fields["wp:post_id"]] = url
        elif name == "wp:author":
            fields = _wp(element)
            login = fields.get("wp:author_login", "")
            site.authors[login] = fields.get("wp:author_display_name") or login
        elif name == "link":
            site.link = (element.text or "").strip()
        elif name == "wp:base_blog_url":
            base_blog = (element.text or "").strip()
        elif name == "wp:base_site_url":
            base_site = (element.text or "").strip()
    site.base_url = (base_blog or site.link or base_site).rstrip("/")
    return site


WXR_SKIPPED_STATUSES = ("trash", "auto-draft", "inherit")


def _wxr_posts(path):
    site = _wxr_site(path)
    images = LocalImages(path.parent)
    unique = _unique_keys()
    for element in _elements(path, lambda element, parent: element.tag == "item"):
        fields = _wp(element)
        post_type = fields.get("wp:post_type") or "post"
        label = _("%(export)s, %(type)s %(id)s “%(title)s”") % {
            "export": path.name,
            "type": post_type,
            "id": fields.get("wp:post_id", "?"),
            "title": plain(fields.get("title", ""))[:60],
        }
        if post_type != "post":
            yield Skipped(label=label, skipped=post_type)
            continue
        if fields.get("wp:status") in WXR_SKIPPED_STATUSES:
            yield Skipped(label=label, skipped=f"post ({fields['wp:status']})")
            continue
        categories, tags = [], []
        for category in element.findall("category"):
            name = plain(category.text or "")
            nicename = unquote(category.get("nicename") or "") or slugify(name)
            if not name or (
                category.get("domain") != "post_tag"
                and nicename == WORDPRESS_NO_CATEGORY
            ):
                continue
            if category.get("domain") == "post_tag":
                tags.append((name, nicename))
            elif category.get("domain", "category") == "category":
                categories.append((name, nicename))
        comments = sum(1 for child in element if _short_name(child.tag) == "wp:comment")
        post = _WxrPost(
            fields, _postmeta(element), categories, tags, site, images, path.name
        )
        post.source_key = unique(post.key())
        yield SourcePost(label=post.label, parse=post.parse)
        for _n in range(comments):
            yield Skipped(label=post.label, skipped="comment")


class _WxrPost:
    def __init__(self, fields, meta, categories, tags, site, images, export_name):
        self.fields = fields
        self.meta = meta
        self.categories = categories
        self.tags = tags
        self.site = site
        self.author = site.authors.get(
            fields.get("dc:creator", ""), fields.get("dc:creator", "")
        )
        self.images = images
        self.source_key = ""
        self.label = _("%(export)s, tulisan %(id)s “%(title)s”") % {
            "export": export_name,
            "id": fields.get("wp:post_id", "?"),
            "title": plain(fields.get("title", ""))[:60],
        }

    def key(self):
        """The post's id on its site: a GUID is not unique (WordPress copies it)."""
        fields = self.fields
        post_id = fields.get("wp:post_id", "")
        if post_id:
            return f"wxr:{self.site.base_url}/?p={post_id}"[:250]
        return f"wxr:{fields.get('guid') or fields.get('link') or self.label}"[:250]

    def base_url(self):
        link = self.fields.get("link", "")
        if urlsplit(link).scheme in ("http", "https"):
            return link
        return f"{self.site.base_url}/" if self.site.base_url else ""

    def parse(self):
        fields = self.fields
        title = plain(fields.get("title", ""))
        article = _post_html(
            fields.get("content:encoded", ""), self.images, self.base_url()
        )
        _titled(article, title)
        article.slug = unquote(fields.get("wp:post_name", ""))
        status = fields.get("wp:status")
        # A private post was for its writer only; a scheduled one goes live at its
        # date (importer.saving schedules it when that date is still to come).
        article.status = "published" if status in ("publish", "future") else "draft"
        article.password = fields.get("wp:post_password", "")
        article.featured = fields.get("wp:is_sticky", "0") == "1"
        article.excerpt = _plain_excerpt(fields.get("excerpt:encoded", ""))
        gmt = fields.get("wp:post_date_gmt", "")
        if gmt and not gmt.startswith("0000"):
            moment = parse_when(gmt)
            article.published_at = moment and moment.replace(tzinfo=UTC)
        else:
            article.published_at = parse_when(fields.get("wp:post_date", ""))
        article.categories = [name for name, _slug in self.categories]
        article.tags = [name for name, _slug in self.tags]
        article.author = self.author
        article.source_key = self.source_key
        article.hero_image = self._featured_image(article)
        article.old_urls = self._old_urls(article)
        article.old_term_urls = self._old_term_urls()
        self.images.take_refusals(article)
        return article

    def _featured_image(self, article):
        thumbnail = (self.meta.get("_thumbnail_id") or "").strip()
        url = self.site.attachments.get(thumbnail)
        if not url:
            return None
        image = self.images.loader()(url, "")
        if image is None:
            article.warnings.append(
                _("Gambar utama tidak ditemukan dan dilewati: %(name)s")
                % {"name": url.rsplit("/", 1)[-1][:80]}
            )
        return image

    def _old_urls(self, article):
        """Every address WordPress answered for this post, whatever its permalinks."""
        fields = self.fields
        post_id = fields.get("wp:post_id", "")
        urls = [_path_of(fields.get("link", ""))]
        if post_id:
            urls.append(f"/?p={post_id}")
        slug = article.slug
        day = parse_when(fields.get("wp:post_date", ""))
        if slug and fields.get("wp:status") in ("publish", "future"):
            if day is not None:
                urls += [
                    f"/{day:%Y/%m/%d}/{slug}/",
                    f"/{day:%Y/%m}/{slug}/",
                ]
            urls.append(f"/{slug}/")
            if post_id:
                urls.append(f"/archives/{post_id}/")
        return [u for u in dict.fromkeys(urls) if u and u != "/"]

    def _old_term_urls(self):
        """(old path, "category" or "tag", name): the blog's term pages and feeds."""
        terms = []
        for index, (name, nicename) in enumerate(self.categories):
            kind = "category" if index == 0 else "tag"
            terms += [
                (f"/category/{nicename}/", kind, name),
                (f"/category/{nicename}/feed/", f"{kind}_feed", name),
            ]
        for name, nicename in self.tags:
            terms += [
                (f"/tag/{nicename}/", "tag", name),
                (f"/tag/{nicename}/feed/", "tag_feed", name),
            ]
        terms.append(("/feed/", "feed", ""))
        return terms


IMG_SRC = re.compile(r"<img\b[^>]*\bsrc\s*=\s*[\"']?([^\"'\s>]+)", re.IGNORECASE)


def _post_html(html, images, base_url):
    """A post's body; a post with nothing to read fails saying what it held."""
    try:
        return parse_html(
            html, title_line=False, image_loader=images.loader(), base_url=base_url
        )
    except UnreadableText as exc:
        missing = [
            unquote(urlsplit(src).path).rsplit("/", 1)[-1][:60]
            for src in IMG_SRC.findall(html or "")
        ]
        if missing:
            raise UnreadableText(
                _(
                    "Tulisan ini tidak berisi teks, hanya gambar yang tidak ada di "
                    "folder ekspor: %(names)s. Taruh berkas gambarnya di samping "
                    "ekspor, lalu impor lagi."
                )
                % {"names": ", ".join(dict.fromkeys(missing))}
            ) from exc
        raise UnreadableText(
            _("Tulisan ini kosong: tidak ada teks yang bisa dijadikan artikel.")
        ) from exc


def _titled(article, title):
    if title:
        article.title = title
    else:
        propose_title(article)


# --- Blogger


def _blogger_kind(entry):
    for category in entry.findall(f"{ATOM}category"):
        if category.get("scheme") == BLOGGER_KIND_SCHEME:
            term = category.get("term", "")
            if term.startswith(BLOGGER_KIND):
                return term[len(BLOGGER_KIND) :]
    blogger_type = _text(entry, f"{BLOGGER}type")
    return blogger_type.lower() if blogger_type else "other"


def _blogger_posts(path):
    images = LocalImages(path.parent)
    blog_link = ""
    for element in _elements(
        path,
        lambda element, parent: (
            element.tag == f"{ATOM}entry"
            or (parent is not None and parent.tag == f"{ATOM}feed")
        ),
    ):
        if element.tag == f"{ATOM}link":
            if element.get("rel") == "alternate" and not blog_link:
                blog_link = element.get("href", "")
            continue
        if element.tag != f"{ATOM}entry":
            continue
        kind = _blogger_kind(element)
        title = plain(_text(element, f"{ATOM}title"))[:60]
        if kind != "post":
            label = _("%(export)s, %(type)s “%(title)s”") % {
                "export": path.name,
                "type": kind,
                "title": title,
            }
            yield Skipped(label=label, skipped=kind)
            continue
        post = _BloggerPost(element, images, path.name, blog_link)
        yield SourcePost(label=post.label, parse=post.parse)


class _BloggerPost:
    def __init__(self, entry, images, export_name, blog_link):
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
        links = [
            link.get("href", "")
            for link in entry.findall(f"{ATOM}link")
            if link.get("rel") == "alternate"
        ]
        self.link = links[0] if links else ""
        self.blog_link = blog_link
        filename = _text(entry, f"{BLOGGER}filename")
        self.old_urls = [p for p in (_path_of(filename), *map(_path_of, links)) if p]
        self.images = images
        self.label = _("%(export)s, tulisan “%(title)s”") % {
            "export": export_name,
            "title": self.title[:60],
        }

    def parse(self):
        article = _post_html(self.content, self.images, self.link or self.blog_link)
        _titled(article, self.title)
        article.status = self.status
        article.published_at = parse_when(self.published)
        # Blogger has labels only: the first is the category, as WordPress's is.
        article.categories = self.labels[:1]
        article.tags = self.labels[1:]
        article.author = "" if self.author in ("Unknown", "Anonymous") else self.author
        article.source_key = f"blogger:{self.id}"[:255]
        article.old_urls = list(dict.fromkeys(u for u in self.old_urls if u != "/"))
        article.slug = (
            Path(urlsplit(self.old_urls[0]).path).stem if self.old_urls else ""
        )
        article.old_term_urls = [
            (
                f"/search/label/{label}",
                "category" if index == 0 else "tag",
                label,
            )
            for index, label in enumerate(self.labels)
        ] + [("/feeds/posts/default", "feed", "")]
        self.images.take_refusals(article)
        return article


# --- Files and folders (Jekyll, Hugo, plain)


def _folder_files(root):
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.lower().endswith(FILE_SUFFIXES) and not name.startswith("."):
                yield Path(folder) / name


def _folder_posts(root):
    resolved_root = root.resolve()
    unique = _unique_keys()
    for path in _folder_files(root):
        relative = path.relative_to(root)
        if not path.resolve().is_relative_to(resolved_root):
            warning = _(
                "%(path)s menunjuk ke luar folder yang diimpor (tautan simbolik) "
                "dan tidak diimpor."
            ) % {"path": path}
            yield Skipped(label=str(path), skipped="symlink", warning=warning)
            continue
        if path.name.lower() in ("_index.md", "_index.markdown"):
            # A Hugo section's list page, not a post.
            yield Skipped(label=str(path), skipped="hugo _index")
            continue
        if not _is_site_post(root, relative):
            yield Skipped(label=str(path), skipped="page")
            continue
        key = unique(f"file:{root.name}/{relative.as_posix()}")
        yield _file_post(path, root, key=key)


def _is_site_post(root, relative):
    """Whether a file of a Jekyll or Hugo site is a post rather than a page.

    A Jekyll site (it has _posts/) keeps its posts in _posts/ and _drafts/; the
    rest (about.md, README.md) are pages. A Hugo site (content/ beside its config)
    keeps posts in a section folder under content/; content/about.md is a page.
    Any other folder is a folder of posts.
    """
    root = Path(root)
    parts = relative.parts
    if (root / "_posts").is_dir():
        return parts[0] in ("_posts", "_drafts")
    if (root / "content").is_dir() and any(
        (root / name).is_file()
        for name in ("hugo.toml", "hugo.yaml", "config.toml", "config.yaml")
    ):
        return len(parts) >= 3 and parts[0] == "content"
    return True


def _file_post(path, root, *, key, title=None):
    def parse():
        if not path.resolve().is_relative_to(Path(root).resolve()):
            raise UnreadableText(
                _("%(path)s menunjuk ke luar folder yang diimpor.") % {"path": path}
            )
        if path.stat().st_size > MAX_UPLOAD_BYTES:
            raise UnreadableText(_("Berkas terlalu besar."))
        data = path.read_bytes()
        images = LocalImages(root)
        if path.suffix.lower() in (".md", ".markdown"):
            loader = images.loader(base=path.parent)
            article = parse_markdown(decode_text(data), image_loader=loader)
            images.take_refusals(article)
            _from_file_name(article, path, root)
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


def _from_file_name(article, path, root):
    """Jekyll's and Hugo's rules: date and slug from the name, drafts by folder."""
    relative = path.relative_to(root)
    folders = list(relative.parts[:-1])
    stem = path.stem
    if stem == "index" and folders:
        stem = folders.pop()  # a Hugo page bundle: posts/judul/index.md
    dated = DATED_NAME.match(stem)
    name_slug = dated["slug"] if dated else stem
    if dated and not article.published_at:
        article.published_at = parse_when(dated["date"])
    if not article.slug:
        article.slug = slugify(name_slug)
    if "_drafts" in relative.parts:
        article.status = "draft"
    slug = article.slug or slugify(name_slug)
    urls = []
    if dated:
        # Jekyll: /:categories/:year/:month/:day/:title.html, or .../:title/.
        day = dated["date"].replace("-", "/")
        prefixes = [""]
        if article.categories:
            prefixes.append(
                "/" + "/".join(slugify(c) for c in article.categories if slugify(c))
            )
        for prefix in prefixes:
            urls += [f"{prefix}/{day}/{name_slug}.html", f"{prefix}/{day}/{name_slug}/"]
    else:
        # Hugo: /<section>/<slug>/, the section being the folder under content/.
        section = [f for f in folders if f not in ("content", "_posts")]
        if not section and Path(root).name not in ("content", "_posts"):
            section = [Path(root).name]
        if section:
            urls.append(f"/{section[0]}/{slug}/")
    for url in urls:
        if url not in article.old_urls:
            article.old_urls.append(url)
