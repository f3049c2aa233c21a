from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FormatsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "formats"
    verbose_name = _("Braille and audio")
