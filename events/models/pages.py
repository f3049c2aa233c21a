"""The event kernel's pages.

`EventPage` is a *concrete* base: festivals, competitions, trainings and
Methodologists' Days subclass it (multi-table inheritance), so every event of
every kind lives in one table that the index, the month view and the
calendar feeds query at once. The plain `EventPage` serves the department's
other days (Bibliography Day, exhibitions, readings, meetings), told apart by
an `EventKind`.
"""

import calendar as pycalendar
import datetime
import hashlib

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import prefetch_related_objects
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail.url_routing import RouteResult

from core import search
from core.blocks import BodyBlock
from core.models import DescribedImageMixin
from events.enums import Audience, EventStatus
from events.windows import registration_window

EVENT_PAGE_ROUTES_HOOK = "event_page_routes"
EVENT_INDEX_ROUTES_HOOK = "event_index_routes"
_DEFAULT_INDEX_ROUTE = RoutablePageMixin.__dict__["index_route"]


class FileRoutesMixin(RoutablePageMixin):
    """Routes added by the views' own modules, and routes that end in a file
    name (feed.ics, programme.pdf).

    The views are not imported here (they import these models): the Wagtail
    hook named by `routes_hook` returns `django.urls.path()` patterns whose
    views take `(page, request, ...)`; events/wagtail_hooks.py adds the
    calendars and documents, registrations/ adds the registration form. They
    come after the routes of the page classes (a festival edition's own
    "register/" wins) and before Wagtail's default "" route.

    RoutablePageMixin.route() adds a slash to every sub-path, which no route
    ending in a file name matches, so those are resolved as they are."""

    routes_hook = ""

    @classmethod
    def get_subpage_urls(cls):
        added = tuple(route for fn in hooks.get_hooks(cls.routes_hook) for route in fn())
        own = super().get_subpage_urls()
        default = tuple(route for route in own if route.callback is _DEFAULT_INDEX_ROUTE)
        return tuple(route for route in own if route not in default) + added + default

    def route(self, request, path_components):
        if self.live and path_components and "." in path_components[-1]:
            try:
                match = self.resolve_subpage("/" + "/".join(path_components))
            except Http404:
                pass
            else:
                request.routable_resolver_match = match
                return RouteResult(self, args=tuple(match))
        return super().route(request, path_components)


class EventQuerySet(PageQuerySet):
    def upcoming(self, now=None):
        """Events that have not ended yet, soonest first."""
        now = now or timezone.now()
        return self.filter(end__gte=now).order_by("start", "pk")

    def past(self, now=None):
        now = now or timezone.now()
        return self.filter(end__lt=now).order_by("-start", "-pk")

    def in_month(self, year: int, month: int):
        """Events that touch the month (a multi-day event shows on each day)."""
        tz = timezone.get_current_timezone()
        first = datetime.datetime(year, month, 1, tzinfo=tz)
        last_day = pycalendar.monthrange(year, month)[1]
        after = datetime.datetime(year, month, last_day, tzinfo=tz) + datetime.timedelta(days=1)
        return self.filter(start__lt=after, end__gte=first).order_by("start", "pk")

    def with_related(self):
        return self.select_related("venue", "kind", "organiser", "locale")


EventManager = PageManager.from_queryset(EventQuerySet)


