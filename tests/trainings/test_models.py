"""What the trainings' models hold: a training's sessions follow it into its
translations with the same keys, and the source is the default-language page."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from trainings.models import Resolution, TrainingPage

pytestmark = pytest.mark.django_db


def test_a_translation_keeps_the_sessions_keys_and_knows_its_source(make_training, translate):
    training = make_training(sessions=(2, 4))
    russian = translate(training, "ru", title="Обслуживание незрячих читателей")

    assert [s.hours for s in russian.sessions.all()] == [2, 4]
    assert [s.key for s in russian.sessions.all()] == [s.key for s in training.sessions.all()]
    assert {s.pk for s in russian.sessions.all()}.isdisjoint(s.pk for s in training.sessions.all())
    assert russian.source == TrainingPage.objects.get(pk=training.pk)
    assert training.source == training


def test_a_resolution_must_be_assigned(make_day):
    day = make_day(days=-10)
    resolution = Resolution(day=day, number=1, text="Есеп беру")

    with translation.override("en"), pytest.raises(ValidationError, match="Assign the resolution"):
        resolution.full_clean()


def test_a_moved_session_raises_the_calendar_sequence(make_training):
    training = make_training(sessions=(2, 2))
    before = TrainingPage.objects.get(pk=training.pk).ical_sequence

    draft = TrainingPage.objects.get(pk=training.pk)
    sessions = list(draft.sessions.order_by("sort_order"))
    sessions[1].start += datetime.timedelta(days=1)
    sessions[1].end += datetime.timedelta(days=1)
    draft.sessions = sessions
    draft.save_revision().publish()

    assert TrainingPage.objects.get(pk=training.pk).ical_sequence == before + 1
