"""Demo certificates for seed_demo: two templates, participation certificates
for everyone who attended a past festival (demo attendees are checked in) and
diplomas for its winners, issued through the same batches as the admin's.
Idempotent: attendees, templates and batches are made once; issuing is
keyed, so a second run issues nothing."""

from django.conf import settings
from django.utils import timezone

from certificates import services
from certificates.enums import BatchKind, CertificateKind
from certificates.models import CertificateBatch, CertificateTemplate, Signatory
from core.seeding import translation_key
from events.enums import RegistrationStatus
from events.models import EventPage, Person, Registration

EVENT_KEY = "event:festival-zhanarym"
ISSUER = {
    "kk": "Зағип және нашар көретін азаматтарға арналған арнайы кітапхана",
    "ru": "Специальная библиотека для незрячих и слабовидящих граждан",
    "en": "Special Library for Blind and Visually Impaired Citizens",
}
TEMPLATES = [
    {
        "name": "Қатысу сертификаты / Сертификат участника",
        "kind": CertificateKind.PARTICIPATION,
        "title": {"kk": "Сертификат", "ru": "Сертификат", "en": "Certificate"},
        "text": {
            "kk": "«{event}» фестиваліне қатысқаны үшін беріледі, {date}.",
            "ru": "Выдан за участие в фестивале «{event}», {date}.",
            "en": "For taking part in the festival “{event}”, {date}.",
        },
    },
    {
        "name": "Фестиваль дипломы / Диплом фестиваля",
        "kind": CertificateKind.DIPLOMA,
        "title": {"kk": "Диплом", "ru": "Диплом", "en": "Diploma"},
        "text": {
            "kk": "{place}. «{nomination}» номинациясы.\n«{event}» фестивалі, {date}.",
            "ru": "{place}. Номинация «{nomination}».\nФестиваль «{event}», {date}.",
            "en": "{place}. Nomination “{nomination}”.\nFestival “{event}”, {date}.",
        },
    },
]
SIGNATORY = {
    "name": "Сәуле Бекова",
    "position_kk": "Директор",
    "position_ru": "Директор",
    "position_en": "Director",
}
# Fictitious people (e-mails at example.org) who came to the festival.
ATTENDEES = [
    ("Айгерім Сапарова", "aigerim.saparova@example.org"),
    ("Бауыржан Өмірзақов", ""),
    ("Гүлнар Қасымова", "gulnar.kassymova@example.org"),
    ("Дәурен Ілиясов", ""),
    ("Жанар Үсенова", ""),
    ("Нұрлан Әбдіқадыров", ""),
]
WINNERS = [
    {"name": "Айгерім Сапарова", "place": "grand-prix", "nomination": "Вокал"},
    {"name": "Гүлнар Қасымова", "place": "1", "nomination": "Көркемсөз оқу"},
    {
        "name": "Дәурен Ілиясов",
        "place": "special",
        "special_prize": "Көрермен көзайымы",
        "nomination": "Аспаптық орындау",
    },
]


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


def seed() -> int:
    """Returns how many certificates were issued now (0 on a second run)."""
    event = EventPage.objects.filter(
        translation_key=translation_key(EVENT_KEY), locale__language_code="kk"
    ).first()
    if event is None:
        return 0
    _attendees(event)
    participation, diploma = (_template(spec) for spec in TEMPLATES)
    issued = 0
    for kind, template, language, winners in (
        (BatchKind.PARTICIPATION, participation, "kk+ru", None),
        (BatchKind.DIPLOMAS, diploma, "kk", WINNERS),
    ):
        if CertificateBatch.objects.filter(event=event, kind=kind).exists():
            continue
        batch = services.batch_create(
            kind=kind, event=event, template=template, language=language, by=None, winners=winners
        )
        issued += services.batch_run(batch).issued
    return issued
