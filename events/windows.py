"""When an event takes registrations: a rule of the event's own settings, so
that the event page can say it without knowing the registration engine."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from events.enums import EventStatus

if TYPE_CHECKING:
    from events.models import EventPage


@dataclass(frozen=True)
class Window:
    is_open: bool
    message: str = ""


def registration_window(event: EventPage, now: datetime.datetime | None = None) -> Window:
    """Whether the event takes registrations now, and if not, why (in words)."""
    now = now or timezone.now()
    if event.status == EventStatus.CANCELLED:
        return Window(False, _("The event is cancelled: registration is closed."))
    if event.registration_opens is None:
        return Window(False, _("This event does not take registrations on the site."))
    if now < event.registration_opens:
        return Window(False, _("Registration has not opened yet."))
    if (event.registration_closes and now > event.registration_closes) or now > event.end:
        return Window(False, _("Registration is closed."))
    return Window(True)
