"""Certificates in the Wagtail admin: templates as snippets, the staff
screens (registered from `admin_hooks`), the audit log's actions, the
section on a registration's private page, and what a person's erasure does
to their certificates (`certificates.privacy`)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from certificates import alternative_formats, privacy
from certificates.models import Certificate
from people.privacy import ERASE_HOOK, ERASE_PREVIEW_HOOK, EXPORT_HOOK, ErasureStep


@hooks.register("register_log_actions")
def register_certificate_actions(actions):
    for action, label in (
        ("certificate.issue", _("Certificate: issued")),
        ("certificate.revoke", _("Certificate: revoked")),
        ("certificate.reissue", _("Certificate: issued again, replacing a revoked one")),
        ("certificate.email", _("Certificate: sent by e-mail")),
        ("certificate.withdraw", _("Certificate: withdrawn at the holder's request")),
        ("batch.create", _("Certificates: batch created")),
        ("batch.finish", _("Certificates: batch finished")),
        ("batch.resume", _("Certificates: batch started again")),
    ):
        actions.register_action(f"certificates.{action}", label, label)


@hooks.register("alternative_format_sources")
def certificate_formats():
    """A certificate's text in braille and as audio, for its holder (formats)."""
    return alternative_formats.certificate_source()


@hooks.register("registration_page_sections")
def registration_certificates_section(request, registration):
    """The holder's certificates on their registration's private page."""
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


@hooks.register(ERASE_HOOK)
def withdraw_erased_persons_certificates(*, person, by, pseudonym, now):
    """A person erased on request (people.privacy): their certificates are withdrawn."""
    note = privacy.person_certificates_withdraw(person=person, by=by, pseudonym=pseudonym)
    return ErasureStep(note=note) if note else None


@hooks.register(EXPORT_HOOK)
def exported_persons_certificates(*, person):
    """The person's certificates in the export of everything held about them."""
    return {"certificates": privacy.person_certificates_export(person)}


@hooks.register(ERASE_PREVIEW_HOOK)
def erased_persons_certificates(person):
    """Said on the erasure's confirmation page: how many certificates go."""
    return privacy.person_certificates_preview(person)


# Screens of their own module, registered when Wagtail loads the hooks.
from certificates import admin_hooks  # noqa: E402, F401
