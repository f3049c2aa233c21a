"""The judges' grid: every entry as a row and every criterion as a column,
each input labelled with both; one Save for every row, with a partial grid
allowed; bad cells listed in the error summary with what was typed kept and
the other cells saved; a score saved meanwhile from another tab never
overwritten unseen; the same audit trail and permissions as the one-entry
screen; read-only once judging is closed."""

import json
from decimal import Decimal as D

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import PageLogEntry

from competitions.models import MeasuredResult, Score
from competitions.services import judging_close, result_record, scores_save

from .conftest import make_staff

pytestmark = pytest.mark.django_db


def jury(page):
    return [seat.user for seat in page.jury.order_by("sort_order")]


def entries(page):
    return list(page.entries.order_by("running_order", "pk"))


def grid_url(page, category=None):
    if category is None:
        return reverse("judging:grid", args=[page.pk])
    return reverse("judging:grid_category", args=[page.pk, category.pk])


def refused(response) -> bool:
    """The admin's answer to PermissionDenied: to the dashboard, with a message."""
    return response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")


def cell(entry, criterion) -> str:
    return f"entry-{entry.pk}-criterion_{criterion.pk}"


def form_data(html) -> dict:
    """What the browser would send from the grid's form, as it stands."""
    data = {}
    form = html.select_one("form[data-judging-grid]")
    for field in form.select("input[name], select[name]"):
        if field.name == "select":
            chosen = field.select_one("option[selected]")
            value = chosen["value"] if chosen else ""
        else:
            value = field.get("value", "")
        if field["name"] == "rows":
            data.setdefault("rows", []).append(value)
        else:
            data[field["name"]] = value
    data.pop("csrfmiddlewaretoken", None)
    return data


def label_of(html, field_id) -> str:
    return html.find("label", attrs={"for": field_id}).get_text(" ", strip=True)


def scores_of(judge, entry) -> dict:
    return {
        s.criterion.name: s.value
        for s in Score.objects.filter(entry=entry, judge=judge).select_related("criterion")
    }


def test_the_grid_is_a_table_whose_inputs_name_the_entry_and_the_criterion(
    make_competition, client, soup
):
    page = make_competition(entries=4)
    criteria = list(page.criteria.all())
    client.force_login(jury(page)[1])
    html = soup(client.get(grid_url(page)))
    # The heading and the window's title name the competition.
    assert html.h1.get_text(" ", strip=True).endswith(f"Your scores in a grid — {page.title}")
    assert html.title.get_text().startswith(f"Your scores in a grid — {page.title}")

    regions = html.select("form [role=region]")
    captions = [r.select_one("table caption") for r in regions]
    assert [c.get_text(strip=True) for c in captions] == [
        "Your scores: I топ",
        "Your scores: II топ",
    ]
    for region, caption in zip(regions, captions, strict=True):
        assert region["tabindex"] == "0"
        assert region["aria-labelledby"] == caption["id"]
    table = html.select_one("table")
    assert [th.get_text(" ", strip=True) for th in table.select("thead th[scope=col]")] == [
        "Name",
        "Work",
        "Көркемдігі (out of 10)",
        "Мазмұны (out of 10)",
        "Орындалуы (out of 10)",
    ]

    for entry in entries(page):
        row = html.find("tr", id=f"entry-{entry.pk}")
        assert row.select_one("th[scope=row]").get_text(strip=True) == entry.participant_name
        inputs = row.select("input[type=text]")
        assert [i["name"] for i in inputs] == [cell(entry, c) for c in criteria]
        for field, criterion in zip(inputs, criteria, strict=True):
            assert label_of(html, field["id"]) == (
                f"{criterion.name}, from 0 to 10, for {entry.participant_name}"
            )
            assert field["inputmode"] == "decimal"
            assert field.get("value") is None
            assert "autofocus" not in field.attrs
    assert html.find("button", attrs={"type": "submit"}).get_text(strip=True) == "Save all rows"


