"""How a pasted text, a Markdown or Word file, or an old blog post becomes an article.

Pure: no database. The admin's "Kirim tulisan" view and `import_articles` share these
rules; the heading rules that the page editor's paste follows too live in
blog.text_structure and are used from there.

Every reader turns its input into `Line`s (a paragraph, a heading, a list item or an
image, with sanitised inline HTML), and `_build` makes the article out of them: the
title, the credit lines and the writer's block at the end, headings, lists, body.
"""

import re
import tomllib
from dataclasses import dataclass, field
from datetime import date, datetime
from html import escape
from urllib.parse import urljoin

from django.utils.dateparse import parse_date, parse_datetime
from django.utils.text import Truncator
from django.utils.timezone import is_naive, make_aware
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

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

from . import docx_reading
from .endings import credit_line, take_ending

Role = ArticleCredit.Role

# An article is a few thousand words; this is far beyond any, and refuses a 5 MB paste
# before any rule runs over it.
MAX_TEXT_CHARS = 300_000
MAX_UPLOAD_BYTES = 15 * 1024 * 1024
MAX_IMAGE_BYTES = 10 * 1024 * 1024
# Mammoth's HTML of a .docx carries markup around the text.
MAX_DOCX_HTML_CHARS = 4 * MAX_TEXT_CHARS
MAX_TABLE_ROWS = 500
MAX_TABLE_COLUMNS = 30
MAX_CELL_CHARS = 2_000
MAX_PRE_CHARS = 20_000
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
WHATSAPP_STRIKE = re.compile(r"(?<![\w~])~(?=\S)(?P<text>[^~\n]+?)(?<=\S)~(?![\w~])")
WHATSAPP_CODE = re.compile(r"```(?P<text>[^`\n]+?)```|(?<![\w`])`(?P<one>[^`\n]+?)`")
# WhatsApp's quote and the e-mail reply's mark.
QUOTE_LINE = re.compile(r"^>\s*(?P<text>\S.*)$")
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
# Inline markup kept, as the rich text editor's features store it.
INLINE_TAGS = {
    "b": "b",
    "strong": "b",
    "i": "i",
    "em": "i",
    "s": "s",
    "strike": "s",
    "del": "s",
    "sup": "sup",
    "sub": "sub",
    "code": "code",
    "kbd": "code",
    "samp": "code",
    "tt": "code",
}
IMAGE_SUFFIXES = {
    "image/png": ".png",
    "image/jpeg": ".jpg",
    "image/gif": ".gif",
    "image/webp": ".webp",
    "image/bmp": ".bmp",
    "image/tiff": ".tif",
    "image/heic": ".heic",
}


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
    """One line of the source: "p", "h2", "h3", "ul", "ol", "quote", "image",
    "table" (`data`: a table block's value) or "pre" (`text` kept as typed)."""

    kind: str
    html: str = ""
    text: str = ""
    bold_only: bool = False
    image_index: int | None = None
    numbered: bool = False  # a heading she typed a number before
    # A list item's nesting (0 at the top); whether a line break (not a new
    # paragraph) parts this line from the one before, as in a poem.
    depth: int = 0
    soft: bool = False
    data: dict | None = None


# --- Entry points


def parse_text(text):
    """A pasted or plain-text article (WhatsApp, Google Docs, e-mail)."""
    text = _checked(text)
    if HTML_TAG.search(text):
        return parse_html(text)
    return _build(_text_lines(text))


def _text_lines(text):
    """Lines of a plain text. Where blank lines part its paragraphs, a single newline
    inside one is a line break kept as such (a poem's lines, an address)."""
    raw_lines = text.splitlines()
    blank_parted = any(not line.strip() for line in raw_lines[1:-1])
    lines, previous_blank = [], True
    for raw in raw_lines:
        line = _text_line(raw)
        if line is not None and line.kind in ("p", "quote"):
            line.soft = blank_parted and not previous_blank
        lines.append(line)
        previous_blank = not raw.strip()
    return lines


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
    """A Word document, read by mammoth in a child process with a memory and time
    budget (importer.docx_reading): headings, lists, tables, links, quotes, text
    boxes, pictures; footnotes and endnotes become notes at the end of the article."""
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
        docx_reading.check_package(data)
        html, pictures, _messages = docx_reading.convert(data)
    except docx_reading.DocxRefused as exc:
        raise UnreadableText(str(exc)) from exc
    if len(html) > MAX_DOCX_HTML_CHARS:
        raise UnreadableText(
            _(
                "Teksnya terlalu panjang (lebih dari %(max)s karakter). Kirim satu "
                "tulisan saja setiap kali."
            )
            % {"max": f"{MAX_TEXT_CHARS:,}".replace(",", ".")}
        )
    return _from_docx_html(html, pictures)


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


