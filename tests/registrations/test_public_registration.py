"""The public registration form and the private page, with JavaScript off:
fieldsets and legends, server-side validation that keeps what was typed,
Kazakh names, phones, dates of birth, minors, the waiting list, approval,
closed windows, the honeypot, the rate limit, the private link, cancelling;
and hostile input that never leaves half a registration behind."""

import datetime
import re

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import Client, override_settings
from django.utils import timezone
from hypothesis import HealthCheck, given
from hypothesis import event as note
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from wagtail.models import Locale

from branches.models import Branch
from events.models import EventQuestion
from people.models import Person
from registrations.enums import RegistrationStatus as Status
from registrations.models import Registration

TODAY = timezone.localdate()


@pytest.fixture
def open_event(make_event):
    def make(capacity=None, requires_approval=False, code="en", **fields):
        now = timezone.now()
        return make_event(
            code,
            capacity=capacity,
            requires_approval=requires_approval,
            registration_opens=now - datetime.timedelta(days=1),
            registration_closes=now + datetime.timedelta(days=5),
            start=now + datetime.timedelta(days=6),
            **fields,
        )

    return make


def valid(**overrides):
    data = {
        "full_name": "Айгерім Сапарова",
        "date_of_birth_day": "",
        "date_of_birth_month": "",
        "date_of_birth_year": "",
        "district": "Шымкент",
        "preferred_language": "kk",
        "email": "aigerim@example.kz",
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
    return {key: value for key, value in data.items() if value is not None}


@pytest.mark.django_db
def test_a_reader_may_name_their_library(client, soup, open_event):
    """The choice lists the libraries in the page's language; the choice is kept."""
    kazakh = Branch.objects.create(
        locale=Locale.objects.get(language_code="kk"), name="Кентау филиалы", kind="branch"
    )
    english = kazakh.copy_for_translation(Locale.objects.get(language_code="en"))
    english.name = "Kentau branch"
    english.save()
    event = open_event()
    form = soup(client.get(register_url(event)))
    select = form.find("select", id="id_branch")
    assert (
        form.find("label", attrs={"for": "id_branch"}).get_text(" ", strip=True)
        == "Your library (optional)"
    )
    options = [option.get_text(strip=True) for option in select.find_all("option")]
    assert options[0] == "Not chosen" and "Kentau branch" in options
    assert "Кентау филиалы" not in options

    response = client.post(register_url(event), valid(branch=str(english.pk)))
    assert response.status_code == 303
    assert Registration.objects.get(event=event).person.branch == english

    # Another language's copy is not a choice on this page: refused, nothing saved.
    other = open_event()
    page = soup(
        client.post(register_url(other), valid(branch=str(kazakh.pk), full_name="Ерлан Омаров"))
    )
    assert field_error(page, "branch")
    assert not Registration.objects.filter(event=other).exists()


def register_url(event):
    return f"{event.url}register/"


def errors(html):
    return [li.get_text(" ", strip=True) for li in html.select("#error-summary li")]


def field_error(html, name):
    element = html.find(id=f"id_{name}-error")
    return element.get_text(" ", strip=True) if element else ""


@pytest.mark.django_db
def test_the_form_has_fieldsets_with_legends_and_labels(client, soup, open_event):
    event = open_event()
    response = client.get(register_url(event))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    html = soup(response)
    main = html.find("main")
    assert main.find(True).name == "h1"
    assert event.title in main.h1.get_text()
    form = main.find("form", method="post")
    assert form.has_attr("novalidate")
    assert form.find("input", attrs={"name": "csrfmiddlewaretoken"})
    legends = [
        fieldset.find("legend").get_text(" ", strip=True) for fieldset in form.find_all("fieldset")
    ]
    # A part that holds groups of its own is a headed section, not a
    # fieldset: a group inside a group is read twice.
    headings = [h2.get_text(" ", strip=True) for h2 in form.find_all("h2")]
    assert headings[:2] == ["About you", "How we can contact you"]
    assert "Your needs" in headings and "Your consent" in headings
    assert form.select("fieldset fieldset") == []
    for heading in ("How we can contact you", "Your consent"):
        assert heading in legends
    assert "Date of birth (optional)" in legends
    assert any(legend.startswith("Format of materials") for legend in legends)
    assert any(legend.startswith("Disability group") for legend in legends)
    assert any(legend.startswith("Language we should use with you") for legend in legends)
    assert all(fieldset.find("legend") for fieldset in form.find_all("fieldset"))
    # Every visible input has a label.
    for element in form.find_all(["input", "textarea", "select"]):
        if element.get("type") == "hidden" or element.get("name") == "website_url":
            continue
        assert form.find("label", attrs={"for": element["id"]}), element
    autocomplete = {
        element["name"]: element.get("autocomplete") for element in form.find_all("input")
    }
    assert autocomplete["full_name"] == "name"
    assert autocomplete["email"] == "email"
    assert autocomplete["phone"] == "tel"
    assert autocomplete["district"] == "address-level2"
    assert autocomplete["date_of_birth_day"] == "bday-day"
    assert autocomplete["date_of_birth_year"] == "bday-year"
    # The page's language is chosen; languages are named in their own language.
    english = form.find("input", attrs={"name": "preferred_language", "value": "en"})
    assert english.has_attr("checked")
    assert form.find("label", attrs={"for": "id_preferred_language_1"}).span["lang"] == "ru"
    hint = form.find(id="id_disability_group-hint").get_text()
    assert "report to the regional administration" in hint
    privacy = form.find(id="id_consent-hint").find("a")
    assert privacy["href"] == "/en/privacy/"
    assert form.find("input", attrs={"name": "website_url", "tabindex": "-1"})
    assert main.find("p").find_parent("main") is main
    assert not html.title.get_text().startswith("Error:")


@pytest.mark.django_db
def test_an_empty_post_lists_the_problems_and_keeps_what_was_typed(client, soup, open_event):
    event = open_event()
    response = client.post(
        register_url(event),
        {"district": "Түркістан", "other_needs": "Брайль мәтіні", "material_format": "audio"},
    )
    assert response.status_code == 200
    html = soup(response)
    assert html.title.get_text().startswith("Error:")
    summary = html.find(id="error-summary")
    assert summary is not None
    assert summary.find_previous("h1") is not None
    links = summary.select("a[href^='#']")
    assert len(links) >= 3
    for link in links:
        assert html.find(id=link["href"][1:]) is not None, link["href"]
    texts = errors(html)
    assert "Fill in “Full name”." in texts
    assert any("e-mail address or a phone number" in text for text in texts)
    assert any("Tick “I agree to the processing" in text for text in texts)
    assert not Registration.objects.filter(event=event).exists()
    # What was typed is still there.
    assert html.find("input", attrs={"name": "district"})["value"] == "Түркістан"
    assert (
        html.find("textarea", attrs={"name": "other_needs"}).get_text().lstrip("\n")
        == "Брайль мәтіні"
    )
    assert html.find("input", attrs={"name": "material_format", "value": "audio"}).has_attr(
        "checked"
    )
    name = html.find("input", attrs={"name": "full_name"})
    assert name["aria-invalid"] == "true"
    assert "id_full_name-error" in name["aria-describedby"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name",
    [
        "Ә'лия Сәрсенбай-Қызы",
        "Ғалым Жұмабекұлы",
        "Нұрлан О’Брайен",
        "Anna-Maria d'Arc",
        "Іңкәр Һ. Үмбетова",
    ],
)
def test_kazakh_names_with_apostrophes_and_hyphens(client, open_event, name):
    event = open_event()
    response = client.post(register_url(event), valid(full_name=f"  {name} "))
    assert response.status_code == 303
    registration = Registration.objects.get(event=event)
    assert registration.person.full_name == name


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["Айгерім 2", "<script>", "R2-D2", "--", "Анна_Ким", "@"])
def test_names_with_digits_or_signs_are_refused(client, soup, open_event, name):
    event = open_event()
    html = soup(client.post(register_url(event), valid(full_name=name)))
    assert field_error(html, "full_name")
    assert not Registration.objects.filter(event=event).exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("8 (701) 234-56-78", "+77012345678"),
        ("+7 701 234 56 78", "+77012345678"),
        ("7012345678", "+77012345678"),
        ("8 7252 00 00 00", "+77252000000"),
    ],
)
def test_phone_is_normalised(client, open_event, typed, stored):
    event = open_event()
    response = client.post(register_url(event), valid(email="", phone=typed))
    assert response.status_code == 303
    assert Registration.objects.get(event=event).person.phone == stored


