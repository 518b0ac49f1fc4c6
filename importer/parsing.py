"""How a pasted text, a Markdown or Word file, or an old blog post becomes an article.

Pure: no database. The admin's "Kirim tulisan" view and `import_articles` share these
rules; the heading rules that the page editor's paste follows too live in
blog.text_structure and are used from there.

Every reader turns its input into `Line`s (a paragraph, a heading, a list item or an
image, with sanitised inline HTML), and `_build` makes the article out of them: the
title, the credit lines and the writer's block at the end, headings, lists, body.
"""

import io
import re
import tomllib
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from html import escape
from urllib.parse import urljoin

from django.utils.dateparse import parse_date, parse_datetime
from django.utils.text import Truncator
from django.utils.timezone import is_naive, make_aware
from django.utils.translation import gettext as _

import yaml
from bs4 import BeautifulSoup, Comment, NavigableString

from blog.models import ArticleCredit
from blog.text_structure import (
    HEADING_TAGS,
    NUMBER_PREFIX,
    NUMBERED_LINE,
    heading_from_numbered_line,
    looks_like_heading,
    plain,
)
from contributors.identity import normalise_name

from .endings import credit_line, take_ending

Role = ArticleCredit.Role

# An article is a few thousand words; this is far beyond any, and refuses a 5 MB paste
# before any rule runs over it.
MAX_TEXT_CHARS = 300_000
MAX_UPLOAD_BYTES = 15 * 1024 * 1024
# A .docx is a zip: refuse before unpacking what would grow past these.
MAX_DOCX_UNPACKED_BYTES = 80 * 1024 * 1024
MAX_DOCX_MEMBERS = 2_000
MAX_DOCX_RATIO = 150
MAX_IMAGE_BYTES = 10 * 1024 * 1024
MAX_TITLE_CHARS = 150
PROPOSED_TITLE_CHARS = 80
MAX_TOP_CREDITS = 4
HEADING_MAX_CHARS = 120

UPLOAD_EXTENSIONS = (".txt", ".md", ".markdown", ".docx")

BULLET_LINE = re.compile(r"^[-*•·▪–]\s+(?P<text>\S.*)$")
MARKDOWN_HEADING = re.compile(r"^(?P<hashes>#{1,6})\s+(?P<text>\S.*?)\s*#*$")
RULE_LINE = re.compile(r"^[-*_=~•·]{3,}$")
# WhatsApp's own marks: *tebal* and _miring_.
WHATSAPP_BOLD = re.compile(r"(?<![\w*])\*(?=\S)(?P<text>[^*\n]+?)(?<=\S)\*(?![\w*])")
WHATSAPP_ITALIC = re.compile(r"(?<![\w_])_(?=\S)(?P<text>[^_\n]+?)(?<=\S)_(?![\w_])")
BARE_URL = re.compile(r"(?P<url>https?://[^\s<>\"']+[^\s<>\"'.,;:!?)])")
HTML_TAG = re.compile(
    r"</?(?:p|div|br|h[1-6]|ul|ol|li|script|style|b|strong|i|em|a|span|img|iframe"
    r"|table|blockquote|html|body)\b",
    re.IGNORECASE,
)
# Elements whose content is never text to keep.
DROPPED_TAGS = {
    "script",
    "style",
    "iframe",
    "object",
    "embed",
    "noscript",
    "template",
    "svg",
    "math",
    "form",
    "input",
    "button",
    "select",
    "textarea",
    "head",
    "title",
    "meta",
    "link",
    "video",
    "audio",
    "canvas",
}
BLOCK_TAGS = {
    "p",
    "div",
    "section",
    "article",
    "blockquote",
    "pre",
    "figure",
    "figcaption",
    "table",
    "thead",
    "tbody",
    "tr",
    "td",
    "th",
    "header",
    "footer",
    "main",
    "aside",
    "nav",
    "dl",
    "dt",
    "dd",
    "address",
    "center",
    "body",
    "html",
}
SAFE_LINK_SCHEMES = ("http://", "https://", "mailto:")


class UnreadableText(ValueError):
    """Input that cannot become an article; str(exc) is said to the person."""


