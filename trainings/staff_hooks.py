"""Wagtail hooks of the training staff's screens (see wagtail_hooks.py)."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks


@hooks.register("register_log_actions")
def register_training_actions(actions):
    """The audit entries trainings.services writes."""
    for action, label in (
        ("trainings.enrolment.add", _("Training: colleagues enrolled")),
        ("trainings.person.link", _("Training: person linked to a staff account")),
        ("trainings.attendance.mark", _("Training: attendance marked")),
        ("trainings.attendance.correct", _("Training: attendance corrected")),
    ):
        actions.register_action(action, label, label)
