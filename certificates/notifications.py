"""A certificate sent by e-mail to its recipient: a short letter in the
certificate's language, as text and as HTML, with the PDF attached and the
link to its HTML view.

Queued when the issuing transaction commits and sent by a background task
(`certificates.tasks`), which tries again later on an SMTP or connection
error (five attempts, as registration e-mails do). A certificate is sent once
(`emailed_at`).
"""

from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from certificates import services
from certificates.models import Certificate


def holder_url(certificate: Certificate) -> str:
    with translation.override(certificate.lead_language):
        path = reverse("certificate_holder", args=[certificate.access_token])
    return services.site_url() + path


def build_certificate_email(certificate: Certificate) -> EmailMultiAlternatives:
    """A text part and an HTML part (the shared frame `email/base.html`) in
    the certificate's leading language, and the PDF attached."""
    with translation.override(certificate.lead_language):
        part = certificate.content["parts"][0]
        subject = _("Your certificate: %(title)s") % {"title": part["title"]}
        context = {
            "subject": subject,
            "certificate": certificate,
            "part": part,
            "holder_url": holder_url(certificate),
        }
        body = render_to_string("certificates/email/certificate.txt", context)
        html = render_to_string("certificates/email/certificate.html", context)
    message = EmailMultiAlternatives(
        subject=subject,
        body=body,
        to=[certificate.recipient_email],
        headers={"Auto-Submitted": "auto-generated"},
    )
    message.attach_alternative(html, "text/html")
    message.attach(
        f"{certificate.display_code}.pdf", services.pdf_bytes(certificate), "application/pdf"
    )
    return message


def deliver_certificate_email(certificate_id: int) -> str:
    """Send the certificate's e-mail: "sent", or "skipped" when there is
    nothing to send. OSError when the mail server cannot be reached or
    refuses it (the task tries again later)."""
    certificate = Certificate.objects.select_related("template").filter(pk=certificate_id).first()
    if (
        certificate is None
        or not certificate.recipient_email
        or certificate.emailed_at
        or certificate.is_revoked
    ):
        return "skipped"
    build_certificate_email(certificate).send()
    Certificate.objects.filter(pk=certificate.pk).update(emailed_at=timezone.now())
    log(
        instance=certificate,
        action="certificates.certificate.email",
        user=None,
        data={"code": certificate.display_code, "email": certificate.recipient_email},
    )
    return "sent"
