"""Renditions of many images in one query, and renditions that never raise."""

import functools
import logging

from wagtail.images.models import Filter, SourceImageIOError

from PIL import Image

logger = logging.getLogger(__name__)

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


def renditions_or_none(image, specs):
    """{spec: rendition} for `specs` (spec strings or Filters), or None when the
    image's file is missing or unreadable."""
    filters = [filter_for(s) if isinstance(s, str) else s for s in specs]
    try:
        renditions = image.get_renditions(*filters)
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


def prefetch_renditions(images):
    """Fetch every rendition of `images` in one query, into each image's
    `prefetched_renditions`, where Wagtail's get_rendition and {% srcset_image %} look
    first.

    For a page whose images come along different relations (an article's hero, its
    writers' photos, the related articles' heroes), which prefetch_related would fetch
    one query per relation. None and already-prefetched images are left out.
    """
    pending = {}
    for image in images:
        if image is None:
            continue
        if image._get_prefetched_renditions() is not None:
            continue
        pending.setdefault(image.pk, []).append(image)
    if not pending:
        return
    model = next(iter(pending.values()))[0].get_rendition_model()
    by_image = {pk: [] for pk in pending}
    for rendition in model.objects.filter(image_id__in=pending):
        by_image[rendition.image_id].append(rendition)
    for pk, same_images in pending.items():
        for image in same_images:
            image.prefetched_renditions = by_image[pk]
        for rendition in by_image[pk]:
            rendition.image = same_images[0]
