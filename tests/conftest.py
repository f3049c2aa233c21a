"""Shared fixtures: the test database is built once per run with the real
migrations and the real demo content (seed_demo), then each test runs in a
transaction that is rolled back."""

import io
import os

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command


def pytest_configure(config):
    # CI sets REQUIRE_POSTGRES=1 for the PostgreSQL run: a missing database is
    # then a failure, never a silent fall-back to SQLite.
    if os.environ.get("REQUIRE_POSTGRES") == "1":
        engine = settings.DATABASES["default"]["ENGINE"]
        if "postgresql" not in engine:
            raise pytest.UsageError(
                f"REQUIRE_POSTGRES=1 but DATABASE_URL points to {engine}; set a postgres:// URL."
            )


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("seed_demo", stdout=io.StringIO())


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
