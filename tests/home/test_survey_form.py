"""The accessible form pattern on the readers'-needs survey."""

import pytest
from django.core.cache import cache
from django.test import override_settings
from wagtail.contrib.forms.models import FormSubmission

from home.models import SurveyPage


@pytest.fixture
def survey():
    return SurveyPage.objects.live().get(locale__language_code="en")


def _fields(survey):
    """The name, comment and town fields, found by what they are for."""
    fields = survey.get_form_fields()
    return {
        "name": next(f for f in fields if f.autocomplete == "name"),
        "comment": next(f for f in fields if f.field_type == "multiline"),
        "town": next(f for f in fields if f.autocomplete == "address-level2"),
    }


@pytest.mark.django_db
def test_empty_submit_shows_a_summary_whose_links_reach_the_fields(client, soup, survey):
    response = client.post(survey.url, {})
    assert response.status_code == 200
    html = soup(response)
    assert html.title.get_text().startswith("Error:")
    summary = html.find(id="error-summary")
    assert summary["tabindex"] == "-1"
    required = [f for f in survey.get_form_fields() if f.required]
    links = summary.find_all("a")
    assert len(links) == len(required)
    title = summary.find(id="error-summary-title").get_text(strip=True)
    assert title == f"There are {len(required)} problems"
    # Each message names its question, so the list makes sense read aloud.
    expected = []
    for field in required:
        if field.field_type in ("radio", "checkboxes", "dropdown", "multiselect"):
            expected.append(f"Choose an answer to “{field.label}”.")
        elif field.field_type == "checkbox":
            expected.append(f"Tick “{field.label}” to continue.")
        else:
            expected.append(f"Fill in “{field.label}”.")
    assert [link.get_text(strip=True) for link in links] == expected
    for link in links:
        target = html.find(id=link["href"][1:])
        assert target is not None, f"{link['href']} points nowhere"
        assert target.name in ("input", "select", "textarea")
    # Radio and checkbox groups: a fieldset with a legend, errors tied to it.
    for fieldset in html.select("main fieldset.fieldset"):
        assert fieldset.legend.get_text(strip=True)
        for described in fieldset["aria-describedby"].split():
            assert html.find(id=described) is not None
    # Each error message starts with a hidden "Error:" for screen readers.
    messages = html.select(".error-message")
    assert len(messages) == len(required)
    assert all(m.find(class_="visually-hidden").get_text() == "Error:" for m in messages)


@pytest.mark.django_db
def test_typed_values_survive_an_error(client, soup, survey):
    fields = _fields(survey)
    town = fields["town"]
    data = {
        fields["name"].clean_name: "Айгерим Сапарова",
        fields["comment"].clean_name: "Больше книг шрифтом Брайля",
        town.clean_name: "",
    }
    html = soup(client.post(survey.url, data))
    name_input = html.find("input", attrs={"name": fields["name"].clean_name})
    assert name_input["value"] == "Айгерим Сапарова"
    assert name_input["autocomplete"] == "name"
    textarea = html.find("textarea", attrs={"name": fields["comment"].clean_name})
    assert textarea.get_text(strip=True) == "Больше книг шрифтом Брайля"
    town_input = html.find("input", attrs={"name": town.clean_name})
    assert town_input["aria-invalid"] == "true"
    assert town_input["autocomplete"] == "address-level2"
    assert (
        html.find(id=town_input["aria-describedby"].split()[-1])
        .get_text()
        .strip()
        .startswith("Error:")
    )


def _valid_data(survey):
    data = {}
    for field in survey.get_form_fields():
        if field.field_type in ("radio", "dropdown"):
            data[field.clean_name] = field.choices.splitlines()[0].strip()
        elif field.field_type == "checkboxes":
            data[field.clean_name] = [field.choices.splitlines()[0].strip()]
        elif field.field_type == "email":
            data[field.clean_name] = "reader@example.org"
        elif field.field_type == "checkbox":
            data[field.clean_name] = "on"
        elif field.field_type == "number":
            data[field.clean_name] = "3"
        else:
            data[field.clean_name] = "Шымкент"
    return data


@pytest.mark.django_db
def test_a_valid_answer_is_stored_and_the_thanks_announced(client, soup, survey):
    before = FormSubmission.objects.filter(page=survey).count()
    response = client.post(survey.url, _valid_data(survey))
    assert response.status_code == 302
    assert response.url == f"{survey.url}?sent=1"
    assert FormSubmission.objects.filter(page=survey).count() == before + 1
    html = soup(client.get(response.url))
    status = html.find(attrs={"role": "status"})
    assert status.h1.get_text(strip=True) == "Thank you, your answers have been sent"


@pytest.mark.django_db
def test_the_honeypot_drops_a_bot_silently(client, survey):
    before = FormSubmission.objects.filter(page=survey).count()
    response = client.post(survey.url, {**_valid_data(survey), "website_url": "http://spam"})
    assert response.status_code == 302
    assert FormSubmission.objects.filter(page=survey).count() == before


@pytest.mark.django_db
@override_settings(FORM_RATE_LIMIT="2/60")
def test_too_many_posts_are_refused_but_keep_what_was_typed(client, soup, survey):
    cache.clear()
    data = {**_valid_data(survey)}
    client.post(survey.url, data)
    client.post(survey.url, data)
    response = client.post(survey.url, data)
    assert response.status_code == 429
    html = soup(response)
    assert "Too many forms" in html.find(id="error-summary").get_text()
    name = _fields(survey)["name"]
    assert html.find("input", attrs={"name": name.clean_name})["value"] == "Шымкент"


@pytest.mark.django_db
def test_the_form_is_translated(client, soup):
    survey = SurveyPage.objects.live().get(locale__language_code="kk")
    html = soup(client.post(survey.url, {}))
    assert html.title.get_text().startswith("Қате:")
    assert html.find(class_="error-message").find(class_="visually-hidden").get_text() == "Қате:"
