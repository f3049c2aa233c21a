"""Batches: everyone who attended gets one certificate; a second run issues
nothing; a run killed in the middle completes on the next run with no
duplicate; the progress and the errors (with names) are saved as it goes."""

import io
import zipfile

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone, translation
from wagtail.models import ModelLogEntry

from certificates import batches, services, tasks
from certificates.enums import BatchKind, BatchStatus, CertificateKind, Place
from certificates.models import Certificate, CertificateBatch
from people.models import Person
from registrations.enums import RegistrationStatus
from registrations.models import Registration

pytestmark = pytest.mark.django_db

NAMES = [
    "Айгерім Сапарова",
    "Бауыржан Өмірзақов",
    "Гүлнар Қасымова",
    "Дәурен Ілиясов",
    "Ерлан Нұрғалиев",
    "Жанар Үсенова",
]


class Killed(BaseException):
    """What a worker killed in the middle looks like to the code it ran."""


@pytest.fixture
def staff():
    return get_user_model().objects.get(username="admin")


@pytest.fixture
def attended_event(make_event):
    event = make_event(start=timezone.now() - timezone.timedelta(days=3))
    for index, name in enumerate(NAMES):
        person = Person.objects.create(full_name=name, email=f"person{index}@example.org")
        Registration.objects.create(
            event=event,
            person=person,
            status=RegistrationStatus.ATTENDED,
            consent_version="test",
            consented_at=timezone.now(),
        )
    no_show = Person.objects.create(full_name="Кім Келмеді")
    Registration.objects.create(
        event=event,
        person=no_show,
        status=RegistrationStatus.CONFIRMED,
        consent_version="test",
        consented_at=timezone.now(),
    )
    return event


def participation_batch(event, template, staff, **options):
    """A Kazakh participation batch for everyone who attended `event`."""
    return batches.batch_create(
        kind=BatchKind.PARTICIPATION,
        event=event,
        template=template,
        language="kk",
        by=staff,
        **options,
    )


def run(batch):
    return tasks.issue_certificate_batch.enqueue(batch.pk)


def test_everyone_who_attended_gets_one_certificate_with_a_pdf(
    attended_event, certificate_template, staff
):
    batch = participation_batch(attended_event, certificate_template(), staff)
    run(batch)
    batch.refresh_from_db()
    assert (batch.status, batch.done, batch.total, batch.issued, batch.errors) == (
        BatchStatus.DONE,
        6,
        6,
        6,
        [],
    )
    certificates = Certificate.objects.filter(batch=batch)
    assert sorted(certificates.values_list("recipient_name", flat=True)) == sorted(NAMES)
    assert all(certificate.pdf for certificate in certificates)
    serials = sorted(certificates.values_list("serial", flat=True))
    assert len(set(serials)) == 6
    actions = set(
        ModelLogEntry.objects.filter(action__startswith="certificates.").values_list(
            "action", flat=True
        )
    )
    assert actions == {
        "certificates.batch.create",
        "certificates.certificate.issue",
        "certificates.batch.finish",
    }


def test_a_second_batch_for_the_same_event_issues_nothing(
    attended_event, certificate_template, staff
):
    template = certificate_template()
    first = participation_batch(attended_event, template, staff)
    run(first)
    second = participation_batch(attended_event, template, staff)
    run(second)
    second.refresh_from_db()
    assert (second.done, second.issued) == (6, 0)
    assert Certificate.objects.of_event(attended_event).count() == 6


