"""`manage.py strip_image_metadata [--dry-run]`: clean images stored before stripping.

Uploads are stripped of GPS, camera, XMP, IPTC, comments and thumbnails as they are
stored (images/privacy.py). This re-encodes the originals already in storage
that still carry any of it, deletes their renditions (Wagtail makes clean ones on the
next request) and says what it changed. Files already clean are not touched, so it
is safe to run again.
"""

from django.core.management.base import BaseCommand, CommandError

from wagtail.images import get_image_model

from images.privacy import clean_stored_image


class Command(BaseCommand):
    help = "Strip location, camera and other metadata from stored images."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Only report which images carry metadata.",
        )

    def handle(self, *args, dry_run=False, **options):
        cleaned = failed = total = 0
        for image in get_image_model().objects.order_by("pk").iterator():
            total += 1
            try:
                found = clean_stored_image(image, dry_run=dry_run)
            except Exception as error:  # noqa: BLE001 - one bad file must not stop the rest
                failed += 1
                self.stderr.write(f"#{image.pk} {image.file.name}: failed: {error}")
                continue
            if found:
                cleaned += 1
                verb = "carries" if dry_run else "removed"
                self.stdout.write(
                    f"#{image.pk} {image.file.name}: {verb} {', '.join(found)}"
                )
        would = "would be cleaned" if dry_run else "cleaned"
        self.stdout.write(f"{cleaned} of {total} images {would}.")
        if failed:
            raise CommandError(f"{failed} images could not be read; see above.")
