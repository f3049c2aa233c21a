"""Demo certificate templates (participation, a festival diploma and a letter
of thanks, in kk, ru and en, each with its design and signatories) and the
checked-in attendees of a past event, to
whom staff can issue participation certificates from the admin or with
`issue_certificates` (demo/fixtures/certificates.yaml). Made once.

The demo's certificates themselves are issued by `demo.festivals` for the
2011 edition of the festival, through `competitions.diplomas`, the same
action as the admin's "Issue diplomas"."""

import datetime

from django.conf import settings

from certificates.models import CertificateTemplate, Signatory
from demo.data import load
from demo.engine import Person, Registration, RegistrationStatus
from demo.seeding import translation_key
from events.models import EventPage


def _template(spec) -> CertificateTemplate:
    template = CertificateTemplate.objects.filter(name=spec["name"]).first()
    if template is not None:
        return template
    content = load("certificates")
    fields = {
        "name": spec["name"],
        "kind": spec["kind"],
        "palette": spec["palette"],
        "ornament": spec["ornament"],
        "orientation": spec["orientation"],
    }
    for code in ("kk", "ru", "en"):
        fields[f"title_{code}"] = spec["title"][code]
        fields[f"text_{code}"] = spec["text"][code]
        fields[f"issuer_{code}"] = content["issuer"][code]
        fields[f"city_{code}"] = content["city"][code]
    template = CertificateTemplate(**fields)
    template.signatories = [Signatory(**content["signatories"][key]) for key in spec["signatories"]]
    template.save()
    return template


def _attendees(event: EventPage) -> None:
    for attendee in load("certificates")["attendees"]:
        name = attendee["name"]
        person = Person.objects.filter(name_key=Person.fold_name(name)).first()
        if person is None:
            person = Person.objects.create(full_name=name, email=attendee.get("email", ""))
        Registration.objects.get_or_create(
            event=event,
            person=person,
            defaults={
                "status": RegistrationStatus.ATTENDED,
                "consent_version": settings.PRIVACY_NOTICE_VERSION,
                "consented_at": event.start - datetime.timedelta(days=7),
                "checked_in_at": event.start,
            },
        )


def seed() -> tuple[CertificateTemplate, CertificateTemplate]:
    """The demo's participation and diploma templates (and the attendees);
    the letter of thanks is made too, for staff to issue."""
    content = load("certificates")
    event = EventPage.objects.filter(
        translation_key=translation_key(content["event"]), locale__language_code="kk"
    ).first()
    if event is not None:
        _attendees(event)
    participation, diploma, _thanks = (_template(spec) for spec in content["templates"])
    return participation, diploma
