"""Applying for a nomination of the current festival edition: the kernel's
registration form with a required nomination; the entry lands in the
nomination's competition. Bad choices are refused with a message, nothing
saved, never a 500."""

import pytest
from django.utils import timezone
from wagtail.models import PageLogEntry

from competitions.models import CompetitionPage, Entry
from festivals.models import FestivalEditionPage
from registrations.models import Registration

YEAR = timezone.localdate().year


def current(code="en") -> FestivalEditionPage:
    return FestivalEditionPage.objects.get(slug=str(YEAR), locale__language_code=code)


def nomination(slug, code="en", year=YEAR) -> CompetitionPage:
    return CompetitionPage.objects.get(
        slug=slug, locale__language_code=code, path__startswith=edition_path(code, year)
    )


def edition_path(code, year):
    return FestivalEditionPage.objects.get(slug=str(year), locale__language_code=code).path


def apply_url(code="en"):
    return current(code).url + "register/"


def valid(**overrides):
    data = {
        "nomination": "",
        "work_title": "Сен менің",
        "work_author": "Мұқағали Мақатаев",
        "full_name": "Әсел Жолдасбекова",
        "date_of_birth_day": "",
        "date_of_birth_month": "",
        "date_of_birth_year": "",
        "district": "Кентау",
        "preferred_language": "kk",
        "email": "asel@example.kz",
        "phone": "",
        "escort_name": "",
        "material_format": "braille",
        "seating_needs": "",
        "other_needs": "",
        "disability_group": "",
        "consent": "on",
        "guardian_name": "",
        "website_url": "",
    }
    data.update(overrides)
    return data


def summary(html):
    return [li.get_text(" ", strip=True) for li in html.select("#error-summary li")]


def field_error(html, name):
    element = html.find(id=f"id_{name}-error")
    return element.get_text(" ", strip=True) if element else ""


@pytest.mark.django_db
@pytest.mark.parametrize("code", ("kk", "ru", "en"))
def test_the_form_offers_the_open_nominations_in_a_fieldset(client, soup, code):
    response = client.get(apply_url(code))
    assert response.status_code == 200
    html = soup(response)
    assert html.html["lang"] == code
    group = html.find("input", attrs={"name": "nomination"}).find_parent("fieldset")
    assert group.legend.get_text(strip=True)
    offered = [
        html.find("label", attrs={"for": radio["id"]}).get_text(strip=True)
        for radio in html.select("input[name=nomination]")
    ]
    assert offered == [nomination("reading", code).title, nomination("song", code).title]


@pytest.mark.django_db
def test_applying_registers_for_the_nomination_and_enters_it(client):
    reading = nomination("reading")
    response = client.post(apply_url(), valid(nomination=str(reading.pk)))
    assert response.status_code == 303
    registration = Registration.objects.get(person__full_name="Әсел Жолдасбекова")
    assert registration.event_id == reading.pk
    assert response["Location"].startswith(reading.url + "registration/")
    entry = Entry.objects.get(registration=registration)
    # The entry is on the judged (Kazakh) competition, in its category.
    assert entry.competition_id == reading.judged.pk
    assert entry.competition.locale.language_code == "kk"
    assert entry.category == reading.judged.categories.first()
    assert (entry.work_title, entry.work_author) == ("Сен менің", "Мұқағали Мақатаев")
    actions = set(PageLogEntry.objects.filter(page=reading.judged).values_list("action", flat=True))
    assert "competitions.entry.add" in actions
    # The private page of the registration opens.
    assert client.get(response["Location"]).status_code == 200


@pytest.mark.django_db
def test_the_same_person_applying_twice_gets_one_entry(client):
    song = nomination("song")
    client.post(apply_url(), valid(nomination=str(song.pk)))
    client.post(apply_url(), valid(nomination=str(song.pk)))
    assert Entry.objects.filter(registration__person__full_name="Әсел Жолдасбекова").count() == 1


def assert_nothing_saved():
    assert not Registration.objects.filter(person__full_name="Әсел Жолдасбекова").exists()
    assert not Entry.objects.filter(registration__person__full_name="Әсел Жолдасбекова").exists()


