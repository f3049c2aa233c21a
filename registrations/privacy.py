"""Personal data over its lifetime: purge after the retention period, export
everything held about a person, and erase a person on request.

Three rules hold throughout:

* Statistics survive. A registration keeps its event, status and dates (and
  whether an escort came, so places still add up); only what says something
  about the person is cleared.
* Every change leaves an audit entry in Wagtail's log, on the person
  (`events.person.purge`, `events.person.erase`, `events.person.export`).
* The audit trail itself must not keep what was removed: Wagtail stores an
  object's name as the label of its log entries ("Aigerim Saparova — Reading
  evening (ABCD1234)"), so labels of the person's entries and of their
  registrations' entries are rewritten to the pseudonym.
"""

import datetime
import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from wagtail import hooks
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from people.models import Person
from registrations.enums import RegistrationStatus
from registrations.models import Registration
from registrations.services import registration_cancel

logger = logging.getLogger(__name__)

# An anonymised person is called "— №<pk>": stable, language-neutral, and no
# real name starts like that.
PSEUDONYM_PREFIX = "— №"
# Kept in place of an escort's name: the escort came and took a place.
ESCORT_PLACEHOLDER = "—"

# Registration fields cleared after the retention period, with their empty value.
SENSITIVE_REGISTRATION_FIELDS: dict[str, object] = {
    "disability_group": "",
    "other_needs": "",
    "seating_needs": "",
    "guardian_name": "",
    "answers": {},
}
# Person fields emptied when the person is anonymised.
CONTACT_FIELDS: dict[str, object] = {
    "email": "",
    "phone": "",
    "date_of_birth": None,
    "district": "",
}

BATCH = 500

PURGE_ACTION = "events.person.purge"
ERASE_ACTION = "events.person.erase"
EXPORT_ACTION = "events.person.export"
EXPORT_FORMAT = "special-library.person-export/1"

# Wagtail hooks through which other apps (certificates) act on an erasure
# without events knowing them:
# - ERASE_PREVIEW_HOOK: `(person) -> str | None`, what else the erasure will
#   do, in words, shown before staff confirm it;
# - ERASE_HOOK: `(*, person, registrations, by, pseudonym) -> str | None`,
#   called inside the erasure's transaction before the person is deleted
#   (so a failure erases nothing); the words returned are shown to staff.
ERASE_PREVIEW_HOOK = "person_erase_preview"
EXPORT_HOOK = "person_export_sections"
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


# Purge ---------------------------------------------------------------------


@dataclass(frozen=True)
class RegistrationChange:
    """A registration whose sensitive data is (or would be) cleared."""

    pk: int
    code: str
    person_id: int
    event_id: int
    event_title: str
    event_end: datetime.datetime
    fields: tuple[str, ...]


@dataclass(frozen=True)
class PersonChange:
    """A person touched by the purge: anonymised, or only their old registrations cleared."""

    pk: int
    pseudonym: str
    anonymise: bool
    fields: tuple[str, ...]
    registrations_cleared: int


@dataclass
class PurgeReport:
    now: datetime.datetime
    cutoff: datetime.datetime
    retention_days: int
    dry_run: bool
    registrations: list[RegistrationChange] = field(default_factory=list)
    people: list[PersonChange] = field(default_factory=list)
    audit_entries: int = 0

    @property
    def registrations_cleared(self) -> int:
        return len(self.registrations)

    @property
    def people_anonymised(self) -> int:
        return sum(change.anonymise for change in self.people)

    @property
    def changed(self) -> bool:
        return bool(self.registrations or self.people)


def _registrations_to_clear(cutoff) -> list[RegistrationChange]:
    has_data = (
        Q(disability_group__gt="")
        | Q(other_needs__gt="")
        | Q(seating_needs__gt="")
        | Q(guardian_name__gt="")
        | (Q(escort_name__gt="") & ~Q(escort_name=ESCORT_PLACEHOLDER))
        | ~Q(answers={})
    )
    queryset = (
        Registration.objects.filter(event__end__lt=cutoff)
        .filter(has_data)
        .select_related("event")
        .order_by("pk")
    )
    changes = []
    for registration in queryset:
        cleared = [
            name
            for name, empty in SENSITIVE_REGISTRATION_FIELDS.items()
            if getattr(registration, name) != empty
        ]
        if registration.escort_name and registration.escort_name != ESCORT_PLACEHOLDER:
            cleared.append("escort_name")
        changes.append(
            RegistrationChange(
                pk=registration.pk,
                code=registration.code,
                person_id=registration.person_id,
                event_id=registration.event_id,
                event_title=registration.event.title,
                event_end=registration.event.end,
                fields=tuple(cleared),
            )
        )
    return changes


