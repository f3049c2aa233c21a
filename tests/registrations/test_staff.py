"""Staff screens for registrations in the Wagtail admin: who may see what
(branches, the disability group), the actions with their audit entries, the
needs summary, registering someone by phone, and the exports."""

import csv
import datetime
import io

import openpyxl
import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale, ModelLogEntry
from wagtail.users.models import UserProfile

from branches.models import Branch, BranchKind, StaffProfile
from events.models import EventQuestion
from people.services import person_find_or_create
from registrations.enums import RegistrationStatus as Status
from registrations.models import Registration
from registrations.services import registration_attend, registration_create

CONSENT = "privacy-2026-11"
NS = "event_registrations"
VIEW = ("view_registration",)
WORK = ("view_registration", "change_registration", "add_registration")


# ---------------------------------------------------------------------------
# Helpers, shared with test_checkin
# ---------------------------------------------------------------------------


def url(name, *args):
    return reverse(f"{NS}:{name}", args=args)


def make_branch(name):
    return Branch.objects.create(locale=Locale.get_default(), name=name, kind=BranchKind.BRANCH)


def make_staff(username, branch=None, perms=WORK):
    """An admin user with the events permissions named, working in English."""
    user = get_user_model().objects.create_user(username=username, password="staff-password-1")
    codenames = [*perms]
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        *Permission.objects.filter(content_type__app_label="registrations", codename__in=codenames),
    )
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    if branch is not None:
        StaffProfile.objects.create(user=user, branch=branch)
    return get_user_model().objects.get(pk=user.pk)


def register(event, name, branch=None, phone="", **fields):
    person = person_find_or_create(
        full_name=name, phone=phone or f"+7700{abs(hash(name)) % 10_000_000:07d}"
    )
    if branch is not None:
        person.branch = branch
        person.save()
    registration, _created = registration_create(
        event=event, person=person, consent_version=CONSENT, **fields
    )
    return registration


def actions(registration):
    return list(
        ModelLogEntry.objects.for_instance(registration)
        .order_by("timestamp", "pk")
        .values_list("action", flat=True)
    )


def text_of(response):
    return response.content.decode()


ACTIONS = ("confirm", "reject", "cancel", "resend")


def assert_not_found(response, label=""):
    """Not shown: sent back to the list of registrations the user may see."""
    assert response.status_code == 302, label
    assert response["Location"] == url("index"), label


@pytest.fixture
def open_event(make_event):
    def make(capacity=None, requires_approval=False, **fields):
        now = timezone.now()
        return make_event(
            "en",
            capacity=capacity,
            requires_approval=requires_approval,
            registration_opens=now - datetime.timedelta(days=1),
            registration_closes=now + datetime.timedelta(days=5),
            start=fields.pop("start", now + datetime.timedelta(days=6)),
            **fields,
        )

    return make


@pytest.fixture
def branches(db):
    return make_branch("Branch A"), make_branch("Branch B")


@pytest.fixture
def login(client):
    def log_in(user):
        client.force_login(user)
        return client

    return log_in


# ---------------------------------------------------------------------------
# Who may see what
# ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_anonymous_users_are_sent_to_the_login(client, open_event):
    event = open_event()
    registration = register(event, "Айгерім Сапарова")
    for address in (
        url("index"),
        url("event", event.pk),
        url("detail", registration.pk),
        url("export_csv", event.pk),
        url("export_xlsx", event.pk),
        url("add") + f"?event={event.pk}",
        url("checkin", event.pk),
        url("print", registration.pk),
    ):
        response = client.get(address)
        assert response.status_code == 302, address
        assert response["Location"].startswith(reverse("wagtailadmin_login")), address
    response = client.post(url("confirm", registration.pk))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))


