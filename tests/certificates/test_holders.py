"""The holder's certificate: a link on the registration's private page, an
HTML view with the same text as the PDF, and the PDF itself."""

import io

import pypdf
import pytest
from django.utils import timezone, translation
from django.utils.translation import gettext

from certificates import batches, services
from certificates.enums import BatchKind
from people.models import Person
from registrations.enums import RegistrationStatus
from registrations.models import Registration
from registrations.views import private_url
from tests.certificates.conftest import KAZAKH_NAME

pytestmark = pytest.mark.django_db


@pytest.fixture
def holder(make_event, certificate_template):
    event = make_event(title="Брайль күні")
    person = Person.objects.create(full_name=KAZAKH_NAME)
    registration = Registration.objects.create(
        event=event,
        person=person,
        status=RegistrationStatus.ATTENDED,
        consent_version="test",
        consented_at=timezone.now(),
    )
    batch = batches.batch_create(
        kind=BatchKind.PARTICIPATION,
        event=event,
        template=certificate_template(),
        language="kk+ru",
        by=None,
    )
    batches.batch_run(batch)
    return registration, registration.certificates.get()


def test_the_private_page_links_to_the_certificate(client, soup, holder):
    registration, certificate = holder
    response = client.get(private_url(registration.event, registration))
    assert response.status_code == 200
    page = soup(response)
    with translation.override("kk"):  # the event's page is the Kazakh one
        heading = page.find("h2", string=gettext("Your certificate"))
    links = {a["href"] for a in heading.find_next("ul").find_all("a")}
    assert links == {
        f"/kk/certificate/{certificate.access_token}/",
        f"/certificate/{certificate.access_token}.pdf",
    }


def test_a_private_page_without_certificate_has_no_section(client, soup, make_event):
    event = make_event()
    registration = Registration.objects.create(
        event=event,
        person=Person.objects.create(full_name="Біреу"),
        status=RegistrationStatus.CONFIRMED,
        consent_version="test",
        consented_at=timezone.now(),
    )
    page = soup(client.get(private_url(event, registration)))
    assert page.find("h2", string="Your certificate") is None


def test_the_html_view_has_the_same_text_as_the_pdf(client, soup, holder):
    _registration, certificate = holder
    response = client.get(f"/en/certificate/{certificate.access_token}/")
    assert response.status_code == 200
    page = soup(response)
    articles = page.find_all("article")
    assert [article["lang"] for article in articles] == ["kk", "ru"]
    assert page.h1.get_text() == "Сертификат"
    html_text = " ".join(page.main.get_text().split())
    pdf = pypdf.PdfReader(io.BytesIO(services.pdf_bytes(certificate)))
    pdf_text = " ".join(" ".join(p.extract_text() for p in pdf.pages).split())
    for paragraph in certificate.content["parts"][0]["paragraphs"] + [KAZAKH_NAME]:
        assert paragraph in html_text
        assert paragraph in pdf_text
    assert certificate.display_code in html_text
    assert page.find("a", href=f"/certificate/{certificate.access_token}.pdf")


def test_the_holder_downloads_the_pdf(client, holder):
    _registration, certificate = holder
    response = client.get(f"/certificate/{certificate.access_token}.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF")


@pytest.mark.parametrize("token", ["nope", "x" * 500, "%00"])
def test_an_unknown_token_is_not_found(client, token):
    assert client.get(f"/en/certificate/{token}/").status_code == 404
    assert client.get(f"/certificate/{token}.pdf").status_code == 404
