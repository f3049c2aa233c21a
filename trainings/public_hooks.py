"""Wagtail hooks of trainings/ (see wagtail_hooks.py): the public routes of
the trainings index, of a training and of a Methodologists' Day.

A training and a Day route through their own hooks (trainings/models.py), so
each returns the routes every event page has (`event_page_routes`: its
calendar entry, programme documents, registration) after its own: a
training's calendar.ics, one entry per session, comes first and wins."""

from django.urls import path
from wagtail import hooks

from events.models.pages import EVENT_PAGE_ROUTES_HOOK
from trainings import calendar, views
from trainings.models import (
    METHODOLOGISTS_DAY_ROUTES_HOOK,
    TRAINING_INDEX_ROUTES_HOOK,
    TRAINING_PAGE_ROUTES_HOOK,
)


def _event_page_routes() -> list:
    return [route for fn in hooks.get_hooks(EVENT_PAGE_ROUTES_HOOK) for route in fn()]


def _upcoming(page, request):
    return views.training_index(request, page, past=False)


def _past(page, request):
    return views.training_index(request, page, past=True)


@hooks.register(TRAINING_INDEX_ROUTES_HOOK)
def training_index_routes():
    """/<lang>/trainings/: upcoming, and past."""
    return [
        path("", _upcoming, name="upcoming"),
        path("past/", _past, name="past"),
    ]


def _training_ics(page, request):
    return calendar.training_feed_response(request, page)


@hooks.register(TRAINING_PAGE_ROUTES_HOOK)
def training_page_routes():
    """A training's sessions as a calendar file, then every event's routes."""
    return [path("calendar.ics", _training_ics, name="ics"), *_event_page_routes()]


@hooks.register(METHODOLOGISTS_DAY_ROUTES_HOOK)
def methodologists_day_routes():
    """A Day is one event: every event's routes."""
    return _event_page_routes()
