"""Hours and completion from the attendance per session (trainings.hours)."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from certificates.batches import batch_run
from certificates.enums import CertificateKind
from certificates.models import Certificate, CertificateTemplate
from certificates.services import source_key
from trainings import hours
from trainings.enums import AttendanceMark, CompletionRule
from trainings.services import attendance_mark

PRESENT = AttendanceMark.PRESENT


@pytest.fixture(autouse=True)
def _english():
    """The reasons are read as an English reader gets them."""
    with translation.override("en"):
        yield


@pytest.fixture
def make_training(make_training):
    """Trainings that take registrations (opened yesterday)."""

    def make(**fields):
        fields.setdefault("registration_opens", timezone.now() - datetime.timedelta(days=1))
        return make_training(**fields)

    return make


def completion_template():
    return CertificateTemplate.objects.create(
        name="Оқу сертификаты",
        kind=CertificateKind.COMPLETION,
        title_kk="Сертификат",
        text_kk="{event} оқуын аяқтады, {hours} сағат. {date}",
        title_ru="Сертификат",
        text_ru="Прошёл(а) обучение «{event}», {hours} ч. {date}",
    )


@pytest.fixture
def trainer(db):
    return get_user_model().objects.create_user(username="trainer", password="x-password-1")


def sessions_of(training):
    return list(training.source.sessions.order_by("sort_order", "pk"))


def row_of(rows, registration):
    return next(row for row in rows if row.registration.pk == registration.pk)


@pytest.mark.django_db
def test_hours_are_those_of_the_sessions_attended(make_training, enrol, trainer):
    training = make_training(sessions=(2, 4, 10))
    first, second, third = sessions_of(training)
    only_first = enrol(training, "Айгүл Бекова")
    all_three = enrol(training, "Ержан Сәрсенов")
    attendance_mark(session=first, registration=only_first, mark=PRESENT, by=trainer)
    attendance_mark(session=second, registration=only_first, mark=AttendanceMark.ABSENT, by=trainer)
    for session, mark in (
        (first, PRESENT),
        (second, AttendanceMark.LATE),
        (third, AttendanceMark.LEFT_EARLY),
    ):
        attendance_mark(session=session, registration=all_three, mark=mark, by=trainer)

    rows = hours.training_completion(training)

    assert (row_of(rows, only_first).hours, row_of(rows, only_first).total) == (2, 16)
    assert row_of(rows, all_three).hours == 16
    assert row_of(rows, all_three).completed
    assert not row_of(rows, only_first).completed
    assert row_of(rows, only_first).reason == "attended 2 of 16 hours; needs 13"


@pytest.mark.django_db
def test_a_share_of_the_hours_completes_at_the_percent_exactly(make_training, enrol, trainer):
    training = make_training(sessions=(4, 4, 2), completion_percent=80)
    first, second, third = sessions_of(training)
    exactly = enrol(training, "Сәуле Омарова")  # 8 of 10 = 80 %
    below = enrol(training, "Бақыт Нұров")  # 6 of 10
    for session in (first, second):
        attendance_mark(session=session, registration=exactly, mark=PRESENT, by=trainer)
    for session in (first, third):
        attendance_mark(session=session, registration=below, mark=PRESENT, by=trainer)

    rows = hours.training_completion(training)

    assert row_of(rows, exactly).completed
    assert row_of(rows, exactly).reason == ""
    assert not row_of(rows, below).completed
    assert row_of(rows, below).reason == "attended 6 of 10 hours; needs 8"


@pytest.mark.django_db
def test_every_session_rule_names_the_sessions_missed(make_training, enrol, trainer, translate):
    training = make_training(sessions=(2, 2, 2), completion_rule=CompletionRule.ALL_SESSIONS)
    first, second, third = sessions_of(training)
    missed_one = enrol(training, "Айжан Қасымова")
    came_to_all = enrol(training, "Марат Ахметов")
    for session in (first, third):
        attendance_mark(session=session, registration=missed_one, mark=PRESENT, by=trainer)
    for session in (first, second, third):
        attendance_mark(
            session=session, registration=came_to_all, mark=AttendanceMark.LATE, by=trainer
        )

    rows = hours.training_completion(training)
    assert row_of(rows, came_to_all).completed
    assert not row_of(rows, missed_one).completed
    assert row_of(rows, missed_one).reason == "missed session 2: Сабақ 2"
    assert '<span lang="kk">Сабақ 2</span>' in row_of(rows, missed_one).reason_html

    # On the Russian page the topic is the Russian one, marked as Russian.
    russian = translate(training, "ru")
    for session in russian.sessions.all():
        session.topic = session.topic.replace("Сабақ", "Занятие")
        session.save()
    rows = hours.training_completion(russian)
    assert row_of(rows, missed_one).reason == "missed session 2: Занятие 2"
    assert '<span lang="ru">Занятие 2</span>' in row_of(rows, missed_one).reason_html


@pytest.mark.django_db
def test_people_enrolled_on_a_translation_count_on_the_source(
    make_training, enrol, trainer, translate
):
    training = make_training(sessions=(3, 5))
    russian = translate(training, "ru")
    on_russian = enrol(russian, "Ольга Ким")
    russian_second = list(russian.sessions.order_by("sort_order", "pk"))[1]
    attendance_mark(session=russian_second, registration=on_russian, mark=PRESENT, by=trainer)

    rows = hours.training_completion(training)
    assert row_of(rows, on_russian).hours == 5
    assert row_of(rows, on_russian).attended == [sessions_of(training)[1].pk]


@pytest.mark.django_db
def test_completion_takes_the_same_queries_for_many_people(make_training, enrol, trainer):
    training = make_training(sessions=(2, 2))
    first, _second = sessions_of(training)
    registration = enrol(training)
    attendance_mark(session=first, registration=registration, mark=PRESENT, by=trainer)
    with CaptureQueriesContext(connection) as few:
        hours.training_completion(training)
    for _ in range(6):
        more = enrol(training)
        attendance_mark(session=first, registration=more, mark=PRESENT, by=trainer)
    with CaptureQueriesContext(connection) as many:
        assert len(hours.training_completion(training)) == 7
    assert len(many) == len(few)


@pytest.mark.django_db
def test_completion_certificates_carry_each_persons_hours(make_training, enrol, trainer):
    template = completion_template()
    training = make_training(
        sessions=(4, 4, 2), completion_percent=50, certificate_template=template
    )
    first, second, third = sessions_of(training)
    eight = enrol(training, "Гүлнар Серікова")
    six = enrol(training, "Дана Жақсылықова")
    two = enrol(training, "Нұрлан Тоқтаров")
    for session in (first, second):
        attendance_mark(session=session, registration=eight, mark=PRESENT, by=trainer)
    for session in (first, third):
        attendance_mark(session=session, registration=six, mark=PRESENT, by=trainer)
    attendance_mark(session=third, registration=two, mark=PRESENT, by=trainer)

    batch = hours.completion_batch(training, language="kk", by=trainer)
    batch_run(batch)

    issued = {
        certificate.registration_id: certificate.hours
        for certificate in Certificate.objects.filter(batch=batch)
    }
    assert issued == {eight.pk: 8, six.pk: 6}
    certificate = Certificate.objects.get(batch=batch, registration=eight)
    assert certificate.source_key == source_key(
        CertificateKind.COMPLETION, training, registration_id=eight.pk
    )
