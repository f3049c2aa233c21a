"""Demo events for seed_demo: kinds, organisers, venues and events with
programmes in kk, ru and en, dated relative to today."""

import datetime

from django.utils import timezone

from branches.models import Branch
from core.seeding import TreeBuilder
from events import demo_content as content
from events.models import EventIndexPage, EventKind, EventPage, ProgrammeItem, Venue


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

        builder.ensure_page(
            EventPage,
            f"event:{spec['key']}",
            indexes,
            slug=spec["slug"],
            fields=fields,
            children=programme,
        )
