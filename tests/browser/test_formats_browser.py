"""axe-core in Chromium on an event page and an announcement that offer their
braille and audio versions, in kk, ru and en and at 320 px: the links' names
say what, in which format, how large and (audio) how long, so they make sense
read out of context (a screen reader's list of links); the files download
with their types. The versions are made on the live site by the task's
service, as the worker would after a publish."""

import json
import re
import urllib.request

import pytest

from tests.browser.test_accessibility import (
    LANGUAGES,
    assert_no_horizontal_scroll,
    assert_no_violations,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.system_package("liblouis-bin", "liblouis-data", "espeak-ng"),
]

MAKE_VERSIONS = """
import json

from events.models import EventPage
from formats.services import formats_make
from home.models import AnnouncementPage

found = {}
for code in ("kk", "ru", "en"):
    event = (
        EventPage.objects.live().public().filter(locale__language_code=code)
        .exclude(programme_items=None).order_by("-start").first()
    )
    news = AnnouncementPage.objects.live().public().filter(locale__language_code=code).first()
    formats_make(source_key="events.programme", object_id=event.pk)
    formats_make(source_key="home.announcement", object_id=news.pk)
    found[code] = {"event": event.specific.url, "announcement": news.url}
print(json.dumps(found))
"""

SIZE = r"[\d.,]+\s(?:bytes|KB|MB)"
DURATION = r"(?:\d+ min )?\d+ s"
EVENT_NAMES = [
    rf"^Programme in braille \(BRF, {SIZE}\)$",
    rf"^Programme in Unicode braille for braille displays \(TXT, {SIZE}\)$",
    rf"^Programme as audio \(MP3, {SIZE}, {DURATION}\)$",
]


@pytest.fixture(scope="module")
def addresses(live_manage):
    found = json.loads(live_manage("shell", "-c", MAKE_VERSIONS).strip().splitlines()[-1])
    # The versions were made by another process; the live site's page cache is
    # its own memory (no Redis here), and other tests may have cached these
    # pages before: an address of its own is read fresh.
    return {
        code: {kind: f"{url}?versions" for kind, url in pages.items()}
        for code, pages in found.items()
    }


def format_links(page):
    return page.locator("ul.downloads a[href^='/formats/']")


def test_the_event_page_names_its_braille_and_audio_links(new_page, addresses, live_site):
    page = new_page(locale="en-GB")
    page.goto(addresses["en"]["event"])
    links = format_links(page)
    assert links.count() == 3
    for number, pattern in enumerate(EVENT_NAMES):
        link = links.nth(number)
        name = " ".join(link.inner_text().replace("\xa0", " ").split())
        assert re.match(pattern, name), name
        # The accessible name is the link's text (no hidden words to mismatch).
        page.get_by_role("link", name=link.inner_text()).wait_for()
    types = []
    for number in range(3):
        href = links.nth(number).get_attribute("href")
        with urllib.request.urlopen(live_site + href, timeout=30) as response:  # noqa: S310
            types.append(response.headers["Content-Type"])
            assert len(response.read()) > 0
    assert types == ["application/x-brf", "text/plain; charset=utf-8", "audio/mpeg"]
    assert_no_violations(page, "event page with braille and audio (en)")


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_pages_with_braille_and_audio_are_axe_clean(new_page, addresses, code):
    for kind in ("event", "announcement"):
        page = new_page()
        page.goto(addresses[code][kind])
        assert format_links(page).count() == 3, f"{kind} ({code})"
        assert_no_violations(page, f"{kind} with braille and audio ({code})")
        narrow = new_page(width=320, display="text:xlarge")
        narrow.goto(addresses[code][kind])
        assert_no_horizontal_scroll(narrow, f"{kind} with braille and audio at 320 px ({code})")
