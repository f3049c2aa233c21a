"""The demo's trainings and Methodologists' Days (demo/trainings.py): the
training for the branches' librarians in kk, ru and en with attendance per
session, the upcoming seminar, and the current year's four Days with their
minutes, resolutions and carried-over list. The test database is the seeded
demo."""

import datetime

import pytest
from django.utils import timezone

from branches.models import BranchKind
from demo.data import load
from demo.seeding import LANGUAGES, translation_key
from demo.trainings import day_dates, training_start
from events.enums import Audience
from registrations.enums import RegistrationStatus
from registrations.models import Registration
from trainings.days import check_series_date, proposed_date
from trainings.models import (
    MethodologistsDayPage,
    Resolution,
    SessionAttendance,
    TrainingIndexPage,
    TrainingPage,
)

TRAINING = translation_key("training:serving-blind-readers")
SEMINAR = translation_key("training:readers-survey-seminar")


def _versions(key) -> dict[str, TrainingPage]:
    pages = TrainingPage.objects.live().filter(translation_key=key).select_related("locale")
    return {page.locale.language_code: page for page in pages}


def _hours(registration) -> int:
    """Hours credited to one participant: the sessions marked as attended."""
    marks = SessionAttendance.objects.counted().filter(registration=registration)
    return sum(mark.session.hours for mark in marks.select_related("session"))


def _this_years_days(code="kk"):
    return MethodologistsDayPage.objects.live().filter(
        locale__language_code=code, year=timezone.localdate().year
    )


@pytest.mark.django_db
def test_a_trainings_index_under_each_home_page():
    for code in LANGUAGES:
        index = TrainingIndexPage.objects.live().get(locale__language_code=code)
        assert index.slug == "trainings"
        assert index.get_parent().specific_class.__name__ == "HomePage"
    titles = set(TrainingIndexPage.objects.values_list("title", flat=True))
    assert titles == {"Оқыту", "Обучение", "Trainings"}


@pytest.mark.django_db
def test_the_training_is_in_three_languages_with_the_same_two_sessions():
    versions = _versions(TRAINING)
    assert set(versions) == set(LANGUAGES)
    source = versions["kk"]
    assert source.source == source
    assert versions["ru"].source == source
    keys = [session.key for session in source.sessions.all()]
    assert len(keys) == 2
    for code in ("ru", "en"):
        assert [session.key for session in versions[code].sessions.all()] == keys
    topics = {code: [s.topic for s in page.sessions.all()] for code, page in versions.items()}
    assert "screen readers" in topics["en"][0]
    assert "braille" in topics["en"][1].lower()
    assert "Брайль" in topics["kk"][1]
    assert versions["en"].title.startswith("Serving blind readers")
    assert source.audience == Audience.LIBRARIANS
    assert source.certificate_template is not None
    assert source.certificate_template.kind == "completion"


@pytest.mark.django_db
def test_the_training_took_place_last_month():
    source = _versions(TRAINING)["kk"]
    today = timezone.localdate()
    last_month = today.replace(day=1) - datetime.timedelta(days=1)
    sessions = list(source.sessions.all())
    for session in sessions:
        held_on = timezone.localdate(session.start)
        assert (held_on.year, held_on.month) == (last_month.year, last_month.month)
    assert sessions[0].start < sessions[1].start
    assert source.end < timezone.now()


@pytest.mark.django_db
def test_one_librarian_has_only_the_first_sessions_hours():
    source = _versions(TRAINING)["kk"]
    first, second = source.sessions.all()
    registrations = list(Registration.objects.filter(event=source).select_related("person"))
    assert len(registrations) == 4
    hours = {registration.person.full_name: _hours(registration) for registration in registrations}
    only_first = [name for name, credited in hours.items() if credited == first.hours]
    assert only_first == ["Мөлдір Әлиева"]
    assert sorted(hours.values()) == [first.hours] + [first.hours + second.hours] * 3
    for registration in registrations:
        assert registration.status == RegistrationStatus.ATTENDED
        assert registration.checked_in_at == first.start
        # Attendance is recorded on the kk source's sessions only.
        assert set(registration.session_attendance.values_list("session__page_id", flat=True)) == {
            source.pk
        }


@pytest.mark.django_db
def test_the_participants_are_branch_librarians_with_staff_accounts():
    source = _versions(TRAINING)["kk"]
    for registration in Registration.objects.filter(event=source).select_related(
        "person__staff_user__staff_profile__branch", "person__branch"
    ):
        person = registration.person
        user = person.staff_user
        assert user is not None, person
        assert not user.has_usable_password()
        assert user.staff_profile.branch == person.branch
        assert person.branch.kind in (BranchKind.BRANCH, BranchKind.SERVICE_POINT)


