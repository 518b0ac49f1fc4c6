"""`manage.py seed_demo`: a believable Serambi to click through on a developer's machine.

Idempotent (a second run finds everything by slug or username and changes nothing).
Refused unless DEBUG is on, since it creates accounts with well-known passwords, and
refused on any database holding accounts or pages it did not make (demo.guard).
"""

import logging
from contextlib import contextmanager

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.test.utils import override_settings
from django.utils.translation import gettext as _

from demo import content
from demo.builder import DemoBuilder, describe
from demo.guard import foreign_content

IN_MEMORY_EMAIL = "django.core.mail.backends.locmem.EmailBackend"


@contextmanager
def quiet_wagtail_log():
    """Wagtail logs every page edit at INFO; for a seed of dozens of pages that
    buries the summary and the log-ins, which are what the developer needs."""
    logger = logging.getLogger("wagtail")
    previous = logger.level
    logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        logger.setLevel(previous)


class Command(BaseCommand):
    help = _(
        "Isi situs dengan konten demo: kontributor, artikel berilustrasi, dan akun "
        "demo. Hanya berjalan jika DEBUG aktif."
    )

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError(
                _(
                    "seed_demo menolak berjalan karena DEBUG tidak aktif: perintah ini "
                    "membuat akun dengan kata sandi yang diketahui umum. Jalankan di "
                    "mesin pengembangan (DJANGO_SETTINGS_MODULE=website.settings.dev)."
                )
            )
        foreign = foreign_content()
        if foreign:
            raise CommandError(
                _(
                    "seed_demo menolak berjalan: basis data ini berisi akun atau "
                    "halaman yang tidak dibuatnya (%s). Konten demo hanya boleh "
                    "ditambahkan ke basis data kosong atau basis data demo. Periksa "
                    "DATABASE_URL."
                )
                % "; ".join(foreign)
            )
        # Publishing notifies each page's owner; thirty "sudah terbit" e-mails about
        # demo pages would bury the summary, so they go to an in-memory outbox.
        with (
            quiet_wagtail_log(),
            override_settings(EMAIL_BACKEND=IN_MEMORY_EMAIL),
            transaction.atomic(),
        ):
            created = DemoBuilder(self.stdout, self.style).build()

        if any(created.values()):
            self.stdout.write(
                self.style.SUCCESS(_("Konten demo dibuat: %s.") % describe(created))
            )
        else:
            self.stdout.write(_("Konten demo sudah ada; tidak ada yang diubah."))
        self.print_logins()

    def print_logins(self):
        admin_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/admin/"
        self.stdout.write("")
        self.stdout.write(_("Akun demo, masuk di %s") % admin_url)
        width = max(len(user.role) for user in content.USERS)
        for user in content.USERS:
            self.stdout.write(
                f"  {user.role:<{width}}  "
                + _("nama pengguna: %(username)s  kata sandi: %(password)s")
                % {"username": user.username, "password": user.password}
            )
