"""The certificate e-mail: a text part and an HTML part in the certificate's
language, the PDF attached, and the link to the holder's HTML view."""

import pytest
from bs4 import BeautifulSoup
from django.core import mail

from certificates.models import Certificate
from certificates.notifications import deliver_certificate_email
from tests.certificates.conftest import KAZAKH_NAME

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "hello", "subject", "link_words"),
    [
        (
            "kk",
            f"Сәлеметсіз бе, {KAZAKH_NAME}!",
            "Сіздің сертификатыңыз: Сертификат",
            "веб-бет ретінде оқу",
        ),
        (
            "ru",
            f"Здравствуйте, {KAZAKH_NAME}!",
            "Ваш сертификат: Сертификат",
            "прочитать как веб-страницу",
        ),
    ],
)
def test_the_email_has_a_text_and_an_html_part_in_the_certificates_language(
    issue, make_event, language, hello, subject, link_words
):
    certificate = issue(
        language=language, event=make_event(title="Брайль күні"), email="reader@example.org"
    )
    assert deliver_certificate_email(certificate.pk) == "sent"

    (message,) = mail.outbox
    holder_url = f"http://testserver/{language}/certificate/{certificate.access_token}/"
    assert message.to == ["reader@example.org"]
    assert message.subject == subject
    assert message.content_subtype == "plain"
    assert message.body.startswith(f"{KAZAKH_NAME},\n")
    assert holder_url in message.body.splitlines()
    ((html, mimetype),) = message.alternatives
    assert mimetype == "text/html"

    page = BeautifulSoup(html, "html.parser")
    assert page.html["lang"] == language
    assert page.title.get_text() == subject
    assert page.h1.get_text() == subject
    assert page.find("p", string=hello) is not None
    (link,) = page.find_all("a")
    assert link["href"] == holder_url
    assert link.get_text() == f"Сертификат: {link_words}"
    assert certificate.display_code in page.get_text()

    ((filename, content, content_type),) = message.attachments
    assert filename == f"{certificate.display_code}.pdf"
    assert content_type == "application/pdf"
    assert content.startswith(b"%PDF-")
    assert Certificate.objects.get(pk=certificate.pk).emailed_at is not None
