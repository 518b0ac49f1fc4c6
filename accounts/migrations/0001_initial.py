"""The sealed authenticator device, moved out of `website` (made in website 0009).

A proxy of django-otp's TOTPDevice: no table of its own, so nothing moves in the
database but its content type row, relabelled from `website` to `accounts` (its
permissions, and any group or user holding them, follow). A new database has no such
row yet; Django makes it under `accounts` after migrating. No dependency on
`website`: this app sits below it (website 0015 removes the model from its state).
"""

from django.db import migrations

from images.migrations._moved_models import move_content_types

MOVED = ["sealedtotpdevice"]


def move_to_accounts(apps, schema_editor):
    move_content_types(apps, schema_editor, "website", "accounts", MOVED)


def move_back(apps, schema_editor):
    move_content_types(apps, schema_editor, "accounts", "website", MOVED)


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("otp_totp", "0003_add_timestamps"),
    ]

    operations = [
        migrations.CreateModel(
            name="SealedTOTPDevice",
            fields=[],
            options={
                "verbose_name": "TOTP device (sealed secret)",
                "verbose_name_plural": "TOTP devices (sealed secret)",
                "proxy": True,
                "indexes": [],
                "constraints": [],
            },
            bases=("otp_totp.totpdevice",),
        ),
        migrations.RunPython(move_to_accounts, move_back),
    ]
