"""The plans and reports screens in the admin: a branch's own documents and
form, the department's list, the branches that have not submitted, and the
review. What a user sees (in the English admin) and what the data becomes."""

from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import ModelLogEntry
from wagtail.users.models import UserProfile

from reports import services
from reports.enums import DocumentKind, ReportStatus
from reports.models import Attachment, BranchDocument, IndicatorValue

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def url(name, *args):
    return reverse(f"reports:{name}", args=args)


def in_english(user):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


def page(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "lxml")


def words(node) -> str:
    """The text as read: inline elements join without a space of their own."""
    return " ".join(node.get_text().split())


@pytest.fixture
def branch_head(make_branch, make_staff):
    branch = make_branch(name="Сайрам филиалы")
    user = in_english(make_staff(branch))
    branch.head = user
    branch.save()
    return user


@pytest.fixture
def department(make_staff):
    return in_english(make_staff(department=True))


def report_of(user, period, indicators, kind=DocumentKind.REPORT):
    document, _created = services.document_get_or_create(
        branch=user.staff_profile.branch, period=period, kind=kind, by=user
    )
    return document


def form_data(document, **values):
    data = {"narrative": "Оқу кеші өтті.", "action": "save"}
    for row in document.values.select_related("indicator"):
        data[f"value_{row.indicator_id}"] = values.get(row.indicator.code.split("-")[0], "")
    return data


# ---------------------------------------------------------------------------
# Who sees what
# ---------------------------------------------------------------------------


def test_a_branch_head_sees_their_periods_and_starts_a_report(
    client, branch_head, indicators, period
):
    year = period(2025)
    client.force_login(branch_head)
    listing = client.get(url("branch"))
    assert listing.status_code == 200
    html = page(listing)
    assert words(html.select_one("h1")) == "Plans and reports of Сайрам филиалы"
    # The Kazakh name is marked as such in the heading; the <title> is plain text.
    assert words(html.select_one("h1 span[lang=kk]")) == "Сайрам филиалы"
    assert "Plans and reports of Сайрам филиалы" in html.title.get_text()
    rows = html.select("table.report-table tbody tr")
    assert [words(row.select("td")[0]) for row in rows] == ["Work plan", "Report"]
    assert [words(row.select("td")[1]) for row in rows] == ["Not started", "Not started"]
    assert "Overdue" in words(rows[0])  # the plan was due in December 2024
    assert words(rows[1].select_one("button")) == "Start the report for 2025"

    response = client.post(url("start"), {"period": year.pk, "kind": "report"})
    document = BranchDocument.objects.get(kind=DocumentKind.REPORT)
    assert response.status_code == 302 and response["Location"] == url("document", document.pk)
    form = page(client.get(url("document", document.pk)))
    labels = [words(label) for label in form.select(".report-row label")]
    assert labels == ["Readers, people", "Visits, visits", "Events held, events"]
    assert {span["lang"] for span in form.select(".report-row label span")} == {"en"}
    events_input = form.select_one(f"#id_value_{indicators['events'].pk}")
    hint = form.select_one(f"#{events_input['aria-describedby']}")
    assert words(hint) == "The system counted 0."


def test_a_branch_head_cannot_see_or_change_another_branchs_document(
    client, branch_head, make_branch, make_staff, indicators, period
):
    other_head = make_staff(make_branch(name="Басқа филиал"))
    theirs = report_of(other_head, period(2025), indicators)
    client.force_login(branch_head)

    for address in (url("document", theirs.pk), url("document", 999999)):
        response = client.get(address)
        assert response.status_code == 404
        assert "There is no such plan or report among those you can see." in words(page(response))
    data = form_data(theirs, readers="5", visits="7", events="1")
    assert client.post(url("document", theirs.pk), data).status_code == 404
    assert (
        not IndicatorValue.objects.filter(document=theirs, value__isnull=False)
        .exclude(indicator=indicators["events"])
        .exists()
    )
    # Not on their list either, and not on the department's screens.
    assert "Басқа филиал" not in words(page(client.get(url("branch"))))
    for address in (url("review_list"), url("review", theirs.pk), url("overdue")):
        refused = client.get(address)
        assert refused.status_code == 403
        assert "Can review the plans and reports of every branch" in words(page(refused))