def _people_to_anonymise(cutoff):
    """People known for longer than the retention period with no registration
    of an event that is still within it (people with none at all included)."""
    return (
        Person.objects.filter(created_at__lt=cutoff)
        .exclude(registrations__event__end__gte=cutoff)
        .exclude(full_name__startswith=PSEUDONYM_PREFIX)
        .order_by("pk")
    )


def _scrub_log_labels(person: Person, registrations) -> None:
    """Rewrite the labels of the log entries about the person and their
    registrations to what they are called now (the pseudonym)."""
    person_type = ContentType.objects.get_for_model(Person)
    ModelLogEntry.objects.filter(content_type=person_type, object_id=str(person.pk)).update(
        label=str(person)
    )
    registration_type = ContentType.objects.get_for_model(Registration)
    for registration in registrations:
        registration.person = person
        ModelLogEntry.objects.filter(
            content_type=registration_type, object_id=str(registration.pk)
        ).update(label=str(registration))


def _anonymise(person: Person) -> None:
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

    Registrations of events that ended before the cutoff lose their sensitive
    data (disability group, needs in words, guardian's name, answers; an
    escort's name becomes "—"). People with no registration of an event that is
    still within the period are anonymised: the name becomes a pseudonym and
    the contact data (e-mail, phone, date of birth, district) is emptied; their
    registrations keep event, status and dates for the statistics.

    A dry run (the default) changes nothing and reports what would change. A
    real run is one transaction and writes one audit entry per person touched.
    """
    now = now or timezone.now()
    retention_days = settings.PERSONAL_DATA_RETENTION_DAYS if days is None else days
    cutoff = retention_cutoff(now, retention_days)
    report = PurgeReport(now=now, cutoff=cutoff, retention_days=retention_days, dry_run=dry_run)

    def collect() -> list[Person]:
        report.registrations = _registrations_to_clear(cutoff)
        people = list(_people_to_anonymise(cutoff))
        cleared_by_person: dict[int, int] = {}
        for change in report.registrations:
            cleared_by_person[change.person_id] = cleared_by_person.get(change.person_id, 0) + 1
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
                registrations_cleared=cleared_by_person.get(person.pk, 0),
            )
            for person in people
        ] + [
            PersonChange(
                pk=pk,
                pseudonym=pseudonym(pk),
                anonymise=False,
                fields=(),
                registrations_cleared=count,
            )
            for pk, count in sorted(cleared_by_person.items())
            if pk not in anonymised
        ]
        report.people.sort(key=lambda change: change.pk)
        return people

    if dry_run:
        collect()
        return report

    with transaction.atomic():
        people = collect()
        pks = [change.pk for change in report.registrations]
        for start in range(0, len(pks), BATCH):  # SQLite limits the parameters of a query
            batch = Registration.objects.filter(pk__in=pks[start : start + BATCH])
            batch.update(**SENSITIVE_REGISTRATION_FIELDS)
            batch.exclude(escort_name="").update(escort_name=ESCORT_PLACEHOLDER)
        for person in people:
            _anonymise(person)
            _scrub_log_labels(person, person.registrations.select_related("event"))
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
                    "registrations_cleared": change.registrations_cleared,
                },
            )
            report.audit_entries += 1
    return report


# Export --------------------------------------------------------------------


def _when(value) -> str | None:
    return value.isoformat() if value is not None else None


def _log_entries(model, pks) -> dict[str, list[dict]]:
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
                "time": _when(entry.timestamp),
                "by": entry.user_display_name if entry.user_id else None,
                "data": entry.data,
            }
        )
    return entries


def person_export(person: Person) -> dict:
    """Everything held about `person`, as plain JSON-serialisable data: their
    details, every registration with needs, answers and consent, their
    personal calendar, and the audit entries of all of it."""
    registrations = list(
        person.registrations.select_related("event", "event__locale", "entered_by").order_by(
            "created_at", "pk"
        )
    )
    registration_log = _log_entries(Registration, [r.pk for r in registrations])
    person_log = _log_entries(Person, [person.pk]).get(str(person.pk), [])
    calendar = person.calendar
    return {
        "format": EXPORT_FORMAT,
        "exported_at": _when(timezone.now()),
        "person": {
            "id": person.pk,
            "full_name": person.full_name,
            "date_of_birth": _when(person.date_of_birth),
            "email": person.email,
            "phone": person.phone,
            "district": person.district,
            "branch": str(person.branch) if person.branch_id else None,
            "preferred_language": person.preferred_language,
            "preferred_format": person.preferred_format,
            "created_at": _when(person.created_at),
            "updated_at": _when(person.updated_at),
        },
        "calendar": None
        if calendar is None
        else {
            "label": calendar.label,
            "language": calendar.language,
            "created_at": _when(calendar.created_at),
            "revoked_at": _when(calendar.revoked_at),
            "events": [event.title for event in calendar.events.order_by("start")],
        },
        "registrations": [
            {
                "code": registration.display_code,
                "event": {
                    "id": registration.event_id,
                    "title": registration.event.title,
                    "language": registration.event.locale.language_code,
                    "start": _when(registration.event.start),
                    "end": _when(registration.event.end),
                },
                "status": registration.status,
                "status_label": str(RegistrationStatus(registration.status).label),
                "category": registration.category,
                "waitlist_rank": registration.waitlist_rank,
                "needs": {
                    "escort_name": registration.escort_name,
                    "guide_dog": registration.guide_dog,
                    "material_format": registration.material_format,
                    "seating_needs": registration.seating_needs,
                    "other_needs": registration.other_needs,
                    "disability_group": registration.disability_group,
                },
                "answers": registration.answers,
                "consent": {
                    "privacy_notice_version": registration.consent_version,
                    "given_at": _when(registration.consented_at),
                    "guardian_name": registration.guardian_name,
                    "guardian_consented_at": _when(registration.guardian_consented_at),
                },
                "entered_by_staff": registration.entered_by_id is not None,
                "decision_reason": registration.decision_reason,
                "registered_at": _when(registration.created_at),
                "status_changed_at": _when(registration.status_changed_at),
                "checked_in_at": _when(registration.checked_in_at),
                "audit": registration_log.get(str(registration.pk), []),
            }
            for registration in registrations
        ],
        "audit": person_log,
        # What other apps hold about the person (certificates, ...): the
        # `person_export_sections` hook returns {section name: data}.
        **{
            name: data
            for fn in hooks.get_hooks(EXPORT_HOOK)
            for name, data in (fn(person=person, registrations=registrations) or {}).items()
        },
    }


def log_export(person: Person, *, by) -> None:
    """Record that staff downloaded everything held about `person`."""
    log(
        instance=person,
        action=EXPORT_ACTION,
        user=by,
        data={"registrations": person.registrations.count()},
    )


# Erase ---------------------------------------------------------------------


@dataclass
class EraseReport:
    person_pk: int
    pseudonym: str
    registrations_deleted: int
    cancelled: list[str]
    # Registrations moved from the waiting list to a place: to be told.
    promoted: list[Registration]
    # What other apps did, in words (ERASE_HOOK).
    notes: list[str] = field(default_factory=list)


def person_erase_preview(person: Person) -> list[str]:
    """What other apps will do when the person is erased, in words."""
    return [note for fn in hooks.get_hooks(ERASE_PREVIEW_HOOK) if (note := fn(person))]


def person_erase(*, person: Person, by, now: datetime.datetime | None = None) -> EraseReport:
    """Erase `person` on their request: cancel their standing registrations of
    events that have not ended (through the engine, so the waiting list moves
    up), then delete the person with all their registrations.

    The audit entry is written on the person *before* the delete, labelled
    with the pseudonym and not the name: Wagtail's log entries refer to an
    object by content type and id without a foreign key, so the entry outlives
    the row; the engine's entries for the registrations (create, cancel...)
    stay too, relabelled. Page history was not chosen: a person's erasure is
    not an edit of an event page and would show in every editor's page history
    which events the person had registered for.

    Other apps act through the `ERASE_HOOK` hooks (certificates withdraws the
    person's certificates), inside the same transaction, before the delete."""
    now = now or timezone.now()
    with transaction.atomic():
        person = Person.objects.select_for_update().get(pk=person.pk)
        person_pk = person.pk
        registrations = list(person.registrations.select_related("event").order_by("pk"))
        cancelled, promoted = [], []
        for registration in registrations:
            if (
                registration.event.end >= now
                and registration.status in RegistrationStatus.active()
                and registration.status != RegistrationStatus.ATTENDED
            ):
                promoted += registration_cancel(registration=registration, by=by)
                cancelled.append(registration.code)

        erased_name = pseudonym(person_pk)
        notes = [
            note
            for fn in hooks.get_hooks(ERASE_HOOK)
            if (
                note := fn(person=person, registrations=registrations, by=by, pseudonym=erased_name)
            )
        ]
        person.full_name = erased_name  # in memory only: labels without the name
        _scrub_log_labels(person, registrations)
        log(
            instance=person,
            action=ERASE_ACTION,
            user=by,
            title=erased_name,
            data={
                "registrations_deleted": len(registrations),
                "registrations": [registration.pk for registration in registrations],
                "future_cancelled": len(cancelled),
                "promoted_from_waitlist": len(promoted),
            },
        )
        calendar = person.calendar
        person.delete()
        if calendar is not None:
            calendar.delete()
    return EraseReport(
        person_pk=person_pk,
        pseudonym=erased_name,
        registrations_deleted=len(registrations),
        cancelled=cancelled,
        promoted=promoted,
        notes=notes,
    )
