"""What registrations contribute to a person's data over its lifetime
(`people.privacy`), through its Wagtail hooks, registered here when
wagtail_hooks loads this module:

* purge: registrations of events that ended before the cutoff lose their
  sensitive data (disability group, needs in words, guardian's name,
  answers; an escort's name becomes "—"), but keep event, status and dates
  (and whether an escort came, so places still add up) for the statistics;
  people with a registration of an event still within the period keep their
  name and contacts;
* the audit entries of the person's registrations are relabelled with the
  pseudonym when the person is anonymised or erased;
* export: every registration with needs, answers, consent and its history;
* erasure: the standing registrations of events that have not ended are
  cancelled through the engine (the waiting list moves up and the engine
  tells those moved up); the registrations then go with the person (the
  foreign key cascades);
* the staff screens of a person's data: their registrations on the record and
  the counts on the erasure's confirmation page.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.models import ModelLogEntry

from people import privacy
from registrations.enums import RegistrationStatus
from registrations.models import Registration
from registrations.services import registration_cancel

# Kept in place of an escort's name: the escort came and took a place.
ESCORT_PLACEHOLDER = "—"

# Registration fields cleared after the retention period, with their empty value.
SENSITIVE_REGISTRATION_FIELDS: dict[str, object] = {
    "disability_group": "",
    "other_needs": "",
    "seating_needs": "",
    "guardian_name": "",
    "answers": {},
}

BATCH = 500


def _local(moment) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M")


# Purge ---------------------------------------------------------------------


def registrations_to_clear(cutoff) -> list[privacy.RecordChange]:
    has_data = (
        Q(disability_group__gt="")
        | Q(other_needs__gt="")
        | Q(seating_needs__gt="")
        | Q(guardian_name__gt="")
        | (Q(escort_name__gt="") & ~Q(escort_name=ESCORT_PLACEHOLDER))
        | ~Q(answers={})
    )
    queryset = (
        Registration.objects.filter(event__end__lt=cutoff)
        .filter(has_data)
        .select_related("event")
        .order_by("pk")
    )
    changes = []
    for registration in queryset:
        cleared = [
            name
            for name, empty in SENSITIVE_REGISTRATION_FIELDS.items()
            if getattr(registration, name) != empty
        ]
        if registration.escort_name and registration.escort_name != ESCORT_PLACEHOLDER:
            cleared.append("escort_name")
        event = registration.event
        changes.append(
            privacy.RecordChange(
                pk=registration.pk,
                person_id=registration.person_id,
                description=(
                    f"registration {registration.pk} ({registration.code}), event {event.pk} "
                    f"“{event.title}” ended {_local(event.end)}"
                ),
                fields=tuple(cleared),
            )
        )
    return changes


@hooks.register(privacy.PURGE_HOOK)
def purge_old_registrations(*, cutoff) -> privacy.PurgeClearing:
    changes = registrations_to_clear(cutoff)

    def apply():
        pks = [change.pk for change in changes]
        for start in range(0, len(pks), BATCH):  # SQLite limits the parameters of a query
            batch = Registration.objects.filter(pk__in=pks[start : start + BATCH])
            batch.update(**SENSITIVE_REGISTRATION_FIELDS)
            batch.exclude(escort_name="").update(escort_name=ESCORT_PLACEHOLDER)

    return privacy.PurgeClearing(
        kind="registrations",
        title="Registrations",
        unit="registration(s)",
        changes=changes,
        apply=apply,
    )


@hooks.register(privacy.NEEDED_HOOK)
def people_with_recent_registrations(*, cutoff) -> Q:
    """People registered for an event still within the period stay as they are."""
    return Q(registrations__event__end__gte=cutoff)


@hooks.register(privacy.PSEUDONYMISED_HOOK)
def relabel_registration_log_entries(person) -> None:
    """Wagtail labels a registration's entries "<name> — <event> (<code>)"."""
    registration_type = ContentType.objects.get_for_model(Registration)
    for registration in person.registrations.select_related("event").order_by("pk"):
        registration.person = person
        ModelLogEntry.objects.filter(
            content_type=registration_type, object_id=str(registration.pk)
        ).update(label=str(registration))


# Export --------------------------------------------------------------------


