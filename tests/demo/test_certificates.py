"""seed_demo issues, through the "Issue diplomas" action, diplomas for the
places of the festival's 2011 edition (a shared first place, a Grand Prix)
and participation certificates for everyone who took part, once."""

import io

import pytest
from django.core.management import call_command
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import ModelLogEntry

from certificates.models import Certificate, CertificateBatch
from competitions.models import CompetitionPage, Entry
from festivals.models import FestivalEditionPage

pytestmark = pytest.mark.django_db


def test_the_demo_has_diplomas_and_certificates_of_the_2011_festival():
    edition = FestivalEditionPage.objects.get(year=2011, locale__language_code="kk")
    certificates = Certificate.objects.valid()
    entries = Entry.objects.filter(competition__in=CompetitionPage.objects.child_of(edition))
    assert certificates.filter(kind="participation").count() == entries.count() == 13
    assert certificates.filter(kind="diploma").count() == 12  # I, II, III (or GP) × 4
    assert {c.event_id for c in certificates} == {edition.pk}
    assert {c.language for c in certificates} == {"kk+ru"}
    assert all(c.pdf and c.registration_id for c in certificates)
    assert sorted(
        certificates.filter(kind="participation").values_list("registration_id", flat=True)
    ) == sorted(entries.values_list("registration_id", flat=True))

    grand_prix = certificates.get(place="grand-prix")
    assert grand_prix.recipient_name == "Алина Ким"
    assert grand_prix.nomination == "Тәуелсіздік әндері"
    with translation.override(grand_prix.content["parts"][0]["language"]):
        prize = gettext("Grand Prix")
    assert grand_prix.content["parts"][0]["paragraphs"][0].startswith(prize)
    # The Grand Prix replaces her place's diploma.
    assert certificates.filter(kind="diploma", recipient_name="Алина Ким").count() == 1

    # Two readers share the first place: both have a diploma for it.
    shared = certificates.filter(
        kind="diploma", nomination="Мұқағали Мақатаев өлеңдерін мәнерлеп оқу"
    )
    assert sorted(shared.values_list("place", "recipient_name")) == [
        ("1", "Айгүл Бекмаханова"),
        ("1", "Марат Ысқақов"),
        ("3", "Елена Гончарова"),
    ]


def test_a_second_run_issues_nothing():
    counts = (
        Certificate.objects.count(),
        CertificateBatch.objects.count(),
        ModelLogEntry.objects.filter(action__startswith="certificates.").count(),
    )
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    assert "0 certificates issued" in out.getvalue()
    assert (
        Certificate.objects.count(),
        CertificateBatch.objects.count(),
        ModelLogEntry.objects.filter(action__startswith="certificates.").count(),
    ) == counts
