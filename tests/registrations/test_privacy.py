"""Personal data: the purge after the retention period (dry run, real run,
audit, the command), the export of everything held about a person, erasure on
request (future registrations cancelled so the waiting list moves up), and the
staff screens with their permissions."""

import datetime
import io
import json

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import ModelLogEntry

from people.models import Person
from people.services import person_find_or_create
from registrations.enums import RegistrationStatus as Status
from registrations.models import Registration
from registrations.privacy import (
    ERASE_ACTION,
    EXPORT_ACTION,
    PURGE_ACTION,
    person_erase,
    person_export,
    pseudonym,
    purge_personal_data,
)
from registrations.services import registration_create

CONSENT = "privacy-2026-11"
DAY = datetime.timedelta(days=1)
SENSITIVE = {
    "disability_group": "ii",
    "other_needs": "Көмекші жолда күтіп алсын.",
    "seating_needs": "Бірінші қатар",
    "guardian_name": "Гүлмира Оспанова",
    "answers": {"t-shirt-size": "M"},
}


@pytest.fixture(autouse=True)
def _retention(settings):
    settings.PERSONAL_DATA_RETENTION_DAYS = 365


@pytest.fixture
def event_at(make_event):
    """An event `days` from now (negative: in the past) that took registrations."""

    def make(days, capacity=None, **fields):
        start = (timezone.now() + days * DAY).replace(microsecond=0)
        return make_event(
            "en",
            start=start,
            capacity=capacity,
            registration_opens=start - 30 * DAY,
            registration_closes=start - DAY,
            **fields,
        )

    return make


def person(name, number, *, known_days=800, **fields):
    """A person first known `known_days` ago (the purge looks at that too)."""
    found = person_find_or_create(
        full_name=name,
        phone=f"+7 700 000 99 {number:02d}",
        email=f"reader{number}@example.org",
        date_of_birth=datetime.date(1980, 1, number),
        district="Сайрам ауданы",
        **fields,
    )
    Person.objects.filter(pk=found.pk).update(created_at=timezone.now() - known_days * DAY)
    found.refresh_from_db()
    return found


def register(event, who, **fields):
    """Register as the site does, at a moment when the event's window was open."""
    at = min(timezone.now(), event.registration_closes - DAY)
    registration, created = registration_create(
        event=event, person=who, consent_version=CONSENT, now=at, **fields
    )
    assert created
    return registration


def labels_of(*objects) -> list[str]:
    labels = []
    for obj in objects:
        labels += ModelLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(type(obj)), object_id=str(obj.pk)
        ).values_list("label", flat=True)
    return labels


@pytest.fixture
def history(event_at):
    """Old = an event that ended 400 days ago; recent = 10 days ago; next = in 20 days.
    Ainur came only to the old one; Bolat to the old and the recent one;
    Daria to the recent one only."""
    old, recent = event_at(-400), event_at(-10)
    ainur = person("Айнұр Сейітова", 1)
    bolat = person("Болат Жақсылықов", 2)
    daria = person("Дарья Ким", 3)
    return {
        "old": old,
        "recent": recent,
        "ainur": ainur,
        "bolat": bolat,
        "daria": daria,
        "ainur_old": register(old, ainur, escort_name="Сәуле Сейітова", **SENSITIVE),
        "bolat_old": register(old, bolat, guide_dog=True, **SENSITIVE),
        "bolat_recent": register(recent, bolat, **SENSITIVE),
        "daria_recent": register(recent, daria, **SENSITIVE),
    }


def snapshot():
    return (
        list(Registration.objects.order_by("pk").values()),
        list(Person.objects.order_by("pk").values()),
        ModelLogEntry.objects.count(),
    )


# Purge -----------------------------------------------------------------------


@pytest.mark.django_db
def test_dry_run_reports_and_changes_nothing(history):
    before = snapshot()
    report = purge_personal_data(dry_run=True)
    assert snapshot() == before
    assert report.dry_run and report.audit_entries == 0

    cleared = {change.pk: change for change in report.registrations}
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
    assert people[history["bolat"].pk].registrations_cleared == 1
    assert history["daria"].pk not in people
    assert report.registrations_cleared >= 2 and report.people_anonymised >= 1


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


