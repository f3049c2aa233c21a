"""Personal data, people's framework (`people.privacy`): the purge after the
retention period (dry run, real run, audit, the command), erasure on request
with the hooks through which other apps act, and the staff screens with
their permissions. What registrations clear, export and cancel is tested in
tests/registrations/test_privacy.py."""

import io
import json

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.management import call_command
from wagtail import hooks
from wagtail.models import ModelLogEntry

from people.models import Person
from people.privacy import (
    ERASE_ACTION,
    ERASE_HOOK,
    EXPORT_ACTION,
    PURGE_ACTION,
    ErasureStep,
    person_erase,
    person_export,
    pseudonym,
    purge_personal_data,
)
from registrations.enums import RegistrationStatus as Status
from registrations.models import Registration
from tests.people.conftest import CONSENT, SENSITIVE, labels_of, person, register, snapshot

# Purge -----------------------------------------------------------------------


@pytest.mark.django_db
def test_dry_run_reports_and_changes_nothing(history):
    before = snapshot()
    report = purge_personal_data(dry_run=True)
    assert snapshot() == before
    assert report.dry_run and report.audit_entries == 0

    cleared = {change.pk: change for change in report.records("registrations")}
    assert {history["ainur_old"].pk, history["bolat_old"].pk} <= set(cleared)
    assert history["bolat_recent"].pk not in cleared
    assert history["daria_recent"].pk not in cleared
    assert set(cleared[history["ainur_old"].pk].fields) == {*SENSITIVE, "escort_name"}

    people = {change.pk: change for change in report.people}
    assert people[history["ainur"].pk].anonymise
    assert set(people[history["ainur"].pk].fields) == {
        "full_name",
        "email",
        "phone",
        "date_of_birth",
        "district",
    }
    assert not people[history["bolat"].pk].anonymise
    assert people[history["bolat"].pk].cleared == {"registrations": 1}
    assert people[history["ainur"].pk].cleared == {"registrations": 1}
    assert history["daria"].pk not in people
    assert len(report.records("registrations")) >= 2 and report.people_anonymised >= 1


@pytest.mark.django_db
def test_purge_clears_old_registrations_only_and_anonymises(history):
    report = purge_personal_data(dry_run=False)
    assert not report.dry_run

    ainur_old = Registration.objects.get(pk=history["ainur_old"].pk)
    bolat_old = Registration.objects.get(pk=history["bolat_old"].pk)
    for registration in (ainur_old, bolat_old):
        assert registration.disability_group == ""
        assert registration.other_needs == registration.seating_needs == ""
        assert registration.guardian_name == "" and registration.answers == {}
        # What statistics need stays.
        assert registration.status == Status.CONFIRMED
        assert registration.event_id == history["old"].pk
        assert registration.consent_version == CONSENT
    assert ainur_old.escort_name == "—" and ainur_old.places == 2
    assert bolat_old.guide_dog is True

    for key in ("bolat_recent", "daria_recent"):
        recent = Registration.objects.get(pk=history[key].pk)
        assert recent.disability_group == "ii" and recent.answers == {"t-shirt-size": "M"}

    ainur = Person.objects.get(pk=history["ainur"].pk)
    assert ainur.full_name == pseudonym(ainur.pk) == f"— №{ainur.pk}"
    assert ainur.name_key == Person.fold_name(ainur.full_name)
    assert (ainur.email, ainur.phone, ainur.date_of_birth, ainur.district) == ("", "", None, "")
    bolat = Person.objects.get(pk=history["bolat"].pk)
    assert bolat.full_name == "Болат Жақсылықов" and bolat.phone == "+77000009902"

    entries = {
        int(entry.object_id): entry for entry in ModelLogEntry.objects.filter(action=PURGE_ACTION)
    }
    assert len(entries) == report.audit_entries == len(report.people)
    assert entries[ainur.pk].data["anonymised"] is True
    assert entries[ainur.pk].data["registrations_cleared"] == 1
    assert entries[bolat.pk].data["anonymised"] is False
    assert history["daria"].pk not in entries
    # The log no longer names Ainur: her registration's entries are relabelled.
    assert not any("Айнұр" in label for label in labels_of(ainur, ainur_old))
    assert all(label.startswith(f"— №{ainur.pk}") for label in labels_of(ainur_old))

    again = purge_personal_data(dry_run=False)
    assert not again.changed and again.audit_entries == 0


