from django.db import migrations


def seal_secrets(apps, schema_editor):
    """Seal every authenticator secret still stored as plain hex (accounts.two_factor)."""
    from accounts.two_factor import secrets

    TOTPDevice = apps.get_model("otp_totp", "TOTPDevice")
    for device in TOTPDevice.objects.only("pk", "key").iterator():
        if not secrets.is_sealed(device.key):
            TOTPDevice.objects.filter(pk=device.pk).update(
                key=secrets.seal(device.key)
            )


def open_secrets(apps, schema_editor):
    """Back to plain hex, for django-otp's own TOTPDevice after a rollback."""
    from accounts.two_factor import secrets

    TOTPDevice = apps.get_model("otp_totp", "TOTPDevice")
    for device in TOTPDevice.objects.only("pk", "key").iterator():
        if secrets.is_sealed(device.key):
            TOTPDevice.objects.filter(pk=device.pk).update(
                key=secrets.open_sealed(device.key).hex()
            )


class Migration(migrations.Migration):
    dependencies = [
        ("otp_totp", "0003_add_timestamps"),
        ("website", "0008_english_plurals"),
    ]

    operations = [
        migrations.CreateModel(
            name="SealedTOTPDevice",
            fields=[],
            options={
                "verbose_name": "TOTP device (sealed secret)",
                "proxy": True,
                "indexes": [],
                "constraints": [],
            },
            bases=("otp_totp.totpdevice",),
        ),
        migrations.RunPython(seal_secrets, open_secrets, elidable=False),
    ]