def test_staff_without_a_branch_and_users_without_admin_access_are_refused(
    client, make_staff, branch_head, indicators, period
):
    document = report_of(branch_head, period(2025), indicators)
    no_branch = in_english(make_staff())
    client.force_login(no_branch)
    for address in (url("branch"), url("document", document.pk)):
        response = client.get(address)
        assert response.status_code == 403
        assert "your account is not linked to a branch" in words(page(response))
    assert client.post(url("start"), {"period": period(2025).pk, "kind": "plan"}).status_code == 403

    outsider = get_user_model().objects.create_user("outsider", "o@example.kz", "pass")
    client.force_login(outsider)
    response = client.get(url("document", document.pk))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


# ---------------------------------------------------------------------------
# The branch's form
# ---------------------------------------------------------------------------


def test_the_form_keeps_what_was_typed_when_a_number_is_wrong(
    client, branch_head, indicators, period
):
    document = report_of(branch_head, period(2025), indicators)
    client.force_login(branch_head)
    data = form_data(document, readers="1 250", visits="много", events="3,5")
    data["narrative"] = "Біз көп жұмыс жасадық."
    response = client.post(url("document", document.pk), data)
    assert response.status_code == 400
    html = page(response)
    summary = html.select_one(".error-summary")
    assert summary.has_attr("autofocus")
    assert [words(a) for a in summary.select("a")] == [
        "Visits: write a number, for example 120 or 12.5."
    ]
    visits = html.select_one(f"#id_value_{indicators['visits'].pk}")
    assert visits["value"] == "много" and visits["aria-invalid"] == "true"
    assert f"id_value_{indicators['visits'].pk}-error" in visits["aria-describedby"].split()
    assert html.select_one(f"#id_value_{indicators['readers'].pk}")["value"] == "1 250"
    assert html.select_one(f"#id_value_{indicators['events'].pk}")["value"] == "3,5"
    assert words(html.select_one("#id_narrative")) == "Біз көп жұмыс жасадық."
    # Nothing saved.
    document.refresh_from_db()
    assert document.narrative == ""
    assert document.values.get(indicator=indicators["readers"]).value is None

    data[f"value_{indicators['visits'].pk}"] = "300"
    assert client.post(url("document", document.pk), data).status_code == 302
    values = {row.indicator_id: row.value for row in document.values.all()}
    assert values[indicators["readers"].pk] == Decimal("1250")
    assert values[indicators["events"].pk] == Decimal("3.5")


def test_submitting_with_a_number_missing_is_said_in_the_summary_and_nothing_is_lost(
    client, branch_head, indicators, period
):
    document = report_of(branch_head, period(2025), indicators)
    client.force_login(branch_head)
    data = {**form_data(document, readers="40", visits="", events="2"), "action": "submit"}
    response = client.post(url("document", document.pk), data)
    assert response.status_code == 400
    summary = words(page(response).select_one(".error-summary"))
    assert "Give every indicator a number before submitting (0 if none): 1 missing." in summary
    assert "What you typed was saved as a draft." in summary
    html = page(response)
    assert html.select_one(f"#id_value_{indicators['readers'].pk}")["value"] == "40"
    document.refresh_from_db()
    assert document.status == ReportStatus.DRAFT
    assert document.values.get(indicator=indicators["readers"]).value == Decimal("40")

    data[f"value_{indicators['visits'].pk}"] = "0"
    response = client.post(url("document", document.pk), data)
    assert response.status_code == 302 and response["Location"] == url("branch")
    document.refresh_from_db()
    assert document.status == ReportStatus.SUBMITTED


