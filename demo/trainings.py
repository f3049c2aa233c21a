"""Demo trainings and Methodologists' Days (demo/fixtures/trainings.yaml): the
trainings index in kk, ru and en, a past two-session training for the
branches' librarians with their attendance per session, an upcoming one-day
seminar, and the four Methodologists' Days of the current year, the past ones
with minutes and resolutions. Dates are relative to today.

The branches' librarians are staff accounts (no usable password) with a
StaffProfile and their own Person record (`Person.staff_user`). Attendance
and resolutions belong to the kk page (the source); a session is the same
sitting in every language through its `key`."""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone

from branches.models import Branch, StaffProfile
from demo.certificates import _template as certificate_template
from demo.data import load
from demo.engine import (
    Person,
    Registration,
    RegistrationStatus,
    registration_attend,
    registration_create,
)
from demo.registrations import _demo_librarian
from demo.seeding import TreeBuilder, local_time, translation_key
from events.models import EventKind, ProgrammeItem, Venue
from trainings.days import proposed_dates
from trainings.enums import Quarter, ResolutionStatus
from trainings.models import (
    MethodologistsDayPage,
    Resolution,
    SessionAttendance,
    TrainingIndexPage,
    TrainingPage,
    TrainingSession,
)

TUESDAY = 1


def _snippets(model, prefix: str, key: str, locales: dict) -> dict:
    """The demo snippet `key` (made by demo.events) in each language."""
    found = model.objects.filter(translation_key=translation_key(f"{prefix}:{key}"))
    by_locale = {item.locale_id: item for item in found}
    return {code: by_locale[locale.pk] for code, locale in locales.items()}


def _weekday(day: datetime.date, step: int) -> datetime.date:
    """`day`, or the nearest Monday-to-Friday from it in the direction `step` (±1)."""
    while day.weekday() >= 5:
        day += datetime.timedelta(days=step)
    return day


def _nth_weekday(year: int, month: int, weekday: int, *, on_or_after: int = 1) -> datetime.date:
    first = datetime.date(year, month, on_or_after)
    return first + datetime.timedelta(days=(weekday - first.weekday()) % 7)


def training_start(when, today: datetime.date) -> datetime.date:
    """The first session's day: `last-month` or days from today."""
    if when == "last-month":
        last_month = today.replace(day=1) - datetime.timedelta(days=1)
        return _nth_weekday(last_month.year, last_month.month, TUESDAY, on_or_after=8)
    return _weekday(today + datetime.timedelta(days=when), 1)


def day_dates(today: datetime.date) -> dict[int, datetime.date]:
    """The four Days of today's year on the dates the series proposes (the
    last Thursday of each quarter's middle month), except that at least one
    Day is past and one ahead: the Days on the wrong side of today move a week
    apart from it (in the first and last weeks of the year, over its edge)."""
    proposed = proposed_dates(today.year)
    past = min(max(sum(1 for day in proposed.values() if day < today), 1), 3)
    dates = {}
    for quarter, day in proposed.items():
        if quarter <= past:
            latest = today - datetime.timedelta(days=7 * (past - quarter + 1))
            dates[quarter] = _weekday(min(day, latest), -1)
        else:
            earliest = today + datetime.timedelta(days=7 * (quarter - past))
            dates[quarter] = _weekday(max(day, earliest), 1)
    return dates


def _programme(items: list, day: datetime.date) -> list[ProgrammeItem]:
    return [
        ProgrammeItem(
            sort_order=order,
            starts_at=local_time(day, item["starts"]),
            ends_at=local_time(day, item["ends"]),
            title=item["title"],
            performer=item.get("performer", ""),
        )
        for order, item in enumerate(items)
    ]


