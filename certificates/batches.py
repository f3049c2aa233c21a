"""Certificate batches: who receives them (everyone who attended, or the
winners typed or taken from results), making a batch, and running it in
chunks with its progress saved (as a background task, certificates.tasks).
Issuing itself is certificates.services."""

import logging
import time
from collections.abc import Callable

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from certificates import services
from certificates.enums import BatchKind, BatchStatus, CertificateKind, Place
from certificates.models import (
    Certificate,
    CertificateBatch,
    CertificateTemplate,
)
from registrations.enums import RegistrationStatus
from registrations.models import Registration

logger = logging.getLogger(__name__)


BATCH_KIND_TO_CERTIFICATE = {
    BatchKind.PARTICIPATION: CertificateKind.PARTICIPATION,
    BatchKind.DIPLOMAS: CertificateKind.DIPLOMA,
    BatchKind.COMPLETION: CertificateKind.COMPLETION,
}


def attended_recipients(event, *, kind: str, hours: int | None = None) -> list[dict]:
    """Everyone who attended the event (any language's page), in name order."""
    registrations = (
        Registration.objects.for_event(event)
        .filter(status=RegistrationStatus.ATTENDED)
        .select_related("person")
        .order_by("person__name_key", "pk")
    )
    return [
        {
            "key": services.source_key(kind, event, registration_id=registration.pk),
            "name": registration.person.full_name,
            "email": registration.person.email,
            "registration": registration.pk,
            "hours": hours,
        }
        for registration in registrations
    ]


def parse_winners(text: str) -> tuple[list[dict], list[str]]:
    """Lines “place; name; nomination” (place: GP, 1, 2, 3 or a special
    prize's name) → winners, and the problems by line number."""
    aliases = {
        "gp": Place.GRAND_PRIX,
        "grand prix": Place.GRAND_PRIX,
        "гран-при": Place.GRAND_PRIX,
        "гран при": Place.GRAND_PRIX,
    }
    winners, problems = [], []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        parts = [part.strip() for part in line.split(";")]
        if len(parts) < 2 or not parts[0] or not parts[1]:
            problems.append(
                _("Line %(number)s: write “place; name; nomination”.") % {"number": number}
            )
            continue
        place_word, name = parts[0], parts[1]
        nomination = parts[2] if len(parts) > 2 else ""
        key = place_word.casefold().strip(" .")
        if key in aliases:
            place, special = aliases[key], ""
        elif key in {"1", "2", "3", "i", "ii", "iii"}:
            place, special = {"i": "1", "ii": "2", "iii": "3"}.get(key, key), ""
        else:
            place, special = Place.SPECIAL, place_word
        problem = services.name_problem(name)
        if problem:
            problems.append(
                _("Line %(number)s: %(problem)s") % {"number": number, "problem": problem}
            )
            continue
        winners.append(
            {
                "name": " ".join(name.split()),
                "place": str(place),
                "special_prize": special,
                "nomination": nomination,
            }
        )
    return winners, problems


def batch_create(
    *,
    kind: str,
    event,
    template: CertificateTemplate,
    language: str,
    by,
    winners: list[dict] | None = None,
    recipients: list[dict] | None = None,
    hours: int | None = None,
    send_email: bool = False,
) -> CertificateBatch:
    """A batch with its recipients fixed now; the task issues them.

    `recipients` are ready-made ({key, name, email, registration, nomination,
    place, special_prize}), each with its own stable `key` (the diplomas of a
    competition's published results: `competitions.diplomas`); otherwise
    diplomas go to `winners` and the other kinds to everyone who attended."""
    problems = services.template_problems(template, language)
    if problems:
        raise services.CertificateError(" ".join(problems))
    if recipients is not None:
        if any(not recipient.get("key") for recipient in recipients):
            raise ValueError("every ready-made recipient needs its own key")
        recipients = list(recipients)
    elif kind == BatchKind.DIPLOMAS:
        recipients = [
            {
                **winner,
                "key": services.source_key(CertificateKind.DIPLOMA, event, winner=winner),
            }
            for winner in winners or []
        ]
    else:
        recipients = attended_recipients(event, kind=kind, hours=hours)
    if not recipients:
        raise services.CertificateError(_("There is nobody to issue certificates to."))
    with transaction.atomic():
        batch = CertificateBatch.objects.create(
            kind=kind,
            event=event,
            template=template,
            language=language,
            hours=hours,
            send_email=send_email,
            recipients=recipients,
            total=len(recipients),
            created_by=by,
        )
        log(
            instance=batch,
            action="certificates.batch.create",
            user=by,
            data={"total": batch.total, "event": event.title},
        )
    return batch


