"""Hours and completion, computed from the attendance per session.

A person's hours in a training are the hours of the source page's sessions
they have a counted mark for (present, came late, left early). A training is
completed by its `completion_rule`: a share of the hours
(hours × 100 ≥ percent × total) or every session. Everything here takes a
constant number of queries, however many people and sessions.
"""

import dataclasses
import math

from django.conf import settings
from django.db.models import Count, Sum
from django.db.models.functions import ExtractYear
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from branches.models import Branch
from certificates.batches import batch_create
from certificates.enums import BatchKind, CertificateKind
from certificates.services import CertificateError, source_key
from people.models import Person
from registrations.models import Registration
from trainings.enums import CompletionRule
from trainings.models import SessionAttendance, TrainingPage, TrainingSession
from trainings.services import attendable


@dataclasses.dataclass
class PersonHours:
    """One enrolled person's hours in one training, and whether that completes it."""

    registration: Registration
    hours: int
    total: int
    completed: bool
    reason: str = ""  # why not completed, in words
    reason_html: str = ""  # the same, the session topics marked with their language
    attended: list = dataclasses.field(default_factory=list)  # session pks with a counted mark

    @property
    def person(self) -> Person:
        return self.registration.person


def hours_needed(training: TrainingPage, total: int) -> int:
    """The fewest hours that complete a training by a share of its hours."""
    return math.ceil(training.completion_percent * total / 100)


def is_completed(
    training: TrainingPage, *, hours: int, total: int, sessions_attended: int, sessions: int
) -> bool:
    if not sessions or not total:
        return False
    if training.completion_rule == CompletionRule.ALL_SESSIONS:
        return sessions_attended >= sessions
    return hours * 100 >= training.completion_percent * total


def _topics(training: TrainingPage, source: TrainingPage, sessions) -> tuple[dict, str]:
    """The sessions' topics in `training`'s language (by session key), and that language."""
    if training.pk == source.pk:
        return {session.key: session.topic for session in sessions}, source.locale.language_code
    topics = dict(TrainingSession.objects.filter(page=training).values_list("key", "topic"))
    return (
        {session.key: topics.get(session.key) or session.topic for session in sessions},
        training.locale.language_code,
    )


def training_completion(training: TrainingPage) -> list[PersonHours]:
    """Each person enrolled in `training` (any language version, standing
    registrations) with their hours, the total, whether they completed it,
    and if not why, in words ("attended 2 of 16 hours; needs 13", "missed
    session 2: <topic>"); topics in `training`'s language. In name order."""
    source = training.source
    sessions = list(source.sessions.order_by("sort_order", "pk"))
    total = sum(session.hours for session in sessions)
    topics, language = _topics(training, source, sessions)
    registrations = list(
        attendable(source)
        .select_related("person", "person__branch")
        .order_by("person__name_key", "pk")
    )
    attended: dict[int, set[int]] = {}
    for registration_id, session_id in (
        SessionAttendance.objects.counted()
        .filter(session__page=source)
        .values_list("registration_id", "session_id")
    ):
        attended.setdefault(registration_id, set()).add(session_id)
    rows = []
    for registration in registrations:
        mine = attended.get(registration.pk, set())
        hours = sum(session.hours for session in sessions if session.pk in mine)
        completed = is_completed(
            source, hours=hours, total=total, sessions_attended=len(mine), sessions=len(sessions)
        )
        row = PersonHours(
            registration=registration,
            hours=hours,
            total=total,
            completed=completed,
            attended=sorted(mine),
        )
        if not completed:
            row.reason, row.reason_html = _reason(
                source, sessions, mine, hours, total, topics, language
            )
        rows.append(row)
    return rows


def _reason(source, sessions, mine, hours, total, topics, language) -> tuple[str, str]:
    if not sessions:
        text = _("the training has no sessions")
        return text, conditional_escape(text)
    if source.completion_rule == CompletionRule.ALL_SESSIONS:
        texts, htmls = [], []
        for number, session in enumerate(sessions, start=1):
            if session.pk in mine:
                continue
            sentence = _("missed session %(number)s: %(topic)s")
            topic = topics[session.key]
            texts.append(sentence % {"number": number, "topic": topic})
            htmls.append(
                conditional_escape(sentence)
                % {
                    "number": number,
                    "topic": format_html('<span lang="{}">{}</span>', language, topic),
                }
            )
        return "; ".join(texts), mark_safe("; ".join(htmls))  # noqa: S308 - parts escaped above
    text = _("attended %(hours)s of %(total)s hours; needs %(needed)s") % {
        "hours": hours,
        "total": total,
        "needed": hours_needed(source, total),
    }
    return text, conditional_escape(text)


# ---------------------------------------------------------------------------
# Hours over a year: a person's, and the department's table
# ---------------------------------------------------------------------------


def hours_per_year(person: Person) -> list[tuple[int, int]]:
    """(year, hours) of the person's counted sessions, the latest year first."""
    return list(
        SessionAttendance.objects.counted()
        .filter(registration__person=person)
        .annotate(year=ExtractYear("session__start"))
        .values("year")
        .annotate(hours=Sum("session__hours"))
        .order_by("-year")
        .values_list("year", "hours")
    )


@dataclasses.dataclass
class TrainingRecord:
    registration: Registration
    training: TrainingPage
    hours: int
    total: int
    completed: bool