@pytest.mark.django_db
@pytest.mark.parametrize(
    "typed", ["12345", "+1 202 555 0100", "8 701 234 56 78 9", "тел. 87012345678"]
)
def test_a_wrong_phone_is_refused_with_a_clear_message(client, soup, open_event, typed):
    event = open_event()
    html = soup(client.post(register_url(event), valid(email="", phone=typed)))
    assert "10 digits after +7 or 8" in field_error(html, "phone")
    assert html.find("input", attrs={"name": "phone"})["value"] == typed
    assert not Registration.objects.filter(event=event).exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("day", "month", "year", "message"),
    [
        ("31", "2", "2000", "must be a real date"),
        ("30", "13", "1990", "must be a real date"),
        ("1", "1", str(TODAY.year + 1), "must be in the past"),
        ("1", "1", str(TODAY.year - 121), "check the year"),
        ("12", "", "1990", "a day, a month and a year"),
        ("1", "1", "90", "four digits"),
        ("бір", "1", "1990", "in numbers"),
    ],
)
def test_wrong_dates_of_birth_are_refused(client, soup, open_event, day, month, year, message):
    event = open_event()
    data = valid(date_of_birth_day=day, date_of_birth_month=month, date_of_birth_year=year)
    html = soup(client.post(register_url(event), data))
    assert message in field_error(html, "date_of_birth")
    # The summary links to the first box, which exists; the boxes keep what was typed.
    link = html.select_one("#error-summary a[href='#id_date_of_birth_day']")
    assert link is not None
    assert html.find(id="id_date_of_birth_day")["aria-invalid"] == "true"
    assert html.find("input", attrs={"name": "date_of_birth_day"}).get("value", "") == day
    assert html.find("input", attrs={"name": "date_of_birth_year"}).get("value", "") == year
    assert not Registration.objects.filter(event=event).exists()


