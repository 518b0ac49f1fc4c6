"""python manage.py import_articles PATH [PATH …] [--owner U] [--title T] [--publish] [--dry-run]"""

import warnings
from collections import Counter
from contextlib import nullcontext
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from bs4 import MarkupResemblesLocatorWarning

from importer.saving import ImportRun, plan_article, save_article
from importer.sources import Skipped, count_posts, iter_posts


class Progress:
    """A plain progress bar on stderr: redrawn in a terminal, a line per tenth in a log."""

    WIDTH = 30

    def __init__(self, stream, total):
        self.stream = stream
        self.total = max(total, 1)
        self.done = 0
        self.tty = hasattr(stream, "isatty") and stream.isatty()
        self.last_tenth = -1

    def step(self):
        self.done += 1
        self.total = max(self.total, self.done)
        filled = self.WIDTH * self.done // self.total
        bar = f"[{'#' * filled}{'.' * (self.WIDTH - filled)}] {self.done}/{self.total}"
        if self.tty:
            self.stream.write(f"\r{bar}")
            if self.done >= self.total:
                self.stream.write("\n")
            self.stream.flush()
            return
        tenth = 10 * self.done // self.total
        if tenth != self.last_tenth:
            self.last_tenth = tenth
            self.stream.write(f"{bar}\n")

    def note(self, line):
        if self.tty:
            self.stream.write("\r" + " " * (self.WIDTH + 20) + "\r")
        self.stream.write(f"{line}\n")


