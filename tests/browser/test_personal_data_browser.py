"""The staff screens of a person's data (people/, /admin/personal-data/) in
Chromium with axe-core, in both admin languages: the search with its results,
the person's record (with the registrations section registrations/ adds
through a hook) and the erase confirmation, sent empty, with its error. The
screens are only looked at or sent with an error: nobody is erased."""

import pytest

from tests.browser.test_accessibility import assert_no_horizontal_scroll
from tests.browser.test_staff_registrations import (
    ADMIN_LANGUAGES,
    PENDING,
    assert_no_violations,
    goto_admin,
    staff_page,  # noqa: F401 - the fixture
)

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("code", ADMIN_LANGUAGES)
def test_the_personal_data_screens_have_no_violations(staff_page, code):  # noqa: F811
    page = staff_page(code)
    name = PENDING[0]
    goto_admin(page, "/admin/personal-data/", code)
    assert_no_violations(page, f"{code} personal data: search")

    search = page.locator("main input[name=q]")
    search.fill(name.split()[0])
    with page.expect_navigation():
        search.press("Enter")
    assert_no_violations(page, f"{code} personal data: results")
    link = page.get_by_role("link", name=name)
    assert link.count() >= 1

    with page.expect_navigation():
        link.first.click()
    assert page.get_by_role("heading", level=1).inner_text().strip() != ""
    assert name in page.locator("main").inner_text()
    # The section registrations/ adds through the person_record_sections hook.
    table = page.get_by_role("table", name=page.locator("#registrations-heading").inner_text())
    assert table.locator("tbody tr").count() >= 1
    # Each event's title is read in its page's language (a Kazakh title on the
    # Russian or English admin carries lang="kk").
    titles = table.locator("tbody th[scope=row]")
    assert all(
        titles.nth(row).get_attribute("lang") in {"kk", "ru", "en"} for row in range(titles.count())
    )
    assert_no_violations(page, f"{code} personal data: the person's record")
    record = page.url

    goto_admin(page, record + "erase/", code)
    assert_no_violations(page, f"{code} personal data: erase, asked")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    field = page.locator("main input[name=confirm_name]")
    errors = page.locator(".w-field__errors, .error-message").all_inner_texts()
    assert any(text.strip() for text in errors), errors
    assert field.input_value() == ""
    assert_no_violations(page, f"{code} personal data: erase, sent without the name")


def test_the_personal_data_record_fits_320_px(staff_page):  # noqa: F811
    page = staff_page("ru", width=320)
    goto_admin(page, "/admin/personal-data/?q=" + PENDING[0].split()[0], "ru")
    assert_no_horizontal_scroll(page, "ru personal data at 320 px")
