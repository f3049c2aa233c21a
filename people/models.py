"""A person, held once however many times and ways they register."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from people.enums import MaterialFormat


class Person(models.Model):
    """Someone who registers, or is registered by a librarian; held once."""

    full_name = models.CharField(_("full name"), max_length=200)
    # The name folded for matching ("  айгерім   САПАРОВА" = "айгерім сапарова"):
    # SQLite compares only ASCII letters without case.
    name_key = models.CharField(max_length=200, editable=False, db_index=True)
    date_of_birth = models.DateField(_("date of birth"), null=True, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    district = models.CharField(_("town or district"), max_length=120, blank=True)
    branch = models.ForeignKey(
        "branches.Branch",
        verbose_name=_("library branch"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="people",
    )
    preferred_language = models.CharField(
        _("preferred language"), max_length=5, choices=settings.LANGUAGES, default="kk"
    )
    preferred_format = models.CharField(
        _("preferred format of materials"),
        max_length=20,
        choices=MaterialFormat.choices,
        blank=True,
    )
    calendar = models.OneToOneField(
        "events.PersonalCalendar",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="person",
    )
    staff_user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("staff account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="person",
        help_text=_("A librarian's own record: their trainings and hours."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        # The table kept the name it had when people lived in events/ (see
        # docs/architecture.md, "The split of events/").
        db_table = "events_person"
        indexes = [models.Index(fields=["email"]), models.Index(fields=["phone"])]

    def __str__(self):
        return self.full_name

    def save(self, *args, **kwargs):
        self.full_name = " ".join(self.full_name.split())
        self.name_key = self.fold_name(self.full_name)
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "name_key"}
        super().save(*args, **kwargs)

    @staticmethod
    def fold_name(name: str) -> str:
        return " ".join(name.split()).casefold()
