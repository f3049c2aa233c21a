"""The public side of trainings: the trainings index (upcoming, past,
filters, bad input), a training page (sessions, materials, completion rule,
calendar file of its sessions, registration and programme routes), a
Methodologists' Day page before and after the Day, and trainings in the
events index and its feed."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import connection
from django.http import HttpResponse
from django.test.utils import CaptureQueriesContext
from django.urls import re_path
from django.utils import timezone
from icalendar import Calendar
from wagtail import hooks
from wagtail.documents import get_document_model
from wagtail.models import Locale

from branches.models import Branch
from events.models import ProgrammeItem
from tests.events.test_documents import body_of
from trainings.enums import CompletionRule, ResolutionStatus, TrainingFormat
from trainings.models import METHODOLOGISTS_DAY_ROUTES_HOOK, MethodologistsDayPage, Resolution


def _titles(html):
    return [a.get_text(strip=True) for a in html.select("main .card__title a")]


def _resolution(day, number, text, branch, **fields):
    return Resolution.objects.create(
        day=day, number=number, text=text, assignee_branch=branch, **fields
    )


# The trainings index -------------------------------------------------------


@pytest.mark.django_db
def test_upcoming_by_default_and_past_on_its_own_page(
    client, soup, make_training, make_day, training_index
):
    soon = make_training(title="Брайль жазуы", days=2)
    later = make_training(title="Дыбыстық кітаптар", days=9)
    before = make_training(title="Өткен семинар", days=-20)
    day = make_day(days=5, title="Әдіскерлер күні: көктем")
    index = training_index("kk")
    html = soup(client.get(index.url))
    titles = _titles(html)
    assert titles.index(soon.title) < titles.index(day.title) < titles.index(later.title)
    assert before.title not in titles
    past = soup(client.get(f"{index.url}past/"))
    assert before.title in _titles(past)
    assert soon.title not in _titles(past)
    assert past.select_one("nav.tabs a[aria-current]")["href"] == f"{index.url}past/"


@pytest.mark.django_db
def test_each_item_says_format_dates_sessions_hours_and_place(
    client, soup, make_training, make_day, training_index
):
    training = make_training("en", sessions=(4, 6, 6), days=4, title="Assistive devices")
    training.sessions.filter(sort_order=2).update(
        venue=None, online_url="https://meet.example.kz/abc"
    )
    make_day(code="en", days=6, title="Autumn Day", quarter=4)
    html = soup(client.get(training_index("en").url))
    card = next(
        c for c in html.select("main .training-card") if "Assistive devices" in c.get_text()
    )
    facts = {
        # Kazakh words are a span of their own (lang="kk"): the text as read.
        dt.get_text(strip=True): " ".join(dt.find_next_sibling("dd").get_text().split())
        for dt in card.find_all("dt")
    }
    assert facts["Format"] == "Seminar"
    assert facts["Topic"] == "Ассистивтік технологиялар"
    assert facts["Sessions"] == "3"
    assert facts["Hours"] == "16"
    first_day = timezone.localdate(training.start)
    assert facts["When"].startswith(f"{first_day.day}")
    assert str(first_day.year) in facts["When"]
    assert facts["Where"] == f"{training.venue.name}; online"
    day_card = next(c for c in html.select("main .training-card") if "Autumn Day" in c.get_text())
    day_facts = day_card.find("dl").get_text(" ", strip=True)
    assert "Methodologists' Day" in day_facts
    assert "Fourth quarter of" in day_facts


@pytest.mark.django_db
def test_filter_by_topic_audience_and_format(client, soup, make_training, make_day, training_index):
    braille = make_training("en", title="Braille", topic="Braille", audience="librarians")
    webinar = make_training(
        "en", title="Audio books", topic="Audio", training_format=TrainingFormat.WEBINAR
    )
    day = make_day(code="en", title="Spring Day")
    index = training_index("en")
    # The demo's trainings are in the same list: the assertions are about ours.
    html = soup(client.get(index.url, {"topic": "Braille"}))
    assert _titles(html) == [braille.title]
    topics = [o["value"] for o in html.find("select", attrs={"name": "topic"}).find_all("option")]
    assert topics[0] == "" and {"Audio", "Braille"} <= set(topics)
    assert topics[1:] == sorted(topics[1:])
    assert html.find("details", class_="filters").has_attr("open")
    titles = _titles(soup(client.get(index.url, {"format": "webinar"})))
    assert webinar.title in titles and braille.title not in titles
    titles = _titles(soup(client.get(index.url, {"format": "methodologists-day"})))
    assert day.title in titles and braille.title not in titles and webinar.title not in titles
    titles = _titles(soup(client.get(index.url, {"audience": "librarians"})))
    assert braille.title in titles
    assert webinar.title not in titles


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "field"),
    [
        ({"topic": "No such topic"}, "topic"),
        ({"format": "lecture"}, "format"),
        ({"audience": "x"}, "audience"),
    ],
)
def test_bad_filter_values_get_a_clear_400_page(
    client, soup, make_training, training_index, query, field
):
    make_training("en", title="Braille")
    response = client.get(training_index("en").url, query)
    assert response.status_code == 400
    html = soup(response)
    assert html.title.get_text().startswith("Error:")
    summary = html.find(id="error-summary")
    assert "There is no such choice; choose one from the list." in summary.get_text()
    assert summary.find("a")["href"].startswith(f"#id_{field}")
    assert _titles(html) == []


@pytest.mark.django_db
def test_pagination(client, soup, make_training, training_index):
    for number in range(22):
        make_training("en", title=f"Paged training {number:02d}", sessions=(2,))
    index = training_index("en")
    first = soup(client.get(index.url))
    assert len(first.select("main .card-list > li")) == 20
    second = soup(client.get(index.url, {"page": "2"}))
    assert "page 2 of 2" in second.find(class_="result-count").get_text()
    assert client.get(index.url, {"page": "not-a-number"}).status_code == 200


# A training page -----------------------------------------------------------


@pytest.mark.django_db
def test_training_page_lists_sessions_in_words_with_completion_rule(client, soup, make_training):
    training = make_training("en", sessions=(4, 6, 6), days=3, title="Assistive technology")
    first = training.sessions.order_by("sort_order").first()
    html = soup(client.get(training.url))
    sessions = html.select("ol.session-list > li")
    assert len(sessions) == 3
    # As heard: a Kazakh word on an English page is its own lang="kk" span.
    assert " ".join(sessions[0].h3.get_text().split()) == first.topic
    facts = {
        dt.get_text(strip=True): dt.find_next_sibling("dd").get_text(" ", strip=True)
        for dt in sessions[0].find_all("dt")
    }
    local = timezone.localtime(first.start)
    assert facts["When"].startswith(f"{local.day} ")
    assert "10:00–14:00" in facts["When"]
    assert facts["Trainer"] == "Гүлнар Әбдірахманова"
    assert first.venue.name in facts["Where"]
    assert facts["Hours"] == "4"
    assert "Completed with at least 80% of the hours (13 of 16)." in html.find(
        "section", class_="sessions"
    ).get_text(" ", strip=True)
    # The programme section of a plain event is not shown empty.
    assert "The programme will be published later." not in html.get_text()


@pytest.mark.django_db
def test_every_session_rule_and_online_link(client, soup, make_training):
    training = make_training("en", sessions=(2, 2), completion_rule=CompletionRule.ALL_SESSIONS)
    training.sessions.filter(sort_order=1).update(
        venue=None, online_url="https://meet.example.kz/x"
    )
    html = soup(client.get(training.url))
    assert "Completed by attending every session (4 hours)." in html.get_text(" ", strip=True)
    link = html.find("a", href="https://meet.example.kz/x")
    assert " ".join(link.get_text().split()) == "Online link to “Сабақ 2”"


@pytest.mark.django_db
def test_materials_are_links_with_format_and_size(client, soup, make_training):
    document = get_document_model().objects.create(
        title="Handout", file=ContentFile(b"x" * 2048, name="handout.pdf")
    )
    training = make_training("en")
    training.materials = [("document", {"document": document, "title": "Handout for all"})]
    session = training.sessions.first()
    session.materials = [("document", {"document": document, "title": "Slides"})]
    session.save()
    training.save_revision().publish()
    html = soup(client.get(training.url))
    whole = html.find("section", class_="materials")
    assert whole.a.get_text(" ", strip=True).replace("\xa0", " ") == "Handout for all (PDF, 2.0 KB)"
    in_session = html.select_one("ol.session-list .document-link a")
    assert in_session.get_text(" ", strip=True).replace("\xa0", " ") == "Slides (PDF, 2.0 KB)"


@pytest.mark.django_db
def test_registration_and_programme_routes_answer_on_a_training_and_a_day(
    client, make_training, make_day
):
    now = timezone.now()
    training = make_training(
        "en",
        registration_opens=now - datetime.timedelta(days=1),
        registration_closes=now + datetime.timedelta(days=1),
    )
    day = make_day(
        code="en",
        registration_opens=now - datetime.timedelta(days=1),
        registration_closes=now + datetime.timedelta(days=1),
    )
    for page in (training, day):
        assert client.get(f"{page.url}register/").status_code == 200
        response = client.get(f"{page.url}programme.txt")
        assert response.status_code == 200
        assert page.title in body_of(response).decode()
        pdf = client.get(f"{page.url}programme.pdf")
        assert pdf.status_code == 200
        assert pdf["Content-Type"] == "application/pdf"
        assert body_of(pdf).startswith(b"%PDF")
    day_ics = client.get(f"{day.url}calendar.ics")
    assert day_ics.status_code == 200
    assert len(Calendar.from_ical(day_ics.content).walk("VEVENT")) == 1


# The training's calendar file ----------------------------------------------


@pytest.mark.django_db
def test_calendar_has_one_event_per_session(client, make_training, translate):
    training = make_training("kk", sessions=(2, 3, 4), title="Брайль")
    training.sessions.filter(sort_order=2).update(
        venue=None, online_url="https://meet.example.kz/y"
    )
    response = client.get(f"{training.url}calendar.ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    events = Calendar.from_ical(response.content).walk("VEVENT")
    sessions = list(training.sessions.order_by("start"))
    assert len(events) == 3
    assert [str(e["SUMMARY"]) for e in events] == [f"Брайль: {s.topic}" for s in sessions]
    assert [e.decoded("DTSTART") for e in events] == [s.start for s in sessions]
    assert len({str(e["UID"]) for e in events}) == 3
    assert str(sessions[0].key) in str(events[0]["UID"])
    assert str(events[0]["LOCATION"]).startswith(sessions[0].venue.name)
    assert str(events[2]["LOCATION"]) == "https://meet.example.kz/y"
    assert str(events[0]["URL"]).endswith(training.url)
    # The translation's sessions are the same sittings, in their own language.
    russian = translate(training, "ru", title="Шрифт Брайля")
    ru_events = Calendar.from_ical(client.get(f"{russian.url}calendar.ics").content).walk("VEVENT")
    assert [str(e["UID"]) for e in ru_events] == [
        str(e["UID"]).replace("-kk@", "-ru@") for e in events
    ]
    assert str(ru_events[0]["SUMMARY"]).startswith("Шрифт Брайля: ")


# Trainings in the events index ---------------------------------------------


@pytest.mark.django_db
def test_trainings_and_days_appear_in_the_events_index_and_feed(
    client, soup, make_training, make_day, events_index
):
    training = make_training("kk", title="Брайль жазуы семинары")
    day = make_day(days=10, title="Әдіскерлер күні: қыс")
    russian = make_training("ru", title="Семинар на русском")
    index = events_index("kk")
    titles = _titles(soup(client.get(index.url)))
    assert training.title in titles
    assert day.title in titles
    assert russian.title not in titles
    feed = Calendar.from_ical(client.get(f"{index.url}feed.ics").content)
    summaries = {str(e["SUMMARY"]) for e in feed.walk("VEVENT")}
    assert {training.title, day.title} <= summaries
    assert russian.title not in summaries


# A Methodologists' Day -----------------------------------------------------


@pytest.fixture
def earlier_day(make_day, department):
    day = make_day(days=-100, quarter=1, title="Әдіскерлер күні: I тоқсан")
    user = get_user_model().objects.create(
        username="methodologist.test", first_name="Айгүл", last_name="Бекова"
    )
    _resolution(
        day,
        1,
        "Брайль кітаптарының тізімін жаңарту",
        department,
        due_date=timezone.localdate() - datetime.timedelta(days=3),
    )
    _resolution(day, 2, "Дыбыстық кітаптар қорын толықтыру", None, assignee_user=user)
    _resolution(day, 3, "Жеке мәселе", department, is_public=False)
    _resolution(
        day,
        4,
        "Бұрын орындалған шешім",
        department,
        status=ResolutionStatus.DONE,
        done_at=timezone.now() - datetime.timedelta(days=50),
    )
    return day


@pytest.mark.django_db
def test_day_before_it_shows_agenda_and_carried_over_in_words(
    client, soup, make_day, earlier_day, translate
):
    day = make_day(days=20, quarter=2, code="kk", title="Әдіскерлер күні: II тоқсан")
    english = translate(day, "en", title="Methodologists' Day: second quarter")
    ProgrammeItem.objects.create(
        page=day, title="Есеп беру", performer="Сәуле Нұрланова", starts_at=day.start
    )
    day.save_revision().publish()
    facts = soup(client.get(english.url)).find("dl", class_="facts").get_text(" ", strip=True)
    assert f"Second quarter of {day.year}" in facts
    html = soup(client.get(day.url))
    table = html.find("table", class_="programme")
    assert table.tbody.th.get_text(strip=True) == "Есеп беру"
    assert "Сәуле Нұрланова" in table.tbody.get_text()
    carried = html.find("section", class_="carried-over")
    # The demo's Days carry theirs too: these are the earlier Day's.
    items = [
        li
        for li in carried.select("li.resolution")
        if li.find("a", href=earlier_day.url) is not None
    ]
    texts = [li.find(class_="resolution__text").get_text(" ", strip=True) for li in items]
    assert len(items) == 2
    assert "Брайль кітаптарының тізімін жаңарту" in texts[0]
    assert "Дыбыстық кітаптар қорын толықтыру" in texts[1]
    assert "Жеке мәселе" not in carried.get_text()
    assert "Бұрын орындалған" not in carried.get_text()
    # The status is in words (overdue too), and the Day is a link.
    english_items = [
        li
        for li in soup(client.get(english.url)).select("section.carried-over li.resolution")
        if li.find("a", href=earlier_day.url) is not None
    ]
    statuses = [li.find(class_="resolution__status").get_text(strip=True) for li in english_items]
    assert statuses == ["Open, overdue", "Open"]
    assert items[0].find("a")["href"] == earlier_day.url
    assert "Айгүл Бекова" in items[1].get_text()
    # Nothing of after the Day yet.
    assert html.find("section", class_="minutes") is None
    assert html.find("section", class_="resolutions") is None


@pytest.mark.django_db
def test_day_after_shows_minutes_and_public_resolutions_never_internal(
    client, soup, make_day, department, translate
):
    day = make_day(
        days=-5,
        code="kk",
        title="Әдіскерлер күні: өтті",
        minutes="<p>Талқыланған мәселелер тізімі</p>",
        minutes_internal="ІШКІ ЖАЗБА: тек қызметкерлерге",
    )
    _resolution(day, 1, "Жаңа каталог жасау", department)
    _resolution(day, 2, "Қызметкердің жеке ісі", department, is_public=False)
    html = soup(client.get(day.url))
    assert "Талқыланған мәселелер тізімі" in html.find("section", class_="minutes").get_text()
    resolutions = html.find("section", class_="resolutions").get_text(" ", strip=True)
    assert "Жаңа каталог жасау" in resolutions
    assert "Қызметкердің жеке ісі" not in html.get_text()
    assert "ІШКІ ЖАЗБА" not in html.get_text()
    # On the English page the Kazakh words of the source carry lang="kk".
    english = translate(day, "en", title="Methodologists' Day: held", minutes="")
    html = soup(client.get(english.url))
    assert html.html["lang"] == "en"
    minutes = html.find("section", class_="minutes").find(class_="rich-text")
    assert minutes["lang"] == "kk"
    text = html.find("section", class_="resolutions").find(string="Жаңа каталог жасау")
    assert text.parent["lang"] == "kk"
    assert "ІШКІ ЖАЗБА" not in html.get_text()
    assert "Қызметкердің жеке ісі" not in html.get_text()


@pytest.mark.django_db
def test_carried_over_on_a_russian_page_links_the_russian_day(
    client, soup, make_day, earlier_day, translate
):
    # A branch named in Russian shows its Russian name; one named only in
    # Kazakh keeps its Kazakh name, marked as Kazakh.
    kk = Locale.objects.get(language_code="kk")
    untranslated = Branch.objects.create(locale=kk, name="Түркістан филиалы", kind="branch")
    translated = Branch.objects.create(locale=kk, name="Кентау филиалы", kind="branch")
    translated_ru = translated.copy_for_translation(Locale.objects.get(language_code="ru"))
    translated_ru.name = "Кентауский филиал"
    translated_ru.save()
    earlier_day.resolutions.filter(number=1).update(assignee_branch=untranslated)
    earlier_day.resolutions.filter(number=2).update(assignee_branch=translated)
    day = make_day(days=20, quarter=2, code="kk")
    russian_earlier = translate(earlier_day, "ru", title="День методиста: I квартал")
    russian = translate(day, "ru", title="День методиста: II квартал")
    html = soup(client.get(russian.url))
    carried = html.find("section", class_="carried-over")
    link = carried.find("a", href=russian_earlier.url)
    assert link.get_text(strip=True) == "День методиста: I квартал"
    assert not link.has_attr("lang")
    text = carried.find(string="Брайль кітаптарының тізімін жаңарту")
    assert text.parent["lang"] == "kk"
    assert carried.find(string="Түркістан филиалы").parent["lang"] == "kk"
    assert not carried.find(string="Кентауский филиал").parent.has_attr("lang")
    assert "Кентау филиалы" not in carried.get_text()


@pytest.fixture
def minutes_route():
    """A `minutes` route on a Day's page, as the Days' own hooks add it (the
    class keeps its resolver: it is made again with the route, and without)."""

    def answer(page, request, extension):
        return HttpResponse(f"minutes.{extension}")

    def routes():
        return [re_path(r"^minutes\.(?P<extension>pdf|txt)$", answer, name="minutes")]

    if "_routablepage_urlresolver" in MethodologistsDayPage.__dict__:
        delattr(MethodologistsDayPage, "_routablepage_urlresolver")
    with hooks.register_temporarily(METHODOLOGISTS_DAY_ROUTES_HOOK, routes):
        yield
        delattr(MethodologistsDayPage, "_routablepage_urlresolver")


@pytest.mark.django_db
def test_held_day_links_its_minutes_documents_where_the_route_exists(
    client, soup, make_day, minutes_route
):
    day = make_day(days=-5, code="en", title="Held Day", minutes="<p>What was discussed</p>")
    html = soup(client.get(day.url))
    links = html.select("section.minutes .downloads a")
    assert [a["href"] for a in links] == [f"{day.url}minutes.pdf", f"{day.url}minutes.txt"]
    assert links[0].get_text(" ", strip=True) == "Minutes (PDF)"
    assert links[1].get_text(" ", strip=True) == "Minutes as plain text (TXT)"
    coming = make_day(days=5, code="en", title="Coming Day")
    assert soup(client.get(coming.url)).find("section", class_="minutes") is None


def _count_queries(client, url, params=None):
    client.get(url, params or {})
    with CaptureQueriesContext(connection) as context:
        assert client.get(url, params or {}).status_code == 200
    return len(context.captured_queries)


@pytest.mark.django_db
def test_index_query_count_does_not_grow_with_trainings(
    client, settings, make_training, make_day, training_index
):
    settings.PAGE_CACHE_SECONDS = 0
    make_training("en", sessions=(2,))
    make_day(code="en")
    index = training_index("en")
    few = _count_queries(client, index.url)
    for number in range(6):
        make_training("en", sessions=(2, 2, 2), days=4 + number)
        make_day(code="en", days=40 + number)
    assert _count_queries(client, index.url) == few


@pytest.mark.django_db
def test_training_page_query_count_does_not_grow_with_sessions(client, settings, make_training):
    settings.PAGE_CACHE_SECONDS = 0
    short = make_training("en", sessions=(2,))
    long = make_training("en", sessions=(2,) * 8)
    assert _count_queries(client, long.url) == _count_queries(client, short.url)


@pytest.mark.django_db
def test_day_page_query_count_does_not_grow_with_resolutions(
    client, settings, make_day, department
):
    settings.PAGE_CACHE_SECONDS = 0
    user = get_user_model().objects.create(username="assignee")
    earlier = make_day(days=-60)
    _resolution(earlier, 1, "Бірінші", department)
    held = make_day(days=-2)
    _resolution(held, 1, "Екінші", department)
    few = _count_queries(client, held.url)
    for number in range(2, 8):
        _resolution(earlier, number, f"Шешім {number}", None, assignee_user=user)
        _resolution(held, number, f"Шешім {number}", department)
    assert _count_queries(client, held.url) == few
