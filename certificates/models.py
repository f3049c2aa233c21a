"""Certificate templates, issued certificates, their yearly serial numbers and
batches of issuing.

A certificate keeps what it says (`content`: titles, texts, names of the
signatories in its language or languages) as it was written when it was
issued, so an edited template never changes a certificate already given, and
its PDF is the same on every rendering.
"""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from certificates import codes
from certificates.designs import DEFAULT_ORNAMENT, DEFAULT_PALETTE
from certificates.enums import (
    BatchKind,
    BatchStatus,
    CertificateKind,
    CertificateLanguage,
    ImageUse,
    Orientation,
    Ornament,
    Palette,
    Place,
)

LANGUAGES = ("kk", "ru", "en")
# Longer names do not fit the name line of the layout at its size.
NAME_MAX_LENGTH = 80
PLACEHOLDERS_HELP = _(
    "You can use {event}, {date}, {nomination}, {place}, {hours} and {dedication} "
    "(what a festival's edition is dedicated to); the recipient's name is printed above "
    "this text. Write each line as a line of its own."
)
CITY_HELP = _(
    "Where the ceremony is, printed with its date under the signatures, e.g. "
    "“Шымкент қаласы” or “г. Шымкент”."
)


def new_access_token() -> str:
    return secrets.token_urlsafe(24)


class CertificateTemplate(ClusterableModel):
    """How one kind of certificate looks and what it says, in each language."""

    name = models.CharField(
        _("name"), max_length=200, help_text=_("For staff, e.g. “Festival diploma 2026”.")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=CertificateKind.choices)
    orientation = models.CharField(
        _("orientation"), max_length=10, choices=Orientation.choices, default=Orientation.LANDSCAPE
    )
    palette = models.CharField(
        _("colours"), max_length=20, choices=Palette.choices, default=DEFAULT_PALETTE
    )
    ornament = models.CharField(
        _("ornament of the frame"),
        max_length=20,
        choices=Ornament.choices,
        default=DEFAULT_ORNAMENT,
    )
    title_kk = models.CharField(_("title in Kazakh"), max_length=120, blank=True)
    title_ru = models.CharField(_("title in Russian"), max_length=120, blank=True)
    title_en = models.CharField(_("title in English"), max_length=120, blank=True)
    text_kk = models.TextField(_("text in Kazakh"), blank=True, help_text=PLACEHOLDERS_HELP)
    text_ru = models.TextField(_("text in Russian"), blank=True, help_text=PLACEHOLDERS_HELP)
    text_en = models.TextField(_("text in English"), blank=True, help_text=PLACEHOLDERS_HELP)
    issuer_kk = models.CharField(_("issuer in Kazakh"), max_length=200, blank=True)
    issuer_ru = models.CharField(_("issuer in Russian"), max_length=200, blank=True)
    issuer_en = models.CharField(_("issuer in English"), max_length=200, blank=True)
    city_kk = models.CharField(_("city in Kazakh"), max_length=100, blank=True, help_text=CITY_HELP)
    city_ru = models.CharField(
        _("city in Russian"), max_length=100, blank=True, help_text=CITY_HELP
    )
    city_en = models.CharField(
        _("city in English"), max_length=100, blank=True, help_text=CITY_HELP
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("emblem or background image"),
        help_text=_("Without an image of your own, the library's emblem is printed at the top."),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_use = models.CharField(
        _("use of the image"), max_length=20, choices=ImageUse.choices, default=ImageUse.LOGO
    )
    image_alt_kk = models.CharField(_("image description in Kazakh"), max_length=250, blank=True)
    image_alt_ru = models.CharField(_("image description in Russian"), max_length=250, blank=True)
    image_alt_en = models.CharField(_("image description in English"), max_length=250, blank=True)

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("orientation")]),
        FieldRowPanel([FieldPanel("palette"), FieldPanel("ornament")], heading=_("Design")),
        MultiFieldPanel(
            [
                FieldPanel("title_kk"),
                FieldPanel("text_kk"),
                FieldPanel("issuer_kk"),
                FieldPanel("city_kk"),
            ],
            heading=_("Kazakh"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("title_ru"),
                FieldPanel("text_ru"),
                FieldPanel("issuer_ru"),
                FieldPanel("city_ru"),
            ],
            heading=_("Russian"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("title_en"),
                FieldPanel("text_en"),
                FieldPanel("issuer_en"),
                FieldPanel("city_en"),
            ],
            heading=_("English"),
        ),
        InlinePanel("signatories", heading=_("Signatories"), label=_("Signatory")),
        MultiFieldPanel(
            [
                FieldPanel("image"),
                FieldPanel("image_use"),
                FieldPanel("image_alt_kk"),
                FieldPanel("image_alt_ru"),
                FieldPanel("image_alt_en"),
            ],
            heading=_("Image"),
        ),
    ]

    class Meta:
        verbose_name = _("certificate template")
        verbose_name_plural = _("certificate templates")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def in_language(self, field: str, language: str) -> str:
        return getattr(self, f"{field}_{language}", "")


