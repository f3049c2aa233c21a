"""Open registration on a few upcoming demo events and register the demo's
people on them through the engine (demo/fixtures/registrations.yaml), so
that statuses, places and the waiting list come out as on the site."""

import datetime
import os

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone

from demo.data import load
from demo.engine import person_find_or_create, registration_create


def _demo_librarian():
    """Who entered the assisted registrations: the demo superuser when it
    exists. On a fresh database it does not yet (seed_demo creates it after
    the content), and those registrations are then entered without a user."""
    username = os.environ.get("DEMO_ADMIN_USERNAME", "admin")
    return get_user_model().objects.filter(username=username).first()


def open_registration(events: dict) -> set[tuple[str, str]]:
    """Open registration on the events of `open_registration` in each
    language, once: a page whose registration_opens is set is left as it is.
    Returns the (event key, language) pairs opened now."""
    now = timezone.now()
    opened = set()
    for key, options in load("registrations")["open_registration"].items():
        for code, page in events[key].items():
            if page.registration_opens is not None:
                continue
            page.registration_opens = now - datetime.timedelta(days=10)
            page.registration_closes = page.start - datetime.timedelta(days=1)
            page.capacity = options["capacity"]
            page.requires_approval = options["requires_approval"]
            page.save_revision().publish()
            opened.add((key, code))
    return opened


def seed(events: dict, branches: dict) -> None:
    """Registrations on the events opened in this run."""
    opened = open_registration(events)
    if not opened:
        return
    librarian = _demo_librarian()
    for spec in load("registrations")["registrations"]:
        if (spec["event"], spec["lang"]) not in opened:
            continue
        person_fields = dict(spec["person"])
        if "branch" in person_fields:
            person_fields["branch"] = branches[person_fields["branch"]]["kk"]
        person = person_find_or_create(**person_fields)
        needs = {
            name: value
            for name, value in spec.items()
            if name not in ("event", "lang", "assisted", "person")
        }
        registration_create(
            event=events[spec["event"]][spec["lang"]],
            person=person,
            consent_version=settings.PRIVACY_NOTICE_VERSION,
            entered_by=librarian if spec.get("assisted") else None,
            **needs,
        )
