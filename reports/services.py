"""Every change to a branch's plan or report, one function each.

draft → submitted → returned (with comments) → submitted again → accepted;
an accepted document is locked until the department reopens it with a
reason. Each step writes an audit entry ("reports.document.<step>") with
who and when; the branch's head and the submitter are told by e-mail when
their document is returned or accepted (queued on commit, never undoing
the change if the mail fails)."""

import logging
from decimal import Decimal

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from branches.models import Branch
from reports.enums import DocumentKind, KnownSource, ReportStatus
from reports.models import BranchDocument, Indicator, IndicatorValue, ReportingPeriod, ReviewComment
from reports.prefill import known_values

logger = logging.getLogger(__name__)


class ReportError(Exception):
    """A change the document's state does not allow; `message` says why, translated."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


def source_branch(branch: Branch) -> Branch:
    """The branch's row in the site's default language (documents belong to it)."""
    if branch.locale.language_code == settings.LANGUAGE_CODE:
        return branch
    return (
        Branch.objects.filter(
            translation_key=branch.translation_key, locale__language_code=settings.LANGUAGE_CODE
        ).first()
        or branch
    )


def _log(document: BranchDocument, step: str, by, **data) -> None:
    log(
        instance=document,
        action=f"reports.document.{step}",
        user=by,
        data={"status": document.status, **data},
    )


def document_get_or_create(
    *, branch: Branch, period: ReportingPeriod, kind: str, by
) -> tuple[BranchDocument, bool]:
    """The branch's plan or report for the period; a new one starts as a
    draft with a value row per active indicator, a report's pre-filled with
    what the system counted for the branch in the period."""
    branch = source_branch(branch)
    with transaction.atomic():
        document, created = BranchDocument.objects.get_or_create(
            branch=branch, period=period, kind=kind
        )
        if not created:
            return document, False
        indicators = list(Indicator.objects.filter(active=True))
        known = {}
        if kind == DocumentKind.REPORT and any(i.source for i in indicators):
            known = known_values(branch, period.starts, period.ends)
        IndicatorValue.objects.bulk_create(
            IndicatorValue(
                document=document,
                indicator=indicator,
                known_value=known.get(indicator.source) if indicator.source else None,
                value=known.get(indicator.source) if indicator.source else None,
            )
            for indicator in indicators
        )
        _log(document, "create", by, kind=kind, period=period.label)
    return document, True


def _require(document: BranchDocument, allowed: set[str], message) -> None:
    if document.status not in allowed:
        raise ReportError(message)


def document_save(
    *, document: BranchDocument, values: dict[int, Decimal | None], narrative: str, by
) -> BranchDocument:
    """The branch's numbers ({indicator id: value}) and words, kept as a draft."""
    with transaction.atomic():
        document = BranchDocument.objects.select_for_update().get(pk=document.pk)
        _require(
            document,
            ReportStatus.editable(),
            _("This document is with the department; it cannot be changed now."),
        )
        rows = {row.indicator_id: row for row in document.values.all()}
        changed = {}
        for indicator_id, value in values.items():
            row = rows.get(indicator_id) or IndicatorValue(
                document=document, indicator_id=indicator_id
            )
            if row.pk is None or row.value != value:
                changed[str(indicator_id)] = [_text(row.value), _text(value)]
                row.value = value
                row.save()
        narrative_changed = narrative != document.narrative
        document.narrative = narrative
        document.save(update_fields=["narrative", "updated_at"])
        if changed or narrative_changed:
            _log(document, "edit", by, values=changed, narrative_changed=narrative_changed)
    return document


def _text(value) -> str | None:
    return None if value is None else str(value)


def document_submit(*, document: BranchDocument, by) -> BranchDocument:
    """The branch hands the document to the department; the comments it
    answered are marked answered."""
    with transaction.atomic():
        document = BranchDocument.objects.select_for_update().get(pk=document.pk)
        _require(
            document,
            ReportStatus.editable(),
            _("Only a draft or a returned document can be submitted."),
        )
        missing = document.values.filter(value__isnull=True, indicator__active=True).count()
        if missing:
            raise ReportError(
                _("Give every indicator a number before submitting (0 if none): %(count)s missing.")
                % {"count": missing}
            )
        resubmitted = document.status == ReportStatus.RETURNED
        document.status = ReportStatus.SUBMITTED
        document.submitted_at = timezone.now()
        document.save(update_fields=["status", "submitted_at", "updated_at"])
        document.comments.filter(resolved=False).update(resolved=True)
        _log(document, "resubmit" if resubmitted else "submit", by)
    return document