def test_a_returned_report_shows_the_comments_where_they_belong(
    client, branch_head, department, indicators, period
):
    document = report_of(branch_head, period(2025), indicators)
    document.values.update(value=10)
    services.document_submit(document=document, by=branch_head)
    services.document_return(
        document=document,
        by=department,
        comments=[
            (indicators["visits"], "Келушілер саны тым аз, тексеріңіз."),
            (None, "Жалпы бөлімді толықтырыңыз."),
        ],
    )
    client.force_login(branch_head)
    html = page(client.get(url("document", document.pk)))
    # Overall, at the top: before the form.
    overall = html.select_one(".report-comments")
    assert "Жалпы бөлімді толықтырыңыз." in words(overall)
    assert overall.find_next("form", id="document-form") is not None
    assert words(html.select_one("dl.report-summary dd")) == "Returned for changes"
    # On the indicator, next to its field and tied to it.
    visits = html.select_one(f"#id_value_{indicators['visits'].pk}")
    note = html.select_one(f"#id_value_{indicators['visits'].pk}-comment")
    assert note["id"] in visits["aria-describedby"].split()
    assert words(note) == "The department's comment: Келушілер саны тым аз, тексеріңіз."
    assert note.find_parent(class_="report-row") is visits.find_parent(class_="report-row")
    readers = html.select_one(f"#id_value_{indicators['readers'].pk}")
    assert not readers.has_attr("aria-describedby")


def test_an_accepted_report_is_read_only_and_a_post_changes_nothing(
    client, branch_head, department, indicators, period
):
    document = report_of(branch_head, period(2025), indicators)
    document.values.update(value=10)
    services.document_submit(document=document, by=branch_head)
    services.document_accept(document=document, by=department)
    client.force_login(branch_head)

    html = page(client.get(url("document", document.pk)))
    assert html.select("main input[type=text], main textarea, #document-form") == []
    assert "This document was accepted and is locked." in words(html)
    cells = [words(td) for td in html.select(".report-values-table tbody td")]
    assert cells[0] == "10"

    data = {**form_data(document, readers="99", visits="99", events="99"), "action": "submit"}
    upload = SimpleUploadedFile("late.pdf", PDF, content_type="application/pdf")
    response = client.post(
        url("document", document.pk),
        {**data, "attachment_title": "Кеш", "attachment_file": upload},
    )
    assert response.status_code == 409
    alert = page(response).select_one("[role=alert]")
    assert words(alert) == (
        "Nothing was changed: this document was accepted and is locked. "
        "If it needs a correction, ask the department to reopen it."
    )
    document.refresh_from_db()
    assert document.status == ReportStatus.ACCEPTED
    assert set(document.values.values_list("value", flat=True)) == {Decimal(10)}
    assert not Attachment.objects.exists()


def test_attachments_of_a_wrong_type_are_refused_in_words(client, branch_head, indicators, period):
    document = report_of(branch_head, period(2025), indicators)
    client.force_login(branch_head)
    data = form_data(document, readers="4")

    cases = [
        (
            SimpleUploadedFile("run.exe", b"MZ\x90\x00", content_type="application/octet-stream"),
            "“run.exe” cannot be added: only PDF, DOCX, XLSX, JPG, PNG files are taken. "
            "Save it in one of these formats and add it again.",
        ),
        (
            SimpleUploadedFile("photo.png", b"GIF89a....", content_type="image/png"),
            "“photo.png” is not a real PNG file: it may be damaged or renamed.",
        ),
    ]
    for upload, message in cases:
        response = client.post(
            url("document", document.pk),
            {**data, "attachment_title": "Фото", "attachment_file": upload},
        )
        assert response.status_code == 400
        html = page(response)
        assert [words(a) for a in html.select(".error-summary a")] == [message]
        assert html.select_one(f"#id_value_{indicators['readers'].pk}")["value"] == "4"
    assert not Attachment.objects.exists()

    big = SimpleUploadedFile("big.pdf", PDF + b"0" * 200, content_type="application/pdf")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("reports.forms.attachment_max_bytes", lambda: 100)
        response = client.post(
            url("document", document.pk),
            {**data, "attachment_title": "Үлкен", "attachment_file": big},
        )
    assert "a file can be at most 100 bytes." in words(page(response).select_one(".error-summary"))

    no_title = SimpleUploadedFile("plan.pdf", PDF, content_type="application/pdf")
    response = client.post(url("document", document.pk), {**data, "attachment_file": no_title})
    assert [words(a) for a in page(response).select(".error-summary a")] == [
        "Give the file a title, so the department knows what it is."
    ]

    good = SimpleUploadedFile("plan.pdf", PDF, content_type="application/pdf")
    response = client.post(
        url("document", document.pk),
        {**data, "attachment_title": "Жоспар", "attachment_file": good},
    )
    assert response.status_code == 302
    attachment = Attachment.objects.get()
    assert (attachment.title, attachment.uploaded_by) == ("Жоспар", branch_head)
    html = page(client.get(url("document", document.pk)))
    link = html.select_one(".report-files a")
    assert words(link) == "Жоспар"
    download = client.get(link["href"])
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF

    # Removed while a draft, keeping what was typed meanwhile.
    data[f"value_{indicators['readers'].pk}"] = "5"
    response = client.post(
        url("document", document.pk), {**data, "remove_attachment": attachment.pk}
    )
    assert response.status_code == 302 and not Attachment.objects.exists()
    assert document.values.get(indicator=indicators["readers"]).value == Decimal(5)
    history = words(page(client.get(url("document", document.pk))).select_one(".report-history"))
    assert "Plan or report: file added" in history and "Plan or report: file removed" in history


