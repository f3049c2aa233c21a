"""Trainings for the region's librarians and the quarterly Methodologists' Day.

Both are events (`events.EventPage` subclasses), so they are listed, fed to
calendars and registered for like any other. What is recorded about them
(attendance per session, resolutions) belongs to the page in the site's
default language, the *source*: its translations show the same sessions and
resolutions in their own words, as a competition's translations show the
judged competition's results (docs/architecture.md, "Trainings").
"""

import datetime
import hashlib
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.blocks import DocumentLinkBlock
from events.models import EventPage
from events.models.pages import FileRoutesMixin
from trainings.enums import (
    AttendanceMark,
    CompletionRule,
    Quarter,
    ResolutionStatus,
    TrainingFormat,
)

TRAINING_INDEX_ROUTES_HOOK = "training_index_routes"
TRAINING_PAGE_ROUTES_HOOK = "training_page_routes"
METHODOLOGISTS_DAY_ROUTES_HOOK = "methodologists_day_routes"


def source_of(page):
    """The translation of `page` in the site's default language (itself if
    it is that one, or if that translation does not exist)."""
    if page.locale.language_code == settings.LANGUAGE_CODE:
        return page
    source = (
        type(page)
        .objects.filter(
            translation_key=page.translation_key,
            locale__language_code=settings.LANGUAGE_CODE,
        )
        .exclude(pk=page.pk)
        .first()
    )
    return source or page


class TrainingIndexPage(FileRoutesMixin, Page):
    """/<lang>/trainings/: trainings and Methodologists' Days, upcoming and past."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["trainings.TrainingPage", "trainings.MethodologistsDayPage"]
    max_count_per_parent = 1

    # The list, its filters and its feed come through the hook
    # (trainings/wagtail_hooks.py): the models import no views.
    routes_hook = TRAINING_INDEX_ROUTES_HOOK

    class Meta:
        verbose_name = _("training list")
        verbose_name_plural = _("training lists")

    def trainings(self):
        """Live trainings and Days under this index, with what lists show."""
        return EventPage.objects.live().public().descendant_of(self).with_related()


class TrainingPage(EventPage):
    """A course, seminar, workshop or webinar of one or more sessions."""

    training_format = models.CharField(
        _("format"), max_length=20, choices=TrainingFormat.choices, default=TrainingFormat.SEMINAR
    )
    topic = models.CharField(
        _("topic"),
        max_length=200,
        help_text=_("What the training is about, in a few words; lists are filtered by it."),
    )
    completion_rule = models.CharField(
        _("completed when the participant attended"),
        max_length=20,
        choices=CompletionRule.choices,
        default=CompletionRule.HOURS_SHARE,
    )
    completion_percent = models.PositiveSmallIntegerField(
        _("share of the hours, per cent"),
        default=80,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_("Used when the rule is a share of the hours."),
    )
    certificate_template = models.ForeignKey(
        "certificates.CertificateTemplate",
        verbose_name=_("certificate design"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The completion certificate; the hours are each participant's own."),
    )
    materials = StreamField(
        [("document", DocumentLinkBlock())],
        blank=True,
        verbose_name=_("materials of the whole training"),
    )

    content_panels = [
        *EventPage.content_panels[:1],
        FieldRowPanel([FieldPanel("training_format"), FieldPanel("topic")]),
        *EventPage.content_panels[1:],
        InlinePanel("sessions", label=_("Sessions"), min_num=1),
        FieldPanel("materials"),
        MultiFieldPanel(
            [
                FieldPanel("completion_rule"),
                FieldPanel("completion_percent"),
                FieldPanel("certificate_template"),
            ],
            heading=_("Completion and certificate"),
        ),
    ]
    search_fields = EventPage.search_fields + [index.SearchField("topic")]
    parent_page_types = ["trainings.TrainingIndexPage"]
    subpage_types = []
    template = "trainings/training_page.html"
    routes_hook = TRAINING_PAGE_ROUTES_HOOK

    class Meta:
        verbose_name = _("training")
        verbose_name_plural = _("trainings")

    @cached_property
    def source(self) -> "TrainingPage":
        """The page whose sessions attendance is recorded against."""
        return source_of(self)

    def calendar_fingerprint(self) -> str:
        """The event's, and each session's time, place and topic: a moved
        session raises the SEQUENCE of the training's calendar entries."""
        sessions = [
            "|".join(
                (
                    str(s.key),
                    s.start.isoformat(),
                    s.end.isoformat(),
                    str(s.venue_id),
                    s.online_url,
                    s.topic,
                )
            )
            for s in self.sessions.all()
        ]
        parts = [super().calendar_fingerprint(), *sessions]
        return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()

    def clean(self):
        super().clean()
        if self.completion_rule == CompletionRule.HOURS_SHARE and not self.completion_percent:
            raise ValidationError(
                {"completion_percent": _("Give the share of the hours that completes it.")}
            )