def test_one_save_saves_several_rows_with_the_one_entry_screens_audit_trail(
    make_competition, client, soup
):
    page = make_competition(entries=3)
    first, second, third = entries(page)
    artistry, content, delivery = page.criteria.all()
    judge = jury(page)[1]
    client.force_login(judge)
    data = form_data(soup(client.get(grid_url(page))))
    data |= {
        cell(first, artistry): "8.5",
        cell(first, content): "9,25",
        cell(first, delivery): "10",
        cell(second, artistry): "7",
        cell(second, content): "6.5",
        cell(second, delivery): "0",
    }
    response = client.post(grid_url(page), data, follow=True)
    assert response.redirect_chain == [(grid_url(page), 302)]
    assert [str(m).strip() for m in response.context["messages"]] == [
        "Your scores are saved for 2 entries."
    ]
    assert scores_of(judge, first) == {
        "Көркемдігі": D("8.5"),
        "Мазмұны": D("9.25"),
        "Орындалуы": 10,
    }
    assert scores_of(judge, second) == {"Көркемдігі": 7, "Мазмұны": D("6.5"), "Орындалуы": 0}
    assert scores_of(judge, third) == {}
    logs = PageLogEntry.objects.filter(page=page, action="competitions.score.save").order_by("pk")
    assert [(log.user, log.data) for log in logs] == [
        (
            judge,
            {
                "entry": first.pk,
                "scores": {
                    str(artistry.pk): "8.5",
                    str(content.pk): "9.25",
                    str(delivery.pk): "10",
                },
            },
        ),
        (
            judge,
            {
                "entry": second.pk,
                "scores": {str(artistry.pk): "7", str(content.pk): "6.5", str(delivery.pk): "0"},
            },
        ),
    ]
    # The page shows the scores saved, as the judge will type them again.
    html = soup(response)
    assert html.find("input", attrs={"name": cell(first, content)})["value"] == "9.25"
    assert html.find("input", attrs={"name": cell(second, delivery)})["value"] == "0"


def test_a_partial_grid_saves_what_was_typed_and_empty_cells_stay_unscored(
    make_competition, client, soup
):
    page = make_competition(entries=3)
    first, second, _third = entries(page)
    artistry, _content, delivery = page.criteria.all()
    judge = jury(page)[2]
    client.force_login(judge)
    data = form_data(soup(client.get(grid_url(page))))
    data |= {cell(first, delivery): "9", cell(second, artistry): "4.75"}
    response = client.post(grid_url(page), data, follow=True)
    assert [str(m).strip() for m in response.context["messages"]] == [
        "Your scores are saved for 2 entries."
    ]
    assert scores_of(judge, first) == {"Орындалуы": 9}
    assert scores_of(judge, second) == {"Көркемдігі": D("4.75")}
    assert Score.objects.filter(entry__competition=page).count() == 2

    # Sent again unchanged (a reload, a double click): nothing changes.
    again = client.post(grid_url(page), form_data(soup(response)), follow=True)
    assert [str(m).strip() for m in again.context["messages"]] == ["Nothing was changed."]
    assert PageLogEntry.objects.filter(page=page, action="competitions.score.save").count() == 2