@pytest.mark.django_db
def test_admin_users_without_the_permission_are_turned_away(login, open_event, branches):
    event = open_event()
    registration = register(event, "Айгерім Сапарова", branch=branches[0])
    client = login(make_staff("editor", branches[0], perms=()))
    for address in (url("index"), url("detail", registration.pk), url("export_csv", event.pk)):
        response = client.get(address)
        assert response.status_code == 302, address
        assert response["Location"] == reverse("wagtailadmin_home"), address
    # Seeing is not changing.
    viewer = login(make_staff("viewer", branches[0], perms=VIEW))
    response = viewer.post(url("cancel", registration.pk))
    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.status == Status.CONFIRMED


@pytest.mark.django_db
def test_a_librarian_sees_only_their_own_branch(login, open_event, branches, soup):
    branch_a, branch_b = branches
    event = open_event()
    ours = register(event, "Айгерім Сапарова", branch=branch_a)
    theirs = register(event, "Ерлан Омаров", branch=branch_b)
    client = login(make_staff("librarian-a", branch_a))

    for address in (url("index"), url("event", event.pk), url("index_results")):
        page = text_of(client.get(address))
        assert "Айгерім Сапарова" in page, address
        assert "Ерлан Омаров" not in page, address
        assert theirs.display_code not in page, address

    assert client.get(url("detail", ours.pk)).status_code == 200
    # Another branch's registration is "not found": back to the list, said in words.
    for address in [url(name, theirs.pk) for name in ("detail", "print", "created", *ACTIONS)]:
        assert_not_found(client.get(address), address)
    for action in ACTIONS:
        assert_not_found(client.post(url(action, theirs.pk), {"reason": "No."}), action)
    page = text_of(client.get(url("detail", theirs.pk), follow=True))
    assert "There is no such registration among those you can see." in page
    assert "Ерлан Омаров" not in page
    theirs.refresh_from_db()
    assert theirs.status == Status.CONFIRMED

    exported = b"".join(client.get(url("export_csv", event.pk)).streaming_content).decode()
    assert "Айгерім Сапарова" in exported
    assert "Ерлан Омаров" not in exported
    workbook = openpyxl.load_workbook(io.BytesIO(client.get(url("export_xlsx", event.pk)).content))
    names = [row[6] for row in workbook.active.iter_rows(min_row=2, values_only=True)]
    assert names == ["Айгерім Сапарова"]


@pytest.mark.django_db
def test_the_organising_branch_sees_everyone_registered_for_its_events(login, open_event, branches):
    ours, other = branches
    organised = open_event(organiser=ours)
    elsewhere = open_event()
    register(organised, "Анна Ким")  # registered herself, named no library
    register(organised, "Ерлан Омаров", branch=other)
    register(elsewhere, "Ольга Ким")
    page = text_of(login(make_staff("librarian", ours)).get(url("index")))
    assert "Анна Ким" in page and "Ерлан Омаров" in page
    assert "Ольга Ким" not in page


@pytest.mark.django_db
def test_branches_match_across_languages(login, open_event):
    """The librarian's branch is the Kazakh copy; the person chose the Russian one."""
    branch = make_branch("Филиал")
    russian = branch.copy_for_translation(Locale.objects.get(language_code="ru"))
    russian.save()
    event = open_event()
    register(event, "Ольга Ким", branch=russian)
    page = text_of(login(make_staff("librarian", branch)).get(url("index")))
    assert "Ольга Ким" in page


@pytest.mark.django_db
def test_no_branch_means_no_registrations_and_all_branches_means_all(login, open_event, branches):
    event = open_event()
    register(event, "Айгерім Сапарова", branch=branches[0])
    register(event, "Ерлан Омаров", branch=branches[1])
    register(event, "Анна Ким")  # no branch given

    page = text_of(login(make_staff("nobody")).get(url("index")))
    assert "Айгерім Сапарова" not in page
    assert "no branch" in page

    department = make_staff("department", perms=(*WORK, "view_all_branches"))
    page = text_of(login(department).get(url("event", event.pk)))
    for name in ("Айгерім Сапарова", "Ерлан Омаров", "Анна Ким"):
        assert name in page