def test_a_run_killed_after_k_completes_on_the_next_run_without_duplicates(
    attended_event, certificate_template, staff, monkeypatch
):
    monkeypatch.setattr(batches, "PROGRESS_EVERY_SECONDS", 0)
    batch = participation_batch(attended_event, certificate_template(), staff)
    real_make_pdf_file = services.make_pdf_file
    calls = {"count": 0}

    def dies_at_the_fourth(certificate):
        calls["count"] += 1
        if calls["count"] == 4:
            raise Killed
        return real_make_pdf_file(certificate)

    monkeypatch.setattr(services, "make_pdf_file", dies_at_the_fourth)
    result = run(batch)  # the task backend records the task as failed
    assert result.status == "FAILED"
    batch.refresh_from_db()
    assert batch.status == BatchStatus.INTERRUPTED
    assert batch.done == 3
    # The chunk was issued (committed) before its PDFs were made: three have one.
    assert Certificate.objects.filter(batch=batch).count() == 6
    assert Certificate.objects.filter(batch=batch).exclude(pdf="").count() == 3

    monkeypatch.setattr(services, "make_pdf_file", real_make_pdf_file)
    run(batch)
    batch.refresh_from_db()
    assert (batch.status, batch.done, batch.total, batch.issued) == (BatchStatus.DONE, 6, 6, 6)
    certificates = Certificate.objects.filter(batch=batch)
    assert certificates.count() == 6
    assert sorted(certificates.values_list("recipient_name", flat=True)) == sorted(NAMES)
    assert all(certificate.pdf for certificate in certificates)
    assert len(set(certificates.values_list("serial", flat=True))) == 6


def test_a_run_killed_inside_a_chunk_issues_the_rest_on_the_next_run(
    attended_event, certificate_template, staff, monkeypatch
):
    """Chunks of two: a worker killed while issuing the second chunk leaves
    the first chunk issued and nothing of the second (one transaction)."""
    monkeypatch.setattr(batches, "BATCH_CHUNK", 2)
    batch = participation_batch(attended_event, certificate_template(), staff)
    real_log_issued = services._log_issued
    calls = {"count": 0}

    def dies_in_the_second_chunk(certificates, by):
        calls["count"] += 1
        real_log_issued(certificates, by)
        if calls["count"] == 2:
            raise Killed

    monkeypatch.setattr(services, "_log_issued", dies_in_the_second_chunk)
    assert run(batch).status == "FAILED"
    assert Certificate.objects.filter(batch=batch).count() == 2
    assert issue_entries(batch) == 2

    monkeypatch.setattr(services, "_log_issued", real_log_issued)
    run(batch)
    batch.refresh_from_db()
    assert (batch.status, batch.done, batch.issued) == (BatchStatus.DONE, 6, 6)
    serials = sorted(Certificate.objects.filter(batch=batch).values_list("serial", flat=True))
    assert serials == list(range(serials[0], serials[0] + 6))  # no gap left by the rollback
    assert issue_entries(batch) == 6


def issue_entries(batch):
    """The audit entries of the batch's certificates being issued."""
    ids = [str(pk) for pk in Certificate.objects.filter(batch=batch).values_list("pk", flat=True)]
    return ModelLogEntry.objects.filter(
        action="certificates.certificate.issue", object_id__in=ids
    ).count()


def test_progress_is_reported_as_it_goes(attended_event, certificate_template, staff, monkeypatch):
    monkeypatch.setattr(batches, "PROGRESS_EVERY_SECONDS", 0)
    batch = participation_batch(attended_event, certificate_template(), staff)
    seen = []

    def progress(done, total):
        stored = CertificateBatch.objects.get(pk=batch.pk)
        seen.append((done, total, stored.done, stored.status))

    batches.batch_run(batch, progress=progress)
    assert seen == [(n, 6, n, BatchStatus.RUNNING) for n in range(1, 7)]