def seed(builder: TreeBuilder, locales: dict, homes: dict) -> None:
    content = load("trainings")
    index_spec = content["index"]
    indexes = builder.ensure_page(
        TrainingIndexPage,
        "trainings",
        homes,
        slug=index_spec["slug"],
        show_in_menus=True,
        fields=lambda code: {
            "title": index_spec[code]["title"],
            "intro": index_spec[code]["intro"],
        },
    )
    branches = {
        spec["key"]: _snippets(Branch, "branch", spec["key"], locales)
        for spec in load("branches")["branches"]
    }
    librarians = _ensure_librarians(content["librarians"], branches)
    for spec in content["trainings"]:
        _seed_training(builder, spec, indexes, locales, branches, librarians)
    _seed_days(builder, content["days"], indexes, locales, branches, librarians)


def _ensure_librarians(specs: list, branches: dict) -> dict:
    """Each branch librarian's staff account, StaffProfile and own Person
    record, by username."""
    User = get_user_model()
    people = {}
    for spec in specs:
        branch = branches[spec["branch"]]["kk"]
        first_name, last_name = spec["name"].split(" ", 1)
        user, created = User.objects.get_or_create(
            username=spec["username"],
            defaults={"first_name": first_name, "last_name": last_name, "email": spec["email"]},
        )
        if created:
            user.set_unusable_password()
            user.save(update_fields=["password"])
        StaffProfile.objects.get_or_create(user=user, defaults={"branch": branch})
        person = Person.objects.filter(staff_user=user).first()
        if person is None:
            person = Person.objects.create(
                full_name=spec["name"], email=spec["email"], branch=branch, staff_user=user
            )
        people[spec["username"]] = person
    return people


def _seed_training(builder, spec, indexes, locales, branches, librarians) -> None:
    today = timezone.localdate()
    first_day = training_start(spec["when"], today)
    kinds = _snippets(EventKind, "kind", spec["kind"], locales)
    venues = _snippets(Venue, "venue", spec["venue"], locales)
    template = (
        certificate_template(load("trainings")["certificate"]) if spec["certificate"] else None
    )
    sittings = []
    for order, session in enumerate(spec["sessions"]):
        day = first_day + datetime.timedelta(days=session["day"])
        sittings.append(
            (
                order,
                session,
                local_time(day, session["start"]),
                local_time(day, session["end"]),
                translation_key(f"training:{spec['key']}:session:{order}"),
            )
        )
    start, end = sittings[0][2], sittings[-1][3]
    registration = spec.get("registration")

    def fields(code):
        text = spec[code]
        opening = {}
        if registration or spec.get("attendance"):
            opening = {
                "registration_opens": start - datetime.timedelta(days=30),
                "registration_closes": start - datetime.timedelta(days=2),
                "capacity": (registration or {}).get("capacity"),
            }
        return {
            "title": text["title"],
            "summary": text["summary"],
            "body": [{"type": "paragraph", "value": text["body"]}],
            "topic": text["topic"],
            "training_format": spec["format"],
            "completion_rule": spec["completion_rule"],
            "completion_percent": spec["completion_percent"],
            "certificate_template": template,
            "start": start,
            "end": end,
            "audience": "librarians",
            "kind": kinds[code],
            "venue": venues[code],
            "organiser": branches[spec["organiser"]][code],
            **opening,
        }

    def sessions(page, code):
        page.sessions = [
            TrainingSession(
                sort_order=order,
                key=key,
                start=begins,
                end=ends,
                topic=session[code]["topic"],
                trainer=session[code]["trainer"],
                venue=venues[code],
                hours=session["hours"],
            )
            for order, session, begins, ends, key in sittings
        ]

    pages = builder.ensure_page(
        TrainingPage,
        f"training:{spec['key']}",
        indexes,
        slug=spec["slug"],
        fields=fields,
        children=sessions,
    )
    source = pages["kk"]
    for username in spec.get("enrolled", ()):
        registration_create(
            event=source,
            person=librarians[username],
            consent_version=settings.PRIVACY_NOTICE_VERSION,
        )
    if spec.get("attendance"):
        _attendance(source, spec["attendance"], librarians, start)


