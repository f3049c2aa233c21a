"""A certificate's text as a `formats.document.Document`, for its holder: the
braille and audio versions say what the holder's page and the PDF say (the
wording kept at issue time, `Certificate.content`): the title, to whom, what
for, the signatories, the date of issue, the number and the verification
code, in the certificate's lead language. Registered in `wagtail_hooks.py`
as the source "certificates.certificate".

Personal data: the files are made when the certificate is issued
(`services.certificate_issue`, `services.issue_many`: one background task per
certificate, after the commit), their addresses are unguessable tokens
linked from the holder's private page only, they are served as private and
not to be indexed, and they are deleted when the certificate is revoked or
withdrawn at its holder's request (`services.certificate_revoke`,
`privacy.certificate_withdraw`); a revoked certificate has none."""

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from certificates.models import Certificate
from core import dates
from formats.document import Document, ListBlock, Paragraph
from formats.sources import Source

SOURCE_KEY = "certificates.certificate"


def certificate_document(certificate: Certificate) -> Document:
    """The certificate's lead language part (a Kazakh and Russian one is read
    in Kazakh, as its PDF leads with it)."""
    part = certificate.content["parts"][0]
    language = part["language"]
    with translation.override(language):
        blocks: list = []
        if part["issuer"]:
            blocks.append(Paragraph(part["issuer"]))
        blocks.append(Paragraph(f"{_('Awarded to')}: {certificate.recipient_name}"))
        blocks += [Paragraph(text) for text in part["paragraphs"]]
        if part["signatories"]:
            blocks.append(
                ListBlock(
                    tuple(
                        f"{signatory['position']}: {signatory['name']}"
                        if signatory["position"]
                        else signatory["name"]
                        for signatory in part["signatories"]
                    )
                )
            )
        blocks += [
            Paragraph(f"{_('Date of issue')}: {dates.format_date(certificate.issued_at)}"),
            Paragraph(f"{_('Number')}: {certificate.serial_number}"),
            Paragraph(f"{_('Verification code')}: {certificate.display_code}"),
        ]
    return Document(title=part["title"], language=language, blocks=tuple(blocks))


def _valid_certificate(pk: int) -> Certificate | None:
    return Certificate.objects.valid().filter(pk=pk).first()


def certificate_source() -> Source:
    return Source(
        key=SOURCE_KEY,
        get=_valid_certificate,
        document=certificate_document,
        labels={
            "brf": gettext_lazy("Certificate in braille"),
            "braille-text": gettext_lazy("Certificate in Unicode braille for braille displays"),
            "mp3": gettext_lazy("Certificate as audio"),
        },
        filename=lambda certificate: f"certificate-{certificate.display_code}",
        personal=True,
    )
