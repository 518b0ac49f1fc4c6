"""One page of a listing from whatever ?page= says, never an error.

In the lowest app so that every listing (contributors, blog, website) can use it.
"""

from django.core.paginator import InvalidPage


def get_page(paginator, number):
    """The page asked for; the first for anything that is not a positive whole
    number (page=abc, page=0, page=-1), the last for anything past the end.

    Django's Paginator.get_page sends page=0 and page=-1 to the last page, which is
    not what a reader who typed them meant.
    """
    return paginator.page(page_number(paginator, number))


def page_number(paginator, number):
    """The number of the page get_page shows for `number` (from the address)."""
    try:
        number = int(str(number or "1").strip())
    except ValueError:
        number = 1
    number = max(number, 1)
    try:
        return paginator.validate_number(min(number, paginator.num_pages))
    except InvalidPage:
        return 1