# Export ----------------------------------------------------------------------


@pytest.mark.django_db
def test_export_holds_everything(history, event_at):
    bolat = history["bolat"]
    upcoming = register(
        event_at(20), bolat, escort_name="Арман Жақсылықов", material_format="braille"
    )
    data = person_export(bolat)
    assert json.loads(json.dumps(data)) == data  # plain JSON
    assert data["person"]["full_name"] == "Болат Жақсылықов"
    assert data["person"]["phone"] == "+77000009902"
    assert data["person"]["date_of_birth"] == "1980-01-02"
    by_code = {item["code"]: item for item in data["registrations"]}
    assert set(by_code) == {
        r.display_code for r in (history["bolat_old"], history["bolat_recent"], upcoming)
    }
    old = by_code[history["bolat_old"].display_code]
    assert old["needs"]["disability_group"] == "ii"
    assert old["needs"]["guide_dog"] is True
    assert old["answers"] == {"t-shirt-size": "M"}
    assert old["consent"]["privacy_notice_version"] == CONSENT
    assert old["consent"]["given_at"]
    assert old["consent"]["guardian_name"] == "Гүлмира Оспанова"
    assert old["event"]["title"] == history["old"].title
    assert [entry["action"] for entry in old["audit"]] == ["events.registration.create"]
    assert by_code[upcoming.display_code]["needs"]["escort_name"] == "Арман Жақсылықов"


# Erase -----------------------------------------------------------------------


@pytest.mark.django_db
def test_erase_cancels_future_registrations_and_leaves_an_audit_trail(history, event_at):
    staff = get_user_model().objects.create_user("erase-officer", password="x")
    bolat = history["bolat"]
    full = event_at(20, capacity=1)
    bolat_future = register(full, bolat)
    waiting = register(full, person("Сәуле Нұрланова", 5))
    assert (bolat_future.status, waiting.status) == (Status.CONFIRMED, Status.WAITLISTED)
    own = [history["bolat_old"], history["bolat_recent"], bolat_future]

    report = person_erase(person=bolat, by=staff)

    assert not Person.objects.filter(pk=bolat.pk).exists()
    assert not Registration.objects.filter(pk__in=[r.pk for r in own]).exists()
    waiting.refresh_from_db()
    assert waiting.status == Status.CONFIRMED  # moved up into the freed place
    assert [r.pk for r in report.promoted] == [waiting.pk]
    assert report.cancelled == [bolat_future.code]
    assert report.registrations_deleted == 3

    entry = ModelLogEntry.objects.get(action=ERASE_ACTION, object_id=str(bolat.pk))
    assert entry.user == staff
    assert entry.label == f"— №{bolat.pk}"
    assert entry.data["registrations_deleted"] == 3
    assert entry.data["future_cancelled"] == 1
    assert entry.data["promoted_from_waitlist"] == 1
    cancel = ModelLogEntry.objects.get(
        action="events.registration.cancel", object_id=str(bolat_future.pk)
    )
    assert cancel.user == staff
    # The history stays, without the name.
    assert not ModelLogEntry.objects.filter(label__contains="Болат").exists()
    # Others are untouched.
    assert Person.objects.filter(pk=history["ainur"].pk).exists()


@pytest.mark.django_db
def test_other_apps_act_on_an_erasure_through_a_hook_in_its_transaction(history):
    from wagtail import hooks

    from registrations.privacy import ERASE_HOOK

    bolat = history["bolat"]
    seen = []

    def before_erase(*, person, registrations, by, pseudonym):
        seen.append((person.full_name, sorted(r.pk for r in registrations), pseudonym))
        return "Their library card was closed."

    with hooks.register_temporarily(ERASE_HOOK, before_erase):
        report = person_erase(person=bolat, by=None)
    own = sorted([history["bolat_old"].pk, history["bolat_recent"].pk])
    # The hook still sees the name (to find what is theirs) and learns the pseudonym.
    assert seen == [("Болат Жақсылықов", own, f"— №{bolat.pk}")]
    assert report.notes == ["Their library card was closed."]

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
