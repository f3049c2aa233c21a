"""The regional statistics screen of the methodology department and its
exports (URLs and menu item in stats_hooks).

    ?period=<id>                  the summary of a reporting period (a GET
                                  form; without it, the period that ended
                                  last; an unknown period is a 400 with the
                                  error summary)
    export.xlsx?period=<id>       the same as a workbook
    export.pdf?period=<id>        the same as a tagged PDF, to send on

Only the department (`reports.review_branchdocument`) sees it; anyone else
in the admin gets a 403 page that names the permission. The numbers come
from reports.statistics.period_statistics (accepted reports only) laid out
by reports.stats_tables, so the screen, the workbook and the PDF agree.
"""

import logging

from django.urls import reverse
from django.utils import translation
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from core.admin_views import PermissionFirstMixin
from core.pdf import PdfUnavailable
from reports import charts, exports
from reports.statistics import period_statistics
from reports.stats_forms import StatisticsForm
from reports.stats_tables import NumberFormat, Summary, build_summary

logger = logging.getLogger(__name__)

NS = "reports_statistics"
PERMISSION = "reports.review_branchdocument"


def can_see_statistics(user) -> bool:
    return bool(user.is_active and user.has_perm(PERMISSION))


def summary_for(period) -> Summary:
    """The period's summary in the active language, with a chart per indicator."""
    summary = build_summary(period_statistics(period))
    language = (translation.get_language() or "kk")[:2]
    number = NumberFormat()
    for table in summary.tables:
        table.chart = charts.bar_chart(
            table, period_label=summary.period_label, page_language=language, number=number
        )
    return summary


class StatisticsView(PermissionFirstMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "reports/admin/statistics.html"
    page_title = gettext_lazy("Regional statistics")
    header_icon = "table"
    permission_denied_template = "core/admin/permission_denied.html"
    permission_denied_message = gettext_lazy(
        "The regional statistics need the permission “Can review the plans and reports "
        "of every branch” (the methodology department)."
    )

    def has_permission(self, user) -> bool:
        return can_see_statistics(user)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.get_page_title()}]

    def prepare(self, request, **kwargs):
        if "period" in request.GET:
            self.form = StatisticsForm(request.GET)
            self.period = self.form.cleaned_data["period"] if self.form.is_valid() else None
        else:
            self.period = StatisticsForm.default_period()
            self.form = StatisticsForm(initial={"period": self.period})
        return None

    def page(self, *, status=200, problem=""):
        summary = summary_for(self.period) if self.period is not None else None
        query = urlencode({"period": self.period.pk}) if self.period is not None else ""
        context = self.get_context_data(
            form=self.form,
            summary=summary,
            problem=problem,
            xlsx_url=f"{reverse(f'{NS}:xlsx')}?{query}",
            pdf_url=f"{reverse(f'{NS}:pdf')}?{query}",
            language=(translation.get_language() or "kk")[:2],
        )
        if self.form.errors:
            status = 400
        return self.render_to_response(context, status=status)

    def get(self, request, *args, **kwargs):
        return self.page()


class StatisticsExportView(StatisticsView):
    """The summary as a file; the page itself (400) when the period is wrong."""

    extension = "xlsx"

    def get(self, request, *args, **kwargs):
        if self.period is None:
            return self.page()
        summary = build_summary(period_statistics(self.period))
        if self.extension == "xlsx":
            return exports.xlsx_response(summary)
        try:
            return exports.pdf_response(summary)
        except PdfUnavailable:
            logger.exception("The statistics PDF of period %s could not be made", self.period.pk)
            return self.page(
                status=503,
                problem=gettext_lazy(
                    "The PDF cannot be made on the server just now. Download the workbook "
                    "instead, or try again later."
                ),
            )
