"""Demo events (demo/fixtures/events.yaml, venues.yaml, branches.yaml): kinds,
organisers, venues and events with programmes in kk, ru and en, dated
relative to today; then the demo registrations on a few of them."""

import datetime

from django.utils import timezone

from branches.models import Branch, BranchIndexPage
from demo import registrations
from demo.data import load
from demo.seeding import TreeBuilder, local_time
from events.models import EventIndexPage, EventKind, EventPage, ProgrammeItem, Venue


def seed(builder: TreeBuilder, locales: dict, homes: dict) -> None:
    content = load("events")
    kinds = {
        spec["slug"]: builder.ensure_snippet(
            EventKind,
            f"kind:{spec['slug']}",
            locales,
            lambda code, s=spec: {"name": s[code], "slug": s["slug"]},
        )
        for spec in content["kinds"]
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
                "phone": s.get("phone", ""),
                "email": s.get("email", ""),
                **dict.fromkeys(s.get("offers", []), True),
                **{
                    name: s[name][code]
                    for name in ("address", "opening_hours", "directions", "accessibility_notes")
                    if name in s
                },
            },
        )
        for spec in load("branches")["branches"]
    }
    directory = load("branches")["directory"]
    builder.ensure_page(
        BranchIndexPage,
        "branches",
        homes,
        slug="branches",
        show_in_menus=True,
        fields=lambda code: {
            "title": directory[code]["title"],
            "intro": directory[code]["intro"],
        },
    )
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
        for spec in load("venues")["venues"]
    }
    index_spec = content["index"]
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
    for spec in content["events"]:
        first_day = today + datetime.timedelta(days=spec["days"])
        last_day = first_day + datetime.timedelta(days=spec.get("duration_days", 1) - 1)

        def fields(code, s=spec, first_day=first_day, last_day=last_day):
            text = s[code]
            return {
                "title": text["title"],
                "summary": text["summary"],
                "status_note": text.get("status_note", ""),
                "body": [{"type": "paragraph", "value": text["body"]}] if text.get("body") else [],
                "start": local_time(first_day, s["start"]),
                "end": local_time(last_day, s["end"]),
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
            for order, item in enumerate(s[code]["programme"]):
                starts, ends = item["starts"], item.get("ends")
                if previous is not None and starts < previous:
                    day += datetime.timedelta(days=1)
                previous = starts
                items.append(
                    ProgrammeItem(
                        sort_order=order,
                        starts_at=local_time(day, starts),
                        ends_at=local_time(day, ends) if ends else None,
                        title=item["title"],
                        performer=item.get("performer", ""),
                        room=item.get("room", ""),
                        notes=item.get("notes", ""),
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
    registrations.seed(events, branches)
