"""Which existing profile a typed name means, so that one person stays one person.

People type a name the way they sign a post: any case, extra spaces, a final full
stop ("Ratna Sari."), in WhatsApp bold ("*Ratna*"). All of these mean the profile whose
public name, pen name or slug matches.
"""

import re

from django.db.models import Q
from django.utils.text import slugify

from .models import ContributorPage

# Marks around or after a signed name that are not part of it: WhatsApp bold and
# italics, a final full stop or comma.
_WRAPPING = re.compile(r"^[\s*_~]+|[\s*_~.,;:]+$")


def normalise_name(name):
    """The name as a person means it: single spaces, no markup or final full stop."""
    return _WRAPPING.sub("", " ".join((name or "").split()))


def find_same_person(name, *, through_real_names=True):
    """The contributor known by this public name, pen name or slug (any case), or None.

    Without `through_real_names`, a profile shown under a pen name only is found by
    that pen name alone: someone who may not connect her two names never gets the
    pen-name profile back for the real name she typed.
    """
    name = normalise_name(name)
    if not name:
        return None
    slug = slugify(name)
    query = Q(title__iexact=name) | Q(pen_name__iexact=name)
    if slug:
        query |= Q(slug=slug)
    candidates = ContributorPage.objects.filter(query).order_by("pk")
    if not through_real_names:
        candidates = candidates.exclude(
            Q(use_pen_name_only=True) & ~Q(pen_name="") & ~Q(pen_name__iexact=name)
        )
    return candidates.first()