@dataclass
class ParsedCredit:
    role: str  # a blog.models.ArticleCredit.Role value
    name: str


@dataclass
class ParsedImage:
    filename: str
    data: bytes = field(repr=False)
    alt_text: str = ""


@dataclass
class ParsedArticle:
    """An article as understood, before anything is saved.

    `body` is raw StreamField data for ArticlePage.body. An image block's value is
    {"image": None, "caption": "", "image_index": i}: `images[i]` is saved as a Wagtail
    image by importer.saving, which puts its id in "image".
    """

    title: str = ""
    title_proposed: bool = False
    body: list = field(default_factory=list)
    credits: list[ParsedCredit] = field(default_factory=list)
    writer_name: str = ""
    writer_bio: str = ""
    images: list[ParsedImage] = field(default_factory=list)
    slug: str = ""
    published_at: datetime | None = None
    status: str = "draft"  # "draft" or "published", as in the source
    categories: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    author: str = ""
    source_key: str = ""
    old_urls: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # From old blogs' exports (importer.sources): the summary the blog showed,
    # a post kept behind a password, a post pinned to the front, its featured image.
    excerpt: str = ""
    password: str = ""
    featured: bool = False
    hero_image: ParsedImage | None = None
    # (old path, "category" | "tag" | "category_feed" | "tag_feed" | "feed", name)
    old_term_urls: list = field(default_factory=list)
    # The writer numbered her sections ("1. …", "2. …"): the numbers are shown by the
    # article (ArticlePage.ordered_sections), not typed into the headings.
    ordered_sections: bool = False


@dataclass
class Line:
    """One line of the source: "p", "h2", "h3", "ul", "ol" or "image"."""

    kind: str
    html: str = ""
    text: str = ""
    bold_only: bool = False
    image_index: int | None = None
    numbered: bool = False  # a heading she typed a number before


# --- Entry points


def parse_text(text):
    """A pasted or plain-text article (WhatsApp, Google Docs, e-mail)."""
    text = _checked(text)
    if HTML_TAG.search(text):
        return parse_html(text)
    return _build([_text_line(line) for line in text.splitlines()])


def parse_markdown(text, *, image_loader=None):
    """A Markdown article, with optional front matter (title, date, tags, …)."""
    text = _checked(text)
    meta, body = split_front_matter(text)
    from markdown_it import MarkdownIt

    html = MarkdownIt("commonmark", {"html": True}).render(body)
    article = _from_html(
        html,
        title_line=not meta.get("title"),
        image_loader=image_loader,
        newlines_break=False,
    )
    apply_front_matter(article, meta)
    return article


def parse_html(html, *, title_line=True, image_loader=None, base_url=""):
    """An HTML body (an old blog's post, a paste that brought markup), sanitised.

    `title_line`: whether the first line may be the title (a post's title is given
    apart from its body). `image_loader(src, alt)` returns a ParsedImage for an <img>
    or None; without it images are left out. `base_url`: the old blog's address,
    which relative links are resolved against (without it they are dropped).
    """
    html = _checked(html)
    return _from_html(
        html, title_line=title_line, image_loader=image_loader, base_url=base_url
    )


def parse_docx(data):
    """A Word document: styles, bold, italic, links, lists and images."""
    document = _open_docx(data)
    reader = _DocxReader(document)
    return _build(reader.lines(), images=reader.images)


