"""The public directory of the library network: /<lang>/branches/ by district,
and each branch's page with how to get there, access, services and events."""

import pytest
from wagtail.models import Locale

from branches.models import Branch, BranchIndexPage, BranchKind
from home.models import HomePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def directory():
    def get(code="kk"):
        page = BranchIndexPage.objects.filter(locale__language_code=code).first()
        if page is None:
            home = HomePage.objects.get(locale__language_code=code)
            page = BranchIndexPage(title="Филиалдар", slug="branches")
            home.add_child(instance=page)
            page.save_revision().publish()
        return page

    return get


@pytest.fixture
def branch():
    def make(code="kk", **fields):
        defaults = {
            "name": "Қазығұрт филиалы",
            "kind": BranchKind.BRANCH,
            "district": "Қазығұрт ауданы",
            "address": "Қазығұрт а., Момышұлы көшесі, 7",
            "phone": "+7 72539 2 10 10",
            "opening_hours": "Дүйсенбі–жұма 9:00–18:00",
            "directions": "Автовокзалдан 200 метр.",
            "step_free": True,
            "braille_books": True,
            "talking_books": True,
        }
        defaults.update(fields)
        return Branch.objects.create(locale=Locale.objects.get(language_code=code), **defaults)

    return make


def test_the_directory_lists_the_network_by_district_without_the_department(
    client, soup, directory, branch
):
    kazygurt = branch()
    department = branch(name="Әдістемелік бөлім (тест)", kind=BranchKind.DEPARTMENT)
    russian = branch("ru", name="Казыгуртский филиал", district="Казыгуртский район")

    html = soup(client.get(directory("kk").url))

    links = {a.get_text(strip=True) for a in html.select("main .card__title a")}
    assert kazygurt.name in links
    assert department.name not in links
    assert russian.name not in links
    headings = [h2.get_text(strip=True) for h2 in html.select("main section > h2")]
    assert "Қазығұрт ауданы" in headings
    assert headings == sorted(headings)


def test_the_district_filter_and_a_bad_district(client, soup, directory, branch):
    kazygurt = branch()
    branch(name="Түркістан пункті", kind=BranchKind.SERVICE_POINT, district="Түркістан қ.")
    page = directory("kk")

    html = soup(client.get(page.url, {"district": "Түркістан қ."}))
    names = [a.get_text(strip=True) for a in html.select("main .card__title a")]
    assert "Түркістан пункті" in names
    assert kazygurt.name not in names
    assert html.select_one("h1").get_text(strip=True).endswith("Түркістан қ.")

    response = client.get(page.url, {"district": "Атлантида"})
    assert response.status_code == 400
    html = soup(response)
    assert html.select_one("#error-summary") is not None
    assert html.title.get_text().startswith("Қате") or "Error" in html.title.get_text()
    assert not html.select("main .card__title a")


def test_a_branch_page_says_where_how_and_what_in_words(client, soup, directory, branch):
    kazygurt = branch()
    page = directory("kk")

    html = soup(client.get(f"{page.url}{kazygurt.pk}/"))

    text = html.select_one("main").get_text(" ", strip=True)
    assert html.select_one("h1").get_text(strip=True) == kazygurt.name
    assert "Момышұлы көшесі, 7" in text
    assert "Автовокзалдан 200 метр." in text
    access = [li.get_text(strip=True) for li in html.select("#access-title ~ ul li")]
    assert access == [
        "Баспалдақсыз кіру.",
        "Тактильді жолдар жоқ.",
        "Брайль жазуымен белгілер жоқ.",
    ]
    services = [li.get_text(strip=True) for li in html.select("#services-title ~ ul li")]
    assert len(services) == 2
    assert html.select_one('a[href="tel:+77253921010"]') is not None


def test_a_branch_page_lists_the_events_it_organises(client, soup, directory, branch, make_event):
    kazygurt = branch()
    ours = make_event(title="Қазығұрттағы оқу кеші", organiser=kazygurt)
    make_event(title="Басқа іс-шара")

    html = soup(client.get(f"{directory('kk').url}{kazygurt.pk}/"))

    titles = [a.get_text(strip=True) for a in html.select("#branch-events-title ~ ul a")]
    assert titles == [ours.title]


def test_the_department_and_other_languages_branches_have_no_page_here(client, directory, branch):
    department = branch(name="Бөлім", kind=BranchKind.DEPARTMENT)
    russian = branch("ru", name="Казыгуртский филиал")
    page = directory("kk")

    assert client.get(f"{page.url}{department.pk}/").status_code == 404
    assert client.get(f"{page.url}{russian.pk}/").status_code == 404