def test_diplomas_for_winners_and_errors_named(make_event, certificate_template, staff):
    with translation.override("en"):  # the problems are said in the staff member's language
        winners, problems = batches.parse_winners(
            "GP; Айгерім Сапарова; Әнші\n1; Бауыржан Өмірзақов; Әнші\nЖюри сыйлығы; Дәурен Ілиясов; Оқу\n"
            "2; " + "Ұ" * 81 + "; Әнші\nжарамсыз жол"
        )
    assert problems == [
        "Line 4: The name “"
        + "Ұ" * 81
        + "” is 81 characters long; at most 80 fit on the certificate.",
        "Line 5: write “place; name; nomination”.",
    ]
    assert [(w["place"], w["special_prize"]) for w in winners] == [
        (Place.GRAND_PRIX, ""),
        (Place.FIRST, ""),
        (Place.SPECIAL, "Жюри сыйлығы"),
    ]
    template = certificate_template(
        kind=CertificateKind.DIPLOMA, text_kk="{place}, «{nomination}» номинациясы. {event}"
    )
    event = make_event()
    batch = batches.batch_create(
        kind=BatchKind.DIPLOMAS,
        event=event,
        template=template,
        language="kk",
        by=staff,
        winners=winners,
    )
    run(batch)
    batch.refresh_from_db()
    assert (batch.done, batch.issued) == (3, 3)
    prize = Certificate.objects.get(batch=batch, place=Place.SPECIAL)
    # A Kazakh certificate: the place is said in Kazakh.
    assert prize.content["parts"][0]["paragraphs"][0].startswith("Арнайы жүлде: Жюри сыйлығы")

    again = batches.batch_create(
        kind=BatchKind.DIPLOMAS,
        event=event,
        template=template,
        language="kk",
        by=staff,
        winners=winners,
    )
    run(again)
    again.refresh_from_db()
    assert again.issued == 0


def test_a_failing_recipient_is_named_and_the_batch_goes_on(
    attended_event, certificate_template, staff, monkeypatch
):
    batch = participation_batch(attended_event, certificate_template(), staff)
    real_make_pdf_file = services.make_pdf_file

    def fails_for_one(certificate):
        if certificate.recipient_name == "Гүлнар Қасымова":
            raise services.CertificateError("The PDF cannot be made.")
        return real_make_pdf_file(certificate)

    monkeypatch.setattr(services, "make_pdf_file", fails_for_one)
    run(batch)
    batch.refresh_from_db()
    assert batch.status == BatchStatus.DONE
    assert batch.done == 6
    assert batch.errors == [{"name": "Гүлнар Қасымова", "error": "The PDF cannot be made."}]


def test_emails_go_once_with_the_pdf(
    attended_event, certificate_template, staff, mailoutbox, django_capture_on_commit_callbacks
):
    batch = participation_batch(attended_event, certificate_template(), staff, send_email=True)
    with django_capture_on_commit_callbacks(execute=True):
        run(batch)
    assert len(mailoutbox) == 6
    message = mailoutbox[0]
    assert message.attachments[0][2] == "application/pdf"
    assert message.attachments[0][0].endswith(".pdf")
    with django_capture_on_commit_callbacks(execute=True):
        run(batch)
    assert len(mailoutbox) == 6
    assert Certificate.objects.filter(batch=batch, emailed_at__isnull=True).count() == 0


def test_the_zip_holds_every_certificate_as_code_pdf(
    attended_event, certificate_template, admin_client
):
    batch = batches.batch_create(
        kind=BatchKind.PARTICIPATION,
        event=attended_event,
        template=certificate_template(),
        language="kk",
        by=None,
    )
    run(batch)
    response = admin_client.get(f"/admin/certificates/batches/{batch.pk}/certificates.zip")
    assert response.status_code == 200
    bundle = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    expected = {f"{c.display_code}.pdf" for c in Certificate.objects.filter(batch=batch)}
    assert set(bundle.namelist()) == expected
    assert all(bundle.read(name).startswith(b"%PDF") for name in expected)


def test_completion_certificates_carry_the_hours(attended_event, certificate_template, staff):
    template = certificate_template(
        kind=CertificateKind.COMPLETION, text_en="Completed {event}: {hours} hours."
    )
    batch = batches.batch_create(
        kind=BatchKind.COMPLETION,
        event=attended_event,
        template=template,
        language="en",
        by=staff,
        hours=24,
    )
    run(batch)
    certificates = Certificate.objects.filter(batch=batch)
    assert certificates.count() == 6
    assert {c.hours for c in certificates} == {24}
    paragraph = certificates.first().content["parts"][0]["paragraphs"][0]
    assert paragraph == f"Completed {attended_event.title}: 24 hours."
