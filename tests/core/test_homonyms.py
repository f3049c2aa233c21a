"""Words with two senses are translated in the sense they are used in: a
person's name is not a thing's title ("Название", "Атауы"), a certificate's
serial number is not a numeric answer ("Число", "Сан")."""

import pytest
from django.contrib.auth import get_user_model

from certificates.models import Certificate

pytestmark = pytest.mark.django_db

PERSON_NAME = {"ru": "Имя и фамилия", "kk": "Аты-жөні"}
THING_NAME = {"ru": "Название", "kk": "Атауы"}
SERIAL_NUMBER = {"ru": "Номер", "kk": "Нөмірі"}


def words(element) -> str:
    return " ".join(element.get_text(" ").split())


@pytest.mark.parametrize("code", ["ru", "kk"])
def test_the_results_person_column_is_headed_as_a_name_of_a_person(client, soup, code):
    html = soup(client.get(f"/{code}/events/chess-tournament/results/"))
    tables = html.select("table.results-table")
    assert tables
    for table in tables:
        headers = [words(th) for th in table.thead.find_all("th")]
        assert headers[1] == PERSON_NAME[code]
        assert THING_NAME[code] not in headers


@pytest.mark.parametrize("code", ["ru", "kk"])
def test_the_certificate_page_says_number_as_a_serial_number(client, soup, code):
    certificate = Certificate.objects.filter(revoked_at__isnull=True).first()
    html = soup(client.get(f"/{code}/certificate/{certificate.access_token}/"))
    terms = [words(dt) for dt in html.find_all("dt")]
    assert SERIAL_NUMBER[code] in terms
    assert {"Число", "Сан"}.isdisjoint(terms)


def test_the_person_search_in_the_russian_admin_heads_names_as_a_person(client, soup):
    client.force_login(get_user_model().objects.get(username="admin"))
    html = soup(client.get("/admin/personal-data/", {"q": "а"}))
    assert html.html["lang"] == "ru"
    headers = [words(th) for th in html.select("table thead th")]
    assert PERSON_NAME["ru"] in headers
    assert THING_NAME["ru"] not in headers
