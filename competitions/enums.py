"""Kinds, result types and judging states of competitions, with readable values."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from competitions import scoring


class CompetitionKind(models.TextChoices):
    CREATIVE = "creative", _("Creative contest")
    INTELLECTUAL = "intellectual", _("Intellectual competition")
    SPORTS = "sports", _("Sports competition")


class Aggregation(models.TextChoices):
    MEAN = scoring.Aggregation.MEAN.value, _("Mean of the judges' scores")
    MEDIAN = scoring.Aggregation.MEDIAN.value, _("Median of the judges' scores")
    TRIMMED_MEAN = (
        scoring.Aggregation.TRIMMED_MEAN.value,
        _("Mean without the highest and the lowest judge"),
    )


class ResultType(models.TextChoices):
    SCORED = "scored", _("Scored by the jury")
    TIME = "time", _("Time (lower is better)")
    DISTANCE = "distance", _("Distance (higher is better)")
    POINTS = "points", _("Points (higher is better)")

    @classmethod
    def measured(cls) -> set[str]:
        return {cls.TIME, cls.DISTANCE, cls.POINTS}


class TieRule(models.TextChoices):
    SHARED = scoring.TieRule.SHARED.value, _("Equal totals share the place")
    CRITERION = scoring.TieRule.CRITERION.value, _("Equal totals are decided by one criterion")


class CategoryBasis(models.TextChoices):
    DISABILITY_GROUP = "disability-group", _("Disability group")
    AGE_GROUP = "age-group", _("Age group")
    SEX = "sex", _("Sex")
    OPEN = "open", _("Open")


class JudgingState(models.TextChoices):
    OPEN = "open", _("Judging open")
    CLOSED = "closed", _("Judging closed")
    PUBLISHED = "published", _("Results published")


class ResultStatus(models.TextChoices):
    FINISHED = scoring.ResultStatus.FINISHED.value, _("Result")
    DNF = scoring.ResultStatus.DNF.value, _("Did not finish")
    DNS = scoring.ResultStatus.DNS.value, _("Did not start")
    DSQ = scoring.ResultStatus.DSQ.value, _("Disqualified")
