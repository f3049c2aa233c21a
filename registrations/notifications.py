"""What people are told about their registrations, and their personal calendars.

The web views call the public entry points (`registration_created`,
`registration_cancelled`, `registration_confirmed`, `registration_rejected`,
`resend_confirmation`) inside the request's transaction. These queue the
e-mails (and update the person's calendar when a registration ends); the
calendar entry and the mail are made by a background task after the
registration is committed, so a slow or broken mail server never loses or
delays a registration. The task tries again later on an SMTP or connection error
(`deliver_registration_email`).

An e-mail has a plain-text part (spelling the code letter by letter, for
reading it out over the phone) and an HTML part, in the person's language;
the QR code of the registration code (inline, and attached as a file for
text-only mail readers); and the event as an iCalendar file. A person
without an e-mail address gets nothing: the librarian reads the confirmation
aloud.
"""

import datetime
import logging
from dataclasses import dataclass
from email.mime.image import MIMEImage
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.core.mail.message import SafeMIMEMultipart, SafeMIMEText
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task
from wagtail.log_actions import log

from core import dates
from core.qr import qr_png
from events import calendar as ical
from events.alternative_formats import SOURCE_KEY as PROGRAMME_SOURCE
from events.enums import EventStatus
from events.models import EventPage, PersonalCalendar
from events.templatetags.event_tags import event_when
from formats.services import formats_offered
from people.models import Person
from registrations.enums import PROGRAMME_VERSIONS, RegistrationStatus
from registrations.models import Registration

logger = logging.getLogger(__name__)

CONFIRMATION = "confirmation"
PROMOTED = "promoted"
ACCEPTED = "accepted"  # staff approved a pending registration
REJECTED = "rejected"  # staff turned it down, with the reason
TEMPLATES = {
    CONFIRMATION: "email/registration_confirmation",
    PROMOTED: "email/registration_promoted",
    ACCEPTED: "email/registration_accepted",
    REJECTED: "email/registration_rejected",
}
# The audit action of a confirmation sent again by staff (registered in wagtail_hooks).
RESEND_ACTION = "events.registration.resend"

# Sending: five attempts in all, the later ones after these pauses.
MAX_ATTEMPTS = 5
RETRY_DELAYS = (
    datetime.timedelta(minutes=1),
    datetime.timedelta(minutes=5),
    datetime.timedelta(minutes=30),
    datetime.timedelta(hours=2),
)

# Registrations that are told about: a cancelled or rejected one is not.
STANDING = {RegistrationStatus.PENDING, RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED}
ICS_CONTENT_TYPE = "text/calendar; method=PUBLISH; charset=utf-8"


# Entry points for the views ------------------------------------------------


def registration_created(registration: Registration) -> None:
    """A new registration: once it is committed, a background task puts the
    event into the person's calendar and sends the confirmation (the calendar's
    address is given only in the e-mail), so that registering costs no more
    than it must when many register at once."""
    _enqueue_after_commit(registration.pk, CONFIRMATION)


def registration_cancelled(registration: Registration, promoted: list[Registration]) -> None:
    """A cancelled registration leaves the person's calendar; each registration
    promoted from the waiting list into the freed places is told so."""
    remove_from_personal_calendar(registration)
    for waiting in promoted:
        add_to_personal_calendar(waiting)
        _enqueue_after_commit(waiting.pk, PROMOTED)


def registration_confirmed(registration: Registration) -> None:
    """Staff approved a pending registration: the person is told whether they
    have a place or a place on the waiting list."""
    add_to_personal_calendar(registration)
    _enqueue_after_commit(registration.pk, ACCEPTED)


def registration_rejected(registration: Registration) -> None:
    """Staff turned a registration down: it leaves the person's calendar and
    they are told the reason."""
    remove_from_personal_calendar(registration)
    _enqueue_after_commit(registration.pk, REJECTED)


def resend_confirmation(registration: Registration, by) -> bool:
    """Staff send the confirmation again (the person lost it, or changed their
    address). False, and nothing sent, if the person has no e-mail address."""
    if not registration.person.email:
        return False
    _enqueue_after_commit(registration.pk, CONFIRMATION)
    log(
        instance=registration,
        action=RESEND_ACTION,
        user=by,
        data={"code": registration.code, "email": registration.person.email},
    )
    return True


def _enqueue_after_commit(registration_id: int, kind: str) -> None:
    """Queue the e-mail when the transaction commits: the task then finds the
    registration, and a failure to queue is logged, never undoes it."""

    def enqueue() -> None:
        deliver_registration_email.enqueue(registration_id, kind)

    transaction.on_commit(enqueue, robust=True)