@pytest.mark.django_db
def test_no_nomination_is_an_error_that_names_it(client, soup):
    response = client.post(apply_url(), valid())
    assert response.status_code == 200
    html = soup(response)
    assert field_error(html, "nomination") == "Error: Choose the nomination you apply for."
    assert summary(html) == ["Choose the nomination you apply for."]
    assert html.select_one("#error-summary a")["href"] == "#id_nomination_0"
    # What was typed is kept.
    assert html.find("input", attrs={"name": "full_name"})["value"] == "Әсел Жолдасбекова"
    assert_nothing_saved()


CHOICE_ERROR = "Choose one of the nominations listed: only they take applications now."


@pytest.mark.django_db
@pytest.mark.parametrize(
    "other",
    [
        pytest.param(lambda: nomination("makatayev-poems", year=2011), id="another-edition"),
        pytest.param(lambda: nomination("tactile-art"), id="closed"),
        pytest.param(lambda: nomination("reading", code="kk"), id="another-language"),
    ],
)
def test_a_nomination_not_offered_is_refused(client, soup, other):
    response = client.post(apply_url(), valid(nomination=str(other().pk)))
    assert response.status_code == 200
    html = soup(response)
    assert summary(html) == [CHOICE_ERROR]
    assert_nothing_saved()


@pytest.mark.django_db
@pytest.mark.parametrize("value", ["abc", "-1", "99999999", "1 OR 1=1", "Ә" * 300])
def test_garbage_nomination_is_refused_never_a_500(client, soup, value):
    response = client.post(apply_url(), valid(nomination=value))
    assert response.status_code == 200
    assert summary(soup(response)) == [CHOICE_ERROR]
    assert_nothing_saved()


@pytest.mark.django_db
def test_a_nomination_closing_while_the_form_is_open_is_refused(client, soup):
    reading = nomination("reading")
    client.get(apply_url())
    for version in CompetitionPage.objects.filter(translation_key=reading.translation_key):
        version.registration_closes = timezone.now() - timezone.timedelta(minutes=1)
        version.save()
    response = client.post(apply_url(), valid(nomination=str(reading.pk)))
    assert response.status_code == 200
    assert summary(soup(response)) == [CHOICE_ERROR]
    assert_nothing_saved()


@pytest.mark.django_db
@pytest.mark.parametrize("code", ("kk", "ru", "en"))
def test_a_past_edition_takes_no_applications(client, soup, code):
    past = FestivalEditionPage.objects.get(slug="2011", locale__language_code=code)
    response = client.get(past.url + "register/")
    assert response.status_code == 200
    html = soup(response)
    assert html.find("form", attrs={"method": "post"}) is None or not html.select(
        "input[name=nomination]"
    )
    response = client.post(past.url + "register/", valid())
    assert response.status_code == 200
    assert_nothing_saved()


@pytest.mark.django_db
def test_cancelling_an_application_withdraws_the_entry_and_applying_again_brings_it_back(
    client, soup
):
    reading = nomination("reading")
    response = client.post(apply_url(), valid(nomination=str(reading.pk)))
    private = response["Location"].split("?")[0]
    entry = Entry.objects.get(registration__person__full_name="Әсел Жолдасбекова")

    assert client.post(private, {"step": "confirm"}).status_code == 303
    entry.refresh_from_db()
    assert entry.withdrawn_at is not None
    judged = reading.judged
    assert not Entry.objects.filter(competition=judged).for_results().filter(pk=entry.pk).exists()
    client.cookies.clear()

    again = client.post(
        apply_url(),
        valid(nomination=str(reading.pk), work_title="Туған жер", work_author="Абай Құнанбайұлы"),
    )
    assert again.status_code == 303
    # The same registration (and private page), the same entry, competing again.
    assert again["Location"].split("?")[0] == private
    assert Entry.objects.filter(registration__person__full_name="Әсел Жолдасбекова").count() == 1
    entry.refresh_from_db()
    assert entry.withdrawn_at is None
    # The work given now counts.
    assert (entry.work_title, entry.work_author) == ("Туған жер", "Абай Құнанбайұлы")
    assert Entry.objects.filter(competition=judged).for_results().filter(pk=entry.pk).exists()
    actions = list(
        PageLogEntry.objects.filter(page=judged, action__startswith="competitions.entry.")
        .order_by("timestamp", "pk")
        .values_list("action", flat=True)
    )
    assert actions[-4:] == [
        "competitions.entry.add",
        "competitions.entry.withdraw",
        "competitions.entry.reinstate",
        "competitions.entry.work",
    ]
