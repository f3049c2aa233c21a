"""The branches' work plans and reports, per reporting period, in numbers
(indicators the department defines) and words, with their review.

A branch is a translatable snippet (one row per language); a plan or report
belongs to the branch's row in the site's default language, so that each
branch is counted once in the statistics whichever language staff use.
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel

from reports.enums import Aggregation, DocumentKind, KnownSource, PeriodKind, ReportStatus, Unit


class Indicator(models.Model):
    """A number a branch reports, defined by the department (not in code)."""

    code = models.SlugField(
        _("code"), max_length=60, unique=True, help_text=_("A short name for exports, e.g. visits.")
    )
    name_kk = models.CharField(_("name in Kazakh"), max_length=200)
    name_ru = models.CharField(_("name in Russian"), max_length=200)
    name_en = models.CharField(_("name in English"), max_length=200)
    unit = models.CharField(_("unit"), max_length=20, choices=Unit.choices)
    aggregation = models.CharField(
        _("over the year"), max_length=10, choices=Aggregation.choices, default=Aggregation.SUM
    )
    target = models.DecimalField(
        _("target for a branch per year"),
        max_digits=12,
        decimal_places=1,
        null=True,
        blank=True,
        help_text=_("Optional; a branch's plan may set its own."),
    )
    source = models.CharField(
        _("pre-filled from"),
        max_length=30,
        choices=KnownSource.choices,
        default=KnownSource.NONE,
        blank=True,
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)
    active = models.BooleanField(
        _("asked in new plans and reports"),
        default=True,
        help_text=_("An indicator no longer asked stays in the old reports and statistics."),
    )

    panels = [
        FieldPanel("code"),
        FieldPanel("name_kk"),
        FieldPanel("name_ru"),
        FieldPanel("name_en"),
        FieldRowPanel([FieldPanel("unit"), FieldPanel("aggregation")]),
        FieldRowPanel([FieldPanel("target"), FieldPanel("source")]),
        FieldRowPanel([FieldPanel("sort_order"), FieldPanel("active")]),
    ]

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["sort_order", "code"]

    def __str__(self):
        return self.name

    def name_in(self, language: str) -> str:
        return getattr(self, f"name_{language}", "") or self.name_kk

    @property
    def name(self) -> str:
        return self.name_in((translation.get_language() or "kk")[:2])

    @property
    def name_language(self) -> str:
        """The language `name` is in (for `lang` where it differs from the page's)."""
        language = (translation.get_language() or "kk")[:2]
        return language if getattr(self, f"name_{language}", "") else "kk"


class ReportingPeriodQuerySet(models.QuerySet):
    def of_year(self, year: int):
        return self.filter(year=year)


class ReportingPeriod(models.Model):
    """A year, half-year or quarter the branches plan and report for."""

    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    kind = models.CharField(_("period"), max_length=10, choices=PeriodKind.choices)
    number = models.PositiveSmallIntegerField(
        _("number within the year"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(4)],
        help_text=_("1–4 for a quarter, 1–2 for a half-year, 1 for the year."),
    )
    plan_deadline = models.DateField(_("plans due"), null=True, blank=True)
    report_deadline = models.DateField(_("reports due"))

    objects = ReportingPeriodQuerySet.as_manager()

    panels = [
        FieldRowPanel([FieldPanel("year"), FieldPanel("kind"), FieldPanel("number")]),
        FieldRowPanel([FieldPanel("plan_deadline"), FieldPanel("report_deadline")]),
    ]

    class Meta:
        verbose_name = _("reporting period")
        verbose_name_plural = _("reporting periods")
        ordering = ["-year", "kind", "number"]
        constraints = [
            models.UniqueConstraint(fields=["year", "kind", "number"], name="one_period_each")
        ]

    def __str__(self):
        return self.label

    def clean(self):
        super().clean()
        most = {PeriodKind.YEAR: 1, PeriodKind.HALF: 2, PeriodKind.QUARTER: 4}.get(self.kind, 1)
        if self.number and self.number > most:
            raise ValidationError({"number": _("A year has no period with this number.")})

    @property
    def label(self) -> str:
        if self.kind == PeriodKind.YEAR:
            return _("%(year)s") % {"year": self.year}
        if self.kind == PeriodKind.HALF:
            return _("%(year)s, half-year %(number)s") % {"year": self.year, "number": self.number}
        return _("%(year)s, quarter %(number)s") % {"year": self.year, "number": self.number}

    @property
    def starts(self) -> datetime.date:
        months = {PeriodKind.YEAR: 12, PeriodKind.HALF: 6, PeriodKind.QUARTER: 3}[self.kind]
        return datetime.date(self.year, (self.number - 1) * months + 1, 1)

    @property
    def ends(self) -> datetime.date:
        months = {PeriodKind.YEAR: 12, PeriodKind.HALF: 6, PeriodKind.QUARTER: 3}[self.kind]
        last_month = self.number * months
        if last_month == 12:
            return datetime.date(self.year, 12, 31)
        return datetime.date(self.year, last_month + 1, 1) - datetime.timedelta(days=1)


class BranchDocumentQuerySet(models.QuerySet):
    def visible_to(self, user):
        """All for the department (`reports.review_branchdocument`); a
        branch's staff see their own branch's only; others nothing."""
        if user.has_perm("reports.review_branchdocument"):
            return self
        profile = getattr(user, "staff_profile", None)
        if profile is None:
            return self.none()
        return self.filter(branch__translation_key=profile.branch.translation_key)

    def overdue(self, today: datetime.date | None = None):
        today = today or timezone.localdate()
        late = Q(kind=DocumentKind.REPORT, period__report_deadline__lt=today) | Q(
            kind=DocumentKind.PLAN, period__plan_deadline__lt=today
        )
        return self.filter(late, status__in=ReportStatus.editable())


class BranchDocument(models.Model):
    """A branch's work plan or report for a period: numbers and words."""

    branch = models.ForeignKey(
        "branches.Branch",
        verbose_name=_("branch"),
        on_delete=models.PROTECT,
        related_name="report_documents",
    )
    period = models.ForeignKey(
        ReportingPeriod,
        verbose_name=_("period"),
        on_delete=models.PROTECT,
        related_name="documents",
    )
    kind = models.CharField(_("document"), max_length=10, choices=DocumentKind.choices)
    status = models.CharField(
        _("status"), max_length=20, choices=ReportStatus.choices, default=ReportStatus.DRAFT
    )
    narrative = models.TextField(
        _("in words"),
        blank=True,
        help_text=_("What the branch plans or did, what went well, what did not and why."),
    )
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = BranchDocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("plan or report")
        verbose_name_plural = _("plans and reports")
        ordering = ["-period__year", "period__kind", "period__number", "branch__name", "kind"]
        constraints = [
            models.UniqueConstraint(
                fields=["branch", "period", "kind"], name="one_plan_and_one_report_per_period"
            )
        ]
        permissions = [
            ("review_branchdocument", "Can review the plans and reports of every branch")
        ]

    def __str__(self):
        return f"{self.branch} — {self.period} — {self.get_kind_display()}"

    @property
    def is_locked(self) -> bool:
        return self.status == ReportStatus.ACCEPTED

    @property
    def deadline(self) -> datetime.date | None:
        if self.kind == DocumentKind.PLAN:
            return self.period.plan_deadline
        return self.period.report_deadline


class IndicatorValue(models.Model):
    """One indicator's number in a plan (the target) or a report (what was done)."""

    document = models.ForeignKey(BranchDocument, on_delete=models.CASCADE, related_name="values")
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="values")
    value = models.DecimalField(_("value"), max_digits=12, decimal_places=1, null=True, blank=True)
    known_value = models.DecimalField(
        _("what the system counted"),
        max_digits=12,
        decimal_places=1,
        null=True,
        blank=True,
        help_text=_("Pre-filled from the events and registrations when the document was made."),
    )

    class Meta:
        verbose_name = _("indicator value")
        verbose_name_plural = _("indicator values")
        constraints = [
            models.UniqueConstraint(
                fields=["document", "indicator"], name="one_value_per_indicator"
            )
        ]

    def __str__(self):
        return f"{self.indicator}: {self.value}"


class ReviewComment(models.Model):
    """The department's comment on a submitted document, on one indicator or overall."""

    document = models.ForeignKey(BranchDocument, on_delete=models.CASCADE, related_name="comments")
    indicator = models.ForeignKey(
        Indicator, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    text = models.TextField(_("comment"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("written"), default=timezone.now)
    resolved = models.BooleanField(_("answered"), default=False)

    class Meta:
        verbose_name = _("review comment")
        verbose_name_plural = _("review comments")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.text[:60]


def attachment_path(instance, filename: str) -> str:
    return f"reports/{instance.document.period.year}/{instance.document_id}/{filename}"


class Attachment(models.Model):
    """A file the branch adds to its plan or report (photos, lists, a programme)."""

    document = models.ForeignKey(
        BranchDocument, on_delete=models.CASCADE, related_name="attachments"
    )
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to=attachment_path)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["uploaded_at", "pk"]

    def __str__(self):
        return self.title