@pytest.mark.django_db
def test_a_date_of_birth_is_kept(client, open_event):
    event = open_event()
    data = valid(date_of_birth_day="05", date_of_birth_month="3", date_of_birth_year="1984")
    assert client.post(register_url(event), data).status_code == 303
    person = Registration.objects.get(event=event).person
    assert person.date_of_birth == datetime.date(1984, 3, 5)


@pytest.mark.django_db
def test_a_minor_needs_a_guardian(client, soup, open_event):
    event = open_event()
    minor = {
        "date_of_birth_day": "1",
        "date_of_birth_month": "1",
        "date_of_birth_year": str(TODAY.year - 12),
    }
    html = soup(client.post(register_url(event), valid(**minor)))
    assert "parent or guardian" in field_error(html, "guardian_name")
    assert not Registration.objects.filter(event=event).exists()
    response = client.post(register_url(event), valid(guardian_name="Гүлнар Сапарова", **minor))
    assert response.status_code == 303
    registration = Registration.objects.get(event=event)
    assert registration.guardian_name == "Гүлнар Сапарова"
    assert registration.guardian_consented_at is not None


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("other_needs", "а" * 1001),
        ("full_name", "а" * 201),
        ("seating_needs", "б" * 501),
        ("district", "в" * 121),
        ("email", "a" * 250 + "@example.kz"),
    ],
)
def test_over_long_text_is_refused(client, soup, open_event, field, value):
    event = open_event()
    html = soup(client.post(register_url(event), valid(**{field: value})))
    assert field_error(html, field)
    assert not Registration.objects.filter(event=event).exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("material_format", "vinyl"),
        ("disability_group", "iv"),
        ("preferred_language", "de"),
    ],
)
def test_an_unknown_choice_is_refused(client, soup, open_event, field, value):
    event = open_event()
    html = soup(client.post(register_url(event), valid(**{field: value})))
    assert field_error(html, field)
    # The summary links to the group's first option, which exists.
    link = html.select_one(f"#error-summary a[href='#id_{field}_0']")
    assert link is not None and html.find(id=f"id_{field}_0") is not None
    assert not Registration.objects.filter(event=event).exists()


@pytest.mark.django_db
def test_an_email_or_a_phone_is_needed(client, soup, open_event):
    event = open_event()
    html = soup(client.post(register_url(event), valid(email="", phone="")))
    message = field_error(html, "email")
    assert "e-mail address or a phone number" in message
    assert client.post(register_url(event), valid(email="", phone="87012345678")).status_code == 303
    other = open_event()
    assert client.post(register_url(other), valid(email="a@example.kz")).status_code == 303
    html = soup(client.post(register_url(event), valid(email="not-an-address")))
    assert "name@example.kz" in field_error(html, "email")


