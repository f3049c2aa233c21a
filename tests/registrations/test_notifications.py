"""Registration e-mails and personal calendars: both parts of the mail in the
person's language, the code and its QR image (decoded by a real decoder), the
event's calendar file, promotion from the waiting list, staff resending, and
a mail server that is down (the registration stands; the mail is retried)."""

import datetime
import re
from email.message import Message
from io import BytesIO
from smtplib import SMTPException

import icalendar
import pytest
import zxingcpp
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.test import override_settings
from django.utils import timezone, translation
from django_tasks_db.models import DBTaskResult
from PIL import Image
from wagtail.log_actions import registry as log_actions
from wagtail.models import ModelLogEntry

from core import dates
from events.models import PersonalCalendar
from people.services import person_find_or_create
from registrations import notifications
from registrations.enums import RegistrationStatus as Status
from registrations.models import Registration
from registrations.services import registration_cancel, registration_create

CONSENT = "privacy-2026-11"
FAILING_BACKEND = "tests.registrations.test_notifications.FailingBackend"
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


class FailingBackend(BaseEmailBackend):
    """A mail server that is down; counts the attempts."""

    attempts = 0

    def send_messages(self, email_messages):
        FailingBackend.attempts += 1
        raise SMTPException("451 Try again later")


@pytest.fixture
def open_event(make_event):
    def make(code="en", capacity=None, requires_approval=False, **fields):
        now = timezone.now()
        return make_event(
            code,
            capacity=capacity,
            requires_approval=requires_approval,
            registration_opens=now - datetime.timedelta(days=1),
            registration_closes=now + datetime.timedelta(days=5),
            # 11:00 local time: a two-hour event never crosses midnight,
            # whatever the hour the tests run at.
            start=timezone.localtime(now + datetime.timedelta(days=6)).replace(
                hour=11, minute=0, second=0, microsecond=0
            ),
            **fields,
        )

    return make


@pytest.fixture
def register(django_capture_on_commit_callbacks):
    """Register as the web view does, through the engine (which tells the
    person), with the on-commit callbacks (the queued e-mail) run."""

    def make(event, name, email="", language="en", **fields):
        person = person_find_or_create(full_name=name, email=email, preferred_language=language)
        with django_capture_on_commit_callbacks(execute=True):
            registration, created = registration_create(
                event=event, person=person, consent_version=CONSENT, **fields
            )
            assert created
        return registration

    return make


def cancel(registration, capture):
    with capture(execute=True):
        promoted = registration_cancel(registration=registration)
    return promoted


def html_of(message) -> str:
    [(html, mimetype)] = message.alternatives
    assert mimetype == "text/html"
    return html


def parts(message) -> list[Message]:
    return list(message.message().walk())


def attachment(message, content_type: str) -> Message:
    [part] = [
        part
        for part in parts(message)
        if part.get_content_type() == content_type
        and part.get_content_disposition() == "attachment"
    ]
    return part


def decode_qr(png: bytes) -> list[str]:
    return [result.text for result in zxingcpp.read_barcodes(Image.open(BytesIO(png)))]


@pytest.mark.django_db
def test_confirmation_has_both_parts_the_code_the_links_and_the_event(
    open_event, register, mailoutbox
):
    event = open_event(title="Reading evening")
    registration = register(event, "Aigerim Saparova", email="aigerim@example.kz")

    [message] = mailoutbox
    code = registration.display_code
    html = html_of(message)
    assert message.to == ["aigerim@example.kz"]
    assert message.subject == f"Registration for Reading evening: {code}"
    assert code in message.body and code in html
    # Spelled out for reading over the phone: "A C D F - 7 E F G".
    assert " ".join(code) in message.body
    assert "Hello, Aigerim Saparova!" in message.body
    assert "You are registered." in message.body and "You are registered." in html
    assert message.extra_headers["Auto-Submitted"] == "auto-generated"

    # The date and time in words, the venue and its accessibility facts.
    with translation.override("en"):
        assert notifications._when(event) in message.body
        assert dates.weekday_name(timezone.localdate(event.start)) in message.body
        facts = event.venue.accessibility_summary()
    assert event.venue.name in message.body and event.venue.name in html
    for fact in facts:
        assert fact in message.body and fact in html

    # The private link to the registration and the personal calendar feed.
    registration.person.refresh_from_db()  # the task made the calendar
    calendar = registration.person.calendar
    page_url = f"http://testserver/en/events/{event.slug}/"
    private_link = f"{page_url}registration/{registration.access_token}/"
    assert private_link in message.body and f'href="{private_link}"' in html
    feed = f"testserver/calendar/{calendar.token}.ics"
    assert f"webcal://{feed}" in message.body and f'href="webcal://{feed}"' in html
    assert f"http://{feed}" in message.body and f'href="http://{feed}"' in html

    # Simple semantic HTML: a language, a title and headings, no tables.
    assert re.search(r'<html lang="en">', html)
    assert f"<title>{message.subject}</title>" in html
    assert "<h1" in html and "<h2" in html
    assert "<table" not in html


