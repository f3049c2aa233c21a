"""Factories for the reports tests: branches with staff, indicators, periods,
and documents in a chosen state."""

import datetime
import itertools
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.utils import translation
from wagtail.models import Locale

from branches.models import Branch, BranchKind, StaffProfile
from reports import services
from reports.enums import Aggregation, DocumentKind, PeriodKind, Unit
from reports.models import BranchDocument, Indicator, ReportingPeriod

_counter = itertools.count(1)


@pytest.fixture
def make_branch():
    def make(name=None, district="Сайрам ауданы", kind=BranchKind.BRANCH, **fields):
        number = next(_counter)
        return Branch.objects.create(
            locale=Locale.objects.get(language_code="kk"),
            name=name or f"Тест филиалы {number}",
            kind=kind,
            district=district,
            **fields,
        )

    return make


@pytest.fixture
def make_staff():
    """make_staff(branch): a branch head's account (admin access, no review permission)."""

    def make(branch=None, *, department=False, username=None):
        number = next(_counter)
        user = get_user_model().objects.create_user(
            username or f"staff{number}", f"staff{number}@example.kz", "pass"
        )
        user.user_permissions.add(Permission.objects.get(codename="access_admin"))
        if department:
            user.user_permissions.add(Permission.objects.get(codename="review_branchdocument"))
        if branch is not None:
            StaffProfile.objects.create(user=user, branch=branch)
        return user

    return make


@pytest.fixture
def indicators():
    """Three indicators: readers (averaged), visits (summed), events (pre-filled);
    the only ones asked in new documents (the demo's are set aside)."""
    Indicator.objects.update(active=False)
    readers = Indicator.objects.create(
        code=f"readers-{next(_counter)}",
        name_kk="Оқырмандар",
        name_ru="Читатели",
        name_en="Readers",
        unit=Unit.PEOPLE,
        aggregation=Aggregation.AVERAGE,
        sort_order=1,
    )
    visits = Indicator.objects.create(
        code=f"visits-{next(_counter)}",
        name_kk="Келушілер",
        name_ru="Посещения",
        name_en="Visits",
        unit=Unit.VISITS,
        sort_order=2,
    )
    events = Indicator.objects.create(
        code=f"events-{next(_counter)}",
        name_kk="Іс-шаралар",
        name_ru="Мероприятия",
        name_en="Events held",
        unit=Unit.EVENTS,
        source="events-held",
        sort_order=3,
    )
    return {"readers": readers, "visits": visits, "events": events}


@pytest.fixture
def period():
    def make(year=2025, kind=PeriodKind.YEAR, number=1, deadline=None):
        found, _created = ReportingPeriod.objects.get_or_create(
            year=year,
            kind=kind,
            number=number,
            defaults={
                "report_deadline": deadline or datetime.date(year + 1, 1, 20),
                "plan_deadline": datetime.date(year - 1, 12, 20),
            },
        )
        return found

    return make


@pytest.fixture
def filed():
    """filed(branch, period, {indicator: value}, kind="report", state="accepted", by=user)."""

    def make(branch, period, values, *, kind=DocumentKind.REPORT, state="accepted", by=None):
        document, _created = services.document_get_or_create(
            branch=branch, period=period, kind=kind, by=by
        )
        services.document_save(
            document=document,
            values={indicator.pk: Decimal(value) for indicator, value in values.items()},
            narrative="Жұмыс жоспар бойынша жүрді.",
            by=by,
        )
        if state in ("submitted", "returned", "accepted"):
            document.values.filter(value__isnull=True).update(value=0)
            services.document_submit(document=document, by=by)
        if state == "returned":
            services.document_return(document=document, by=by, comments=[(None, "Толықтырыңыз.")])
        if state == "accepted":
            services.document_accept(document=document, by=by)
        document.refresh_from_db()
        return document

    return make


@pytest.fixture
def reviewers_group():
    group, _created = Group.objects.get_or_create(name="Methodologists (test)")
    group.permissions.add(Permission.objects.get(codename="review_branchdocument"))
    return group


from tests.events.conftest import events_index, make_event  # noqa: E402, F401 - shared fixtures


@pytest.fixture(autouse=True)
def _without_the_demos_reports(db):
    """The test database is the seeded demo: its periods and documents would
    be in every list here. Each test builds the few it needs; messages are
    compared in English."""
    BranchDocument.objects.all().delete()
    ReportingPeriod.objects.all().delete()
    with translation.override("en"):
        yield