@pytest.mark.django_db
def test_the_disability_group_only_with_its_permission(login, open_event, branches):
    branch = branches[0]
    event = open_event()
    registration = register(event, "Айгерім Сапарова", branch=branch, disability_group="i")

    client = login(make_staff("librarian", branch))
    for address in (url("index"), url("event", event.pk), url("detail", registration.pk)):
        page = text_of(client.get(address))
        assert "Айгерім Сапарова" in page
        assert "Disability group" not in page, address
        assert "Group I" not in page, address
    form = text_of(client.get(url("add") + f"?event={event.pk}"))
    assert 'name="disability_group"' not in form

    exported = b"".join(client.get(url("export_csv", event.pk)).streaming_content).decode()
    header, row = list(csv.reader(io.StringIO(exported.lstrip("\ufeff"))))
    assert "Disability group" not in header
    assert "Group I" not in row
    sheet = openpyxl.load_workbook(
        io.BytesIO(client.get(url("export_xlsx", event.pk)).content)
    ).active
    cells = [cell for row in sheet.iter_rows(values_only=True) for cell in row]
    assert "Disability group" not in cells
    assert "Group I" not in cells

    trusted = login(make_staff("trusted", branch, perms=(*WORK, "view_disability_group")))
    assert "Group I" in text_of(trusted.get(url("index")))
    assert "Group I" in text_of(trusted.get(url("detail", registration.pk)))
    exported = b"".join(trusted.get(url("export_csv", event.pk)).streaming_content).decode()
    header, row = list(csv.reader(io.StringIO(exported.lstrip("\ufeff"))))
    assert row[header.index("Disability group")] == "Group I"
    sheet = openpyxl.load_workbook(
        io.BytesIO(trusted.get(url("export_xlsx", event.pk)).content)
    ).active
    header, row = list(sheet.iter_rows(values_only=True))
    assert row[header.index("Disability group")] == "Group I"


# ---------------------------------------------------------------------------
# Actions
# ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_confirm_reject_and_cancel_through_the_screens(login, open_event, branches):
    branch = branches[0]
    event = open_event(capacity=2, requires_approval=True)
    first = register(event, "Айгерім Сапарова", branch=branch)
    second = register(event, "Ерлан Омаров", branch=branch)
    assert first.status == second.status == Status.PENDING
    user = make_staff("librarian", branch)
    client = login(user)

    # GET asks; nothing changes.
    page = text_of(client.get(url("confirm", first.pk)))
    assert "Confirm the registration of Айгерім Сапарова" in page
    first.refresh_from_db()
    assert first.status == Status.PENDING

    response = client.post(url("confirm", first.pk), follow=True)
    assert "Confirmed: Айгерім Сапарова has a place." in text_of(response)
    first.refresh_from_db()
    assert first.status == Status.CONFIRMED

    # Reject needs a reason.
    response = client.post(url("reject", second.pk), {"reason": "  "})
    assert response.status_code == 200
    assert "Write the reason" in text_of(response)
    second.refresh_from_db()
    assert second.status == Status.PENDING
    response = client.post(
        url("reject", second.pk), {"reason": "For librarians only."}, follow=True
    )
    assert "Rejected: the registration of Ерлан Омаров." in text_of(response)
    second.refresh_from_db()
    assert (second.status, second.decision_reason) == (Status.REJECTED, "For librarians only.")

    # A wrong transition: the engine's message, nothing changes.
    response = client.post(url("confirm", second.pk), follow=True)
    assert "Not done:" in text_of(response)
    assert "that cannot be done now" in text_of(response)
    second.refresh_from_db()
    assert second.status == Status.REJECTED

    response = client.post(url("cancel", first.pk), follow=True)
    assert "Cancelled: the registration of Айгерім Сапарова." in text_of(response)
    first.refresh_from_db()
    assert first.status == Status.CANCELLED

    assert actions(first) == [
        "events.registration.create",
        "events.registration.confirm",
        "events.registration.cancel",
    ]
    assert actions(second) == ["events.registration.create", "events.registration.reject"]
    entries = ModelLogEntry.objects.filter(
        object_id__in=[str(first.pk), str(second.pk)], action__endswith="confirm"
    ) | ModelLogEntry.objects.filter(object_id=str(second.pk), action__endswith="reject")
    assert {entry.user_id for entry in entries} == {user.pk}
    reject = ModelLogEntry.objects.get(object_id=str(second.pk), action__endswith="reject")
    assert reject.data["reason"] == "For librarians only."
    # The history on the registration's page says it in words.
    page = text_of(client.get(url("detail", second.pk)))
    assert "Registration: rejected" in page
    assert "For librarians only." in page


