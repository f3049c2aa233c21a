"""The demo's data files hold together: every text in all three languages,
every name that one file gives another found there, every jury's scores the
right shape. A slip while editing a file fails here, with the item named,
instead of half-way through seed_demo."""

import pytest

from demo.data import FIXTURES, load

LANGUAGES = ("kk", "ru", "en")


def test_every_data_file_loads():
    names = sorted(path.stem for path in FIXTURES.glob("*.yaml"))
    assert names == [
        "announcements",
        "branches",
        "certificates",
        "competitions",
        "events",
        "festivals",
        "home",
        "registrations",
        "reports",
        "trainings",
        "venues",
    ]
    for name in names:
        assert isinstance(load(name), dict), name


@pytest.mark.parametrize(
    ("name", "section"),
    [
        ("home", "pages"),
        ("announcements", "announcements"),
        ("events", "events"),
        ("events", "kinds"),
        ("venues", "venues"),
    ],
)
def test_each_item_has_all_three_languages_and_a_unique_key(name, section):
    items = load(name)[section]
    keys = [item.get("key", item.get("slug")) for item in items]
    assert len(keys) == len(set(keys)), f"{name}.yaml: a {section} key twice"
    for item in items:
        for code in LANGUAGES:
            text = item[code]
            assert text, f"{name}.yaml: {item.get('key')} has no {code}"
            if isinstance(text, dict) and "title" in text:
                assert text["title"].strip(), f"{name}.yaml: {item['key']} {code} has no title"


def test_events_name_existing_kinds_venues_and_organisers():
    content = load("events")
    kinds = {kind["slug"] for kind in content["kinds"]}
    venues = {venue["key"] for venue in load("venues")["venues"]}
    branches = {branch["key"] for branch in load("branches")["branches"]}
    for event in content["events"]:
        assert event["kind"] in kinds, event["key"]
        assert event["venue"] in venues, event["key"]
        assert event["organiser"] in branches, event["key"]


def test_registrations_are_on_events_that_open_registration():
    content = load("registrations")
    events = {event["key"] for event in load("events")["events"]}
    branches = {branch["key"] for branch in load("branches")["branches"]}
    assert set(content["open_registration"]) <= events
    for registration in content["registrations"]:
        assert registration["event"] in content["open_registration"]
        assert registration["lang"] in LANGUAGES
        if "branch" in registration["person"]:
            assert registration["person"]["branch"] in branches


def _check_entries(spec, criteria):
    for entry in spec["entries"]:
        assert 0 <= entry["category"] < len(spec["categories"]), entry["name"]
        if spec["result_type"] == "scored":
            assert len(entry["scores"]) == len(spec["jury"]), entry["name"]
            for row in entry["scores"]:
                assert row is None or len(row) == len(criteria), entry["name"]
        else:
            assert "result" in entry, entry["name"]
    names = {entry["name"] for entry in spec["entries"]}
    assert set(spec.get("awards", {})) <= names, spec["key"]


def test_competitions_entries_fit_their_categories_jury_and_criteria():
    content = load("competitions")
    judges = {"admin"} | {judge["username"] for judge in content["judges"]}
    for spec in content["competitions"]:
        assert set(spec["jury"]) <= judges, spec["key"]
        _check_entries(spec, content["criteria"])


def test_festival_nominations_name_existing_disciplines():
    content = load("festivals")
    judges = {"admin"} | {judge["username"] for judge in load("competitions")["judges"]}
    assert set(content["nomination"]["jury"]) <= judges
    nominations = [n for edition in content["editions"].values() for n in edition["nominations"]]
    nominations += content["current"]["nominations"]
    for nomination in nominations:
        assert nomination["discipline"] in content["disciplines"], nomination["slug"]
    for edition in content["editions"].values():
        for nomination in edition["nominations"]:
            spec = {
                **content["nomination"],
                "categories": content["categories"],
                **nomination,
            }
            _check_entries(spec, load("competitions")["criteria"])


def test_certificate_attendees_come_to_an_existing_event():
    content = load("certificates")
    events = {f"event:{event['key']}" for event in load("events")["events"]}
    assert content["event"] in events
    assert {template["kind"] for template in content["templates"]} == {
        "participation",
        "diploma",
        "thanks",
    }
