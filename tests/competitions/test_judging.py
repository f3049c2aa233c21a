"""The jury's transitions and the public results: who may do what, when,
what the log records, and what the public sees."""

from decimal import Decimal as D

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import PageLogEntry

from competitions.enums import JudgingState
from competitions.models import CompetitionPage, Entry, Score
from competitions.services import (
    JudgingError,
    judging_close,
    judging_reopen,
    missing_scores,
    result_record,
    results_publish,
    scores_save,
)
from competitions.standings import competition_standings

from .conftest import en, in_language, make_staff

pytestmark = pytest.mark.django_db


def jury(page):
    return [seat.user for seat in page.jury.order_by("sort_order")]


def score_all(page, table):
    """table[entry_index][judge_index] = (c1, c2, c3)."""
    criteria = list(page.criteria.all())
    entries = list(Entry.objects.filter(competition=page).order_by("running_order"))
    for entry, per_judge in zip(entries, table, strict=True):
        for judge, values in zip(jury(page), per_judge, strict=True):
            scores_save(
                entry=entry,
                judge=judge,
                values={c: D(v) for c, v in zip(criteria, values, strict=True)},
            )
    return entries


def test_a_judge_saves_scores_and_the_log_records_them(make_competition):
    page = make_competition(entries=1)
    entry = page.entries.get()
    judge = jury(page)[1]
    artistry, content, delivery = page.criteria.all()
    changed = scores_save(entry=entry, judge=judge, values={artistry: D("8.5"), content: D(9)})
    assert changed == [artistry, content]
    assert sorted(Score.objects.filter(entry=entry).values_list("value", flat=True)) == [
        D("8.5"),
        D("9"),
    ]
    log = PageLogEntry.objects.filter(page=page, action="competitions.score.save").get()
    assert log.user == judge
    assert log.data == {
        "entry": entry.pk,
        "scores": {str(artistry.pk): "8.5", str(content.pk): "9"},
    }


def test_the_same_scores_twice_change_nothing_and_log_once(make_competition):
    page = make_competition(entries=1)
    entry = page.entries.get()
    judge = jury(page)[0]
    values = {c: D(7) for c in page.criteria.all()}
    assert len(scores_save(entry=entry, judge=judge, values=values)) == 3
    assert scores_save(entry=entry, judge=judge, values=values) == []
    assert Score.objects.filter(entry=entry).count() == 3
    assert PageLogEntry.objects.filter(page=page, action="competitions.score.save").count() == 1


def test_a_user_not_on_the_jury_cannot_score(make_competition):
    page = make_competition(entries=1)
    other = make_competition(entries=0)
    outsider = jury(other)[0]
    with pytest.raises(JudgingError) as error:
        scores_save(entry=page.entries.get(), judge=outsider, values={page.criteria.first(): D(5)})
    assert en(error.value.message) == "You are not on the jury of this competition."
    assert not Score.objects.filter(entry__competition=page).exists()


@pytest.mark.parametrize("value", [D("-0.5"), D("10.01"), D(11)])
def test_scores_outside_zero_to_maximum_are_refused(make_competition, value):
    page = make_competition(entries=1)
    criterion = page.criteria.first()
    # The message is said in the language of the request (here English).
    with pytest.raises(JudgingError) as error, translation.override("en"):
        scores_save(entry=page.entries.get(), judge=jury(page)[0], values={criterion: value})
    assert str(error.value.message) == f"The score for “{criterion.name}” must be from 0 to 10."
    assert not Score.objects.exists() or not Score.objects.filter(criterion=criterion).exists()