@pytest.mark.django_db
def test_cancelling_says_who_moved_up_from_the_waiting_list(login, open_event, branches):
    branch = branches[0]
    event = open_event(capacity=1)
    first = register(event, "Айгерім Сапарова", branch=branch)
    waiting = register(event, "Ерлан Омаров", branch=branch)
    assert waiting.status == Status.WAITLISTED
    client = login(make_staff("librarian", branch))
    assert "On the waiting list, number 1" in text_of(client.get(url("event", event.pk)))
    next_url = url("event", event.pk)
    response = client.post(url("cancel", first.pk), {"next": next_url})
    assert response["Location"] == next_url
    page = text_of(client.get(next_url))
    assert "Moved from the waiting list to a place: Ерлан Омаров." in page
    waiting.refresh_from_db()
    assert waiting.status == Status.CONFIRMED


@pytest.mark.django_db
def test_actions_need_the_csrf_token(open_event, branches):
    from django.test import Client

    branch = branches[0]
    event = open_event(requires_approval=True)
    registration = register(event, "Айгерім Сапарова", branch=branch)
    client = Client(enforce_csrf_checks=True)
    client.force_login(make_staff("librarian", branch))
    assert client.post(url("confirm", registration.pk)).status_code == 403
    registration.refresh_from_db()
    assert registration.status == Status.PENDING


@pytest.mark.django_db
def test_resend_confirmation(login, open_event, branches, monkeypatch):
    from registrations import notifications

    calls = []

    def resend(registration, by):
        calls.append((registration.pk, by.username))
        return True

    monkeypatch.setattr(notifications, "resend_confirmation", resend)
    branch = branches[0]
    event = open_event()
    registration = register(event, "Ольга Ким", branch=branch)
    registration.person.email = "olga@example.org"
    registration.person.save()
    client = login(make_staff("librarian", branch))
    assert "Resend confirmation" in text_of(client.get(url("detail", registration.pk)))
    response = client.post(url("resend", registration.pk), follow=True)
    assert "The confirmation was sent again to Ольга Ким" in text_of(response)
    assert calls == [(registration.pk, "librarian")]


@pytest.mark.django_db
def test_approval_and_rejection_are_told_by_email(
    login, open_event, branches, mailoutbox, django_capture_on_commit_callbacks
):
    branch = branches[0]
    event = open_event(requires_approval=True)
    accepted = register(event, "Ольга Ким", branch=branch)
    refused = register(event, "Ерлан Омаров", branch=branch)
    for registration, address in ((accepted, "olga@example.org"), (refused, "erlan@example.org")):
        registration.person.email = address
        registration.person.preferred_language = "en"
        registration.person.save()
    client = login(make_staff("librarian", branch))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url("confirm", accepted.pk))
        client.post(url("reject", refused.pk), {"reason": "Мест для сопровождающих нет"})
    assert [m.to for m in mailoutbox] == [["olga@example.org"], ["erlan@example.org"]]
    yes, no = mailoutbox
    assert yes.subject.startswith(f"Your registration for {event.title} is accepted")
    assert "The library staff have looked at your registration and accepted it." in yes.body
    assert accepted.display_code in yes.body
    files = {part.get_filename() for part in yes.message().walk()} - {None}
    assert files == {f"qr-{accepted.display_code}.png", "event.ics"}
    assert no.subject == f"Your registration for {event.title} is not accepted"
    assert "The reason: Мест для сопровождающих нет" in no.body
    assert refused.display_code in no.body
    assert no.attachments == []
    html = no.alternatives[0][0]
    assert "Мест для сопровождающих нет" in html and '<html lang="en">' in html


