"""Staff screens: every page type opens in the editor, survey answers are
listed and exported, the site's contacts are editable; all in Russian."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.contrib.forms.models import FormSubmission

from home.models import (
    AnnouncementIndexPage,
    AnnouncementPage,
    HomePage,
    StandardPage,
    SurveyPage,
)


@pytest.fixture
def staff_client(client):
    client.force_login(get_user_model().objects.get(username="admin"))
    return client


@pytest.mark.django_db
@pytest.mark.parametrize(
    "model", [HomePage, StandardPage, AnnouncementIndexPage, AnnouncementPage, SurveyPage]
)
def test_every_page_type_opens_in_the_editor_in_russian(staff_client, model):
    page = model.objects.filter(locale__language_code="kk").first()
    response = staff_client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    body = response.content.decode()
    assert 'lang="ru"' in body
    assert "Сохранить черновик" in body


@pytest.mark.django_db
def test_survey_answers_are_listed_and_exported(staff_client):
    survey = SurveyPage.objects.get(locale__language_code="ru")
    comment = next(f for f in survey.get_form_fields() if f.field_type == "multiline")
    FormSubmission.objects.create(page=survey, form_data={comment.clean_name: "Больше аудиокниг"})
    listing = staff_client.get(f"/admin/forms/submissions/{survey.pk}/")
    assert listing.status_code == 200
    assert "Больше аудиокниг" in listing.content.decode()
    export = staff_client.get(f"/admin/forms/submissions/{survey.pk}/?export=csv")
    assert export.status_code == 200
    assert "Больше аудиокниг" in b"".join(export.streaming_content).decode()


@pytest.mark.django_db
def test_contacts_are_edited_in_the_settings(staff_client):
    response = staff_client.get("/admin/settings/home/contactsettings/")
    assert response.status_code in (200, 302)
    if response.status_code == 302:
        response = staff_client.get(response.url)
    assert response.status_code == 200
    assert "Адрес" in response.content.decode()
