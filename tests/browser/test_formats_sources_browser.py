"""axe-core in Chromium on the pages that offer the braille and audio of a
competition's results, a Methodologists' Day's minutes and a certificate, in
kk, ru and en and at 320 px with large text: the links are there, named with
their format and size, and the pages stay clean. The versions are made on
the live site by the task's service, as the worker would."""

import json
import re
import subprocess

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

from certificates.models import Certificate
from competitions.models import CompetitionPage
from formats.services import formats_make
from trainings.alternative_formats import _public_minutes
from trainings.models import MethodologistsDayPage

found = {}
certificate = Certificate.objects.valid().order_by("pk").first()
formats_make(source_key="certificates.certificate", object_id=certificate.pk)
for code in ("kk", "ru", "en"):
    chess = CompetitionPage.objects.get(
        url_path__endswith="/events/chess-tournament/", locale__language_code=code
    )
    day = next(
        page for page in MethodologistsDayPage.objects.live().filter(locale__language_code=code)
        if _public_minutes(page.pk) is not None
    )
    formats_make(source_key="competitions.results", object_id=chess.pk)
    formats_make(source_key="trainings.minutes", object_id=day.pk)
    found[code] = {
        "results": chess.url + "results/",
        "minutes": day.url,
        "certificate": f"/{code}/certificate/{certificate.access_token}/",
    }
print(json.dumps(found))
"""

SIZE = r"[\d.,]+\s(?:bytes|KB|MB)"
DURATION = r"(?:\d+ min )?\d+ s"
NAMES = {
    kind: [
        rf"^{noun} in braille \(BRF, {SIZE}\)$",
        rf"^{noun} in Unicode braille for braille displays \(TXT, {SIZE}\)$",
        rf"^{noun} as audio \(MP3, {SIZE}, {DURATION}\)$",
    ]
    for kind, noun in (
        ("results", "Results"),
        ("minutes", "Minutes"),
        ("certificate", "Certificate"),
    )
}


@pytest.fixture(scope="module")
def addresses(live_manage):
    try:
        output = live_manage("shell", "-c", MAKE_VERSIONS)
    except subprocess.CalledProcessError as error:
        raise AssertionError(error.stderr) from error
    found = json.loads(output.strip().splitlines()[-1])
    # The versions were made by another process; the live site's page cache is
    # its own memory, and other tests may have cached these pages before: an
    # address of its own is read fresh.
    return {
        code: {kind: f"{url}?versions" for kind, url in pages.items()}
        for code, pages in found.items()
    }


def format_links(page):
    return page.locator("a[href^='/formats/']")


@pytest.mark.parametrize("kind", ["results", "minutes", "certificate"])
def test_the_links_say_what_format_size_and_length(new_page, addresses, kind):
    page = new_page(locale="en-GB")
    page.goto(addresses["en"][kind])
    links = format_links(page)
    assert links.count() == 3
    for number, pattern in enumerate(NAMES[kind]):
        name = " ".join(links.nth(number).inner_text().replace("\xa0", " ").split())
        assert re.match(pattern, name), name


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_pages_are_axe_clean_with_their_links(new_page, addresses, code):
    for kind in ("results", "minutes", "certificate"):
        page = new_page()
        page.goto(addresses[code][kind])
        assert format_links(page).count() == 3, f"{kind} ({code})"
        assert_no_violations(page, f"{kind} with braille and audio ({code})")
        narrow = new_page(width=320, display="text:xlarge")
        narrow.goto(addresses[code][kind])
        assert_no_horizontal_scroll(narrow, f"{kind} with braille and audio at 320 px ({code})")
