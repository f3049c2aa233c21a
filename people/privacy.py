"""Personal data over its lifetime: purge after the retention period, export
everything held about a person, and erase a person on request.

This module is the framework: the person's own record, their personal
calendar and their own audit entries. Every app that holds personal data
(registrations, certificates, ...) contributes through Wagtail hooks, called
by name, so `people` never imports those apps. The hooks, with what they are
called with and what they return, are named below (`*_HOOK`) and described
where they are called.

Three rules hold throughout:

* Statistics survive. A record keeps what the statistics need (a
  registration keeps its event, status and dates); only what says something
  about the person is cleared.
* Every change leaves an audit entry in Wagtail's log, on the person
  (`events.person.purge`, `events.person.erase`, `events.person.export`; the
  names are older than this app and the audit trail already holds them).
* The audit trail itself must not keep what was removed: Wagtail stores an
  object's name as the label of its log entries, so labels of the person's
  entries (and, through `PSEUDONYMISED_HOOK`, of other apps' entries about
  the person) are rewritten to the pseudonym.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from wagtail import hooks
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from people.models import Person

# An anonymised person is called "— №<pk>": stable, language-neutral, and no
# real name starts like that.
PSEUDONYM_PREFIX = "— №"

# Person fields emptied when the person is anonymised.
CONTACT_FIELDS: dict[str, object] = {
    "email": "",
    "phone": "",
    "date_of_birth": None,
    "district": "",
}

PURGE_ACTION = "events.person.purge"
ERASE_ACTION = "events.person.erase"
EXPORT_ACTION = "events.person.export"
EXPORT_FORMAT = "special-library.person-export/1"

# The Wagtail hooks (see where each is called for its signature).
PURGE_HOOK = "personal_data_purge"
NEEDED_HOOK = "personal_data_people_needed"
PSEUDONYMISED_HOOK = "person_pseudonymised"
EXPORT_HOOK = "person_export_sections"
EXPORT_AUDIT_HOOK = "person_export_audit"
ERASE_PREVIEW_HOOK = "person_erase_preview"
ERASE_HOOK = "before_person_erase"


def pseudonym(pk: int) -> str:
    """The name an anonymised or erased person is known by in records and logs."""
    return f"{PSEUDONYM_PREFIX}{pk}"


def is_anonymised(person: Person) -> bool:
    return person.full_name == pseudonym(person.pk)


def retention_cutoff(now: datetime.datetime | None = None, days: int | None = None):
    """Events that ended before this moment are past the retention period."""
    now = now or timezone.now()
    if days is None:
        days = settings.PERSONAL_DATA_RETENTION_DAYS
    return now - datetime.timedelta(days=days)


def when(value) -> str | None:
    """A date or moment as in the export (ISO 8601), or None."""
    return value.isoformat() if value is not None else None


def log_entries(model, pks) -> dict[str, list[dict]]:
    """The audit entries of the `model` objects `pks`, as plain data by object id."""
    entries: dict[str, list[dict]] = {}
    queryset = (
        ModelLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(model),
            object_id__in=[str(pk) for pk in pks],
        )
        .select_related("user")
        .order_by("timestamp", "pk")
    )
    for entry in queryset:
        entries.setdefault(entry.object_id, []).append(
            {
                "action": entry.action,
                "time": when(entry.timestamp),
                "by": entry.user_display_name if entry.user_id else None,
                "data": entry.data,
            }
        )
    return entries


def relabel_log_entries(person: Person) -> None:
    """Rewrite the labels of the log entries about the person, and through
    `PSEUDONYMISED_HOOK` those of other apps' entries about them, to what the
    person is called now (the pseudonym; for an erasure set in memory only).

    PSEUDONYMISED_HOOK: `(person) -> None`, called with the person already
    named by their pseudonym, their other records still in place."""
    person_type = ContentType.objects.get_for_model(Person)
    ModelLogEntry.objects.filter(content_type=person_type, object_id=str(person.pk)).update(
        label=str(person)
    )
    for fn in hooks.get_hooks(PSEUDONYMISED_HOOK):
        fn(person)


# Purge ---------------------------------------------------------------------


@dataclass(frozen=True)
class RecordChange:
    """A record of another app whose sensitive data is (or would be) cleared."""

    pk: int
    person_id: int
    # For the operator's output: the record by number and code, never a name.
    description: str
    fields: tuple[str, ...]


@dataclass
class PurgeClearing:
    """What one app clears for the cutoff (PURGE_HOOK): its records, and how."""

    # The key of the counts in the audit entry ("<kind>_cleared") and in reports.
    kind: str
    # For the operator's output: "Registrations", "registration(s)".
    title: str
    unit: str
    changes: list[RecordChange]
    # Clears them: called once, inside the purge's transaction, real runs only.
    apply: Callable[[], None]


@dataclass(frozen=True)
class PersonChange:
    """A person touched by the purge: anonymised, or only their old records cleared."""

    pk: int
    pseudonym: str
    anonymise: bool
    fields: tuple[str, ...]
    # Records cleared, by kind ({"registrations": 1}).
    cleared: dict[str, int]


@dataclass
class PurgeReport:
    now: datetime.datetime
    cutoff: datetime.datetime
    retention_days: int
    dry_run: bool
    clearings: list[PurgeClearing] = field(default_factory=list)
    people: list[PersonChange] = field(default_factory=list)
    audit_entries: int = 0

    def records(self, kind: str) -> list[RecordChange]:
        """The records of one kind cleared (or to be)."""
        return [change for c in self.clearings if c.kind == kind for change in c.changes]

    @property
    def people_anonymised(self) -> int:
        return sum(change.anonymise for change in self.people)

    @property
    def changed(self) -> bool:
        return bool(self.people or any(c.changes for c in self.clearings))


def _people_to_anonymise(cutoff):
    """People known for longer than the retention period whom no app still needs.

    NEEDED_HOOK: `(*, cutoff) -> Q | None`, a condition on Person for the
    people still needed (registrations: those with a registration of an event
    that ended at or after the cutoff); they keep name and contacts."""
    people = Person.objects.filter(created_at__lt=cutoff).exclude(
        full_name__startswith=PSEUDONYM_PREFIX
    )
    # A staff member's own record (their trainings and hours) is kept while
    # their account exists; it is erased on request like anyone's.
    people = people.exclude(staff_user__isnull=False)
    for fn in hooks.get_hooks(NEEDED_HOOK):
        needed = fn(cutoff=cutoff)
        if needed is not None:
            people = people.exclude(needed)
    return people.order_by("pk")


def anonymise(person: Person) -> None:
    """Replace the person's name by the pseudonym, empty their contact data,
    and revoke their personal calendar (relabelled too)."""
    person.full_name = pseudonym(person.pk)
    for name, empty in CONTACT_FIELDS.items():
        setattr(person, name, empty)
    person.save(update_fields=["full_name", *CONTACT_FIELDS, "updated_at"])
    calendar = person.calendar
    if calendar is not None:
        calendar.label = person.full_name
        calendar.save(update_fields=["label"])
        if calendar.revoked_at is None:
            calendar.revoke()


def purge_personal_data(
    *, now: datetime.datetime | None = None, dry_run: bool = True, days: int | None = None
) -> PurgeReport:
    """Clear what is held longer than `PERSONAL_DATA_RETENTION_DAYS` after an event.

    Each app clears its own records past the cutoff (PURGE_HOOK; registrations
    clears disability group, needs in words, guardian's name, answers, an
    escort's name). People whom no app still needs (NEEDED_HOOK) are
    anonymised: the name becomes a pseudonym and the contact data (e-mail,
    phone, date of birth, district) is emptied; their personal calendar is
    revoked; the labels of the audit entries about them are rewritten.

    A dry run (the default) changes nothing and reports what would change. A
    real run is one transaction and writes one audit entry per person touched.

    PURGE_HOOK: `(*, cutoff) -> PurgeClearing | None`, what the app clears
    for the cutoff; `apply()` is called only on a real run, in the transaction.
    """
    now = now or timezone.now()
    retention_days = settings.PERSONAL_DATA_RETENTION_DAYS if days is None else days
    cutoff = retention_cutoff(now, retention_days)
    report = PurgeReport(now=now, cutoff=cutoff, retention_days=retention_days, dry_run=dry_run)

    def collect() -> list[Person]:
        report.clearings = [
            clearing for fn in hooks.get_hooks(PURGE_HOOK) if (clearing := fn(cutoff=cutoff))
        ]
        people = list(_people_to_anonymise(cutoff))
        cleared_by_person: dict[int, dict[str, int]] = {}
        for clearing in report.clearings:
            for change in clearing.changes:
                counts = cleared_by_person.setdefault(change.person_id, {})
                counts[clearing.kind] = counts.get(clearing.kind, 0) + 1

        def cleared(pk: int) -> dict[str, int]:
            counts = cleared_by_person.get(pk, {})
            return {c.kind: counts.get(c.kind, 0) for c in report.clearings}

        anonymised = {person.pk for person in people}
        report.people = [
            PersonChange(
                pk=person.pk,
                pseudonym=pseudonym(person.pk),
                anonymise=True,
                fields=tuple(
                    ["full_name"]
                    + [
                        name
                        for name, empty in CONTACT_FIELDS.items()
                        if getattr(person, name) != empty
                    ]
                ),
                cleared=cleared(person.pk),
            )
            for person in people
        ] + [
            PersonChange(
                pk=pk, pseudonym=pseudonym(pk), anonymise=False, fields=(), cleared=cleared(pk)
            )
            for pk in sorted(cleared_by_person)
            if pk not in anonymised
        ]
        report.people.sort(key=lambda change: change.pk)
        return people

    if dry_run:
        collect()
        return report

    with transaction.atomic():
        people = collect()
        for clearing in report.clearings:
            clearing.apply()
        for person in people:
            anonymise(person)
            relabel_log_entries(person)
        by_pk = {person.pk: person for person in people}
        missing = [change.pk for change in report.people if change.pk not in by_pk]
        by_pk.update(Person.objects.in_bulk(missing))
        for change in report.people:
            log(
                instance=by_pk[change.pk],
                action=PURGE_ACTION,
                data={
                    "retention_days": retention_days,
                    "cutoff": cutoff.isoformat(),
                    "anonymised": change.anonymise,
                    "contact_fields_cleared": list(change.fields),
                    **{f"{kind}_cleared": count for kind, count in change.cleared.items()},
                },
            )
            report.audit_entries += 1
    return report


# Export --------------------------------------------------------------------


def person_export(person: Person) -> dict:
    """Everything held about `person`, as plain JSON-serialisable data: their
    details, their personal calendar, their audit entries, and what every
    other app holds about them.

    EXPORT_HOOK: `(*, person) -> {section name: data} | None`, the app's
    sections (registrations: "registrations", certificates: "certificates")."""
    calendar = person.calendar
    return {
        "format": EXPORT_FORMAT,
        "exported_at": when(timezone.now()),
        "person": {
            "id": person.pk,
            "full_name": person.full_name,
            "date_of_birth": when(person.date_of_birth),
            "email": person.email,
            "phone": person.phone,
            "district": person.district,
            "branch": str(person.branch) if person.branch_id else None,
            "preferred_language": person.preferred_language,
            "preferred_format": person.preferred_format,
            "staff_account": person.staff_user.get_username() if person.staff_user_id else None,
            "created_at": when(person.created_at),
            "updated_at": when(person.updated_at),
        },
        "calendar": None
        if calendar is None
        else {
            "label": calendar.label,
            "language": calendar.language,
            "created_at": when(calendar.created_at),
            "revoked_at": when(calendar.revoked_at),
            "events": [event.title for event in calendar.events.order_by("start")],
        },
        "audit": log_entries(Person, [person.pk]).get(str(person.pk), []),
        **{
            name: data
            for fn in hooks.get_hooks(EXPORT_HOOK)
            for name, data in (fn(person=person) or {}).items()
        },
    }


def log_export(person: Person, *, by) -> None:
    """Record that staff downloaded everything held about `person`.

    EXPORT_AUDIT_HOOK: `(*, person) -> dict | None`, what the app adds to the
    audit entry's data (registrations: {"registrations": <count>})."""
    data = {}
    for fn in hooks.get_hooks(EXPORT_AUDIT_HOOK):
        data.update(fn(person=person) or {})
    log(instance=person, action=EXPORT_ACTION, user=by, data=data)


# Erase ---------------------------------------------------------------------


@dataclass
class ErasureStep:
    """What an app did when a person was erased (ERASE_HOOK returns it)."""

    # Told to staff as done ("4 certificates were withdrawn...").
    note: str = ""
    # Told to staff as something they must do ("call the people moved up...").
    warning: str = ""
    # Added to the data of the erasure's audit entry.
    audit: dict = field(default_factory=dict)


@dataclass
class EraseReport:
    person_pk: int
    pseudonym: str
    # What the apps did and what staff must do, in words (ERASE_HOOK).
    notes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # The data of the audit entry.
    audit: dict = field(default_factory=dict)


def person_erase_preview(person: Person) -> list[str]:
    """What other apps will do when the person is erased, in words.

    ERASE_PREVIEW_HOOK: `(person) -> str | None`, shown before staff confirm."""
    return [note for fn in hooks.get_hooks(ERASE_PREVIEW_HOOK) if (note := fn(person))]


def person_erase(*, person: Person, by, now: datetime.datetime | None = None) -> EraseReport:
    """Erase `person` on their request: every app acts first (registrations
    cancels the standing registrations of events that have not ended, so the
    waiting list moves up; certificates withdraws the person's certificates),
    then the person is deleted with what refers to them by foreign key.

    The audit entry is written on the person *before* the delete, labelled
    with the pseudonym and not the name: Wagtail's log entries refer to an
    object by content type and id without a foreign key, so the entry outlives
    the row; other apps' entries about the person stay too, relabelled. Page
    history was not chosen: a person's erasure is not an edit of an event page
    and would show in every editor's page history which events the person had
    registered for.

    ERASE_HOOK: `(*, person, by, pseudonym, now) -> ErasureStep | None`,
    called inside the erasure's transaction before the delete (so a failure
    erases nothing), with the person still named and their records in place."""
    now = now or timezone.now()
    with transaction.atomic():
        person = Person.objects.select_for_update().get(pk=person.pk)
        person_pk = person.pk
        erased_name = pseudonym(person_pk)
        steps = [
            step
            for fn in hooks.get_hooks(ERASE_HOOK)
            if (step := fn(person=person, by=by, pseudonym=erased_name, now=now))
        ]
        audit = {}
        for step in steps:
            audit.update(step.audit)
        person.full_name = erased_name  # in memory only: labels without the name
        relabel_log_entries(person)
        log(instance=person, action=ERASE_ACTION, user=by, title=erased_name, data=audit)
        calendar = person.calendar
        person.delete()
        if calendar is not None:
            calendar.delete()
    return EraseReport(
        person_pk=person_pk,
        pseudonym=erased_name,
        notes=[step.note for step in steps if step.note],
        warnings=[step.warning for step in steps if step.warning],
        audit=audit,
    )
