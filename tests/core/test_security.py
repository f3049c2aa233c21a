"""The security baseline: a strict CSP, no inline script or style in any page
we render, production refusing to start without a real secret key."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from wagtail.models import Page

ROOT = Path(settings.BASE_DIR)


@pytest.mark.django_db
def test_csp_forbids_inline_script_and_style(client):
    policy = client.get("/kk/")["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert "unsafe-inline" not in policy


@pytest.mark.django_db
def test_no_page_has_inline_script_or_style(client, soup):
    urls = [p.url for p in Page.objects.live().filter(depth__gte=2).specific()]
    urls += ["/kk/search/?q=кітап", "/ru/no-such-page/"]
    for url in urls:
        html = soup(client.get(url))
        assert html.find("style") is None, url
        assert html.find(style=True) is None, url
        for script in html.find_all("script"):
            assert script.get("src"), f"inline script on {url}"


def _run_manage(*args, env_extra):
    env = {key: value for key, value in os.environ.items() if key != "SECRET_KEY"}
    env.update({"DJANGO_SETTINGS_MODULE": "config.settings.production", **env_extra})
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = _run_manage("check", env_extra={})
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_check_deploy_is_clean_with_production_settings():
    result = _run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env_extra={
            "SECRET_KEY": "x" * 20 + "-real-looking-random-secret-value-0123456789",
            "ALLOWED_HOSTS": "example.org",
        },
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.django_db
def test_unprefixed_addresses_answer_404_not_a_redirect(client):
    from django.contrib.auth import get_user_model

    user = get_user_model()
    client.force_login(user.objects.get(username="admin"))
    assert client.get("/admin/no-such-screen/").status_code == 404
    assert client.get("/calendar/no-such-token.ics").status_code == 404
    # Public pages still go to the visitor's language.
    assert client.get("/about/").status_code == 302
