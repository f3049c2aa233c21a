"""What the staff screens for registrations share: permissions and the
branch scope, registrations in words, the needs summary.

Who sees what:
- `registrations.view_registration` opens the screens and exports; `change_registration`
  confirms, rejects, cancels, resends and checks in; `add_registration`
  registers someone by phone. Superusers have them all.
- Without `registrations.view_all_branches` a user sees only the registrations of
  people of their own branch (StaffProfile), and none without a profile; a
  registration outside that scope is "not found" (404) everywhere.
- The disability group only with `registrations.view_disability_group`.
"""

import logging

from django.db.models import Count, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.admin import messages

from core.admin_views import PermissionFirstMixin
from events.alternative_formats import SOURCE_KEY as PROGRAMME_SOURCE
from events.models import EventPage
from formats.services import formats_states
from people.enums import MaterialFormat
from registrations.enums import PROGRAMME_VERSIONS
from registrations.enums import RegistrationStatus as Status
from registrations.models import CODE_ALPHABET, CODE_LENGTH, Registration, normalise_code
from registrations.staff_forms import (
    localised,
)

logger = logging.getLogger(__name__)

NS = "event_registrations"
# Statuses counted as "coming" in the needs summary.
COMING = (Status.CONFIRMED, Status.ATTENDED, Status.PENDING)
# Which actions each status allows (the engine decides; this hides buttons).
CAN_CONFIRM = {Status.PENDING}
CAN_REJECT = {Status.PENDING, Status.WAITLISTED}
CAN_CANCEL = {Status.PENDING, Status.CONFIRMED, Status.WAITLISTED}


def url(name, *args, **query):
    address = reverse(f"{NS}:{name}", args=args)
    return f"{address}?{urlencode(query)}" if query else address


# ---------------------------------------------------------------------------
# Permissions and scope
# ---------------------------------------------------------------------------


def can(user, action: str) -> bool:
    """action: view, change or add (a registration)."""
    return user.has_perm(f"registrations.{action}_registration")


def sees_disability_group(user) -> bool:
    return user.has_perm("registrations.view_disability_group")


def staff_branch(user):
    profile = getattr(user, "staff_profile", None)
    return profile.branch if profile is not None else None


def is_scoped(user) -> bool:
    return not user.has_perm("registrations.view_all_branches")