@pytest.mark.django_db
def test_escort_rules(client, soup, open_event):
    event = open_event()
    html = soup(client.post(register_url(event), valid(escort="on")))
    assert "escort's full name" in field_error(html, "escort_name")
    html = soup(client.post(register_url(event), valid(escort_name="Гүлнар")))
    assert "Tick “I am coming with an escort”" in field_error(html, "escort")
    data = valid(escort="on", escort_name="Гүлнар Сапарова", guide_dog="on")
    assert client.post(register_url(event), data).status_code == 303
    registration = Registration.objects.get(event=event)
    assert (registration.escort_name, registration.guide_dog, registration.places) == (
        "Гүлнар Сапарова",
        True,
        2,
    )


@pytest.mark.django_db
def test_success_leads_to_the_private_page(client, soup, open_event):
    event = open_event(capacity=10)
    data = valid(
        phone="8 701 234 56 78",
        disability_group="i",
        seating_needs="Алдыңғы қатар",
        other_needs="Аудио материал",
    )
    response = client.post(register_url(event), data)
    assert response.status_code == 303
    registration = Registration.objects.get(event=event)
    assert response["Location"] == f"{event.url}registration/{registration.access_token}/?new=1"
    assert registration.status == Status.CONFIRMED
    assert registration.consent_version == settings.PRIVACY_NOTICE_VERSION
    assert registration.consented_at is not None
    assert registration.entered_by is None
    assert (registration.material_format, registration.disability_group) == ("braille", "i")
    assert registration.seating_needs == "Алдыңғы қатар"
    assert registration.person.email == "aigerim@example.kz"
    assert registration.person.preferred_language == "kk"
    assert registration.person.district == "Шымкент"

    page = client.get(response["Location"])
    assert page.status_code == 200
    cache_control = page["Cache-Control"]
    assert "private" in cache_control and "no-store" in cache_control
    html = soup(page)
    main = html.find("main")
    assert main.find(True).get("role") == "status"
    assert main.h1.get_text(strip=True) == "You are registered"
    assert main.find(role="status").h1 is not None
    assert html.title.get_text().startswith("You are registered")
    code = main.find(class_="registration-code")
    assert registration.display_code in code.get_text()
    spelled = code.find(class_="visually-hidden").get_text()
    assert spelled == ", ".join(" ".join(group) for group in registration.display_code.split("-"))
    assert code.find(attrs={"aria-hidden": "true"}).get_text() == registration.display_code
    assert main.find("a", href=f"{event.url}calendar.ics") is not None
    assert main.find("form", method="post").find("input", attrs={"name": "csrfmiddlewaretoken"})
    assert html.find("meta", attrs={"name": "robots", "content": "noindex"})
    # Without ?new=1 (a bookmark), the same page, not announced.
    again = soup(client.get(f"{event.url}registration/{registration.access_token}/"))
    assert again.find("main").h1.get_text(strip=True) == "You are registered"
    assert again.find(role="status") is None


@pytest.mark.django_db
def test_a_double_submit_makes_one_registration(client, open_event):
    event = open_event(capacity=10)
    first = client.post(register_url(event), valid(phone="87012345678"))
    second = client.post(register_url(event), valid(phone="+7 701 234 56 78"))
    assert first.status_code == second.status_code == 303
    assert first["Location"] == second["Location"]
    assert Registration.objects.filter(event=event).count() == 1
    assert Person.objects.filter(phone="+77012345678").count() == 1


@pytest.mark.django_db
def test_an_old_registration_is_not_opened_by_name_and_contact_alone(client, soup, open_event):
    event = open_event(capacity=10)
    client.post(register_url(event), valid())
    registration = Registration.objects.get(event=event)
    Registration.objects.filter(pk=registration.pk).update(
        created_at=timezone.now() - datetime.timedelta(hours=2)
    )
    response = client.post(register_url(event), valid())
    assert response.status_code == 200
    html = soup(response)
    assert html.find("main").h1.get_text(strip=True) == "You are already registered for this event"
    assert registration.access_token not in response.content.decode()
    assert Registration.objects.filter(event=event).count() == 1


@pytest.mark.django_db
def test_a_full_event_puts_people_on_the_waiting_list(client, soup, open_event):
    event = open_event(capacity=1)
    client.post(register_url(event), valid(full_name="Ерлан Омаров", email="erlan@example.kz"))
    response = client.post(register_url(event), valid())
    html = soup(client.get(response["Location"]))
    assert html.find("main").h1.get_text(strip=True) == "You are on the waiting list: number 1"
    assert "first person on the waiting list" in html.find("main").get_text()


