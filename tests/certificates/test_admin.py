"""Staff screens: issuing one certificate, revoking and reissuing with the
audit log, template preview with clear errors, and who may do what."""

import io

import pypdf
import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.images.models import Image
from wagtail.models import ModelLogEntry
from wagtail.users.models import UserProfile

from certificates.models import Certificate
from tests.certificates.conftest import KAZAKH_NAME

pytestmark = pytest.mark.django_db

ADMIN = "/admin/certificates/"


def make_staff(username, *codenames):
    user = get_user_model().objects.create_user(username=username, password="staff-password-1")
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        *Permission.objects.filter(content_type__app_label="certificates", codename__in=codenames),
    )
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return get_user_model().objects.get(pk=user.pk)


@pytest.fixture
def as_staff(client):
    def login(*codenames):
        client.force_login(make_staff(f"staff-{'-'.join(codenames) or 'none'}", *codenames))
        return client

    return login


@pytest.fixture
def admin_client(client):
    """A superuser whose admin is in English."""
    user = get_user_model().objects.create_superuser(username="chief", password="chief-password-1")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(user)
    return client


def outcome(response) -> int:
    """The status; the response is closed (a file it streams, too)."""
    if response.streaming:
        b"".join(response.streaming_content)  # the test client closes the file at the end
    return response.status_code


def actions(certificate):
    return list(
        ModelLogEntry.objects.filter(
            content_type__model="certificate", object_id=str(certificate.pk)
        )
        .order_by("timestamp", "pk")
        .values_list("action", flat=True)
    )


def test_staff_issue_one_certificate(as_staff, certificate_template, make_event):
    template = certificate_template()
    event = make_event(title="Брайль күні")
    client = as_staff("view_certificate", "add_certificate")
    response = client.post(
        f"{ADMIN}issue/",
        {
            "recipient_name": f"  {KAZAKH_NAME} ",
            "template": template.pk,
            "language": "kk",
            "event": event.pk,
        },
    )
    certificate = Certificate.objects.get(recipient_name=KAZAKH_NAME)
    assert response.status_code == 302
    assert response["Location"] == f"{ADMIN}{certificate.pk}/"
    assert certificate.event_title == "Брайль күні"
    assert actions(certificate) == ["certificates.certificate.issue"]
    page = client.get(f"{ADMIN}{certificate.pk}/").content.decode()
    assert certificate.display_code in page
    assert "Certificate: issued" in page


def test_a_name_too_long_is_a_clear_error(as_staff, certificate_template):
    client = as_staff("view_certificate", "add_certificate")
    response = client.post(
        f"{ADMIN}issue/",
        {"recipient_name": "Ә" * 81, "template": certificate_template().pk, "language": "kk"},
    )
    assert response.status_code == 200
    assert "at most 80 fit on the certificate" in response.content.decode()
    assert not Certificate.objects.filter(recipient_name="Ә" * 81).exists()


def test_revoke_and_reissue_are_in_the_audit_log(as_staff, issue):
    certificate = issue()
    client = as_staff("view_certificate", "change_certificate")
    response = client.post(
        f"{ADMIN}{certificate.pk}/revoke/", {"reason": "Name misspelt", "show_reason": ""}
    )
    assert response.status_code == 302
    certificate.refresh_from_db()
    assert certificate.is_revoked
    assert certificate.revocation_reason == "Name misspelt"

    response = client.post(
        f"{ADMIN}{certificate.pk}/reissue/",
        {"recipient_name": "Әйгерім Сәрсенбаева", "reason": "Name corrected"},
    )
    new = Certificate.objects.get(replaces=certificate)
    assert response["Location"] == f"{ADMIN}{new.pk}/"
    assert new.recipient_name == "Әйгерім Сәрсенбаева"
    assert new.code != certificate.code
    assert not new.is_revoked
    assert actions(certificate) == [
        "certificates.certificate.issue",
        "certificates.certificate.revoke",
    ]
    assert actions(new) == ["certificates.certificate.issue", "certificates.certificate.reissue"]


