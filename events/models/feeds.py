"""Private calendar feeds: one unguessable, revocable address per person."""

import secrets

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def new_token() -> str:
    return secrets.token_urlsafe(32)


class PersonalCalendarQuerySet(models.QuerySet):
    def active(self):
        return self.filter(revoked_at__isnull=True)


class PersonalCalendar(models.Model):
    """A person's own calendar feed; the registration work adds their events."""

    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    label = models.CharField(_("whose calendar"), max_length=200)
    language = models.CharField(_("language"), max_length=5, default="kk")
    events = models.ManyToManyField("events.EventPage", blank=True, related_name="+")
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    objects = PersonalCalendarQuerySet.as_manager()

    class Meta:
        verbose_name = _("personal calendar")
        verbose_name_plural = _("personal calendars")

    def __str__(self):
        return self.label

    def revoke(self) -> None:
        """The old address stops working at once; a new calendar gets a new one."""
        self.revoked_at = timezone.now()
        self.save(update_fields=["revoked_at"])
