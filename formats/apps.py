from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FormatsConfig(AppConfig):
    """Braille and audio versions of the texts other apps register
    (`formats.sources`), made in the background and stored per version."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "formats"
    verbose_name = _("Braille and audio")

    def ready(self):
        # App loading: the receivers need the models, ready only now.
        from formats import tasks

        tasks.connect_signals()