@pytest.mark.django_db
def test_people_known_only_recently_are_not_anonymised(event_at):
    newcomer = person("Ерлан Омаров", 4, known_days=3)
    register(event_at(-400), newcomer)  # an old event, entered just now by staff
    report = purge_personal_data(dry_run=True)
    assert newcomer.pk not in {change.pk for change in report.people if change.anonymise}


@pytest.mark.django_db
def test_a_staff_members_own_record_is_kept_while_the_account_exists(history):
    # Ainur came only to the old event: without an account she is anonymised
    # (test_purge_clears_old_registrations_only_and_anonymises).
    librarian = get_user_model().objects.create_user("ainur.librarian", "ainur@example.kz")
    Person.objects.filter(pk=history["ainur"].pk).update(staff_user=librarian)

    report = purge_personal_data(dry_run=False)

    assert history["ainur"].pk not in {change.pk for change in report.people if change.anonymise}
    ainur = Person.objects.get(pk=history["ainur"].pk)
    assert ainur.full_name == "Айнұр Сейітова"
    assert person_export(ainur)["person"]["staff_account"] == "ainur.librarian"


@pytest.mark.django_db
def test_the_command_prints_a_summary(history):
    out = io.StringIO()
    call_command("purge_personal_data", "--dry-run", verbosity=2, stdout=out)
    text = out.getvalue()
    assert "Retention: 365 days" in text
    assert "Registrations whose sensitive data would be cleared:" in text
    assert "People who would be anonymised:" in text
    assert f"registration {history['ainur_old'].pk} ({history['ainur_old'].code})" in text
    assert f"person {history['ainur'].pk}: anonymised as — №{history['ainur'].pk}" in text
    assert "Dry run: nothing was changed." in text
    assert "Айнұр" not in text  # records by number, never by name
    assert Person.objects.get(pk=history["ainur"].pk).full_name == "Айнұр Сейітова"

    out = io.StringIO()
    call_command("purge_personal_data", "--days", "5", stdout=out)
    text = out.getvalue()
    assert "Retention: 5 days" in text
    assert "Done. Audit entries written:" in text
    assert "registration " not in text  # the per-record lines need -v 2
    # With 5 days even the recent event is past the period.
    recent = Registration.objects.get(pk=history["daria_recent"].pk)
    assert recent.disability_group == ""

    out = io.StringIO()
    call_command("purge_personal_data", "--days", "5", stdout=out)
    assert "Nothing to purge." in out.getvalue()


# Erase -----------------------------------------------------------------------


@pytest.mark.django_db
def test_other_apps_act_on_an_erasure_through_a_hook_in_its_transaction(history):
    bolat = history["bolat"]
    seen = []

    def before_erase(*, person, by, pseudonym, now):
        registrations = person.registrations.all()
        seen.append((person.full_name, sorted(r.pk for r in registrations), pseudonym))
        return ErasureStep(
            note="Their library card was closed.",
            warning="Take the card back.",
            audit={"cards_closed": 1},
        )

    with hooks.register_temporarily(ERASE_HOOK, before_erase):
        report = person_erase(person=bolat, by=None)
    own = sorted([history["bolat_old"].pk, history["bolat_recent"].pk])
    # The hook still sees the name and the records (to find what is theirs)
    # and learns the pseudonym.
    assert seen == [("Болат Жақсылықов", own, f"— №{bolat.pk}")]
    assert report.notes[-1] == "Their library card was closed."
    assert report.warnings == ["Take the card back."]
    entry = ModelLogEntry.objects.get(action=ERASE_ACTION, object_id=str(bolat.pk))
    assert entry.data["cards_closed"] == 1
    assert entry.data["registrations_deleted"] == 2

    def failing(**kwargs):
        raise RuntimeError("the other app failed")

    ainur = history["ainur"]
    with hooks.register_temporarily(ERASE_HOOK, failing), pytest.raises(RuntimeError):
        person_erase(person=ainur, by=None)
    assert Person.objects.filter(pk=ainur.pk).exists()  # nothing erased
    assert not ModelLogEntry.objects.filter(action=ERASE_ACTION, object_id=str(ainur.pk)).exists()


# Staff screens ---------------------------------------------------------------


def _admin_user(username, *permissions):
    user = get_user_model().objects.create_user(username, password="x")
    perms = [
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    ]
    perms += [
        Permission.objects.get(content_type__app_label="registrations", codename=codename)
        for codename in permissions
    ]
    user.user_permissions.add(*perms)
    return user


@pytest.fixture
def officer_client(client):
    client.force_login(_admin_user("privacy-officer", "view_all_branches", "view_disability_group"))
    return client


