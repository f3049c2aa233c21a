"""The judges' screens: who may open them, what each judge sees, scoring one
entry with a plain form POST, errors in the GOV.UK pattern, and the chair's
close and publish."""

from decimal import Decimal as D

import pytest
from django.urls import reverse
from wagtail.models import PageLogEntry

from competitions.enums import JudgingState
from competitions.models import MeasuredResult, Score
from competitions.services import judging_close, scores_save

from .conftest import make_staff

pytestmark = pytest.mark.django_db


def jury(page):
    return [seat.user for seat in page.jury.order_by("sort_order")]


def entries(page):
    return list(page.entries.order_by("running_order", "pk"))


def entry_url(page, entry):
    return reverse("judging:entry", args=[page.pk, entry.pk])


def refused(response) -> bool:
    """The admin answers a PermissionDenied by sending the user to the
    dashboard with "Sorry, you do not have permission to access this area"."""
    return response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")


def field(criterion):
    return f"criterion_{criterion.pk}"


def test_only_the_jury_may_open_the_screens(make_competition, client):
    page = make_competition(entries=1)
    other = make_competition(entries=0)
    entry = page.entries.get()
    urls = [
        reverse("judging:competition", args=[page.pk]),
        entry_url(page, entry),
        reverse("judging:close", args=[page.pk]),
        reverse("judging:publish", args=[page.pk]),
    ]
    for user in (make_staff("not-a-judge"), jury(other)[0]):
        client.force_login(user)
        assert [refused(client.get(u)) for u in urls] == [True] * 4
        assert refused(client.post(urls[1], {field(page.criteria.first()): "5"}))
    assert not Score.objects.filter(entry=entry).exists()


def test_a_judge_who_is_not_the_chair_cannot_close_or_publish(make_competition, client):
    page = make_competition(entries=1)
    client.force_login(jury(page)[1])
    assert refused(client.post(reverse("judging:close", args=[page.pk])))
    assert refused(client.post(reverse("judging:publish", args=[page.pk])))
    page.refresh_from_db()
    assert page.judging_state == JudgingState.OPEN


def test_every_input_is_labelled_with_the_criterion_and_the_entry(make_competition, client, soup):
    page = make_competition(entries=2)
    entry = entries(page)[0]
    client.force_login(jury(page)[1])
    html = soup(client.get(entry_url(page, entry)))
    inputs = html.select("form.staff-form input[type=text]")
    labels = [html.find("label", attrs={"for": i["id"]}).get_text(" ", strip=True) for i in inputs]
    assert labels == [
        f"{c.name}, from 0 to 10, for {entry.participant_name}" for c in page.criteria.all()
    ]
    legend = html.select_one("fieldset legend").get_text(strip=True)
    assert legend == f"Your scores for {entry.participant_name}"
    assert html.find("button", attrs={"type": "submit"}).get_text(strip=True) == (
        "Save and go to the next entry"
    )


def test_saving_one_entry_goes_to_the_next_and_a_double_submit_is_harmless(
    make_competition, client
):
    page = make_competition(entries=2)
    first, second = entries(page)
    judge = jury(page)[1]
    client.force_login(judge)
    data = {field(c): v for c, v in zip(page.criteria.all(), ["8.5", "9,25", "10"], strict=True)}
    response = client.post(entry_url(page, first), data)
    assert response.status_code == 302
    assert response["Location"] == entry_url(page, second)
    again = client.post(entry_url(page, first), data)
    assert again.status_code == 302
    assert sorted(
        Score.objects.filter(entry=first, judge=judge).values_list("value", flat=True)
    ) == [
        D("8.5"),
        D("9.25"),
        D("10"),
    ]
    assert PageLogEntry.objects.filter(page=page, action="competitions.score.save").count() == 1
    # The last entry returns to the overview.
    last = client.post(entry_url(page, second), data)
    assert last["Location"] == reverse("judging:competition", args=[page.pk])


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("11", "The score for “{name}” must be from 0 to 10."),
        ("-1", "The score for “{name}” must be from 0 to 10."),
        ("abc", "Enter the score for “{name}” as a number, like 8.5."),
        ("NaN", "Enter the score for “{name}” as a number, like 8.5."),
        ("8.125", "Give the score for “{name}” with at most two decimal places."),
    ],
)
def test_bad_scores_show_errors_per_field_and_keep_what_was_typed(
    make_competition, client, soup, typed, message
):
    page = make_competition(entries=1)
    entry = page.entries.get()
    artistry, content, _delivery = page.criteria.all()
    client.force_login(jury(page)[0])
    response = client.post(entry_url(page, entry), {field(artistry): typed, field(content): "7"})
    assert response.status_code == 200
    html = soup(response)
    expected = message.format(name=artistry.name)
    summary = html.select_one(".staff-error-summary")
    assert summary["role"] == "alert"
    link = summary.select_one("a")
    assert link["href"] == f"#id_{field(artistry)}"
    assert link.get_text(" ", strip=True).endswith(expected)
    bad_input = html.find("input", attrs={"name": field(artistry)})
    assert bad_input["value"] == typed
    assert f"id_{field(artistry)}_error" in bad_input.get("aria-describedby", "")
    assert html.find(id=f"id_{field(artistry)}_error").get_text(strip=True) == expected
    assert html.find("input", attrs={"name": field(content)})["value"] == "7"
    assert not Score.objects.filter(entry=entry).exists()


