"""Demo certificate templates for seed_demo: a participation certificate and
a festival diploma, in kk, ru and en, with one signatory. Made once (found by
name on a second run).

The demo's certificates themselves are issued by `festivals.demo` for the
2011 edition of the festival, through `competitions.diplomas`, the same
action as the admin's "Issue diplomas"."""

from certificates.enums import CertificateKind
from certificates.models import CertificateTemplate, Signatory

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


def seed() -> tuple[CertificateTemplate, CertificateTemplate]:
    """The demo's participation and diploma templates."""
    participation, diploma = (_template(spec) for spec in TEMPLATES)
    return participation, diploma