# ---------------------------------------------------------------------------
# The needs summary
# ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_needs_summary_counts_those_coming_and_the_waiting_list(login, open_event, branches, soup):
    branch = branches[0]
    event = open_event(capacity=6)
    # Coming: 3 braille, 1 large print, 2 escorts, 1 guide dog (one checked in).
    register(event, "Reader One", branch=branch, material_format="braille", guide_dog=True)
    register(
        event, "Reader Two", branch=branch, material_format="braille", escort_name="Escort Two"
    )
    attended = register(event, "Reader Three", branch=branch, material_format="braille")
    registration_attend(registration=attended, by=None)
    register(event, "Reader Four", branch=branch, material_format="large-print", escort_name="E")
    # Full (6 places taken): the next two wait.
    register(event, "Reader Five", branch=branch, material_format="braille", guide_dog=True)
    register(event, "Reader Six", branch=branch, escort_name="Escort Six")
    cancelled = register(event, "Reader Seven", branch=branch, material_format="audio")
    assert cancelled.status == Status.WAITLISTED
    from registrations.services import registration_cancel

    registration_cancel(registration=cancelled, by=None)

    client = login(make_staff("librarian", branch))
    page = soup(client.get(url("event", event.pk)))
    table = page.select_one("table.staff-needs")
    assert "waiting list" in table.caption.get_text()
    rows = {
        row.th.get_text(strip=True): [td.get_text(strip=True) for td in row.find_all("td")]
        for row in table.tbody.find_all("tr")
    }
    assert rows["People"] == ["4", "2"]
    assert rows["Places, escorts included"] == ["6", "3"]
    assert rows["Materials in braille"] == ["3", "1"]
    assert rows["Materials in large print"] == ["1", "0"]
    assert rows["Materials in audio"] == ["0", "0"]
    assert rows["Escorts"] == ["2", "1"]
    assert rows["Guide dogs"] == ["1", "1"]
    sentence = page.select_one(".staff-needs-sentence").get_text(" ", strip=True)
    assert "3 braille programmes" in sentence
    assert "1 in large print" in sentence
    assert "2 escorts" in sentence
    assert "1 guide dog" in sentence


# ---------------------------------------------------------------------------
# Registering someone by phone
# ---------------------------------------------------------------------------