def test_a_judge_sees_only_their_own_scores_until_judging_is_closed(make_competition, client, soup):
    page = make_competition(entries=1, judges=2)
    chair, judge = jury(page)
    entry = page.entries.get()
    criteria = list(page.criteria.all())
    scores_save(entry=entry, judge=chair, values={c: D("9.5") for c in criteria})
    scores_save(entry=entry, judge=judge, values={c: D(6) for c in criteria})
    overview = reverse("judging:competition", args=[page.pk])

    client.force_login(judge)
    html = soup(client.get(overview))
    text = html.get_text(" ", strip=True)
    assert "9.5" not in text
    assert "Live standings" not in text
    assert html.find("input", attrs={"name": field(criteria[0])}) is None
    form = soup(client.get(entry_url(page, entry)))
    assert form.find("input", attrs={"name": field(criteria[0])})["value"] == "6"

    client.force_login(chair)
    chair_html = soup(client.get(overview))
    caption = chair_html.select("table caption")
    assert [c.get_text(strip=True) for c in caption][1:] == ["I топ", "II топ"]
    assert "Live standings" in chair_html.get_text(" ", strip=True)

    judging_close(competition=page, user=chair)
    client.force_login(judge)
    closed = soup(client.get(overview)).get_text(" ", strip=True)
    assert "Standings" in closed
    assert "23.25" in closed  # (9.5 + 6) / 2 × 3


def test_scores_sent_after_close_are_refused_and_nothing_is_lost(make_competition, client, soup):
    page = make_competition(entries=1, judges=2)
    chair, judge = jury(page)
    entry = page.entries.get()
    criterion = page.criteria.first()
    scores_save(entry=entry, judge=judge, values={criterion: D(6)})
    judging_close(competition=page, user=chair)
    client.force_login(judge)
    response = client.post(entry_url(page, entry), {field(criterion): "9"})
    assert response.status_code == 200
    html = soup(response)
    assert html.select_one(".staff-error-summary li").get_text(strip=True) == (
        "Judging of this competition is closed: scores can no longer be changed."
    )
    assert html.find("input", attrs={"name": field(criterion)})["value"] == "9"
    assert Score.objects.get(entry=entry, judge=judge).value == D(6)


