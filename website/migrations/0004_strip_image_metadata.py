"""Strip GPS, camera and other metadata from images stored before uploads were stripped.

The same work as `manage.py strip_image_metadata` (images/privacy.py): files
already clean are left alone, so this is quick on a site that has none to clean. An
image whose file cannot be read is logged and skipped rather than stopping the
deploy; the command reports it again.
"""

import logging

from django.db import migrations

from images.privacy import clean_stored_image

logger = logging.getLogger(__name__)


def strip_stored_images(apps, schema_editor):
    CustomImage = apps.get_model("website", "CustomImage")
    for image in CustomImage.objects.order_by("pk").iterator():
        try:
            found = clean_stored_image(image)
        except Exception:
            logger.exception(
                "Image #%s (%s) could not be stripped; run manage.py strip_image_metadata",
                image.pk,
                image.file.name,
            )
            continue
        if found:
            logger.warning("Image #%s: removed %s", image.pk, ", ".join(found))


class Migration(migrations.Migration):
    dependencies = [("website", "0003_create_section_indexes")]

    operations = [migrations.RunPython(strip_stored_images, migrations.RunPython.noop)]