def test_bad_cells_are_listed_each_keeps_what_was_typed_and_the_rest_is_saved(
    make_competition, client, soup
):
    page = make_competition(entries=2)
    first, second = entries(page)
    artistry, content, delivery = page.criteria.all()
    judge = jury(page)[1]
    client.force_login(judge)
    data = form_data(soup(client.get(grid_url(page))))
    data |= {
        cell(first, artistry): "11",
        cell(first, content): "8",
        cell(first, delivery): "abc",
        cell(second, artistry): "9.5",
        cell(second, content): "8.125",
    }
    response = client.post(grid_url(page), data)
    assert response.status_code == 200
    html = soup(response)

    summary = html.select_one(".staff-error-summary")
    assert summary["role"] == "alert"
    assert summary.h2.get_text(" ", strip=True) == "There are 3 problems in the grid."
    assert summary.p.get_text(" ", strip=True) == (
        "Each input listed still shows what you typed. Every other score you typed is saved."
    )
    expected = [
        (first, artistry, "11", "The score for “Көркемдігі” must be from 0 to 10."),
        (first, delivery, "abc", "Enter the score for “Орындалуы” as a number, like 8.5."),
        (
            second,
            content,
            "8.125",
            "Give the score for “Мазмұны” with at most two decimal places.",
        ),
    ]
    links = summary.select("li a")
    assert [a["href"] for a in links] == [f"#id_{cell(e, c)}" for e, c, _t, _m in expected]
    for link, (entry, criterion, typed, message) in zip(links, expected, strict=True):
        field_id = f"id_{cell(entry, criterion)}"
        assert link.get_text(" ", strip=True) == (
            f"{criterion.name}, from 0 to 10, for {entry.participant_name}: {message}"
        )
        bad = html.find("input", id=field_id)
        assert bad["value"] == typed
        assert bad["aria-invalid"] == "true"
        assert bad["aria-describedby"] == f"{field_id}_error"
        assert html.find(id=f"{field_id}_error").get_text(strip=True) == message
        # The error is in the input's own cell, under the same column header.
        assert html.find(id=f"{field_id}_error").find_parent("td") == bad.find_parent("td")

    # The good cells are saved, and shown as typed.
    assert scores_of(judge, first) == {"Мазмұны": 8}
    assert scores_of(judge, second) == {"Көркемдігі": D("9.5")}
    assert html.find("input", attrs={"name": cell(first, content)})["value"] == "8"

    # Corrected and sent again: saved, and nothing logged twice.
    data = form_data(html) | {
        cell(first, artistry): "10",
        cell(first, delivery): "7",
        cell(second, content): "8.25",
    }
    response = client.post(grid_url(page), data, follow=True)
    assert [str(m).strip() for m in response.context["messages"]] == [
        "Your scores are saved for 2 entries."
    ]
    assert scores_of(judge, first) == {"Көркемдігі": 10, "Мазмұны": 8, "Орындалуы": 7}
    assert scores_of(judge, second) == {"Көркемдігі": D("9.5"), "Мазмұны": D("8.25")}
    assert PageLogEntry.objects.filter(page=page, action="competitions.score.save").count() == 4


def test_a_score_saved_meanwhile_in_another_tab_is_not_overwritten_unseen(
    make_competition, client, soup
):
    page = make_competition(entries=2)
    first, second = entries(page)
    artistry, content, _delivery = page.criteria.all()
    judge = jury(page)[1]
    client.force_login(judge)
    stale = form_data(soup(client.get(grid_url(page))))
    # Another tab saves first.
    scores_save(entry=first, judge=judge, values={artistry: D(7)})

    stale |= {cell(first, artistry): "9", cell(first, content): "6", cell(second, artistry): "5"}
    response = client.post(grid_url(page), stale)
    assert response.status_code == 200
    html = soup(response)
    field_id = f"id_{cell(first, artistry)}"
    message = (
        "Not saved: 7 was saved here from another tab or window meanwhile. "
        "Save again to replace it with what you typed."
    )
    assert [a.get_text(" ", strip=True) for a in html.select(".staff-error-summary li a")] == [
        f"{artistry.name}, from 0 to 10, for {first.participant_name}: {message}"
    ]
    assert html.find(id=f"{field_id}_error").get_text(strip=True) == message
    assert html.find("input", id=field_id)["value"] == "9"
    assert scores_of(judge, first) == {"Көркемдігі": 7, "Мазмұны": 6}
    assert scores_of(judge, second) == {"Көркемдігі": 5}

    # Sent again from the page that said so, the judge's 9 replaces the 7.
    response = client.post(grid_url(page), form_data(html), follow=True)
    assert [str(m).strip() for m in response.context["messages"]] == [
        "Your scores are saved for 1 entry."
    ]
    assert scores_of(judge, first) == {"Көркемдігі": 9, "Мазмұны": 6}


