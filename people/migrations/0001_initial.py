"""Person, moved from events/. Its table, events_person, exists already
(events 0002): this takes the model into this app's state without touching
the table, and renames its content type."""

import django.db.models.deletion
from django.db import migrations, models


def rename_content_type(apps, schema_editor):
    """An existing database: the content type of events.person becomes
    people.person, and with it its permissions (and the groups holding them)
    and the audit entries that point to it. A new database has none yet:
    Django makes the content type after migrating."""
    content_type = apps.get_model("contenttypes", "ContentType")
    content_type.objects.filter(app_label="events", model="person").update(app_label="people")


def restore_content_type(apps, schema_editor):
    content_type = apps.get_model("contenttypes", "ContentType")
    content_type.objects.filter(app_label="people", model="person").update(app_label="events")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("branches", "0002_staffprofile"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("events", "0003_people_move_to_their_app"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Person",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("full_name", models.CharField(max_length=200, verbose_name="full name")),
                        ("name_key", models.CharField(db_index=True, editable=False, max_length=200)),
                        ("date_of_birth", models.DateField(blank=True, null=True, verbose_name="date of birth")),
                        ("email", models.EmailField(blank=True, max_length=254, verbose_name="e-mail")),
                        ("phone", models.CharField(blank=True, max_length=20, verbose_name="phone")),
                        ("district", models.CharField(blank=True, max_length=120, verbose_name="town or district")),
                        ("preferred_language", models.CharField(choices=[("kk", "Қазақша"), ("ru", "Русский"), ("en", "English")], default="kk", max_length=5, verbose_name="preferred language")),
                        ("preferred_format", models.CharField(blank=True, choices=[("braille", "Braille"), ("large-print", "Large print"), ("audio", "Audio"), ("electronic", "Electronic text"), ("regular", "Regular print")], max_length=20, verbose_name="preferred format of materials")),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                        ("updated_at", models.DateTimeField(auto_now=True)),
                        ("branch", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="people", to="branches.branch", verbose_name="library branch")),
                        ("calendar", models.OneToOneField(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="person", to="events.personalcalendar")),
                    ],
                    options={
                        "verbose_name": "person",
                        "verbose_name_plural": "people",
                        "db_table": "events_person",
                        "indexes": [models.Index(fields=["email"], name="events_pers_email_fc9ede_idx"), models.Index(fields=["phone"], name="events_pers_phone_479b9b_idx")],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(rename_content_type, restore_content_type),
    ]