@hooks.register(privacy.EXPORT_HOOK)
def exported_registrations(*, person) -> dict:
    """Every registration with needs, answers, consent and its audit entries."""
    when = privacy.when
    registrations = list(
        person.registrations.select_related("event", "event__locale", "entered_by").order_by(
            "created_at", "pk"
        )
    )
    registration_log = privacy.log_entries(Registration, [r.pk for r in registrations])
    return {
        "registrations": [
            {
                "code": registration.display_code,
                "event": {
                    "id": registration.event_id,
                    "title": registration.event.title,
                    "language": registration.event.locale.language_code,
                    "start": when(registration.event.start),
                    "end": when(registration.event.end),
                },
                "status": registration.status,
                "status_label": str(RegistrationStatus(registration.status).label),
                "category": registration.category,
                "waitlist_rank": registration.waitlist_rank,
                "needs": {
                    "escort_name": registration.escort_name,
                    "guide_dog": registration.guide_dog,
                    "material_format": registration.material_format,
                    "seating_needs": registration.seating_needs,
                    "other_needs": registration.other_needs,
                    "disability_group": registration.disability_group,
                },
                "answers": registration.answers,
                "consent": {
                    "privacy_notice_version": registration.consent_version,
                    "given_at": when(registration.consented_at),
                    "guardian_name": registration.guardian_name,
                    "guardian_consented_at": when(registration.guardian_consented_at),
                },
                "entered_by_staff": registration.entered_by_id is not None,
                "decision_reason": registration.decision_reason,
                "registered_at": when(registration.created_at),
                "status_changed_at": when(registration.status_changed_at),
                "checked_in_at": when(registration.checked_in_at),
                "audit": registration_log.get(str(registration.pk), []),
            }
            for registration in registrations
        ]
    }


@hooks.register(privacy.EXPORT_AUDIT_HOOK)
def export_audit_data(*, person) -> dict:
    return {"registrations": person.registrations.count()}


# Erase ---------------------------------------------------------------------


def _standing(registration, now) -> bool:
    return (
        registration.event.end >= now
        and registration.status in RegistrationStatus.active()
        and registration.status != RegistrationStatus.ATTENDED
    )


@hooks.register(privacy.ERASE_HOOK)
def cancel_erased_persons_registrations(*, person, by, pseudonym, now) -> privacy.ErasureStep:
    """Cancel the person's standing registrations of events that have not
    ended, through the engine (which tells those moved up from the waiting
    list); the registrations are deleted with the person."""
    registrations = list(person.registrations.select_related("event").order_by("pk"))
    cancelled, promoted = [], []
    for registration in registrations:
        if _standing(registration, now):
            promoted += registration_cancel(registration=registration, by=by)
            cancelled.append(registration.code)
    warning = ""
    if promoted:
        warning = ngettext(
            "%(count)d person moved up from the waiting list into the freed place; those without an e-mail address need a phone call.",
            "%(count)d people moved up from the waiting list into the freed places; those without an e-mail address need a phone call.",
            len(promoted),
        ) % {"count": len(promoted)}
    return privacy.ErasureStep(
        note=ngettext(
            "The person's data was erased: %(count)d registration deleted (%(cancelled)d of them cancelled first).",
            "The person's data was erased: %(count)d registrations deleted (%(cancelled)d of them cancelled first).",
            len(registrations),
        )
        % {"count": len(registrations), "cancelled": len(cancelled)},
        warning=warning,
        audit={
            "registrations_deleted": len(registrations),
            "registrations": [registration.pk for registration in registrations],
            "future_cancelled": len(cancelled),
            "promoted_from_waitlist": len(promoted),
        },
    )


# Staff screens (people.admin_views) ------------------------------------------


@hooks.register("person_search_columns")
def registration_count_column():
    return [(_("Registrations"), "registration_count", Count("registrations"))]


@hooks.register("person_record_sections")
def person_registrations_section(request, person) -> dict:
    """The person's registrations on their record."""
    return {
        "template": "registrations/admin/person_registrations.html",
        "registrations": person.registrations.select_related("event__locale").order_by(
            "-event__start", "-pk"
        ),
    }


@hooks.register("person_erase_sections")
def erased_registrations_section(request, person) -> dict:
    """Before the erasure: how many registrations go, how many are cancelled first."""
    return {
        "template": "registrations/admin/person_erase_registrations.html",
        "registration_count": person.registrations.count(),
        "upcoming_count": person.registrations.filter(event__end__gte=timezone.now()).count(),
    }