def test_the_same_grid_sent_twice_at_once_saves_once(make_competition, client, soup):
    page = make_competition(entries=1)
    entry = page.entries.get()
    artistry = page.criteria.first()
    judge = jury(page)[0]
    client.force_login(judge)
    data = form_data(soup(client.get(grid_url(page)))) | {cell(entry, artistry): "8"}
    assert client.post(grid_url(page), data).status_code == 302
    # The second of a double click was sent with the same page as the first.
    assert client.post(grid_url(page), data).status_code == 302
    assert scores_of(judge, entry) == {"Көркемдігі": 8}
    assert PageLogEntry.objects.filter(page=page, action="competitions.score.save").count() == 1


def test_a_saved_score_cannot_be_emptied(make_competition, client, soup):
    page = make_competition(entries=1)
    entry = page.entries.get()
    artistry = page.criteria.first()
    judge = jury(page)[1]
    scores_save(entry=entry, judge=judge, values={artistry: D("6.5")})
    client.force_login(judge)
    data = form_data(soup(client.get(grid_url(page)))) | {cell(entry, artistry): ""}
    html = soup(client.post(grid_url(page), data))
    assert html.find(id=f"id_{cell(entry, artistry)}_error").get_text(strip=True) == (
        "A saved score cannot be removed: enter a score from 0 to 10 (it was 6.5)."
    )
    assert scores_of(judge, entry) == {"Көркемдігі": D("6.5")}


def test_a_judge_sees_only_their_own_scores(make_competition, client, soup):
    page = make_competition(entries=1, judges=2)
    chair, judge = jury(page)
    entry = page.entries.get()
    artistry, content, _delivery = page.criteria.all()
    scores_save(entry=entry, judge=chair, values={artistry: D("9.75"), content: D("9.5")})
    scores_save(entry=entry, judge=judge, values={artistry: D(6)})
    client.force_login(judge)
    html = soup(client.get(grid_url(page)))
    values = [i.get("value") for i in html.select("input[type=text]")]
    assert values == ["6", None, None]
    assert "9.75" not in html.get_text()
    assert "9.75" not in str(html.select_one("form"))

    client.force_login(chair)
    html = soup(client.get(grid_url(page)))
    assert [i.get("value") for i in html.select("input[type=text]")] == ["9.75", "9.5", None]


def test_only_the_jury_may_open_or_post_the_grid(make_competition, client, soup):
    page = make_competition(entries=1)
    other = make_competition(entries=1)
    entry = page.entries.get()
    artistry = page.criteria.first()
    urls = [grid_url(page), grid_url(page, page.categories.first())]
    data = {"rows": [str(entry.pk)], cell(entry, artistry): "5", cell(entry, artistry) + "-was": ""}
    for user in (make_staff("grid-outsider"), jury(other)[0]):
        client.force_login(user)
        assert [refused(client.get(u)) for u in urls] == [True, True]
        assert refused(client.post(urls[0], data))
    assert not Score.objects.filter(entry=entry).exists()

    # A category of another competition is not found; another competition's
    # entry posted into this grid is ignored.
    client.force_login(jury(page)[0])
    assert client.get(grid_url(page, other.categories.first())).status_code == 404
    stranger = other.entries.get()
    client.post(
        grid_url(page),
        {"rows": [str(stranger.pk)], cell(stranger, other.criteria.first()): "5"},
    )
    assert not Score.objects.filter(entry=stranger).exists()