def test_close_publish_and_results_in_order(make_competition, client, soup):
    page = make_competition(entries=4, judges=3)
    chair, second, third = jury(page)
    score_all(
        page,
        [
            [(9, 9, 9), (8, 8, 8), (10, 10, 10)],  # 27 in category I
            [(5, 5, 5), (6, 6, 6), (7, 7, 7)],  # 18 in category II
            [(7, 7, 7), (7, 7, 7), (7, 7, 7)],  # 21 in category I
            [(6, 6, 6), (6, 6, 6), (6, 6, 6)],  # 18 in category II: a tie with entry 2
        ],
    )
    results_url = page.url + "results/"
    assert client.get(results_url).status_code == 404

    with pytest.raises(JudgingError):
        judging_close(competition=page, user=second)
    judging_close(competition=page, user=chair)
    page.refresh_from_db()
    assert page.judging_state == JudgingState.CLOSED
    with pytest.raises(JudgingError) as error:
        scores_save(entry=page.entries.first(), judge=second, values={page.criteria.first(): D(1)})
    assert en(error.value.message) == (
        "Judging of this competition is closed: scores can no longer be changed."
    )
    assert client.get(results_url).status_code == 404

    results_publish(competition=page, user=chair)
    page.refresh_from_db()
    assert page.judging_state == JudgingState.PUBLISHED
    response = client.get(results_url)
    assert response.status_code == 200
    html = soup(response)
    tables = html.select("table.results-table")
    assert [t.caption.get_text(strip=True) for t in tables] == ["I топ", "II топ"]
    first = [
        [cell.get_text(" ", strip=True) for cell in row.find_all(["th", "td"])]
        for row in tables[0].tbody.find_all("tr")
    ]
    entries = list(page.entries.order_by("running_order"))
    assert [row[0] for row in first] == ["1", "2"]
    assert [row[1] for row in first] == [entries[0].participant_name, entries[2].participant_name]
    assert [row[-1] for row in first] == ["27.00", "21.00"]
    second_table = [
        [cell.get_text(" ", strip=True) for cell in row.find_all(["th", "td"])]
        for row in tables[1].tbody.find_all("tr")
    ]
    shared = in_language("kk", "(shared)")
    assert [row[0] for row in second_table] == [f"1 {shared}", f"1 {shared}"]
    assert [th["scope"] for th in tables[0].thead.find_all("th")] == ["col"] * 5
    winners = [li.get_text(" ", strip=True) for li in html.select("ul.winners li")]
    assert winners[0].startswith(
        in_language("kk", "Place %(prize)s: %(name)s", prize="I", name=entries[0].participant_name)
    )
    assert len(winners) == 4
    actions = list(
        PageLogEntry.objects.filter(page=page, action__startswith="competitions.judging")
        .order_by("pk")
        .values_list("action", flat=True)
    )
    assert actions == ["competitions.judging.close"]
    assert (
        PageLogEntry.objects.filter(page=page, action="competitions.results.publish").count() == 1
    )


def test_publishing_with_missing_scores_needs_a_recorded_decision(make_competition):
    page = make_competition(entries=2, judges=2)
    chair, second = jury(page)
    criteria = list(page.criteria.all())
    entries = list(page.entries.order_by("running_order"))
    for entry in entries:
        scores_save(entry=entry, judge=chair, values={c: D(8) for c in criteria})
    scores_save(entry=entries[0], judge=second, values={c: D(7) for c in criteria})
    scores_save(entry=entries[1], judge=second, values={criteria[0]: D(7)})

    missing = missing_scores(page)
    assert [(m[0], m[1].user, m[2]) for m in missing] == [(entries[1], second, criteria[1:])]

    with pytest.raises(JudgingError):
        results_publish(competition=page, user=chair, decision="early")  # not closed yet
    judging_close(competition=page, user=chair)
    with pytest.raises(JudgingError) as error:
        results_publish(competition=page, user=chair)
    assert en(error.value.message).startswith("Some scores are missing.")
    page.refresh_from_db()
    assert page.judging_state == JudgingState.CLOSED

    results_publish(
        competition=page, user=chair, decision="The judge fell ill; ranked on the scores given."
    )
    page.refresh_from_db()
    assert page.judging_state == JudgingState.PUBLISHED
    assert page.publish_decision == "The judge fell ill; ranked on the scores given."
    log = PageLogEntry.objects.get(page=page, action="competitions.results.publish")
    assert log.data == {"missing": 1, "decision": page.publish_decision}


