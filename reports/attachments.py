"""A branch's files on its plan or report: added and removed only while the
branch may change the document (draft or returned), each with an audit entry
("reports.document.attach" / ".detach", registered in review_hooks)."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from reports.enums import ReportStatus
from reports.models import Attachment, BranchDocument
from reports.services import ReportError

LOCKED = _("This document is with the department; it cannot be changed now.")


def _editable(document: BranchDocument) -> BranchDocument:
    document = BranchDocument.objects.select_for_update().get(pk=document.pk)
    if document.status not in ReportStatus.editable():
        raise ReportError(LOCKED)
    return document


def attachment_add(*, document: BranchDocument, title: str, file, by) -> Attachment:
    """Keep a file (already checked by the form: type and size) on the document."""
    with transaction.atomic():
        document = _editable(document)
        attachment = Attachment.objects.create(
            document=document, title=title.strip(), file=file, uploaded_by=by
        )
        log(
            instance=document,
            action="reports.document.attach",
            user=by,
            data={"status": document.status, "title": attachment.title},
        )
    return attachment


def attachment_remove(*, document: BranchDocument, attachment_id: int, by) -> bool:
    """Remove one of the document's files; False when it is not there (any more)."""
    with transaction.atomic():
        document = _editable(document)
        attachment = document.attachments.filter(pk=attachment_id).first()
        if attachment is None:
            return False
        title = attachment.title
        stored = attachment.file
        attachment.delete()
        log(
            instance=document,
            action="reports.document.detach",
            user=by,
            data={"status": document.status, "title": title},
        )
        transaction.on_commit(lambda: stored.delete(save=False))
    return True
