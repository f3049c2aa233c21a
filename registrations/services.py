"""The registration engine: one function per transition, each with an audit
entry in Wagtail's log, and each telling the people concerned itself (e-mail,
personal calendar: registrations.notifications, queued for after the commit;
a failure there is logged and never undoes the change). Views and forms only
call these. Capacity is checked with the event's row locked (on
PostgreSQL, SELECT ... FOR UPDATE; on SQLite every write transaction starts
IMMEDIATE and so runs alone), so simultaneous registrations never overbook.
"""

import datetime
import logging

from django.db import IntegrityError, transaction
from django.db.models import Count, Max, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import log

from events.models import EventPage
from events.windows import registration_window
from people.models import Person
from people.services import person_fill_blanks, person_find_or_create
from registrations import notifications
from registrations.enums import RegistrationStatus
from registrations.models import Registration

Status = RegistrationStatus
logger = logging.getLogger(__name__)


class RegistrationError(Exception):
    """A registration that cannot be made or changed; `message` says why in words."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


def _lock_versions(event: EventPage) -> list[EventPage]:
    """Lock every language version of the event (one event, one capacity); the
    first one's capacity and approval setting count."""
    return list(
        EventPage.objects.select_for_update()
        .filter(translation_key=event.translation_key)
        .order_by("pk")
    )


def _lock_event(event: EventPage) -> EventPage:
    return _lock_versions(event)[0]


def _registrations_of(event: EventPage):
    """Registrations made on any language version of the event."""
    return Registration.objects.for_event(event)


def _places_free(event: EventPage) -> int | None:
    if event.capacity is None:
        return None
    return event.capacity - _registrations_of(event).places_taken()


def _place_or_waitlist(event: EventPage, registration: Registration) -> None:
    """A place if one is free and nobody is waiting already (first come,
    first served: no one overtakes the waiting list), else the waiting list.
    One query counts the places held, the people waiting and the last number."""
    holding = Q(status__in=Status.holding_a_place())
    others = _registrations_of(event)
    if registration.pk is not None:
        others = others.exclude(pk=registration.pk)
    counts = others.aggregate(
        held=Count("pk", filter=holding),
        escorts=Count("pk", filter=holding & ~Q(escort_name="")),
        waiting=Count("pk", filter=Q(status=Status.WAITLISTED)),
        highest=Max("waitlist_position"),
    )
    free = None if event.capacity is None else event.capacity - counts["held"] - counts["escorts"]
    if free is None or (free >= registration.places and not counts["waiting"]):
        registration.status = Status.CONFIRMED
        registration.waitlist_position = None
    else:
        registration.status = Status.WAITLISTED
        registration.waitlist_position = (counts["highest"] or 0) + 1


def _log(registration: Registration, action: str, user=None, **data) -> None:
    log(
        instance=registration,
        action=f"events.registration.{action}",
        user=user,
        data={"code": registration.code, "status": registration.status, **data},
    )


def _status_changed(registration: Registration, *, previous_status: str | None, by) -> None:
    """Tell other apps, inside the transaction of the change, through the
    Wagtail hook `registration_status_changed`: a callable `(registration, *,
    previous_status, by)`, where `previous_status` is None for a new
    registration. Whatever a hook raises undoes the change. (competitions
    withdraws the entry of a cancelled registration and brings it back when
    the person registers again.) events never imports those apps."""
    for hook in hooks.get_hooks("registration_status_changed"):
        hook(registration, previous_status=previous_status, by=by)


def _tell(notice, *args) -> None:
    """Tell the people concerned (a function of registrations.notifications);
    its failure is logged and never undoes the change."""
    try:
        with transaction.atomic():
            notice(*args)
    except Exception:
        logger.exception("%s.%s failed", notice.__module__, notice.__name__)


def registration_create(
    *,
    event: EventPage,
    person: Person,
    consent_version: str,
    entered_by=None,
    now: datetime.datetime | None = None,
    notify: bool = True,
    **fields,
) -> tuple[Registration, bool]:
    """Register `person` for `event`. Returns (registration, created): a person
    already registered gets their registration back, not a second one. The
    person is sent the confirmation unless `notify` is False (the demo and
    imports of registrations made elsewhere)."""
    now = now or timezone.now()
    try:
        with transaction.atomic():
            versions = _lock_versions(event)
            group = versions[0]
            locked = next(version for version in versions if version.pk == event.pk)
            window = registration_window(locked, now)
            existing = (
                Registration.objects.filter(event__in=versions, person=person)
                .order_by("pk")
                .first()
            )
            if existing is not None and existing.status in Status.active():
                return existing, False
            if not window.is_open:
                raise RegistrationError(window.message)
            registration = existing or Registration(person=person)
            previous_status = existing.status if existing is not None else None
            # A cancelled registration is reused (its code and private link
            # stay), on the language version used this time.
            registration.event = locked
            for name, value in fields.items():
                setattr(registration, name, value)
            registration.consent_version = consent_version
            registration.consented_at = now
            if registration.guardian_name:
                registration.guardian_consented_at = now
            registration.entered_by = entered_by
            registration.status_changed_at = now
            if group.requires_approval:
                registration.status = Status.PENDING
                registration.waitlist_position = None
            else:
                _place_or_waitlist(group, registration)
            registration.save()
            _log(registration, "create", user=entered_by, assisted=entered_by is not None)
            _status_changed(registration, previous_status=previous_status, by=entered_by)
            if notify:
                _tell(notifications.registration_created, registration)
            return registration, True
    except IntegrityError:
        # A double submit raced us to the (event, person) constraint.
        existing = _registrations_of(event).filter(person=person).first()
        if existing is None:
            raise
        return existing, False