def test_once_judging_is_closed_the_grid_is_read_only(make_competition, client, soup):
    page = make_competition(entries=2, judges=2)
    chair, judge = jury(page)
    first, second = entries(page)
    artistry, content, _delivery = page.criteria.all()
    scores_save(entry=first, judge=judge, values={artistry: D("8.5")})
    client.force_login(judge)
    stale = form_data(soup(client.get(grid_url(page))))
    judging_close(competition=page, user=chair)

    html = soup(client.get(grid_url(page)))
    assert html.select("input[type=text]") == []
    assert html.find("button", attrs={"type": "submit"}) is None
    assert html.select_one(".help-warning").get_text(strip=True) == (
        "Judging is closed: your scores are shown and can no longer be changed."
    )
    row = html.find("tr", id=f"entry-{first.pk}")
    assert [td.get_text(strip=True) for td in row.select("td")][1:] == [
        "8.5",
        "not scored",
        "not scored",
    ]

    # A tab opened before the close: nothing is saved, nothing typed is lost.
    stale |= {cell(first, artistry): "9", cell(second, content): "7"}
    response = client.post(grid_url(page), stale)
    assert response.status_code == 200
    html = soup(response)
    summary = html.select_one(".staff-error-summary")
    assert summary.p.get_text(" ", strip=True) == (
        "Each input listed still shows what you typed. Nothing is saved."
    )
    assert [li.get_text(" ", strip=True) for li in summary.select("li")] == [
        "Judging of this competition is closed: scores can no longer be changed.",
        f"{artistry.name}, from 0 to 10, for {first.participant_name}: "
        "Not saved: judging is closed.",
        f"{content.name}, from 0 to 10, for {second.participant_name}: "
        "Not saved: judging is closed.",
    ]
    assert html.find("input", attrs={"name": cell(first, artistry)})["value"] == "9"
    assert html.find("input", attrs={"name": cell(second, content)})["value"] == "7"
    assert html.find("button", attrs={"type": "submit"}) is None
    assert scores_of(judge, first) == {"Көркемдігі": D("8.5")}
    assert scores_of(judge, second) == {}


def test_a_category_page_shows_and_saves_only_its_rows(make_competition, client, soup):
    page = make_competition(entries=4)
    group_one, group_two = page.categories.all()
    judge = jury(page)[1]
    artistry = page.criteria.first()
    client.force_login(judge)
    html = soup(client.get(grid_url(page, group_two)))
    assert [c.get_text(strip=True) for c in html.select("table caption")] == ["Your scores: II топ"]
    shown = [row["id"] for row in html.select("tr[data-grid-row]")]
    assert shown == [f"entry-{e.pk}" for e in entries(page) if e.category_id == group_two.pk]
    current = html.select_one("nav a[aria-current=page]")
    assert current.get_text(strip=True) == "II топ"

    data = form_data(html)
    for entry in entries(page):
        if entry.category_id == group_two.pk:
            data[cell(entry, artistry)] = "5"
    response = client.post(grid_url(page, group_two), data)
    assert response.status_code == 302
    assert response["Location"] == grid_url(page, group_two)
    assert sorted(Score.objects.filter(judge=judge).values_list("entry__category", flat=True)) == [
        group_two.pk,
        group_two.pk,
    ]


def test_the_two_screens_link_to_each_other(make_competition, client, soup):
    page = make_competition(entries=2)
    first, _second = entries(page)
    client.force_login(jury(page)[1])
    grid = soup(client.get(grid_url(page)))
    link = grid.find("a", string="Score one entry at a time")
    assert link["href"] == reverse("judging:entry", args=[page.pk, first.pk])
    one = soup(client.get(link["href"]))
    assert one.find("a", string="All your scores in a grid")["href"] == (
        f"{grid_url(page)}#entry-{first.pk}"
    )
    overview = soup(client.get(reverse("judging:competition", args=[page.pk])))
    assert overview.find("a", string="All your scores in a grid")["href"] == grid_url(page)


def test_a_row_saved_by_the_script_answers_in_json(make_competition, client, soup):
    page = make_competition(entries=2)
    first, second = entries(page)
    artistry, content, _delivery = page.criteria.all()
    judge = jury(page)[1]
    client.force_login(judge)
    data = form_data(soup(client.get(grid_url(page))))
    # The script sends one row: its inputs and its entry in "rows".
    row = {k: v for k, v in data.items() if k.startswith(f"entry-{first.pk}-")}
    row |= {"rows": [str(first.pk)], cell(first, artistry): "8,5", cell(first, content): "12"}
    response = client.post(grid_url(page), row, headers={"accept": "application/json"})
    assert response.status_code == 200
    report = json.loads(response.content)
    assert report["message"] == f"Not saved: {first.participant_name}, 1 problem."
    assert report["fields"][f"id_{cell(first, artistry)}"] == {
        "errors": [],
        "was_name": f"{cell(first, artistry)}-was",
        "was": "8.5",
    }
    assert report["fields"][f"id_{cell(first, content)}"]["errors"] == [
        "The score for “Мазмұны” must be from 0 to 10."
    ]
    assert report["fields"][f"id_{cell(first, content)}"]["was"] == ""
    assert not any(k.startswith(f"id_entry-{second.pk}-") for k in report["fields"])
    assert scores_of(judge, first) == {"Көркемдігі": D("8.5")}

    row |= {cell(first, artistry) + "-was": "8.5", cell(first, content): "9"}
    report = json.loads(
        client.post(grid_url(page), row, headers={"accept": "application/json"}).content
    )
    assert report["message"] == f"Saved: {first.participant_name}."
    assert scores_of(judge, first) == {"Көркемдігі": D("8.5"), "Мазмұны": 9}
    assert PageLogEntry.objects.filter(page=page, action="competitions.score.save").count() == 2


