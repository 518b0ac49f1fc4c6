"""Renditions of many images in one query."""


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
