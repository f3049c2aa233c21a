"""A real server and a real browser for the accessibility tests.

The site is a copy of the seeded demo template (tests/demo_site.py) in its
own folder, with its static files collected, served by gunicorn as in
production on a free port of 127.0.0.1; Playwright drives the system
Chromium. Without Chromium the tests are skipped with a reason, unless
REQUIRE_SYSTEM_PACKAGES=1 (CI), where that fails (tests/conftest.py, marker
system_package).
"""

import functools
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings

from tests.demo_site import ADMIN_PASSWORD, copy_demo

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
ROOT = Path(settings.BASE_DIR)
SET_ADMIN_PASSWORD = f"""
from django.contrib.auth import get_user_model
admin = get_user_model().objects.get(username="admin")
admin.set_password({ADMIN_PASSWORD!r})
admin.save(update_fields=["password"])
"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def pytest_itemcollected(item):
    if Path(__file__).parent in Path(item.fspath).parents:
        item.add_marker(pytest.mark.system_package("chromium"))


@pytest.fixture(scope="session")
def live_site_env(tmp_path_factory):
    """The environment of the live site: its server and its manage.py commands."""
    workdir = tmp_path_factory.mktemp("site")
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "DEBUG": "0",
        "SECRET_KEY": "browser-tests-only-key",
        "DATABASE_URL": f"sqlite:///{workdir / 'db.sqlite3'}",
        "STATIC_ROOT": str(workdir / "static"),
        "MEDIA_ROOT": str(workdir / "media"),
        "PAGE_CACHE_SECONDS": "600",
        # Seeded pages are indexed for search and their documents made at once.
        "TASKS_BACKEND": "immediate",
    }


@pytest.fixture(scope="session")
def live_site(live_site_env):
    """Base URL of the seeded demo site served by gunicorn."""
    env = live_site_env
    copy_demo(Path(env["DATABASE_URL"].removeprefix("sqlite:///")), Path(env["MEDIA_ROOT"]))
    manage = [sys.executable, "manage.py"]
    for command in (
        # The template's password hash is the test settings' fast one, which
        # the site's own settings do not accept: hash it again as they do.
        ["shell", "-c", SET_ADMIN_PASSWORD],
        ["collectstatic", "--no-input", "-v0"],
    ):
        subprocess.run(
            manage + command, cwd=ROOT, env=env, check=True, capture_output=True, timeout=600
        )
    port = _free_port()
    gunicorn = shutil.which("gunicorn", path=str(Path(sys.executable).parent)) or "gunicorn"
    server = subprocess.Popen(
        [
            gunicorn,
            "config.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    base_url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(f"{base_url}/robots.txt", timeout=2)  # noqa: S310 - our own server
            break
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                server.kill()
                pytest.fail("gunicorn did not start")
            time.sleep(0.3)
    yield base_url
    server.terminate()
    server.wait(timeout=20)


@pytest.fixture(scope="session")
def live_manage(live_site, live_site_env):
    """Run a manage.py command on the live site's database, as its staff
    would on the server: live_manage("shell", "-c", code) → its output."""

    def run(*command: str) -> str:
        done = subprocess.run(
            [sys.executable, "manage.py", *command],
            cwd=ROOT,
            env=live_site_env,
            check=True,
            capture_output=True,
            text=True,
            timeout=300,
        )
        return done.stdout

    return run


@pytest.fixture(scope="session")
def browser(live_site):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def new_page(browser, live_site):
    """Open a page in a fresh context: new_page(width=320, display="text:xlarge")."""
    contexts = []

    def open_page(width=1280, display=None, locale="kk-KZ"):
        context = browser.new_context(
            viewport={"width": width, "height": 900}, base_url=live_site, locale=locale
        )
        if display:
            context.add_cookies([{"name": "display", "value": display, "url": live_site}])
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15000)
        return page

    yield open_page
    for context in contexts:
        context.close()


# Running, finite CSS animations and transitions (Wagtail's messages fade
# in): axe measures colours once they have ended, waiting two seconds at most.
# Infinite or paused ones (spinners) are not waited for.
WAIT_FOR_ANIMATIONS = """Promise.race([
    Promise.all(document.getAnimations()
        .filter((a) => a.playState === "running" && a.effect
            && a.effect.getComputedTiming().endTime !== Infinity)
        .map((a) => a.finished.catch(() => null))),
    new Promise((resolve) => setTimeout(resolve, 2000)),
])"""


@functools.cache
def _axe_source() -> str:
    from axe_playwright_python.sync_playwright import Axe  # loaded by browser tests only

    return Axe().axe_script


# axe-core reports violations only (the default also gathers every pass and
# inapplicable rule, 2-3 times the work and a large JSON reply); the rules
# it runs and what counts as a violation are the same.
RUN_AXE = """([context, options]) => axe.run(context || document,
    {...options, resultTypes: ["violations"]}).then((r) => r.violations)"""


def assert_axe_clean(page, label, options, context=None):
    """Run axe-core on the page as it is once its animations have ended; fail
    with the rule, its impact and the first nodes of each violation."""
    page.evaluate(WAIT_FOR_ANIMATIONS)
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.evaluate(_axe_source())
    violations = page.evaluate(RUN_AXE, [context, options])
    summary = [
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}" for v in violations
    ]
    assert not violations, f"{label}: {summary}"
