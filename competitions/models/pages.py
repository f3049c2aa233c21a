"""The competition page: an event whose entries are judged or measured.

Its categories, criteria and jury are edited with the page (inline panels);
entries, scores and results live in `judging.py`, outside page revisions, so
that publishing a page never touches a score.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.http import Http404
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.models import Orderable

from competitions.enums import (
    Aggregation,
    CategoryBasis,
    CompetitionKind,
    JudgingState,
    ResultType,
    TieRule,
)
from core.page_views import page_view
from events.models import EventPage

# The public results' view (`competitions.results_views.results`).
RESULTS_VIEW_HOOK = "competition_results_view"


class CompetitionPageForm(WagtailAdminPageForm):
    """Checks across the inline panels: one chair, a tie-break criterion when
    the tie rule needs one, and no criterion or category removed while scores
    or entries depend on it (nothing is lost by editing the page)."""

    def clean(self):
        cleaned = super().clean()
        kept = {}
        for name in ("jury", "criteria", "categories"):
            formset = self.formsets.get(name)
            if formset is None:
                continue
            formset.is_valid()  # the inline forms' own checks, so cleaned_data exists
            kept[name] = [
                getattr(form, "cleaned_data", {})
                for form in formset.forms
                if not formset._should_delete_form(form)
            ]
        if "jury" in kept:
            chairs = [data for data in kept["jury"] if data.get("is_chair")]
            if len(chairs) > 1:
                self.add_error(None, _("A jury has one chair: tick the chair for one judge only."))
        if "criteria" in kept:
            breakers = [data for data in kept["criteria"] if data.get("breaks_ties")]
            if len(breakers) > 1:
                self.add_error(None, _("Only one criterion can decide ties."))
            if cleaned.get("tie_rule") == TieRule.CRITERION and not breakers:
                self.add_error(
                    "tie_rule",
                    _("Mark the criterion that decides ties, or let equal totals share the place."),
                )
        for name, message in (
            ("criteria", _("The criterion “%(name)s” has scores and cannot be removed.")),
            ("categories", _("The category “%(name)s” has entries and cannot be removed.")),
        ):
            formset = self.formsets.get(name)
            if formset is None:
                continue
            for form in formset.forms:
                instance = form.instance
                if instance.pk and formset._should_delete_form(form) and instance.is_in_use():
                    self.add_error(None, message % {"name": instance.name})
        return cleaned


class CompetitionPage(EventPage):
    """A contest or a sports competition: categories, criteria, a jury, and
    results that become public only when the chair publishes them."""

    competition_kind = models.CharField(
        _("kind of competition"), max_length=20, choices=CompetitionKind.choices
    )
    discipline = models.CharField(
        _("discipline"),
        max_length=120,
        help_text=_("For example: expressive reading, dombra, chess, goalball, swimming."),
    )
    result_type = models.CharField(
        _("results"), max_length=20, choices=ResultType.choices, default=ResultType.SCORED
    )
    unit = models.CharField(
        _("unit of the result"),
        max_length=30,
        blank=True,
        help_text=_("For distances and points, for example: m, points."),
    )
    aggregation = models.CharField(
        _("how the judges' scores are combined"),
        max_length=20,
        choices=Aggregation.choices,
        default=Aggregation.MEAN,
    )
    tie_rule = models.CharField(
        _("equal totals"), max_length=20, choices=TieRule.choices, default=TieRule.SHARED
    )

    judging_state = models.CharField(
        _("judging"),
        max_length=20,
        choices=JudgingState.choices,
        default=JudgingState.OPEN,
        editable=False,
    )
    judging_closed_at = models.DateTimeField(null=True, blank=True, editable=False)
    results_published_at = models.DateTimeField(null=True, blank=True, editable=False)
    # When the chair publishes with scores missing: what was decided, and by whom.
    publish_decision = models.TextField(blank=True, editable=False)

    base_form_class = CompetitionPageForm

    content_panels = EventPage.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("competition_kind"), FieldPanel("discipline")]),
                FieldRowPanel([FieldPanel("result_type"), FieldPanel("unit")]),
                FieldRowPanel([FieldPanel("aggregation"), FieldPanel("tie_rule")]),
            ],
            heading=_("Competition"),
        ),
        InlinePanel("categories", label=_("Categories"), min_num=1),
        InlinePanel("criteria", label=_("Judging criteria")),
        InlinePanel("jury", label=_("Jury")),
    ]
    # Under a festival edition, a competition is one of its nominations.
    parent_page_types = ["events.EventIndexPage", "festivals.FestivalEditionPage"]
    subpage_types = []
    template = "competitions/competition_page.html"

    class Meta:
        verbose_name = _("competition")
        verbose_name_plural = _("competitions")

    def clean(self):
        super().clean()
        if self.result_type in ResultType.measured() - {ResultType.TIME} and not self.unit:
            raise ValidationError({"unit": _("Name the unit of the result, for example: m.")})

    @property
    def is_measured(self) -> bool:
        return self.result_type in ResultType.measured()

    @property
    def asks_for_work(self) -> bool:
        """Entries name the work performed (a poem, a kui) where the jury
        scores a performance; a measured result has none."""
        return not self.is_measured

    @cached_property
    def judged(self) -> "CompetitionPage":
        """The competition whose entries, jury, scores and judging state count:
        the one in the site's default language. Its translations show the same
        results, with their own words for the categories."""
        if self.locale.language_code == settings.LANGUAGE_CODE:
            return self
        source = (
            CompetitionPage.objects.filter(
                translation_key=self.translation_key,
                locale__language_code=settings.LANGUAGE_CODE,
            )
            .exclude(pk=self.pk)
            .first()
        )
        return source or self

    @property
    def results_are_public(self) -> bool:
        return self.judged.judging_state == JudgingState.PUBLISHED

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["categories"] = list(self.categories.all())
        return context

    @path("results/", name="results")
    def results(self, request):
        if not self.results_are_public:
            raise Http404
        # competitions.results_views.results, registered in wagtail_hooks: models import no views.
        return page_view(RESULTS_VIEW_HOOK)(request, self)


class Category(Orderable):
    """A group within a competition in which entries are ranked."""

    competition = ParentalKey(CompetitionPage, on_delete=models.CASCADE, related_name="categories")
    name = models.CharField(_("name"), max_length=120)
    basis = models.CharField(
        _("grouped by"), max_length=20, choices=CategoryBasis.choices, default=CategoryBasis.OPEN
    )

    panels = [FieldRowPanel([FieldPanel("name"), FieldPanel("basis")])]

    class Meta(Orderable.Meta):
        verbose_name = _("category")
        verbose_name_plural = _("categories")

    def __str__(self):
        return self.name

    def is_in_use(self) -> bool:
        return self.entries.exists()


class Criterion(Orderable):
    """What the jury scores (artistry, content, delivery), out of a maximum, with a weight."""

    competition = ParentalKey(CompetitionPage, on_delete=models.CASCADE, related_name="criteria")
    name = models.CharField(_("name"), max_length=120)
    maximum = models.DecimalField(
        _("maximum score"),
        max_digits=5,
        decimal_places=2,
        default=10,
        validators=[MinValueValidator(1)],
    )
    weight = models.DecimalField(
        _("weight"),
        max_digits=4,
        decimal_places=2,
        default=1,
        validators=[MinValueValidator(0)],
    )
    breaks_ties = models.BooleanField(_("decides equal totals"), default=False)

    panels = [
        FieldRowPanel(
            [
                FieldPanel("name"),
                FieldPanel("maximum"),
                FieldPanel("weight"),
                FieldPanel("breaks_ties"),
            ]
        )
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")

    def __str__(self):
        return self.name

    def is_in_use(self) -> bool:
        return self.scores.exists()


class JuryMember(Orderable):
    """A staff user who judges this competition; one of them chairs the jury."""

    competition = ParentalKey(CompetitionPage, on_delete=models.CASCADE, related_name="jury")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("judge"),
        on_delete=models.CASCADE,
        related_name="juries",
    )
    is_chair = models.BooleanField(_("chair of the jury"), default=False)

    panels = [FieldRowPanel([FieldPanel("user"), FieldPanel("is_chair")])]

    class Meta(Orderable.Meta):
        verbose_name = _("judge")
        verbose_name_plural = _("jury")
        constraints = [
            models.UniqueConstraint(fields=["competition", "user"], name="one_seat_per_judge"),
        ]

    def __str__(self):
        return self.user.get_full_name() or self.user.get_username()
