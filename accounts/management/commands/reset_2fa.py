"""`manage.py reset_2fa USERNAME`: remove a user's second factor after a lost phone.

For when the only administrator has lost hers, or no one can sign in to the admin.
The reset is recorded in the user's history in the admin, like a reset made there.
"""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from accounts.two_factor import reset


class Command(BaseCommand):
    help = "Remove a user's authenticator app and recovery codes (two-factor reset)."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        User = get_user_model()
        try:
            user = User.objects.get(**{User.USERNAME_FIELD: username})
        except User.DoesNotExist:
            raise CommandError(
                _("Pengguna %(username)s tidak ada.") % {"username": username}
            ) from None
        removed = reset(user)
        self.stdout.write(
            _(
                "Verifikasi dua langkah %(username)s disetel ulang (%(count)d perangkat "
                "dihapus). Ia akan mendaftarkan aplikasi autentikator lagi saat masuk."
            )
            % {"username": username, "count": removed}
        )