def document_return(
    *, document: BranchDocument, by, comments: list[tuple[Indicator | None, str]]
) -> BranchDocument:
    """The department sends the document back with at least one comment (on
    an indicator, or overall with indicator None)."""
    comments = [(indicator, text.strip()) for indicator, text in comments if text.strip()]
    if not comments:
        raise ReportError(_("Say what to change: write at least one comment."))
    with transaction.atomic():
        document = BranchDocument.objects.select_for_update().get(pk=document.pk)
        _require(
            document, {ReportStatus.SUBMITTED}, _("Only a submitted document can be returned.")
        )
        ReviewComment.objects.bulk_create(
            ReviewComment(document=document, indicator=indicator, text=text, author=by)
            for indicator, text in comments
        )
        document.status = ReportStatus.RETURNED
        document.save(update_fields=["status", "updated_at"])
        _log(document, "return", by, comments=[text for _indicator, text in comments])
        transaction.on_commit(lambda: _tell(document, "returned"))
    return document


def document_accept(*, document: BranchDocument, by) -> BranchDocument:
    """The department accepts the document; from now on it is locked."""
    with transaction.atomic():
        document = BranchDocument.objects.select_for_update().get(pk=document.pk)
        _require(
            document, {ReportStatus.SUBMITTED}, _("Only a submitted document can be accepted.")
        )
        document.status = ReportStatus.ACCEPTED
        document.accepted_at = timezone.now()
        document.accepted_by = by
        document.save(update_fields=["status", "accepted_at", "accepted_by", "updated_at"])
        _log(document, "accept", by)
        transaction.on_commit(lambda: _tell(document, "accepted"))
    return document


def document_reopen(*, document: BranchDocument, by, reason: str) -> BranchDocument:
    """An accepted document is opened for a correction, with the reason
    (kept as an overall comment and in the audit trail)."""
    reason = reason.strip()
    if not reason:
        raise ReportError(_("Say why the accepted document is reopened."))
    with transaction.atomic():
        document = BranchDocument.objects.select_for_update().get(pk=document.pk)
        _require(document, {ReportStatus.ACCEPTED}, _("Only an accepted document can be reopened."))
        ReviewComment.objects.create(document=document, text=reason, author=by)
        document.status = ReportStatus.RETURNED
        document.accepted_at = None
        document.accepted_by = None
        document.save(update_fields=["status", "accepted_at", "accepted_by", "updated_at"])
        _log(document, "reopen", by, reason=reason)
        transaction.on_commit(lambda: _tell(document, "reopened"))
    return document


def document_refresh_known(*, document: BranchDocument, by) -> BranchDocument:
    """Count again what the system knows (events held since the draft was
    made); a number the branch changed by hand is kept."""
    with transaction.atomic():
        document = BranchDocument.objects.select_for_update().get(pk=document.pk)
        _require(
            document,
            ReportStatus.editable(),
            _("This document is with the department; it cannot be changed now."),
        )
        known = known_values(document.branch, document.period.starts, document.period.ends)
        for row in document.values.select_related("indicator").exclude(
            indicator__source=KnownSource.NONE
        ):
            fresh = known.get(row.indicator.source)
            untouched = row.value is None or row.value == row.known_value
            row.known_value = fresh
            if untouched:
                row.value = fresh
            row.save(update_fields=["known_value", "value"])
        _log(document, "refresh", by)
    return document


SUBJECTS = {
    "returned": _("Your %(document)s for %(period)s was returned with comments"),
    "accepted": _("Your %(document)s for %(period)s was accepted"),
    "reopened": _("Your %(document)s for %(period)s was reopened for a correction"),
}


def _tell(document: BranchDocument, what: str) -> None:
    """E-mail the branch's head (in the language of their admin) what happened."""
    head = document.branch.head
    if head is None or not head.email:
        return
    language = getattr(getattr(head, "wagtail_userprofile", None), "preferred_language", "") or "ru"
    try:
        with translation.override(language):
            subject = str(SUBJECTS[what]) % {
                "document": document.get_kind_display().lower(),
                "period": document.period.label,
            }
            body = "\n\n".join(
                [subject + ".", *[c.text for c in document.comments.filter(resolved=False)]]
                if what != "accepted"
                else [subject + "."]
            )
            send_mail(
                subject,
                body + "\n\n" + gettext("Open it in the admin to see it."),
                None,
                [head.email],
            )
    except Exception:  # a mail failure never undoes the change
        logger.exception("could not tell the branch about document %s", document.pk)
