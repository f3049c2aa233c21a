"""The library's contacts, shown in the footer of every page."""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField


class SocialLinkBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Name"), max_length=50)
    url = blocks.URLBlock(label=_("Address"))

    class Meta:
        icon = "link-external"
        label = _("Social link")


@register_setting(icon="site")
class ContactSettings(BaseSiteSetting):
    address_kk = models.TextField(_("address (Kazakh)"), blank=True)
    address_ru = models.TextField(_("address (Russian)"), blank=True)
    address_en = models.TextField(_("address (English)"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    opening_hours_kk = models.TextField(_("opening hours (Kazakh)"), blank=True)
    opening_hours_ru = models.TextField(_("opening hours (Russian)"), blank=True)
    opening_hours_en = models.TextField(_("opening hours (English)"), blank=True)
    social_links = StreamField(
        [("link", SocialLinkBlock())], blank=True, verbose_name=_("social links")
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("address_kk"), FieldPanel("address_ru"), FieldPanel("address_en")],
            heading=_("Address"),
        ),
        FieldPanel("phone"),
        FieldPanel("email"),
        MultiFieldPanel(
            [
                FieldPanel("opening_hours_kk"),
                FieldPanel("opening_hours_ru"),
                FieldPanel("opening_hours_en"),
            ],
            heading=_("Opening hours"),
        ),
        FieldPanel("social_links"),
    ]

    class Meta:
        verbose_name = _("contacts")

    def _localized(self, field: str) -> str:
        language = (get_language() or "kk")[:2]
        return getattr(self, f"{field}_{language}", "") or getattr(self, f"{field}_kk", "")

    @property
    def address(self) -> str:
        return self._localized("address")

    @property
    def opening_hours(self) -> str:
        return self._localized("opening_hours")

    @property
    def phone_href(self) -> str:
        return "".join(ch for ch in self.phone if ch.isdigit() or ch == "+")