@pytest.mark.django_db
def test_the_seminar_is_upcoming_with_one_session_and_open_registration():
    versions = _versions(SEMINAR)
    assert set(versions) == set(LANGUAGES)
    source = versions["kk"]
    assert source.training_format == "seminar"
    assert source.start > timezone.now()
    assert source.sessions.count() == 1
    assert source.registration_opens < timezone.now() < source.registration_closes
    enrolled = Registration.objects.filter(event=source, status=RegistrationStatus.CONFIRMED)
    assert enrolled.count() == 2


@pytest.mark.django_db
def test_four_days_this_year_in_three_languages():
    for code in LANGUAGES:
        days = _this_years_days(code).order_by("start")
        assert [day.quarter for day in days] == [1, 2, 3, 4], code
    for day in _this_years_days():
        translations = MethodologistsDayPage.objects.filter(translation_key=day.translation_key)
        assert translations.count() == 3
        assert str(day.year) in day.title
    days = list(_this_years_days())
    assert any(day.has_taken_place for day in days)
    assert any(not day.has_taken_place for day in days)


@pytest.mark.django_db
def test_past_days_have_minutes_and_resolutions_in_each_state():
    today = timezone.localdate()
    past = [day for day in _this_years_days() if day.has_taken_place]
    for day in past:
        assert day.minutes.startswith("<p>")
        assert day.minutes_internal
        assert day.resolutions.exists()
    for day in _this_years_days():
        if not day.has_taken_place:
            assert not day.resolutions.exists()
            assert not day.minutes
    resolutions = Resolution.objects.filter(day__in=past)
    assert all(resolution.assignee_branch_id for resolution in resolutions)
    done = resolutions.filter(status="done")
    assert done.exists()
    assert all(resolution.done_note and resolution.done_at for resolution in done)
    overdue = resolutions.overdue()
    assert overdue.exists()
    assert all(resolution.is_overdue for resolution in overdue)
    still_due = resolutions.open().filter(due_date__gte=today)
    assert still_due.exists()
    assert not any(resolution.is_overdue for resolution in still_due)
    # A branch librarian sees what is assigned to their branch.
    librarian = resolutions.filter(status="done").first().assignee_branch.staff.first().user
    assert Resolution.objects.assigned_to(librarian).exists()


@pytest.mark.django_db
def test_the_next_day_carries_over_the_open_resolutions_and_has_an_agenda():
    upcoming = _this_years_days().filter(start__gt=timezone.now()).order_by("start")
    following = upcoming.first()
    open_ones = set(Resolution.objects.open().filter(day__start__lt=following.start))
    assert open_ones
    assert set(following.carried_over()) == open_ones
    for code in LANGUAGES:
        version = MethodologistsDayPage.objects.get(
            translation_key=following.translation_key, locale__language_code=code
        )
        speakers = [item.performer for item in version.programme_items.all()]
        assert len(speakers) >= 3
        assert all(speakers)
    branches = {spec["name"]["kk"] for spec in load("branches")["branches"]}
    kk_speakers = [item.performer for item in following.programme_items.all()]
    assert any(name in speaker for speaker in kk_speakers for name in branches)


def _every_day(year):
    day = datetime.date(year, 1, 1)
    while day.year == year:
        yield day
        day += datetime.timedelta(days=1)


@pytest.mark.parametrize("year", [2027, 2028])
def test_the_days_leave_one_past_and_one_ahead_on_any_day_of_the_year(year):
    for today in _every_day(year):
        dates = day_dates(today)
        ordered = [dates[quarter] for quarter in (1, 2, 3, 4)]
        assert ordered == sorted(ordered), today
        assert any(day < today for day in ordered), today
        assert any(day > today for day in ordered), today
        assert all(day.weekday() < 5 for day in ordered), today
        if datetime.date(year, 1, 10) <= today <= datetime.date(year, 12, 20):
            # In its quarter, as the series screen requires.
            for quarter, day in dates.items():
                check_series_date(year, quarter, day)
    # Away from today, the dates the series proposes.
    assert day_dates(datetime.date(year, 6, 30))[3] == proposed_date(year, 3)
    assert day_dates(datetime.date(year, 6, 30))[1] == proposed_date(year, 1)


@pytest.mark.parametrize("today", ["2027-01-01", "2027-03-31", "2028-03-01", "2027-12-31"])
def test_the_past_training_is_always_last_month(today):
    today = datetime.date.fromisoformat(today)
    first = training_start("last-month", today)
    last_month = today.replace(day=1) - datetime.timedelta(days=1)
    assert (first.year, first.month) == (last_month.year, last_month.month)
    assert first.weekday() == 1
    assert (first + datetime.timedelta(days=1)).month == first.month
