"""English input formats read dates day first, as the admin's date picker writes them.

Django's `en` formats read "03/12/2026" as 12 March; the picker (WAGTAIL_DATE_FORMAT,
WAGTAIL_DATETIME_FORMAT) means 3 December, whatever the admin's language.
"""

from website.formats.picker import day_first

DATE_INPUT_FORMATS = day_first.DATE + ["%Y-%m-%d", "%d %b %Y", "%d %B %Y"]
TIME_INPUT_FORMATS = day_first.TIME + ["%H:%M:%S.%f"]
DATETIME_INPUT_FORMATS = day_first.DATETIME + [
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M:%S.%f",
    "%Y-%m-%d %H:%M",
]
