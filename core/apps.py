from django.apps import AppConfig


class CoreConfig(AppConfig):
    """Shared building blocks that know nothing of the department's business."""

    name = "core"
    verbose_name = "Core"

    def ready(self):
        # App-loading hook: the cache module imports models, so it can load only now.
        from . import cache

        cache.connect_invalidation_signals()