class Signatory(Orderable):
    """Who signs a template's certificates: the position in each language,
    and the name as it is written in each (Сәуле / Сауле), if it differs."""

    template = ParentalKey(
        CertificateTemplate, on_delete=models.CASCADE, related_name="signatories"
    )
    name = models.CharField(
        pgettext_lazy("person", "name"),
        max_length=120,
        help_text=_("As written in Kazakh, e.g. “Е. Тоқтаров”."),
    )
    name_ru = models.CharField(
        _("name in Russian"),
        max_length=120,
        blank=True,
        help_text=_("Only if it is written differently in Russian, e.g. “Е. Токтаров”."),
    )
    name_en = models.CharField(
        _("name in English"),
        max_length=120,
        blank=True,
        help_text=_("Only if it is written differently in English, e.g. “Ye. Toktarov”."),
    )
    position_kk = models.CharField(_("position in Kazakh"), max_length=200)
    position_ru = models.CharField(_("position in Russian"), max_length=200)
    position_en = models.CharField(_("position in English"), max_length=200)

    panels = [
        FieldPanel("name"),
        FieldPanel("position_kk"),
        FieldRowPanel([FieldPanel("name_ru"), FieldPanel("position_ru")]),
        FieldRowPanel([FieldPanel("name_en"), FieldPanel("position_en")]),
    ]

    def name_in(self, language: str) -> str:
        return (getattr(self, f"name_{language}", "") or "").strip() or self.name

    class Meta(Orderable.Meta):
        verbose_name = _("signatory")
        verbose_name_plural = _("signatories")


class SerialCounter(models.Model):
    """The last serial number given in a year (locked while a number is taken)."""

    year = models.PositiveIntegerField(primary_key=True)
    last = models.PositiveIntegerField(default=0)

    def __str__(self):
        return f"{self.year}: {self.last}"


class CertificateQuerySet(models.QuerySet):
    def valid(self):
        return self.filter(revoked_at__isnull=True)

    def of_event(self, event):
        """Certificates for the event, whichever language's page they name."""
        return self.filter(event__translation_key=event.translation_key)


