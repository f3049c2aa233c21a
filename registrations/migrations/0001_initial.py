"""Registration, moved from events/. Its table, events_registration, exists
already (events 0002): this takes the model into this app's state without
touching the table, and renames its content type (so the permissions
view_all_branches and view_disability_group stay with the groups that hold
them)."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

import registrations.models


def rename_content_type(apps, schema_editor):
    """An existing database: the content type of events.registration becomes
    registrations.registration, and with it its permissions (and the groups holding them)
    and the audit entries that point to it. A new database has none yet:
    Django makes the content type after migrating."""
    content_type = apps.get_model("contenttypes", "ContentType")
    content_type.objects.filter(app_label="events", model="registration").update(app_label="registrations")


def restore_content_type(apps, schema_editor):
    content_type = apps.get_model("contenttypes", "ContentType")
    content_type.objects.filter(app_label="registrations", model="registration").update(app_label="events")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("events", "0003_people_move_to_their_app"),
        ("people", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Registration",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("category", models.CharField(blank=True, max_length=200, verbose_name="nomination or category")),
                        ("status", models.CharField(choices=[("pending", "Waiting for approval"), ("confirmed", "Confirmed"), ("waitlisted", "On the waiting list"), ("cancelled", "Cancelled"), ("rejected", "Not accepted"), ("attended", "Attended")], db_index=True, max_length=20, verbose_name="status")),
                        ("waitlist_position", models.PositiveIntegerField(blank=True, null=True, verbose_name="waiting-list number")),
                        ("code", models.CharField(default=registrations.models.new_registration_code, max_length=12, unique=True, verbose_name="registration code")),
                        ("access_token", models.CharField(default=registrations.models.new_access_token, editable=False, max_length=40, unique=True)),
                        ("answers", models.JSONField(blank=True, default=dict, verbose_name="answers")),
                        ("escort_name", models.CharField(blank=True, help_text="The escort is registered too and takes a place.", max_length=200, verbose_name="escort's name")),
                        ("guide_dog", models.BooleanField(default=False, verbose_name="comes with a guide dog")),
                        ("material_format", models.CharField(blank=True, choices=[("braille", "Braille"), ("large-print", "Large print"), ("audio", "Audio"), ("electronic", "Electronic text"), ("regular", "Regular print")], max_length=20, verbose_name="format of materials")),
                        ("seating_needs", models.CharField(blank=True, max_length=500, verbose_name="seating or mobility needs")),
                        ("other_needs", models.TextField(blank=True, verbose_name="anything else we should know")),
                        ("disability_group", models.CharField(blank=True, choices=[("i", "Group I"), ("ii", "Group II"), ("iii", "Group III"), ("none", "No disability group"), ("not-said", "Prefer not to say")], max_length=10, verbose_name="disability group")),
                        ("consent_version", models.CharField(max_length=40, verbose_name="privacy notice version")),
                        ("consented_at", models.DateTimeField(verbose_name="consent given")),
                        ("guardian_name", models.CharField(blank=True, max_length=200, verbose_name="parent or guardian")),
                        ("guardian_consented_at", models.DateTimeField(blank=True, null=True, verbose_name="guardian's consent given")),
                        ("decision_reason", models.CharField(blank=True, max_length=500, verbose_name="reason")),
                        ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="registered")),
                        ("status_changed_at", models.DateTimeField(auto_now_add=True, verbose_name="status changed")),
                        ("checked_in_at", models.DateTimeField(blank=True, null=True, verbose_name="checked in")),
                        ("entered_by", models.ForeignKey(blank=True, help_text="Empty when the person registered themself.", null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to=settings.AUTH_USER_MODEL, verbose_name="entered by")),
                        ("event", models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="registrations", to="events.eventpage")),
                        ("person", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="registrations", to="people.person")),
                    ],
                    options={
                        "verbose_name": "registration",
                        "verbose_name_plural": "registrations",
                        "db_table": "events_registration",
                        "permissions": [("view_disability_group", "Can see disability groups"), ("view_all_branches", "Can see registrations of every branch")],
                        "constraints": [models.UniqueConstraint(fields=("event", "person"), name="one_registration_per_person"), models.UniqueConstraint(fields=("event", "waitlist_position"), name="unique_waitlist_position")],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(rename_content_type, restore_content_type),
    ]
