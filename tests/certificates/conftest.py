"""Certificate templates and certificates for the tests."""

import pytest
from django.utils import translation

from certificates.enums import CertificateKind
from certificates.models import CertificateTemplate, Signatory
from certificates.services import Recipient, certificate_issue
from tests.events.conftest import events_index, make_event  # noqa: F401 - shared fixtures

KAZAKH_NAME = "Әйгерім Ұлықбекқызы Сәрсенбаева-Өтегенова"


@pytest.fixture(autouse=True)
def _english_messages():
    """Messages made outside a request are read as an English reader gets
    them (the site's default is Kazakh); a test that wants another language
    says so, and requests activate the language of their address."""
    with translation.override("en"):
        yield


@pytest.fixture
def certificate_template():
    def make(kind=CertificateKind.PARTICIPATION, **fields):
        values = {
            "name": "Қатысу сертификаты",
            "title_kk": "Сертификат",
            "title_ru": "Сертификат",
            "title_en": "Certificate",
            "text_kk": "{event} іс-шарасына қатысқаны үшін беріледі. {date}",
            "text_ru": "За участие в мероприятии «{event}». {date}",
            "text_en": "For taking part in {event}. {date}",
            "issuer_kk": "Зағип және нашар көретін азаматтарға арналған арнайы кітапхана",
            "issuer_ru": "Специальная библиотека для незрячих и слабовидящих граждан",
            "issuer_en": "Special Library for the Blind and Visually Impaired",
            **fields,
        }
        template = CertificateTemplate(kind=kind, **values)
        template.signatories = [
            Signatory(
                name="Гүлназ Қасымова",
                position_kk="Директор",
                position_ru="Директор",
                position_en="Director",
            )
        ]
        template.save()
        return template

    return make


@pytest.fixture
def issue(certificate_template):
    def make(name=KAZAKH_NAME, language="kk", template=None, event=None, by=None, **recipient):
        template = template or certificate_template()
        certificate, _created = certificate_issue(
            template=template,
            recipient=Recipient(name=name, **recipient),
            language=language,
            event=event,
            by=by,
        )
        return certificate

    return make
