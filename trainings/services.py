"""Enrolling staff in a training and recording attendance per session.

One function per change, each owning its audit entry (Wagtail's log).
Enrolment goes through the registration engine (registrations.services), so
capacity, approval and the waiting list work as for any event. Attendance is
recorded against the sessions of the *source* page (the kk translation); a
session of a translated page is matched by its `key`. Marking someone as
attending a session also checks their registration in (attended), so the
certificates and the attendance counts of registrations keep working.
"""

import dataclasses

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from people.models import Person
from people.services import person_find_or_create
from registrations.enums import RegistrationStatus
from registrations.models import Registration
from registrations.services import RegistrationError, registration_attend, registration_create
from trainings.enums import AttendanceMark
from trainings.models import SessionAttendance, TrainingPage, TrainingSession


class AttendanceError(Exception):
    """An attendance mark that cannot be recorded; `message` says why in words."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


# ---------------------------------------------------------------------------
# Enrolment
# ---------------------------------------------------------------------------


@dataclasses.dataclass
class EnrolmentResult:
    """Who was enrolled, who was already, who went to the waiting list (or
    awaits approval), and who could not be enrolled and why."""

    enrolled: list = dataclasses.field(default_factory=list)
    already: list = dataclasses.field(default_factory=list)
    waitlisted: list = dataclasses.field(default_factory=list)
    pending: list = dataclasses.field(default_factory=list)
    refused: list = dataclasses.field(default_factory=list)  # (person, message)

    @property
    def total(self) -> int:
        return sum(
            len(group)
            for group in (self.enrolled, self.already, self.waitlisted, self.pending, self.refused)
        )


def user_display_name(user) -> str:
    return user.get_full_name().strip() or user.get_username()


def own_person(user) -> Person | None:
    """The staff user's own Person, without changing anything: the one linked
    to the account, else an unlinked one with the same name and e-mail (she
    registered herself on the public site before anyone enrolled her)."""
    person = Person.objects.filter(staff_user=user).first()
    if person is not None or not user.email:
        return person
    return (
        Person.objects.filter(
            staff_user__isnull=True,
            email__iexact=user.email.strip(),
            name_key=Person.fold_name(user_display_name(user)),
        )
        .order_by("pk")
        .first()
    )


def person_for_user(user) -> Person:
    """The staff user's own Person: the one linked to the account, else the
    person with the same name and e-mail (who may have registered on the
    public site), else a new one, linked to the account either way."""
    person = Person.objects.filter(staff_user=user).first()
    if person is not None:
        return person
    profile = getattr(user, "staff_profile", None)
    branch = profile.branch if profile is not None else None
    found = person_find_or_create(
        full_name=user_display_name(user), email=user.email or "", branch=branch
    )
    if found.staff_user_id is not None and found.staff_user_id != user.pk:
        # Someone else's account holds that record: this user gets their own.
        found = Person.objects.create(
            full_name=user_display_name(user), email=user.email or "", branch=branch
        )
    found.staff_user = user
    found.save(update_fields=["staff_user"])
    log(
        instance=found,
        action="trainings.person.link",
        user=None,
        data={"user": user.pk},
    )
    return found


def enrolment_add(*, training: TrainingPage, people_or_users, by) -> EnrolmentResult:
    """Register each person (a Person, or a staff user whose Person is found
    or made) for `training` through the registration engine. A refusal
    (registration closed, say) is noted for that person and the others go on."""
    result = EnrolmentResult()
    for item in people_or_users:
        person = item if isinstance(item, Person) else person_for_user(item)
        try:
            registration, created = registration_create(
                event=training,
                person=person,
                consent_version=settings.PRIVACY_NOTICE_VERSION,
                entered_by=by,
            )
        except RegistrationError as error:
            result.refused.append((person, error.message))
            continue
        if not created:
            result.already.append(registration)
        elif registration.status == RegistrationStatus.WAITLISTED:
            result.waitlisted.append(registration)
        elif registration.status == RegistrationStatus.PENDING:
            result.pending.append(registration)
        else:
            result.enrolled.append(registration)
    log(
        instance=training,
        action="trainings.enrolment.add",
        user=by,
        data={
            "enrolled": [r.pk for r in result.enrolled],
            "already": [r.pk for r in result.already],
            "waitlisted": [r.pk for r in result.waitlisted],
            "pending": [r.pk for r in result.pending],
            "refused": [person.pk for person, _message in result.refused],
        },
    )
    return result


# ---------------------------------------------------------------------------
# Attendance
# ---------------------------------------------------------------------------


def source_session(session: TrainingSession) -> TrainingSession:
    """The session of the source page that `session` (of any translation) is."""
    source = session.page.source
    if session.page_id == source.pk:
        return session
    found = TrainingSession.objects.filter(page=source, key=session.key).first()
    if found is None:
        raise AttendanceError(_("This session is not in the training's main language version."))
    return found


def attendable(training: TrainingPage):
    """The registrations whose attendance is recorded: those still standing,
    made on any language version of the training."""
    return Registration.objects.for_event(training).filter(status__in=RegistrationStatus.active())


def _check_mark(mark: str) -> None:
    if mark not in AttendanceMark.values:
        raise AttendanceError(_("Choose one of the attendance marks."))


def _record(session, registration, mark, note, by) -> str:
    """Save one mark; returns "created", "changed" or "unchanged"."""
    _check_mark(mark)
    note = (note or "").strip()
    existing = (
        SessionAttendance.objects.select_for_update()
        .filter(session=session, registration=registration)
        .first()
    )
    if existing is not None and existing.mark == mark and existing.note == note:
        outcome = "unchanged"
    elif existing is not None:
        before = {"mark": existing.mark, "note": existing.note}
        existing.mark = mark
        existing.note = note
        existing.recorded_by = by
        existing.save(update_fields=["mark", "note", "recorded_by", "recorded_at"])
        log(
            instance=existing,
            action="trainings.attendance.correct",
            user=by,
            data={
                "session": str(session.key),
                "registration": registration.pk,
                "before": before,
                "after": {"mark": mark, "note": note},
            },
        )
        outcome = "changed"
    else:
        existing = SessionAttendance.objects.create(
            session=session, registration=registration, mark=mark, note=note, recorded_by=by
        )
        log(
            instance=existing,
            action="trainings.attendance.mark",
            user=by,
            data={
                "session": str(session.key),
                "registration": registration.pk,
                "mark": mark,
                "note": note,
            },
        )
        outcome = "created"
    if mark in AttendanceMark.counted() and registration.status == RegistrationStatus.CONFIRMED:
        registration_attend(registration=registration, by=by)
    return outcome


def _checked(session: TrainingSession, registration: Registration) -> TrainingSession:
    session = source_session(session)
    training = session.page
    if not attendable(training).filter(pk=registration.pk).exists():
        raise AttendanceError(_("This person is not enrolled in the training."))
    return session


def attendance_mark(
    *, session: TrainingSession, registration: Registration, mark: str, note: str = "", by
) -> str:
    """Record `mark` for the person of `registration` at `session` (of any
    language version). A correction logs what it was before and after.
    Returns "created", "changed" or "unchanged"."""
    with transaction.atomic():
        session = _checked(session, registration)
        return _record(session, registration, mark, note, by)


def attendance_mark_many(*, session: TrainingSession, marks, by) -> dict[str, int]:
    """Record many marks at once: `marks` is a list of (registration, mark,
    note). All or none are saved. Returns how many were created, changed and
    unchanged."""
    counts = {"created": 0, "changed": 0, "unchanged": 0}
    with transaction.atomic():
        session = source_session(session)
        allowed = set(attendable(session.page).values_list("pk", flat=True))
        for registration, mark, note in marks:
            if registration.pk not in allowed:
                raise AttendanceError(_("This person is not enrolled in the training."))
            counts[_record(session, registration, mark, note, by)] += 1
    return counts
