"""A person erased on request (people.privacy.person_erase): their
certificates are withdrawn: revoked without a public reason, the name
replaced by the pseudonym, the PDF and the private link gone, the name out of
batches and audit entries; the verification page says "revoked" without a
name. A namesake's certificate for another event is not touched."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.files.storage import default_storage
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import ngettext
from wagtail.models import ModelLogEntry

from certificates import batches, services
from certificates.enums import BatchKind, CertificateKind, Place
from certificates.models import Certificate, CertificateBatch
from people.models import Person
from people.privacy import person_erase
from registrations.enums import RegistrationStatus
from registrations.models import Registration

pytestmark = pytest.mark.django_db

NAME = "Айнұр Сейітова"
EMAIL = "ainur@example.org"
REASON = "Withdrawn at the holder's request"


def attended(event, name, email=""):
    person = Person.objects.create(full_name=name, email=email)
    Registration.objects.create(
        event=event,
        person=person,
        status=RegistrationStatus.ATTENDED,
        consent_version="test",
        consented_at=timezone.now(),
    )
    return person


@pytest.fixture
def staff():
    return get_user_model().objects.create_user("privacy-officer", password="x")


@pytest.fixture
def ainur(make_event, certificate_template, issue):
    """Ainur and Bolat at a festival: participation certificates for both,
    a diploma from a winners' list for Ainur (a name only), a letter of
    thanks sent to her e-mail, her participation certificate reissued once;
    and a namesake's certificate for another event."""
    festival = make_event(title="Жанарым", start=timezone.now() - timezone.timedelta(days=9))
    person = attended(festival, NAME, EMAIL)
    attended(festival, "Болат Нұрланов", "bolat@example.org")
    participation = batches.batch_create(
        kind=BatchKind.PARTICIPATION,
        event=festival,
        template=certificate_template(),
        language="kk+ru",
        by=None,
    )
    batches.batch_run(participation)
    first = Certificate.objects.get(registration__person=person)
    reissued = services.certificate_reissue(certificate=first, by=None, reason="Шрифт")
    diplomas = batches.batch_create(
        kind=BatchKind.DIPLOMAS,
        event=festival,
        template=certificate_template(kind=CertificateKind.DIPLOMA),
        language="kk",
        by=None,
        winners=[
            {"name": NAME, "place": Place.FIRST, "nomination": "Вокал", "special_prize": ""},
            {"name": "Болат Нұрланов", "place": Place.SECOND, "nomination": "Вокал"},
        ],
    )
    batches.batch_run(diplomas)
    CertificateBatch.objects.filter(pk=diplomas.pk).update(
        errors=[{"name": NAME, "error": "The PDF cannot be made."}]
    )
    thanks = issue(name=NAME, email=EMAIL, template=certificate_template(kind="thanks"))
    namesake = issue(name=NAME, event=make_event(title="Басқа кеш"))
    return {
        "person": person,
        "theirs": [
            first,
            reissued,
            Certificate.objects.get(batch=diplomas, recipient_name=NAME),
            thanks,
        ],
        "others": [
            namesake,
            *Certificate.objects.filter(recipient_name="Болат Нұрланов"),
        ],
        "batches": [participation, diplomas],
    }


def test_the_persons_certificates_are_withdrawn_and_say_revoked_without_a_name(
    ainur, staff, client, soup, django_capture_on_commit_callbacks
):
    theirs = ainur["theirs"]
    for certificate in theirs:
        services.ensure_pdf(certificate)
    files = [Certificate.objects.get(pk=c.pk).pdf.name for c in theirs]
    assert all(default_storage.exists(name) for name in files)
    tokens = [Certificate.objects.get(pk=c.pk).access_token for c in theirs]

    with django_capture_on_commit_callbacks(execute=True):
        report = person_erase(person=ainur["person"], by=staff)

    pseudonym = f"— №{ainur['person'].pk}"
    assert report.notes == [
        "The person's data was erased: 1 registration deleted (0 of them cancelled first).",
        "4 certificates were withdrawn: whoever checks their codes is told they are "
        "revoked, without the name.",
    ]
    for certificate, file, token in zip(theirs, files, tokens, strict=True):
        certificate.refresh_from_db()
        assert certificate.is_revoked
        assert certificate.recipient_name == pseudonym
        assert certificate.recipient_email == ""
        assert certificate.source_key == ""
        assert not certificate.pdf
        assert not default_storage.exists(file)
        assert certificate.access_token != token
        assert client.get(f"/en/certificate/{token}/").status_code == 404

        response = client.get(f"/en/verify/{certificate.display_code}/")
        page = soup(response)
        assert response.status_code == 200
        assert page.h1.get_text().startswith("This certificate was revoked on ")
        assert NAME not in page.get_text()
        assert pseudonym not in page.get_text()
        assert "request" not in page.get_text()  # the reason is not shown
    # Those still valid were revoked now, for this reason, by the officer.
    revoked_now = Certificate.objects.filter(pk__in=[c.pk for c in theirs[1:]])
    assert {(c.revocation_reason, c.revoked_by, c.show_reason) for c in revoked_now} == {
        (REASON, staff, False)
    }
    assert Certificate.objects.get(pk=theirs[0].pk).revocation_reason == "Шрифт"

    for certificate in ainur["others"]:
        certificate.refresh_from_db()
        assert not certificate.is_revoked
        assert certificate.recipient_name in {NAME, "Болат Нұрланов"}