def parse_upload(filename, data):
    """An uploaded .txt, .md or .docx file."""
    name = (filename or "").lower()
    if len(data) > MAX_UPLOAD_BYTES:
        raise UnreadableText(
            _("Berkas terlalu besar. Batasnya %(mb)s MB.")
            % {"mb": MAX_UPLOAD_BYTES // (1024 * 1024)}
        )
    if name.endswith(".docx"):
        return parse_docx(data)
    if name.endswith(".doc"):
        raise UnreadableText(
            _(
                "Berkas .doc (Word lama) belum bisa dibaca. Buka di Word atau Google "
                "Docs, simpan sebagai .docx, lalu unggah lagi."
            )
        )
    if not name.endswith(UPLOAD_EXTENSIONS):
        raise UnreadableText(
            _("Jenis berkas ini tidak didukung. Unggah berkas .docx, .md atau .txt.")
        )
    text = decode_text(data)
    if name.endswith((".md", ".markdown")):
        return parse_markdown(text)
    return parse_text(text)


def decode_text(data):
    """UTF-8 (with or without BOM), else Windows-1252, else Latin-1."""
    if b"\x00" in data[:4096]:
        raise UnreadableText(
            _("Berkas ini bukan teks biasa. Unggah berkas .docx, .md atau .txt.")
        )
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


# --- Checks


def _checked(text):
    if text is None or not text.strip():
        raise UnreadableText(_("Teksnya kosong. Tempel atau unggah tulisanmu."))
    if len(text) > MAX_TEXT_CHARS:
        raise UnreadableText(
            _(
                "Teksnya terlalu panjang (lebih dari %(max)s karakter). Kirim satu "
                "tulisan saja setiap kali."
            )
            % {"max": f"{MAX_TEXT_CHARS:,}".replace(",", ".")}
        )
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _corrupt_docx():
    return UnreadableText(
        _(
            "Berkas .docx ini rusak atau tidak bisa dibaca. Buka di Word atau Google "
            "Docs, simpan ulang sebagai .docx, lalu unggah lagi."
        )
    )


def _open_docx(data):
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        # An encrypted Office file is an OLE container, not a zip.
        raise UnreadableText(
            _(
                "Berkas .docx ini dilindungi kata sandi. Buka di Word, hapus kata "
                "sandinya, simpan, lalu unggah lagi."
            )
        )
    if len(data) > MAX_UPLOAD_BYTES:
        raise UnreadableText(
            _("Berkas terlalu besar. Batasnya %(mb)s MB.")
            % {"mb": MAX_UPLOAD_BYTES // (1024 * 1024)}
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise _corrupt_docx() from exc
    unpacked = sum(member.file_size for member in members)
    if (
        len(members) > MAX_DOCX_MEMBERS
        or unpacked > MAX_DOCX_UNPACKED_BYTES
        or any(
            member.file_size > 1024 * 1024
            and member.file_size > MAX_DOCX_RATIO * max(member.compress_size, 1)
            for member in members
        )
    ):
        raise UnreadableText(
            _(
                "Isi berkas .docx ini jauh lebih besar dari berkasnya sendiri dan tidak "
                "dibuka demi keamanan. Simpan ulang dokumennya, lalu unggah lagi."
            )
        )
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        return docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise _corrupt_docx() from exc
    except Exception as exc:
        raise _corrupt_docx() from exc


# --- Lines from plain text


def _inline_text(text):
    """Escaped text with WhatsApp bold/italic and bare links made markup."""
    html = escape(text, quote=False)
    html = WHATSAPP_BOLD.sub(r"<b>\g<text></b>", html)
    html = WHATSAPP_ITALIC.sub(r"<i>\g<text></i>", html)
    return BARE_URL.sub(lambda m: f'<a href="{m["url"]}">{m["url"]}</a>', html)


def _text_line(raw):
    text = plain(raw)
    if not text or RULE_LINE.match(text):
        return None
    heading = MARKDOWN_HEADING.match(text)
    if heading:
        level = "h3" if len(heading["hashes"]) >= 3 else "h2"
        return Line(level, escape(heading["text"], quote=False), heading["text"])
    bullet = BULLET_LINE.match(text)
    if bullet:
        return Line("ul", _inline_text(bullet["text"]), bullet["text"])
    html = _inline_text(text)
    line = Line("p", html, _plain_of(html))
    line.bold_only = _is_bold_only(html)
    line.text = _plain_of(html)
    return line


def _plain_of(html):
    return plain(BeautifulSoup(html, "html.parser").get_text(" "))


def _is_bold_only(html):
    soup = BeautifulSoup(html, "html.parser")
    whole = plain(soup.get_text(""))
    bold = plain("".join(tag.get_text("") for tag in soup.find_all("b")))
    return bool(whole) and bold == whole


# --- Lines from HTML


def _safe_href(href):
    href = (href or "").strip()
    if href.lower().startswith(SAFE_LINK_SCHEMES):
        return href
    return None


def _resolved_href(href, base_url):
    """(href to keep or None, warning or None): a relative link made absolute."""
    href = (href or "").strip()
    if not href or href.startswith("#") or _safe_href(href):
        return _safe_href(href), None
    if ":" in href.split("/", 1)[0]:
        return None, None  # javascript:, data:, … : never a link
    absolute = urljoin(base_url, href) if base_url else ""
    if _safe_href(absolute):
        return absolute, None
    return None, _(
        "Tautan relatif dibuang (alamat blog lama tidak diketahui): %(href)s"
    ) % {"href": href[:80]}


class _HtmlReader:
    """Walks an HTML tree into Lines, keeping bold, italic and safe links only."""

    def __init__(self, image_loader=None, newlines_break=True, base_url=""):
        self.image_loader = image_loader
        self.base_url = base_url
        self.newlines_break = newlines_break
        self.lines = []
        self.images = []
        self.warnings = []
        self.buffer = []

    def read(self, html):
        soup = BeautifulSoup(html, "html.parser")
        self.walk(soup, "p", in_block=False)
        self.flush("p")
        return self.lines

    def flush(self, kind):
        fragment = "".join(self.buffer)
        self.buffer = []
        # Re-serialised, so a bold run cut by a line break is closed on both sides.
        html = str(BeautifulSoup(fragment, "html.parser")).strip()
        html = re.sub(r"\s+", " ", html)
        text = _plain_of(html) if html else ""
        if not text or RULE_LINE.match(text):
            return
        self.lines.append(Line(kind, html, text, bold_only=_is_bold_only(html)))

    def walk(self, node, kind, in_block):
        for child in node.children:
            if isinstance(child, Comment) or (
                isinstance(child, NavigableString)
                and type(child) is not NavigableString
            ):
                continue  # comments, CDATA, doctypes, processing instructions
            if isinstance(child, NavigableString):
                self.text(str(child), kind, in_block)
                continue
            name = child.name.lower()
            if name in DROPPED_TAGS:
                continue
            if name == "br":
                self.flush(kind)
            elif name == "img":
                self.flush(kind)
                self.image(child)
            elif name == "hr":
                self.flush(kind)
            elif name in ("ul", "ol"):
                self.flush(kind)
                self.walk(child, name, in_block=True)
                self.flush(name)
            elif name == "li":
                item_kind = kind if kind in ("ul", "ol") else "ul"
                self.flush(kind)
                self.walk(child, item_kind, in_block=True)
                self.flush(item_kind)
            elif name in HEADING_TAGS:
                self.flush(kind)
                self.walk(child, "h3" if HEADING_TAGS[name] == "h3" else "h2", True)
                self.flush("h3" if HEADING_TAGS[name] == "h3" else "h2")
            elif name in BLOCK_TAGS:
                self.flush(kind)
                self.walk(child, kind if kind in ("ul", "ol") else "p", in_block=True)
                self.flush(kind if kind in ("ul", "ol") else "p")
            elif name in ("b", "strong"):
                self.wrap(child, "<b>", "</b>", kind, in_block)
            elif name in ("i", "em"):
                self.wrap(child, "<i>", "</i>", kind, in_block)
            elif name == "a" and self.href(child.get("href")):
                href = escape(self.href(child.get("href")), quote=True)
                self.wrap(child, f'<a href="{href}">', "</a>", kind, in_block)
            else:
                self.walk(child, kind, in_block)

    def href(self, href):
        resolved, warning = _resolved_href(href, self.base_url)
        if warning and warning not in self.warnings:
            self.warnings.append(warning)
        return resolved

    def wrap(self, node, opening, closing, kind, in_block):
        self.buffer.append(opening)
        self.walk(node, kind, in_block)
        self.buffer.append(closing)

    def text(self, text, kind, in_block):
        if self.newlines_break and not in_block:
            # A classic WordPress body: a blank line between paragraphs, a newline
            # within one (wpautop makes them <p> and <br>).
            parts = text.split("\n")
        else:
            parts = [text.replace("\n", " ")]
        for index, part in enumerate(parts):
            if index:
                self.flush(kind)
            self.buffer.append(escape(part, quote=False))

    def image(self, tag):
        src = (tag.get("src") or "").strip()
        alt = plain(tag.get("alt") or "")
        loaded = self.image_loader(src, alt) if self.image_loader and src else None
        if loaded is None:
            if src:
                self.warnings.append(
                    _("Gambar tidak ditemukan dan dilewati: %(name)s")
                    % {"name": src.rsplit("/", 1)[-1][:80]}
                )
            return
        self.images.append(loaded)
        self.lines.append(Line("image", image_index=len(self.images) - 1))


def _from_html(
    html, *, title_line=True, image_loader=None, newlines_break=True, base_url=""
):
    reader = _HtmlReader(image_loader, newlines_break=newlines_break, base_url=base_url)
    lines = reader.read(html)
    article = _build(lines, images=reader.images, title_line=title_line)
    article.warnings[:0] = reader.warnings
    return article


# --- Lines from a .docx


class _DocxReader:
    def __init__(self, document):
        self.document = document
        self.images = []
        self._numbering_formats = self._read_numbering()

    def _read_numbering(self):
        """numId -> {level: "ol" | "ul"} from the numbering part, if any."""
        formats = {}
        try:
            numbering = self.document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return formats
        abstract = {}
        for node in numbering.findall(_w("abstractNum")):
            levels = {}
            for level in node.findall(_w("lvl")):
                fmt = level.find(_w("numFmt"))
                fmt = fmt.get(_w("val")) if fmt is not None else None
                levels[level.get(_w("ilvl"))] = (
                    "ul" if fmt in (None, "bullet", "none") else "ol"
                )
            abstract[node.get(_w("abstractNumId"))] = levels
        for node in numbering.findall(_w("num")):
            ref = node.find(_w("abstractNumId"))
            if ref is not None:
                formats[node.get(_w("numId"))] = abstract.get(ref.get(_w("val")), {})
        return formats

    def lines(self):
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        for block in self.document.iter_inner_content():
            if isinstance(block, Paragraph):
                yield from self.paragraph_lines(block)
            elif isinstance(block, Table):
                for row in block.rows:
                    for cell in row.cells:
                        for paragraph in cell.paragraphs:
                            yield from self.paragraph_lines(paragraph)

    def paragraph_kind(self, paragraph):
        style = (paragraph.style.name if paragraph.style is not None else "") or ""
        style = style.lower()
        if style == "title":
            return "h2"
        if style.startswith("heading"):
            level = re.sub(r"\D", "", style) or "1"
            return "h2" if level == "1" else "h3"
        num = paragraph._p.xpath("./w:pPr/w:numPr")
        if num:
            num_id = num[0].xpath("./w:numId/@w:val")
            ilvl = num[0].xpath("./w:ilvl/@w:val") or ["0"]
            if num_id and num_id[0] == "0":
                return "p"
            fmt = self._numbering_formats.get(num_id[0] if num_id else "", {})
            return fmt.get(ilvl[0], "ol" if "number" in style else "ul")
        if style.startswith("list number"):
            return "ol"
        if style.startswith("list"):
            return "ul"
        return "p"

    def paragraph_lines(self, paragraph):
        from docx.text.hyperlink import Hyperlink

        kind = self.paragraph_kind(paragraph)
        pieces = [[]]  # html pieces per line (a manual line break starts a new one)
        images = []
        for item in paragraph.iter_inner_content():
            if isinstance(item, Hyperlink):
                href = _safe_href(item.url)
                inner = "".join(self.run_html(run, pieces, images) for run in item.runs)
                pieces[-1].append(
                    f'<a href="{escape(href)}">{inner}</a>' if href else inner
                )
            else:
                # Called first: a line break inside the run starts a new piece.
                html = self.run_html(item, pieces, images)
                pieces[-1].append(html)
        for html in ("".join(part) for part in pieces):
            html = str(BeautifulSoup(html, "html.parser")).strip()
            text = _plain_of(html) if html else ""
            if text and not RULE_LINE.match(text):
                yield Line(kind, html, text, bold_only=_is_bold_only(html))
        for index in images:
            yield Line("image", image_index=index)

    def run_html(self, run, pieces, images):
        self.collect_images(run, images)
        parts = run.text.split("\n")
        out = []
        for index, part in enumerate(parts):
            if index:
                pieces[-1].append("".join(out))
                pieces.append([])
                out = []
            if not part:
                continue
            html = escape(part.replace("\t", " "), quote=False)
            if run.bold:
                html = f"<b>{html}</b>"
            if run.italic:
                html = f"<i>{html}</i>"
            out.append(html)
        return "".join(out)

    def collect_images(self, run, images):
        for rel_id in run._r.xpath(".//a:blip/@r:embed"):
            part = self.document.part.related_parts.get(rel_id)
            if part is None:
                continue
            blob = part.blob
            if len(blob) > MAX_IMAGE_BYTES:
                continue
            descriptions = run._r.xpath(".//wp:docPr/@descr")
            self.images.append(
                ParsedImage(
                    filename=str(part.partname).rsplit("/", 1)[-1],
                    data=blob,
                    alt_text=plain(descriptions[0]) if descriptions else "",
                )
            )
            images.append(len(self.images) - 1)


def _w(name):
    return "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}" + name


# --- Front matter

FRONT_MATTER_FENCES = {"---": ("---", "..."), "+++": ("+++",)}
DRAFT_STATUSES = ("draft", "private", "pending")


def split_front_matter(text):
    """({key: value}, body) for a text that may open with YAML `---` or TOML `+++`.

    Read by real parsers (PyYAML's safe_load, tomllib), so every list style, quoting
    and date that Jekyll and Hugo accept is read as they read it. A block that does
    not parse fails the post with the parser's reason rather than becoming its text.
    """
    text = text.lstrip("\ufeff")
    first, _newline, rest = text.partition("\n")
    fence = first.strip()
    if fence not in FRONT_MATTER_FENCES:
        return {}, text
    lines = rest.split("\n")
    closers = FRONT_MATTER_FENCES[fence]
    end = next((i for i, line in enumerate(lines) if line.strip() in closers), None)
    if end is None:
        return {}, text
    source = "\n".join(lines[:end])
    try:
        meta = yaml.safe_load(source) if fence == "---" else tomllib.loads(source)
    except (yaml.YAMLError, tomllib.TOMLDecodeError, ValueError) as exc:
        reason = " ".join(str(exc).split())[:200]
        raise UnreadableText(
            _("Bagian depan (front matter) tidak bisa dibaca: %(reason)s")
            % {"reason": reason}
        ) from exc
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise UnreadableText(
            _("Bagian depan (front matter) harus berisi pasangan nama: nilai.")
        )
    return {str(key).lower(): value for key, value in meta.items()}, "\n".join(
        lines[end + 1 :]
    )


def _as_list(value):
    """Names from a list (any YAML or TOML style) or a comma-separated string."""
    if value is None or value == "":
        return []
    values = value if isinstance(value, (list, tuple)) else str(value).split(",")
    return [plain(str(v)) for v in values if v is not None and plain(str(v))]


def _truthy(value):
    return value is True or str(value).strip().lower() in ("true", "yes", "1")


def _falsy(value):
    return value is False or str(value).strip().lower() in ("false", "no", "0")


def _person(value):
    """An author as Jekyll and Hugo write one: a name, a list, or {name: …}."""
    if isinstance(value, (list, tuple)):
        value = value[0] if value else ""
    if isinstance(value, dict):
        value = value.get("name") or value.get("display_name") or ""
    return plain(str(value or ""))


def parse_when(value):
    """An aware datetime from an ISO date or datetime string (or object), or None."""
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, date):
        moment = datetime(value.year, value.month, value.day)
    else:
        if not value or not str(value).strip():
            return None
        value = str(value).strip()
        value = value.replace(" ", "T", 1) if "T" not in value else value
        try:
            moment = parse_datetime(value)
            if moment is None:
                day = parse_date(value[:10])
                moment = datetime(day.year, day.month, day.day) if day else None
        except ValueError:
            return None
    if moment is not None and is_naive(moment):
        moment = make_aware(moment)
    return moment


def apply_front_matter(article, meta):
    if meta.get("title"):
        article.title = plain(str(meta["title"]))[:255]
        article.title_proposed = False
        article.warnings = [w for w in article.warnings if w != _proposed_warning()]
    article.slug = plain(str(meta.get("slug") or ""))
    article.published_at = parse_when(meta.get("date") or meta.get("publishdate"))
    article.categories = _as_list(meta.get("categories") or meta.get("category"))
    article.tags = _as_list(meta.get("tags"))
    article.author = _person(meta.get("author") or meta.get("authors"))
    for key in ("excerpt", "summary", "description"):
        if isinstance(meta.get(key), str) and plain(meta[key]):
            article.excerpt = plain(meta[key])
            break
    status = str(meta.get("status") or "").lower()
    draft = (
        _truthy(meta.get("draft"))
        or ("published" in meta and _falsy(meta.get("published")))
        or status in DRAFT_STATUSES
    )
    article.status = "draft" if draft else "published"
    for key in ("aliases", "redirect_from", "url", "permalink"):
        for url in _as_list(meta.get(key)):
            if url.startswith("/") and url not in article.old_urls:
                article.old_urls.append(url)


# --- The rules


def _proposed_warning():
    return _("Judul diambil dari kalimat pertama. Periksa dan perbaiki bila perlu.")


proposed_title_warning = _proposed_warning


def _credit_line(line):
    """[ParsedCredit] when the line is a credit line ("Ilustrator: Ans"), else None."""
    if line.kind != "p":
        return None
    found = credit_line(line.text)
    if found is None:
        return None
    return [ParsedCredit(role=c.role, name=c.name) for c in found]


def propose_title(article):
    """A title from the body's first sentence, flagged for the editor."""
    for block in article.body:
        if block["type"] == "paragraph":
            line = Line("p", block["value"], _plain_of(block["value"]))
            article.title = _proposed_title([line])
            break
    article.title_proposed = True
    article.warnings.append(_proposed_warning())


def _proposed_title(lines):
    for line in lines:
        if line.text:
            sentence = re.split(r"(?<=[.!?])\s", line.text, maxsplit=1)[0]
            return Truncator(sentence.rstrip(".")).chars(PROPOSED_TITLE_CHARS, "…")
    return ""


def _is_title_line(line, rest):
    return (
        line.kind in ("p", "h2", "h3")
        and 0 < len(line.text) <= MAX_TITLE_CHARS
        and not line.text.endswith((".", ",", ";", ":"))
        and bool(rest)
        and _credit_line(line) is None
        and not NUMBERED_LINE.match(line.text)
    )


def _build(lines, *, images=None, title_line=True):
    lines = [
        line
        for line in lines
        if line is not None and (line.text or line.kind == "image")
    ]
    article = ParsedArticle(images=list(images or []))
    if not any(line.text for line in lines):
        raise UnreadableText(
            _("Tidak ada isi tulisan yang bisa dibaca. Periksa teks atau berkasnya.")
        )
    if title_line:
        if _is_title_line(lines[0], lines[1:]):
            article.title = lines.pop(0).text
        else:
            article.title = _proposed_title(lines)
            article.title_proposed = True
            article.warnings.append(_proposed_warning())

    # A byline under the title ("Oleh: Ratna Sari", "Ilustrasi oleh Ans").
    credits = []
    while len(lines) > 1 and len(credits) < MAX_TOP_CREDITS:
        found = _credit_line(lines[0])
        if found is None:
            break
        credits.extend(found)
        lines.pop(0)
    ending = take_ending(lines)
    if ending is not None and min(ending.lines) > 0:
        for index in sorted(ending.lines, reverse=True):
            del lines[index]
        credits.extend(ParsedCredit(role=c.role, name=c.name) for c in ending.credits)
        article.writer_name = ending.writer_name
        article.writer_bio = ending.writer_bio
    article.credits = _unique_credits(credits)
    sections = _with_headings(lines)
    article.ordered_sections = _number_sections(sections)
    article.body = _body(sections)
    if not article.body:
        raise UnreadableText(
            _("Tidak ada isi tulisan yang bisa dibaca. Periksa teks atau berkasnya.")
        )
    return article


def _unique_credits(credits):
    seen, unique = set(), []
    for credit in credits:
        key = (credit.role, normalise_name(credit.name).lower())
        if key not in seen:
            seen.add(key)
            unique.append(credit)
    return unique


def _numbered(line):
    return line.kind == "p" and NUMBERED_LINE.match(line.text) is not None


def _with_headings(lines):
    """Numbered lines, short bold-only paragraphs → headings; numbered runs → lists."""
    result = []
    for index, line in enumerate(lines):
        if line.kind in ("h2", "h3"):
            numbered = heading_from_numbered_line(line.text)
            if numbered and line.kind == "h2":
                result.append(Line("h2", text=numbered, numbered=True))
            elif looks_like_heading(line.text) and len(line.text) <= HEADING_MAX_CHARS:
                result.append(Line(line.kind, text=line.text))
            else:
                result.append(Line("p", line.html, line.text))
            continue
        if _numbered(line):
            neighbours = [
                lines[i] for i in (index - 1, index + 1) if 0 <= i < len(lines)
            ]
            heading = heading_from_numbered_line(line.text) or _section_sentence(
                line, lines[index + 1 : index + 2]
            )
            if heading and not any(_numbered(other) for other in neighbours):
                result.append(Line("h2", text=heading, numbered=True))
            else:
                # One of a run of numbered lines: a numbered list, without its number.
                item = NUMBERED_LINE.match(line.text)["text"]
                html = re.sub(NUMBER_PREFIX, "", line.html)
                result.append(Line("ol", html or escape(item), item))
            continue
        if (
            line.kind == "p"
            and line.bold_only
            and len(line.text) <= HEADING_MAX_CHARS
            and looks_like_heading(line.text)
        ):
            result.append(Line("h2", text=line.text, bold_only=True))
            continue
        result.append(line)
    return result


def _section_sentence(line, following):
    """The heading of a numbered line that ends with a full stop and opens a section.

    "1. Jangan ragu meminta bantuan." followed by its paragraph is a section's
    heading written as a sentence; the stop goes with the number.
    """
    text = NUMBERED_LINE.match(line.text)["text"].rstrip()
    if not following or following[0].kind != "p" or _numbered(following[0]):
        return None
    if not text.endswith(".") or ". " in text or len(text) > HEADING_MAX_CHARS:
        return None
    return text.rstrip(".").rstrip() or None


def _number_sections(lines):
    """Whether the writer numbered her sections; then every section is one of them.

    Two or more section headings she typed a number before make the article's
    sections numbered (the reader sees 1., 2., … again). A bold line she did not
    number among them ("*Penutup*") stays a bold line, so the numbers shown are
    hers.
    """
    numbered = [line for line in lines if line.kind == "h2" and line.numbered]
    if len(numbered) < 2:
        return False
    for index, line in enumerate(lines):
        if line.kind == "h2" and not line.numbered and line.bold_only:
            lines[index] = Line(
                "p", f"<b>{escape(line.text, quote=False)}</b>", line.text
            )
    return True


def _body(lines):
    """StreamField data: paragraphs and lists between headings make one rich text."""
    body = []
    html = []
    list_kind = None

    def close_list():
        nonlocal list_kind
        if list_kind:
            html.append(f"</{list_kind}>")
            list_kind = None

    def flush():
        close_list()
        if html:
            body.append({"type": "paragraph", "value": "".join(html)})
            html.clear()

    for line in lines:
        if line.kind in ("h2", "h3"):
            flush()
            body.append(
                {
                    "type": "heading",
                    "value": {"text": line.text[:160], "level": line.kind},
                }
            )
        elif line.kind == "image":
            flush()
            body.append(
                {
                    "type": "image",
                    "value": {
                        "image": None,
                        "caption": "",
                        "image_index": line.image_index,
                    },
                }
            )
        elif line.kind in ("ul", "ol"):
            if list_kind != line.kind:
                close_list()
                html.append(f"<{line.kind}>")
                list_kind = line.kind
            html.append(f"<li>{line.html}</li>")
        else:
            close_list()
            html.append(f"<p>{line.html}</p>")
    flush()
    return body