@pytest.mark.django_db
def test_mail_structure_inline_qr_and_attachments(open_event, register, mailoutbox):
    event = open_event()
    registration = register(event, "Erlan Omarov", email="erlan@example.kz")
    [message] = mailoutbox
    html = html_of(message)
    code = registration.display_code
    root = message.message()

    # mixed( related( alternative(text, html), inline image ), png, ics )
    assert root.get_content_type() == "multipart/mixed"
    related = root.get_payload()[0]
    assert related.get_content_type() == "multipart/related"
    alternative, inline = related.get_payload()
    assert [part.get_content_type() for part in alternative.get_payload()] == [
        "text/plain",
        "text/html",
    ]
    assert inline.get_content_type() == "image/png"
    content_id = inline["Content-ID"].strip("<>")
    image = re.search(r"<img [^>]*>", html).group(0)
    assert f'src="cid:{content_id}"' in image
    assert f'alt="QR code of your registration code {code}"' in image

    # The QR code decodes to exactly the code shown in the text; the same
    # picture is attached as a file for text-only mail readers.
    assert decode_qr(inline.get_payload(decode=True)) == [code]
    png = attachment(message, "image/png")
    assert png.get_filename() == f"qr-{code}.png"
    assert decode_qr(png.get_payload(decode=True)) == [code]
    assert f"qr-{code}.png" in message.body

    # The event as a calendar file that calendar apps import.
    ics = attachment(message, "text/calendar")
    assert ics.get_param("method") == "PUBLISH"
    assert ics.get_content_charset() == "utf-8"
    calendar = icalendar.Calendar.from_ical(ics.get_payload(decode=True))
    [vevent] = calendar.walk("VEVENT")
    assert str(vevent["UID"]) == f"event-{event.translation_key}-en@special-library"
    assert str(vevent["SUMMARY"]) == event.title
    assert vevent.decoded("DTSTART") == event.start
    assert calendar["METHOD"] == "PUBLISH"


@pytest.mark.django_db
def test_russian_speaker_gets_the_mail_in_russian(open_event, register, mailoutbox):
    event = open_event("ru", title="Вечер чтения")
    register(event, "Анна Ким", email="anna@example.kz", language="ru")
    [message] = mailoutbox
    html = html_of(message)
    assert '<html lang="ru">' in html
    assert "Вечер чтения" in message.subject
    # The words that are translated already: the weekday and the headings.
    with translation.override("ru"):
        weekday = dates.weekday_name(timezone.localdate(event.start))
    assert re.fullmatch(r"[А-Яа-яЁё]+", weekday)
    assert weekday in message.body and weekday in html
    assert "Когда" in message.body and "Когда" in html


@pytest.mark.django_db
def test_waiting_list_and_approval_are_said_in_words(open_event, register, mailoutbox):
    full = open_event(capacity=1)
    register(full, "First Person", email="first@example.kz")
    waiting = register(full, "Second Person", email="second@example.kz")
    assert waiting.status == Status.WAITLISTED
    assert "You are on the waiting list, number 1." in mailoutbox[-1].body

    pending = register(open_event(requires_approval=True), "Third Person", email="t@example.kz")
    assert pending.status == Status.PENDING
    assert "Your registration is waiting for approval." in mailoutbox[-1].body


@pytest.mark.django_db
def test_no_email_address_no_mail(open_event, register, mailoutbox):
    registration = register(open_event(), "Marat Akhmetov")
    assert mailoutbox == []
    assert notifications.send_registration_email(registration, "confirmation") is False
    assert mailoutbox == []
    # Nor a personal calendar: its address is given only by e-mail.
    registration.person.refresh_from_db()
    assert registration.person.calendar is None


@pytest.mark.django_db
def test_personal_calendar_gets_the_event_and_loses_it_on_cancellation(
    open_event, register, django_capture_on_commit_callbacks
):
    first, second = open_event(), open_event()
    registration = register(first, "Gulnar Saparova", email="g@example.kz", language="ru")
    register(second, "Gulnar Saparova", email="g@example.kz", language="ru")
    person = registration.person
    person.refresh_from_db()
    calendar = person.calendar
    assert (calendar.label, calendar.language) == ("Gulnar Saparova", "ru")
    assert set(calendar.events.all()) == {first, second}
    assert PersonalCalendar.objects.filter(person=person).count() == 1

    cancel(registration, django_capture_on_commit_callbacks)
    assert list(calendar.events.all()) == [second]


@pytest.mark.django_db
def test_revoked_calendar_is_replaced_with_its_events(open_event, register):
    first = register(open_event(), "Dana Bekova", email="dana@example.kz")
    first.person.refresh_from_db()
    old = first.person.calendar
    old.revoke()
    second = register(open_event(), "Dana Bekova", email="dana@example.kz")
    second.person.refresh_from_db()
    new = second.person.calendar
    assert new.pk != old.pk and new.revoked_at is None
    assert set(new.events.all()) == {first.event, second.event}