def assisted_data(event, **overrides):
    data = {
        "event": event.pk,
        "full_name": "  Гүлнар   Сапарова ",
        "phone": "8 701 234 56 78",
        "email": "",
        "date_of_birth": "23.04.1965",
        "preferred_language": "kk",
        "branch": "",
        "district": "Сайрам",
        "material_format": "braille",
        "escort_name": "Асқар Сапаров",
        "guide_dog": "on",
        "seating_needs": "",
        "other_needs": "",
        "guardian_name": "",
        "consent": "on",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


@pytest.mark.django_db
def test_registering_someone_by_phone(login, open_event, branches, soup):
    branch = branches[0]
    event = open_event(capacity=10)
    EventQuestion.objects.create(
        page=event, key="school", label="School", kind="short-text", sort_order=0
    )
    user = make_staff("librarian", branch)
    client = login(user)

    page = soup(client.get(url("add") + f"?event={event.pk}"))
    field = page.select_one("#id_full_name")
    assert field.has_attr("autofocus")
    assert not page.title.get_text().startswith("Error:")
    for control in page.select(
        "form.staff-form input:not([type=hidden]), form.staff-form textarea"
    ):
        labelled = page.select_one(f'label[for="{control["id"]}"]') or control.find_parent(
            "fieldset"
        )
        assert labelled is not None, control
    assert page.select_one("#id_branch option[selected]")["value"] == str(branch.pk)

    response = client.post(
        url("add"), assisted_data(event, branch=str(branch.pk), question_school="Школа №5")
    )
    registration = Registration.objects.get(event=event, person__full_name="Гүлнар Сапарова")
    assert response.status_code == 302
    assert response["Location"] == url("created", registration.pk)
    assert registration.entered_by == user
    assert registration.status == Status.CONFIRMED
    assert registration.places == 2
    assert registration.guide_dog
    assert registration.material_format == "braille"
    assert registration.consent_version
    assert registration.answers == {"school": "Школа №5"}
    person = registration.person
    assert (person.phone, person.branch, person.date_of_birth) == (
        "+77012345678",
        branch,
        datetime.date(1965, 4, 23),
    )
    assert actions(registration) == ["events.registration.create"]
    entry = ModelLogEntry.objects.for_instance(registration).get()
    assert entry.user_id == user.pk
    assert entry.data["assisted"] is True

    result = soup(client.get(response["Location"]))
    assert registration.display_code in result.select_one(".staff-code").get_text()
    spelled = [li.get_text(" ", strip=True) for li in result.select(".staff-spelled li")]
    assert len(spelled) == 9
    assert "dash" in spelled[4]
    first = registration.code[0]
    assert ("digit " if first.isdigit() else "Latin letter ") + first in spelled[0]
    assert "Confirmed: there is a place" in result.get_text()
    assert result.title.get_text().startswith(
        f"Registered: Гүлнар Сапарова, code {registration.display_code}"
    )
    print_link = result.find("a", string="Print in large print")
    large = client.get(print_link["href"])
    assert large.status_code == 200
    large_page = soup(large)
    assert large_page.select_one(".lp-code").get_text() == registration.display_code
    assert large_page.html["lang"] == "kk"
    assert not large_page.select("[style]") and not large_page.select("style")
    assert large_page.select_one('link[rel="stylesheet"]')["href"].endswith("events/print.css")

    # The same person again: their registration back, not a second one.
    response = client.post(url("add"), assisted_data(event, branch=str(branch.pk)))
    assert response["Location"] == url("created", registration.pk) + "?existing=1"
    assert Registration.objects.filter(event=event).count() == 1
    assert "was already registered" in text_of(client.get(response["Location"]))


@pytest.mark.django_db
def test_the_phone_form_says_what_is_missing(login, open_event, branches, soup):
    event = open_event()
    client = login(make_staff("librarian", branches[0], perms=(*WORK, "view_disability_group")))
    response = client.post(
        url("add"),
        assisted_data(
            event, consent=None, phone="", date_of_birth="1.1.2015", disability_group="ii"
        ),
    )
    assert response.status_code == 200
    page = soup(response)
    summary = page.select_one(".staff-error-summary")
    assert summary["role"] == "alert"
    text = summary.get_text(" ", strip=True)
    assert "privacy notice" in text
    assert "phone number or an e-mail" in text
    assert "under 18" in text
    assert page.select_one("#id_phone")["aria-invalid"] == "true"
    assert "id_phone_error" in page.select_one("#id_phone")["aria-describedby"]
    assert page.select_one("#id_phone_error")
    assert not Registration.objects.filter(event=event).exists()
    # As on the public forms: the title says "Error:" and the summary, not
    # the first field, takes the focus as the page opens.
    assert page.title.get_text().startswith("Error: ")
    assert summary["tabindex"] == "-1" and summary.has_attr("autofocus")
    assert not page.select_one("#id_full_name").has_attr("autofocus")


@pytest.mark.django_db
def test_the_phone_form_shows_the_engine_refusal(login, make_event, branches):
    closed = make_event("en")  # takes no registrations
    client = login(make_staff("librarian", branches[0]))
    response = client.post(url("add"), assisted_data(closed))
    assert response.status_code == 200
    assert "does not take registrations" in text_of(response)
    assert not Registration.objects.filter(event=closed).exists()


@pytest.mark.django_db
def test_the_phone_form_offers_open_events_first(login, open_event, make_event, branches, soup):
    event = open_event(title="Open event")
    make_event("en", title="Closed event")
    page = soup(login(make_staff("librarian", branches[0])).get(url("add")))
    options = [option.get_text() for option in page.select("#id_event option")]
    assert any(text.startswith("Open event") for text in options)
    assert not any(text.startswith("Closed event") for text in options)
    assert page.select_one("label[for=id_event]")
    assert str(event.pk) in [option["value"] for option in page.select("#id_event option")]


@pytest.mark.django_db
def test_only_users_who_may_add_register_by_phone(login, open_event, branches):
    event = open_event()
    client = login(make_staff("viewer", branches[0], perms=VIEW))
    response = client.post(url("add"), assisted_data(event))
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    assert not Registration.objects.filter(event=event).exists()


# ---------------------------------------------------------------------------
# Exports
# ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_exports_have_every_field_and_the_answers(login, open_event, branches):
    branch = branches[0]
    event = open_event()
    for order, (key, kind) in enumerate(
        [("t-shirt", "single-choice"), ("topics", "multiple-choice"), ("first-time", "yes-no")]
    ):
        EventQuestion.objects.create(page=event, key=key, label=key, kind=kind, sort_order=order)
    register(
        event,
        "Айгерім Сапарова",
        branch=branch,
        answers={"t-shirt": "M", "topics": ["Abai", "Auezov"], "first-time": True},
        escort_name='=HYPERLINK("http://example.org")',
    )
    register(event, "Ерлан Омаров", branch=branch)
    client = login(make_staff("librarian", branch))

    response = client.get(url("export_csv", event.pk))
    assert response.streaming
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    text = b"".join(response.streaming_content).decode()
    assert text.startswith("\ufeff")
    header, first, second = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert header[-3:] == ["t-shirt", "topics", "first-time"]
    for heading in (
        "Code",
        "Status",
        "Full name",
        "Phone",
        "Escort's name",
        "Guide dog",
        "Format of materials",
        "Privacy notice version",
        "Entered by",
        "Registered",
    ):
        assert heading in header
    assert first[-3:] == ["M", "Abai; Auezov", "yes"]
    assert second[-3:] == ["", "", ""]
    # A name a spreadsheet would run as a formula stays text.
    assert first[header.index("Escort's name")].startswith("'=")
    assert first[header.index("Phone")].startswith("+7")

    response = client.get(url("export_xlsx", event.pk))
    assert response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0][-3:]) == ["t-shirt", "topics", "first-time"]
    assert list(rows[1][-3:]) == ["M", "Abai; Auezov", "yes"]
    escort = sheet.cell(row=2, column=list(rows[0]).index("Escort's name") + 1)
    assert escort.data_type == "s"
    assert isinstance(rows[1][list(rows[0]).index("Registered")], datetime.datetime)


