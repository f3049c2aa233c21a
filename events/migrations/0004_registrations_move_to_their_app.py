"""Registration moved to registrations/: the model leaves this app's state; its table (events_registration) stays as it is."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('certificates', '0002_registration_in_registrations'),
        ('competitions', '0003_registration_in_registrations'),
        ('events', '0003_people_move_to_their_app'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
            migrations.DeleteModel(
                name='Registration',
            ),
            ],
            database_operations=[],
        ),
    ]
