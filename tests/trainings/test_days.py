"""The Methodologists' Days' staff side: a year's series of four Days in three
languages, resolutions numbered per Day with a form error (not a 500) when
no one is assigned, open resolutions carried over to the next Day, each
branch seeing and closing only its own assignments, and the audit trail."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Locale, ModelLogEntry, PageLogEntry
from wagtail.users.models import UserProfile

from branches.models import Branch, BranchKind, StaffProfile
from trainings import days
from trainings.enums import ResolutionStatus
from trainings.models import MethodologistsDayPage, Resolution, TrainingIndexPage

ALMATY = ZoneInfo("Asia/Almaty")
YEAR = 2031
# The last Thursday of February, May, August and November 2031.
PROPOSED = {
    1: datetime.date(2031, 2, 27),
    2: datetime.date(2031, 5, 29),
    3: datetime.date(2031, 8, 28),
    4: datetime.date(2031, 11, 27),
}
DEPARTMENT = ("view_resolution", "add_resolution", "change_resolution")


def url(name, *args):
    return reverse(f"trainings_days:{name}", args=args)


def make_staff(username, branch=None, perms=(), superuser=False):
    """An admin user working in English, with the trainings permissions named."""
    model = get_user_model()
    if superuser:
        user = model.objects.create_superuser(username=username, password="staff-password-1")
    else:
        user = model.objects.create_user(username=username, password="staff-password-1")
    user.first_name = username.capitalize()
    user.save()
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        *Permission.objects.filter(content_type__app_label="trainings", codename__in=perms),
    )
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    if branch is not None:
        StaffProfile.objects.create(user=user, branch=branch)
    return model.objects.get(pk=user.pk)


def make_branch(name):
    return Branch.objects.create(locale=Locale.get_default(), name=name, kind=BranchKind.BRANCH)


def text_of(response):
    return response.content.decode()


@pytest.fixture
def indexes(training_index):
    """The trainings list in kk and its ru and en translations."""
    return {code: training_index(code) for code in ("kk", "ru", "en")}


@pytest.fixture
def admin(db):
    return make_staff("methodologist.test", superuser=True)


@pytest.fixture
def branches(db):
    return make_branch("Сайрам филиалы"), make_branch("Түркістан филиалы")


# ---------------------------------------------------------------------------
# The series of a year


@pytest.mark.django_db
def test_the_series_is_four_draft_days_in_three_languages(indexes, admin):
    result = days.day_series_create(index=indexes["kk"], year=YEAR, by=admin)

    kk_days = MethodologistsDayPage.objects.filter(year=YEAR, locale__language_code="kk")
    assert [day.quarter for day in kk_days.order_by("start")] == [1, 2, 3, 4]
    for day in kk_days:
        assert day.get_parent().pk == indexes["kk"].pk
        assert not day.live
        assert timezone.localtime(day.start, ALMATY) == datetime.datetime.combine(
            PROPOSED[day.quarter], datetime.time(10), tzinfo=ALMATY
        )
        assert timezone.localtime(day.end, ALMATY).time() == datetime.time(13)
        assert day.latest_revision is not None
    for code in ("ru", "en"):
        translated = MethodologistsDayPage.objects.filter(year=YEAR, locale__language_code=code)
        assert translated.count() == 4
        for page in translated:
            assert page.get_parent().pk == indexes[code].pk
            assert not page.live
            assert page.source.locale.language_code == "kk"
            assert page.start == page.source.start
    assert len(result.days) == 4
    assert len(result.translations) == 8
    assert result.missing_languages == []


@pytest.mark.django_db
def test_each_language_has_its_own_title(indexes, admin):
    days.day_series_create(index=indexes["kk"], year=YEAR, by=admin)
    for code in ("kk", "ru", "en"):
        page = MethodologistsDayPage.objects.get(year=YEAR, quarter=2, locale__language_code=code)
        with translation.override(code):
            expected = translation.gettext(
                "Methodologists' Day — %(year)s, quarter %(quarter)s"
            ) % {"year": YEAR, "quarter": "II"}
        assert page.title == expected
        assert page.draft_title == expected
    english = MethodologistsDayPage.objects.get(year=YEAR, quarter=2, locale__language_code="en")
    assert english.title == "Methodologists' Day — 2031, quarter II"


@pytest.mark.django_db
def test_the_series_is_audited_once(indexes, admin):
    result = days.day_series_create(index=indexes["kk"], year=YEAR, by=admin)
    entry = PageLogEntry.objects.get(action="trainings.day_series.create")
    assert entry.page_id == indexes["kk"].pk
    assert entry.user_id == admin.pk
    assert entry.data["year"] == YEAR
    assert entry.data["dates"] == {str(q): day.isoformat() for q, day in PROPOSED.items()}
    assert entry.data["pages"] == [page.pk for page in result.days]


@pytest.mark.django_db
def test_a_second_series_of_the_same_year_is_refused(indexes, admin):
    days.day_series_create(index=indexes["kk"], year=YEAR, by=admin)
    with translation.override("en"), pytest.raises(days.DayError) as refused:
        days.day_series_create(index=indexes["kk"], year=YEAR, by=admin)
    with translation.override("en"):
        assert str(refused.value.message) == (
            f"The Methodologists' Days of {YEAR} exist already: nothing was made."
        )
    assert MethodologistsDayPage.objects.filter(year=YEAR).count() == 12


@pytest.mark.django_db
def test_a_language_without_a_trainings_list_is_left_out(training_index, admin):
    kk_index = training_index("kk")
    training_index("ru")
    # The demo has an English list: this site has none.
    for page in TrainingIndexPage.objects.filter(locale__language_code="en"):
        page.delete()
    result = days.day_series_create(index=kk_index, year=YEAR, by=admin)
    assert "en" in result.missing_languages
    assert MethodologistsDayPage.objects.filter(year=YEAR, locale__language_code="en").count() == 0
    assert MethodologistsDayPage.objects.filter(year=YEAR, locale__language_code="ru").count() == 4


@pytest.mark.django_db
def test_the_series_screen_proposes_the_dates_then_makes_the_days(client, indexes, admin, soup):
    client.force_login(admin)
    response = client.get(url("series"), {"year": YEAR})
    assert response.status_code == 200
    page = soup(response)
    assert "the last Thursday of its second month" in " ".join(page.get_text().split())
    for quarter, day in PROPOSED.items():
        field = page.find("input", {"name": f"quarter_{quarter}"})
        assert field["type"] == "date"
        assert field["value"] == day.isoformat()
        assert page.find("label", {"for": field["id"]}) is not None

    moved = datetime.date(2031, 6, 5)
    response = client.post(
        url("series"),
        {
            "year": YEAR,
            "quarter_1": PROPOSED[1].isoformat(),
            "quarter_2": moved.isoformat(),
            "quarter_3": PROPOSED[3].isoformat(),
            "quarter_4": PROPOSED[4].isoformat(),
        },
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_explore", args=[indexes["kk"].pk])
    second = MethodologistsDayPage.objects.get(year=YEAR, quarter=2, locale__language_code="kk")
    assert timezone.localdate(second.start, ALMATY) == moved

    response = client.get(url("series"), {"year": YEAR})
    assert f"The Methodologists' Days of {YEAR} exist already" in text_of(response)
    assert soup(response).find("input", {"name": "quarter_1"}) is None


@pytest.mark.django_db
def test_a_date_outside_its_quarter_is_a_form_error(client, indexes, admin, soup):
    client.force_login(admin)
    response = client.post(
        url("series"),
        {
            "year": YEAR,
            "quarter_1": "2031-04-03",
            "quarter_2": PROPOSED[2].isoformat(),
            "quarter_3": PROPOSED[3].isoformat(),
            "quarter_4": PROPOSED[4].isoformat(),
        },
    )
    assert response.status_code == 400
    assert "The Day of quarter I must fall in that quarter of 2031." in text_of(response)
    # What was typed stays.
    assert soup(response).find("input", {"name": "quarter_1"})["value"] == "2031-04-03"
    assert not MethodologistsDayPage.objects.filter(year=YEAR).exists()


@pytest.mark.django_db
def test_the_series_needs_the_right_to_add_pages_too(client, indexes):
    department = make_staff("department", perms=DEPARTMENT)
    client.force_login(department)
    response = client.get(url("series"))
    assert response.status_code == 403
    assert "add pages under the trainings list" in text_of(response)


@pytest.mark.django_db
def test_the_series_needs_the_department(client, indexes, branches):
    librarian = make_staff("librarian", branch=branches[0], perms=("view_resolution",))
    client.force_login(librarian)
    response = client.get(url("series"))
    assert response.status_code == 403
    assert "Can change resolution" in text_of(response)


# ---------------------------------------------------------------------------
# Resolutions


@pytest.mark.django_db
def test_resolutions_are_numbered_per_day_on_the_source(make_day, translate, admin, branches):
    first = make_day(days=-20)
    second = make_day(days=-10)
    russian = translate(first, "ru", title="День методиста")
    numbers = [
        days.resolution_add(day=first, text="Бірінші", assignee_branch=branches[0], by=admin),
        days.resolution_add(day=second, text="Басқа күн", assignee_branch=branches[0], by=admin),
        days.resolution_add(day=russian, text="Екінші", assignee_user=admin, by=admin),
        days.resolution_add(day=first, text="Үшінші", assignee_branch=branches[1], by=admin),
    ]
    assert [(r.day_id, r.number) for r in numbers] == [
        (first.pk, 1),
        (second.pk, 1),
        (first.pk, 2),
        (first.pk, 3),
    ]
    entry = ModelLogEntry.objects.get(action="trainings.resolution.add", object_id=numbers[2].pk)
    assert entry.user_id == admin.pk
    assert entry.data["number"] == 2


@pytest.mark.django_db
def test_a_resolution_without_assignee_is_refused_by_the_service(make_day, admin):
    day = make_day(days=-5)
    with translation.override("en"), pytest.raises(days.DayError) as refused:
        days.resolution_add(day=day, text="Ешкімге", by=admin)
    with translation.override("en"):
        assert str(refused.value.message) == "Assign the resolution to a branch or a person."
    assert not Resolution.objects.filter(day=day).exists()


@pytest.mark.django_db
def test_the_day_screen_records_a_resolution(client, make_day, admin, branches, soup):
    day = make_day(days=-5)
    client.force_login(admin)
    response = client.post(
        url("day", day.pk),
        {
            "text": "Брайль қорын толықтыру",
            "is_public": "on",
            "assignee_branch": branches[0].pk,
            "due_date": "2031-03-01",
        },
    )
    assert response.status_code == 302
    resolution = Resolution.objects.get(day=day)
    assert (resolution.number, resolution.assignee_branch, resolution.due_date) == (
        1,
        branches[0],
        datetime.date(2031, 3, 1),
    )
    page = soup(client.get(url("day", day.pk)))
    cell = page.find("p", string="Брайль қорын толықтыру")
    assert cell["lang"] == "kk"  # the admin is in English; the text is Kazakh


@pytest.mark.django_db
def test_no_assignee_is_a_form_error_not_a_500(client, make_day, admin, soup):
    day = make_day(days=-5)
    client.force_login(admin)
    response = client.post(url("day", day.pk), {"text": "Ешкімге тапсырылмаған", "due_date": ""})
    assert response.status_code == 400
    page = soup(response)
    summary = page.find(class_="staff-error-summary")
    assert "Assign the resolution to a branch or a person." in summary.get_text()
    branch_field = page.find("select", {"name": "assignee_branch"})
    assert summary.find("a")["href"] == f"#{branch_field['id']}"
    assert page.find("textarea", {"name": "text"}).get_text().strip() == "Ешкімге тапсырылмаған"
    assert not Resolution.objects.filter(day=day).exists()


@pytest.mark.django_db
def test_a_translation_url_shows_the_source_days_resolutions(
    client, make_day, translate, admin, branches
):
    day = make_day(days=-5)
    russian = translate(day, "ru", title="День методиста, I квартал")
    days.resolution_add(day=day, text="Кітап көрмесі", assignee_branch=branches[0], by=admin)
    client.force_login(admin)
    response = client.get(url("day", russian.pk))
    assert response.status_code == 200
    assert "Кітап көрмесі" in text_of(response)
    # The minutes of each language the Day is in.
    for page in (day, russian):
        assert reverse("trainings_days:minutes", args=[page.pk, "pdf"]) in text_of(response)


# ---------------------------------------------------------------------------
# Carried over to the next Day


@pytest.mark.django_db
def test_open_resolutions_are_carried_over_until_done(make_day, admin, branches):
    Resolution.objects.all().delete()  # the demo's Days carry theirs too
    earlier = make_day(days=-100)
    latest = make_day(days=-10)
    upcoming = make_day(days=80)
    still_open = days.resolution_add(
        day=earlier, text="Аудиокітаптар", assignee_branch=branches[0], by=admin
    )
    done_later = days.resolution_add(
        day=earlier, text="Тактильді кітаптар", assignee_branch=branches[1], by=admin
    )
    own = days.resolution_add(day=latest, text="Өз шешімі", assignee_user=admin, by=admin)

    assert list(latest.carried_over()) == [still_open, done_later]
    assert list(upcoming.carried_over()) == [still_open, done_later, own]

    days.resolution_done(resolution=done_later, note="Жасалды", by=admin)
    # Done after the latest Day began: it was on that Day's agenda, and stays so.
    assert list(latest.carried_over()) == [still_open, done_later]
    # Not carried to a Day that begins after it was done.
    assert list(upcoming.carried_over()) == [still_open, own]


# ---------------------------------------------------------------------------
# Follow-up: assignments, marking done, the department's list


@pytest.fixture
def assignments(make_day, admin, branches):
    day = make_day(days=-30, title="Әдіскерлер күні — наурыз")
    ours = days.resolution_add(
        day=day,
        text="Сайрамда брайль үйірмесін ашу",
        assignee_branch=branches[0],
        due_date=timezone.localdate() - datetime.timedelta(days=3),
        by=admin,
    )
    theirs = days.resolution_add(
        day=day, text="Түркістанда аудио қор", assignee_branch=branches[1], by=admin
    )
    return ours, theirs


@pytest.mark.django_db
def test_a_branch_sees_only_its_own_assignments(client, assignments, branches, soup):
    ours, theirs = assignments
    librarian = make_staff("sairam", branch=branches[0])
    client.force_login(librarian)

    response = client.get(url("mine"))
    assert response.status_code == 200
    text = text_of(response)
    assert ours.text in text
    assert theirs.text not in text
    assert "Overdue: it was due on" in text

    home = client.get(reverse("wagtailadmin_home"))
    panel = soup(home).find(id="day-assignments-section")
    assert panel is not None
    assert "Your open assignments" in panel.get_text()
    assert ours.text in panel.get_text()
    assert theirs.text not in panel.get_text()
    assert "Overdue: it was due on" in panel.get_text()

    assert client.get(url("done", ours.pk)).status_code == 200
    assert client.get(url("done", theirs.pk)).status_code == 404
    assert client.post(url("done", theirs.pk), {"note": "Менікі емес"}).status_code == 404
    theirs.refresh_from_db()
    assert theirs.status == ResolutionStatus.OPEN
    # Nor the department's screens.
    assert client.get(url("index")).status_code == 403
    assert client.get(url("edit", ours.pk)).status_code == 403


@pytest.mark.django_db
def test_no_panel_without_assignments(client, assignments, soup):
    someone = make_staff("nobody", branch=make_branch("Ордабасы"))
    client.force_login(someone)
    assert soup(client.get(reverse("wagtailadmin_home"))).find(id="day-assignments-section") is None


@pytest.mark.django_db
def test_a_person_assigned_may_close_it(client, make_day, admin):
    person = make_staff("aigerim", branch=make_branch("Кентау"))
    day = make_day(days=-3)
    resolution = days.resolution_add(day=day, text="Жеке тапсырма", assignee_user=person, by=admin)
    client.force_login(person)
    response = client.post(url("done", resolution.pk), {"note": "Орындалды"})
    assert response.status_code == 302
    resolution.refresh_from_db()
    assert resolution.status == ResolutionStatus.DONE


@pytest.mark.django_db
def test_marking_done_is_audited_with_its_note(client, assignments, branches):
    ours, _theirs = assignments
    librarian = make_staff("sairam", branch=branches[0])
    client.force_login(librarian)

    response = client.post(url("done", ours.pk), {"note": ""})
    assert response.status_code == 400
    assert "Say in a few words what was done." in text_of(response)

    response = client.post(url("done", ours.pk), {"note": "Үйірме 1 наурызда ашылды"})
    assert response.status_code == 302
    assert response["Location"] == url("mine")
    ours.refresh_from_db()
    assert ours.status == ResolutionStatus.DONE
    assert ours.done_by == librarian
    assert ours.done_note == "Үйірме 1 наурызда ашылды"
    entry = ModelLogEntry.objects.get(action="trainings.resolution.done", object_id=ours.pk)
    assert entry.user_id == librarian.pk
    assert entry.data["note"] == "Үйірме 1 наурызда ашылды"

    with pytest.raises(days.DayError):
        days.resolution_done(resolution=ours, note="Тағы", by=librarian)


@pytest.mark.django_db
def test_the_department_reopens_and_corrects(client, assignments, admin, branches):
    ours, _theirs = assignments
    days.resolution_done(resolution=ours, note="Жасалды", by=admin)
    client.force_login(admin)
    response = client.post(url("reopen", ours.pk), {"reason": "Үйірме әлі ашылмаған"})
    assert response.status_code == 302
    ours.refresh_from_db()
    assert (ours.status, ours.done_at, ours.done_note) == (ResolutionStatus.OPEN, None, "")
    entry = ModelLogEntry.objects.get(action="trainings.resolution.reopen", object_id=ours.pk)
    assert entry.data["previous"]["note"] == "Жасалды"

    response = client.post(
        url("edit", ours.pk),
        {"text": ours.text, "assignee_branch": "", "assignee_user": "", "due_date": ""},
    )
    assert response.status_code == 400
    assert "Assign the resolution to a branch or a person." in text_of(response)
    response = client.post(
        url("edit", ours.pk),
        {"text": "Жаңа мәтін", "assignee_branch": branches[1].pk, "due_date": "2031-01-15"},
    )
    assert response.status_code == 302
    ours.refresh_from_db()
    assert (ours.text, ours.assignee_branch, ours.number) == ("Жаңа мәтін", branches[1], 1)
    entry = ModelLogEntry.objects.get(action="trainings.resolution.update", object_id=ours.pk)
    assert entry.data["after"]["text"] == "Жаңа мәтін"
    assert entry.data["before"]["is_public"] is True
    assert "is_public" in entry.data["after"]


@pytest.mark.django_db
def test_the_department_list_filters_overdue_by_branch_and_day(
    client, assignments, make_day, branches, soup
):
    ours, theirs = assignments
    Resolution.objects.exclude(pk__in=[ours.pk, theirs.pk]).delete()  # the demo's
    department = make_staff("department", perms=DEPARTMENT)
    client.force_login(department)

    page = soup(client.get(url("index")))
    rows = page.select("table.listing tbody tr")
    assert len(rows) == 2
    assert "Overdue now: 1." in page.get_text()

    overdue = soup(client.get(url("index"), {"status": "overdue"}))
    texts = [row.get_text() for row in overdue.select("table.listing tbody tr")]
    assert len(texts) == 1
    assert ours.text in texts[0]
    assert "Overdue: it was due on" in texts[0]

    by_branch = soup(client.get(url("index"), {"branch": branches[1].pk}))
    texts = [row.get_text() for row in by_branch.select("table.listing tbody tr")]
    assert len(texts) == 1
    assert theirs.text in texts[0]

    other_day = make_day(days=-2)
    by_day = soup(client.get(url("index"), {"day": other_day.pk}))
    assert by_day.select("table.listing tbody tr") == []
    assert "No resolution matches." in by_day.get_text()

    done = soup(client.get(url("index"), {"status": "done"}))
    assert done.select("table.listing tbody tr") == []


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["index", "mine"])
def test_the_lists_cost_the_same_queries_for_one_or_many(client, make_day, admin, branches, name):
    """No query per row: the Days, branches and people come with the resolutions."""
    client.force_login(admin)
    earlier = make_day(days=-60)
    days.resolution_add(
        day=earlier, text="Бір", assignee_user=admin, assignee_branch=branches[0], by=admin
    )
    client.get(url(name))  # the session and the permissions are cached after the first
    with CaptureQueriesContext(connection) as one:
        assert client.get(url(name)).status_code == 200
    for number in range(6):
        day = make_day(days=-50 + number)
        days.resolution_add(
            day=day, text=f"Шешім {number}", assignee_branch=branches[number % 2], by=admin
        )
        days.resolution_add(day=day, text=f"Тағы {number}", assignee_user=admin, by=admin)
    with CaptureQueriesContext(connection) as many:
        response = client.get(url(name))
    assert response.status_code == 200
    assert len(many) == len(one)


@pytest.mark.django_db
def test_the_day_screen_needs_the_view_permission(client, make_day, branches):
    day = make_day(days=-1)
    librarian = make_staff("sairam", branch=branches[0])
    client.force_login(librarian)
    response = client.get(url("day", day.pk))
    assert response.status_code == 403
    assert "Can view resolution" in text_of(response)
    viewer = make_staff("viewer", perms=("view_resolution",))
    client.force_login(viewer)
    assert client.get(url("day", day.pk)).status_code == 200
    # Viewing is not recording.
    response = client.post(url("day", day.pk), {"text": "x", "assignee_user": viewer.pk})
    assert response.status_code == 403
    assert client.get(url("day", 999_999)).status_code == 404


@pytest.mark.django_db
def test_the_day_editor_links_to_its_resolutions(client, make_day, admin):
    day = make_day(days=-1)
    client.force_login(admin)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[day.pk]))
    assert url("day", day.pk) in text_of(response)
