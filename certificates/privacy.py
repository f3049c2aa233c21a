"""A person's certificates when the person is erased on request (through the
hooks of `people.privacy.person_erase`, registered in wagtail_hooks).

A certificate cannot simply be deleted: its code may be on paper somewhere,
and whoever checks it must be told it is no longer valid, not that it never
existed. So each of the person's certificates is *withdrawn*: revoked (if it
was valid) with the reason "Withdrawn at the holder's request", which the
verification page never shows; the name replaced by the person's pseudonym
(`— №<pk>`, as in the events' records); the e-mail and the stored PDF
removed; the holder's private link replaced (the old one leads nowhere). The
verification page then says "revoked", with the date and without a name.
The person's name and e-mail also leave the batches that listed them and the
certificates' audit entries; each withdrawal is itself an audit entry.

Whose certificates: those of the person's registrations, and those with no
registration whose name is the person's (compared as `Person.fold_name`
does) and that are for an event the person registered for or were sent to
the person's e-mail address (a winners' list has names only). A namesake's
certificate for another event is not touched. Replaced and replacing
certificates of one found go with it.
"""

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from certificates.alternative_formats import SOURCE_KEY as CERTIFICATE_FORMATS
from certificates.models import Certificate, CertificateBatch, new_access_token
from formats.services import formats_discard
from people.models import Person
from registrations.models import Registration

WITHDRAW_ACTION = "certificates.certificate.withdraw"
# Entries of the audit data that name the person.
PERSONAL_LOG_DATA = ("name", "email")


def _folded(name: str) -> str:
    return Person.fold_name(name)


def person_certificates(person: Person, registrations: list[Registration]) -> list[Certificate]:
    """The person's certificates, valid or revoked (see the module)."""
    registration_ids = [registration.pk for registration in registrations]
    event_keys = {registration.event.translation_key for registration in registrations}
    namesakes = Q(event__translation_key__in=event_keys)
    if person.email:
        namesakes |= Q(recipient_email__iexact=person.email)
    name = _folded(person.full_name)
    found = {
        certificate.pk: certificate
        for certificate in Certificate.objects.filter(
            Q(registration_id__in=registration_ids) | (Q(registration__isnull=True) & namesakes)
        )
        if certificate.registration_id in registration_ids
        or _folded(certificate.recipient_name) == name
    }
    while True:  # the certificates each one replaced or was replaced by
        linked = Certificate.objects.filter(
            Q(replaces_id__in=found) | Q(pk__in=[c.replaces_id for c in found.values()])
        ).exclude(pk__in=found)
        more = {certificate.pk: certificate for certificate in linked}
        if not more:
            break
        found.update(more)
    return sorted(found.values(), key=lambda certificate: certificate.pk)


def _delete_file_on_commit(storage, name: str) -> None:
    transaction.on_commit(lambda: storage.delete(name), robust=True)


def certificate_withdraw(
    *, certificate: Certificate, by, pseudonym: str, reason: str
) -> Certificate:
    """Withdraw one certificate at its holder's request (see the module)."""
    with transaction.atomic():
        locked = Certificate.objects.select_for_update().get(pk=certificate.pk)
        fields = ["recipient_name", "recipient_email", "access_token", "source_key", "pdf"]
        if locked.revoked_at is None:
            locked.revoked_at = timezone.now()
            locked.revoked_by = by
            locked.revocation_reason = reason
            locked.show_reason = False
            fields += ["revoked_at", "revoked_by", "revocation_reason", "show_reason"]
        if locked.pdf:
            _delete_file_on_commit(locked.pdf.storage, locked.pdf.name)
        locked.recipient_name = pseudonym
        locked.recipient_email = ""
        locked.access_token = new_access_token()
        # A diploma's key holds the winner's name; a revoked certificate needs none.
        locked.source_key = ""
        locked.pdf = ""
        locked.save(update_fields=fields)
        # Its braille and audio name the holder: deleted with the PDF.
        formats_discard(source_key=CERTIFICATE_FORMATS, object_id=locked.pk)
        for entry in ModelLogEntry.objects.for_instance(locked):
            data = dict(entry.data or {})
            for key in PERSONAL_LOG_DATA:
                data.pop(key, None)
            entry.label = str(locked)
            entry.data = data
            entry.save(update_fields=["label", "data"])
        log(
            instance=locked,
            action=WITHDRAW_ACTION,
            user=by,
            data={"code": locked.display_code, "reason": reason, "person": pseudonym},
        )
    return locked


