"""Demo events for seed_demo: kinds, organisers, venues and events with
programmes in kk, ru and en, dated relative to today; and open registration
on a few upcoming events, with registrations made through the engine."""

import datetime
import os

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone

from branches.models import Branch
from core.seeding import TreeBuilder
from events import demo_content as content
from events.models import EventIndexPage, EventKind, EventPage, ProgrammeItem, Venue
from people.services import person_find_or_create
from registrations.services import registration_create


def _at(day: datetime.date, clock: str) -> datetime.datetime:
    hour, minute = (int(part) for part in clock.split(":"))
    return datetime.datetime(
        day.year, day.month, day.day, hour, minute, tzinfo=timezone.get_current_timezone()
    )


def seed(builder: TreeBuilder, locales: dict, homes: dict) -> None:
    kinds = {
        spec["slug"]: builder.ensure_snippet(
            EventKind,
            f"kind:{spec['slug']}",
            locales,
            lambda code, s=spec: {"name": s[code], "slug": s["slug"]},
        )
        for spec in content.KINDS
    }
    branches = {
        spec["key"]: builder.ensure_snippet(
            Branch,
            f"branch:{spec['key']}",
            locales,
            lambda code, s=spec: {
                "name": s["name"][code],
                "kind": s["kind"],
                "district": s["district"][code],
            },
        )
        for spec in content.BRANCHES
    }
    venues = {
        spec["key"]: builder.ensure_snippet(
            Venue,
            f"venue:{spec['key']}",
            locales,
            lambda code, s=spec: {
                **s[code],
                "step_free": s["step_free"],
                "tactile_paths": s["tactile_paths"],
            },
        )
        for spec in content.VENUES
    }
    index_spec = content.EVENT_INDEX
    indexes = builder.ensure_page(
        EventIndexPage,
        "events",
        homes,
        slug=index_spec["slug"],
        show_in_menus=True,
        fields=lambda code: {
            "title": index_spec[code]["title"],
            "intro": index_spec[code]["intro"],
        },
    )
    today = timezone.localdate()
    events = {}
    for spec in content.EVENTS:
        first_day = today + datetime.timedelta(days=spec["days"])
        last_day = first_day + datetime.timedelta(days=spec.get("duration_days", 1) - 1)

        def fields(code, s=spec, first_day=first_day, last_day=last_day):
            text = s[code]
            return {
                "title": text["title"],
                "summary": text["summary"],
                "status_note": text.get("status_note", ""),
                "body": [{"type": "paragraph", "value": text["body"]}] if text.get("body") else [],
                "start": _at(first_day, s["start"]),
                "end": _at(last_day, s["end"]),
                "all_day": s.get("all_day", False),
                "status": s.get("status", "scheduled"),
                "capacity": s.get("capacity"),
                "audience": s["audience"],
                "kind": kinds[s["kind"]][code],
                "venue": venues[s["venue"]][code],
                "organiser": branches[s["organiser"]][code],
            }

        def programme(page, code, s=spec, first_day=first_day):
            # Items are listed in order; a time earlier than the one before
            # means the next day of a multi-day event.
            items, day, previous = [], first_day, None
            for order, (starts, ends, title, performer, room, notes) in enumerate(
                s[code]["programme"]
            ):
                if previous is not None and starts < previous:
                    day += datetime.timedelta(days=1)
                previous = starts
                items.append(
                    ProgrammeItem(
                        sort_order=order,
                        starts_at=_at(day, starts),
                        ends_at=_at(day, ends) if ends else None,
                        title=title,
                        performer=performer,
                        room=room,
                        notes=notes,
                    )
                )
            page.programme_items = items

        events[spec["key"]] = builder.ensure_page(
            EventPage,
            f"event:{spec['key']}",
            indexes,
            slug=spec["slug"],
            fields=fields,
            children=programme,
        )
    seed_registrations(events, branches)


# Registrations ---------------------------------------------------------------

# Upcoming events that take registrations on the site, in every language:
# places and whether staff approve each registration.
OPEN_REGISTRATION = {
    # An ordinary event with plenty of places.
    "disability-day-concert": {"capacity": 80, "requires_approval": False},
    # Methodologists' Day: librarians of the branches, each approved by the department.
    "methodologists-day-q4": {"capacity": 40, "requires_approval": True},
    # A small lesson, full (one reader comes with an escort), two waiting.
    "computer-literacy-magnifier": {"capacity": 6, "requires_approval": False},
}

