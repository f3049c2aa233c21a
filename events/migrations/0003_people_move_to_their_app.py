"""Person moved to people/: the model leaves this app's state; its table (events_person) stays as it is."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('events', '0002_registrations'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
            migrations.RemoveField(
                model_name='registration',
                name='person',
            ),
            migrations.RemoveField(
                model_name='registration',
                name='entered_by',
            ),
            migrations.RemoveField(
                model_name='registration',
                name='event',
            ),
            migrations.DeleteModel(
                name='Person',
            ),
            ],
            database_operations=[],
        ),
    ]