# Personal calendars --------------------------------------------------------


def personal_calendar(person: Person) -> PersonalCalendar:
    """The person's calendar feed, made on first use. A revoked one is replaced
    by a new one (a new address) with the same events."""
    with transaction.atomic():
        locked = (
            Person.objects.select_for_update(of=("self",))
            .select_related("calendar")
            .get(pk=person.pk)
        )
        calendar = locked.calendar
        if calendar is None or calendar.revoked_at is not None:
            previous = calendar
            calendar = PersonalCalendar.objects.create(
                label=locked.full_name, language=locked.preferred_language
            )
            if previous is not None:
                calendar.events.set(previous.events.all())
            locked.calendar = calendar
            locked.save(update_fields=["calendar"])
    person.calendar = calendar
    return calendar


def add_to_personal_calendar(registration: Registration) -> PersonalCalendar:
    calendar = personal_calendar(registration.person)
    calendar.events.add(registration.event_id)
    return calendar


def remove_from_personal_calendar(registration: Registration) -> None:
    """Also for a rejected registration."""
    calendar = registration.person.calendar
    if calendar is not None:
        calendar.events.remove(registration.event_id)


# Sending -------------------------------------------------------------------


@task()
def deliver_registration_email(registration_id: int, kind: str, attempt: int = 1) -> str:
    """The background task that sends a registration's e-mail: send, and on
    an SMTP or connection error queue the next attempt (after a pause, where
    the task backend can wait), five attempts in all.
    Returns "sent", "skipped" or "retrying"; the last failure is raised."""
    registration = (
        Registration.objects.select_related("person__calendar", "event__venue")
        .filter(pk=registration_id)
        .first()
    )
    if registration is None:
        logger.info("Registration %s is gone: no %s e-mail.", registration_id, kind)
        return "skipped"
    try:
        sent = send_registration_email(registration, kind)
    except OSError:  # smtplib.SMTPException, refused connections and timeouts
        if attempt >= MAX_ATTEMPTS:
            logger.exception(
                "The %s e-mail of registration %s failed %s times; giving up.",
                kind,
                registration_id,
                attempt,
            )
            raise
        delay = RETRY_DELAYS[min(attempt, len(RETRY_DELAYS)) - 1]
        retry = deliver_registration_email
        deferred = retry.get_backend().supports_defer
        if deferred:
            retry = retry.using(run_after=timezone.now() + delay)
        logger.warning(
            "The %s e-mail of registration %s failed (attempt %s of %s); trying again %s.",
            kind,
            registration_id,
            attempt,
            MAX_ATTEMPTS,
            f"in {delay}" if deferred else "at once",
            exc_info=True,
        )
        retry.enqueue(registration_id, kind, attempt=attempt + 1)
        return "retrying"
    return "sent" if sent else "skipped"


def send_registration_email(registration: Registration, kind: str) -> bool:
    """Build and send the e-mail of this kind. False if there is no one to
    send it to: no address, or the registration no longer stands. Errors of
    the mail server are raised (the task retries)."""
    person = registration.person
    if not person.email:
        return False
    if kind == REJECTED:
        stands = registration.status == RegistrationStatus.REJECTED
    elif kind == PROMOTED:
        stands = registration.status == RegistrationStatus.CONFIRMED
    else:
        stands = registration.status in STANDING
    if not stands:
        logger.info(
            "Registration %s is %s now: no %s e-mail.",
            registration.pk,
            registration.status,
            kind,
        )
        return False
    if kind != REJECTED:
        add_to_personal_calendar(registration)
    build_registration_email(registration, kind).send()
    return True


# The e-mail ----------------------------------------------------------------


