"""The training staff's screens in Chromium with axe-core:

- a methodologist enrols a branch's colleagues and ticks a session's
  attendance with the keyboard alone (Tab, Space and Enter only): the
  checkbox list, the result announced, "Mark everyone present";
- the enrol, attendance, completion, hours and "My trainings" screens have
  no axe violations, in both admin languages (ru, en), and fit 320 px.

The training, its branch and its staff are made on the live site for this
module (their names carry a random suffix); the demo's own data is left as
it is. Assertions read what a user sees (names, roles, checked states)."""

import json
import random

import pytest

# ruff: noqa: F811 - the fixtures imported are passed in by name
from tests.browser.test_accessibility import assert_no_horizontal_scroll
from tests.browser.test_staff_registrations import (  # noqa: F401 - fixtures
    ADMIN_LANGUAGES,
    admin_back_in_russian,
    assert_no_violations,
    goto_admin,
    log_in,
    staff_page,
)

pytestmark = pytest.mark.browser

SETUP = """
import datetime, json
from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Locale
from branches.models import Branch, BranchKind, StaffProfile
from events.models import Venue
from home.models import HomePage
from trainings.models import TrainingIndexPage, TrainingPage, TrainingSession
from trainings.services import attendance_mark, enrolment_add

suffix = {suffix!r}
kk = Locale.objects.get(language_code="kk")
index = TrainingIndexPage.objects.filter(locale=kk).first()
if index is None:
    index = TrainingIndexPage(title="Оқыту", slug="trainings-" + suffix)
    HomePage.objects.filter(locale=kk).first().add_child(instance=index)
    index.save_revision().publish()
department = Branch.objects.filter(locale=kk, kind=BranchKind.DEPARTMENT).first()
if department is None:
    department = Branch.objects.create(
        locale=kk, kind=BranchKind.DEPARTMENT, name="Әдістемелік бөлім"
    )
branch = Branch.objects.create(locale=kk, kind=BranchKind.BRANCH, name="Браузер филиалы " + suffix)
User = get_user_model()
people = []
for number, (first, last) in enumerate(
    [("Айгүл", "Бекова"), ("Ержан", "Сәрсенов"), ("Дана", "Серікова")]
):
    user = User.objects.create_user(
        username=f"browser-{{suffix}}-{{number}}", first_name=first, last_name=last + " " + suffix,
        email=f"browser-{{suffix}}-{{number}}@example.kz",
    )
    StaffProfile.objects.create(user=user, branch=branch)
    people.append(user)
venue = Venue.objects.create(locale=kk, name="Әдістемелік кабинет " + suffix, address="Шымкент қ.")
now = timezone.now()

def training(title, capacity, days):
    start = timezone.make_aware(datetime.datetime.combine(
        timezone.localdate() + datetime.timedelta(days=days), datetime.time(10)))
    page = TrainingPage(
        title=title + " " + suffix, slug="training-" + title.lower() + "-" + suffix,
        start=start, end=start + datetime.timedelta(days=1, hours=4),
        summary="Кітапханашыларға арналған семинар.", topic="Брайль",
        venue=venue, organiser=department, capacity=capacity,
        registration_opens=now - datetime.timedelta(days=2),
    )
    for order, hours in enumerate((2, 4)):
        page.sessions.add(TrainingSession(
            sort_order=order, start=start + datetime.timedelta(days=order),
            end=start + datetime.timedelta(days=order, hours=hours),
            topic=f"Сабақ {{order + 1}}", trainer="Гүлнар Әбдірахманова", venue=venue, hours=hours,
        ))
    index.add_child(instance=page)
    page.save_revision().publish()
    return TrainingPage.objects.get(pk=page.pk)

keyboard = training("Keyboard", 2, 1)
screens = training("Screens", None, 0)
admin = User.objects.get(username="admin")
result = enrolment_add(training=screens, people_or_users=people, by=admin)
first, second = screens.sessions.order_by("sort_order")
registrations = result.enrolled
attendance_mark(session=first, registration=registrations[0], mark="present", by=admin)
attendance_mark(session=second, registration=registrations[0], mark="late", by=admin)
attendance_mark(session=second, registration=registrations[1], mark="absent", by=admin)
print(json.dumps({{
    "branch": branch.pk,
    "keyboard": keyboard.pk,
    "keyboard_session": keyboard.sessions.order_by("sort_order").first().pk,
    "screens": screens.pk,
    "screens_session": second.pk,
    "year": timezone.localtime(first.start).year,
    "names": [user.get_full_name() for user in people],
}}))
"""


@pytest.fixture(scope="module")
def trainings(live_manage):
    suffix = "".join(random.choice("abcdefghijkmnpqrstuvwxyz") for _ in range(6))
    output = live_manage("shell", "-c", SETUP.format(suffix=suffix))
    return json.loads(output.strip().splitlines()[-1])


