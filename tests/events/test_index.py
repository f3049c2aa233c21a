"""The events index with JavaScript off: list, past, month table, filters,
pagination, bad input; the event page; the home page's upcoming events."""

import datetime

import pytest
from django.utils import timezone

from events.models import EventKind


def _aware(year, month, day, hour=10):
    return datetime.datetime(year, month, day, hour, tzinfo=timezone.get_current_timezone())


@pytest.fixture
def index(events_index):
    return events_index("en")


def _titles(html):
    return [a.get_text(strip=True) for a in html.select("main .card__title a")]


@pytest.mark.django_db
def test_upcoming_first_and_past_on_their_own_page(client, soup, make_event, index):
    now = timezone.now()
    soon = make_event("en", title="Soon", start=now + datetime.timedelta(days=1))
    later = make_event("en", title="Later", start=now + datetime.timedelta(days=3))
    before = make_event("en", title="Before", start=now - datetime.timedelta(days=3))
    html = soup(client.get(index.url))
    titles = _titles(html)
    assert titles.index(soon.title) < titles.index(later.title)
    assert before.title not in titles
    past = soup(client.get(f"{index.url}past/"))
    assert past.h1.get_text(strip=True) == "Past events"
    assert before.title in _titles(past)
    assert soon.title not in _titles(past)


@pytest.mark.django_db
def test_filter_by_kind_audience_and_organiser(client, soup, make_event, index):
    locale = index.locale
    exhibition = EventKind.objects.create(locale=locale, name="Exhibition", slug="exhibition-x")
    shown = make_event("en", title="Braille books", kind=exhibition, audience="readers")
    hidden = make_event("en", title="Seminar for librarians", audience="librarians")
    html = soup(client.get(index.url, {"kind": "exhibition-x"}))
    assert _titles(html) == [shown.title]
    html = soup(client.get(index.url, {"audience": "librarians"}))
    assert hidden.title in _titles(html)
    assert shown.title not in _titles(html)
    html = soup(client.get(index.url, {"organiser": str(shown.organiser_id)}))
    assert shown.title in _titles(html)
    # The form keeps the choices and is open, so the person sees what is applied.
    assert html.find("details", class_="filters").has_attr("open")
    assert html.find("select", attrs={"name": "organiser"}).find("option", selected=True)[
        "value"
    ] == str(shown.organiser_id)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "field"),
    [
        ({"kind": "no-such-kind"}, "kind"),
        ({"audience": "martians"}, "audience"),
        ({"organiser": "999999"}, "organiser"),
        ({"month": "2026-13"}, "month"),
        ({"month": "last week"}, "month"),
        ({"month": "1900-01", "view": "month"}, "month"),
        ({"view": "poster"}, "view"),
    ],
)
def test_bad_filter_values_get_a_clear_400_page(client, soup, index, query, field):
    response = client.get(index.url, query)
    assert response.status_code == 400
    html = soup(response)
    assert html.title.get_text().startswith("Error:")
    summary = html.find(id="error-summary")
    link = summary.find("a")
    assert html.find(id=link["href"][1:]) is not None
    assert link["href"].startswith(f"#id_{field}")


@pytest.mark.django_db
def test_month_view_is_an_accessible_table(client, soup, make_event, index):
    today = timezone.localdate()
    year, month = (today.year + 1, 3)
    make_event("en", title="Spring reading", start=_aware(year, month, 10))
    make_event(
        "en", title="Exhibition", start=_aware(year, month, 30), end=_aware(year, month + 1, 2, 17)
    )
    html = soup(client.get(index.url, {"view": "month", "month": f"{year}-{month:02d}"}))
    table = html.find("table", class_="month")
    assert table.caption.get_text(strip=True) == f"March {year}"
    headers = [th.get_text(strip=True) for th in table.thead.find_all("th")]
    assert headers == ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    assert all(th["scope"] == "col" for th in table.thead.find_all("th"))
    cells = {
        int(td.find(class_="month__day").get_text()): td
        for td in table.tbody.find_all("td")
        if td.find(class_="month__day")
    }
    assert len(cells) == 31
    # The link names its date (hidden from sight: the cell shows it), so a
    # screen reader's list of links still says when.
    assert cells[10].find("a").get_text() == f"10 March {year}, 10:00 Spring reading"
    assert cells[10].find("a").find(class_="visually-hidden").get_text() == f"10 March {year}, "
    # A multi-day event shows on each of its days in the month.
    assert [d for d, td in cells.items() if "Exhibition" in td.get_text()] == [30, 31]
    # Empty days hold only their number: nothing else to read out.
    assert cells[11].get_text(strip=True) == "11"
    nav = html.find("nav", class_="month-nav")
    assert [a.get_text(strip=True) for a in nav.find_all("a")] == [
        f"Previous month: February {year}",
        f"Next month: April {year}",
    ]