BATCH_CHUNK = 20  # recipients issued in one transaction
PROGRESS_EVERY_SECONDS = 0.5  # how often the admin's progress is saved


def batch_run(
    batch: CertificateBatch,
    *,
    progress: Callable[[int, int], None] | None = None,
    queue_email: Callable[[Certificate], None] | None = None,
) -> CertificateBatch:
    """Issue (or find) every recipient's certificate and make its PDF.

    Safe to run again, also after a worker was killed in the middle: issued
    certificates are found by their keys, so nothing is issued twice, and
    what is missing is done. Recipients are issued `BATCH_CHUNK` at a time
    (one transaction), then each PDF is made; the progress (done, issued,
    errors and the PDFs' file names) is saved at the end of each chunk and
    at least every `PROGRESS_EVERY_SECONDS`. `progress(done, total)` is
    called after each recipient (the command's progress bar). For a batch
    that e-mails its certificates, `queue_email(certificate)` is called for
    each one not sent yet once its PDF is made: the task and the command
    pass `certificates.tasks.enqueue_certificate_email` (services import no
    tasks). Without it this run queues no e-mail; the next run through the
    task sends what is unsent."""
    CertificateBatch.objects.filter(pk=batch.pk).update(
        status=BatchStatus.RUNNING, done=0, errors=[], finished_at=None
    )
    template = CertificateTemplate.objects.prefetch_related("signatories").get(pk=batch.template_id)
    problems = services.template_problems(template, batch.language)
    event_titles = services.event_titles_of(batch.event)
    errors: list[dict[str, str]] = []
    total = len(batch.recipients)
    done = 0
    rendered: list[Certificate] = []
    saved_at = time.monotonic()

    def save_progress() -> None:
        nonlocal saved_at
        if rendered:
            Certificate.objects.bulk_update(rendered, ["pdf"])
            rendered.clear()
        # Counted, not added up: a certificate issued just before a worker
        # was killed counts as issued by this batch on the next run.
        CertificateBatch.objects.filter(pk=batch.pk).update(
            done=done, issued=Certificate.objects.filter(batch=batch).count(), errors=errors
        )
        saved_at = time.monotonic()

    for start in range(0, total, BATCH_CHUNK):
        recipients = [
            _batch_recipient(entry, batch)
            for entry in batch.recipients[start : start + BATCH_CHUNK]
        ]
        if problems:
            pairs = []
            errors.extend({"name": r.name, "error": " ".join(problems)} for r in recipients)
        else:
            pairs, chunk_errors = services.issue_many(
                template=template,
                recipients=recipients,
                language=batch.language,
                event=batch.event,
                event_titles=event_titles,
                batch=batch,
                by=batch.created_by,
            )
            errors.extend(chunk_errors)
        issued_to = {id(recipient): certificate for recipient, certificate in pairs}
        for recipient in recipients:
            done += 1
            certificate = issued_to.get(id(recipient))
            if certificate is not None:
                try:
                    if services.make_pdf_file(certificate):
                        rendered.append(certificate)
                    if (
                        queue_email is not None
                        and batch.send_email
                        and certificate.recipient_email
                        and certificate.emailed_at is None
                    ):
                        queue_email(certificate)
                except services.CertificateError as error:
                    errors.append({"name": recipient.name, "error": str(error.message)})
                except (
                    Exception
                ) as error:  # a PDF that cannot be made: named, and the batch goes on
                    logger.exception(
                        "Certificate for %s in batch %s failed", recipient.name, batch.pk
                    )
                    errors.append({"name": recipient.name, "error": str(error)})
            if time.monotonic() - saved_at >= PROGRESS_EVERY_SECONDS:
                save_progress()
            if progress is not None:
                progress(done, total)
        save_progress()
    with transaction.atomic():
        CertificateBatch.objects.filter(pk=batch.pk).update(
            status=BatchStatus.DONE, finished_at=timezone.now()
        )
        batch.refresh_from_db()
        log(
            instance=batch,
            action="certificates.batch.finish",
            user=None,
            data={"total": total, "issued": batch.issued, "errors": len(errors)},
        )
    return batch


def _batch_recipient(entry: dict, batch: CertificateBatch) -> services.Recipient:
    return services.Recipient(
        name=entry["name"],
        key=entry["key"],
        email=entry.get("email", ""),
        registration_id=entry.get("registration"),
        nomination=entry.get("nomination", ""),
        place=entry.get("place", ""),
        special_prize=entry.get("special_prize", ""),
        hours=entry.get("hours", batch.hours),
    )


def batch_mark_interrupted(batch: CertificateBatch) -> None:
    CertificateBatch.objects.filter(pk=batch.pk, status=BatchStatus.RUNNING).update(
        status=BatchStatus.INTERRUPTED
    )
