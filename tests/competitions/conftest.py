"""Factories for competition tests: a competition with categories, criteria,
a jury of staff users and entries (registrations placed in categories)."""

import datetime
import itertools
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.utils import timezone, translation
from wagtail.models import Locale
from wagtail.users.models import UserProfile

from branches.models import Branch, BranchKind
from competitions.models import Category, CompetitionPage, Criterion, JuryMember
from competitions.services import entry_add
from events.models import EventIndexPage
from people.models import Person
from registrations.models import Registration
from tests.certificates.conftest import certificate_template  # noqa: F401 - shared fixture

_counter = itertools.count(1)

NAMES = [
    "Әйгерім Сапарова",
    "Ерлан Нұрғалиев",
    "Анна Ковалёва",
    "Гүлнар Әбдірахманова",
    "Сергей Иванов",
    "Динара Сейітова",
    "Қанат Төлеуов",
    "Ольга Петренко",
]


def en(text) -> str:
    """A (lazy) message as an English reader gets it."""
    with translation.override("en"):
        return str(text)


def in_language(code, message, **params) -> str:
    """A message of ours as a reader of `code` sees it (translated or not yet)."""
    with translation.override(code):
        text = translation.gettext(message)
    return text % params if params else text


def in_english(user):
    """The admin speaks English to this user (our tests read English strings;
    the admin's default, Russian, gets its translations separately)."""
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


@pytest.fixture
def superuser():
    return in_english(get_user_model().objects.filter(is_superuser=True).order_by("pk").first())


def make_staff(username, *, first_name="", last_name=""):
    user = get_user_model().objects.create_user(
        username=username,
        password="judge-password",
        first_name=first_name,
        last_name=last_name,
        is_staff=True,
    )
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return in_english(user)


@pytest.fixture
def make_competition():
    """make_competition(code="kk", judges=3, entries=4, categories=("Open",),
    criteria=(("Artistry", 10, 1), ...), result_type="scored", **fields)."""

    def make(
        code="kk",
        judges=3,
        entries=4,
        categories=("I топ", "II топ"),
        criteria=(("Көркемдігі", 10, 1), ("Мазмұны", 10, 1), ("Орындалуы", 10, 1)),
        publish=True,
        **fields,
    ):
        number = next(_counter)
        locale = Locale.objects.get(language_code=code)
        index = EventIndexPage.objects.filter(locale=locale).first()
        start = (timezone.now() + datetime.timedelta(days=10 + number)).replace(
            minute=0, second=0, microsecond=0
        )
        page = CompetitionPage(
            title=fields.pop("title", f"Мәнерлеп оқу байқауы {number}"),
            slug=f"competition-{number}",
            start=start,
            end=start + datetime.timedelta(hours=4),
            summary="Мұқағали Мақатаев өлеңдерін мәнерлеп оқу.",
            competition_kind=fields.pop("competition_kind", "creative"),
            discipline=fields.pop("discipline", "Мәнерлеп оқу"),
            **fields,
        )
        for order, name in enumerate(categories):
            page.categories.add(Category(name=name, sort_order=order))
        if page.result_type == "scored":
            for order, (name, maximum, weight) in enumerate(criteria):
                page.criteria.add(
                    Criterion(
                        name=name,
                        maximum=Decimal(maximum),
                        weight=Decimal(weight),
                        sort_order=order,
                    )
                )
        users = [make_staff(f"judge{number}-{j}", first_name=f"Judge {j}") for j in range(judges)]
        for order, user in enumerate(users):
            page.jury.add(JuryMember(user=user, is_chair=order == 0, sort_order=order))
        index.add_child(instance=page)
        if publish:
            page.save_revision().publish()
        page = CompetitionPage.objects.get(pk=page.pk)
        branch = Branch.objects.filter(locale=locale).exclude(kind=BranchKind.DEPARTMENT).first()
        cats = list(page.categories.all())
        for n in range(entries):
            person = Person.objects.create(
                full_name=f"{NAMES[n % len(NAMES)]} {number}-{n}",
                district="Сайрам ауданы",
                branch=branch if n % 2 == 0 else None,
            )
            registration = Registration.objects.create(
                event=page,
                person=person,
                status="confirmed",
                consent_version="test",
                consented_at=timezone.now(),
            )
            entry_add(
                competition=page,
                registration=registration,
                category=cats[n % len(cats)],
                work_title=f"Өлең {n}",
                work_author="Мұқағали Мақатаев",
            )
        return page

    return make
