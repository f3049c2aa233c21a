"""The statistics screen's only question: which reporting period (a GET form)."""

from django import forms
from django.db.models import Case, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from reports.enums import PeriodKind
from reports.models import ReportingPeriod


class PeriodChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.label


class StatisticsForm(forms.Form):
    period = PeriodChoiceField(
        label=_("Reporting period"),
        # The latest year first; in a year, the year itself, its halves, its quarters.
        queryset=ReportingPeriod.objects.order_by(
            "-year",
            Case(
                When(kind=PeriodKind.YEAR, then=0),
                When(kind=PeriodKind.HALF, then=1),
                default=2,
            ),
            "number",
        ),
        empty_label=None,
        help_text=_("Counted from accepted reports only."),
        error_messages={
            "invalid_choice": _("There is no such reporting period. Choose one from the list."),
            "required": _("Choose a reporting period."),
        },
    )

    @staticmethod
    def default_period() -> ReportingPeriod | None:
        """The period that ended last (a year before its last quarter, which
        ends the same day); when none has ended yet, the first to end."""
        today = timezone.localdate()
        periods = list(ReportingPeriod.objects.all())
        if not periods:
            return None
        ended = [period for period in periods if period.ends < today]
        if ended:
            return max(ended, key=lambda period: (period.ends, period.ends - period.starts))
        return min(periods, key=lambda period: (period.ends, period.starts))
