"""Shared fixtures: the test database is built with the real migrations and
the real demo content (seed_demo) — on SQLite copied from a template made
once (tests/demo_site.py) — then each test runs in a transaction that is
rolled back."""

import io
import os
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.utils import translation

from core.system_packages import missing_reason
from tests.demo_site import copy_demo


def pytest_configure(config):
    # CI sets REQUIRE_POSTGRES=1 for the PostgreSQL run: a missing database is
    # then a failure, never a silent fall-back to SQLite.
    if os.environ.get("REQUIRE_POSTGRES") == "1":
        engine = settings.DATABASES["default"]["ENGINE"]
        if "postgresql" not in engine:
            raise pytest.UsageError(
                f"REQUIRE_POSTGRES=1 but DATABASE_URL points to {engine}; set a postgres:// URL."
            )


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    # @pytest.mark.system_package("poppler-utils"): without that Debian package
    # the test is skipped with the reason from site/deploy/system-packages.toml;
    # CI sets REQUIRE_SYSTEM_PACKAGES=1, where a missing one fails instead.
    for marker in item.iter_markers("system_package"):
        for name in marker.args:
            reason = missing_reason(name)
            if reason and os.environ.get("REQUIRE_SYSTEM_PACKAGES") == "1":
                pytest.fail(reason)
            if reason:
                pytest.skip(reason)


def _sqlite() -> bool:
    return settings.DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3"


@pytest.fixture(scope="session")
def django_db_keepdb(request, django_db_modify_db_settings):
    """On SQLite the test database starts as a copy of the seeded demo
    template (tests/demo_site.py), which Django then keeps instead of
    creating an empty one; the copy is removed by django_db_setup below."""
    if not _sqlite():
        return request.config.getvalue("reuse_db")
    copy_demo(Path(settings.DATABASES["default"]["TEST"]["NAME"]), Path(settings.MEDIA_ROOT))
    return True


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    if _sqlite():
        yield
        name = Path(settings.DATABASES["default"]["TEST"]["NAME"])
        for path in (name, name.with_name(name.name + "-wal"), name.with_name(name.name + "-shm")):
            path.unlink(missing_ok=True)
        return
    with django_db_blocker.unblock():
        call_command("seed_demo", stdout=io.StringIO())
    yield


@pytest.fixture(autouse=True)
def _no_language_left_active():
    """A request leaves its language active in the thread; the next test
    must not depend on what the previous one (in any order) left behind."""
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def soup():
    def parse(response):
        return BeautifulSoup(response.content.decode(), "html.parser")

    return parse
