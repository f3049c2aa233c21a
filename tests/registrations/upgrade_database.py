"""Run by test_upgrade.py in a process of its own: a database as it was
before people and registrations left events/ is upgraded, and what it held
must still be there under the new apps. Prints one JSON line of findings."""

import datetime
import json
import os
import sys

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
django.setup()

from django.contrib.auth.models import Group, Permission, User  # noqa: E402
from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.migrations.executor import MigrationExecutor  # noqa: E402
from django.utils import timezone  # noqa: E402
from wagtail.models import Locale, Page  # noqa: E402

from events.models import EventPage  # noqa: E402
from people.models import Person  # noqa: E402
from registrations.models import Registration  # noqa: E402

# Where the tree stood before the split.
BEFORE = [("events", "0002"), ("certificates", "0001"), ("competitions", "0002")]

call_command("migrate", verbosity=0)
for app, migration in BEFORE:
    call_command("migrate", app, migration, verbosity=0)
applied = set(
    connection.cursor()
    .execute(
        "SELECT app || '.' || name FROM django_migrations WHERE app IN ('people', 'registrations')"
    )
    .fetchall()
)
assert not applied, applied

# Data of the old shape: the tables are the same, so today's models can write
# them (without the audit log, which would make today's content types).
start = timezone.now() + datetime.timedelta(days=3)
root = Page.get_first_root_node()
event = root.add_child(
    instance=EventPage(
        title="Оқу кеші",
        slug="reading",
        summary="Кітап оқу.",
        locale=Locale.get_default(),
        start=start,
        end=start + datetime.timedelta(hours=2),
    )
)
# A person of the old shape: today's Person has columns added since (staff_user).
OldPerson = (
    MigrationExecutor(connection).loader.project_state(("events", "0002_registrations")).apps
).get_model("events", "Person")
person = OldPerson.objects.create(
    full_name="Айгерім Сапарова",
    name_key=Person.fold_name("Айгерім Сапарова"),
    phone="+77252000000",
)
registration = Registration.objects.create(
    event=event, person_id=person.pk, status="confirmed", consent_version="v1", consented_at=start
)
old_types = dict(
    ContentType.objects.filter(model__in=["person", "registration"]).values_list(
        "model", "app_label"
    )
)
group = Group.objects.create(name="Department")
group.permissions.add(
    Permission.objects.get(content_type__app_label="events", codename="view_all_branches"),
    Permission.objects.get(content_type__app_label="events", codename="view_registration"),
)
user = User.objects.create_user("methodologist")
user.groups.add(group)
type_pks = dict(
    ContentType.objects.filter(
        app_label="events", model__in=["person", "registration"]
    ).values_list("model", "pk")
)

call_command("migrate", verbosity=0)

user = User.objects.get(pk=user.pk)
print(
    json.dumps(
        {
            "old_types": old_types,
            "new_types": {
                model: [app, pk]
                for model, app, pk in ContentType.objects.filter(
                    model__in=["person", "registration"]
                ).values_list("model", "app_label", "pk")
            },
            "type_pks_before": type_pks,
            "registration": Registration.objects.filter(pk=registration.pk)
            .values_list("person__full_name", "event__title", "status")
            .first(),
            "user_perms": sorted(user.get_all_permissions()),
        },
        ensure_ascii=False,
    )
)
sys.exit(0)
