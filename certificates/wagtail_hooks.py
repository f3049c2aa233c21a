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


@hooks.register("registration_page_sections")
def registration_certificates_section(request, registration):
    """The holder's certificates on their registration's private page."""
    from django.urls import reverse

    from certificates.models import Certificate

    certificates = list(Certificate.objects.valid().filter(registration=registration))
    if not certificates:
        return None
    return {
        "template": "certificates/includes/registration_certificates.html",
        "certificates": [
            {
                "title": certificate.content["parts"][0]["title"],
                "language": certificate.lead_language,
                "html_url": reverse("certificate_holder", args=[certificate.access_token]),
                "pdf_url": reverse("certificate_holder_pdf", args=[certificate.access_token]),
            }
            for certificate in certificates
        ],
    }


# Screens of their own module, registered when Wagtail loads the hooks.
from certificates import admin_hooks  # noqa: E402, F401
