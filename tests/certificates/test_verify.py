"""The public verification page: the answer in words in the heading, the
minimum about the person, sloppy input forgiven, hostile input not found."""

import pytest
from django.contrib.auth import get_user_model

from certificates import codes
from certificates.services import certificate_revoke
from tests.certificates.conftest import KAZAKH_NAME

pytestmark = pytest.mark.django_db


@pytest.fixture
def certificate(issue, make_event):
    return issue(event=make_event(title="Мақатаев оқулары"), email="aigerim@example.org")


def heading(soup, response) -> str:
    return " ".join(soup(response).h1.get_text().split())


def test_the_form_asks_for_the_code(client, soup):
    response = client.get("/en/verify/")
    assert response.status_code == 200
    page = soup(response)
    assert heading(soup, response) == "Check a certificate"
    field = page.find("input", {"name": "code"})
    assert page.find("label", {"for": field["id"]}).get_text(strip=True) == "Verification code"
    assert (
        response["Cache-Control"].startswith("max-age=0") or "no-cache" in response["Cache-Control"]
    )
    assert page.find("script", src=False) is None


def test_a_valid_certificate_is_said_in_the_heading_with_the_minimum(client, soup, certificate):
    response = client.get(f"/en/verify/{certificate.display_code}/")
    assert response.status_code == 200
    assert heading(soup, response) == f"Valid certificate: {KAZAKH_NAME}"
    facts = soup(response).find("dl", class_="facts")
    terms = [dt.get_text(strip=True) for dt in facts.find_all("dt")]
    assert terms == [
        "Awarded to",
        "Certificate",
        "What for",
        "Date of issue",
        "Issued by",
        "Number",
        "Verification code",
    ]
    text = response.content.decode()
    assert "Мақатаев оқулары" in text
    assert "aigerim@example.org" not in text
    assert certificate.access_token not in text


def test_sloppy_typing_finds_the_certificate(client, certificate):
    sloppy = certificate.display_code.lower().replace("-", " ").replace("0", "o").replace("1", "l")
    response = client.get("/en/verify/", {"code": f"  {sloppy} "})
    assert response.status_code == 302
    assert response["Location"] == f"/en/verify/{certificate.display_code}/"
    response = client.get(f"/en/verify/{certificate.code.lower()}/")
    assert response["Location"] == f"/en/verify/{certificate.display_code}/"


def test_the_printed_address_answers_in_the_readers_language(client, certificate):
    response = client.get(f"/verify/{certificate.display_code}/", headers={"accept-language": "ru"})
    assert response.status_code == 302
    assert response["Location"] == f"/ru/verify/{certificate.display_code}/"


def test_a_revoked_certificate_says_so_and_shows_the_reason_only_if_chosen(
    client, soup, certificate
):
    staff = get_user_model().objects.get(username="admin")
    certificate_revoke(certificate=certificate, by=staff, reason="Issued in error")
    response = client.get(f"/en/verify/{certificate.display_code}/")
    assert response.status_code == 200
    assert heading(soup, response).startswith("This certificate was revoked on ")
    text = response.content.decode()
    assert "Issued in error" not in text
    assert KAZAKH_NAME not in text

    certificate.refresh_from_db()
    certificate.show_reason = True
    certificate.save(update_fields=["show_reason"])
    response = client.get(f"/en/verify/{certificate.display_code}/")
    assert "Reason: Issued in error" in " ".join(soup(response).get_text().split())


def test_one_mistyped_character_is_not_found_never_someone_else(client, soup, certificate):
    code = certificate.code
    wrong = code[:3] + ("X" if code[3] != "X" else "Y") + code[4:]
    response = client.get(f"/en/verify/{codes.display(wrong)}/")
    assert response.status_code == 404
    # The code is repeated as typed, so the visitor hears what they sent.
    assert heading(soup, response) == f"No certificate has the code {codes.display(wrong)}"
    assert KAZAKH_NAME not in response.content.decode()


def test_a_well_formed_unknown_code_is_not_found(client, soup, certificate):
    data = "ZZZZZZZZ"
    unknown = data + codes.check_character(data)
    response = client.get(f"/en/verify/{codes.display(unknown)}/")
    assert response.status_code == 404
    assert heading(soup, response) == f"No certificate has the code {codes.display(unknown)}"


@pytest.mark.parametrize(
    "hostile",
    [
        "<script>alert(1)</script>",
        "' OR '1'='1",
        "%00",
        "A" * 5000,
        "..%2F..%2Fetc%2Fpasswd",
        "Әйгерім",
        "7KQ2-M9XD-4-7KQ2-M9XD-4",
    ],
)
def test_hostile_codes_get_the_not_found_answer(client, soup, certificate, hostile):
    for response in (
        client.get(f"/en/verify/{hostile}/"),
        client.get("/en/verify/", {"code": hostile}),
    ):
        assert response.status_code == 404, hostile
        # Repeated as typed (the address decodes %2F, %00 first), never run.
        assert heading(soup, response).startswith("No certificate has the code ")
        assert len(heading(soup, response)) <= len("No certificate has the code ") + 64
        assert "<script>alert" not in response.content.decode()


def test_a_code_typed_wrong_is_repeated_in_the_answer(client, soup, certificate):
    response = client.get("/ru/verify/", {"code": "7kq2 m9xd"})
    assert response.status_code == 404
    assert heading(soup, response) == "Сертификат с кодом 7kq2 m9xd не найден"


def test_an_empty_code_is_a_clear_error(client, soup):
    response = client.get("/en/verify/", {"code": "  "})
    assert response.status_code == 400
    summary = soup(response).find(id="error-summary")
    assert "Fill in “Verification code”." in summary.get_text()


def test_guessing_is_rate_limited(client, soup, settings, certificate):
    settings.VERIFY_RATE_LIMIT = "3/60"
    for _ in range(3):
        assert client.get(f"/en/verify/{certificate.display_code}/").status_code == 200
    response = client.get(f"/en/verify/{certificate.display_code}/")
    assert response.status_code == 429
    assert heading(soup, response) == "Too many checks from your connection"
    assert KAZAKH_NAME not in response.content.decode()


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_the_page_exists_in_each_language(client, soup, certificate, language):
    response = client.get(f"/{language}/verify/{certificate.display_code}/")
    assert response.status_code == 200
    assert soup(response).html["lang"] == language
    assert KAZAKH_NAME in heading(soup, response)