def _attendance(source: TrainingPage, marks: dict, librarians: dict, start) -> None:
    """Enrol the librarians before the training, mark them attended, and
    record each one's mark per session of the kk page."""
    recorder = _demo_librarian()
    sessions = list(source.sessions.order_by("sort_order"))
    for username, session_marks in marks.items():
        registration, _created = registration_create(
            event=source,
            person=librarians[username],
            consent_version=settings.PRIVACY_NOTICE_VERSION,
            now=start - datetime.timedelta(days=20),
        )
        if registration.status == RegistrationStatus.CONFIRMED:
            registration_attend(registration=registration, by=recorder)
            # Checked in at the first session, not on the day of seeding.
            Registration.objects.filter(pk=registration.pk).update(
                checked_in_at=start, status_changed_at=start
            )
        for session, mark in zip(sessions, session_marks, strict=True):
            SessionAttendance.objects.get_or_create(
                session=session,
                registration=registration,
                defaults={"mark": mark, "recorded_by": recorder, "recorded_at": session.end},
            )


def _seed_days(builder, specs, indexes, locales, branches, librarians) -> None:
    today = timezone.localdate()
    year = today.year
    dates = day_dates(today)
    kinds = _snippets(EventKind, "kind", "methodologists-day", locales)
    for spec in specs:
        quarter = spec["quarter"]
        day = dates[quarter]
        start, end = local_time(day, spec["start"]), local_time(day, spec["end"])
        venues = _snippets(Venue, "venue", spec["venue"], locales)
        held = end < timezone.now()

        def fields(code, spec=spec, start=start, end=end, venues=venues, held=held):
            text = spec[code]
            return {
                "title": text["title"].format(year=year),
                "summary": text["summary"],
                "start": start,
                "end": end,
                "year": year,
                "quarter": Quarter(spec["quarter"]),
                "audience": "librarians",
                "kind": kinds[code],
                "venue": venues[code],
                "organiser": branches[spec["organiser"]][code],
                "minutes": text["minutes"] if held else "",
                "minutes_internal": text["minutes_internal"] if held else "",
            }

        def agenda(page, code, spec=spec, day=day):
            page.programme_items = _programme(spec[code]["programme"], day)

        pages = builder.ensure_page(
            MethodologistsDayPage,
            f"methodologists-day:{year}:q{quarter}",
            indexes,
            slug=f"methodologists-day-{year}-q{quarter}",
            fields=fields,
            children=agenda,
        )
        if held:
            _resolutions(pages["kk"], spec["resolutions"], branches, librarians, today)


def _resolutions(day_page, specs: list, branches: dict, librarians: dict, today) -> None:
    """The Day's resolutions, assigned to branches: open (due ahead), done
    (with what was done, by the branch's librarian) or overdue (due between
    the Day and today, still open)."""
    held_on = timezone.localdate(day_page.start)
    halfway = held_on + datetime.timedelta(days=max((today - held_on).days // 2, 1))
    by_branch = {person.branch_id: person.staff_user for person in librarians.values()}
    for number, spec in enumerate(specs, start=1):
        branch = branches[spec["branch"]]["kk"]
        fields = {
            "text": spec["text"],
            "assignee_branch": branch,
            "status": ResolutionStatus.OPEN,
        }
        if spec["state"] == "open":
            fields["due_date"] = today + datetime.timedelta(days=spec["due_in"])
        elif spec["state"] == "overdue":
            fields["due_date"] = halfway
        else:
            done_at = local_time(halfway, "15:00")
            fields.update(
                status=ResolutionStatus.DONE,
                due_date=halfway + datetime.timedelta(days=7),
                done_note=spec["done_note"],
                done_at=done_at,
                done_by=by_branch.get(branch.pk),
            )
        Resolution.objects.get_or_create(day=day_page, number=number, defaults=fields)