class RelatedEmail(EmailMultiAlternatives):
    """An e-mail whose HTML shows inline images: the text and HTML parts go
    into multipart/related with the images (RFC 2387), and attachments around
    it, so mail readers show the images in place and list only the real
    attachments:

        multipart/mixed
            multipart/related
                multipart/alternative: text/plain, text/html
                image/png (Content-ID)
            image/png, text/calendar (attachments)
    """

    def __init__(self, *args: Any, related: list[MIMEImage] | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.related = related or []

    def _create_alternatives(self, msg):
        msg = super()._create_alternatives(msg)
        if not self.related:
            return msg
        related = SafeMIMEMultipart(
            _subtype="related", encoding=self.encoding or settings.DEFAULT_CHARSET
        )
        related.attach(msg)
        for part in self.related:
            related.attach(part)
        return related


@dataclass(frozen=True)
class Links:
    registration: str  # the private page to see or cancel the registration
    event: str
    calendar: str  # the person's calendar feed, https:// (http:// in development)
    calendar_webcal: str  # the same for calendar apps: webcal://


def build_registration_email(
    registration: Registration, kind: str
) -> RelatedEmail | EmailMultiAlternatives:
    """The e-mail in the person's preferred language, ready to send."""
    if kind not in TEMPLATES:
        raise ValueError(f"Unknown kind of registration e-mail: {kind!r}")
    if kind == REJECTED:
        return build_rejection_email(registration)
    person = registration.person
    event = registration.event
    links = _links(registration)
    code = registration.display_code
    qr_file = f"qr-{code}.png"
    ics_file = "event.ics"
    qr = qr_png(code)
    content_id = f"qr-{registration.code}@{_mail_domain()}"

    with translation.override(person.preferred_language):
        if kind == PROMOTED:
            subject = _("A place for you at %(title)s: %(code)s")
        elif kind == ACCEPTED:
            subject = _("Your registration for %(title)s is accepted: %(code)s")
        else:
            subject = _("Registration for %(title)s: %(code)s")
        subject = subject % {"title": event.title, "code": code}
        context = {
            "kind": kind,
            "subject": subject,
            "person_name": person.full_name,
            "event": event,
            "event_notice": _event_notice(event),
            "when": _when(event),
            "venue": _venue(event),
            "status_text": _status_text(registration),
            "display_code": code,
            "spelled_code": spell(code),
            "needs": _needs(registration),
            "programme_formats": _programme_formats(registration, links.event),
            "next_steps": _next_steps(registration),
            "links": links,
            "qr_cid": content_id,
            "qr_alt": _("QR code of your registration code %(code)s") % {"code": code},
            "qr_size": _qr_size(qr),
            "qr_file": qr_file,
            "ics_file": ics_file,
        }
        text = render_to_string(f"{TEMPLATES[kind]}.txt", context)
        html = render_to_string(f"{TEMPLATES[kind]}.html", context)

    inline_qr = MIMEImage(qr, "png")
    inline_qr.add_header("Content-ID", f"<{content_id}>")
    inline_qr.add_header("Content-Disposition", "inline", filename=qr_file)
    message = RelatedEmail(
        subject=subject,
        body=text,
        to=[person.email],
        headers={"Auto-Submitted": "auto-generated"},
        related=[inline_qr],
    )
    message.attach_alternative(html, "text/html")
    message.attach(qr_file, qr, "image/png")
    message.attach(_ics_part(event_ics(event, links.event), ics_file))
    return message


def build_rejection_email(registration: Registration) -> EmailMultiAlternatives:
    """A short letter: not accepted, why, and whom to ask. No code, QR code or
    calendar file: there is nothing to come to."""
    person = registration.person
    event = registration.event
    with translation.override(person.preferred_language):
        subject = _("Your registration for %(title)s is not accepted") % {"title": event.title}
        context = {
            "subject": subject,
            "person_name": person.full_name,
            "event": event,
            "when": _when(event),
            "reason": registration.decision_reason,
            "display_code": registration.display_code,
            "event_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + _page_path(event),
            "venue": _venue(event),
        }
        text = render_to_string(f"{TEMPLATES[REJECTED]}.txt", context)
        html = render_to_string(f"{TEMPLATES[REJECTED]}.html", context)
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        to=[person.email],
        headers={"Auto-Submitted": "auto-generated"},
    )
    message.attach_alternative(html, "text/html")
    return message


def spell(code: str) -> str:
    """ACDF-7EFG → "A C D F - 7 E F G": one character at a time, for the phone."""
    return " ".join(code)


def event_ics(event: EventPage, url: str) -> bytes:
    """The event as a one-event calendar, with reminders a day and an hour
    before, made by the feeds' own builder (the same UID and content as in the
    person's calendar feed)."""
    return ical.single_event_calendar(event, url, alarms=True)


def _ics_part(ics: bytes, filename: str) -> SafeMIMEText:
    """text/calendar with METHOD=PUBLISH, as calendar apps expect to import it."""
    part = SafeMIMEText(ics.decode(), "calendar", "utf-8")
    part.set_param("method", "PUBLISH")
    part.add_header("Content-Disposition", "attachment", filename=filename)
    return part


