"""Demo for seed_demo: two certificate templates (participation and a
festival diploma, in kk, ru and en, with one signatory) and the checked-in
attendees of a past event, "festival-zhanarym", to whom staff can issue
participation certificates from the admin or with `issue_certificates`.
Made once (found again on a second run).

The demo's certificates themselves are issued by `festivals.demo` for the
2011 edition of the festival, through `competitions.diplomas`, the same
action as the admin's "Issue diplomas"."""

from django.conf import settings
from django.utils import timezone

from certificates.enums import CertificateKind
from certificates.models import CertificateTemplate, Signatory
from core.seeding import translation_key
from events.models import EventPage
from people.models import Person
from registrations.enums import RegistrationStatus
from registrations.models import Registration

EVENT_KEY = "event:festival-zhanarym"

ISSUER = {
    "kk": "Зағип және нашар көретін азаматтарға арналған арнайы кітапхана",
    "ru": "Специальная библиотека для незрячих и слабовидящих граждан",
    "en": "Special Library for Blind and Visually Impaired Citizens",
}
# The event (a festival edition) is named with its own quotation marks.
TEMPLATES = [
    {
        "name": "Қатысу сертификаты / Сертификат участника",
        "kind": CertificateKind.PARTICIPATION,
        "title": {"kk": "Сертификат", "ru": "Сертификат", "en": "Certificate"},
        "text": {
            "kk": "{event} фестиваліне қатысқаны үшін беріледі, {date}.",
            "ru": "Выдан за участие в фестивале {event}, {date}.",
            "en": "For taking part in the festival {event}, {date}.",
        },
    },
    {
        "name": "Фестиваль дипломы / Диплом фестиваля",
        "kind": CertificateKind.DIPLOMA,
        "title": {"kk": "Диплом", "ru": "Диплом", "en": "Diploma"},
        "text": {
            "kk": "{place}. «{nomination}» номинациясы.\n{event} фестивалі, {date}.",
            "ru": "{place}. Номинация «{nomination}».\nФестиваль {event}, {date}.",
            "en": "{place}. Nomination “{nomination}”.\nFestival {event}, {date}.",
        },
    },
]
SIGNATORY = {
    "name": "Сәуле Бекова",
    "position_kk": "Директор",
    "position_ru": "Директор",
    "position_en": "Director",
}


def _template(spec) -> CertificateTemplate:
    template = CertificateTemplate.objects.filter(name=spec["name"]).first()
    if template is not None:
        return template
    fields = {"name": spec["name"], "kind": spec["kind"]}
    for code in ("kk", "ru", "en"):
        fields[f"title_{code}"] = spec["title"][code]
        fields[f"text_{code}"] = spec["text"][code]
        fields[f"issuer_{code}"] = ISSUER[code]
    template = CertificateTemplate(**fields)
    template.signatories = [Signatory(**SIGNATORY)]
    template.save()
    return template


# Fictitious people (e-mails at example.org) who came to the festival.
ATTENDEES = [
    ("Айгерім Сапарова", "aigerim.saparova@example.org"),
    ("Бауыржан Өмірзақов", ""),
    ("Гүлнар Қасымова", "gulnar.kassymova@example.org"),
    ("Дәурен Ілиясов", ""),
    ("Жанар Үсенова", ""),
    ("Нұрлан Әбдіқадыров", ""),
]


def _attendees(event: EventPage) -> None:
    for name, email in ATTENDEES:
        person = Person.objects.filter(name_key=Person.fold_name(name)).first()
        if person is None:
            person = Person.objects.create(full_name=name, email=email)
        Registration.objects.get_or_create(
            event=event,
            person=person,
            defaults={
                "status": RegistrationStatus.ATTENDED,
                "consent_version": settings.PRIVACY_NOTICE_VERSION,
                "consented_at": event.start - timezone.timedelta(days=7),
                "checked_in_at": event.start,
            },
        )


def seed() -> tuple[CertificateTemplate, CertificateTemplate]:
    """The demo's participation and diploma templates (and the attendees)."""
    event = EventPage.objects.filter(
        translation_key=translation_key(EVENT_KEY), locale__language_code="kk"
    ).first()
    if event is not None:
        _attendees(event)
    participation, diploma = (_template(spec) for spec in TEMPLATES)
    return participation, diploma