def with_waitlist_rank(registrations):
    """Annotate waitlist_rank_value: 1 for the first person waiting, without a query a row."""
    waiting_before = (
        Registration.objects.filter(
            event_id=OuterRef("event_id"),
            status=Status.WAITLISTED,
            waitlist_position__lt=OuterRef("waitlist_position"),
        )
        .order_by()
        .values("event_id")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return registrations.annotate(
        waitlist_rank_value=Coalesce(
            Subquery(waiting_before, output_field=IntegerField()), Value(0)
        )
        + 1
    )


def not_found(request, message=None):
    """Back to the list, saying why. (Not a 404: under /admin/ Django's
    LocaleMiddleware turns a 404 into a redirect to /<lang>/admin/....)"""
    messages.error(request, message or _("There is no such registration among those you can see."))
    return redirect(url("index"))


def event_or_none(event_id):
    event = EventPage.objects.filter(pk=event_id).first()
    return localised(event) if event is not None else None


class StaffPermissionMixin(PermissionFirstMixin):
    """Checks the registrations permission before anything else runs."""

    def has_permission(self, user) -> bool:
        return can(user, self.permission)


class EventMixin:
    """The event of the URL (in the admin's language, if translated)."""

    def prepare(self, request, **kwargs):
        self.event = event_or_none(kwargs["event_id"])
        if self.event is None:
            return not_found(request, _("There is no such event."))
        return super().prepare(request, **kwargs)


class RegistrationObjectMixin(StaffPermissionMixin):
    """A registration of the URL, found only within the user's scope."""

    def get_breadcrumbs_items(self):
        event = localised(self.registration.event)
        return self.breadcrumbs_items + [
            {"url": url("index"), "label": _("Registrations")},
            {"url": url("event", event.pk), "label": event.title},
            {"url": "", "label": self.registration.display_code},
        ]

    def prepare(self, request, **kwargs):
        self.registration = (
            Registration.objects.visible_to(request.user)
            .select_related("person", "person__branch", "event", "entered_by")
            .filter(pk=kwargs["pk"])
            .first()
        )
        if self.registration is None:
            return not_found(request)
        return super().prepare(request, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["registration"] = self.registration
        context["summary"] = describe(self.registration)
        context["detail_url"] = url("detail", self.registration.pk)
        return context


# ---------------------------------------------------------------------------
# Registrations in words
# ---------------------------------------------------------------------------


def status_in_words(registration) -> str:
    if registration.status == Status.WAITLISTED:
        rank = getattr(registration, "waitlist_rank_value", None) or registration.waitlist_rank
        return _("On the waiting list, number %(rank)s") % {"rank": rank}
    if registration.status == Status.ATTENDED and registration.checked_in_at:
        return _("Attended (checked in at %(time)s)") % {"time": clock(registration.checked_in_at)}
    return str(registration.get_status_display())


def status_explained(registration) -> str:
    """A sentence to say on the phone."""
    return {
        Status.CONFIRMED: _("Confirmed: there is a place for the person."),
        Status.PENDING: _("Waiting for approval: staff will confirm or reject it."),
        Status.WAITLISTED: _(
            "On the waiting list, number %(rank)s: there is no free place yet; the person "
            "gets a place when someone cancels."
        )
        % {"rank": registration.waitlist_rank},
        Status.CANCELLED: _("Cancelled."),
        Status.REJECTED: _("Not accepted."),
        Status.ATTENDED: _("The person has come (checked in)."),
    }.get(registration.status, registration.get_status_display())


def needs_in_words(registration) -> str:
    needs = []
    if registration.escort_name:
        needs.append(_("escort: %(name)s") % {"name": registration.escort_name})
    if registration.guide_dog:
        needs.append(_("guide dog"))
    if registration.material_format and registration.material_format != MaterialFormat.REGULAR:
        needs.append(
            _("materials: %(format)s") % {"format": registration.get_material_format_display()}
        )
    if registration.seating_needs:
        needs.append(_("seating: %(needs)s") % {"needs": registration.seating_needs})
    if registration.other_needs:
        needs.append(_("other needs (see the registration)"))
    if not needs:
        return _("none stated")
    text = ", ".join(str(need) for need in needs)
    return text[:1].upper() + text[1:]


def entered_by_in_words(registration) -> str:
    user = registration.entered_by
    if user is None:
        if registration.entered_by_id:
            return _("Staff (account removed)")
        return _("The person themself")
    return _("Staff: %(name)s") % {"name": user_name(user)}


def user_name(user) -> str:
    return user.get_full_name().strip() or user.get_username()


def clock(moment) -> str:
    return date_format(timezone.localtime(moment), "H:i")


def describe(registration) -> dict:
    return {
        "status": status_in_words(registration),
        "needs": needs_in_words(registration),
        "entered_by": entered_by_in_words(registration),
    }


def spell(code: str) -> list[str]:
    """Each character of the code as said aloud: "Latin letter A", "digit 7"."""
    spelled = []
    for character in code:
        if character.isdigit():
            spelled.append(_("digit %(digit)s") % {"digit": character})
        else:
            spelled.append(_("Latin letter %(letter)s") % {"letter": character})
    return spelled


def needs_summary(registrations) -> dict:
    """Counts for planning: those coming (confirmed, attended, awaiting approval)
    and, separately, the waiting list."""

    def counts(queryset):
        aggregates = {
            "people": Count("pk"),
            "escorts": Count("pk", filter=~Q(escort_name="")),
            "guide_dogs": Count("pk", filter=Q(guide_dog=True)),
            "seating": Count("pk", filter=~Q(seating_needs="")),
            "other": Count("pk", filter=~Q(other_needs="")),
        }
        for value, _label in MaterialFormat.choices:
            aggregates[f"format_{value}"] = Count("pk", filter=Q(material_format=value))
        result = queryset.aggregate(**aggregates)
        result["places"] = result["people"] + result["escorts"]
        return result

    coming = counts(registrations.filter(status__in=COMING))
    waiting = counts(registrations.filter(status=Status.WAITLISTED))
    rows = [
        (_("People"), "people"),
        (_("Places, escorts included"), "places"),
    ]
    rows += [
        (_("Materials in %(format)s") % {"format": str(label).lower()}, f"format_{value}")
        for value, label in MaterialFormat.choices
    ]
    rows += [
        (_("Escorts"), "escorts"),
        (_("Guide dogs"), "guide_dogs"),
        (_("Seating or mobility needs"), "seating"),
        (_("Other needs"), "other"),
    ]
    sentence_parts = []
    for key, singular, plural in (
        ("format_braille", "%(count)d braille programme", "%(count)d braille programmes"),
        ("format_large-print", "%(count)d in large print", "%(count)d in large print"),
        ("format_audio", "%(count)d in audio", "%(count)d in audio"),
        ("format_electronic", "%(count)d in electronic text", "%(count)d in electronic text"),
        ("escorts", "%(count)d escort", "%(count)d escorts"),
        ("guide_dogs", "%(count)d guide dog", "%(count)d guide dogs"),
    ):
        if coming[key]:
            sentence_parts.append(ngettext(singular, plural, coming[key]) % {"count": coming[key]})
    return {
        "rows": [(label, coming[key], waiting[key]) for label, key in rows],
        "coming": coming,
        "waiting": waiting,
        "sentence": ", ".join(sentence_parts),
    }


def _version_state(states: dict, kinds: tuple[str, ...]) -> dict:
    """One language's braille (both files) or audio: ready, not yet made, or why not."""
    found = [states[kind] for kind in kinds if kind in states]
    failed = next((state for state in found if state.status == "failed"), None)
    if failed is not None:
        return {
            "status": "failed",
            "text": _("cannot be made: %(reason)s") % {"reason": failed.reason},
            "offers": [],
        }
    if found and all(state.status == "ready" for state in found):
        return {"status": "ready", "text": _("ready"), "offers": [s.offer for s in found]}
    return {"status": "pending", "text": _("not yet made"), "offers": []}


def format_needs(needs: dict, event) -> list[dict]:
    """For braille and audio: how many of those coming asked for it, and
    whether the programme's file is ready in each language of the event
    ("Braille: 3 asked — kk: ready (BRF, 12 KB; TXT, 8 KB)")."""
    pages = list(
        EventPage.objects.filter(translation_key=event.translation_key)
        .live()
        .select_related("locale")
        .order_by("locale__language_code")
        .specific()
    )
    states = {page.locale.language_code: formats_states(PROGRAMME_SOURCE, page) for page in pages}
    rows = []
    for material_format, kinds in PROGRAMME_VERSIONS.items():
        asked = needs["coming"][f"format_{material_format}"]
        rows.append(
            {
                "format": material_format.label,
                "asked": ngettext("%(count)d asked", "%(count)d asked", asked) % {"count": asked},
                "languages": [
                    {"language": code, **_version_state(language_states, kinds)}
                    for code, language_states in states.items()
                ],
                "unpublished": not pages,
            }
        )
    return rows


# A scanner (or a librarian) typing with the Russian or Kazakh keyboard layout
# on gives, for each Latin letter, the Cyrillic letter of the same key (A → Ф);
# and a code read off paper may be typed with Cyrillic look-alikes (А for A).
KEYBOARD_LAYOUT = str.maketrans("ЙЦУКЕНГШЩЗФЫВАПРОЛДЯЧСМИТЬ", "QWERTYUIOPASDFGHJKLZXCVBNM")
LOOK_ALIKES = str.maketrans("АВСЕНКМОРТХУ", "ABCEHKMOPTXY")


def code_candidates(text: str) -> list[str]:
    """The registration codes the typed text can mean: as typed (any case,
    spaces, dashes), or typed with a Cyrillic layout on, or with look-alikes."""
    typed = normalise_code(text)
    candidates = []
    for code in (typed, typed.translate(KEYBOARD_LAYOUT), typed.translate(LOOK_ALIKES)):
        valid = len(code) == CODE_LENGTH and all(ch in CODE_ALPHABET for ch in code)
        if valid and code not in candidates:
            candidates.append(code)
    return candidates
