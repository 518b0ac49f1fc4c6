# The image model moved from `website` to `images` (images 0001 moved its table).

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('contributors', '0003_short_bio_room_for_real_bios'),
        ('images', '0001_initial'),
    ]

    operations = [
        migrations.AlterField(
            model_name='contributorpage',
            name='photo',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='images.customimage', verbose_name='foto'),
        ),
    ]
