"""Enrolling colleagues: through the registration engine (capacity, waiting
list), a staff user's own Person found or made and linked, and a branch's
head choosing only among their own branch's staff."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Locale
from wagtail.users.models import UserProfile

from branches.models import Branch, BranchKind, StaffProfile
from people.models import Person
from registrations.enums import RegistrationStatus as Status
from registrations.models import Registration
from trainings.services import enrolment_add, person_for_user

User = get_user_model()


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def make_training(make_training):
    """Trainings that take registrations (opened yesterday)."""

    def make(**fields):
        fields.setdefault("registration_opens", timezone.now() - datetime.timedelta(days=1))
        return make_training(**fields)

    return make


def make_branch(name):
    return Branch.objects.create(locale=Locale.get_default(), name=name, kind=BranchKind.BRANCH)


def make_user(username, branch=None, first="", last="", perms=(), email=""):
    user = User.objects.create_user(
        username=username,
        password="staff-password-1",
        first_name=first,
        last_name=last,
        email=email or f"{username}@library.example.kz",
    )
    for perm in ("wagtailadmin.access_admin", *perms):
        app, codename = perm.split(".")
        user.user_permissions.add(
            Permission.objects.get(content_type__app_label=app, codename=codename)
        )
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    if branch is not None:
        StaffProfile.objects.create(user=user, branch=branch)
    return User.objects.get(pk=user.pk)


def enrol_url(training, **query):
    address = reverse("trainings_staff:enrol", args=[training.pk])
    return address + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


@pytest.mark.django_db
def test_a_staff_users_person_is_found_or_made_and_linked():
    branch = make_branch("Сайрам филиалы")
    user = make_user("saule", branch, "Сәуле", "Омарова", email="saule@library.example.kz")
    # She registered herself on the site before: the same name and e-mail.
    earlier = Person.objects.create(full_name="Сәуле Омарова", email="saule@library.example.kz")

    person = person_for_user(user)
    assert person.pk == earlier.pk
    assert person.staff_user == user
    assert person_for_user(user).pk == earlier.pk

    newcomer = make_user("dana", branch, "Дана", "Серік")
    made = person_for_user(newcomer)
    assert (made.full_name, made.branch, made.staff_user) == ("Дана Серік", branch, newcomer)


@pytest.mark.django_db
def test_enrolling_a_list_fills_the_places_then_the_waiting_list(make_training):
    branch = make_branch("Төле би филиалы")
    head = make_user("head", branch)
    training = make_training(capacity=2)
    users = [make_user(f"librarian{n}", branch, f"Аты{n}", "Кітапханашы") for n in range(3)]

    result = enrolment_add(training=training, people_or_users=users, by=head)
    assert [r.person.staff_user for r in result.enrolled] == users[:2]
    assert [r.person.staff_user for r in result.waitlisted] == users[2:]
    again = enrolment_add(training=training, people_or_users=users[:1], by=head)
    assert [r.person.staff_user for r in again.already] == users[:1]
    assert again.enrolled == []
    statuses = sorted(Registration.objects.for_event(training).values_list("status", flat=True))
    assert statuses == sorted([Status.CONFIRMED, Status.CONFIRMED, Status.WAITLISTED])
    assert all(r.entered_by == head for r in Registration.objects.for_event(training))


@pytest.mark.django_db
def test_a_branch_head_enrols_colleagues_from_the_screen(client, make_training, soup):
    mine, other = make_branch("Арыс филиалы"), make_branch("Кентау филиалы")
    head = make_user("head", mine, "Гүлнар", "Серікова", perms=["registrations.add_registration"])
    colleague = make_user("colleague", mine, "Айжан", "Қасымова")
    stranger = make_user("stranger", other, "Марат", "Ахметов")
    training = make_training(capacity=1)
    client.force_login(head)

    page = soup(client.get(enrol_url(training)))
    fieldset = page.select_one("fieldset")
    assert fieldset.legend.get_text(strip=True).startswith("Colleagues to enrol")
    names = [label.get_text(" ", strip=True) for label in fieldset.select("label")]
    assert "Айжан Қасымова" in names
    assert "Гүлнар Серікова" in names
    assert not any("Ахметов" in name for name in names)
    assert not page.select("select[name=branch]")

    # Another branch's list is refused; its staff cannot be chosen.
    assert client.get(enrol_url(training, branch=other.pk)).status_code == 403
    refused = client.post(enrol_url(training), {"colleagues": [str(stranger.pk)]})
    assert refused.status_code == 200
    assert "Choose colleagues from the list" in refused.content.decode()
    assert not Registration.objects.for_event(training).exists()

    response = client.post(enrol_url(training), {"colleagues": [str(colleague.pk)]})
    result = soup(response).select_one("#enrol-result")
    assert result["role"] == "status"
    assert "Enrolled Айжан Қасымова" in result.get_text(" ", strip=True)
    response = client.post(enrol_url(training), {"colleagues": [str(head.pk)]})
    page = soup(response)
    text = page.select_one("#enrol-result").get_text(" ", strip=True)
    assert "On the waiting list (no free place) Гүлнар Серікова" in text
    assert page.title.get_text(strip=True).startswith(
        "Enrolled: 0; on the waiting list: 1; already enrolled: 0; not enrolled: 0."
    )

    page = soup(client.get(enrol_url(training)))
    labels = [label.get_text(" ", strip=True) for label in page.select("fieldset label")]
    assert "Айжан Қасымова (already enrolled: Confirmed)" in labels
    response = client.post(enrol_url(training), {"colleagues": [str(colleague.pk)]})
    assert "Already enrolled before Айжан Қасымова" in soup(response).select_one(
        "#enrol-result"
    ).get_text(" ", strip=True)


@pytest.mark.django_db
def test_the_department_chooses_any_branch(client, make_training, soup):
    department = make_branch("Әдістемелік бөлім")
    far = make_branch("Түркістан филиалы")
    methodologist = make_user(
        "methodologist.test",
        department,
        perms=["registrations.add_registration", "registrations.view_all_branches"],
    )
    librarian = make_user("far", far, "Бақыт", "Нұров")
    training = make_training()
    client.force_login(methodologist)

    page = soup(client.get(enrol_url(training, branch=far.pk)))
    assert page.select_one("select[name=branch]")
    assert page.select_one(f'option[value="{far.pk}"]').has_attr("selected")
    client.post(enrol_url(training), {"branch": far.pk, "colleagues": [str(librarian.pk)]})
    registration = Registration.objects.for_event(training).get()
    assert registration.person.staff_user == librarian
    assert registration.person.branch == far


@pytest.mark.django_db
def test_without_the_permission_or_a_branch_the_screen_is_refused(client, make_training):
    training = make_training()
    no_branch = make_user("nobranch", perms=["registrations.add_registration"])
    no_permission = make_user("noperm", make_branch("Шардара филиалы"))
    for user in (no_branch, no_permission):
        client.force_login(user)
        assert client.get(enrol_url(training)).status_code == 403