@pytest.mark.django_db
def test_an_event_with_approval_says_so(client, soup, open_event):
    event = open_event(requires_approval=True)
    form = soup(client.get(register_url(event)))
    assert "confirm each registration" in form.find("main").get_text()
    response = client.post(register_url(event), valid())
    html = soup(client.get(response["Location"]))
    assert html.find("main").h1.get_text(strip=True) == "Your registration is waiting for approval"
    assert Registration.objects.get(event=event).status == Status.PENDING


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("state", "message"),
    [
        ("not-yet-open", "Registration has not opened yet."),
        ("closed", "Registration is closed."),
        ("cancelled", "The event is cancelled: registration is closed."),
        ("no-registration", "This event does not take registrations on the site."),
    ],
)
def test_a_closed_window_says_why_and_takes_nothing(client, soup, make_event, state, message):
    now = timezone.now()
    fields = {
        "not-yet-open": {"registration_opens": now + datetime.timedelta(days=2)},
        "closed": {
            "registration_opens": now - datetime.timedelta(days=5),
            "registration_closes": now - datetime.timedelta(days=1),
        },
        "cancelled": {
            "registration_opens": now - datetime.timedelta(days=1),
            "status": "cancelled",
        },
        "no-registration": {},
    }[state]
    event = make_event("en", start=now + datetime.timedelta(days=7), **fields)
    response = client.get(register_url(event))
    assert response.status_code == 200
    html = soup(response)
    main = html.find("main")
    assert message in main.get_text()
    assert main.find("form") is None
    if state == "not-yet-open":
        assert "Registration opens on" in main.get_text()
    response = client.post(register_url(event), valid())
    assert response.status_code == 200
    assert message in soup(response).find("main").get_text()
    assert not Registration.objects.filter(event=event).exists()
    assert not Person.objects.filter(email="aigerim@example.kz").exists()
    # The event page says it too (when registration is planned at all).
    event_page = soup(client.get(event.url)).find("main")
    if state == "no-registration":
        assert event_page.find(id="registration-title") is None
    else:
        section = event_page.find(id="registration-title").parent
        assert message in section.get_text()
        assert section.find("a", string="Register") is None


@pytest.mark.django_db
def test_the_event_page_links_to_the_form_when_open(client, soup, open_event):
    event = open_event()
    html = soup(client.get(event.url))
    section = html.find(id="registration-title").parent
    assert section.name == "section"
    # Right after the facts.
    assert section.find_previous_sibling().name == "dl"
    link = section.find("a", string="Register")
    assert link["href"] == register_url(event)
    assert "button" in link["class"]
    assert "Registration is open until" in section.get_text()


@pytest.mark.django_db
def test_the_honeypot_pretends_success_and_saves_nothing(client, open_event):
    event = open_event()
    people = Person.objects.count()
    response = client.post(register_url(event), valid(website_url="http://spam.example"))
    assert response.status_code == 303
    assert response["Location"] == event.url
    assert not Registration.objects.filter(event=event).exists()
    assert Person.objects.count() == people


@pytest.mark.django_db
@override_settings(FORM_RATE_LIMIT="2/60")
def test_the_rate_limit_answers_429_and_keeps_what_was_typed(client, soup, open_event):
    cache.clear()
    event = open_event()
    for _attempt in range(2):
        assert client.post(register_url(event), valid(full_name="")).status_code == 200
    response = client.post(register_url(event), valid(district="Кентау"))
    assert response.status_code == 429
    html = soup(response)
    assert "Too many forms" in " ".join(errors(html))
    assert html.title.get_text().startswith("Error:")
    assert html.find("input", attrs={"name": "district"})["value"] == "Кентау"
    assert html.find("input", attrs={"name": "full_name"})["value"] == "Айгерім Сапарова"
    assert not Registration.objects.filter(event=event).exists()


@pytest.mark.django_db
def test_the_private_page_needs_the_right_token_of_this_event(client, open_event):
    event = open_event()
    other = open_event()
    client.post(register_url(event), valid())
    token = Registration.objects.get(event=event).access_token
    assert client.get(f"{event.url}registration/{token}/").status_code == 200
    wrong = token[:-1] + ("y" if token.endswith("x") else "x")
    assert client.get(f"{event.url}registration/{wrong}/").status_code == 404
    assert client.get(f"{event.url}registration/nothing/").status_code == 404
    assert client.get(f"{other.url}registration/{token}/").status_code == 404
    assert client.post(f"{other.url}registration/{token}/", {"step": "confirm"}).status_code == 404
    assert Registration.objects.get(event=event).status == Status.CONFIRMED


