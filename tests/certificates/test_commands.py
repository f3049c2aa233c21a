"""issue_certificates (with its progress bar) and export_certificates."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from certificates.models import Certificate
from people.models import Person
from registrations.enums import RegistrationStatus
from registrations.models import Registration

pytestmark = pytest.mark.django_db


@pytest.fixture
def event_with_attendees(make_event):
    event = make_event(slug="braille-day", start=timezone.now() - timezone.timedelta(days=2))
    for name in ("Айгерім Сапарова", "Бауыржан Өмірзақов", "Гүлнар Қасымова"):
        Registration.objects.create(
            event=event,
            person=Person.objects.create(full_name=name),
            status=RegistrationStatus.ATTENDED,
            consent_version="test",
            consented_at=timezone.now(),
        )
    return event


def call(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_issue_certificates_with_a_progress_bar_and_again_issues_nothing(
    event_with_attendees, certificate_template
):
    template = certificate_template(name="Participation")
    out, err = call("issue_certificates", "--event", "braille-day", "--template", "Participation")
    assert out.strip().endswith("3 of 3 done, 3 newly issued, 0 errors.")
    assert err.split("\r")[1:] == [
        "[" + "#" * 10 + " " * 20 + "] 1/3",
        "[" + "#" * 20 + " " * 10 + "] 2/3",
        "[" + "#" * 30 + "] 3/3\n",
    ]
    out, _err = call(
        "issue_certificates",
        "--event",
        str(event_with_attendees.pk),
        "--template",
        str(template.pk),
    )
    assert out.strip().endswith("3 of 3 done, 0 newly issued, 0 errors.")
    assert Certificate.objects.of_event(event_with_attendees).count() == 3


def test_diplomas_from_a_file_of_winners(event_with_attendees, certificate_template, tmp_path):
    certificate_template(name="Diploma", kind="diploma")
    winners = tmp_path / "winners.txt"
    winners.write_text("GP; Айгерім Сапарова; Ән\n2; Бауыржан Өмірзақов; Ән\n", "utf-8")
    out, _err = call(
        "issue_certificates",
        "--event",
        "braille-day",
        "--template",
        "Diploma",
        "--kind",
        "diplomas",
        "--winners",
        str(winners),
        "--no-progress",
    )
    assert out.strip().endswith("2 of 2 done, 2 newly issued, 0 errors.")


def test_bad_arguments_are_clear_errors(event_with_attendees, certificate_template):
    certificate_template(name="Participation")
    with pytest.raises(CommandError, match="No event with the id or slug 'nowhere'"):
        call("issue_certificates", "--event", "nowhere", "--template", "Participation")
    with pytest.raises(CommandError, match="No certificate template 'Missing'"):
        call("issue_certificates", "--event", "braille-day", "--template", "Missing")
    with pytest.raises(CommandError, match="Completion certificates need --hours"):
        call(
            "issue_certificates",
            "--event",
            "braille-day",
            "--template",
            "Participation",
            "--kind",
            "completion",
        )


def test_export_writes_every_valid_certificate_as_code_pdf(
    event_with_attendees, certificate_template, issue, tmp_path
):
    certificate_template(name="Participation")
    call(
        "issue_certificates",
        "--event",
        "braille-day",
        "--template",
        "Participation",
        "--no-progress",
    )
    other = issue(name="Біреу Басқа")
    out, _err = call("export_certificates", "--out", str(tmp_path / "all"))
    files = {path.name for path in (tmp_path / "all").iterdir()}
    expected = {f"{c.display_code}.pdf" for c in Certificate.objects.valid()}
    assert files == expected
    assert f"{other.display_code}.pdf" in files
    assert all((tmp_path / "all" / name).read_bytes().startswith(b"%PDF") for name in files)

    out, _err = call(
        "export_certificates", "--out", str(tmp_path / "event"), "--event", "braille-day"
    )
    assert out.startswith("3 written, 0 unchanged")
    out, _err = call(
        "export_certificates", "--out", str(tmp_path / "event"), "--event", "braille-day"
    )
    assert out.startswith("0 written, 3 unchanged")