def registration_submit(
    *,
    event: EventPage,
    person: dict,
    consent_version: str,
    entered_by=None,
    fill_blanks: bool = False,
    then=(),
    **fields,
) -> tuple[Registration, bool]:
    """What every registration form does (the public form, a festival
    application, the staff's phone form): find the person again by `person`
    (the details typed) or make them, register them, and run each of `then`
    (`(registration) -> None`: a festival entry, the phone form's sections),
    all in one transaction, so a refusal (`RegistrationError`) leaves no new
    person and nothing half made. Staff (`fill_blanks`) add what was unknown
    to a person found again. Returns (registration, created)."""
    with transaction.atomic():
        found = person_find_or_create(**person)
        if fill_blanks:
            person_fill_blanks(found, person)
        registration, created = registration_create(
            event=event,
            person=found,
            consent_version=consent_version,
            entered_by=entered_by,
            **fields,
        )
        for step in then:
            step(registration)
    return registration, created


def _require(registration: Registration, allowed: set[str]) -> None:
    if registration.status not in allowed:
        raise RegistrationError(
            _("This registration is “%(status)s”; that cannot be done now.")
            % {"status": registration.get_status_display()}
        )


def _transition(
    registration: Registration,
    *,
    status: str,
    by,
    action: str,
    log_data=None,
    previous_status: str | None = None,
    **changes,
):
    """Set the new status (and other fields), save only what changed, log it,
    tell other apps."""
    previous_status = previous_status or registration.status
    registration.status = status
    registration.status_changed_at = timezone.now()
    for name, value in changes.items():
        setattr(registration, name, value)
    registration.save(update_fields=["status", "status_changed_at", *changes])
    _log(registration, action, user=by, **(log_data or {}))
    _status_changed(registration, previous_status=previous_status, by=by)
    return registration


def registration_confirm(*, registration: Registration, by) -> Registration:
    """Staff accept a pending registration: a place if there is one, else the waiting list."""
    with transaction.atomic():
        event = _lock_event(registration.event)
        registration.refresh_from_db()
        _require(registration, {Status.PENDING})
        _place_or_waitlist(event, registration)
        _transition(
            registration,
            status=registration.status,
            by=by,
            action="confirm",
            previous_status=Status.PENDING,
            waitlist_position=registration.waitlist_position,
        )
        _tell(notifications.registration_confirmed, registration)
        return registration


def registration_reject(*, registration: Registration, by, reason: str) -> Registration:
    """Staff turn down a pending or waiting registration, with the reason."""
    with transaction.atomic():
        registration.refresh_from_db()
        _require(registration, {Status.PENDING, Status.WAITLISTED})
        _transition(
            registration,
            status=Status.REJECTED,
            by=by,
            action="reject",
            log_data={"reason": reason},
            decision_reason=reason,
            waitlist_position=None,
        )
        _tell(notifications.registration_rejected, registration)
        return registration


def registration_cancel(*, registration: Registration, by=None) -> list[Registration]:
    """Cancel, free the places, and promote the first on the waiting list who
    now fit; those promoted are told. Returns the promoted registrations."""
    with transaction.atomic():
        event = _lock_event(registration.event)
        registration.refresh_from_db()
        _require(registration, {Status.PENDING, Status.CONFIRMED, Status.WAITLISTED})
        _transition(
            registration, status=Status.CANCELLED, by=by, action="cancel", waitlist_position=None
        )
        promoted = _promote_waitlist(event)
        _tell(notifications.registration_cancelled, registration, promoted)
        return promoted


def _promote_waitlist(event: EventPage) -> list[Registration]:
    promoted = []
    free = _places_free(event)
    for waiting in _registrations_of(event).waitlist().select_for_update(of=("self",)):
        if free is not None and waiting.places > free:
            break
        _transition(
            waiting, status=Status.CONFIRMED, by=None, action="promote", waitlist_position=None
        )
        promoted.append(waiting)
        if free is not None:
            free -= waiting.places
    return promoted


def registration_attend(*, registration: Registration, by) -> Registration:
    """Check-in: the person has come."""
    with transaction.atomic():
        registration.refresh_from_db()
        _require(registration, {Status.CONFIRMED})
        return _transition(
            registration,
            status=Status.ATTENDED,
            by=by,
            action="attend",
            checked_in_at=timezone.now(),
        )