@pytest.mark.django_db
def test_filters_and_search(login, open_event, branches):
    branch_a, branch_b = branches
    event, other = open_event(capacity=3), open_event()
    librarian = make_staff("librarian", branch_a)
    register(event, "Braille Reader", branch=branch_a, material_format="braille")
    register(event, "Escorted Reader", branch=branch_b, escort_name="Escort")
    register(event, "Waiting Reader", branch=branch_a, entered_by=librarian, guide_dog=True)
    register(other, "Other Event Reader", branch=branch_b)
    client = login(make_staff("department", perms=(*WORK, "view_all_branches")))

    def names(**query):
        page = text_of(client.get(url("index_results"), query))
        return {
            name
            for name in (
                "Braille Reader",
                "Escorted Reader",
                "Waiting Reader",
                "Other Event Reader",
            )
            if name in page
        }

    everyone = {"Braille Reader", "Escorted Reader", "Waiting Reader", "Other Event Reader"}
    assert names() == everyone
    assert names(event=other.pk) == {"Other Event Reader"}
    assert names(status="waitlisted") == {"Waiting Reader"}
    assert names(branch=branch_b.pk) == {"Escorted Reader", "Other Event Reader"}
    assert names(escort="true") == {"Escorted Reader"}
    assert names(escort="false") == everyone - {"Escorted Reader"}
    assert names(guide_dog="true") == {"Waiting Reader"}
    assert names(material_format="braille") == {"Braille Reader"}
    assert names(entered="staff") == {"Waiting Reader"}
    assert names(entered="self") == everyone - {"Waiting Reader"}
    assert names(q="braille reader") == {"Braille Reader"}
    waiting = Registration.objects.get(person__full_name="Waiting Reader")
    assert names(q=waiting.display_code.lower()) == {"Waiting Reader"}
    waiting.person.phone = "+77012345678"
    waiting.person.save()
    assert names(q="8 (701) 234-56-78") == {"Waiting Reader"}
    # Staff entries say who; the waiting list says the place in the queue.
    page = text_of(client.get(url("event", event.pk)))
    assert "Staff: librarian" in page
    assert "On the waiting list, number 1" in page
    assert "The person themself" in page


