"""People's names in a sentence: "A", "A dan B", "A, B dan C"."""

from django.utils.html import conditional_escape
from django.utils.safestring import SafeData, mark_safe
from django.utils.translation import gettext as _


def join_names(names):
    """Names joined the way a sentence lists them, the last with "dan" ("and").

    Safe strings (links a template built) stay safe and everything else is escaped
    when any name is safe, so the result can be put into HTML either way.
    """
    names = list(names)
    if any(isinstance(name, SafeData) for name in names):
        names = [conditional_escape(name) for name in names]
        return mark_safe(_join(names))  # noqa: S308 - every name escaped above
    return _join([str(name) for name in names])


def _join(names):
    if len(names) < 2:
        return "".join(names)
    return _("%(names)s dan %(last)s") % {
        "names": ", ".join(names[:-1]),
        "last": names[-1],
    }