@pytest.mark.django_db
def test_cancelling_asks_first_and_promotes_the_first_waiting(client, soup, open_event):
    event = open_event(capacity=1)
    response = client.post(register_url(event), valid())
    private = response["Location"].split("?")[0]
    client.post(register_url(event), valid(full_name="Ерлан Омаров", email="erlan@example.kz"))
    client.post(register_url(event), valid(full_name="Марат Ахметов", email="marat@example.kz"))
    first = Registration.objects.get(event=event, person__email="aigerim@example.kz")
    erlan = Registration.objects.get(event=event, person__email="erlan@example.kz")
    assert erlan.status == Status.WAITLISTED

    # Step 1: the question, nothing changed yet.
    asked = client.post(private, {"step": "ask"})
    assert asked.status_code == 200
    assert "no-store" in asked["Cache-Control"]
    html = soup(asked)
    main = html.find("main")
    assert main.h1.get_text(strip=True) == "Do you want to cancel your registration?"
    confirm = main.find("form", method="post")
    assert confirm.find("input", attrs={"name": "step"})["value"] == "confirm"
    assert confirm.find("button").get_text(strip=True) == "Yes, cancel my registration"
    assert main.find("a", string="No, keep my registration")["href"] == private
    first.refresh_from_db()
    assert first.status == Status.CONFIRMED

    # Step 2: cancelled, and the first waiting gets the place.
    done = client.post(private, {"step": "confirm"})
    assert done.status_code == 303
    assert done["Location"] == f"{private}?cancelled=1"
    html = soup(client.get(done["Location"]))
    assert html.find("main").h1.get_text(strip=True) == "Your registration is cancelled"
    assert html.find(role="status") is not None
    assert html.find("main").find("button") is None
    first.refresh_from_db()
    erlan.refresh_from_db()
    assert first.status == Status.CANCELLED
    assert erlan.status == Status.CONFIRMED
    marat = Registration.objects.get(event=event, person__email="marat@example.kz")
    assert (marat.status, marat.waitlist_rank) == (Status.WAITLISTED, 1)

    # Again: refused in words, nothing changes.
    again = client.post(private, {"step": "confirm"})
    assert again.status_code == 409
    assert "cannot be done now" in soup(again).find(id="error-summary").get_text()


@pytest.mark.django_db
def test_the_events_own_questions(client, soup, open_event):
    event = open_event()
    kinds = [
        ("t-shirt", "T-shirt size", "single-choice", "S\nM\nL", True),
        ("topics", "Topics you like", "multiple-choice", "Poetry\nProse\nDrama", False),
        ("first-time", "Is this your first time?", "yes-no", "", True),
        ("books", "How many Braille books do you read a month?", "number", "", False),
        ("school", "School", "short-text", "", False),
        ("story", "Your story", "long-text", "", False),
    ]
    for order, (key, label, kind, choices, required) in enumerate(kinds):
        EventQuestion.objects.create(
            page=event,
            sort_order=order,
            key=key,
            label=label,
            kind=kind,
            choices=choices,
            required=required,
            hint="A hint" if key == "books" else "",
        )
    html = soup(client.get(register_url(event)))
    legends = [legend.get_text(" ", strip=True) for legend in html.select("form legend")]
    assert "Questions from the organisers" in [
        h2.get_text(strip=True) for h2 in html.select("form h2")
    ]
    assert "T-shirt size" in legends
    assert "Topics you like (optional)" in legends
    assert html.find(id="id_question_3-hint").get_text() == "A hint"

    html = soup(client.post(register_url(event), valid(question_3="many")))
    texts = errors(html)
    assert "Choose an answer to “T-shirt size”." in texts
    assert "Choose an answer to “Is this your first time?”." in texts
    assert field_error(html, "question_3")
    html = soup(client.post(register_url(event), valid(question_0="XXL", question_2="yes")))
    assert field_error(html, "question_0")

    data = valid(
        question_0="M",
        question_1=["Poetry", "Drama"],
        question_2="no",
        question_3="4",
        question_4="№ 7 мектеп",
    )
    assert client.post(register_url(event), data).status_code == 303
    answers = Registration.objects.get(event=event).answers
    assert answers == {
        "t-shirt": "M",
        "topics": ["Poetry", "Drama"],
        "first-time": False,
        "books": 4,
        "school": "№ 7 мектеп",
    }


