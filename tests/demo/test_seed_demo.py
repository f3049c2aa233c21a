"""seed_demo builds the trilingual tree, a second run changes nothing, and
production settings make it refuse unless forced."""

import io
import os
import secrets
import subprocess
import sys

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings
from wagtail.models import Page, PageLogEntry, Revision, Site

from home.models import AnnouncementPage, HomePage, StandardPage, SurveyPage


@pytest.mark.django_db
def test_tree_exists_in_three_languages():
    for code in ("kk", "ru", "en"):
        assert HomePage.objects.live().filter(locale__language_code=code).count() == 1
        slugs = set(
            StandardPage.objects.live()
            .filter(locale__language_code=code)
            .values_list("slug", flat=True)
        )
        assert {"about", "accessibility", "privacy", "contacts"} <= slugs
        assert AnnouncementPage.objects.live().filter(locale__language_code=code).count() >= 8
        assert SurveyPage.objects.live().filter(locale__language_code=code).count() == 1
    site = Site.objects.get(is_default_site=True)
    assert site.root_page.specific_class is HomePage
    assert site.root_page.locale.language_code == "kk"


@pytest.mark.django_db
def test_about_page_lists_the_nine_functions(client, soup):
    about = StandardPage.objects.get(slug="about", locale__language_code="en")
    html = soup(client.get(about.url))
    assert len(html.select("main ol")[0].find_all("li")) == 9


@pytest.mark.django_db
def test_second_run_changes_nothing():
    counts = (Page.objects.count(), Revision.objects.count(), PageLogEntry.objects.count())
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    assert (Page.objects.count(), Revision.objects.count(), PageLogEntry.objects.count()) == counts
    assert "0 pages created" in out.getvalue()
    assert "Password" not in out.getvalue()


@pytest.mark.django_db
def test_superuser_password_comes_from_the_environment_or_is_random(monkeypatch):
    User = get_user_model()
    User.objects.filter(username="admin").delete()
    monkeypatch.setenv("DEMO_ADMIN_PASSWORD", "a-local-test-password")
    call_command("seed_demo", stdout=io.StringIO())
    assert User.objects.get(username="admin").check_password("a-local-test-password")

    User.objects.filter(username="admin").delete()
    monkeypatch.delenv("DEMO_ADMIN_PASSWORD")
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    printed = out.getvalue().split("Password (shown once): ")[1].split()[0]
    user = User.objects.get(username="admin")
    assert user.check_password(printed)
    assert len(printed) >= 16
    assert user.wagtail_userprofile.preferred_language == "ru"


@pytest.mark.django_db
def test_admin_speaks_russian(client):
    response = client.get("/admin/login/", HTTP_ACCEPT_LANGUAGE="kk")
    assert response.status_code == 200
    assert 'lang="ru"' in response.content.decode()
    assert "Войти" in response.content.decode()


@pytest.mark.django_db
@override_settings(SEED_DEMO_ALLOWED=False)
def test_refuses_production_settings_unless_forced():
    counts = (Page.objects.count(), Revision.objects.count())
    with pytest.raises(CommandError, match="production settings"):
        call_command("seed_demo", stdout=io.StringIO())
    assert (Page.objects.count(), Revision.objects.count()) == counts

    out = io.StringIO()
    call_command("seed_demo", "--force", stdout=out)
    assert "Demo content ready: 0 pages created" in out.getvalue()


def test_production_settings_turn_seeding_off(tmp_path):
    """What an operator sees who runs it on the real site by mistake."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(60),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "MEDIA_ROOT": str(tmp_path / "media"),
        "CACHE_DIR": str(tmp_path / "cache"),
        "REDIS_URL": "",
    }
    done = subprocess.run(
        [sys.executable, "manage.py", "seed_demo"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1
    assert "CommandError: These are production settings" in done.stderr
    assert "Use --force to seed a throw-away site." in done.stderr
    assert done.stdout == ""
