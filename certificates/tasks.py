"""Background tasks of certificates: thin wrappers around services, and the
two ways to queue them.

The top of the app's imports: tasks use `services` and `notifications`, and
neither of them imports tasks, so the batch's e-mails are queued through the
`queue_email` that `issue_certificate_batch` hands to `batches.batch_run`.
"""

import logging

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from certificates import batches, notifications
from certificates.models import Certificate, CertificateBatch
from registrations.notifications import MAX_ATTEMPTS, RETRY_DELAYS

logger = logging.getLogger(__name__)


@task()
def issue_certificate_batch(batch_id: int) -> int:
    """Issue a batch's certificates with their PDFs; returns how many were new."""
    batch = (
        CertificateBatch.objects.select_related("template", "event", "created_by")
        .filter(pk=batch_id)
        .first()
    )
    if batch is None:
        return 0
    try:
        return batches.batch_run(batch, queue_email=enqueue_certificate_email).issued
    except BaseException:
        batches.batch_mark_interrupted(batch)
        raise


@task()
def send_certificate_email(certificate_id: int, attempt: int = 1) -> str:
    """E-mail a certificate's PDF to its recipient; on an SMTP or connection
    error the task queues itself again, five attempts in all."""
    try:
        return notifications.deliver_certificate_email(certificate_id)
    except OSError:
        if attempt >= MAX_ATTEMPTS:
            logger.exception(
                "The e-mail of certificate %s failed %s times; giving up.", certificate_id, attempt
            )
            raise
        retry = send_certificate_email
        if retry.get_backend().supports_defer:
            retry = retry.using(
                run_after=timezone.now() + RETRY_DELAYS[min(attempt, len(RETRY_DELAYS)) - 1]
            )
        retry.enqueue(certificate_id, attempt=attempt + 1)
        return "retrying"


def batch_enqueue(batch: CertificateBatch) -> None:
    """Run the batch in the background once the transaction commits."""
    batch_id = batch.pk
    transaction.on_commit(lambda: issue_certificate_batch.enqueue(batch_id), robust=True)


def enqueue_certificate_email(certificate: Certificate) -> None:
    """Send the certificate's e-mail in the background once the transaction commits."""
    certificate_id = certificate.pk
    transaction.on_commit(lambda: send_certificate_email.enqueue(certificate_id), robust=True)