# Fictitious people (phones +7 700 000 00 xx, e-mails at example.org), in the
# order they registered. "assisted": a librarian took it over the phone.
DEMO_REGISTRATIONS = [
    # disability-day-concert
    {
        "event": "disability-day-concert",
        "lang": "kk",
        "person": {
            "full_name": "Айгүл Жұмабекова",
            "phone": "+7 700 000 00 01",
            "preferred_format": "braille",
            "branch": "library",
            "district": "Шымкент",
        },
        "guide_dog": True,
        "material_format": "braille",
        "disability_group": "i",
    },
    {
        "event": "disability-day-concert",
        "lang": "kk",
        "assisted": True,
        "person": {
            "full_name": "Нұрлан Есенов",
            "phone": "+7 700 000 00 02",
            "branch": "sayram",
            "district": "Сайрам ауданы",
        },
        "escort_name": "Сәуле Есенова",
        "seating_needs": "Кіреберіске жақын орын",
        "disability_group": "ii",
    },
    {
        "event": "disability-day-concert",
        "lang": "ru",
        "person": {
            "full_name": "Ольга Ким",
            "phone": "+7 700 000 00 03",
            "email": "olga.kim@example.org",
            "preferred_language": "ru",
            "preferred_format": "large-print",
        },
        "material_format": "large-print",
        "other_needs": "Программу крупным шрифтом, пожалуйста.",
        "disability_group": "not-said",
    },
    {
        "event": "disability-day-concert",
        "lang": "kk",
        "assisted": True,
        "person": {
            "full_name": "Данияр Оспанов",
            "phone": "+7 700 000 00 04",
            "branch": "boarding-school",
        },
        "guardian_name": "Гүлмира Оспанова",
        "material_format": "audio",
    },
    # methodologists-day-q4 (approval)
    {
        "event": "methodologists-day-q4",
        "lang": "kk",
        "person": {
            "full_name": "Жанар Төлеуова",
            "phone": "+7 700 000 00 05",
            "email": "zhanar.toleuova@example.org",
            "branch": "sayram",
        },
        "category": "Сайрам филиалы",
    },
    {
        "event": "methodologists-day-q4",
        "lang": "ru",
        "person": {
            "full_name": "Марина Петренко",
            "phone": "+7 700 000 00 06",
            "email": "marina.petrenko@example.org",
            "preferred_language": "ru",
            "branch": "kentau",
        },
        "category": "Кентауский филиал",
    },
    {
        "event": "methodologists-day-q4",
        "lang": "kk",
        "assisted": True,
        "person": {
            "full_name": "Бауыржан Әлиев",
            "phone": "+7 700 000 00 07",
            "branch": "tolebi",
        },
        "category": "Төле би филиалы",
    },
    # computer-literacy-magnifier: 6 places, all on the Kazakh page
    {
        "event": "computer-literacy-magnifier",
        "lang": "kk",
        "person": {"full_name": "Сая Мұратова", "phone": "+7 700 000 00 08"},
        "material_format": "large-print",
    },
    {
        "event": "computer-literacy-magnifier",
        "lang": "kk",
        "assisted": True,
        "person": {"full_name": "Ерболат Қасымов", "phone": "+7 700 000 00 09"},
        "escort_name": "Әлия Қасымова",
        "disability_group": "i",
    },
    {
        "event": "computer-literacy-magnifier",
        "lang": "kk",
        "person": {
            "full_name": "Виктор Ли",
            "phone": "+7 700 000 00 10",
            "preferred_language": "ru",
        },
    },
    {
        "event": "computer-literacy-magnifier",
        "lang": "kk",
        "assisted": True,
        "person": {"full_name": "Гүлнар Әбдірахманова", "phone": "+7 700 000 00 11"},
        "seating_needs": "Үлкен мониторы бар компьютер",
    },
    {
        "event": "computer-literacy-magnifier",
        "lang": "kk",
        "person": {"full_name": "Тимур Садықов", "phone": "+7 700 000 00 12"},
    },
    {
        "event": "computer-literacy-magnifier",
        "lang": "kk",
        "person": {"full_name": "Роза Байжанова", "phone": "+7 700 000 00 13"},
    },
    {
        "event": "computer-literacy-magnifier",
        "lang": "kk",
        "assisted": True,
        "person": {
            "full_name": "Алексей Ни",
            "phone": "+7 700 000 00 14",
            "preferred_language": "ru",
        },
        "other_needs": "Приедет на такси, встретить у входа.",
    },
]


def _demo_librarian():
    """Who entered the assisted registrations: the demo superuser when it
    exists. On a fresh database it does not yet (seed_demo creates it after
    the content), and those registrations are then entered without a user."""
    username = os.environ.get("DEMO_ADMIN_USERNAME", "admin")
    return get_user_model().objects.filter(username=username).first()


def open_registration(events: dict) -> set[tuple[str, str]]:
    """Open registration on the events of OPEN_REGISTRATION in each language,
    once: a page whose registration_opens is set is left as it is. Returns the
    (event key, language) pairs opened now."""
    now = timezone.now()
    opened = set()
    for key, options in OPEN_REGISTRATION.items():
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


def seed_registrations(events: dict, branches: dict) -> None:
    """Registrations on the events opened in this run, through the engine
    (so statuses, places and the waiting list come out as on the site)."""
    opened = open_registration(events)
    if not opened:
        return
    librarian = _demo_librarian()
    for spec in DEMO_REGISTRATIONS:
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
