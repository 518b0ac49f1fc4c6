"""`manage.py backup DIR`: one archive of the database and every uploaded file.

Prints the archive's path and nothing else, so a script can keep it:
``ARCHIVE=$(manage.py backup /var/backups/serambi)``. See website/backup.py.
"""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from website.backup import BackupError, backup


class Command(BaseCommand):
    help = _(
        "Cadangkan basis data dan semua berkas unggahan ke satu arsip "
        "serambi-YYYYMMDD-HHMMSS.tar.gz di FOLDER (atau s3://bucket/awalan), lalu "
        "cetak lokasinya."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "destination",
            metavar="FOLDER",
            help=_("Folder tujuan, atau s3://bucket/awalan untuk bucket privat."),
        )

    def handle(self, *args, **options):
        try:
            result = backup(options["destination"])
        except BackupError as error:
            raise CommandError(str(error)) from error
        missing = result.manifest["media"]["missing"]
        if missing:
            self.stderr.write(
                self.style.WARNING(
                    _(
                        "Peringatan: %(count)s berkas yang disebut basis data tidak ada "
                        "di penyimpanan media: %(names)s"
                    )
                    % {"count": len(missing), "names": ", ".join(missing[:10])}
                )
            )
        if options["verbosity"] > 1:
            for label, count in result.manifest["counts"].items():
                self.stderr.write(f"{label}: {count}")
        self.stdout.write(result.path)