@pytest.mark.django_db
def test_promotion_mail_goes_to_the_promoted_person(
    open_event, register, mailoutbox, django_capture_on_commit_callbacks
):
    event = open_event(capacity=1, title="Poetry")
    first = register(event, "First Person", email="first@example.kz")
    waiting = register(event, "Second Person", email="second@example.kz")
    mailoutbox.clear()

    promoted = cancel(first, django_capture_on_commit_callbacks)
    assert [registration.pk for registration in promoted] == [waiting.pk]
    [message] = mailoutbox
    assert message.to == ["second@example.kz"]
    assert message.subject == f"A place for you at Poetry: {waiting.display_code}"
    assert "a place has become free" in message.body
    assert "You are registered." in message.body
    assert "a place has become free" in html_of(message)
    assert waiting.display_code in message.body


@pytest.mark.django_db
def test_a_cancelled_registration_gets_no_confirmation(open_event, register, mailoutbox):
    registration = register(open_event(), "Late Mail", email="late@example.kz")
    registration.status = Status.CANCELLED
    registration.save(update_fields=["status"])
    mailoutbox.clear()
    assert (
        notifications.deliver_registration_email.call(registration.pk, "confirmation") == "skipped"
    )
    assert mailoutbox == []


@pytest.fixture
def resend_action():
    """The audit action of a resent confirmation, registered by wagtail_hooks;
    registered here for the test while the hook does not have it yet."""
    log_actions.scan_for_actions()
    action = notifications.RESEND_ACTION
    if action in log_actions.formatters:
        yield
        return
    log_actions.register_action(action, "Registration: e-mail sent again", "Resent")
    yield
    del log_actions.formatters[action]
    log_actions.choices = [choice for choice in log_actions.choices if choice[0] != action]


@pytest.mark.django_db
@pytest.mark.usefixtures("resend_action")
def test_staff_resend_the_confirmation_with_an_audit_entry(
    open_event, register, mailoutbox, django_capture_on_commit_callbacks
):
    registration = register(open_event(), "Saule Nurlanova", email="saule@example.kz")
    librarian = get_user_model().objects.create_user("librarian", password="x")
    with django_capture_on_commit_callbacks(execute=True):
        assert notifications.resend_confirmation(registration, by=librarian) is True
    assert len(mailoutbox) == 2
    assert mailoutbox[1].subject == mailoutbox[0].subject
    entry = ModelLogEntry.objects.get(
        object_id=str(registration.pk), action="events.registration.resend"
    )
    assert entry.user == librarian

    nobody = register(open_event(), "No Address")
    assert notifications.resend_confirmation(nobody, by=librarian) is False


@pytest.mark.django_db
def test_mail_server_down_the_registration_stands_and_the_mail_is_retried(
    open_event, register, mailoutbox
):
    """With a backend that runs tasks at once, the retries follow at once,
    five attempts in all; the last failure is left in the task's result."""
    FailingBackend.attempts = 0
    with override_settings(EMAIL_BACKEND=FAILING_BACKEND):
        registration = register(open_event(), "Nurlan Abenov", email="nurlan@example.kz")
    assert FailingBackend.attempts == notifications.MAX_ATTEMPTS
    assert Registration.objects.get(pk=registration.pk).status == Status.CONFIRMED
    assert mailoutbox == []


@pytest.mark.django_db
def test_mail_server_down_the_next_attempt_is_queued_for_later(open_event, register, mailoutbox):
    """With the database backend (production), attempt 2 waits in the queue;
    when it runs with the mail server back, exactly one mail goes out."""
    event = open_event()
    mails = DBTaskResult.objects.filter(
        task_path=notifications.deliver_registration_email.module_path
    )
    with override_settings(TASKS=DATABASE_TASKS):
        registration = register(event, "Aliya Serikova", email="aliya@example.kz")
        [queued] = mails
        assert queued.args_kwargs == {"args": [registration.pk, "confirmation"], "kwargs": {}}

        FailingBackend.attempts = 0
        before = timezone.now()
        with override_settings(EMAIL_BACKEND=FAILING_BACKEND):
            result = queued.task_result
            outcome = result.task.call(*result.args, **result.kwargs)
        assert (outcome, FailingBackend.attempts) == ("retrying", 1)
        assert Registration.objects.get(pk=registration.pk).status == Status.CONFIRMED

        retry = mails.exclude(pk=queued.pk).get()
        assert retry.args_kwargs == {
            "args": [registration.pk, "confirmation"],
            "kwargs": {"attempt": 2},
        }
        assert retry.run_after >= before + notifications.RETRY_DELAYS[0]

        result = retry.task_result
        assert result.task.call(*result.args, **result.kwargs) == "sent"
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["aliya@example.kz"]
    assert len(mail.outbox) == 1
