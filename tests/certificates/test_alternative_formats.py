"""A certificate's text in braille and as audio, for its holder: what the
Document says in the certificate's language, made in the background when the
certificate is issued (alone or in a batch), offered on the holder's page in
kk, ru and en, served as private, and deleted (never served again) when the
certificate is revoked, reissued or withdrawn at its holder's erasure."""

import pytest
from anyascii import anyascii
from django.contrib.auth import get_user_model
from django.utils import timezone, translation

from certificates import alternative_formats, batches, services
from certificates.enums import BatchKind
from certificates.models import Certificate
from core import dates
from formats.document import ListBlock, Paragraph
from formats.models import AlternativeFormat
from people.models import Person
from people.privacy import person_erase
from registrations.enums import RegistrationStatus
from registrations.models import Registration
from tests.certificates.conftest import KAZAKH_NAME
from tests.formats import source_checks as check

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.system_package("liblouis-bin", "liblouis-data", "espeak-ng"),
]

SOURCE = alternative_formats.SOURCE_KEY
LABELS = {
    "brf": "Certificate in braille",
    "braille-text": "Certificate in Unicode braille for braille displays",
    "mp3": "Certificate as audio",
}
EVENT_TITLES = {"kk": "Брайль күні", "ru": "День Брайля", "en": "Braille Day"}
TITLES = {"kk": "Сертификат", "ru": "Сертификат", "en": "Certificate"}
# Russian braille has no cells for ә, ө, ұ...: a Russian certificate names a Russian name.
NAMES = {"kk": KAZAKH_NAME, "ru": "Анна Ковалёва", "en": KAZAKH_NAME}


def tr(code: str, message: str) -> str:
    with translation.override(code):
        return translation.gettext(message)


@pytest.fixture
def on_publish(settings):
    settings.FORMATS_ON_PUBLISH = True


@pytest.fixture
def issued(issue, make_event, on_publish, django_capture_on_commit_callbacks):
    """issued("ru"): a certificate issued in that language, its braille and
    audio made by the task after the commit."""

    def make(code="kk", name=KAZAKH_NAME):
        event = make_event(title=EVENT_TITLES[code])
        with django_capture_on_commit_callbacks(execute=True):
            return issue(name=name, language=code, event=event)

    return make


def said(text: str, code: str) -> str:
    return check.words(anyascii(text) if code == "en" else text)


@pytest.mark.parametrize("code", ["kk", "ru", "en"])
def test_the_document_says_the_certificate_in_its_language(issue, make_event, code):
    event = make_event(title=EVENT_TITLES[code])
    certificate = issue(language=code, event=event)
    document = alternative_formats.certificate_document(certificate)
    assert document.language == code
    assert document.title == TITLES[code]
    blocks = document.blocks
    assert Paragraph(f"{tr(code, 'Awarded to')}: {KAZAKH_NAME}") in blocks
    assert any(
        isinstance(block, Paragraph) and EVENT_TITLES[code] in block.text for block in blocks
    )
    position = {"kk": "Директор", "ru": "Директор", "en": "Director"}[code]
    assert ListBlock((f"{position}: Гүлназ Қасымова",)) in blocks
    with translation.override(code):
        issued_on = dates.format_date(certificate.issued_at)
    assert blocks[-3:] == (
        Paragraph(f"{tr(code, 'Date of issue')}: {issued_on}"),
        Paragraph(f"{tr(code, 'Number')}: {certificate.serial_number}"),
        Paragraph(f"{tr(code, 'Verification code')}: {certificate.display_code}"),
    )


def test_a_kazakh_and_russian_certificate_is_read_in_kazakh(issue, make_event):
    certificate = issue(language="kk+ru", event=make_event(title="Брайль күні"))
    document = alternative_formats.certificate_document(certificate)
    assert (document.language, document.title) == ("kk", "Сертификат")


@pytest.mark.parametrize("code", ["kk", "ru", "en"])
def test_issuing_makes_braille_and_audio_offered_on_the_holders_page(client, soup, issued, code):
    certificate = issued(code, name=NAMES[code])
    rows = check.rows_of(SOURCE, certificate.pk)
    assert set(rows) == check.KINDS
    assert {row.status for row in rows.values()} == {"ready"}
    assert {row.language for row in rows.values()} == {code}

    for braille in check.braille_says(client, rows, code):
        assert said(NAMES[code], code) in braille
        assert said(EVENT_TITLES[code], code) in braille
        assert "гүлназ" in braille or "gulnaz" in braille
    audio = check.audio_of(client, rows["mp3"])
    assert audio.info.length > 2
    assert str(audio.tags["TIT2"]) == TITLES[code]

    # The holder's page, in the page's language: the PDF, then these.
    response = client.get(f"/{code}/certificate/{certificate.access_token}/")
    html = soup(response)
    links = {
        a["href"]: a.get_text(" ", strip=True).replace("\xa0", " ")
        for a in html.select("ul a")
        if a["href"].startswith("/formats/")
    }
    assert list(links.values()) == [
        check.link_name(code, LABELS[kind], rows[kind]) for kind in ("brf", "braille-text", "mp3")
    ]