@pytest.mark.django_db
def test_screens_need_login_and_permission(client, history):
    pk = history["ainur"].pk
    urls = [
        "/admin/personal-data/?q=Айнұр",
        f"/admin/personal-data/{pk}/",
        f"/admin/personal-data/{pk}/download/",
        f"/admin/personal-data/{pk}/erase/",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/")

    client.force_login(_admin_user("branch-librarian"))
    for url in urls:
        assert client.get(url).status_code == 403
    assert client.post(urls[-1], {"confirm_name": "Айнұр Сейітова"}).status_code == 403
    assert Person.objects.filter(pk=pk).exists()

    # Seeing every branch is not enough: the download holds disability groups.
    client.force_login(_admin_user("department-librarian", "view_all_branches"))
    assert client.get(urls[2]).status_code == 403

    superuser = get_user_model().objects.create_superuser("root-privacy", password="x")
    client.force_login(superuser)
    assert client.get(urls[0]).status_code == 200


@pytest.mark.django_db
def test_search_by_name_phone_and_email(officer_client, history, soup):
    ainur = history["ainur"]
    for query in ("айнұр", "8 700 000 99 01", "99 01", "READER1@example.org"):
        html = soup(officer_client.get("/admin/personal-data/", {"q": query}))
        links = [a["href"] for a in html.select("main table a")]
        assert f"/admin/personal-data/{ainur.pk}/" in links, query
    html = soup(officer_client.get("/admin/personal-data/", {"q": "Ешкім Жоқ"}))
    assert not html.select("main table")
    # Every input of the screen has a label.
    for field in html.select("main input:not([type=hidden])"):
        assert html.select_one(f"label[for={field['id']}]") is not None


@pytest.mark.django_db
def test_the_person_screen_and_the_menu(officer_client, history, soup):
    ainur = history["ainur"]
    html = soup(officer_client.get(f"/admin/personal-data/{ainur.pk}/"))
    assert "Айнұр Сейітова" in html.select_one("main").get_text()
    hrefs = [a["href"] for a in html.select("main a.button")]
    assert f"/admin/personal-data/{ainur.pk}/download/" in hrefs
    assert f"/admin/personal-data/{ainur.pk}/erase/" in hrefs
    assert html.select_one("main table th[scope=row]").get_text(strip=True) == (
        history["old"].title
    )
    # The sidebar (JSON props) lists the screen for those who may use it.
    assert "/admin/personal-data/" in officer_client.get("/admin/").content.decode()
    officer_client.force_login(_admin_user("plain-editor"))
    assert "/admin/personal-data/" not in officer_client.get("/admin/").content.decode()


@pytest.mark.django_db
def test_json_download(officer_client, history):
    ainur = history["ainur"]
    response = officer_client.get(f"/admin/personal-data/{ainur.pk}/download/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"] == f'attachment; filename="person-{ainur.pk}.json"'
    data = json.loads(response.content)
    assert data["person"]["full_name"] == "Айнұр Сейітова"
    assert data["registrations"][0]["needs"]["disability_group"] == "ii"
    entry = ModelLogEntry.objects.get(action=EXPORT_ACTION, object_id=str(ainur.pk))
    assert entry.user.username == "privacy-officer"


@pytest.mark.django_db
def test_erase_asks_for_the_name_first(officer_client, history, soup):
    ainur = history["ainur"]
    url = f"/admin/personal-data/{ainur.pk}/erase/"
    html = soup(officer_client.get(url))
    field = html.select_one("main form input[name=confirm_name]")
    assert html.select_one(f"label[for={field['id']}]") is not None
    assert html.select_one("main form input[name=csrfmiddlewaretoken]") is not None

    response = officer_client.post(url, {"confirm_name": "Айнұр"})
    assert response.status_code == 400
    assert Person.objects.filter(pk=ainur.pk).exists()

    response = officer_client.post(url, {"confirm_name": "  айнұр   сейітова "})
    assert response.status_code == 302
    assert response["Location"] == "/admin/personal-data/"
    assert not Person.objects.filter(pk=ainur.pk).exists()
    assert ModelLogEntry.objects.filter(action=ERASE_ACTION, object_id=str(ainur.pk)).exists()


@pytest.mark.django_db
def test_the_csrf_token_is_required(history):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(get_user_model().objects.create_superuser("csrf-check", password="x"))
    url = f"/admin/personal-data/{history['ainur'].pk}/erase/"
    assert client.post(url, {"confirm_name": "Айнұр Сейітова"}).status_code == 403
    assert Person.objects.filter(pk=history["ainur"].pk).exists()
