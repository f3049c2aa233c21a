"""What the system already knows about a branch in a period, for its report:
the events it organised, their registrations, who attended, and the formats
participants asked for. Counted over every language version of an event once
(by translation key), in a fixed number of queries."""

import datetime
from decimal import Decimal

from django.db.models import Count, Q
from django.utils import timezone

from events.models import EventPage
from people.enums import MaterialFormat
from registrations.enums import RegistrationStatus
from registrations.models import Registration
from reports.enums import KnownSource


def _bounds(
    starts: datetime.date, ends: datetime.date
) -> tuple[datetime.datetime, datetime.datetime]:
    tz = timezone.get_current_timezone()
    first = datetime.datetime.combine(starts, datetime.time.min, tzinfo=tz)
    after = datetime.datetime.combine(
        ends + datetime.timedelta(days=1), datetime.time.min, tzinfo=tz
    )
    return first, after


def known_values(branch, starts: datetime.date, ends: datetime.date) -> dict[str, Decimal]:
    """{KnownSource value: count} for `branch` (any language's row) over the
    days from `starts` to `ends`; only events that have ended count."""
    first, after = _bounds(starts, ends)
    events = EventPage.objects.live().filter(
        organiser__translation_key=branch.translation_key,
        start__gte=first,
        start__lt=after,
        end__lt=timezone.now(),
    )
    held = events.values("translation_key").distinct().count()
    registrations = Registration.objects.filter(
        event__translation_key__in=events.values("translation_key")
    ).exclude(status__in=[RegistrationStatus.CANCELLED, RegistrationStatus.REJECTED])
    counted = registrations.aggregate(
        total=Count("pk"),
        attended=Count("pk", filter=Q(status=RegistrationStatus.ATTENDED)),
        braille=Count("pk", filter=Q(material_format=MaterialFormat.BRAILLE)),
        large_print=Count("pk", filter=Q(material_format=MaterialFormat.LARGE_PRINT)),
        audio=Count("pk", filter=Q(material_format=MaterialFormat.AUDIO)),
        electronic=Count("pk", filter=Q(material_format=MaterialFormat.ELECTRONIC)),
    )
    return {
        KnownSource.EVENTS_HELD: Decimal(held),
        KnownSource.REGISTRATIONS: Decimal(counted["total"]),
        KnownSource.ATTENDED: Decimal(counted["attended"]),
        KnownSource.NEEDS_BRAILLE: Decimal(counted["braille"]),
        KnownSource.NEEDS_LARGE_PRINT: Decimal(counted["large_print"]),
        KnownSource.NEEDS_AUDIO: Decimal(counted["audio"]),
        KnownSource.NEEDS_ELECTRONIC: Decimal(counted["electronic"]),
    }
