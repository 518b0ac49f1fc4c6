"""`manage.py backup DIR`: one encrypted archive of the database and every upload.

The passphrase comes from the environment (BACKUP_PASSPHRASE), never from the command
line, where other users of the machine could read it in the process list.

Prints the archive's path and nothing else, so a script can keep it:
``ARCHIVE=$(manage.py backup /var/backups/serambi)``. See operations/backup.py.
"""

import os

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from operations.backup import PASSPHRASE_VARIABLE, BackupError, backup, prune_archives


class Command(BaseCommand):
    help = _(
        "Cadangkan basis data dan semua berkas unggahan ke satu arsip terenkripsi "
        "serambi-YYYYMMDD-HHMMSS.tar.gz.age di FOLDER (atau s3://bucket/awalan), "
        "dengan frasa sandi dari BACKUP_PASSPHRASE, lalu cetak lokasinya."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "destination",
            metavar="FOLDER",
            help=_("Folder tujuan, atau s3://bucket/awalan untuk bucket privat."),
        )
        parser.add_argument(
            "--keep-days",
            type=int,
            metavar="N",
            help=_(
                "Setelah berhasil, hapus arsip di tujuan yang lebih tua dari N hari "
                "(dilihat dari namanya)."
            ),
        )
        parser.add_argument(
            "--unencrypted",
            action="store_true",
            help=_(
                "Tulis arsip tanpa enkripsi (.tar.gz). Hanya bila Anda sungguh "
                "memaksudkannya: arsip berisi data pribadi."
            ),
        )

    def handle(self, *args, **options):
        if options["keep_days"] is not None and options["keep_days"] < 1:
            raise CommandError(_("--keep-days harus 1 atau lebih."))
        try:
            result = backup(
                options["destination"],
                passphrase=os.environ.get(PASSPHRASE_VARIABLE),
                unencrypted=options["unencrypted"],
            )
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
        if options["keep_days"] is not None:
            for name in prune_archives(options["destination"], options["keep_days"]):
                self.stderr.write(_("Arsip lama dihapus: %(name)s") % {"name": name})
        self.stdout.write(result.path)