# ---------------------------------------------------------------------------
# The department
# ---------------------------------------------------------------------------


def test_the_department_reviews_plan_beside_done_returns_accepts_and_reopens(
    client, branch_head, department, indicators, period, filed
):
    year = period(2025)
    branch = branch_head.staff_profile.branch
    filed(
        branch,
        year,
        {indicators["readers"]: 100, indicators["visits"]: 900},
        kind="plan",
        state="submitted",
        by=branch_head,
    )
    report = filed(
        branch,
        year,
        {indicators["readers"]: 120, indicators["visits"]: 700, indicators["events"]: 4},
        state="submitted",
        by=branch_head,
    )
    client.force_login(department)
    html = page(client.get(url("review", report.pk)))
    headers = [words(th) for th in html.select(".report-values-table thead th")]
    assert headers == [
        "Indicator",
        "Plan (not accepted: submitted)",
        "Done",
        "Counted by the system",
    ]
    first = html.select_one(".report-values-table tbody tr")
    assert [words(td) for td in first.select("td")][:2] == ["100", "120"]

    # Accepting with a comment written is refused: nothing is lost or done.
    visits_comment = f"comment_{indicators['visits'].pk}"
    response = client.post(
        url("review", report.pk), {"action": "accept", visits_comment: "Неге аз?"}
    )
    assert response.status_code == 400
    assert "You wrote comments" in words(page(response).select_one(".error-summary"))
    assert words(page(response).select_one(f"#id_{visits_comment}")) == "Неге аз?"
    # Returning without a comment is refused.
    response = client.post(url("review", report.pk), {"action": "return"})
    assert "Say what to change: write at least one comment." in words(page(response))

    response = client.post(
        url("review", report.pk),
        {"action": "return", visits_comment: "Неге аз?", "overall": "Суреттер қосыңыз."},
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == ReportStatus.RETURNED
    assert set(report.comments.values_list("text", flat=True)) == {"Неге аз?", "Суреттер қосыңыз."}

    services.document_submit(document=report, by=branch_head)
    assert client.post(url("review", report.pk), {"action": "accept"}).status_code == 302
    report.refresh_from_db()
    assert report.status == ReportStatus.ACCEPTED and report.accepted_by == department

    html = page(client.get(url("review", report.pk)))
    assert words(html.select_one("button[value=reopen]")) == "Reopen for a correction"
    response = client.post(url("review", report.pk), {"action": "reopen", "reason": "  "})
    assert response.status_code == 400
    assert "Say why the accepted document is reopened." in words(
        page(response).select_one(".error-summary")
    )
    report.refresh_from_db()
    assert report.status == ReportStatus.ACCEPTED
    client.post(url("review", report.pk), {"action": "reopen", "reason": "Сан қате."})
    report.refresh_from_db()
    assert report.status == ReportStatus.RETURNED

    history = [
        words(li) for li in page(client.get(url("review", report.pk))).select(".report-history li")
    ]
    labels = [
        "Plan or report: started",
        "Plan or report: numbers or text changed",
        "Plan or report: submitted",
        "Plan or report: returned with comments",
        "Plan or report: submitted again",
        "Plan or report: accepted",
        "Plan or report: reopened for a correction",
    ]
    assert [max((lb for lb in labels if lb in item), key=len) for item in history] == labels
    assert history[-1].endswith("Сан қате.")
    assert ModelLogEntry.objects.filter(action="reports.document.reopen").count() == 1


def test_the_department_lists_filters_and_sees_who_has_not_submitted(
    client, department, make_branch, make_staff, indicators, period, filed
):
    year = period(2025)
    done_branch, late_branch = make_branch(name="Тапсырған"), make_branch(name="Кешіккен")
    late_branch.head = make_staff(late_branch)
    late_branch.head.email = "head@example.kz"
    late_branch.head.save()
    late_branch.save()
    filed(done_branch, year, dict.fromkeys(indicators.values(), 1), state="accepted")
    filed(late_branch, year, dict.fromkeys(indicators.values(), 1), state="draft")
    client.force_login(department)

    html = page(client.get(url("review_list")))
    branches = [words(th) for th in html.select(".report-table tbody th")]
    assert sorted(branches) == ["Кешіккен", "Тапсырған"]
    overdue = page(client.get(url("review_list"), {"overdue": "on"}))
    assert [words(th) for th in overdue.select(".report-table tbody th")] == ["Кешіккен"]
    accepted = page(client.get(url("review_list"), {"status": "accepted", "kind": "report"}))
    assert [words(th) for th in accepted.select(".report-table tbody th")] == ["Тапсырған"]
    bad = client.get(url("review_list"), {"period": "nonsense"})
    assert bad.status_code == 400 and page(bad).select_one(".error-summary")

    missing = page(client.get(url("overdue"), {"period": year.pk}))
    rows = [[words(cell) for cell in row.select("th, td")] for row in missing.select("tbody tr")]
    late_rows = [row for row in rows if row[0] == "Кешіккен"]
    assert [row[1:3] for row in late_rows] == [["Work plan", "Not started"], ["Report", "Draft"]]
    assert "head@example.kz" in late_rows[0][4]
    assert "Тапсырған" in [row[0] for row in rows]  # its plan was never made
    assert ["Тапсырған", "Report"] not in [row[:2] for row in rows]


def test_indicators_and_periods_are_the_departments(
    client, department, branch_head, indicators, period
):
    period(2025)
    client.force_login(department)
    listing = client.get(reverse("report_indicators:index"))
    assert listing.status_code == 200
    assert "Readers" in words(page(listing))
    assert "2025" in words(page(client.get(reverse("report_periods:index"))))
    assert client.get(reverse("report_periods:add")).status_code == 200
    # The menu: the department's items, not the branch's.
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    for item in ("Plans and reports", "Review the branches", "Not submitted", "Indicators"):
        assert item in home, item
    assert "Our plans and reports" not in home

    client.force_login(branch_head)
    assert client.get(reverse("report_indicators:index")).status_code != 200
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Our plans and reports" in home and "Review the branches" not in home


def test_the_departments_list_takes_the_same_queries_for_one_or_many_documents(
    client, department, make_branch, indicators, period, filed
):
    year = period(2025)
    client.force_login(department)
    filed(make_branch(), year, dict.fromkeys(indicators.values(), 1), state="submitted")
    client.get(url("review_list"))  # caches warmed (content types, the session)
    with CaptureQueriesContext(connection) as one:
        assert client.get(url("review_list")).status_code == 200
    for _ in range(5):
        filed(make_branch(), year, dict.fromkeys(indicators.values(), 1), state="submitted")
    with CaptureQueriesContext(connection) as many:
        response = client.get(url("review_list"))
    assert len(page(response).select(".report-table tbody tr")) == 6
    assert len(many) == len(one)


def test_a_wrong_start_is_said_and_nothing_is_made(client, branch_head, period):
    client.force_login(branch_head)
    response = client.post(url("start"), {"period": period(2025).pk, "kind": "budget"}, follow=True)
    assert "There is no such reporting period or document." in words(page(response))
    assert not BranchDocument.objects.exists()


def test_administrators_can_give_the_review_permission_to_a_group(client, admin_user):
    client.force_login(admin_user)
    form = words(page(client.get(reverse("wagtailusers_groups:add"))))
    assert "Can review the plans and reports of every branch" in form
