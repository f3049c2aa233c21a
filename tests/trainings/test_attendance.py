"""Attendance per session (trainings.services): marks on the source page's
sessions, corrections audited with before and after, the registration
checked in by a counted mark."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import ModelLogEntry

from registrations.enums import RegistrationStatus as Status
from trainings.enums import AttendanceMark
from trainings.models import SessionAttendance
from trainings.services import AttendanceError, attendance_mark, attendance_mark_many


@pytest.fixture
def make_training(make_training):
    """Trainings that take registrations (opened yesterday)."""

    def make(**fields):
        fields.setdefault("registration_opens", timezone.now() - datetime.timedelta(days=1))
        return make_training(**fields)

    return make


@pytest.fixture
def trainer(db):
    return get_user_model().objects.create_user(username="trainer", password="x-password-1")


def entries(record):
    return list(
        ModelLogEntry.objects.filter(
            content_type__model="sessionattendance", object_id=str(record.pk)
        )
        .order_by("timestamp", "pk")
        .values_list("action", "data")
    )


@pytest.mark.django_db
def test_a_mark_is_recorded_and_a_correction_logs_before_and_after(make_training, enrol, trainer):
    training = make_training()
    session = training.sessions.order_by("sort_order").first()
    registration = enrol(training, "Айгүл Бекова")

    assert (
        attendance_mark(session=session, registration=registration, mark="absent", by=trainer)
        == "created"
    )
    assert (
        attendance_mark(session=session, registration=registration, mark="absent", by=trainer)
        == "unchanged"
    )
    assert (
        attendance_mark(
            session=session,
            registration=registration,
            mark=AttendanceMark.LATE,
            note="20 минут кешікті",
            by=trainer,
        )
        == "changed"
    )

    record = SessionAttendance.objects.get(session=session, registration=registration)
    assert (record.mark, record.note, record.recorded_by) == ("late", "20 минут кешікті", trainer)
    logged = entries(record)
    assert [action for action, _data in logged] == [
        "trainings.attendance.mark",
        "trainings.attendance.correct",
    ]
    correction = logged[1][1]
    assert correction["before"] == {"mark": "absent", "note": ""}
    assert correction["after"] == {"mark": "late", "note": "20 минут кешікті"}


@pytest.mark.django_db
def test_a_counted_mark_checks_the_registration_in(make_training, enrol, trainer):
    training = make_training()
    first, second = training.sessions.order_by("sort_order")
    registration = enrol(training)
    attendance_mark(session=first, registration=registration, mark="absent", by=trainer)
    registration.refresh_from_db()
    assert registration.status == Status.CONFIRMED

    attendance_mark(session=second, registration=registration, mark="present", by=trainer)
    registration.refresh_from_db()
    assert registration.status == Status.ATTENDED
    assert registration.checked_in_at is not None
    # Marking another session again leaves the attended registration as it is.
    attendance_mark(session=first, registration=registration, mark="left-early", by=trainer)
    registration.refresh_from_db()
    assert registration.status == Status.ATTENDED


@pytest.mark.django_db
def test_marks_on_a_translations_session_go_on_the_source_session(
    make_training, enrol, trainer, translate
):
    training = make_training()
    russian = translate(training, "ru")
    registration = enrol(russian, "Ольга Ким")
    russian_first = russian.sessions.order_by("sort_order").first()

    attendance_mark(session=russian_first, registration=registration, mark="present", by=trainer)

    record = SessionAttendance.objects.get(registration=registration)
    assert record.session.page_id == training.pk
    assert record.session.key == russian_first.key


@pytest.mark.django_db
def test_someone_not_enrolled_cannot_be_marked(make_training, enrol, trainer):
    training = make_training()
    other = make_training()
    stranger = enrol(other)
    session = training.sessions.first()
    with pytest.raises(AttendanceError):
        attendance_mark(session=session, registration=stranger, mark="present", by=trainer)
    with pytest.raises(AttendanceError):
        attendance_mark(session=session, registration=enrol(training), mark="asleep", by=trainer)
    assert not SessionAttendance.objects.filter(session=session).exists()


@pytest.mark.django_db
def test_many_marks_at_once_all_or_none(make_training, enrol, trainer):
    training = make_training()
    session = training.sessions.first()
    people = [enrol(training) for _ in range(3)]
    counts = attendance_mark_many(
        session=session,
        marks=[
            (people[0], "present", ""),
            (people[1], "absent", "ауырып қалды"),
            (people[2], "late", ""),
        ],
        by=trainer,
    )
    assert counts == {"created": 3, "changed": 0, "unchanged": 0}
    stranger = enrol(make_training())
    with pytest.raises(AttendanceError):
        attendance_mark_many(
            session=session,
            marks=[(people[1], "present", ""), (stranger, "present", "")],
            by=trainer,
        )
    assert SessionAttendance.objects.get(registration=people[1]).mark == "absent"
