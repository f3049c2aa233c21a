"""The reports app's audit actions and, in their own modules, its admin screens."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

# The screens register their own hooks: the branches' documents and their
# review (review_hooks), the regional statistics (stats_hooks).
from reports import review_hooks, stats_hooks  # noqa: F401


@hooks.register("register_log_actions")
def register_report_actions(actions):
    for action, label in (
        ("create", _("Plan or report: started")),
        ("edit", _("Plan or report: numbers or text changed")),
        ("refresh", _("Plan or report: counted again from the events")),
        ("submit", _("Plan or report: submitted")),
        ("resubmit", _("Plan or report: submitted again")),
        ("return", _("Plan or report: returned with comments")),
        ("accept", _("Plan or report: accepted")),
        ("reopen", _("Plan or report: reopened for a correction")),
    ):
        actions.register_action(f"reports.document.{action}", label, label)
