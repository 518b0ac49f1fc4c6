"""Renditions of many images in one query, and renditions that never raise."""

import functools
import logging

from wagtail.images.models import Filter, SourceImageIOError

from PIL import Image

from modelrows.sql import rows_for

logger = logging.getLogger(__name__)

# The rendition a link preview (og:image, an article's structured data) shows.
# JPEG: some chat apps still skip WebP previews.
LINK_PREVIEW_SPEC = "fill-1200x630|format-jpeg"

# A lost or unreadable file, or one Pillow refuses (too large to decode safely).
BROKEN_IMAGE_ERRORS = (
    SourceImageIOError,
    OSError,
    ValueError,
    LookupError,
    Image.DecompressionBombError,
)


def _usable(rendition):
    return bool(rendition.width) and rendition.file.name != "not-found"


def _log_broken(image, error=None):
    logger.warning(
        "Image %s (%s) cannot be shown: %s",
        image.pk,
        getattr(image.file, "name", ""),
        error or "its file is missing",
    )


@functools.lru_cache(maxsize=256)
def filter_for(spec):
    """One Filter per spec for the life of the process.

    Wagtail builds a new Filter for every spec of every image it renders, and each
    parses its spec again (an operation object per step, its arguments bound through
    inspect): a listing of 12 cards, 6 renditions each, paid that 72 times a render.
    A Filter keeps nothing of the image, so one can serve every image.
    """
    return Filter(spec=spec)


def _from_prefetched(image, filters):
    """{spec: rendition} of `filters` from the image's prefetched renditions, the
    ones Wagtail's get_renditions would find there (same spec and focal point
    key, the first in the list), or None if any is missing: Wagtail then finds or
    makes it. Looked up in a table of the list, made once per list rather than
    scanned per picture."""
    prefetched = image._get_prefetched_renditions()
    if prefetched is None:
        return None
    held = image.__dict__.get("_renditions_by_key")
    if held is None or held[0] is not prefetched:
        table = {}
        for rendition in prefetched:
            table.setdefault(
                (rendition.filter_spec, rendition.focal_point_key), rendition
            )
        held = image.__dict__["_renditions_by_key"] = (prefetched, table)
    table = held[1]
    found = {}
    for filter in filters:
        if "preserve-svg" in filter.spec:  # Wagtail rewrites these for SVGs
            return None
        rendition = table.get((filter.spec, filter.get_cache_key(image)))
        if rendition is None:
            return None
        found[filter.spec] = rendition
    return found


def renditions_or_none(image, specs):
    """{spec: rendition} for `specs` (spec strings or Filters), or None when the
    image's file is missing or unreadable."""
    filters = [filter_for(s) if isinstance(s, str) else s for s in specs]
    try:
        renditions = _from_prefetched(image, filters) or image.get_renditions(*filters)
    except BROKEN_IMAGE_ERRORS as error:
        _log_broken(image, error)
        return None
    if not all(_usable(rendition) for rendition in renditions.values()):
        _log_broken(image)
        return None
    return renditions


def rendition_or_none(image, spec):
    if not image:
        return None
    renditions = renditions_or_none(image, [spec])
    return None if renditions is None else next(iter(renditions.values()))


def picture_specs(template_name):
    """The filter specs of every {% safe_picture %} in a template, expanded
    ("fill-{400x225,800x450} format-{webp,jpeg}" gives four): what a prefetch of
    the renditions its images show needs, read from the template itself so the two
    cannot drift apart. Kept on the compiled template (one per process in
    production; a new one whenever a development server reloads it)."""
    from django.template.loader import get_template

    from images.templatetags.safe_images import SafePictureNode

    template = get_template(template_name).template
    specs = template.__dict__.get("_picture_specs")
    if specs is None:
        specs = []
        for node in template.nodelist.get_nodes_by_type(SafePictureNode):
            specs += [f.spec for f in node.get_filters() if f.spec not in specs]
        template._picture_specs = specs = tuple(specs)
    return specs


def _renditions_of(model, wanted):
    """The renditions of the images in `wanted` ({image id: the specs the page
    shows of it, or None for all}), in one query of hand-written SQL
    (modelrows.sql): the ORM's IN filters, their lists different on every page,
    cost more to compile than the query took to run. A row is made an instance
    only if its image wants its spec: an article's hero has some twenty
    renditions, of which a related article's card shows six."""
    rows = rows_for(model)
    quote = rows.connection.ops.quote_name
    table = rows.alias(model)
    sql = (
        f"SELECT {rows.columns} FROM {rows.tables} "  # noqa: S608 - names from the models, values as parameters
        f"WHERE {table}.{quote('image_id')} IN ({', '.join(['%s'] * len(wanted))})"
    )
    params = list(wanted)
    if None not in wanted.values():
        every_spec = sorted(set().union(*wanted.values()))
        if not every_spec:
            return []
        sql += (
            f" AND {table}.{quote('filter_spec')} "
            f"IN ({', '.join(['%s'] * len(every_spec))})"
        )
        params += every_spec
    sql += f" ORDER BY {table}.{quote('id')}"
    image_at = rows.names.index("image_id")
    spec_at = rows.names.index("filter_spec")
    with rows.connection.cursor() as cursor:
        cursor.execute(sql, params)
        found = cursor.fetchall()
    renditions = []
    for row in found:
        specs = wanted[row[image_at]]
        if specs is None or row[spec_at] in specs:
            renditions.append(rows.instance(row))
    return renditions


def prefetch_renditions(images, specs=None):
    """Fetch the renditions of `images` in one query, into each image's
    `prefetched_renditions`, where Wagtail's get_rendition and {% srcset_image %} look
    first. Every rendition of each image unless `specs` names the only ones the
    page shows (an image shown as a hero, a card and a link preview has some
    twenty; a card shows six). With `specs`, a spec left out is one Wagtail
    would then look up (and create) one by one: name all the page shows.

    For a page whose images come along different relations (an article's hero, its
    writers' photos, the related articles' heroes), which prefetch_related would fetch
    one query per relation. None and already-prefetched images are left out.
    """
    prefetch_renditions_by_use([(images, specs)])


def prefetch_renditions_by_use(uses):
    """prefetch_renditions of several groups of images in one query, each group
    `(images, specs)` with the specs the page shows of it (None: all): the hero of
    an article at its sizes, the related articles' at a card's. An image in two
    groups gets the specs of both."""
    pending, wanted = {}, {}
    for images, specs in uses:
        for image in images:
            if image is None or image._get_prefetched_renditions() is not None:
                continue
            pending.setdefault(image.pk, []).append(image)
            if specs is None or wanted.get(image.pk, ()) is None:
                wanted[image.pk] = None
            else:
                wanted[image.pk] = {*wanted.get(image.pk, ()), *specs}
    if not pending:
        return
    model = next(iter(pending.values()))[0].get_rendition_model()
    by_image = {pk: [] for pk in pending}
    for rendition in _renditions_of(model, wanted):
        by_image[rendition.image_id].append(rendition)
    for pk, same_images in pending.items():
        for image in same_images:
            image.prefetched_renditions = by_image[pk]
        for rendition in by_image[pk]:
            rendition.image = same_images[0]