def _mail_domain() -> str:
    return settings.DEFAULT_FROM_EMAIL.rpartition("@")[2].strip("> ") or "library"


def _qr_size(png: bytes) -> int:
    """The image's width in pixels, from the PNG header (IHDR)."""
    return int.from_bytes(png[16:20], "big")


def _links(registration: Registration) -> Links:
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    event_url = base + _page_path(registration.event)
    calendar = registration.person.calendar
    if calendar is None or calendar.revoked_at is not None:
        calendar = add_to_personal_calendar(registration)
    calendar_url = base + reverse("personal_calendar", args=[calendar.token])
    return Links(
        registration=f"{event_url}registration/{registration.access_token}/",
        event=event_url,
        calendar=calendar_url,
        calendar_webcal="webcal://" + calendar_url.partition("://")[2],
    )


def _page_path(page: EventPage) -> str:
    """The page's path on its site, language prefix included ("/kk/events/x/")."""
    parts = page.get_url_parts()
    if parts is None:
        return page.url or "/"
    return parts[2]


def _when(event: EventPage) -> str:
    """ "Wednesday, 25 November 2026, 10:00–13:00"; a range of days as it is."""
    text = event_when(event)
    if event.is_multi_day:
        return text
    return f"{dates.weekday_name(timezone.localdate(event.start))}, {text}"


def _event_notice(event: EventPage) -> str:
    if event.status == EventStatus.SCHEDULED:
        return ""
    return " ".join(filter(None, (f"{event.get_status_display()}.", event.status_note)))


def _venue(event: EventPage) -> dict[str, Any] | None:
    venue = event.venue
    if venue is None:
        return None
    return {
        "name": venue.name,
        "address": venue.address.strip(),
        "directions": venue.directions.strip(),
        "accessibility": venue.accessibility_summary(),
        "contact": venue.contact,
    }


def _status_text(registration: Registration) -> str:
    if registration.status == RegistrationStatus.WAITLISTED:
        return _("You are on the waiting list, number %(number)s.") % {
            "number": registration.waitlist_rank
        }
    if registration.status == RegistrationStatus.PENDING:
        return _("Your registration is waiting for approval.")
    return _("You are registered.")


def _needs(registration: Registration) -> list[str]:
    """What we know of the person's needs, for them to check."""
    needs = []
    if registration.escort_name:
        needs.append(
            _("Your escort: %(name)s (a place is kept for them too).")
            % {"name": registration.escort_name}
        )
    if registration.guide_dog:
        needs.append(_("You are coming with a guide dog."))
    if registration.material_format:
        needs.append(
            _("Materials for you: %(format)s.")
            % {"format": registration.get_material_format_display()}
        )
    if registration.seating_needs:
        needs.append(_("Seating: %(needs)s") % {"needs": registration.seating_needs})
    return needs


def _programme_formats(registration: Registration, event_url: str) -> dict[str, Any] | None:
    """For someone who asked for braille or audio: the links to the
    programme's versions that are ready, or where they will be."""
    kinds = PROGRAMME_VERSIONS.get(registration.material_format)
    if not kinds:
        return None
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    offers = [
        offer
        for offer in formats_offered(PROGRAMME_SOURCE, registration.event.specific)
        if offer.kind in kinds
    ]
    if not offers:
        return {
            "links": [],
            "pending": _(
                "The programme in %(format)s is not ready yet; it will be on the event's page:"
            )
            % {"format": registration.get_material_format_display().lower()},
        }
    return {
        "links": [
            {
                "label": offer.label,
                "url": base + offer.url,
                "details": ", ".join(
                    filter(None, (offer.format, filesizeformat(offer.size), offer.duration))
                ),
            }
            for offer in offers
        ],
        "pending": "",
    }


def _next_steps(registration: Registration) -> list[str]:
    cancel = _(
        "If you cannot come, please cancel with your private link below, "
        "so that someone else can have the place."
    )
    if registration.status == RegistrationStatus.WAITLISTED:
        return [
            _(
                "There are no free places now. When a place becomes free, it goes to "
                "the first person on the waiting list, and we write to you at once. "
                "You do not need to do anything."
            ),
            _("If you no longer want to come, cancel with your private link below."),
        ]
    if registration.status == RegistrationStatus.PENDING:
        return [
            _(
                "The library staff look at each registration for this event. "
                "Your private link below shows whether yours is accepted."
            ),
            cancel,
        ]
    return [
        _("Come at the time above. At the entrance, say your code or show the QR code."),
        cancel,
    ]
