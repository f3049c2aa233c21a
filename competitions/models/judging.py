"""Entries and what the jury records about them: scores and measured results."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from competitions.enums import ResultStatus


class EntryQuerySet(models.QuerySet):
    def competing(self):
        """Entries still in the competition: judged, ranked and published."""
        return self.filter(withdrawn_at__isnull=True)

    def withdrawn(self):
        """Entries taken out because their registration was cancelled or not
        accepted; their scores stay, for the record."""
        return self.filter(withdrawn_at__isnull=False)

    def for_results(self):
        """The competing entries with everything a results table or a judges'
        screen shows, in a fixed number of queries."""
        return (
            self.competing()
            .select_related("registration__person__branch", "category", "measured_result")
            .order_by("category__sort_order", "running_order", "pk")
        )


class Entry(models.Model):
    """A registration placed in a category, with the work performed.

    When the registration is cancelled or not accepted the entry is
    withdrawn (`withdrawn_at`), not deleted: it leaves the judges' screens,
    the standings and the results, its scores stay for the record, and it
    comes back if the person registers again while judging is open
    (competitions.services.entry_withdraw and entry_reinstate)."""

    competition = models.ForeignKey(
        "competitions.CompetitionPage", on_delete=models.CASCADE, related_name="entries"
    )
    # Erasing a person (people.privacy.person_erase) deletes their
    # registrations, and with them their entries and scores.
    registration = models.OneToOneField(
        "registrations.Registration",
        verbose_name=_("registration"),
        on_delete=models.CASCADE,
        related_name="competition_entry",
    )
    category = models.ForeignKey(
        "competitions.Category",
        verbose_name=_("category"),
        on_delete=models.PROTECT,
        related_name="entries",
    )
    work_title = models.CharField(
        _("title of the work"),
        max_length=255,
        blank=True,
        help_text=_("What is performed, for example the title of a poem or a kui."),
    )
    work_author = models.CharField(_("author of the work"), max_length=200, blank=True)
    running_order = models.PositiveIntegerField(_("running order"), default=0)
    grand_prix = models.BooleanField(
        _("Grand Prix"),
        default=False,
        help_text=_("The jury's highest award, above the places of every category."),
    )
    special_prize = models.CharField(
        _("special prize"),
        max_length=200,
        blank=True,
        help_text=_("For example: for the best performance of a poem by Mukagali Makatayev."),
    )

    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True, editable=False)

    objects = EntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("entry")
        verbose_name_plural = _("entries")
        ordering = ["running_order", "pk"]

    def __str__(self):
        return self.participant_name

    @property
    def participant_name(self) -> str:
        return self.registration.person.full_name

    @property
    def work(self) -> str:
        if self.work_title and self.work_author:
            return f"«{self.work_title}» ({self.work_author})"
        return f"«{self.work_title}»" if self.work_title else self.work_author


class Score(models.Model):
    """One judge's score of one entry on one criterion."""

    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="scores")
    # A judge's account may be removed later; the scores they gave still count.
    judge = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="competition_scores",
    )
    criterion = models.ForeignKey(
        "competitions.Criterion", on_delete=models.PROTECT, related_name="scores"
    )
    value = models.DecimalField(_("score"), max_digits=5, decimal_places=2)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        constraints = [
            models.UniqueConstraint(
                fields=["entry", "judge", "criterion"], name="one_score_per_judge_entry_criterion"
            ),
            models.CheckConstraint(condition=Q(value__gte=0), name="score_not_negative"),
        ]

    def __str__(self):
        return f"{self.entry_id}/{self.criterion_id}: {self.value}"


class MeasuredResult(models.Model):
    """A time, distance or number of points, or why there is none."""

    entry = models.OneToOneField(Entry, on_delete=models.CASCADE, related_name="measured_result")
    value = models.DecimalField(_("result"), max_digits=12, decimal_places=3, null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=ResultStatus.choices, default=ResultStatus.FINISHED
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("measured result")
        verbose_name_plural = _("measured results")
        constraints = [
            models.CheckConstraint(
                condition=Q(status=ResultStatus.FINISHED, value__isnull=False, value__gte=0)
                | (~Q(status=ResultStatus.FINISHED) & Q(value__isnull=True)),
                name="result_value_matches_status",
            )
        ]

    def __str__(self):
        return f"{self.entry_id}: {self.value if self.value is not None else self.status}"
