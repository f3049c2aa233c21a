"""Wagtail hooks of reports/ (see wagtail_hooks.py): the branches' documents
and their review, the indicators and periods, all in one "Plans and reports"
menu.

URLs, under /admin/reports/ (namespace "reports"):
    "branch/"                        the user's branch's plans and reports by period
    "branch/start/"                  POST period + kind: start (or open) one
    "documents/<pk>/"                the branch's document: the form, or read-only
    "documents/<pk>/files/<id>/"     one of its files (branch or department)
    "review/"                        the department: every document, with filters
    "review/overdue/"                the branches that have not submitted for a period
    "review/<pk>/"                   one document: plan beside done, comments, decision
"""

from django.contrib.auth.models import Permission
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from core.admin_views import Entry, register_log_actions, staff_menu
from reports import review_views, views
from reports.viewsets import indicator_viewset, period_viewset

NS = views.NS

urlpatterns = [
    path("branch/", views.BranchDocumentsView.as_view(), name="branch"),
    path("branch/start/", views.StartDocumentView.as_view(), name="start"),
    path("documents/<int:pk>/", views.BranchDocumentView.as_view(), name="document"),
    path(
        "documents/<int:pk>/files/<int:attachment_pk>/",
        views.AttachmentView.as_view(),
        name="attachment",
    ),
    path("review/", review_views.ReviewListView.as_view(), name="review_list"),
    path("review/overdue/", review_views.OverdueView.as_view(), name="overdue"),
    path("review/<int:pk>/", review_views.ReviewView.as_view(), name="review"),
]


@hooks.register("register_admin_urls")
def register_report_urls():
    return [path("reports/", include((urlpatterns, NS), namespace=NS))]


@hooks.register("register_admin_viewset")
def register_report_viewsets():
    return [indicator_viewset, period_viewset]


def _may_edit(viewset):
    return lambda user: viewset.permission_policy.user_has_any_permission(
        user, ["add", "change", "delete"]
    )


@hooks.register("register_admin_menu_item")
def reports_menu():
    return staff_menu(
        _("Plans and reports"),
        name="plans-and-reports",
        icon_name="doc-full",
        order=270,
        entries=[
            Entry(
                _("Our plans and reports"),
                reverse(f"{NS}:branch"),
                "reports-branch",
                "doc-full",
                lambda user: views.staff_branch(user) is not None,
            ),
            Entry(
                _("Review the branches"),
                reverse(f"{NS}:review_list"),
                "reports-review",
                "tasks",
                views.is_department,
            ),
            Entry(
                _("Not submitted"),
                reverse(f"{NS}:overdue"),
                "reports-overdue",
                "warning",
                views.is_department,
            ),
            Entry(
                _("Indicators"),
                reverse(indicator_viewset.get_url_name("index")),
                "reports-indicators",
                indicator_viewset.icon,
                _may_edit(indicator_viewset),
            ),
            Entry(
                _("Reporting periods"),
                reverse(period_viewset.get_url_name("index")),
                "reports-periods",
                period_viewset.icon,
                _may_edit(period_viewset),
            ),
        ],
    )


@hooks.register("register_permissions")
def report_permissions():
    """Shown in Settings → Groups, so administrators can give the department
    its review permission, and the lists of indicators and periods."""
    return Permission.objects.filter(content_type__app_label="reports").filter(
        codename__in=[
            "review_branchdocument",
            *(
                f"{action}_{model}"
                for action in ("add", "change", "delete")
                for model in ("indicator", "reportingperiod")
            ),
        ]
    )


@hooks.register("register_log_actions")
def register_review_actions(actions):
    register_log_actions(
        actions,
        [
            ("reports.document.attach", _("Plan or report: file added")),
            ("reports.document.detach", _("Plan or report: file removed")),
            ("reports.document.remind", _("Plan or report: reminder sent")),
        ],
    )
