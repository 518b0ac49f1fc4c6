"""`manage.py restore ARCHIVE`: an archive from `backup` into an empty database and storage.

The target is whatever DATABASE_URL and MEDIA_ROOT (or the bucket) name; both must be
empty, the database not even migrated. See operations/backup.py.
"""

import os

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from operations.backup import PASSPHRASE_VARIABLE, BackupError, restore


class Command(BaseCommand):
    help = _(
        "Pulihkan arsip dari perintah backup ke basis data baru yang kosong (belum "
        "di-migrate) dan MEDIA_ROOT yang kosong; arsip terenkripsi dibuka dengan "
        "frasa sandi dari BACKUP_PASSPHRASE."
    )
    # The target database is empty: checks that read it would only fail.
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument(
            "archive",
            metavar="ARSIP",
            help=_(
                "Berkas serambi-….tar.gz.age (atau .tar.gz), atau "
                "s3://bucket/awalan/berkas."
            ),
        )

    def handle(self, *args, **options):
        try:
            manifest, unapplied = restore(
                options["archive"], passphrase=os.environ.get(PASSPHRASE_VARIABLE)
            )
        except BackupError as error:
            raise CommandError(str(error)) from error
        counts = ", ".join(
            f"{label} {count}" for label, count in manifest["counts"].items()
        )
        self.stdout.write(
            self.style.SUCCESS(
                _("Dipulihkan dari cadangan %(created)s: %(counts)s, %(files)s berkas.")
                % {
                    "created": manifest["created_at"],
                    "counts": counts,
                    "files": len(manifest["media"]["files"]),
                }
            )
        )
        if unapplied:
            self.stdout.write(
                self.style.WARNING(
                    _(
                        "Kode ini punya migrasi yang belum ada di arsip; jalankan "
                        "`manage.py migrate` sekarang."
                    )
                )
            )
