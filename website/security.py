"""`HostileRequestMiddleware`, which answers 400 or 414 to URLs no browser sends.

The limits on guessing (log-in, password reset, page passwords) live in
`accounts.security`.
"""

import re
from urllib.parse import unquote_to_bytes

from django.http import HttpResponse

# Longer paths than any page of ours (a slug is at most 255 characters); servers and
# proxies commonly cap the whole request line at 4 or 8 KB.
MAX_PATH_BYTES = 2048
# C0 control characters and DEL: never in a path a link or a browser makes.
PATH_CONTROLS = re.compile(r"[\x00-\x1f\x7f]")
# Django decodes the path as UTF-8 and writes each byte that is not UTF-8 back as
# %XX (django.utils.encoding.repercent_broken_unicode, upper-case, 80 to FF): a path
# that still holds one after decoding had bytes that were not UTF-8.
BROKEN_UTF8 = re.compile(r"%[89A-F][0-9A-F]")


def hostile_url_problem(request):
    """Why this URL is refused (an HTTP status), or None for an ordinary one."""
    path = request.path_info
    if len(path.encode()) > MAX_PATH_BYTES:
        return 414
    if PATH_CONTROLS.search(path) or BROKEN_UTF8.search(path):
        return 400
    query = unquote_to_bytes(request.META.get("QUERY_STRING", "").replace("+", " "))
    if b"\x00" in query:
        return 400
    try:
        query.decode("utf-8")
    except UnicodeDecodeError:
        return 400
    return None


class HostileRequestMiddleware:
    """A NUL byte, a control character, bytes that are not UTF-8 or an absurdly long
    path: 400 (414 for the length), before any view, cache or database sees them.

    PostgreSQL refuses a NUL in any string it is sent (a 500 in whatever view passed
    one on: the calendar feed's token, a search, a filter), and Django hands a view
    bytes that are not UTF-8 re-escaped, which slug and token lookups then miss in
    their own ways. One rule here covers every view, today's and tomorrow's. The
    answer is a few bytes of plain text: a script sending thousands costs little.
    """

    MESSAGES = {
        400: b"Alamat tidak sah.\n",
        414: b"Alamat terlalu panjang.\n",
    }

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        status = hostile_url_problem(request)
        if status is not None:
            return HttpResponse(
                self.MESSAGES[status],
                status=status,
                content_type="text/plain; charset=utf-8",
            )
        return self.get_response(request)