class TrainingSession(Orderable):
    """One sitting of a training: its own time, place or link, topic and hours.

    `key` stays the same in every translation of the page (a copy for
    translation copies it), so the kk session and its ru translation are
    known to be the same sitting."""

    page = ParentalKey(TrainingPage, on_delete=models.CASCADE, related_name="sessions")
    key = models.UUIDField(default=uuid.uuid4, editable=False)
    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"))
    topic = models.CharField(_("topic"), max_length=255)
    trainer = models.CharField(_("trainer"), max_length=255, blank=True)
    venue = models.ForeignKey(
        "events.Venue",
        verbose_name=_("venue"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    online_url = models.URLField(
        _("online link"), blank=True, help_text=_("For a webinar or a session held online.")
    )
    hours = models.PositiveSmallIntegerField(
        _("hours"),
        default=2,
        validators=[MinValueValidator(1), MaxValueValidator(40)],
        help_text=_("Academic hours a participant who attends it is credited with."),
    )
    materials = StreamField(
        [("document", DocumentLinkBlock())], blank=True, verbose_name=_("materials")
    )

    panels = [
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
        FieldPanel("topic"),
        FieldRowPanel([FieldPanel("trainer"), FieldPanel("hours")]),
        FieldRowPanel([FieldPanel("venue"), FieldPanel("online_url")]),
        FieldPanel("materials"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("session")
        verbose_name_plural = _("sessions")

    def __str__(self):
        return self.topic

    def clean(self):
        super().clean()
        if self.start and self.end and self.end <= self.start:
            raise ValidationError({"end": _("A session must end after it starts.")})


class SessionAttendanceQuerySet(models.QuerySet):
    def counted(self):
        """The marks that credit the session's hours."""
        return self.filter(mark__in=AttendanceMark.counted())


class SessionAttendance(models.Model):
    """Whether one enrolled person attended one session of the source training."""

    session = models.ForeignKey(
        TrainingSession, on_delete=models.CASCADE, related_name="attendance"
    )
    registration = models.ForeignKey(
        "registrations.Registration", on_delete=models.CASCADE, related_name="session_attendance"
    )
    mark = models.CharField(_("attendance"), max_length=20, choices=AttendanceMark.choices)
    note = models.CharField(_("note"), max_length=300, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(_("recorded"), default=timezone.now)

    objects = SessionAttendanceQuerySet.as_manager()

    class Meta:
        verbose_name = _("session attendance")
        verbose_name_plural = _("session attendance")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "registration"], name="one_mark_per_session_and_registration"
            )
        ]

    def __str__(self):
        return f"{self.registration} — {self.session}: {self.get_mark_display()}"


class MethodologistsDayPage(EventPage):
    """One quarter's Methodologists' Day: its agenda (the programme), and
    after the Day its minutes and resolutions."""

    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    quarter = models.PositiveSmallIntegerField(_("quarter"), choices=Quarter.choices)
    materials = StreamField(
        [("document", DocumentLinkBlock())], blank=True, verbose_name=_("materials")
    )
    minutes = RichTextField(
        _("minutes: what was discussed"),
        blank=True,
        features=["h2", "h3", "bold", "italic", "ol", "ul", "link"],
        help_text=_("Shown on the public page after the Day."),
    )
    minutes_internal = models.TextField(
        _("minutes: internal notes"),
        blank=True,
        help_text=_("For staff only; never shown on the public page."),
    )

    content_panels = [
        *EventPage.content_panels[:1],
        FieldRowPanel([FieldPanel("year"), FieldPanel("quarter")]),
        *EventPage.content_panels[1:],
        FieldPanel("materials"),
        MultiFieldPanel(
            [FieldPanel("minutes"), FieldPanel("minutes_internal")],
            heading=_("Minutes"),
        ),
    ]
    search_fields = EventPage.search_fields + [index.SearchField("minutes")]
    parent_page_types = ["trainings.TrainingIndexPage"]
    subpage_types = []
    template = "trainings/methodologists_day_page.html"
    routes_hook = METHODOLOGISTS_DAY_ROUTES_HOOK

    class Meta:
        verbose_name = _("Methodologists' Day")
        verbose_name_plural = _("Methodologists' Days")

    @cached_property
    def source(self) -> "MethodologistsDayPage":
        """The page whose resolutions count."""
        return source_of(self)

    @property
    def has_taken_place(self) -> bool:
        return self.end < timezone.now()

    def carried_over(self):
        """Resolutions of earlier Days that were still open when this Day
        began (and are open now, or were done after it began): they are on
        its agenda."""
        source = self.source
        return (
            Resolution.objects.filter(day__start__lt=source.start)
            .filter(
                Q(status=ResolutionStatus.OPEN)
                | Q(status=ResolutionStatus.DONE, done_at__gte=source.start)
            )
            .select_related("day", "assignee_branch", "assignee_user")
            .order_by("day__start", "number", "pk")
        )


class ResolutionQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status=ResolutionStatus.OPEN)

    def overdue(self, today: datetime.date | None = None):
        today = today or timezone.localdate()
        return self.open().filter(due_date__lt=today)

    def assigned_to(self, user):
        """What `user` must do: assigned to them, or to their branch."""
        mine = Q(assignee_user=user)
        profile = getattr(user, "staff_profile", None)
        if profile is not None:
            mine |= Q(assignee_branch_id=profile.branch_id)
        return self.filter(mine)


class Resolution(models.Model):
    """A decision of a Methodologists' Day: what, by whom, by when."""

    day = models.ForeignKey(
        MethodologistsDayPage,
        verbose_name=_("Methodologists' Day"),
        on_delete=models.CASCADE,
        related_name="resolutions",
    )
    number = models.PositiveSmallIntegerField(_("number"))
    text = models.TextField(_("resolution"))
    is_public = models.BooleanField(
        _("shown on the public page"),
        default=True,
        help_text=_("Untick for a resolution about one person or an internal matter."),
    )
    assignee_branch = models.ForeignKey(
        "branches.Branch",
        verbose_name=_("assigned to the branch"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    assignee_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned to the person"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    due_date = models.DateField(_("due"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=ResolutionStatus.choices, default=ResolutionStatus.OPEN
    )
    done_note = models.TextField(_("what was done"), blank=True)
    done_at = models.DateTimeField(_("done"), null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ResolutionQuerySet.as_manager()

    class Meta:
        verbose_name = _("resolution")
        verbose_name_plural = _("resolutions")
        ordering = ["day__start", "number", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["day", "number"], name="one_number_per_day_resolution"),
            models.CheckConstraint(
                condition=Q(assignee_branch__isnull=False) | Q(assignee_user__isnull=False),
                name="resolution_assigned",
                violation_error_message=_("Assign the resolution to a branch or a person."),
            ),
        ]

    def __str__(self):
        return f"{self.number}. {self.text[:60]}"

    @property
    def is_overdue(self) -> bool:
        return (
            self.status == ResolutionStatus.OPEN
            and self.due_date is not None
            and self.due_date < timezone.localdate()
        )
