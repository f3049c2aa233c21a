"""The registration key now names registrations.Registration: the same table, so nothing changes in the database."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('competitions', '0002_entry_withdrawn_at'),
        ('registrations', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
            migrations.AlterField(
                model_name='entry',
                name='registration',
                field=models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='competition_entry', to='registrations.registration', verbose_name='registration'),
            ),
            ],
            database_operations=[],
        ),
    ]
