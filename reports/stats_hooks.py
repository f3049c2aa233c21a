"""Wagtail hooks of the regional statistics (imported by wagtail_hooks.py):
its URLs under /admin/reports/statistics/ (namespace "reports_statistics")
and its menu item, shown to the methodology department only."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from core.admin_views import PermissionMenuItem
from reports import stats_views

NS = stats_views.NS

urlpatterns = [
    path("", stats_views.StatisticsView.as_view(), name="index"),
    path("export.xlsx", stats_views.StatisticsExportView.as_view(extension="xlsx"), name="xlsx"),
    path("export.pdf", stats_views.StatisticsExportView.as_view(extension="pdf"), name="pdf"),
]


@hooks.register("register_admin_urls")
def register_statistics_urls():
    return [path("reports/statistics/", include((urlpatterns, NS), namespace=NS))]


@hooks.register("register_admin_menu_item")
def statistics_menu_item():
    return PermissionMenuItem(
        _("Regional statistics"),
        reverse(f"{NS}:index"),
        name="reports-statistics",
        icon_name="table",
        order=285,
        permission=stats_views.PERMISSION,
    )
