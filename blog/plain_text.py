"""Plain text from rich text, for summaries, meta descriptions and feeds.

Like Wagtail's get_text_for_indexing: tags go, a space stays where a block ended
(so "<p>ways.</p><p>Threaded</p>" reads "ways. Threaded", not "ways.Threaded"), and
character references are decoded once, so the text is text ("Settings > Discussion")
and the template that shows it escapes it exactly once.
"""

import re
from html import unescape

from django.utils.html import strip_tags

_BLOCK_BOUNDARY = re.compile(
    r"(</(?:p|h[1-6]|li|blockquote|div|figcaption|pre|td|th|tr|dd|dt)\s*>"
    r"|<(?:br|hr)\b[^>]*>)",
    re.IGNORECASE,
)


def html_to_text(html):
    """The words of an HTML fragment on one line, decoded and space-separated."""
    text = _BLOCK_BOUNDARY.sub(r"\1 ", str(html or ""))
    return " ".join(unescape(strip_tags(text)).split())
