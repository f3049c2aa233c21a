"""The Methodologists' Days' staff screens in Chromium with axe-core, in both
admin languages (Russian and English; the admin has no Kazakh):

- planning a year's series: the proposed dates to confirm or move;
- a Day's resolutions, sent without an assignee (the error summary);
- the "Your open assignments" panel of the admin's home page, the user's
  assignments and the department's list of resolutions (filtered);
- the same screens at 320 px without horizontal scrolling.

The data is made on the live site once (a trainings list, a Day held a
month ago with an overdue resolution assigned to the demo admin); the
screens are only looked at or sent with errors, so nothing else changes."""

import json

import pytest

from tests.browser.conftest import assert_axe_clean
from tests.browser.test_accessibility import AXE_OPTIONS, assert_no_horizontal_scroll
from tests.browser.test_staff_registrations import (
    admin_back_in_russian,  # noqa: F401 - the fixture
    goto_admin,
    staff_page,  # noqa: F401 - the fixture
)

pytestmark = pytest.mark.browser

ADMIN_LANGUAGES = ("ru", "en")
BASE = "/admin/methodologists-days/"
RESOLUTION = "Әр филиалда брайль бұрышын ашу"

MAKE_DAY = f"""
import datetime, json
from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Locale
from home.models import HomePage
from trainings import days
from trainings.enums import Quarter
from trainings.models import MethodologistsDayPage, Resolution, TrainingIndexPage

kk = Locale.objects.get(language_code="kk")
index = TrainingIndexPage.objects.filter(locale=kk).first()
if index is None:
    index = TrainingIndexPage(title="Оқыту", slug="trainings")
    HomePage.objects.get(locale=kk).add_child(instance=index)
    index.save_revision().publish()
for code in ("ru", "en"):
    locale = Locale.objects.get(language_code=code)
    if index.get_translation_or_none(locale) is None:
        index.copy_for_translation(locale).save_revision().publish()
admin = get_user_model().objects.get(username="admin")
day = MethodologistsDayPage.objects.filter(slug="browser-test-day").first()
if day is None:
    start = timezone.now().replace(hour=5, minute=0, second=0, microsecond=0)
    start -= datetime.timedelta(days=30)
    day = MethodologistsDayPage(
        title="Әдіскерлер күні — браузер сынағы",
        slug="browser-test-day",
        start=start,
        end=start + datetime.timedelta(hours=3),
        summary="Тоқсан сайынғы әдіскерлер күні.",
        year=start.year,
        quarter=Quarter((start.month - 1) // 3 + 1),
    )
    index.add_child(instance=day)
    day.save_revision().publish()
if not Resolution.objects.filter(day=day).exists():
    days.resolution_add(
        day=day,
        text={RESOLUTION!r},
        assignee_user=admin,
        due_date=timezone.localdate() - datetime.timedelta(days=3),
        by=admin,
    )
print(json.dumps({{"day": day.pk}}))
"""


@pytest.fixture(scope="module")
def day_pk(live_manage):
    return json.loads(live_manage("shell", "-c", MAKE_DAY).strip().splitlines()[-1])["day"]


def assert_no_violations(page, label, include=None):
    context = {"include": [[include]]} if include else None
    assert_axe_clean(page, label, AXE_OPTIONS, context=context)


@pytest.mark.parametrize("code", ADMIN_LANGUAGES)
def test_the_series_screen(staff_page, day_pk, code):  # noqa: F811
    page = staff_page(code)
    goto_admin(page, f"{BASE}series/?year=2035", code)
    assert page.locator('input[type="date"]').count() == 4
    assert_no_violations(page, f"series {code}")
    assert page.locator('input[name="quarter_1"]').input_value() == "2035-02-22"


@pytest.mark.parametrize("code", ADMIN_LANGUAGES)
def test_the_resolutions_screen_with_a_form_error(staff_page, day_pk, code):  # noqa: F811
    page = staff_page(code)
    goto_admin(page, f"{BASE}day/{day_pk}/", code)
    assert page.get_by_text(RESOLUTION).count() == 1
    assert page.locator(f'[lang="kk"]:has-text("{RESOLUTION}")').count() == 1
    assert_no_violations(page, f"day {code}")

    page.locator('textarea[name="text"]').fill("Ешкімге тапсырылмаған шешім")
    with page.expect_navigation():
        page.locator('form.staff-form button[type="submit"]').click()
    summary = page.locator(".staff-error-summary")
    assert summary.is_visible()
    assert page.locator('textarea[name="text"]').input_value() == "Ешкімге тапсырылмаған шешім"
    assert_no_violations(page, f"day with an error {code}")


@pytest.mark.parametrize("code", ADMIN_LANGUAGES)
def test_the_assignments_panel_and_lists(staff_page, day_pk, code):  # noqa: F811
    page = staff_page(code)
    goto_admin(page, "/admin/", code)
    panel = page.locator("#day-assignments-section")
    assert panel.get_by_text(RESOLUTION).count() == 1
    assert_no_violations(page, f"assignments panel {code}", include="#day-assignments-section")

    goto_admin(page, f"{BASE}mine/", code)
    assert page.get_by_text(RESOLUTION).count() == 1
    assert_no_violations(page, f"assignments {code}")

    goto_admin(page, f"{BASE}?status=overdue", code)
    assert page.locator("table.listing tbody tr", has_text=RESOLUTION).count() == 1
    assert_no_violations(page, f"resolutions list {code}")


def test_the_screens_at_320_px(staff_page, day_pk):  # noqa: F811
    page = staff_page("ru", width=320)
    for path in (f"{BASE}series/?year=2035", f"{BASE}day/{day_pk}/", f"{BASE}mine/", BASE):
        goto_admin(page, path, "ru")
        assert_no_horizontal_scroll(page, path)
