# The image model moved from `website` to `images` (images 0001 moved its table).

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('images', '0001_initial'),
        ('importer', '0003_export_fidelity'),
    ]

    operations = [
        migrations.AlterField(
            model_name='importedimage',
            name='image',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='images.customimage'),
        ),
    ]