class EventPage(DescribedImageMixin, FileRoutesMixin, search.StemmedSearchMixin, Page):
    """An event: its time, place, audience, programme and documents."""

    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"))
    all_day = models.BooleanField(
        _("all day"), default=False, help_text=_("The times are not shown; the dates are.")
    )
    status = models.CharField(
        _("status"), max_length=20, choices=EventStatus.choices, default=EventStatus.SCHEDULED
    )
    status_note = models.CharField(
        _("about the status"),
        max_length=300,
        blank=True,
        help_text=_("Why it is cancelled or postponed, and what happens instead."),
    )
    kind = models.ForeignKey(
        "events.EventKind",
        verbose_name=_("kind"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    venue = models.ForeignKey(
        "events.Venue",
        verbose_name=_("venue"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    audience = models.CharField(
        _("audience"), max_length=30, choices=Audience.choices, default=Audience.EVERYONE
    )
    organiser = models.ForeignKey(
        "branches.Branch",
        verbose_name=_("organiser"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    summary = models.TextField(
        _("summary"), help_text=_("One or two sentences for lists and calendars.")
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("description"))
    registration_opens = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes = models.DateTimeField(_("registration closes"), null=True, blank=True)
    capacity = models.PositiveIntegerField(
        _("places"), null=True, blank=True, help_text=_("Leave empty for no limit.")
    )
    requires_approval = models.BooleanField(
        _("registrations need approval"),
        default=False,
        help_text=_("Each registration waits until staff confirm or reject it."),
    )
    # iCalendar: SEQUENCE rises when what a calendar shows changes.
    ical_sequence = models.PositiveIntegerField(default=0, editable=False)
    ical_fingerprint = models.CharField(max_length=64, blank=True, editable=False)

    objects = EventManager()

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
        FieldPanel("all_day"),
        FieldRowPanel([FieldPanel("status"), FieldPanel("status_note")]),
        FieldPanel("kind"),
        FieldPanel("venue"),
        FieldPanel("audience"),
        FieldPanel("organiser"),
        FieldPanel("summary"),
        *DescribedImageMixin.image_panels,
        FieldPanel("body"),
        InlinePanel("programme_items", label=_("Programme")),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("registration_opens"), FieldPanel("registration_closes")]
                ),
                FieldRowPanel([FieldPanel("capacity"), FieldPanel("requires_approval")]),
            ],
            heading=_("Registration"),
        ),
        InlinePanel("questions", label=_("Questions of this event's registration form")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("start"),
        index.FilterField("end"),
        search.STEMS_FIELD,
    ]
    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        indexes = [models.Index(fields=["start"]), models.Index(fields=["end"])]

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("The event cannot end before it starts.")})
        if (
            self.registration_opens
            and self.registration_closes
            and self.registration_closes < self.registration_opens
        ):
            raise ValidationError(
                {"registration_closes": _("Registration cannot close before it opens.")}
            )

    @property
    def is_cancelled(self) -> bool:
        return self.status == EventStatus.CANCELLED

    @property
    def is_multi_day(self) -> bool:
        return timezone.localdate(self.start) != timezone.localdate(self.end)

    def calendar_fingerprint(self) -> str:
        """What a subscriber's calendar shows; a change raises SEQUENCE."""
        parts = [
            self.title,
            self.start.isoformat(),
            self.end.isoformat(),
            str(self.all_day),
            self.status,
            str(self.venue_id),
            self.summary,
        ]
        return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The documents' freshness check ({% programme_documents %}) reads the
        # same items: fetch them once.
        prefetch_related_objects([self], "programme_items")
        context["programme"] = list(self.programme_items.all())
        return context

    # The page itself; its calendar entry, programme documents and
    # registration come through the `event_page_routes` hook.
    routes_hook = EVENT_PAGE_ROUTES_HOOK

    @path("")
    def event(self, request):
        return self.render(request)

    @property
    def registration_state(self):
        """registration_window(self), for templates: is_open, and why not in words."""
        return registration_window(self)


class ProgrammeItem(Orderable):
    """One line of an event's programme."""

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="programme_items")
    starts_at = models.DateTimeField(_("starts"), null=True, blank=True)
    ends_at = models.DateTimeField(_("ends"), null=True, blank=True)
    title = models.CharField(_("title"), max_length=255)
    description = models.TextField(_("description"), blank=True)
    performer = models.CharField(_("performer or speaker"), max_length=255, blank=True)
    room = models.CharField(_("room"), max_length=120, blank=True)
    notes = models.CharField(_("notes"), max_length=255, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
        FieldPanel("title"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("performer"), FieldPanel("room")]),
        FieldPanel("notes"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("programme item")
        verbose_name_plural = _("programme")

    def clean(self):
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at < self.starts_at:
            raise ValidationError({"ends_at": _("An item cannot end before it starts.")})


class EventIndexPage(FileRoutesMixin, Page):
    """/<lang>/events/: upcoming and past events, month view and feeds."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage", "competitions.CompetitionPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("event list")
        verbose_name_plural = _("event lists")

    def events(self):
        """Every live public event of the index's language in its part of the
        site: its own children and the events listed elsewhere (trainings,
        Methodologists' Days, festival editions), so the list and the feeds
        show them all."""
        site_section = self.path[: -self.steplen]
        return (
            EventPage.objects.live()
            .public()
            .filter(path__startswith=site_section, locale_id=self.locale_id)
            .with_related()
        )

    # Upcoming and past events and the feeds: the `event_index_routes` hook.
    routes_hook = EVENT_INDEX_ROUTES_HOOK