def focused(page) -> dict:
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            return {tag: el.tagName.toLowerCase(), name: el.name || "", type: el.type || "",
                    value: el.value || "", checked: !!el.checked,
                    label: (el.labels && el.labels[0] ? el.labels[0].innerText : el.innerText).trim(),
                    html: el.outerHTML.slice(0, 300)};
        }"""
    )


def tab_to(page, test, limit=250) -> dict:
    """Press Tab until the focused element passes `test`."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        element = focused(page)
        if test(element):
            return element
    raise AssertionError("Tab never reached the element")


def test_enrol_colleagues_and_tick_attendance_with_the_keyboard(staff_page, trainings):
    page = staff_page("en")
    goto_admin(
        page, f"/admin/trainings/{trainings['keyboard']}/enrol/?branch={trainings['branch']}", "en"
    )

    # The three colleagues: Tab to each checkbox and tick it with Space.
    ticked = []
    element = tab_to(page, lambda e: e["name"] == "colleagues")
    for _ in trainings["names"]:
        assert element["type"] == "checkbox"
        page.keyboard.press("Space")
        assert focused(page)["checked"]
        ticked.append(element["label"])
        element = tab_to(page, lambda e: True, limit=1)
    assert sorted(ticked) == sorted(trainings["names"])
    # The next stop after the list is the button.
    assert element["label"] == "Enrol the colleagues chosen", element["html"]
    with page.expect_navigation():
        page.keyboard.press("Enter")

    result = page.locator("#enrol-result")
    assert result.get_attribute("role") == "status"
    text = result.inner_text()
    # Two places: two enrolled, the third on the waiting list.
    assert text.count(trainings["names"][0].split()[-1]) == 3
    assert "On the waiting list (no free place)" in text
    enrolled = text.split("On the waiting list")[0]
    assert sum(name in enrolled for name in trainings["names"]) == 2

    # The first session: tick the first person present with Space, then
    # "Mark everyone present" with Enter marks the others.
    goto_admin(
        page,
        f"/admin/trainings/{trainings['keyboard']}/attendance/{trainings['keyboard_session']}/",
        "en",
    )
    element = tab_to(page, lambda e: e["name"].startswith("mark_"))
    assert (element["type"], element["value"]) == ("radio", "present")
    page.keyboard.press("Space")
    assert focused(page)["checked"]
    element = tab_to(page, lambda e: e["tag"] == "button" and e["value"] == "everyone-present")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "Attendance saved: 3 new" in page.locator("#session-result").inner_text()
    assert page.locator('input[type=radio][value="present"]:checked').count() == 3


@pytest.mark.parametrize("code", ADMIN_LANGUAGES)
def test_the_training_screens_have_no_axe_violations(staff_page, trainings, code):
    page = staff_page(code)
    screens = trainings["screens"]
    for label, path in (
        ("trainings", "/admin/trainings/"),
        ("training", f"/admin/trainings/{screens}/"),
        ("enrol", f"/admin/trainings/{screens}/enrol/?branch={trainings['branch']}"),
        ("attendance", f"/admin/trainings/{screens}/attendance/"),
        ("session", f"/admin/trainings/{screens}/attendance/{trainings['screens_session']}/"),
        ("completion", f"/admin/trainings/{screens}/completion/"),
        ("hours", f"/admin/trainings/hours/?year={trainings['year']}"),
        ("my trainings", "/admin/trainings/mine/"),
    ):
        goto_admin(page, path, code)
        assert_no_violations(page, f"{label} ({code})")
    # The enrol form sent with nobody chosen: the error is said, axe-clean.
    goto_admin(page, f"/admin/trainings/{screens}/enrol/?branch={trainings['branch']}", code)
    with page.expect_navigation():
        page.locator("main form[method=post] button[type=submit]").click()
    assert page.locator(".w-field__errors").count() == 1
    assert_no_violations(page, f"enrol with an error ({code})")
    # A name typed at the session's check-in lists the matches.
    goto_admin(page, f"/admin/trainings/{screens}/attendance/{trainings['screens_session']}/", code)
    page.locator("input[name=query]").fill(trainings["names"][2].split()[0])
    with page.expect_navigation():
        page.locator("input[name=query]").press("Enter")
    assert page.locator(".staff-matches form").count() == 1
    assert_no_violations(page, f"session check-in matches ({code})")


def test_the_session_and_hours_screens_fit_320_pixels(staff_page, trainings):
    page = staff_page("ru", width=320)
    screens = trainings["screens"]
    for label, path in (
        ("enrol", f"/admin/trainings/{screens}/enrol/?branch={trainings['branch']}"),
        ("session", f"/admin/trainings/{screens}/attendance/{trainings['screens_session']}/"),
        ("completion", f"/admin/trainings/{screens}/completion/"),
        ("hours", f"/admin/trainings/hours/?year={trainings['year']}"),
    ):
        goto_admin(page, path, "ru")
        assert_no_horizontal_scroll(page, f"{label} at 320 px")
