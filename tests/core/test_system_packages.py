"""The Debian packages: one list (site/deploy/system-packages.toml) that the
README's table, the Makefile and CI agree with, and a clear message where
they cannot be installed."""

import re
from pathlib import Path

import pytest
from django.conf import settings

from core import system_packages

ROOT = Path(settings.BASE_DIR)


def readme_rows() -> dict[str, list[str]]:
    """The README's table of system packages: name -> [make targets, purpose, without]."""
    readme = (ROOT / "README.md").read_text()
    section = readme.split("## System packages", 1)[1].split("\n## ", 1)[0]
    rows = {}
    for line in section.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        match = re.fullmatch(r"`([a-z0-9.+-]+)`", cells[0]) if len(cells) == 4 else None
        if match:
            rows[match.group(1)] = cells[1:]
    return rows


def test_the_readme_table_is_the_list_the_script_installs():
    expected = {
        package.name: [", ".join(package.targets), package.purpose, package.without]
        for package in system_packages.packages()
    }
    assert readme_rows() == expected


def test_make_and_ci_go_through_the_script():
    makefile = (ROOT / "Makefile").read_text()
    ci = (ROOT / ".ci" / "run").read_text()
    assert re.search(r"^test: system-test ", makefile, re.M)
    assert re.search(r"^run: system-run ", makefile, re.M)
    assert "core/system_packages.py ensure $(@:system-%=%)" in makefile
    assert "core/system_packages.py ensure test --strict" in ci
    assert "apt-get" not in ci, "CI installs packages only through the script"


def test_every_package_names_its_targets_and_a_check():
    for package in system_packages.packages():
        assert set(package.targets) <= set(system_packages.TARGETS), package.name
        assert {"command", "library", "file"} & set(package.check), package.name
    names = {package.name for package in system_packages.packages("test")}
    assert {"chromium", "poppler-utils", "libharfbuzz-subset0", "gettext"} <= names


@pytest.fixture
def a_missing_package(monkeypatch):
    absent = system_packages.Package(
        name="poppler-utils",
        targets=("test",),
        check={"command": "no-such-command-here"},
        purpose="tests read the generated PDFs back",
        without="those tests are skipped",
    )
    present = system_packages.Package(
        name="gettext",
        targets=("test",),
        check={"command": "sh"},
        purpose="translations",
        without="English",
    )
    monkeypatch.setattr(system_packages, "packages", lambda target=None: [absent, present])
    return absent


def test_without_root_it_prints_one_list_of_what_to_install_and_why(
    a_missing_package, monkeypatch, capsys
):
    monkeypatch.setattr(system_packages, "_install_command", lambda: None)

    assert system_packages.ensure("test") == 0
    assert system_packages.ensure("test", strict=True) == 1

    message = capsys.readouterr().err
    assert (
        "poppler-utils  tests read the generated PDFs back; without it: those tests are skipped"
        in message
    )
    assert "Install them with: sudo apt-get install poppler-utils\n" in message
    assert "gettext" not in message


def test_a_test_that_needs_a_missing_package_gets_its_reason(a_missing_package, monkeypatch):
    monkeypatch.setattr(system_packages, "package", lambda name: a_missing_package)

    reason = system_packages.missing_reason("poppler-utils")

    assert reason == (
        "Debian package poppler-utils is missing (tests read the generated PDFs back); "
        "`make test` installs it when it runs as root, or: sudo apt-get install poppler-utils"
    )


def test_nothing_is_printed_when_everything_is_there(monkeypatch, capsys):
    monkeypatch.setattr(
        system_packages,
        "packages",
        lambda target=None: [
            system_packages.Package("gettext", ("run",), {"command": "sh"}, "p", "w")
        ],
    )
    assert system_packages.ensure("run", strict=True) == 0
    assert capsys.readouterr() == ("", "")