def test_the_files_are_private_and_not_indexed(client, issued):
    certificate = issued("kk")
    row = check.rows_of(SOURCE, certificate.pk)["brf"]
    response = client.get(check.services.format_url(row))
    assert response.status_code == 200
    assert "private" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex"
    assert response["Content-Disposition"] == (
        f'attachment; filename="certificate-{certificate.display_code}.brf"'
    )
    check.body_of(response)


def test_a_batch_makes_each_certificates_files_in_the_background(
    make_event, certificate_template, on_publish, django_capture_on_commit_callbacks
):
    event = make_event(title="Брайль күні")
    for name in ("Айгүл Бекова", "Марат Сейітов"):
        Registration.objects.create(
            event=event,
            person=Person.objects.create(full_name=name),
            status=RegistrationStatus.ATTENDED,
            consent_version="test",
            consented_at=timezone.now(),
        )
    batch = batches.batch_create(
        kind=BatchKind.PARTICIPATION,
        event=event,
        template=certificate_template(),
        language="kk",
        by=None,
    )
    with django_capture_on_commit_callbacks(execute=True) as queued:
        batches.batch_run(batch)
    certificates = list(Certificate.objects.filter(batch=batch))
    assert len(certificates) == 2
    for certificate in certificates:
        rows = check.rows_of(SOURCE, certificate.pk)
        assert {row.status for row in rows.values()} == {"ready"}
    # One task per certificate, queued after the commit, none in the request.
    assert len(queued) >= 2


def test_revoking_deletes_the_files(client, soup, issued, django_capture_on_commit_callbacks):
    certificate = issued("kk")
    rows = check.rows_of(SOURCE, certificate.pk)
    names = [row.file.name for row in rows.values()]
    storage = AlternativeFormat._meta.get_field("file").storage
    assert all(storage.exists(name) for name in names)
    staff = get_user_model().objects.filter(is_superuser=True).first()

    with django_capture_on_commit_callbacks(execute=True):
        services.certificate_revoke(certificate=certificate, by=staff, reason="Қате берілген")
    assert not AlternativeFormat.objects.of(SOURCE, certificate.pk).exists()
    assert not any(storage.exists(name) for name in names)
    for row in rows.values():
        assert check.served(client, row)[0] == 404
    html = soup(client.get(f"/kk/certificate/{certificate.access_token}/"))
    assert not html.select('a[href^="/formats/"]')


def test_a_reissued_certificate_says_the_corrected_name_and_the_old_files_are_gone(
    client, issued, django_capture_on_commit_callbacks
):
    certificate = issued("kk", name="Айгүл Бекова")
    old = check.rows_of(SOURCE, certificate.pk)
    staff = get_user_model().objects.filter(is_superuser=True).first()
    with django_capture_on_commit_callbacks(execute=True):
        new = services.certificate_reissue(
            certificate=certificate, by=staff, reason="Аты қате", recipient_name="Айгүль Бекова"
        )
    for row in old.values():
        assert check.served(client, row)[0] == 404
    rows = check.rows_of(SOURCE, new.pk)
    _brf, text = check.braille_says(client, rows, "kk")
    assert "айгүль бекова" in text


def test_erasing_the_holder_deletes_the_files(
    client, make_event, certificate_template, on_publish, django_capture_on_commit_callbacks
):
    event = make_event(title="Брайль күні")
    person = Person.objects.create(full_name="Дана Омарова")
    Registration.objects.create(
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
        language="kk",
        by=None,
    )
    with django_capture_on_commit_callbacks(execute=True):
        batches.batch_run(batch)
    certificate = Certificate.objects.get(batch=batch)
    rows = check.rows_of(SOURCE, certificate.pk)
    names = [row.file.name for row in rows.values()]
    storage = AlternativeFormat._meta.get_field("file").storage
    assert len(names) == 3 and all(storage.exists(name) for name in names)

    staff = get_user_model().objects.filter(is_superuser=True).first()
    with django_capture_on_commit_callbacks(execute=True):
        person_erase(person=person, by=staff)
    assert not AlternativeFormat.objects.of(SOURCE, certificate.pk).exists()
    assert not any(storage.exists(name) for name in names)
    for row in rows.values():
        assert check.served(client, row)[0] == 404
    # Made again by a late task? No: a revoked certificate has no versions.
    assert check.make(SOURCE, certificate.pk) == {}
