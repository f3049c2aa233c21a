"""Factories for the trainings tests: a training index per language, trainings
with sessions, Methodologists' Days, translations, and enrolled people."""

import datetime
import itertools

import pytest
from django.utils import timezone
from wagtail.models import Locale

from branches.models import Branch, BranchKind
from events.models import Venue
from home.models import HomePage
from people.models import Person
from registrations.models import Registration
from registrations.services import registration_create
from tests.events.conftest import _bare_home, events_index, make_event  # noqa: F401
from trainings.enums import Quarter
from trainings.models import MethodologistsDayPage, TrainingIndexPage, TrainingPage, TrainingSession

_counter = itertools.count(1)


def _hour(days: int, hour: int) -> datetime.datetime:
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


@pytest.fixture
def training_index():
    """The trainings index of a language (made under the language's home page)."""

    def get(code="kk"):
        index = TrainingIndexPage.objects.filter(locale__language_code=code).first()
        if index is not None:
            return index
        home = HomePage.objects.filter(locale__language_code=code).first() or _bare_home(code)
        if code != "kk":
            # A translation of the kk index, so that pages under it can be translated.
            index = get("kk").copy_for_translation(home.locale)
        else:
            index = TrainingIndexPage(title="Оқыту", slug="trainings")
            home.add_child(instance=index)
        index.save_revision().publish()
        return index

    return get


@pytest.fixture
def department():
    locale = Locale.objects.get(language_code="kk")
    branch, _created = Branch.objects.get_or_create(
        locale=locale, kind=BranchKind.DEPARTMENT, defaults={"name": "Әдістемелік бөлім"}
    )
    return branch


@pytest.fixture
def make_training(training_index, department):
    """make_training(code="kk", sessions=[2, 4], days=3, publish=True, **fields):
    a training whose sessions (hours each) fall on consecutive days from
    `days` ahead (negative: in the past), 10:00 onwards."""

    def make(code="kk", sessions=(2, 2), days=3, publish=True, **fields):
        index = training_index(code)
        locale = Locale.objects.get(language_code=code)
        number = next(_counter)
        venue = fields.pop("venue", None) or Venue.objects.create(
            locale=locale, name=f"Әдістемелік кабинет {number}", address="Шымкент қ., 12"
        )
        page = TrainingPage(
            title=fields.pop("title", f"Зағип оқырмандарға қызмет көрсету {number}"),
            slug=fields.pop("slug", f"training-{number}"),
            start=_hour(days, 10),
            end=_hour(days + len(sessions) - 1, 10 + sessions[-1]),
            summary=fields.pop("summary", "Кітапханашыларға арналған семинар."),
            topic=fields.pop("topic", "Ассистивтік технологиялар"),
            venue=venue,
            organiser=department,
            **fields,
        )
        for order, hours in enumerate(sessions):
            start = _hour(days + order, 10)
            page.sessions.add(
                TrainingSession(
                    sort_order=order,
                    start=start,
                    end=start + datetime.timedelta(hours=hours),
                    topic=f"Сабақ {order + 1}",
                    trainer="Гүлнар Әбдірахманова",
                    venue=venue,
                    hours=hours,
                )
            )
        index.add_child(instance=page)
        if publish:
            page.save_revision().publish()
        return TrainingPage.objects.get(pk=page.pk)

    return make


@pytest.fixture
def translate(training_index):
    """translate(page, "ru", title=...): the page copied into another
    language (sessions and their keys included) and published."""

    def copy(page, code="ru", **fields):
        training_index(code)
        locale = Locale.objects.get(language_code=code)
        translated = page.copy_for_translation(locale)
        for name, value in fields.items():
            setattr(translated, name, value)
        translated.save_revision().publish()
        return type(page).objects.get(pk=translated.pk)

    return copy


@pytest.fixture
def make_day(training_index, department):
    """make_day(days=-30, quarter=1, code="kk", **fields): a Methodologists' Day."""

    def make(days=30, quarter=1, code="kk", publish=True, **fields):
        index = training_index(code)
        number = next(_counter)
        start = _hour(days, 10)
        page = MethodologistsDayPage(
            title=fields.pop("title", f"Әдіскерлер күні {number}"),
            slug=fields.pop("slug", f"methodologists-day-{number}"),
            start=start,
            end=fields.pop("end", start + datetime.timedelta(hours=4)),
            summary=fields.pop("summary", "Тоқсан сайынғы әдіскерлер күні."),
            year=fields.pop("year", start.year),
            quarter=Quarter(quarter),
            organiser=department,
            **fields,
        )
        index.add_child(instance=page)
        if publish:
            page.save_revision().publish()
        return MethodologistsDayPage.objects.get(pk=page.pk)

    return make


@pytest.fixture
def enrol():
    """enrol(event, "Айгүл Бекова", email=..., **registration fields) -> Registration."""

    def make(event, name=None, email="", branch=None, **fields) -> Registration:
        number = next(_counter)
        person = Person.objects.create(
            full_name=name or f"Кітапханашы {number}",
            email=email or f"librarian{number}@example.kz",
            branch=branch,
        )
        registration, _created = registration_create(
            event=event, person=person, consent_version="test", notify=False, **fields
        )
        return registration

    return make