@pytest.mark.django_db
def test_a_refusal_of_the_engine_saves_nobody(client, soup, make_event, monkeypatch):
    """The window closes between the page's check and the engine's (locked)
    check: the message is shown and no person is left without a registration."""
    from events.windows import Window
    from registrations import views as registration_views

    event = make_event("en", registration_opens=timezone.now() + datetime.timedelta(days=1))
    monkeypatch.setattr(registration_views, "registration_window", lambda page: Window(True))
    people = Person.objects.count()
    response = client.post(register_url(event), valid())
    assert response.status_code == 200
    html = soup(response)
    assert "Registration has not opened yet." in errors(html)
    assert html.title.get_text().startswith("Error:")
    assert Person.objects.count() == people
    assert html.find("input", attrs={"name": "full_name"})["value"] == "Айгерім Сапарова"


@pytest.mark.django_db
def test_the_person_is_told_and_a_failure_to_tell_loses_nothing(client, open_event, monkeypatch):
    notifications = pytest.importorskip("registrations.notifications")
    told = []
    monkeypatch.setattr(notifications, "registration_created", lambda r: told.append(("new", r.pk)))
    monkeypatch.setattr(
        notifications,
        "registration_cancelled",
        lambda r, promoted: told.append(("cancel", r.pk, [p.pk for p in promoted])),
    )
    event = open_event(capacity=1)
    private = client.post(register_url(event), valid())["Location"].split("?")[0]
    client.post(register_url(event), valid(full_name="Ерлан Омаров", email="erlan@example.kz"))
    first, second = Registration.objects.filter(event=event).order_by("pk")
    # The same person again is not told twice.
    client.post(register_url(event), valid())
    assert told == [("new", first.pk), ("new", second.pk)]
    client.post(private, {"step": "confirm"})
    assert told[-1] == ("cancel", first.pk, [second.pk])

    def broken(registration):
        raise RuntimeError("the mail queue is down")

    monkeypatch.setattr(notifications, "registration_created", broken)
    other = open_event()
    response = client.post(register_url(other), valid())
    assert response.status_code == 303
    assert Registration.objects.filter(event=other).count() == 1


@pytest.mark.django_db
def test_the_form_in_kazakh_offers_kazakh_first(client, soup, open_event):
    event = open_event(code="kk")
    html = soup(client.get(register_url(event)))
    assert html.find("html")["lang"] == "kk"
    chosen = html.find("input", attrs={"name": "preferred_language", "checked": True})
    assert chosen["value"] == "kk"
    assert html.find(id="id_consent-hint").find("a")["href"] == "/kk/privacy/"


# Hostile input --------------------------------------------------------------

FIELDS = [
    "full_name",
    "date_of_birth_day",
    "date_of_birth_month",
    "date_of_birth_year",
    "district",
    "preferred_language",
    "email",
    "phone",
    "escort",
    "escort_name",
    "guide_dog",
    "material_format",
    "seating_needs",
    "other_needs",
    "disability_group",
    "consent",
    "guardian_name",
    "website_url",
    "question_0",
    "question_1",
]
NASTY = [
    "'; DROP TABLE events_registration; --",
    '" OR 1=1 --',
    "<script>alert(1)</script>",
    "Robert'); DELETE FROM events_person;--",
    "../../etc/passwd",
    "{{ settings.SECRET_KEY }}",
    "%s%s%s%n",
    "\x00",
    "\u202eevil",
    "Ә'лия Сәрсенбай-Қызы",
    "+7 701 234 56 78",
    "a@example.kz",
    "on",
    "braille",
    "ii",
    "en",
    "29",
    "2",
    "2000",
    "-1",
    "1e309",
    "9" * 40,
]
text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)), max_size=50
)  # control characters included
values = st.one_of(
    text,
    st.sampled_from(NASTY),
    st.integers().map(str),
    st.builds(lambda ch, n: ch * n, st.sampled_from("aӘ1 \n"), st.integers(1000, 20000)),
    st.lists(st.sampled_from(NASTY), min_size=2, max_size=3),
)
EXTRA = ["extra_field", "event", "status", "person", "access_token", "csrfmiddlewaretoken"]
# Everything at once, or a few fields of an otherwise valid form.
posts = st.one_of(
    st.fixed_dictionaries({}, optional=dict.fromkeys(FIELDS + EXTRA, values)),
    st.dictionaries(st.sampled_from(FIELDS + EXTRA), values, max_size=3),
)
valid_bases = st.builds(
    lambda name, digits: valid(full_name=name, email="", phone=f"8701{digits}"),
    st.sampled_from(["Айгерім Сапарова", "Ерлан Омаров", "Ә'лия Сәрсенбай-Қызы", "Anna Kim"]),
    st.from_regex(r"[0-9]{7}", fullmatch=True),
)


