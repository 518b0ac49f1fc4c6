"""How a pasted or imported text becomes an article's structure.

The community writes section headings as numbered lines ("1. Dukungan emosional
yang …"), and a paste from Word or Google Docs brings real headings. The page editor
turned the first into one-item numbered lists and flattened the second into
paragraphs. These rules turn both into heading blocks, keep real lists as lists, and
drop empty paragraphs. One module, so that every way in follows the same rules.
"""

import re

from bs4 import BeautifulSoup, NavigableString

# "1. Judul", "2) Judul", "IV. Judul", "B. Judul": the number or letter is dropped.
NUMBER_PREFIX = r"^\s*(?:\d{1,2}|[IVXLC]{1,6}|[A-Z])[.)]\s+"
NUMBERED_LINE = re.compile(NUMBER_PREFIX + r"(?P<text>\S.*)$")
HEADING_MAX_CHARS = 120
HEADING_TAGS = {"h1": "h2", "h2": "h2", "h3": "h3", "h4": "h3", "h5": "h3", "h6": "h3"}


def plain(text):
    return " ".join(text.split())


def looks_like_heading(text):
    """Short, one line, and not a sentence that ends with a full stop."""
    text = plain(text)
    return 0 < len(text) <= HEADING_MAX_CHARS and not text.endswith(
        (".", ",", ";", ":")
    )


def heading_from_numbered_line(text):
    """The heading a numbered line stands for, without its number, or None."""
    match = NUMBERED_LINE.match(plain(text))
    if match and looks_like_heading(match["text"]):
        return match["text"]
    return None


def split_rich_text(html):
    """Split one rich-text paragraph into [("heading", {...}) | ("paragraph", html)].

    Returns the pieces in order; empty paragraphs are left out.
    """
    pieces = []
    buffer = []

    def flush():
        if buffer:
            pieces.append(("paragraph", "".join(buffer)))
            buffer.clear()

    for node in BeautifulSoup(html, "html.parser").contents:
        if isinstance(node, NavigableString):
            if node.strip():
                buffer.append(f"<p>{node.strip()}</p>")
            continue
        text = node.get_text(" ", strip=True)
        if node.name in HEADING_TAGS:
            heading = heading_from_numbered_line(text) or plain(text)
            if heading:
                flush()
                pieces.append(
                    ("heading", {"text": heading, "level": HEADING_TAGS[node.name]})
                )
            continue
        if (
            node.name == "ol"
            and len(node.find_all("li")) == 1
            and looks_like_heading(text)
        ):
            # A numbered heading line that the editor made into a one-item list.
            flush()
            pieces.append(("heading", {"text": plain(text), "level": "h2"}))
            continue
        if node.name == "p":
            if not text:
                continue
            heading = heading_from_numbered_line(text)
            if heading:
                flush()
                pieces.append(("heading", {"text": heading, "level": "h2"}))
                continue
        buffer.append(str(node))
    flush()
    return pieces
