"""Background tasks of the braille and audio versions: thin wrappers around
`formats.services`, and the functions that queue them."""

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_save
from django_tasks import task
from wagtail.signals import page_published, page_unpublished

from formats import services
from formats.models import AlternativeFormat, BrailleSettings
from formats.sources import sources_for_page


@task()
def make_alternative_formats(source_key: str, object_id: int) -> int:
    """Make the missing or stale braille and audio files of one object;
    returns how many are ready."""
    rows = services.formats_make(source_key=source_key, object_id=object_id)
    return sum(1 for row in rows if row.status == "ready")


def enqueue_formats(source_key: str, object_id: int) -> None:
    """Queue the versions of one object once the current transaction commits
    (the worker must see the published text). Every automatic queueing comes
    through here, so `FORMATS_ON_PUBLISH = False` turns all of it off (as
    while the test database is seeded, and in tests of other things, which
    would otherwise speak every text)."""
    if not getattr(settings, "FORMATS_ON_PUBLISH", True):
        return
    transaction.on_commit(lambda: make_alternative_formats.enqueue(source_key, object_id))


def on_page_published(sender, instance, **kwargs) -> None:
    """A published page of a registered source queues its versions
    (connected in `FormatsConfig.ready`)."""
    for source in sources_for_page(instance):
        enqueue_formats(source.key, instance.pk)


def on_page_unpublished(sender, instance, **kwargs) -> None:
    """An unpublished page's files are no longer served (its token answers
    404 at once); the task then deletes them."""
    for source in sources_for_page(instance):
        if AlternativeFormat.objects.of(source.key, instance.pk).exists():
            enqueue_formats(source.key, instance.pk)


def on_braille_settings_saved(sender, instance, **kwargs) -> None:
    """A new braille page size makes every stored braille file of the site
    stale: queue them again."""
    for source_key, object_id in services.braille_objects():
        enqueue_formats(source_key, object_id)


def connect_signals() -> None:
    """Called once, from `FormatsConfig.ready`."""
    page_published.connect(on_page_published, dispatch_uid="formats-on-publish")
    page_unpublished.connect(on_page_unpublished, dispatch_uid="formats-on-unpublish")
    post_save.connect(
        on_braille_settings_saved, sender=BrailleSettings, dispatch_uid="formats-braille-settings"
    )


def enqueue_changed(source_key: str, object_ids) -> None:
    """The texts of these objects changed (results published, a resolution
    recorded, a certificate issued): queue their versions after the commit."""
    for object_id in dict.fromkeys(object_ids):
        enqueue_formats(source_key, object_id)