def test_the_name_leaves_batches_and_audit_entries_and_each_withdrawal_is_logged(ainur, staff):
    person_erase(person=ainur["person"], by=staff)

    for batch in ainur["batches"]:
        batch.refresh_from_db()
        listed = json.dumps([batch.recipients, batch.errors], ensure_ascii=False)
        assert NAME not in listed
        assert EMAIL not in listed
        assert "Болат Нұрланов" in listed
        assert batch.total == len(batch.recipients) == 1
        assert batch.done == 1
        assert batch.errors == []

    theirs = [str(certificate.pk) for certificate in ainur["theirs"]]
    entries = ModelLogEntry.objects.filter(content_type__model="certificate", object_id__in=theirs)
    assert entries.filter(action="certificates.certificate.issue").count() == 4
    mentions = entries.filter(
        Q(label__contains="Айнұр") | Q(data__icontains="Айнұр") | Q(data__icontains=EMAIL)
    )
    assert list(mentions) == []
    # The namesake's history keeps her own name.
    assert ModelLogEntry.objects.filter(
        object_id=str(ainur["others"][0].pk), label__contains=NAME
    ).exists()
    withdrawals = ModelLogEntry.objects.filter(action="certificates.certificate.withdraw")
    assert sorted(int(entry.object_id) for entry in withdrawals) == sorted(
        c.pk for c in ainur["theirs"]
    )
    assert {entry.user for entry in withdrawals} == {staff}
    assert {entry.data["reason"] for entry in withdrawals} == {REASON}


def test_a_batch_run_again_does_not_give_the_erased_person_a_certificate(ainur, staff):
    person_erase(person=ainur["person"], by=staff)
    before = Certificate.objects.count()
    for batch in ainur["batches"]:
        batch = batches.batch_run(CertificateBatch.objects.get(pk=batch.pk))
        assert (batch.done, batch.total, batch.errors) == (1, 1, [])
    assert Certificate.objects.count() == before
    assert list(Certificate.objects.valid().filter(recipient_name=NAME)) == [ainur["others"][0]]


def test_the_erasure_screens_say_what_happens_to_the_certificates(ainur, client, soup):
    officer = get_user_model().objects.create_user("officer", password="x")
    officer.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        *Permission.objects.filter(
            content_type__app_label="registrations",
            codename__in=["view_all_branches", "view_disability_group"],
        ),
    )
    client.force_login(officer)
    address = f"/admin/personal-data/{ainur['person'].pk}/erase/"
    page = soup(client.get(address))
    with translation.override("ru"):  # the admin answers in Russian
        preview = ngettext(
            "Their %(count)d certificate is withdrawn: it stays revoked, without the name, for "
            "whoever checks its code.",
            "Their %(count)d certificates are withdrawn: they stay revoked, without the name, for "
            "whoever checks their codes.",
            4,
        ) % {"count": 4}
        done = ngettext(
            "%(count)d certificate was withdrawn: whoever checks its code is told it is revoked, "
            "without the name.",
            "%(count)d certificates were withdrawn: whoever checks their codes is told they are "
            "revoked, without the name.",
            4,
        ) % {"count": 4}
    assert "4 сертификат" in preview  # read in Russian, not the English fallback
    assert preview in page.main.get_text()
    response = client.post(address, {"confirm_name": NAME}, follow=True)
    assert done in soup(response).get_text()


def test_a_withdrawn_certificate_cannot_be_reissued(ainur, staff):
    person_erase(person=ainur["person"], by=staff)
    withdrawn = Certificate.objects.get(pk=ainur["theirs"][2].pk)
    with pytest.raises(services.CertificateError) as refused:
        services.certificate_reissue(
            certificate=withdrawn, by=staff, reason="Қате", recipient_name=NAME
        )
    assert "withdrawn when its holder's personal data was erased" in str(refused.value.message)
    assert (
        not Certificate.objects.filter(recipient_name=NAME)
        .exclude(pk=ainur["others"][0].pk)
        .exists()
    )


def test_the_export_of_a_person_lists_their_certificates(ainur):
    from people.privacy import person_export

    data = person_export(ainur["person"])
    assert json.loads(json.dumps(data)) == data  # plain JSON still
    exported = {item["code"]: item for item in data["certificates"]}
    assert set(exported) == {certificate.display_code for certificate in ainur["theirs"]}
    first = exported[ainur["theirs"][0].display_code]
    assert first["recipient_name"] == NAME
    assert first["revoked_at"] is not None  # replaced by the reissue
    assert first["registration_code"] == ainur["theirs"][0].registration.display_code
    assert ainur["others"][0].display_code not in exported  # a namesake's, another event
