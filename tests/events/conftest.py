"""Factories for event tests: an events index per language and events in it."""

import datetime
import itertools

import pytest
from django.utils import timezone
from wagtail.models import Locale, Page

from branches.models import Branch, BranchKind
from events.models import EventIndexPage, EventKind, EventPage, ProgrammeItem, Venue
from home.models import HomePage

_counter = itertools.count(1)
ALMATY = timezone.get_fixed_timezone(5 * 60)


def _bare_home(code):
    """A language's home page when the seeded tree is gone (a transactional
    test flushes the database, root page and locales included)."""
    locale, _created = Locale.objects.get_or_create(language_code=code)
    root = Page.get_first_root_node() or Page.add_root(
        instance=Page(title="Root", slug="root", locale=locale)
    )
    home = HomePage(title="Home", slug=f"home-{code}", locale=locale)
    root.add_child(instance=home)
    home.save_revision().publish()
    return home


@pytest.fixture
def events_index():
    """The events index of a language (seed_demo makes one per language)."""

    def get(code="kk"):
        index = EventIndexPage.objects.filter(locale__language_code=code).first()
        if index is None:
            home = HomePage.objects.filter(locale__language_code=code).first() or _bare_home(code)
            index = EventIndexPage(title="Іс-шаралар", slug="events")
            home.add_child(instance=index)
            index.save_revision().publish()
        return index

    return get


@pytest.fixture
def make_event(events_index):
    """make_event(code="kk", start=..., programme=[("10:00", "Ашылу"), ...], **fields)."""

    def make(code="kk", start=None, hours=2, programme=(), publish=True, **fields):
        index = events_index(code)
        locale = Locale.objects.get(language_code=code)
        number = next(_counter)
        # 11:00 local time `number` days ahead: an event of a few hours never
        # crosses midnight, whatever the hour the tests run at.
        start = start or timezone.localtime(
            timezone.now() + datetime.timedelta(days=number)
        ).replace(hour=11, minute=0, second=0, microsecond=0)
        venue = fields.pop("venue", None) or Venue.objects.create(
            locale=locale,
            name=f"Оқу залы {number}",
            address="Шымкент қ., Оқырман көшесі, 12",
            step_free=True,
            tactile_paths=True,
            escort_meeting_point="Кіреберісте",
        )
        kind = (
            fields.pop("kind", None)
            or EventKind.objects.get_or_create(
                locale=locale, slug="reading", defaults={"name": "Оқу кеші"}
            )[0]
        )
        organiser = (
            fields.pop("organiser", None)
            or Branch.objects.get_or_create(
                locale=locale, kind=BranchKind.DEPARTMENT, defaults={"name": "Әдістемелік бөлім"}
            )[0]
        )
        page = EventPage(
            title=fields.pop("title", f"Мақатаев оқулары {number}"),
            slug=fields.pop("slug", f"event-{number}"),
            start=start,
            end=fields.pop("end", start + datetime.timedelta(hours=hours)),
            summary=fields.pop("summary", "Мұқағали Мақатаев өлеңдерін оқу."),
            venue=venue,
            kind=kind,
            organiser=organiser,
            **fields,
        )
        for order, (time_text, title) in enumerate(programme):
            hour, minute = (int(part) for part in time_text.split(":"))
            page.programme_items.add(
                ProgrammeItem(
                    sort_order=order,
                    starts_at=start.replace(hour=hour, minute=minute),
                    title=title,
                    performer="Әйгерім Сапарова",
                    room="Оқу залы",
                )
            )
        index.add_child(instance=page)
        if publish:
            page.save_revision().publish()
        return EventPage.objects.get(pk=page.pk)

    return make
