"""Wagtail loads this module; each part of the app registers its own hooks
in its own module: the public pages and feeds (public_hooks), the training
staff's screens (staff_hooks), the Methodologists' Days' screens (day_hooks)."""

from trainings import day_hooks, public_hooks, staff_hooks  # noqa: F401