@pytest.mark.parametrize(
    ("codenames", "issue_status", "revoke_status", "pdf_status"),
    [
        ((), 403, 403, 403),
        (("view_certificate",), 403, 403, 200),
        (("view_certificate", "add_certificate"), 200, 403, 200),
        (("view_certificate", "change_certificate"), 403, 200, 200),
    ],
)
def test_permissions_on_issue_revoke_and_download(
    as_staff, issue, codenames, issue_status, revoke_status, pdf_status
):
    certificate = issue()
    client = as_staff(*codenames)
    assert outcome(client.get(f"{ADMIN}issue/")) == issue_status
    assert outcome(client.get(f"{ADMIN}{certificate.pk}/revoke/")) == revoke_status
    client.post(f"{ADMIN}{certificate.pk}/revoke/", {"reason": "x"})
    certificate.refresh_from_db()
    assert certificate.is_revoked == (revoke_status == 200)
    assert outcome(client.get(f"{ADMIN}{certificate.pk}/pdf/")) == pdf_status
    assert outcome(client.get(f"{ADMIN}batches/new/")) == issue_status


def test_a_refusal_is_a_403_page_that_names_the_missing_permission(as_staff, issue, soup):
    certificate = issue()
    client = as_staff("view_certificate")
    for address, words in (
        (f"{ADMIN}issue/", "Issuing certificates needs the permission “Can add certificate”."),
        (
            f"{ADMIN}{certificate.pk}/revoke/",
            "Revoking and reissuing certificates needs the permission “Can change certificate”.",
        ),
        (
            f"{ADMIN}{certificate.pk}/reissue/",
            "Revoking and reissuing certificates needs the permission “Can change certificate”.",
        ),
    ):
        response = client.get(address)
        assert response.status_code == 403, address
        page = soup(response)
        assert page.find("h1").get_text(strip=True) == "You do not have the permission for this"
        assert words in page.get_text(), address
    # Nothing was done on the way.
    assert client.post(f"{ADMIN}{certificate.pk}/revoke/", {"reason": "x"}).status_code == 403
    certificate.refresh_from_db()
    assert not certificate.is_revoked
    response = as_staff().get(f"{ADMIN}{certificate.pk}/pdf/")  # no permission at all
    assert response.status_code == 403
    assert "“Can view certificate”" in soup(response).get_text()


def test_the_public_cannot_reach_the_admin_screens(client, issue):
    certificate = issue()
    response = client.get(f"{ADMIN}{certificate.pk}/pdf/")
    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_preview_gives_a_pdf_with_sample_data(admin_client, certificate_template):
    template = certificate_template()
    response = admin_client.get(f"{ADMIN}templates/{template.pk}/preview/", {"language": "kk+ru"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = pypdf.PdfReader(io.BytesIO(response.content))
    assert "Әйгерім Сапарова" in reader.pages[0].extract_text()
    assert len(reader.pages) == 2


def test_preview_names_a_missing_translation_and_an_unknown_placeholder(
    admin_client, certificate_template
):
    template = certificate_template(title_ru="", text_en="For {evnt}.")
    response = admin_client.get(f"{ADMIN}templates/{template.pk}/preview/", {"language": "kk+ru"})
    assert response.status_code == 400
    text = response.content.decode()
    assert "The title in Russian is missing." in text
    response = admin_client.get(f"{ADMIN}templates/{template.pk}/preview/", {"language": "en"})
    assert (
        "The text in English has a placeholder we do not know: {evnt}." in response.content.decode()
    )


def test_preview_names_an_image_that_cannot_be_read(admin_client, certificate_template):
    from PIL import Image as PILImage

    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 20), (0, 0, 0)).save(buffer, format="PNG")
    image = Image.objects.create(
        title="logo", file=SimpleUploadedFile("logo.png", buffer.getvalue()), width=40, height=20
    )
    template = certificate_template(
        image=image, image_alt_kk="Кітапхана логотипі", image_alt_ru="Логотип", image_alt_en="Logo"
    )
    response = admin_client.get(f"{ADMIN}templates/{template.pk}/preview/", {"language": "kk"})
    assert response["Content-Type"] == "application/pdf"

    with image.file.storage.open(image.file.name, "wb") as handle:
        handle.write(b"not an image at all")
    response = admin_client.get(f"{ADMIN}templates/{template.pk}/preview/", {"language": "kk"})
    assert response.status_code == 400
    assert "The image cannot be read" in response.content.decode()


