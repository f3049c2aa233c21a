"""Demo competitions (demo/fixtures/competitions.yaml), in kk, ru and en: a
chess tournament for blind players by disability group with published
measured results (points, a shared place among them), a dombra contest with
published jury scores and a tie, and an expressive-reading contest whose
judging is still open (the demo superuser chairs its jury, so the judges'
screen can be tried).

Entries, scores and results belong to the Kazakh page (the judged one); the
Russian and English pages show the same results. `demo.festivals` judges
the festival's nominations with the same helpers."""

import datetime
from decimal import Decimal

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.utils import timezone

from branches.models import Branch, BranchKind
from competitions.enums import JudgingState
from competitions.models import Category, CompetitionPage, Criterion, Entry, JuryMember
from competitions.services import (
    entry_add,
    judging_close,
    result_record,
    results_publish,
    scores_save,
)
from demo.data import load
from demo.engine import Registration, RegistrationStatus, person_find_or_create
from demo.seeding import TreeBuilder, local_time, translation_key
from events.models import EventIndexPage


def judge(username):
    """A jury member: the demo superuser for "admin", else a demo judge of
    the data file (staff who can open the admin, with no password yet)."""
    user_model = get_user_model()
    if username == "admin":
        return user_model.objects.filter(is_superuser=True).order_by("pk").first()
    spec = next(j for j in load("competitions")["judges"] if j["username"] == username)
    user, created = user_model.objects.get_or_create(
        username=username,
        defaults={
            "first_name": spec["first_name"],
            "last_name": spec["last_name"],
            "is_staff": True,
        },
    )
    if created:
        user.set_unusable_password()  # the demo judges sign in only when staff set a password
        user.save()
        user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


def criteria() -> list[dict]:
    """The criteria of every scored demo competition, by language."""
    return load("competitions")["criteria"]


def page_fields(spec, code, start):
    return {
        "title": spec["title"][code],
        "start": start,
        "end": start + datetime.timedelta(hours=5),
        "summary": spec["summary"][code],
        "competition_kind": spec["kind"],
        "discipline": spec["discipline"][code],
        "result_type": spec["result_type"],
        "unit": spec.get("unit", {}).get(code, ""),
        "audience": "disability-groups",
    }


# Branches of demo/fixtures/branches.yaml that send no entrants.
REPORTS_ONLY = ("kazygurt", "turkistan")


def branches_of_entrants(locales: dict) -> list[Branch]:
    """The branches entrants come from, in turn (not the department, nor
    the branches added later for the reports' demo: the results stay as they were)."""
    return list(
        Branch.objects.filter(locale=locales[settings.LANGUAGE_CODE])
        .exclude(kind=BranchKind.DEPARTMENT)
        .exclude(translation_key__in=[translation_key(f"branch:{k}") for k in REPORTS_ONLY])
        .order_by("pk")
    )


def seed(builder: TreeBuilder, locales: dict, homes: dict) -> None:
    indexes = {
        code: EventIndexPage.objects.get(translation_key=translation_key("events"), locale=locale)
        for code, locale in locales.items()
    }
    branches = branches_of_entrants(locales)
    today = timezone.localdate()
    for spec in load("competitions")["competitions"]:
        start = local_time(today + datetime.timedelta(days=spec["days"]))
        jury = [j for j in (judge(u) for u in spec["jury"]) if j is not None]

        def children(page, code, spec=spec, jury=jury):
            for order, category in enumerate(spec["categories"]):
                page.categories.add(
                    Category(name=category[code], basis=category["basis"], sort_order=order)
                )
            if spec["result_type"] == "scored":
                for order, names in enumerate(criteria()):
                    page.criteria.add(
                        Criterion(name=names[code], maximum=Decimal(10), sort_order=order)
                    )
            if code == settings.LANGUAGE_CODE:
                for order, user in enumerate(jury):
                    page.jury.add(JuryMember(user=user, is_chair=order == 0, sort_order=order))

        pages = builder.ensure_page(
            CompetitionPage,
            spec["key"],
            indexes,
            slug=spec["slug"],
            fields=lambda code, spec=spec, start=start: page_fields(spec, code, start),
            children=children,
        )
        page = CompetitionPage.objects.get(pk=pages[settings.LANGUAGE_CODE].pk)
        if len(jury) == len(spec["jury"]) and not Entry.objects.filter(competition=page).exists():
            seed_entries(page, spec, jury, branches)


def seed_entries(page, spec, jury, branches):
    """The entries of a competition with their scores or results; then, if
    the data says so, judging closed and the results published."""
    categories = list(page.categories.order_by("sort_order"))
    page_criteria = list(page.criteria.order_by("sort_order"))
    chair = jury[0]
    district = load("competitions")["entrant_district"]
    for number, row in enumerate(spec["entries"]):
        person = person_find_or_create(
            full_name=row["name"],
            branch=branches[number % len(branches)] if branches else None,
            district=district,
        )
        registration, _created = Registration.objects.get_or_create(
            event=page,
            person=person,
            defaults={
                "status": RegistrationStatus.CONFIRMED,
                "consent_version": settings.PRIVACY_NOTICE_VERSION,
                "consented_at": timezone.now(),
            },
        )
        entry = entry_add(
            competition=page,
            registration=registration,
            category=categories[row["category"]],
            work_title=row.get("work", ""),
            work_author=row.get("author", ""),
        )
        if spec["result_type"] == "scored":
            for member, scores in zip(jury, row["scores"], strict=True):
                if scores is not None:
                    scores_save(
                        entry=entry,
                        judge=member,
                        values={
                            c: Decimal(str(v)) for c, v in zip(page_criteria, scores, strict=True)
                        },
                    )
        else:
            outcome = str(row["result"])
            if outcome in ("dnf", "dns", "dsq"):
                result_record(entry=entry, user=chair, status=outcome)
            else:
                result_record(entry=entry, user=chair, status="finished", value=Decimal(outcome))
    for name, award in spec.get("awards", {}).items():
        Entry.objects.filter(competition=page, registration__person__full_name=name).update(**award)
    if spec["state"] == JudgingState.PUBLISHED:
        judging_close(competition=page, user=chair)
        results_publish(competition=page, user=chair)
