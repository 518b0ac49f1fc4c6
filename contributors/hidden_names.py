"""Real names that must never appear on the public site, and text made safe from them.

A contributor who writes under her pen name only (`use_pen_name_only`) hides her real
name (the page title). Structured places (bylines, her page, JSON-LD, search) show her
public name already; free text that an editor or an import typed (an image's credit or
alt text) may still carry the real name, so it is rewritten with her pen name when it is
saved and when she switches (website.pen_names).
"""

import re

from .models import ContributorPage


def people_hiding_their_real_names():
    """[(real name, pen name)] of every contributor who hides her real name."""
    return [
        (real.strip(), pen.strip())
        for real, pen in ContributorPage.objects.filter(use_pen_name_only=True)
        .exclude(pen_name="")
        .values_list("title", "pen_name")
        if real.strip()
    ]


def without_hidden_names(text, people=None):
    """`text` with each hidden real name (any case, as a whole word) replaced by the
    pen name of the woman it belongs to."""
    if not text:
        return text
    if people is None:
        people = people_hiding_their_real_names()
    # Longest first, so "Siti Aminah Putri" is not half-replaced by "Siti Aminah".
    for real, pen in sorted(people, key=lambda person: -len(person[0])):
        text = re.sub(
            rf"(?<!\w){re.escape(real)}(?!\w)", pen, text, flags=re.IGNORECASE
        )
    return text


def scrub_image_text(sender, instance, **kwargs):
    """pre_save of the image model (connected in contributors.apps): free text shown
    beside a picture never names a woman who writes under her pen name only."""
    people = people_hiding_their_real_names()
    instance.credit = without_hidden_names(instance.credit, people)
    instance.description = without_hidden_names(instance.description, people)
