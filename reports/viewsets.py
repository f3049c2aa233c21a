"""The department's lists of indicators and reporting periods (Wagtail
ModelViewSets, in the "Plans and reports" menu of review_hooks).

The department (`reports.review_branchdocument`) may add and change them;
others need the model's own permissions. Deleting always needs the delete
permission: an indicator or period in use is protected by the database."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from reports.models import Indicator, ReportingPeriod

REVIEW_PERMISSION = "reports.review_branchdocument"


class DepartmentPermissionPolicy(ModelPermissionPolicy):
    """The model's permissions, and for the department adding, changing and viewing."""

    def user_has_permission(self, user, action):
        if action != "delete" and user.is_active and user.has_perm(REVIEW_PERMISSION):
            return True
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class DepartmentViewSet(ModelViewSet):
    add_to_admin_menu = False
    copy_view_enabled = False
    inspect_view_enabled = False


class IndicatorViewSet(DepartmentViewSet):
    model = Indicator
    icon = "list-ol"
    menu_label = _("Indicators")
    list_display = ["name", "code", "unit", "aggregation", "source", "active"]
    list_filter = ["active", "unit", "source"]
    search_fields = ["code", "name_kk", "name_ru", "name_en"]


class ReportingPeriodViewSet(DepartmentViewSet):
    model = ReportingPeriod
    icon = "date"
    menu_label = _("Reporting periods")
    list_display = ["label", "plan_deadline", "report_deadline"]
    list_filter = ["year", "kind"]


register_permission_policy(Indicator, DepartmentPermissionPolicy(Indicator), exact_class=True)
register_permission_policy(
    ReportingPeriod, DepartmentPermissionPolicy(ReportingPeriod), exact_class=True
)

indicator_viewset = IndicatorViewSet("report_indicators")
period_viewset = ReportingPeriodViewSet("report_periods")