def test_chair_can_reopen_closed_judging_for_a_late_score(make_competition):
    page = make_competition(entries=1, judges=2)
    chair, second = jury(page)
    judging_close(competition=page, user=chair)
    with pytest.raises(JudgingError):
        judging_reopen(competition=page, user=second)
    judging_reopen(competition=page, user=chair)
    entry = page.entries.get()
    scores_save(entry=entry, judge=second, values={page.criteria.first(): D(6)})
    assert Score.objects.filter(entry=entry, judge=second).count() == 1


def test_measured_results_rank_times_with_non_finishers_last(make_competition):
    page = make_competition(
        entries=4,
        judges=1,
        categories=("Ашық",),
        result_type="time",
        competition_kind="sports",
        discipline="Жүзу, 50 м",
    )
    chair = jury(page)[0]
    entries = list(page.entries.order_by("running_order"))
    result_record(entry=entries[0], user=chair, status="finished", value=D("62.35"))
    result_record(entry=entries[1], user=chair, status="dnf")
    result_record(entry=entries[2], user=chair, status="finished", value=D("59.90"))
    with translation.override("en"):  # labels are said in the request's language
        [table] = competition_standings(page)
    assert [(row.place, row.entry, row.result, row.status) for row in table.rows] == [
        (1, entries[2], "59.90", "finished"),
        (2, entries[0], "1:02.35", "finished"),
        (None, entries[1], "", "dnf"),
        (None, entries[3], "", "finished"),
    ]
    with translation.override("en"):
        assert table.rows[2].status_label == "did not finish"


def test_standings_query_count_does_not_grow_with_entries(make_competition):
    counts = []
    for n in (5, 50):
        page = make_competition(entries=n, judges=3)
        score_all(page, [[(5, 6, 7)] * 3] * n)
        page = CompetitionPage.objects.get(pk=page.pk)
        with CaptureQueriesContext(connection) as queries:
            tables = competition_standings(page)
        assert sum(len(t.rows) for t in tables) == n
        counts.append(len(queries))
    assert counts[0] == counts[1] > 0


def test_results_page_query_count_does_not_grow_with_entries(make_competition, client):
    counts = []
    for n in (5, 50):
        page = make_competition(entries=n, judges=2)
        score_all(page, [[(5, 6, 7)] * 2] * n)
        chair = jury(page)[0]
        judging_close(competition=page, user=chair)
        results_publish(competition=page, user=chair)
        # Warm per-process caches (site, locale); a new query string each
        # time, so that the anonymous page cache does not answer instead.
        client.get(page.url + "results/?warm")
        with CaptureQueriesContext(connection) as queries:
            response = client.get(page.url + f"results/?entries={n}")
        assert response.status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1] > 0


def test_outsider_staff_is_not_a_judge(make_competition):
    page = make_competition(entries=1)
    outsider = make_staff("outsider-staff")
    with pytest.raises(JudgingError):
        judging_close(competition=page, user=outsider)


def test_erasing_a_person_removes_their_entry_and_scores(make_competition):
    from people.privacy import person_erase

    page = make_competition(entries=2, judges=1)
    first, second = page.entries.order_by("running_order")
    judge = jury(page)[0]
    for entry in (first, second):
        scores_save(entry=entry, judge=judge, values={c: D(5) for c in page.criteria.all()})
    person_erase(person=first.registration.person, by=judge)
    assert list(page.entries.all()) == [second]
    assert Score.objects.filter(entry__competition=page).count() == 3


def test_a_removed_judge_account_leaves_the_scores_counting(make_competition):
    page = make_competition(entries=1, judges=2)
    chair, judge = jury(page)
    entry = page.entries.get()
    scores_save(entry=entry, judge=chair, values={c: D(4) for c in page.criteria.all()})
    scores_save(entry=entry, judge=judge, values={c: D(8) for c in page.criteria.all()})
    judge.delete()
    [row] = [r for t in competition_standings(page) for r in t.rows]
    assert row.result == "18.00"  # (4 + 8) / 2 on three criteria
    assert list(page.jury.values_list("user", flat=True)) == [chair.pk]