# --- Lines from plain text


def _inline_text(text):
    """Escaped text with WhatsApp bold/italic and bare links made markup."""
    html = escape(text, quote=False)
    html = WHATSAPP_BOLD.sub(r"<b>\g<text></b>", html)
    html = WHATSAPP_ITALIC.sub(r"<i>\g<text></i>", html)
    html = WHATSAPP_STRIKE.sub(r"<s>\g<text></s>", html)
    html = WHATSAPP_CODE.sub(lambda m: f"<code>{m['text'] or m['one']}</code>", html)
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
        # Nested by indentation: a tab or two spaces a level.
        indent = raw[: len(raw) - len(raw.lstrip())].expandtabs(4)
        return Line(
            "ul",
            _inline_text(bullet["text"]),
            bullet["text"],
            depth=min(len(indent) // 2, 5),
        )
    quote = QUOTE_LINE.match(text)
    if quote:
        html = _inline_text(quote["text"])
        return Line("quote", html, _plain_of(html))
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
    """Walks an HTML tree into Lines, keeping the structure an article body can hold:
    bold, italic, strike-through, superscript, subscript, code, safe links; nested
    lists, block quotes, line breaks (poems), tables and preformatted text."""

    def __init__(self, image_loader=None, newlines_break=True, base_url=""):
        self.image_loader = image_loader
        self.base_url = base_url
        self.newlines_break = newlines_break
        self.lines = []
        self.images = []
        self.warnings = []
        self.buffer = []
        self.depth = -1  # nesting of the list being read; -1 outside any
        self.soft = False  # the next line follows a line break, not a new paragraph

    def read(self, html):
        soup = BeautifulSoup(html, "html.parser")
        self.walk(soup, "p", in_block=False)
        self.flush("p")
        return self.lines

    def flush(self, kind, *, line_break=False):
        fragment = "".join(self.buffer)
        self.buffer = []
        # Re-serialised, so a bold run cut by a line break is closed on both sides.
        html = str(BeautifulSoup(fragment, "html.parser")).strip()
        html = re.sub(r"\s+", " ", html)
        text = _plain_of(html) if html else ""
        if not text or RULE_LINE.match(text):
            # Two line breaks in a row part paragraphs, as they look on the page.
            self.soft = False
            return
        self.lines.append(
            Line(
                kind,
                html,
                text,
                bold_only=_is_bold_only(html),
                depth=max(self.depth, 0) if kind in ("ul", "ol") else 0,
                soft=self.soft,
            )
        )
        self.soft = line_break

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
                self.flush(kind, line_break=True)
            elif name == "img":
                self.flush(kind)
                self.image(child)
            elif name == "hr":
                self.flush(kind)
            elif name in ("ul", "ol"):
                self.flush(kind)
                self.depth += 1
                self.walk(child, name, in_block=True)
                self.flush(name)
                self.depth -= 1
            elif name == "li":
                item_kind = kind if kind in ("ul", "ol") else "ul"
                self.flush(kind)
                self.walk(child, item_kind, in_block=True)
                self.flush(item_kind)
            elif name in HEADING_TAGS:
                self.flush(kind)
                self.walk(child, "h3" if HEADING_TAGS[name] == "h3" else "h2", True)
                self.flush("h3" if HEADING_TAGS[name] == "h3" else "h2")
            elif name == "pre":
                self.flush(kind)
                self.preformatted(child)
            elif name == "table" and self.is_data_table(child):
                self.flush(kind)
                self.table(child)
            elif name == "blockquote":
                self.flush(kind)
                self.walk(child, "quote", in_block=True)
                self.flush("quote")
            elif name in BLOCK_TAGS:
                inner = kind if kind in ("ul", "ol", "quote") else "p"
                self.flush(kind)
                self.walk(child, inner, in_block=True)
                self.flush(inner)
            elif name in INLINE_TAGS:
                tag = INLINE_TAGS[name]
                self.wrap(child, f"<{tag}>", f"</{tag}>", kind, in_block)
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
                self.flush(kind, line_break=True)
            self.buffer.append(escape(part, quote=False))

    def preformatted(self, node):
        """Code, verse typed with spaces, ASCII tables: every space and line kept."""
        text = node.get_text("").expandtabs(4).strip("\n")
        text = "\n".join(line.rstrip() for line in text.split("\n"))
        if text.strip():
            self.lines.append(Line("pre", text=text[:MAX_PRE_CHARS]))
        self.soft = False

    @staticmethod
    def rows_of(table):
        """The table's own rows, not those of a table inside one of its cells."""
        return [
            row for row in table.find_all("tr") if row.find_parent("table") is table
        ]

    def is_data_table(self, table):
        """A table of data, not one that lays out a page (one cell, or pictures)."""
        rows = self.rows_of(table)
        cells = [
            cell for row in rows for cell in row.find_all(["td", "th"], recursive=False)
        ]
        filled = [cell for cell in cells if plain(cell.get_text(" "))]
        return (
            len(filled) >= 2
            and table.find("table") is None
            and table.find("img") is None
            and table.find(list(HEADING_TAGS)) is None
        )

    def table(self, table):
        rows, header_cells = [], []
        for row in self.rows_of(table)[:MAX_TABLE_ROWS]:
            cells = []
            for cell in row.find_all(["td", "th"], recursive=False):
                cells.append(_cell_text(cell))
                try:
                    span = int(cell.get("colspan") or 1)
                except ValueError:
                    span = 1
                cells.extend([""] * (min(span, MAX_TABLE_COLUMNS) - 1))
            rows.append(cells[:MAX_TABLE_COLUMNS])
            header_cells.append(
                [
                    cell.name == "th"
                    for cell in row.find_all(["td", "th"], recursive=False)
                ]
            )
        width = max(len(row) for row in rows)
        rows = [row + [""] * (width - len(row)) for row in rows]
        first_row = (
            bool(header_cells[0])
            and all(header_cells[0])
            or (
                table.find("thead") is not None
                and self.rows_of(table)[0].find_parent("thead") is not None
            )
        )
        body_rows = header_cells[1:] if first_row else header_cells
        first_col = bool(body_rows) and all(row and row[0] for row in body_rows)
        caption = table.find("caption")
        choice = {
            (True, True): "both",
            (True, False): "row",
            (False, True): "col",
            (False, False): "neither",
        }[(bool(first_row), bool(first_col))]
        value = {
            "data": rows,
            "first_row_is_table_header": bool(first_row),
            "first_col_is_header": bool(first_col),
            "table_header_choice": choice,
            "table_caption": plain(caption.get_text(" "))[:255] if caption else "",
            "cell": [],
            "mergeCells": [],
        }
        text = plain(" ".join(" ".join(row) for row in rows))
        self.lines.append(Line("table", text=text, data=value))
        self.soft = False

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


def _cell_text(cell):
    """A table cell as plain text, its paragraphs and line breaks as newlines."""
    for br in cell.find_all("br"):
        br.replace_with("\n")
    for block in cell.find_all(["p", "div", "li"]):
        block.insert_after("\n")
    lines = [plain(line) for line in cell.get_text("").split("\n")]
    return "\n".join(line for line in lines if line)[:MAX_CELL_CHARS]


def html_lines(html):
    """The Lines of an HTML fragment (a rich-text paragraph), as an import reads them."""
    return _HtmlReader().read(html)


def _from_html(
    html, *, title_line=True, image_loader=None, newlines_break=True, base_url=""
):
    reader = _HtmlReader(image_loader, newlines_break=newlines_break, base_url=base_url)
    lines = reader.read(html)
    article = _build(lines, images=reader.images, title_line=title_line)
    article.warnings[:0] = reader.warnings
    return article


# --- Lines from a .docx (its HTML, from importer.docx_reading)

NOTE_MARKER = re.compile(r"\s*\[\d{1,3}\]")
NOTE_ID = re.compile(r"^(?:footnote|endnote)-\d+$")
NOTE_BACKLINK = re.compile(r"^#(?:footnote|endnote)-ref-\d+$")


def _from_docx_html(html, pictures):
    """The article in mammoth's HTML; its footnotes and endnotes as notes at the end.

    `pictures`: per "serambi-image:N" source, (content type, bytes, alt) or None for a
    picture that is not in the file (a linked one).
    """
    soup = BeautifulSoup(html, "html.parser")
    notes = []
    for item in soup.find_all("li", id=NOTE_ID):
        for link in item.find_all("a", href=NOTE_BACKLINK):
            link.decompose()
        notes.append(item)
    for item in notes:
        parent = item.parent
        item.extract()
        if parent is not None and parent.name == "ol" and not parent.find("li"):
            parent.decompose()
    warnings = []

    def load(src, alt):
        if not src.startswith("serambi-image:"):
            return None
        try:
            picture = pictures[int(src.split(":", 1)[1])]
        except (ValueError, IndexError):
            return None
        if picture is None:
            return None
        content_type, data, picture_alt = picture
        if len(data) > MAX_IMAGE_BYTES:
            warnings.append(_("Gambar terlalu besar dan dilewati."))
            return None
        suffix = IMAGE_SUFFIXES.get(content_type.lower(), ".bin")
        index = src.split(":", 1)[1]
        return ParsedImage(
            filename=f"gambar-{int(index) + 1}{suffix}",
            data=data,
            alt_text=plain(alt or picture_alt or ""),
        )

    reader = _HtmlReader(load, newlines_break=False)
    lines = reader.read(str(soup))
    if not any(line.text for line in lines) and (reader.images or "<img" in html):
        raise UnreadableText(
            _(
                "Berkas Word ini hanya berisi gambar, tanpa teks. Tambahkan tulisannya, "
                "lalu kirim lagi."
            )
        )
    article = _build(lines, images=reader.images)
    article.warnings[:0] = [
        w for w in reader.warnings if "serambi-image:" not in w
    ] + warnings
    missing = sum(1 for w in reader.warnings if "serambi-image:" in w)
    if missing:
        article.warnings.insert(
            0,
            _(
                "%(count)s gambar hanya ditautkan dari luar berkas Word (tidak "
                "tersimpan di dalamnya) dan dilewati."
            )
            % {"count": missing},
        )
    if notes:
        article.body.extend(_notes_blocks(notes))
    return article


def _notes_blocks(items):
    """Footnotes and endnotes, in the order of their numbers in the text."""
    html = []
    for item in items:
        reader = _HtmlReader(newlines_break=False)
        lines = reader.read(item.decode_contents())
        inner = "<br/>".join(line.html for line in lines if line.html)
        html.append(f"<li>{inner}</li>")
    return [
        {
            "type": "heading",
            "value": {"text": pgettext("notes heading", "Catatan"), "level": "h2"},
        },
        {"type": "paragraph", "value": "<ol>" + "".join(html) + "</ol>"},
    ]


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
        # A note's marker ("[1]") is no part of a title.
        text = plain(NOTE_MARKER.sub("", line.text)) if line.kind != "table" else ""
        if text:
            sentence = re.split(r"(?<=[.!?])\s", text, maxsplit=1)[0]
            return Truncator(sentence.rstrip(" .")).chars(PROPOSED_TITLE_CHARS, "…")
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
    """StreamField data: paragraphs, quotes and lists between headings, tables,
    preformatted text and images make one rich text each; a line break (a poem's) is
    kept as one, and lists nest as deep as they were written."""
    body = []
    html = []
    lists = []  # kinds of the lists open, outermost first; each has an <li> open
    previous = None  # the kind of the last line put in `html`
    previous_line = None

    def close_lists(depth=0):
        while len(lists) > depth:
            html.append(f"</li></{lists.pop()}>")

    def flush():
        nonlocal previous
        close_lists()
        if html:
            body.append({"type": "paragraph", "value": "".join(html)})
            html.clear()
        previous = None

    def list_item(line):
        depth = min(line.depth, len(lists))
        close_lists(depth + 1)
        if len(lists) == depth + 1 and lists[-1] != line.kind:
            close_lists(depth)
        if len(lists) == depth + 1:
            html.append(f"</li><li>{line.html}")
        else:
            html.append(f"<{line.kind}><li>{line.html}")
            lists.append(line.kind)

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
        elif line.kind == "table":
            flush()
            body.append({"type": "table", "value": line.data})
        elif line.kind == "pre":
            flush()
            body.append({"type": "preformatted", "value": line.text})
        elif line.kind in ("ul", "ol"):
            if line.soft and previous == line.kind and len(lists) == line.depth + 1:
                html.append(f"<br/>{line.html}")  # a line break inside the item
            else:
                list_item(line)
            previous = line.kind
        else:
            close_lists()
            tag = "blockquote" if line.kind == "quote" else "p"
            # A bold line alone is a label ("Penutup"), not a poem's first line.
            label = previous_line is not None and _is_bold_only(previous_line.html)
            if (
                line.soft
                and previous == line.kind
                and html[-1] == f"</{tag}>"
                and not label
            ):
                html.insert(len(html) - 1, f"<br/>{line.html}")
            else:
                html.extend([f"<{tag}>", line.html, f"</{tag}>"])
            previous = line.kind
        previous_line = line
    flush()
    return body
