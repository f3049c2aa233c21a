"""Certificates in the Wagtail admin: templates as snippets, the staff
screens (registered from `admin_hooks`), the audit log's actions and the
section on a registration's private page."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks


@hooks.register("register_log_actions")
def register_certificate_actions(actions):
    for action, label in (
        ("certificate.issue", _("Certificate: issued")),
        ("certificate.revoke", _("Certificate: revoked")),
        ("certificate.reissue", _("Certificate: issued again, replacing a revoked one")),
        ("certificate.email", _("Certificate: sent by e-mail")),
        ("batch.create", _("Certificates: batch created")),
        ("batch.finish", _("Certificates: batch finished")),
        ("batch.resume", _("Certificates: batch started again")),
    ):
        actions.register_action(f"certificates.{action}", label, label)
