"""People and their registrations: one engine for every kind of event."""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable

from events.enums import DisabilityGroup, MaterialFormat, RegistrationStatus

# A code read out over the phone: no 0/O, 1/I/L, 5/S, 2/Z, 8/B look-alikes.
CODE_ALPHABET = "34679ACDEFGHJKMNPQRTUVWXY"
CODE_LENGTH = 8


def new_registration_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def new_access_token() -> str:
    return secrets.token_urlsafe(24)


def normalise_code(text: str) -> str:
    """Forgive how people type and dictate: case, spaces and dashes."""
    return "".join(ch for ch in text.upper() if ch.isalnum())


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
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
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


class RegistrationQuerySet(models.QuerySet):
    def holding_a_place(self):
        return self.filter(status__in=RegistrationStatus.holding_a_place())

    def active(self):
        return self.filter(status__in=RegistrationStatus.active())

    def waitlist(self):
        return self.filter(status=RegistrationStatus.WAITLISTED).order_by("waitlist_position", "pk")

    def places_taken(self) -> int:
        """Places held, escorts included."""
        held = self.holding_a_place()
        return held.count() + held.exclude(escort_name="").count()


class Registration(models.Model):
    """A person's place (or hope of one) at an event, with their needs and consent."""

    event = models.ForeignKey(
        "events.EventPage", on_delete=models.PROTECT, related_name="registrations"
    )
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="registrations")
    category = models.CharField(_("nomination or category"), max_length=200, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=RegistrationStatus.choices, db_index=True
    )
    # A number in the event's waiting queue; the visible position is the rank
    # among those still waiting (`waitlist_rank`), so nothing is renumbered.
    waitlist_position = models.PositiveIntegerField(_("waiting-list number"), null=True, blank=True)
    code = models.CharField(
        _("registration code"), max_length=12, unique=True, default=new_registration_code
    )
    # The secret in the person's private link to view or cancel (the short
    # code alone is for dictating, not for access).
    access_token = models.CharField(
        max_length=40, unique=True, default=new_access_token, editable=False
    )
    answers = models.JSONField(_("answers"), default=dict, blank=True)

    # Accessibility needs.
    escort_name = models.CharField(
        _("escort's name"),
        max_length=200,
        blank=True,
        help_text=_("The escort is registered too and takes a place."),
    )
    guide_dog = models.BooleanField(_("comes with a guide dog"), default=False)
    material_format = models.CharField(
        _("format of materials"), max_length=20, choices=MaterialFormat.choices, blank=True
    )
    seating_needs = models.CharField(_("seating or mobility needs"), max_length=500, blank=True)
    other_needs = models.TextField(_("anything else we should know"), blank=True)
    disability_group = models.CharField(
        _("disability group"), max_length=10, choices=DisabilityGroup.choices, blank=True
    )

    # Consent.
    consent_version = models.CharField(_("privacy notice version"), max_length=40)
    consented_at = models.DateTimeField(_("consent given"))
    guardian_name = models.CharField(_("parent or guardian"), max_length=200, blank=True)
    guardian_consented_at = models.DateTimeField(
        _("guardian's consent given"), null=True, blank=True
    )

    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("entered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Empty when the person registered themself."),
    )
    decision_reason = models.CharField(_("reason"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    status_changed_at = models.DateTimeField(_("status changed"), auto_now_add=True)
    checked_in_at = models.DateTimeField(_("checked in"), null=True, blank=True)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            models.UniqueConstraint(fields=["event", "person"], name="one_registration_per_person"),
            models.UniqueConstraint(
                fields=["event", "waitlist_position"], name="unique_waitlist_position"
            ),
        ]
        permissions = [
            ("view_disability_group", _("Can see disability groups")),
            ("view_all_branches", _("Can see registrations of every branch")),
        ]

    def __str__(self):
        return f"{self.person} — {self.event} ({self.code})"

    @property
    def waitlist_rank(self) -> int | None:
        """1 for the first person waiting, 2 for the next..."""
        if self.status != RegistrationStatus.WAITLISTED:
            return None
        return (
            Registration.objects.filter(
                event__translation_key=self.event.translation_key,
                status=RegistrationStatus.WAITLISTED,
                waitlist_position__lt=self.waitlist_position,
            ).count()
            + 1
        )

    @property
    def places(self) -> int:
        return 2 if self.escort_name else 1

    @property
    def display_code(self) -> str:
        """ABCD-EFGH: two groups of four are easier to read aloud."""
        return f"{self.code[:4]}-{self.code[4:]}"


class QuestionKind(models.TextChoices):
    SHORT_TEXT = "short-text", _("Short text")
    LONG_TEXT = "long-text", _("Long text")
    SINGLE_CHOICE = "single-choice", _("One choice")
    MULTIPLE_CHOICE = "multiple-choice", _("Several choices")
    YES_NO = "yes-no", _("Yes or no")
    NUMBER = "number", _("Number")


class EventQuestion(Orderable):
    """A question of the event's own, asked on its registration form. Each
    language's page of the event has its questions in that language."""

    page = ParentalKey("events.EventPage", on_delete=models.CASCADE, related_name="questions")
    key = models.SlugField(
        _("key"), max_length=50, help_text=_("Names the answer in exports, e.g. t-shirt-size.")
    )
    label = models.CharField(_("question"), max_length=255)
    hint = models.CharField(_("hint"), max_length=255, blank=True)
    kind = models.CharField(_("kind of answer"), max_length=20, choices=QuestionKind.choices)
    choices = models.TextField(_("choices"), blank=True, help_text=_("One per line."))
    required = models.BooleanField(_("required"), default=False)

    panels = [
        FieldPanel("label"),
        FieldPanel("key"),
        FieldPanel("hint"),
        FieldPanel("kind"),
        FieldPanel("choices"),
        FieldPanel("required"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("registration question")
        verbose_name_plural = _("registration questions")

    def choice_list(self) -> list[str]:
        return [line.strip() for line in self.choices.splitlines() if line.strip()]
