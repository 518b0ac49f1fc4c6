"""`manage.py purge_trash [--days N]`: delete for good what has been in the trash too long.

Run it daily with the other scheduled jobs. The age defaults to
settings.TRASH_RETENTION_DAYS (environment variable TRASH_RETENTION_DAYS, 30 days).
Safe to run twice or on several machines: each page is deleted once.
"""

from django.core.management.base import BaseCommand, CommandError

from editorial import trash


class Command(BaseCommand):
    help = "Delete pages that have been in the trash longer than the retention period."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Age in days (default: settings.TRASH_RETENTION_DAYS).",
        )

    def handle(self, *args, days=None, **options):
        days = trash.retention_days() if days is None else days
        if days < 0:
            raise CommandError("--days must be 0 or more.")
        deleted, refused = trash.empty(trash.expired_entries(days), user=None)
        for message in refused:
            self.stderr.write(message)
        self.stdout.write(
            f"Deleted {len(deleted)} page(s) older than {days} day(s) from the trash; "
            f"{len(refused)} kept."
        )
