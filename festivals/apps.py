from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FestivalsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "festivals"
    verbose_name = _("Festivals")