@pytest.mark.django_db
def test_the_menu_and_the_event_editor_lead_to_the_screens(login, open_event, branches):
    event = open_event()
    client = login(make_staff("librarian", branches[0]))
    home = text_of(client.get(reverse("wagtailadmin_home")))
    for address in (url("index"), url("add"), url("checkin_choose")):
        assert address in home
    viewer = login(make_staff("viewer", branches[0], perms=VIEW))
    home = text_of(viewer.get(reverse("wagtailadmin_home")))
    assert url("index") in home
    assert url("add") not in home
    assert url("checkin_choose") not in home
    nobody = login(make_staff("editor", branches[0], perms=()))
    assert url("index") not in text_of(nobody.get(reverse("wagtailadmin_home")))

    admin = get_user_model().objects.create_superuser("root", password="root-password-1")
    editor = text_of(login(admin).get(reverse("wagtailadmin_pages:edit", args=[event.pk])))
    assert url("event", event.pk) in editor


@pytest.mark.django_db
def test_people_are_told_through_the_notifications(login, open_event, branches, monkeypatch):
    from registrations import notifications

    told = []
    monkeypatch.setattr(
        notifications, "registration_created", lambda r: told.append(("created", r.pk))
    )
    monkeypatch.setattr(
        notifications,
        "registration_cancelled",
        lambda r, promoted: told.append(("cancelled", r.pk, [p.pk for p in promoted])),
    )
    branch = branches[0]
    event = open_event(capacity=1)
    client = login(make_staff("librarian", branch))
    client.post(url("add"), assisted_data(event, branch=str(branch.pk), escort_name=""))
    first = Registration.objects.get(event=event)
    waiting = register(event, "Ерлан Омаров", branch=branch)
    assert (first.status, waiting.status) == (Status.CONFIRMED, Status.WAITLISTED)
    client.post(url("cancel", first.pk))
    # The engine tells, whoever registers: the phone form, and the public form
    # (`register`) for the person who waits.
    assert told == [
        ("created", first.pk),
        ("created", waiting.pk),
        ("cancelled", first.pk, [waiting.pk]),
    ]


@pytest.mark.django_db
def test_actions_in_the_list_come_back_to_the_list_as_it_was(login, open_event, branches, soup):
    branch = branches[0]
    event = open_event(requires_approval=True)
    registration = register(event, "Айгерім Сапарова", branch=branch)
    client = login(make_staff("librarian", branch))
    page = soup(client.get(url("index_results"), {"status": "pending", "_w_filter_fragment": 1}))
    link = page.find(
        "a", href=lambda href: href and href.startswith(url("confirm", registration.pk))
    )
    assert link.get_text(" ", strip=True) == "Confirm : Айгерім Сапарова"
    back = link["href"].split("next=", 1)[1]
    assert back == "%2Fadmin%2Fregistrations%2F%3Fstatus%3Dpending"