def person_trainings(person: Person) -> list[TrainingRecord]:
    """The trainings the person is (or was) registered for, the latest first,
    with their hours, the total and whether that completes the training."""
    registrations = list(
        Registration.objects.filter(person=person, event__trainingpage__isnull=False)
        .select_related("event", "event__trainingpage", "event__locale")
        .order_by("-event__start", "pk")
    )
    keys = {registration.event.translation_key for registration in registrations}
    sources = {
        page.translation_key: page
        for page in TrainingPage.objects.filter(
            translation_key__in=keys, locale__language_code=settings.LANGUAGE_CODE
        )
    }
    sessions = {
        row["page__translation_key"]: row
        for row in TrainingSession.objects.filter(
            page__translation_key__in=keys, page__locale__language_code=settings.LANGUAGE_CODE
        )
        .values("page__translation_key")
        .annotate(total=Sum("hours"), count=Count("pk"))
    }
    attended = {
        row["registration_id"]: row
        for row in SessionAttendance.objects.counted()
        .filter(registration__in=registrations)
        .values("registration_id")
        .annotate(hours=Sum("session__hours"), count=Count("pk"))
    }
    records = []
    for registration in registrations:
        training = registration.event.trainingpage
        key = training.translation_key
        source = sources.get(key, training)
        mine = attended.get(registration.pk, {"hours": 0, "count": 0})
        theirs = sessions.get(key, {"total": 0, "count": 0})
        records.append(
            TrainingRecord(
                registration=registration,
                training=training,
                hours=mine["hours"] or 0,
                total=theirs["total"] or 0,
                completed=is_completed(
                    source,
                    hours=mine["hours"] or 0,
                    total=theirs["total"] or 0,
                    sessions_attended=mine["count"],
                    sessions=theirs["count"],
                ),
            )
        )
    return records


@dataclasses.dataclass
class BranchHours:
    """One branch's people with their hours in a year, and the branch's total."""

    key: object  # the branch's translation key; None for people of no branch
    name: str
    branch: Branch | None
    people: list = dataclasses.field(default_factory=list)  # dicts: person, hours, trainings

    @property
    def total(self) -> int:
        return sum(row["hours"] for row in self.people)


def branch_hours(year: int, *, branch_key=None, language: str | None = None) -> list[BranchHours]:
    """Hours per person in `year` (sessions that started that year, local
    time), grouped by the person's branch, branch names in `language` where
    translated. `branch_key` limits it to one branch (any language's copy)."""
    counted = SessionAttendance.objects.counted().filter(session__start__year=year)
    if branch_key is not None:
        counted = counted.filter(registration__person__branch__translation_key=branch_key)
    totals = list(
        counted.values("registration__person_id")
        .annotate(hours=Sum("session__hours"), trainings=Count("session__page", distinct=True))
        .order_by()
    )
    people = Person.objects.select_related("branch").in_bulk(
        [row["registration__person_id"] for row in totals]
    )
    branch_keys = {p.branch.translation_key for p in people.values() if p.branch_id is not None}
    names = {}
    for branch in Branch.objects.filter(translation_key__in=branch_keys).select_related("locale"):
        current = names.get(branch.translation_key)
        if current is None or branch.locale.language_code == language:
            names[branch.translation_key] = branch
    groups: dict[object, BranchHours] = {}
    for row in totals:
        person = people[row["registration__person_id"]]
        key = person.branch.translation_key if person.branch_id is not None else None
        group = groups.get(key)
        if group is None:
            branch = names.get(key)
            group = groups[key] = BranchHours(
                key=key,
                name=branch.name if branch is not None else _("No branch"),
                branch=branch,
            )
        group.people.append(
            {"person": person, "hours": row["hours"] or 0, "trainings": row["trainings"]}
        )
    result = sorted(groups.values(), key=lambda group: (group.key is None, group.name.casefold()))
    for group in result:
        group.people.sort(key=lambda row: (row["person"].name_key, row["person"].pk))
    return result


def years_with_sessions() -> list[int]:
    """The years that have training sessions, the latest first."""
    return sorted(
        {moment.year for moment in TrainingSession.objects.datetimes("start", "year")}, reverse=True
    )


# ---------------------------------------------------------------------------
# Completion certificates
# ---------------------------------------------------------------------------


def completion_recipients(rows: list[PersonHours], training: TrainingPage) -> list[dict]:
    """The batch's recipients: those who completed, each with their own hours."""
    return [
        {
            "key": source_key(
                CertificateKind.COMPLETION, training, registration_id=row.registration.pk
            ),
            "name": row.person.full_name,
            "email": row.person.email,
            "registration": row.registration.pk,
            "hours": row.hours,
        }
        for row in rows
        if row.completed
    ]


def completion_batch(training: TrainingPage, *, language: str, by, send_email: bool = False):
    """A batch of completion certificates for those who completed `training`
    (raises certificates' CertificateError when there is no design, it lacks
    the language, or nobody completed). The caller enqueues it."""
    source = training.source
    template = source.certificate_template
    if template is None:
        raise CertificateError(_("The training has no certificate design."))
    return batch_create(
        kind=BatchKind.COMPLETION,
        event=source,
        template=template,
        language=language,
        by=by,
        recipients=completion_recipients(training_completion(source), source),
        send_email=send_email,
    )
