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

Another app (the statistics) adds its own item to the menu through the hook
`register_reports_menu_item` (a callable returning a MenuItem).
"""

from django.contrib.auth.models import Permission
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem

from reports import review_views, views
from reports.viewsets import indicator_viewset, period_viewset

NS = views.NS
MENU_HOOK = "register_reports_menu_item"

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


class ShownWhenMenuItem(MenuItem):
    """A menu item shown when `shown(user)` says so."""

    def __init__(self, *args, shown, **kwargs):
        super().__init__(*args, **kwargs)
        self.shown = shown

    def is_shown(self, request):
        return self.shown(request.user)


def _may_edit(viewset):
    return lambda user: viewset.permission_policy.user_has_any_permission(
        user, ["add", "change", "delete"]
    )


@hooks.register(MENU_HOOK)
def branch_menu_item():
    return ShownWhenMenuItem(
        _("Our plans and reports"),
        reverse(f"{NS}:branch"),
        name="reports-branch",
        icon_name="doc-full",
        order=100,
        shown=lambda user: views.staff_branch(user) is not None,
    )


@hooks.register(MENU_HOOK)
def review_menu_item():
    return ShownWhenMenuItem(
        _("Review the branches"),
        reverse(f"{NS}:review_list"),
        name="reports-review",
        icon_name="tasks",
        order=200,
        shown=views.is_department,
    )


@hooks.register(MENU_HOOK)
def overdue_menu_item():
    return ShownWhenMenuItem(
        _("Not submitted"),
        reverse(f"{NS}:overdue"),
        name="reports-overdue",
        icon_name="warning",
        order=300,
        shown=views.is_department,
    )


@hooks.register(MENU_HOOK)
def indicators_menu_item():
    return ShownWhenMenuItem(
        _("Indicators"),
        reverse(indicator_viewset.get_url_name("index")),
        name="reports-indicators",
        icon_name=indicator_viewset.icon,
        order=400,
        shown=_may_edit(indicator_viewset),
    )


@hooks.register(MENU_HOOK)
def periods_menu_item():
    return ShownWhenMenuItem(
        _("Reporting periods"),
        reverse(period_viewset.get_url_name("index")),
        name="reports-periods",
        icon_name=period_viewset.icon,
        order=500,
        shown=_may_edit(period_viewset),
    )


@hooks.register("register_admin_menu_item")
def reports_menu():
    return SubmenuMenuItem(
        _("Plans and reports"),
        Menu(register_hook_name=MENU_HOOK),
        name="plans-and-reports",
        icon_name="doc-full",
        order=270,
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
    for action, label in (
        ("attach", _("Plan or report: file added")),
        ("detach", _("Plan or report: file removed")),
        ("remind", _("Plan or report: reminder sent")),
    ):
        actions.register_action(f"reports.document.{action}", label, label)
