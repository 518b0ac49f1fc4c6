"""Indonesian input formats that accept what the admin's date picker writes.

Django's `id` formats expect "25-10-2009 14.30"; the picker writes
WAGTAIL_DATETIME_FORMAT ("25/10/2009 14:30"), so that comes first.
"""

from django.conf.locale.id import formats as django_id

from website.formats.picker import day_first

DATE_INPUT_FORMATS = day_first.DATE + list(django_id.DATE_INPUT_FORMATS)
TIME_INPUT_FORMATS = day_first.TIME + list(django_id.TIME_INPUT_FORMATS)
DATETIME_INPUT_FORMATS = day_first.DATETIME + [
    # Month-first entries of Django's list would read "03/12" as 12 March.
    fmt
    for fmt in django_id.DATETIME_INPUT_FORMATS
    if not fmt.startswith("%m/")
]
