"""The sealed authenticator device now lives in the `accounts` app (accounts 0001).

A proxy: no table to drop or rename. accounts 0001 relabelled its content type; here
it leaves website's state only.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("website", "0014_page_cache_generation_moved_to_caching"),
        ("accounts", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="SealedTOTPDevice")],
            database_operations=[],
        ),
    ]