@pytest.mark.django_db
def test_month_view_as_a_list_of_days_for_narrow_screens(client, soup, make_event, index):
    """The same month as a list of the days that have events (site.css shows
    it instead of the table where seven columns do not fit)."""
    today = timezone.localdate()
    year, month = (today.year + 1, 3)
    make_event("en", title="Spring reading", start=_aware(year, month, 10))
    make_event(
        "en", title="Exhibition", start=_aware(year, month, 30), end=_aware(year, month + 1, 2, 17)
    )
    html = soup(client.get(index.url, {"view": "month", "month": f"{year}-{month:02d}"}))
    section = html.find("section", class_="month-view__list")
    assert section.h2.get_text(strip=True) == f"March {year}"
    days = section.find("ol", class_="month-list").find_all("li", class_="month-list__item")
    day_names = [datetime.date(year, month, day).strftime("%A") for day in (10, 30, 31)]
    assert [d.h3.get_text(strip=True) for d in days] == [
        f"{day_names[0]}, 10 March {year}",
        f"{day_names[1]}, 30 March {year}",
        f"{day_names[2]}, 31 March {year}",
    ]
    assert [[a.get_text() for a in d.find_all("a")] for d in days] == [
        [f"10 March {year}, 10:00 Spring reading"],
        [f"30 March {year}, Exhibition"],
        [f"31 March {year}, Exhibition"],
    ]


@pytest.mark.django_db
def test_today_is_marked_in_words(client, soup, index):
    html = soup(client.get(index.url, {"view": "month"}))
    today = html.find("td", attrs={"aria-current": "date"})
    assert today.find(class_="month__day").get_text() == str(timezone.localdate().day)
    assert today.find(class_="month__today-label").get_text() == "today"


@pytest.mark.django_db
def test_pagination(client, soup, make_event, index):
    for number in range(22):
        make_event("en", title=f"Paged event {number:02d}")
    first = soup(client.get(index.url))
    assert len(first.select("main .card-list > li")) == 20
    second = soup(client.get(index.url, {"page": "2"}))
    assert "page 2 of" in second.find(class_="result-count").get_text()
    assert client.get(index.url, {"page": "not-a-number"}).status_code == 200


@pytest.mark.django_db
def test_cancelled_event_says_so_in_words(client, soup, make_event, index):
    event = make_event(
        "en", title="Poetry evening", status="cancelled", status_note="The hall is being repaired."
    )
    listing = soup(client.get(index.url))
    card = next(
        a for a in listing.select("main .card__title a") if "Poetry evening" in a.get_text()
    )
    assert card.get_text(" ", strip=True) == "Cancelled: Poetry evening"
    page = soup(client.get(event.url))
    assert page.find(class_="status-panel").get_text(" ", strip=True) == (
        "This event is cancelled. The hall is being repaired."
    )
    assert page.title.get_text().startswith("Cancelled: Poetry evening")