def _scrub_batches(
    registrations: list[Registration],
    *,
    keys: set[str],
    names: set[str],
    batch_ids: set[int],
) -> None:
    """The person leaves the recipients and errors of the batches that list
    them: by registration, by certificate key, or by name for an event of theirs."""
    registration_ids = {registration.pk for registration in registrations}
    event_keys = {registration.event.translation_key for registration in registrations}

    def theirs(entry: dict, batch: CertificateBatch) -> bool:
        if entry.get("registration") is not None:
            return entry["registration"] in registration_ids
        return entry.get("key") in keys or (
            batch.event.translation_key in event_keys and _folded(entry.get("name", "")) in names
        )

    batches = (
        CertificateBatch.objects.select_for_update()
        .filter(Q(event__translation_key__in=event_keys) | Q(pk__in=batch_ids))
        .select_related("event")
    )
    for batch in batches:
        recipients = [entry for entry in batch.recipients if not theirs(entry, batch)]
        errors = [entry for entry in batch.errors if _folded(entry.get("name", "")) not in names]
        if recipients == batch.recipients and errors == batch.errors:
            continue
        batch.recipients, batch.errors = recipients, errors
        batch.total = len(recipients)
        batch.done = min(batch.done, batch.total)
        batch.save(update_fields=["recipients", "errors", "total", "done"])


def _registrations(person: Person) -> list[Registration]:
    return list(person.registrations.select_related("event").order_by("pk"))


def person_certificates_export(person: Person) -> list[dict]:
    """The person's certificates as plain data, for the export of everything
    held about them (people.privacy.person_export)."""
    return [
        {
            "serial_number": certificate.serial_number,
            "code": certificate.display_code,
            "kind": certificate.kind,
            "language": certificate.language,
            "recipient_name": certificate.recipient_name,
            "recipient_email": certificate.recipient_email,
            "what_for": certificate.event_title,
            "registration_code": (
                certificate.registration.display_code if certificate.registration_id else None
            ),
            "issued_at": certificate.issued_at.isoformat(),
            "revoked_at": certificate.revoked_at.isoformat() if certificate.revoked_at else None,
            "revocation_reason": certificate.revocation_reason,
        }
        for certificate in person_certificates(person, _registrations(person))
    ]


def person_certificates_withdraw(*, person: Person, by, pseudonym: str) -> str | None:
    """The erasure hook: withdraw the person's certificates; what was done, in
    words. Called before the person (and their registrations) are deleted."""
    registrations = _registrations(person)
    certificates = person_certificates(person, registrations)
    # What finds the person in batches, read before the certificates forget it.
    keys = {certificate.source_key for certificate in certificates if certificate.source_key}
    names = {_folded(person.full_name)} | {_folded(c.recipient_name) for c in certificates}
    batch_ids = {certificate.batch_id for certificate in certificates if certificate.batch_id}
    reason = _("Withdrawn at the holder's request")
    for certificate in certificates:
        certificate_withdraw(certificate=certificate, by=by, pseudonym=pseudonym, reason=reason)
    _scrub_batches(registrations, keys=keys, names=names, batch_ids=batch_ids)
    if not certificates:
        return None
    return ngettext(
        "%(count)d certificate was withdrawn: whoever checks its code is told it is revoked, "
        "without the name.",
        "%(count)d certificates were withdrawn: whoever checks their codes is told they are "
        "revoked, without the name.",
        len(certificates),
    ) % {"count": len(certificates)}


def person_certificates_preview(person: Person) -> str | None:
    """Before the erasure: how many certificates it will withdraw, in words."""
    count = len(person_certificates(person, _registrations(person)))
    if not count:
        return None
    return ngettext(
        "Their %(count)d certificate is withdrawn: it stays revoked, without the name, for "
        "whoever checks its code.",
        "Their %(count)d certificates are withdrawn: they stay revoked, without the name, for "
        "whoever checks their codes.",
        count,
    ) % {"count": count}