def test_measured_results_in_a_grid(make_competition, client, soup):
    page = make_competition(
        entries=4, judges=2, categories=("Ашық",), result_type="time", competition_kind="sports"
    )
    first, second, third, fourth = entries(page)
    judge = jury(page)[1]
    result_record(entry=fourth, user=jury(page)[0], status="dsq")
    client.force_login(judge)
    html = soup(client.get(grid_url(page)))
    assert [th.get_text(" ", strip=True) for th in html.select("thead th")] == [
        "Name",
        "Work",
        "Outcome",
        "Time (like 1:02.35 or 59.90)",
    ]
    status = html.find("select", attrs={"name": f"entry-{first.pk}-status"})
    assert label_of(html, status["id"]) == f"Outcome for {first.participant_name}"
    result = html.find("input", attrs={"name": f"entry-{first.pk}-result"})
    assert label_of(html, result["id"]) == f"Time of {first.participant_name}"
    assert [o.get_text(strip=True) for o in status.select("option")] == [
        "not recorded yet",
        "Result",
        "Did not finish",
        "Did not start",
        "Disqualified",
    ]
    recorded = html.find("select", attrs={"name": f"entry-{fourth.pk}-status"})
    assert recorded.select_one("option[selected]")["value"] == "dsq"

    data = form_data(html) | {
        f"entry-{first.pk}-result": "1:02,35",  # a time alone is a finish
        f"entry-{second.pk}-status": "dns",
        f"entry-{third.pk}-status": "finished",
        f"entry-{third.pk}-result": "1:75.00",
    }
    response = client.post(grid_url(page), data)
    assert response.status_code == 200
    html = soup(response)
    field_id = f"id_entry-{third.pk}-result"
    message = "The seconds of a time must be from 00 to 59, for example 1:15.00."
    assert [a["href"] for a in html.select(".staff-error-summary a")] == [f"#{field_id}"]
    assert html.find(id=f"{field_id}_error").get_text(strip=True) == message
    assert html.find("input", id=field_id)["value"] == "1:75.00"
    assert MeasuredResult.objects.get(entry=first).value == D("62.35")
    assert MeasuredResult.objects.get(entry=second).status == "dns"
    assert not MeasuredResult.objects.filter(entry=third).exists()
    assert MeasuredResult.objects.get(entry=fourth).status == "dsq"
    logs = PageLogEntry.objects.filter(page=page, action="competitions.result.save")
    assert sorted(log.data["entry"] for log in logs) == sorted([first.pk, second.pk, fourth.pk])

    judging_close(competition=page, user=jury(page)[0])
    closed = soup(client.get(grid_url(page)))
    row = closed.find("tr", id=f"entry-{first.pk}")
    assert [td.get_text(strip=True) for td in row.select("td")][1:] == ["Result", "1:02.35"]


def test_the_grid_costs_the_same_queries_for_one_entry_or_many(make_competition, client):
    counts = []
    for n in (1, 8):
        page = make_competition(entries=n, judges=2)
        judge = jury(page)[1]
        for entry in entries(page):
            scores_save(entry=entry, judge=judge, values={c: D(5) for c in page.criteria.all()})
        client.force_login(judge)
        client.get(grid_url(page))  # per-process caches (site, locale, menus)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(grid_url(page))
        assert response.status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1] > 0