_events = {}


def _hostile_event(open_event):
    """One event for all of Hypothesis's examples (they share the test's transaction)."""
    event = _events.get("hostile")
    if event is None or not type(event).objects.filter(pk=event.pk).exists():
        event = open_event(capacity=5)
        EventQuestion.objects.create(
            page=event, key="size", label="Size", kind="single-choice", choices="S\nM"
        )
        EventQuestion.objects.create(page=event, key="n", label="How many", kind="number")
        _events["hostile"] = event
    return event


@pytest.mark.django_db
@override_settings(FORM_RATE_LIMIT="100000/60")
@hypothesis_settings(
    max_examples=60,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=posts, base=st.one_of(st.just({}), valid_bases))
def test_hostile_posts_never_fail_or_leave_half_a_registration(client, open_event, data, base):
    event = _hostile_event(open_event)
    post = {**base, **data}
    lonely_before = Person.objects.filter(registrations__isnull=True).count()
    before = set(Registration.objects.filter(event=event).values_list("pk", flat=True))

    response = client.post(register_url(event), post)

    assert response.status_code < 500
    note(f"status {response.status_code}")
    lonely_after = Person.objects.filter(registrations__isnull=True).count()
    assert lonely_after == lonely_before, "a person was saved without a registration"
    new = Registration.objects.filter(event=event).exclude(pk__in=before)
    assert new.count() <= 1
    note(f"new registrations: {new.count()}")
    for registration in new:
        assert response.status_code == 303
        assert registration.consent_version == settings.PRIVACY_NOTICE_VERSION
        assert registration.consented_at is not None
        assert registration.person_id is not None
        assert registration.status in {Status.CONFIRMED, Status.WAITLISTED}
        person = registration.person
        assert person.full_name and (person.email or re.fullmatch(r"\+7\d{10}", person.phone))
        assert "\x00" not in person.full_name + registration.other_needs


# ---------------------------------------------------------------------------
# The empty form from the cache (core.cache.form_page)
# ---------------------------------------------------------------------------


def _token(html):
    return html.find("input", attrs={"name": "csrfmiddlewaretoken"})["value"]


@pytest.mark.django_db
def test_the_cached_form_carries_each_visitors_own_token(
    soup, open_event, django_assert_max_num_queries
):
    """The second visitor gets the stored page, with their own CSRF token,
    and both can register: the tokens work."""
    event = open_event()
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first_page = first.get(register_url(event))
    with django_assert_max_num_queries(12):  # routing only: nothing is rendered again
        second_page = second.get(register_url(event))
    assert first_page.content != second_page.content
    assert "csrfplaceholder" not in second_page.content.decode()
    tokens = [_token(soup(page)) for page in (first_page, second_page)]
    assert tokens[0] != tokens[1]
    for client, token, name in zip(
        (first, second), tokens, ("Айгерім Сапарова", "Ерлан Омаров"), strict=True
    ):
        response = client.post(
            register_url(event),
            valid(
                full_name=name,
                email="",
                phone="+7 701 000 00 0" + str(len(name) % 10),
                csrfmiddlewaretoken=token,
            ),
        )
        assert response.status_code == 303, name
    assert Registration.objects.filter(event=event).count() == 2
    # Without the visitor's token the post is refused: the page's token was not shared.
    stranger = Client(enforce_csrf_checks=True)
    response = stranger.post(register_url(event), valid(csrfmiddlewaretoken=tokens[0]))
    assert response.status_code == 403


@pytest.mark.django_db
def test_a_published_change_shows_at_once_in_the_cached_form(client, soup, open_event):
    event = open_event()
    assert "Questions from the organisers" not in client.get(register_url(event)).content.decode()
    EventQuestion.objects.create(
        page=event, sort_order=0, key="shirt", label="T-shirt size", kind="short-text"
    )
    event.save_revision().publish()
    html = soup(Client().get(register_url(event)))
    assert html.find("label", attrs={"for": "id_question_0"}).get_text(" ", strip=True) == (
        "T-shirt size (optional)"
    )


@pytest.mark.django_db
def test_the_cached_form_follows_the_display_preferences(open_event):
    event = open_event()
    plain = Client().get(register_url(event)).content.decode()
    large = Client()
    large.cookies["display"] = "text:xlarge,scheme:wb"
    page = large.get(register_url(event)).content.decode()
    assert "lv-scheme-wb" in page and "lv-text-xlarge" in page
    assert "lv-scheme-wb" not in plain