def test_the_chair_closes_is_told_what_is_missing_and_publishes_with_a_decision(
    make_competition, client, soup
):
    page = make_competition(entries=2, judges=2)
    chair, judge = jury(page)
    first, second = entries(page)
    criteria = list(page.criteria.all())
    for entry in (first, second):
        scores_save(entry=entry, judge=chair, values={c: D(8) for c in criteria})
    scores_save(entry=first, judge=judge, values={c: D(7) for c in criteria})
    client.force_login(chair)

    assert client.post(reverse("judging:close", args=[page.pk])).status_code == 302
    page.refresh_from_db()
    assert page.judging_state == JudgingState.CLOSED

    publish = reverse("judging:publish", args=[page.pk])
    html = soup(client.get(publish))
    missing = [li.get_text(" ", strip=True) for li in html.select("#missing-title + ul li")]
    assert missing == [
        f"{judge.get_full_name()} has not scored {second.participant_name}: "
        + ", ".join(c.name for c in criteria)
    ]
    refused = soup(client.post(publish, {"decision": "  "}))
    assert refused.select_one(".staff-error-summary a").get_text(" ", strip=True) == (
        "Decision of the jury: Scores are missing: write down the jury's decision to "
        "publish without them."
    )
    page.refresh_from_db()
    assert page.judging_state == JudgingState.CLOSED

    response = client.post(publish, {"decision": "Ranked on the scores given."})
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.judging_state == JudgingState.PUBLISHED
    assert page.publish_decision == "Ranked on the scores given."
    client.logout()
    public = soup(client.get(page.url + "results/"))
    assert public.select_one("#decision-title + p").get_text(strip=True) == (
        "Ranked on the scores given."
    )


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("1:75.00", "The seconds of a time must be from 00 to 59, for example 1:15.00."),
        ("abc", "Enter the time like 1:02.35 (minutes:seconds.hundredths) or 59.90 (seconds)."),
        ("", "Enter the time, or choose why there is none."),
    ],
)
def test_bad_times_are_refused_in_words(make_competition, client, soup, typed, message):
    page = make_competition(
        entries=1, judges=1, categories=("Ашық",), result_type="time", competition_kind="sports"
    )
    entry = page.entries.get()
    client.force_login(jury(page)[0])
    response = client.post(entry_url(page, entry), {"status": "finished", "result": typed})
    assert response.status_code == 200
    html = soup(response)
    assert html.find(id="id_result_error").get_text(strip=True) == message
    assert not MeasuredResult.objects.filter(entry=entry).exists()


def test_a_time_and_a_did_not_finish_are_recorded(make_competition, client):
    page = make_competition(
        entries=2, judges=1, categories=("Ашық",), result_type="time", competition_kind="sports"
    )
    first, second = entries(page)
    client.force_login(jury(page)[0])
    client.post(entry_url(page, first), {"status": "finished", "result": "1:02,35"})
    client.post(entry_url(page, second), {"status": "dnf", "result": "ignored"})
    assert MeasuredResult.objects.get(entry=first).value == D("62.35")
    dnf = MeasuredResult.objects.get(entry=second)
    assert (dnf.status, dnf.value) == ("dnf", None)


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("1234567890", "This result is too large: check what was typed."),
        ("12.3456", "Give the result with at most three decimal places."),
        ("12 m", "Enter the result as a number, like 12.5."),
    ],
)
def test_bad_distances_are_refused_in_words(make_competition, client, soup, typed, message):
    page = make_competition(
        entries=1,
        judges=1,
        categories=("Ашық",),
        result_type="distance",
        unit="m",
        competition_kind="sports",
    )
    entry = page.entries.get()
    client.force_login(jury(page)[0])
    response = client.post(entry_url(page, entry), {"status": "finished", "result": typed})
    assert response.status_code == 200
    assert soup(response).find(id="id_result_error").get_text(strip=True) == message
    assert not MeasuredResult.objects.filter(entry=entry).exists()


def test_the_judging_screen_of_a_translation_leads_to_the_judged_competition(
    make_competition, client
):
    from wagtail.models import Locale

    page = make_competition(entries=1)
    copy = page.copy_for_translation(Locale.objects.get(language_code="ru"))
    chair = jury(page)[0]
    client.force_login(chair)
    response = client.get(reverse("judging:competition", args=[copy.pk]))
    assert response.status_code == 302
    assert response["Location"] == reverse("judging:competition", args=[page.pk])
    index = client.get(reverse("judging:index"))
    assert index.content.decode().count(reverse("judging:competition", args=[copy.pk])) == 0
    assert index.content.decode().count(reverse("judging:competition", args=[page.pk])) == 1


def test_an_empty_form_saves_nothing_and_says_so(make_competition, client):
    page = make_competition(entries=2)
    first, second = entries(page)
    client.force_login(jury(page)[1])
    response = client.post(entry_url(page, first), {}, follow=True)
    assert response.redirect_chain[-1][0] == entry_url(page, second)
    shown = [str(m).strip() for m in response.context["messages"]]
    assert shown == [f"No score was entered for {first.participant_name}."]
    assert not Score.objects.filter(entry=first).exists()
