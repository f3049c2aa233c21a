"""A plan or report moves draft → submitted → returned → submitted → accepted,
each step audited; an accepted one is locked until reopened with a reason;
a report is pre-filled with what the system counted."""

import datetime
from decimal import Decimal

import pytest
from django.core import mail
from wagtail.models import ModelLogEntry

from reports import services
from reports.enums import DocumentKind, ReportStatus
from reports.services import ReportError

pytestmark = pytest.mark.django_db


def actions(document) -> list[str]:
    return list(
        ModelLogEntry.objects.filter(object_id=str(document.pk), action__startswith="reports.")
        .order_by("timestamp", "pk")
        .values_list("action", flat=True)
    )


def test_the_whole_review_round_is_audited_and_the_head_is_told(
    make_branch, make_staff, indicators, period, django_capture_on_commit_callbacks
):
    head = make_staff(username="aksu.head")  # not a demo account
    branch = make_branch(head=head)
    reviewer = make_staff(department=True)
    document, created = services.document_get_or_create(
        branch=branch, period=period(), kind=DocumentKind.REPORT, by=head
    )
    assert created and document.status == ReportStatus.DRAFT
    values = {indicator.pk: Decimal(10) for indicator in indicators.values()}
    services.document_save(document=document, values=values, narrative="Жақсы жыл.", by=head)
    services.document_submit(document=document, by=head)

    with django_capture_on_commit_callbacks(execute=True):
        services.document_return(
            document=document,
            by=reviewer,
            comments=[(indicators["visits"], "Келушілер саны журналмен сәйкес емес."), (None, "")],
        )
    document.refresh_from_db()
    assert document.status == ReportStatus.RETURNED
    assert [c.text for c in document.comments.all()] == ["Келушілер саны журналмен сәйкес емес."]
    assert mail.outbox[-1].to == [head.email]
    assert "Келушілер саны журналмен сәйкес емес." in mail.outbox[-1].body

    services.document_save(
        document=document, values={indicators["visits"].pk: Decimal(12)}, narrative="", by=head
    )
    services.document_submit(document=document, by=head)
    services.document_accept(document=document, by=reviewer)
    document.refresh_from_db()
    assert document.status == ReportStatus.ACCEPTED and document.accepted_by == reviewer
    assert document.comments.get().resolved
    assert actions(document) == [
        "reports.document.create",
        "reports.document.edit",
        "reports.document.submit",
        "reports.document.return",
        "reports.document.edit",
        "reports.document.resubmit",
        "reports.document.accept",
    ]


def test_an_accepted_document_is_locked_until_reopened_with_a_reason(
    make_branch, indicators, period, filed
):
    document = filed(make_branch(), period(), {indicators["visits"]: 5})

    with pytest.raises(ReportError, match="with the department"):
        services.document_save(document=document, values={}, narrative="өзгеріс", by=None)
    with pytest.raises(ReportError, match="Say why"):
        services.document_reopen(document=document, by=None, reason="  ")

    services.document_reopen(document=document, by=None, reason="Қате сан: 5 емес, 50.")
    document.refresh_from_db()
    assert document.status == ReportStatus.RETURNED
    services.document_save(
        document=document, values={indicators["visits"].pk: Decimal(50)}, narrative="", by=None
    )
    assert document.values.get(indicator=indicators["visits"]).value == 50
    assert "reports.document.reopen" in actions(document)


def test_wrong_steps_are_refused_in_words(make_branch, indicators, period, filed):
    draft = filed(make_branch(), period(), {}, state="draft")
    with pytest.raises(ReportError, match="number before submitting"):
        services.document_submit(document=draft, by=None)
    with pytest.raises(ReportError, match="Only a submitted"):
        services.document_accept(document=draft, by=None)
    submitted = filed(make_branch(), period(), {indicators["visits"]: 1}, state="submitted")
    with pytest.raises(ReportError, match="at least one comment"):
        services.document_return(document=submitted, by=None, comments=[(None, " ")])


def test_a_report_is_prefilled_with_the_events_the_branch_held(
    make_branch, indicators, period, make_event
):
    branch = make_branch()
    last_year = datetime.date.today().year - 1
    held = datetime.datetime(last_year, 5, 14, 11, tzinfo=datetime.UTC)
    make_event(start=held, organiser=branch)
    make_event(start=held + datetime.timedelta(days=30), organiser=branch)
    make_event(start=held, organiser=make_branch())  # another branch's

    document, _created = services.document_get_or_create(
        branch=branch, period=period(year=last_year), kind=DocumentKind.REPORT, by=None
    )

    row = document.values.get(indicator=indicators["events"])
    assert row.known_value == 2 and row.value == 2
    assert document.values.get(indicator=indicators["visits"]).value is None
