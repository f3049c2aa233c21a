"""Log actions of judging, and the judges' screens (competitions.judging_views)."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks


@hooks.register("register_log_actions")
def register_judging_actions(actions):
    for action, label in (
        ("competitions.entry.add", _("Competition: entry added")),
        ("competitions.score.save", _("Competition: scores saved")),
        ("competitions.result.save", _("Competition: result recorded")),
        ("competitions.judging.close", _("Competition: judging closed")),
        ("competitions.judging.reopen", _("Competition: judging opened again")),
        ("competitions.results.publish", _("Competition: results published")),
    ):
        actions.register_action(action, label, label)