@pytest.mark.django_db
def test_event_page_shows_programme_venue_and_calendar_links(client, soup, make_event):
    event = make_event(
        "kk",
        title="Мақатаев оқулары",
        start=_aware(2027, 2, 9),
        programme=[("10:00", "Ашылу сөзі"), ("10:30", "Мұқағали өлеңдері")],
    )
    html = soup(client.get(event.url))
    assert html.html["lang"] == "kk"
    table = html.find("table", class_="programme")
    assert table.caption.get_text(strip=True) == "Бағдарлама: Мақатаев оқулары"
    assert [th.get_text(strip=True) for th in table.tbody.find_all("th")] == [
        "Ашылу сөзі",
        "Мұқағали өлеңдері",
    ]
    assert html.find("time")["datetime"] == "2027-02-09T10:00+05:00"
    assert "2027 жылғы 9 ақпан" in html.find("time").get_text()
    accessibility = [li.get_text() for li in html.find(id="venue-title").parent.find_all("li")]
    assert "Баспалдақсыз кіру." in accessibility
    links = {a["href"] for a in html.select(".subscribe a")}
    assert f"{event.url}calendar.ics" in links
    assert any(href.startswith("webcal://") for href in links)


@pytest.mark.django_db
def test_event_cannot_end_before_it_starts(make_event):
    from django.core.exceptions import ValidationError
    from django.utils import translation

    with translation.override("en"):
        with pytest.raises(ValidationError) as error:
            make_event("en", start=_aware(2027, 1, 10, 12), end=_aware(2027, 1, 10, 9))
        assert error.value.message_dict["end"] == ["The event cannot end before it starts."]


@pytest.mark.django_db
def test_the_admin_refuses_an_event_that_ends_before_it_starts(client, soup, index):
    from django.contrib.auth import get_user_model
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

    client.force_login(get_user_model().objects.get(username="admin"))
    data = nested_form_data(
        {
            "title": "Backwards",
            "slug": "backwards",
            "start": "2027-01-10 12:00",
            "end": "2027-01-10 09:00",
            "status": "scheduled",
            "audience": "everyone",
            "summary": "Test.",
            "image_alt": "",
            "body": streamfield([]),
            "programme_items": inline_formset([]),
        }
    )
    response = client.post(f"/admin/pages/add/events/eventpage/{index.pk}/", data)
    assert response.status_code == 200
    assert "Мероприятие не может закончиться раньше, чем начнётся." in response.content.decode()
    assert not index.get_children().filter(slug="backwards").exists()


@pytest.mark.django_db
def test_home_page_shows_the_next_events(client, soup, make_event, index):
    now = timezone.now()
    for number in range(6):
        make_event(
            "en", title=f"Home event {number}", start=now + datetime.timedelta(hours=number + 1)
        )
    html = soup(client.get("/en/"))
    section = html.find(id="upcoming-title").parent
    titles = [a.get_text(strip=True) for a in section.select(".card__title a")]
    assert len(titles) == 4
    assert titles == sorted(titles, key=lambda t: titles.index(t))
    assert section.find("a", class_="more-link")["href"] == index.url


def _count_queries(client, url, params=None):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url, params or {})
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url, params or {}).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.django_db
@pytest.mark.parametrize("view", ["list", "month"])
def test_index_query_count_does_not_grow_with_events(client, settings, make_event, index, view):
    settings.PAGE_CACHE_SECONDS = 0
    year = timezone.localdate().year + 1
    params = {"view": view, "month": f"{year}-05"}
    make_event("en", start=_aware(year, 5, 3))
    few = _count_queries(client, index.url, params)
    for number in range(12):
        make_event("en", start=_aware(year, 5, 4 + number))
    assert _count_queries(client, index.url, params) == few


@pytest.mark.django_db
def test_event_page_query_count_does_not_grow_with_programme(client, settings, make_event):
    settings.PAGE_CACHE_SECONDS = 0
    short = make_event("en", programme=[("10:00", "One")])
    long = make_event(
        "en", programme=[(f"{10 + n // 6}:{(n % 6) * 10:02d}", f"Item {n}") for n in range(12)]
    )
    assert _count_queries(client, long.url) == _count_queries(client, short.url)


@pytest.mark.django_db
def test_editing_a_venue_refreshes_cached_event_pages(client, make_event):
    event = make_event("en")
    assert client.get(event.url)["X-Page-Cache"] == "miss"
    assert client.get(event.url)["X-Page-Cache"] == "hit"
    venue = event.venue
    venue.address = "New address, 5 Readers Street"
    venue.save()
    response = client.get(event.url)
    assert response["X-Page-Cache"] == "miss"
    assert "New address, 5 Readers Street" in response.content.decode()
