"""“Issue diplomas” in Chromium: the chair of the demo dombra contest (whose
results are published) finds the action on the judges' screen, and the
page is axe-clean (with and without an error) and fits 320 px; the form is
sent with the keyboard alone, first with a template missing (the error
summary takes the focus and links to the field), then complete, which
leads to the progress of the batches; afterwards the page says there is
nothing new to issue.

The admin speaks Russian and our strings are translated separately, so the
assertions read structure (names of fields, addresses, elements)."""

import re

import pytest

from tests.browser.test_accessibility import assert_no_horizontal_scroll
from tests.browser.test_checkin_browser import log_in
from tests.browser.test_competitions_browser import assert_admin_screen_clean, tab_to

pytestmark = pytest.mark.browser

DIPLOMAS = re.compile(r"/admin/diplomas/\d+/$")
BATCH = re.compile(r"/admin/certificates/batches/\d+/$")


def focus_is_on_submit(page) -> bool:
    return page.evaluate(
        "() => document.activeElement && document.activeElement.type === 'submit'"
        " && !!document.activeElement.closest('form.staff-form')"
    )


def tab_to_submit(page, limit=40):
    for _ in range(limit):
        page.keyboard.press("Tab")
        if focus_is_on_submit(page):
            return
    raise AssertionError("Tab never reached the form's submit button")


def open_the_action(page) -> str:
    page.goto("/admin/judging/")
    page.locator("a", has_text="Домбырашылар байқауы").first.click()
    page.wait_for_url(re.compile(r"/admin/judging/\d+/$"))
    page.locator("#diplomas-title ~ p a.button").click()
    page.wait_for_url(DIPLOMAS)
    return page.url


def test_issue_diplomas_with_the_keyboard_alone(new_page):
    page = new_page(locale="en-US")
    log_in(page)
    address = open_the_action(page)
    assert page.locator("#diplomas-summary strong").is_visible()
    assert page.locator("#diplomas-caption").is_visible()
    assert_admin_screen_clean(page, "issue diplomas")

    narrow = new_page(width=320, locale="en-US")
    log_in(narrow)
    narrow.goto(address)
    assert_no_horizontal_scroll(narrow, "issue diplomas at 320 px")

    # A template left out: the error summary takes the focus and links to it.
    template = page.locator("#id_diploma_template")
    chosen = template.input_value()
    assert chosen  # the only diploma template is chosen already
    tab_to(page, "diploma_template", limit=120)
    page.keyboard.press("ArrowUp")
    assert template.input_value() == ""
    tab_to_submit(page)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == address
    summary = page.locator(".staff-error-summary")
    assert summary.get_attribute("role") == "alert"
    assert page.evaluate("() => document.activeElement.classList.contains('staff-error-summary')")
    assert summary.locator("a").first.get_attribute("href") == "#id_diploma_template"
    assert page.locator("#id_diploma_template_error").is_visible()
    assert_admin_screen_clean(page, "issue diplomas with an error")

    # Chosen again, and sent: on to the progress of the batches.
    tab_to(page, "diploma_template", limit=120)
    page.keyboard.press("ArrowDown")
    assert page.locator("#id_diploma_template").input_value() == chosen
    tab_to_submit(page)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.wait_for_url(BATCH)
    hrefs = page.locator("a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    batch_links = {h for h in hrefs if h and re.fullmatch(r"/admin/certificates/batches/\d+/", h)}
    assert len(batch_links) == 2  # the message links the diplomas' and the certificates' batch
    progress = page.locator("progress")
    assert progress.get_attribute("value") == progress.get_attribute("max")
    assert_admin_screen_clean(page, "the batch after issuing diplomas")

    # The action again: nothing new to issue, and no form to send.
    page.goto(address)
    assert page.locator("p.help-info").is_visible()
    assert page.locator("form.staff-form").count() == 0
    assert page.locator("#batches-title ~ ul li").count() == 2
    assert_admin_screen_clean(page, "issue diplomas when everything is issued")
