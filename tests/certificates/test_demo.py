"""seed_demo issues certificates for a past festival and diplomas for its
winners, once."""

import io

import pytest
from django.core.management import call_command
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import ModelLogEntry

from certificates.models import Certificate, CertificateBatch

pytestmark = pytest.mark.django_db


def test_the_demo_has_certificates_and_diplomas_of_a_past_festival():
    certificates = Certificate.objects.valid()
    assert certificates.filter(kind="participation").count() == 6
    assert certificates.filter(kind="diploma").count() == 3
    assert {c.event.slug for c in certificates} == {"festival-zhanarym"}
    assert all(c.pdf for c in certificates)
    grand_prix = certificates.get(place="grand-prix")
    assert grand_prix.recipient_name == "Айгерім Сапарова"
    with translation.override(grand_prix.content["parts"][0]["language"]):
        prize = gettext("Grand Prix")
    assert grand_prix.content["parts"][0]["paragraphs"][0].startswith(prize)


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
