"""Registrations: a person's place (or hope of one) at an event."""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from people.enums import MaterialFormat
from people.models import Person
from registrations.enums import DisabilityGroup, RegistrationStatus

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


class RegistrationQuerySet(models.QuerySet):
    def for_event(self, event):
        """Registrations of the event, whichever language's page they were made
        on (one event, one capacity)."""
        return self.filter(event__translation_key=event.translation_key)

    def visible_to(self, user):
        """The registrations the user may see: all with `view_all_branches`;
        otherwise those of people of the user's branch and those for events
        the branch organises (any language's copy of the branch), since people
        who register themselves and name no library are seen by the
        organisers; none for staff without a branch."""
        if user.has_perm("registrations.view_all_branches"):
            return self
        profile = getattr(user, "staff_profile", None)
        if profile is None or profile.branch is None:
            return self.none()
        key = profile.branch.translation_key
        return self.filter(
            models.Q(person__branch__translation_key=key)
            | models.Q(event__organiser__translation_key=key)
        )

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
        db_table = "events_registration"  # its name from before the split
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
            Registration.objects.for_event(self.event)
            .filter(
                status=RegistrationStatus.WAITLISTED,
                waitlist_position__lt=self.waitlist_position,
            )
            .count()
            + 1
        )

    @property
    def places(self) -> int:
        return 2 if self.escort_name else 1

    @property
    def display_code(self) -> str:
        """ABCD-EFGH: two groups of four are easier to read aloud."""
        return f"{self.code[:4]}-{self.code[4:]}"
