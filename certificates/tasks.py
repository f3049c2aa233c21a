"""Background tasks of certificates: thin wrappers around services."""

from django_tasks import task


@task()
def issue_certificate_batch(batch_id: int) -> int:
    """Issue a batch's certificates with their PDFs; returns how many were new."""
    from certificates import services
    from certificates.models import CertificateBatch

    batch = (
        CertificateBatch.objects.select_related("template", "event", "created_by")
        .filter(pk=batch_id)
        .first()
    )
    if batch is None:
        return 0
    try:
        return services.batch_run(batch).issued
    except BaseException:
        services.batch_mark_interrupted(batch)
        raise


@task()
def send_certificate_email(certificate_id: int, attempt: int = 1) -> str:
    """E-mail a certificate's PDF to its recipient; retries on mail server errors."""
    from certificates import notifications

    return notifications.deliver_certificate_email(certificate_id, attempt=attempt)