class Command(BaseCommand):
    help = _(
        "Mengimpor tulisan dari ekspor WordPress (WXR) atau Blogger, folder Markdown, "
        "dan berkas .txt, .md atau .docx."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH")
        parser.add_argument(
            "--owner",
            help=_("Nama pengguna pemilik draf (bawaan: administrator pertama)."),
        )
        parser.add_argument(
            "--title", help=_("Judul tulisan (hanya untuk satu berkas).")
        )
        parser.add_argument(
            "--publish",
            action="store_true",
            help=_(
                "Terbitkan tulisan yang sudah terbit di sumbernya, dengan tanggal aslinya."
            ),
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help=_(
                "Tampilkan apa yang akan dibuat dan diubah, tanpa menyimpan apa pun."
            ),
        )

    def handle(self, *args, paths, owner, title, publish, dry_run, **options):
        owner = self._owner(owner)
        if title and (
            len(paths) > 1
            or Path(paths[0]).is_dir()
            or Path(paths[0]).suffix.lower() == ".xml"
        ):
            raise CommandError(_("--title hanya bisa dipakai untuk satu berkas."))

        # A post whose text looks like a URL is still a post (BeautifulSoup warns).
        warnings.filterwarnings("ignore", category=MarkupResemblesLocatorWarning)
        progress = Progress(self.stderr._out, 0)
        self.failures = []
        totals = {}
        for path in paths:
            try:
                totals[path] = count_posts(path)
            except Exception as exc:  # noqa: BLE001 - reported, the rest go on
                self._fail(progress, path, exc)
        progress.total = max(sum(totals.values()), 1)
        self.outcomes, self.skipped = Counter(), Counter()
        self.owner, self.publish, self.dry_run = owner, publish, dry_run
        self.planned = {}  # --dry-run: source key -> fingerprint planned in this run
        self.run = ImportRun()
        self.progress = progress
        try:
            with nullcontext() if dry_run else self.run.deferred_indexing():
                for path in totals:
                    self._import_path(path, title)
        except Exception as exc:  # noqa: BLE001 - the summary must still be said
            self._fail(progress, _("indeks pencarian"), exc)

        skipped = self.skipped
        if skipped:
            self.stdout.write(
                _("Bukan tulisan, tidak dijadikan artikel: %(items)s.")
                % {
                    "items": ", ".join(
                        f"{count} {self._kind_name(kind)}"
                        for kind, count in sorted(skipped.items())
                    )
                }
            )
        figures = {
            "created": self.outcomes["created"],
            "updated": self.outcomes["updated"],
            "unchanged": self.outcomes["unchanged"],
            "skipped": sum(skipped.values()),
            "failed": len(self.failures),
        }
        summary = (
            _(
                "Uji coba, tidak ada yang disimpan: %(created)s baru, %(updated)s "
                "diperbarui, %(unchanged)s tidak berubah, %(skipped)s dilewati, "
                "%(failed)s gagal."
            )
            if dry_run
            else _(
                "Selesai: %(created)s dibuat, %(updated)s diperbarui, %(unchanged)s "
                "tidak berubah, %(skipped)s dilewati, %(failed)s gagal."
            )
        ) % figures
        if self.failures:
            # The summary is the last line said, failures or not (see GAGAL above).
            raise CommandError(summary)
        self.stdout.write(summary)

    def _import_path(self, path, title):
        try:
            for item in iter_posts(path, title=title):
                if isinstance(item, Skipped):
                    self.skipped[item.skipped] += 1
                    if item.warning:
                        self.progress.note(
                            _("PERINGATAN %(why)s") % {"why": item.warning}
                        )
                    continue
                self.outcomes[self._one(item)] += 1
                self.progress.step()
        except Exception as exc:  # noqa: BLE001 - a broken file fails alone
            self._fail(self.progress, path, exc)

    def _fail(self, progress, what, exc):
        why = " ".join(str(exc).split()) or type(exc).__name__
        self.failures.append((str(what), why))
        progress.note(_("GAGAL %(what)s: %(why)s") % {"what": what, "why": why})

    def _one(self, post):
        progress = self.progress
        try:
            parsed = post.parse()
            if self.dry_run:
                plan = plan_article(parsed, publish=self.publish, planned=self.planned)
                self.stdout.write(self._plan_line(plan))
                return plan.outcome
            saved = save_article(
                parsed, owner=self.owner, publish=self.publish, run=self.run
            )
        except Exception as exc:  # noqa: BLE001 - one broken post must not stop the rest
            self._fail(progress, post.label, exc)
            return "failed"
        notes = list(parsed.warnings)
        if saved.new_contributors:
            notes.append(
                _(
                    "profil kontributor baru, tanpa akun (terbit bersama artikel "
                    "pertamanya yang terbit): %(names)s"
                )
                % {"names": ", ".join(c.title for c in saved.new_contributors)}
            )
        if saved.bio_suggestion:
            notes.append(
                _("bio penulis di profilnya tidak diubah; usulan dari tulisan: %(bio)s")
                % {"bio": saved.bio_suggestion}
            )
        for note in notes:
            progress.note(f"  {post.label}: {note}")
        return saved.outcome

    @staticmethod
    def _kind_name(kind):
        names = {
            "page": _("halaman"),
            "attachment": _("lampiran"),
            "nav_menu_item": _("item menu"),
            "comment": _("komentar"),
            "settings": _("pengaturan"),
            "template": _("templat"),
            "symlink": _("tautan simbolik"),
        }
        return names.get(kind, kind)

    @staticmethod
    def _plan_line(plan):
        line = (
            _("BARU %(title)s")
            if plan.created
            else _("TETAP %(title)s")
            if plan.unchanged
            else _("PERBARUI %(title)s")
        ) % {"title": plan.title}
        if plan.new_contributors:
            line += " | " + _("kontributor baru: %(names)s") % {
                "names": ", ".join(plan.new_contributors)
            }
        if plan.new_categories:
            line += " | " + _("kategori baru: %(names)s") % {
                "names": ", ".join(plan.new_categories)
            }
        if plan.redirects:
            line += " | " + _("pengalihan: %(paths)s") % {
                "paths": ", ".join(plan.redirects)
            }
        return line

    @staticmethod
    def _owner(username):
        users = get_user_model().objects
        if username:
            owner = users.filter(username=username).first()
            if owner is None:
                raise CommandError(
                    _("Pengguna '%(username)s' tidak ada.") % {"username": username}
                )
            return owner
        owner = users.filter(is_superuser=True, is_active=True).order_by("pk").first()
        if owner is None:
            raise CommandError(
                _("Belum ada administrator. Sebutkan pemilik dengan --owner USERNAME.")
            )
        return owner