def test_the_batch_screen_shows_progress_and_errors_with_names(
    admin_client, make_event, certificate_template
):
    from certificates.enums import BatchStatus
    from certificates.models import CertificateBatch

    batch = CertificateBatch.objects.create(
        kind="participation",
        event=make_event(),
        template=certificate_template(),
        language="kk",
        total=200,
        done=57,
        issued=56,
        status=BatchStatus.RUNNING,
        errors=[{"name": "Дәурен Ілиясов", "error": "The PDF cannot be made."}],
    )
    page = admin_client.get(f"{ADMIN}batches/{batch.pk}/").content.decode()
    assert "57 of 200 recipients done" in " ".join(page.split())
    assert '<progress max="200" value="57"' in page
    assert "Дәурен Ілиясов</strong>: The PDF cannot be made." in page


def test_the_list_costs_the_same_queries_for_one_or_many(admin_client, issue, certificate_template):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    template = certificate_template()
    Certificate.objects.all().delete()
    issue(template=template)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert admin_client.get(ADMIN).status_code == 200
        return len(queries)

    count()  # the first request of a process fills caches (content types, site)
    one = count()
    for number in range(15):
        issue(name=f"Оқырман {number}", template=template)
    assert count() == one


def test_the_batch_status_endpoint_says_what_the_page_says(
    as_staff, admin_client, make_event, certificate_template, soup
):
    from certificates.enums import BatchStatus
    from certificates.models import CertificateBatch

    batch = CertificateBatch.objects.create(
        kind="participation",
        event=make_event(),
        template=certificate_template(),
        language="kk",
        total=200,
        done=57,
        issued=56,
        status=BatchStatus.RUNNING,
        errors=[{"name": "Дәурен Ілиясов", "error": "The PDF cannot be made."}],
    )
    page = soup(admin_client.get(f"{ADMIN}batches/{batch.pk}/"))
    progress = page.select_one("[data-batch-progress]")
    assert progress["data-status-url"] == f"{ADMIN}batches/{batch.pk}/status/"
    assert progress["data-running"] == "true"
    live_region = page.select_one("[data-batch-announcement]")  # empty until JS speaks
    assert (live_region["role"], live_region.get_text()) == ("status", "")
    assert [script["src"] for script in page.select("script[src*=batch]")] == [
        "/static/certificates/batch-progress.js"
    ]

    response = as_staff("view_certificate").get(f"{ADMIN}batches/{batch.pk}/status/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert "no-store" in response["Cache-Control"]  # Wagtail's admin: never cached
    assert response.json() == {
        "status": "running",
        "status_label": "Issuing",
        "running": True,
        "done": 57,
        "total": 200,
        "issued": 56,
        "percent": 28,
        "summary": "57 of 200 recipients done (56 newly issued, 1 error).",
        "text": "Issuing. 57 of 200 recipients done (56 newly issued, 1 error).",
        "errors": [{"name": "Дәурен Ілиясов", "error": "The PDF cannot be made."}],
    }
    assert (
        " ".join(page.select_one("#batch-progress-text").get_text().split())
        == (response.json()["text"])
    )

    CertificateBatch.objects.filter(pk=batch.pk).update(
        status=BatchStatus.DONE, done=200, issued=199
    )
    data = admin_client.get(f"{ADMIN}batches/{batch.pk}/status/").json()
    assert (data["running"], data["status_label"], data["percent"]) == (False, "Finished", 100)
    page = soup(admin_client.get(f"{ADMIN}batches/{batch.pk}/"))
    assert page.select_one("[data-batch-progress]")["data-running"] == "false"


def test_the_batch_status_endpoint_is_checked_like_the_page(
    client, as_staff, make_event, certificate_template
):
    from certificates.models import CertificateBatch

    batch = CertificateBatch.objects.create(
        kind="participation",
        event=make_event(),
        template=certificate_template(),
        language="kk",
        total=3,
        recipients=[{"name": "Дәурен Ілиясов"}],
    )
    address = f"{ADMIN}batches/{batch.pk}/status/"
    response = client.get(address)
    assert response.status_code == 302
    assert "/login/" in response["Location"]

    staff = as_staff()
    response = staff.get(address)
    assert response.status_code == 403
    assert response.json() == {
        "error": "Seeing certificates and their PDFs needs the permission “Can view certificate”."
    }
    assert outcome(staff.get(f"{ADMIN}batches/{batch.pk}/")) == 403

    viewer = as_staff("view_certificate")
    assert viewer.get(address).status_code == 200
    response = viewer.get(f"{ADMIN}batches/{batch.pk + 1000}/status/")
    assert response.status_code == 404
    assert response.json() == {"error": "There is no such batch."}
