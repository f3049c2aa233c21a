"""Issuing, revoking and reissuing certificates (batches: certificates.batches).

Each transition is one function: check → `transaction.atomic()` → save →
Wagtail log entry (`certificates.certificate.*`, `certificates.batch.*`).
Issuing is idempotent through `source_key` (what the certificate is for: an
event's attended registration, a winner's place): a valid certificate for
the same key is returned instead of a second one.
"""

import datetime
import logging
import string
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db import IntegrityError, connection, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.log_actions import get_active_log_context, log
from wagtail.log_actions import registry as log_registry
from wagtail.models import ModelLogEntry

from certificates import codes, designs, pdf
from certificates.alternative_formats import SOURCE_KEY as CERTIFICATE_FORMATS
from certificates.enums import CertificateLanguage, ImageUse, Place
from certificates.models import (
    NAME_MAX_LENGTH,
    Certificate,
    CertificateBatch,
    CertificateTemplate,
    SerialCounter,
)
from core import dates
from formats.services import formats_discard
from formats.tasks import enqueue_changed

logger = logging.getLogger(__name__)

PLACEHOLDERS = ("event", "date", "nomination", "place", "hours", "dedication")
CODE_ATTEMPTS = 10


class CertificateError(Exception):
    """A certificate cannot be issued, revoked or reissued; `message` says why, translated."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


@dataclass
class Recipient:
    """Who gets a certificate and for what; `key` makes issuing idempotent."""

    name: str
    key: str | None = None
    email: str = ""
    registration_id: int | None = None
    nomination: str = ""
    place: str = ""
    special_prize: str = ""
    hours: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def source_key(
    kind: str,
    event,
    *,
    registration_id: int | None = None,
    entry_id: int | None = None,
    special_prize: bool = False,
    winner: dict | None = None,
) -> str:
    """What a certificate of `kind` is for, as the key that makes issuing
    idempotent (one valid certificate per key). `event` is the page whose
    translation key the key holds (any language's page gives the same key).
    Exactly one of:

    - `registration_id`: `<kind>:<event>:registration:<id>`, the key of a
      participation or completion certificate, whether a batch of everyone
      who attended, a competition's results or staff by hand issue it;
    - `entry_id`: `<kind>:<competition>:entry:<id>` for the diploma of a
      competition entry's place, with `:special` for a special prize;
    - `winner` (place, name, nomination, special prize, as typed in a list
      of winners): `<kind>:<event>:<nomination>:<place>:<special prize>:<name>`,
      the words case-folded.
    """
    if (registration_id is None) + (entry_id is None) + (winner is None) != 2:
        raise ValueError("a key is for one registration, one entry or one winner")
    prefix = f"{kind}:{event.translation_key}"
    if registration_id is not None:
        return f"{prefix}:registration:{registration_id}"
    if entry_id is not None:
        return f"{prefix}:entry:{entry_id}" + (":special" if special_prize else "")
    words = (winner.get("nomination", ""), winner.get("special_prize", ""), winner["name"])
    nomination, special, name = (word.casefold() for word in words)
    return f"{prefix}:{nomination}:{winner['place']}:{special}:{name}"


# ---------------------------------------------------------------------------
# What a certificate says


def template_problems(template: CertificateTemplate, language: str) -> list[str]:
    """Why the template cannot make a certificate in `language`, in words ([] if it can)."""
    problems = []
    for part in CertificateLanguage.parts(language):
        label = CertificateLanguage(part).label
        if not template.in_language("title", part).strip():
            problems.append(_("The title in %(language)s is missing.") % {"language": label})
        text = template.in_language("text", part)
        if not text.strip():
            problems.append(_("The text in %(language)s is missing.") % {"language": label})
        else:
            try:
                names = {
                    name
                    for _lit, name, _spec, _conv in string.Formatter().parse(text)
                    if name is not None
                }
            except ValueError:
                names = {"{"}
            unknown = sorted(names - set(PLACEHOLDERS))
            if unknown:
                problems.append(
                    _(
                        "The text in %(language)s has a placeholder we do not know: %(names)s. Use only %(known)s."
                    )
                    % {
                        "language": label,
                        "names": ", ".join("{" + name + "}" for name in unknown),
                        "known": ", ".join("{" + name + "}" for name in PLACEHOLDERS),
                    }
                )
        if (
            template.image_id
            and template.image_use == "logo"
            and not template.in_language("image_alt", part).strip()
        ):
            problems.append(
                _("The description of the image in %(language)s is missing.") % {"language": label}
            )
        for signatory in template.signatories.all():
            if not getattr(signatory, f"position_{part}", "").strip():
                problems.append(
                    _("The position of %(name)s in %(language)s is missing.")
                    % {"name": signatory.name, "language": label}
                )
    if template.image_id:
        try:
            pdf.image_data_url(template, fresh=True)
        except (OSError, ValueError):
            problems.append(_("The image cannot be read: upload it again as PNG or JPEG."))
    return problems


def name_problem(name: str) -> str:
    name = " ".join(name.split())
    if not name:
        return _("The recipient's name is empty.")
    if len(name) > NAME_MAX_LENGTH:
        return _(
            "The name “%(name)s” is %(length)s characters long; at most %(max)s fit on the certificate."
        ) % {
            "name": name,
            "length": len(name),
            "max": NAME_MAX_LENGTH,
        }
    return ""


def place_text(place: str, special_prize: str) -> str:
    if not place:
        return ""
    if place == Place.SPECIAL and special_prize:
        return _("Special prize: %(prize)s") % {"prize": special_prize}
    return str(Place(place).label)


def _signatories(template: CertificateTemplate, language: str) -> list[dict[str, str]]:
    return [
        {"name": s.name_in(language), "position": getattr(s, f"position_{language}")}
        for s in template.signatories.all()
    ]


def build_content(
    template: CertificateTemplate,
    *,
    language: str,
    event_titles: dict[str, str],
    event_date: datetime.date | None,
    nomination: str,
    place: str,
    special_prize: str,
    hours: int | None,
    issued_at: datetime.datetime,
) -> dict[str, Any]:
    """Everything the certificate says, in each of its languages, and how it
    looks (kept at issue time). `event_titles` holds the event's title in
    each language and, as `dedication_<language>`, what it is dedicated to."""
    parts = []
    own_emblem = not (template.image_id and template.image_use == ImageUse.LOGO)
    for part in CertificateLanguage.parts(language):
        with translation.override(part):
            date = dates.format_date(event_date) if event_date else ""
            values = {
                "event": event_titles.get(part) or event_titles.get("default", ""),
                "date": date,
                "nomination": nomination,
                "place": place_text(place, special_prize),
                "hours": str(hours) if hours is not None else "",
                "dedication": event_titles.get(f"dedication_{part}", ""),
            }
            template_text = template.in_language("text", part)
            text = template_text.format_map(values)
            # The ceremony's city and date, under the signatures (the date
            # only where the text does not say it already).
            ceremony_date = "" if "{date}" in template_text else date
            ceremony = ", ".join(
                v for v in (template.in_language("city", part).strip(), ceremony_date) if v
            )
            parts.append(
                {
                    "language": part,
                    "title": template.in_language("title", part),
                    "issuer": template.in_language("issuer", part),
                    "paragraphs": [line.strip() for line in text.splitlines() if line.strip()],
                    "what_for": ", ".join(
                        v for v in (values["event"], nomination, values["place"]) if v
                    ),
                    "ceremony": ceremony,
                    "issued_on": dates.format_date(issued_at),
                    "image_alt": designs.EMBLEM_ALT[part]
                    if own_emblem
                    else template.in_language("image_alt", part),
                    "stamp": designs.STAMP_PLACE[part],
                    "signatories": _signatories(template, part),
                }
            )
    return {
        "parts": parts,
        "orientation": template.orientation,
        "image_use": template.image_use if template.image_id else "",
        "design": {
            "palette": template.palette,
            "ornament": template.ornament,
            "emblem": "library" if own_emblem else "uploaded",
        },
        "issued_at": issued_at.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
    }


def event_titles_of(event) -> dict[str, str]:
    """The event's title in each language it is published in and, for a
    festival's edition, what it is dedicated to (`dedication_<language>`)."""
    if event is None:
        return {}
    titles = {"default": event.title}
    # A festival's edition (a subclass the certificates do not import) says
    # what it is dedicated to; any other event has no such field.
    page_class = event.specific_class or type(event)
    dedicated = hasattr(page_class, "dedications")
    model = page_class if dedicated else type(event)
    for page in model.objects.filter(translation_key=event.translation_key).select_related(
        "locale"
    ):
        language = page.locale.language_code
        titles[language] = page.title
        if dedicated:
            titles[f"dedication_{language}"] = "; ".join(
                str(block.value).strip() for block in page.dedications
            )
    return titles


# ---------------------------------------------------------------------------
# Issuing


def _reserve_serials(year: int, count: int) -> int:
    """Take `count` consecutive serial numbers of `year`; returns the last.
    One UPDATE … RETURNING holds the year's row until the transaction ends,
    so two workers never get the same number (call inside `atomic()`)."""
    sql = (
        'UPDATE "certificates_serialcounter" SET "last" = "last" + %s '
        'WHERE "year" = %s RETURNING "last"'
    )
    for _attempt in range(2):
        with connection.cursor() as cursor:
            cursor.execute(sql, [count, year])
            row = cursor.fetchone()
        if row is not None:
            return row[0]
        try:
            with transaction.atomic():
                SerialCounter.objects.create(year=year, last=0)
        except IntegrityError:
            pass  # created by another worker at the same moment
    raise CertificateError(_("No serial number could be taken; please try again."))


def _new_certificate(
    *,
    template: CertificateTemplate,
    recipient: Recipient,
    name: str,
    language: str,
    event,
    event_titles: dict[str, str],
    by,
    batch: CertificateBatch | None,
    replaces: Certificate | None,
    issued_at: datetime.datetime,
) -> Certificate:
    """The certificate, not saved yet and without its serial number."""
    event_date = timezone.localtime(event.start).date() if event is not None else None
    content = build_content(
        template,
        language=language,
        event_titles=event_titles,
        event_date=event_date,
        nomination=recipient.nomination,
        place=recipient.place,
        special_prize=recipient.special_prize,
        hours=recipient.hours,
        issued_at=issued_at,
    )
    return Certificate(
        template=template,
        kind=template.kind,
        language=language,
        recipient_name=name,
        recipient_email=recipient.email,
        event=event,
        registration_id=recipient.registration_id,
        event_title=content["parts"][0]["what_for"],
        event_date=event_date,
        nomination=recipient.nomination,
        place=recipient.place,
        special_prize=recipient.special_prize,
        hours=recipient.hours,
        content=content,
        year=timezone.localtime(issued_at).year,
        code=codes.new_code(),
        source_key=recipient.key or "",
        batch=batch,
        replaces=replaces,
        issued_by=by,
        issued_at=issued_at,
    )


def _issue_log_data(certificate: Certificate) -> dict[str, str]:
    return {
        "code": certificate.display_code,
        "name": certificate.recipient_name,
        "serial": certificate.serial_number,
    }


def certificate_issue(
    *,
    template: CertificateTemplate,
    recipient: Recipient,
    language: str,
    event=None,
    by=None,
    batch: CertificateBatch | None = None,
    replaces: Certificate | None = None,
    event_titles: dict[str, str] | None = None,
    template_checked: bool = False,
) -> tuple[Certificate, bool]:
    """Issue one certificate; (certificate, created). With `recipient.key`, a
    valid certificate already issued for it is returned (created False).
    A caller that checked the template already passes `template_checked`;
    `event_titles` saves reading the event's titles again."""
    name = " ".join(recipient.name.split())
    problem = name_problem(name)
    if problem:
        raise CertificateError(problem)
    if not template_checked:
        problems = template_problems(template, language)
        if problems:
            raise CertificateError(" ".join(problems))
    if recipient.key:
        existing = Certificate.objects.valid().filter(source_key=recipient.key).first()
        if existing is not None:
            return existing, False
    certificate = _new_certificate(
        template=template,
        recipient=recipient,
        name=name,
        language=language,
        event=event,
        event_titles=event_titles if event_titles is not None else event_titles_of(event),
        by=by,
        batch=batch,
        replaces=replaces,
        issued_at=timezone.now(),
    )
    for _attempt in range(CODE_ATTEMPTS):
        try:
            with transaction.atomic():
                certificate.pk = None
                certificate.serial = _reserve_serials(certificate.year, 1)
                certificate.save(force_insert=True)
                log(
                    instance=certificate,
                    action="certificates.certificate.issue",
                    user=by,
                    data=_issue_log_data(certificate),
                )
                # Its text in braille and as audio, in the background.
                enqueue_changed(CERTIFICATE_FORMATS, [certificate.pk])
            return certificate, True
        except IntegrityError:
            if recipient.key:
                existing = Certificate.objects.valid().filter(source_key=recipient.key).first()
                if existing is not None:  # the same recipient, issued by a racing run
                    return existing, False
            certificate.code = codes.new_code()  # a code drawn twice (1 in 2^40): draw again
    raise CertificateError(_("No free verification code was found; please try again."))


def issue_many(
    *,
    template: CertificateTemplate,
    recipients: list[Recipient],
    language: str,
    event,
    event_titles: dict[str, str],
    batch: CertificateBatch,
    by,
) -> tuple[list[tuple[Recipient, Certificate]], list[dict[str, str]]]:
    """Issue a batch's chunk of recipients in one transaction: the certificates
    already issued are found by their keys in one query, the rest get
    consecutive serial numbers from one UPDATE and are inserted with their
    audit entries in two more. Returns (recipient, certificate) pairs in the
    recipients' order and the errors with names. If the chunk collides with
    something (a racing run, a code drawn twice), each recipient is issued
    on its own instead."""
    errors = []
    keys = [recipient.key for recipient in recipients if recipient.key]
    existing = {
        certificate.source_key: certificate
        for certificate in Certificate.objects.valid().filter(source_key__in=keys)
    }
    issued_at = timezone.now()
    pairs: list[tuple[Recipient, Certificate]] = []
    new: list[Certificate] = []
    for recipient in recipients:
        if recipient.key in existing:
            pairs.append((recipient, existing[recipient.key]))
            continue
        name = " ".join(recipient.name.split())
        problem = name_problem(name)
        if problem:
            errors.append({"name": recipient.name, "error": str(problem)})
            continue
        certificate = _new_certificate(
            template=template,
            recipient=recipient,
            name=name,
            language=language,
            event=event,
            event_titles=event_titles,
            by=by,
            batch=batch,
            replaces=None,
            issued_at=issued_at,
        )
        new.append(certificate)
        pairs.append((recipient, certificate))
    if not new:
        return pairs, errors
    try:
        with transaction.atomic():
            last = _reserve_serials(new[0].year, len(new))
            for offset, certificate in enumerate(new):
                certificate.serial = last - len(new) + 1 + offset
            Certificate.objects.bulk_create(new)
            _log_issued(new, by)
            # Their texts in braille and as audio: a background task each.
            enqueue_changed(CERTIFICATE_FORMATS, [certificate.pk for certificate in new])
        return pairs, errors
    except IntegrityError:
        pass
    pairs = []
    for recipient in recipients:
        try:
            certificate, _created = certificate_issue(
                template=template,
                recipient=recipient,
                language=language,
                event=event,
                by=by,
                batch=batch,
                event_titles=event_titles,
                template_checked=True,
            )
        except CertificateError as error:
            if not any(e["name"] == recipient.name for e in errors):
                errors.append({"name": recipient.name, "error": str(error.message)})
            continue
        pairs.append((recipient, certificate))
    return pairs, errors


def _log_issued(certificates: list[Certificate], by) -> None:
    """The audit entries `log()` would write, one INSERT for them all."""
    entry_model = log_registry.get_log_model_for_model(Certificate)
    if entry_model is None:
        return
    context = get_active_log_context()
    content_type = ContentType.objects.get_for_model(Certificate, for_concrete_model=False)
    now = timezone.now()
    entry_model.objects.bulk_create(
        entry_model(
            content_type=content_type,
            object_id=str(certificate.pk),
            label=str(certificate),
            action="certificates.certificate.issue",
            timestamp=now,
            data=_issue_log_data(certificate),
            user=by or context.user,
            uuid=context.uuid,
        )
        for certificate in certificates
    )


def certificate_revoke(
    *, certificate: Certificate, by, reason: str, show_reason: bool = False
) -> Certificate:
    reason = reason.strip()
    if not reason:
        raise CertificateError(_("Give the reason for revoking."))
    with transaction.atomic():
        locked = Certificate.objects.select_for_update().get(pk=certificate.pk)
        if locked.revoked_at is not None:
            raise CertificateError(_("This certificate is revoked already."))
        locked.revoked_at = timezone.now()
        locked.revoked_by = by
        locked.revocation_reason = reason
        locked.show_reason = show_reason
        locked.save(update_fields=["revoked_at", "revoked_by", "revocation_reason", "show_reason"])
        log(
            instance=locked,
            action="certificates.certificate.revoke",
            user=by,
            data={"code": locked.display_code, "reason": reason, "shown": show_reason},
        )
        # A revoked certificate's braille and audio are served no more: deleted.
        formats_discard(source_key=CERTIFICATE_FORMATS, object_id=locked.pk)
    return locked


def certificate_reissue(
    *, certificate: Certificate, by, reason: str, recipient_name: str | None = None
) -> Certificate:
    """Revoke the certificate and issue a new one for the same thing (a
    corrected name, a new template text); the new one has a new code."""
    if was_withdrawn(certificate):
        raise CertificateError(
            _(
                "This certificate was withdrawn when its holder's personal data was erased: "
                "it cannot be reissued."
            )
        )
    name = " ".join((recipient_name or certificate.recipient_name).split())
    problem = name_problem(name)
    if problem:
        raise CertificateError(problem)
    with transaction.atomic():
        if certificate.revoked_at is None:
            certificate_revoke(certificate=certificate, by=by, reason=reason, show_reason=False)
        new, _created = certificate_issue(
            template=certificate.template,
            recipient=Recipient(
                name=name,
                key=certificate.source_key,
                email=certificate.recipient_email,
                registration_id=certificate.registration_id,
                nomination=certificate.nomination,
                place=certificate.place,
                special_prize=certificate.special_prize,
                hours=certificate.hours,
            ),
            language=certificate.language,
            event=certificate.event,
            by=by,
            batch=certificate.batch,
            replaces=certificate,
        )
        log(
            instance=new,
            action="certificates.certificate.reissue",
            user=by,
            data={"code": new.display_code, "replaces": certificate.display_code, "reason": reason},
        )
    return new


def make_pdf_file(certificate: Certificate) -> bool:
    """Render the certificate's PDF and store it as a file named by its
    content hash (kept if it is there already, from a run that was killed
    before it could note the name). Sets `certificate.pdf` without saving
    the row; False if it had its file already."""
    if certificate.pdf and certificate.pdf.storage.exists(certificate.pdf.name):
        return False
    content = pdf.render_pdf(certificate)
    field = certificate.pdf.field
    name = field.generate_filename(
        certificate, f"{certificate.code}-{pdf.content_hash(content)[:16]}.pdf"
    )
    if field.storage.exists(name):
        certificate.pdf.name = name
    else:
        certificate.pdf.save(name.rsplit("/", 1)[-1], ContentFile(content), save=False)
    return True


def was_withdrawn(certificate: Certificate) -> bool:
    """Withdrawn when its holder was erased (`certificates.privacy`)."""
    return ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Certificate),
        object_id=str(certificate.pk),
        action="certificates.certificate.withdraw",
    ).exists()


def ensure_pdf(certificate: Certificate) -> Certificate:
    """Render and store the certificate's PDF once."""
    if make_pdf_file(certificate):
        Certificate.objects.filter(pk=certificate.pk).update(pdf=certificate.pdf.name)
    return certificate


def pdf_bytes(certificate: Certificate) -> bytes:
    ensure_pdf(certificate)
    with certificate.pdf.open("rb") as handle:
        return handle.read()


def site_url() -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")