class Certificate(models.Model):
    """A certificate or diploma given to one person."""

    template = models.ForeignKey(
        CertificateTemplate,
        verbose_name=_("template"),
        on_delete=models.PROTECT,
        related_name="certificates",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=CertificateKind.choices)
    language = models.CharField(_("language"), max_length=10, choices=CertificateLanguage.choices)
    recipient_name = models.CharField(_("recipient's name"), max_length=NAME_MAX_LENGTH)
    recipient_email = models.EmailField(_("recipient's e-mail"), blank=True)
    event = models.ForeignKey(
        "events.EventPage",
        verbose_name=_("event"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    registration = models.ForeignKey(
        "registrations.Registration",
        verbose_name=_("registration"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="certificates",
    )
    event_title = models.CharField(_("what for"), max_length=255, blank=True)
    event_date = models.DateField(_("date of the event"), null=True, blank=True)
    nomination = models.CharField(_("nomination"), max_length=200, blank=True)
    place = models.CharField(_("place"), max_length=20, choices=Place.choices, blank=True)
    special_prize = models.CharField(_("special prize"), max_length=200, blank=True)
    hours = models.PositiveIntegerField(_("hours"), null=True, blank=True)
    # Everything the certificate says, as written at issue time (see the module).
    content = models.JSONField(default=dict, editable=False)

    year = models.PositiveIntegerField(_("year"))
    serial = models.PositiveIntegerField(_("serial number"))
    code = models.CharField(_("verification code"), max_length=codes.CODE_LENGTH, unique=True)
    # The holder's private link to the HTML view and the PDF.
    access_token = models.CharField(
        max_length=40, unique=True, default=new_access_token, editable=False
    )
    # What the certificate is for, so that a batch run again gives nothing twice.
    source_key = models.CharField(max_length=255, blank=True, editable=False)
    batch = models.ForeignKey(
        "certificates.CertificateBatch",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="certificates",
    )
    replaces = models.OneToOneField(
        "self",
        verbose_name=_("replaces"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="replaced_by",
    )
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    issued_at = models.DateTimeField(_("issued"))
    revoked_at = models.DateTimeField(
        pgettext_lazy("certificate", "revoked"), null=True, blank=True
    )
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    revocation_reason = models.CharField(_("reason for revoking"), max_length=500, blank=True)
    show_reason = models.BooleanField(_("show the reason on the verification page"), default=False)
    emailed_at = models.DateTimeField(_("sent by e-mail"), null=True, blank=True)

    pdf = models.FileField(upload_to="certificates/", blank=True)

    objects = CertificateQuerySet.as_manager()

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-issued_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["year", "serial"], name="one_serial_number_per_year"),
            models.UniqueConstraint(
                fields=["source_key"],
                condition=Q(revoked_at__isnull=True) & ~Q(source_key=""),
                name="one_valid_certificate_per_source",
            ),
        ]

    def __str__(self):
        return f"{self.serial_number} {self.recipient_name}"

    @property
    def serial_number(self) -> str:
        return f"{self.year}-{self.serial:06d}"

    @property
    def display_code(self) -> str:
        return codes.display(self.code)

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None

    @property
    def lead_language(self) -> str:
        return CertificateLanguage.parts(self.language)[0]


class CertificateBatch(models.Model):
    """Many certificates issued in one action, by a background task that
    reports its progress here and can be run again without issuing twice."""

    kind = models.CharField(_("what to issue"), max_length=20, choices=BatchKind.choices)
    event = models.ForeignKey(
        "events.EventPage", verbose_name=_("event"), on_delete=models.PROTECT, related_name="+"
    )
    template = models.ForeignKey(
        CertificateTemplate, verbose_name=_("template"), on_delete=models.PROTECT, related_name="+"
    )
    language = models.CharField(_("language"), max_length=10, choices=CertificateLanguage.choices)
    hours = models.PositiveIntegerField(_("hours"), null=True, blank=True)
    send_email = models.BooleanField(_("e-mail each certificate to its recipient"), default=False)
    # Who gets a certificate, fixed when the batch is made: [{key, name, email,
    # registration, place, nomination, special_prize}].
    recipients = models.JSONField(default=list, editable=False)
    status = models.CharField(
        _("status"), max_length=20, choices=BatchStatus.choices, default=BatchStatus.QUEUED
    )
    total = models.PositiveIntegerField(_("recipients"), default=0)
    done = models.PositiveIntegerField(_("done"), default=0)
    issued = models.PositiveIntegerField(_("newly issued"), default=0)
    errors = models.JSONField(default=list, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        verbose_name = _("batch of certificates")
        verbose_name_plural = _("batches of certificates")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.get_kind_display()} — {self.event}"

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 100
