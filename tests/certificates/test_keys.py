"""The certificate key (certificates.services.source_key): one valid
certificate per key, so the keys that batches, staff and competition results
give must stay exactly these."""

import uuid
from types import SimpleNamespace

import pytest

from certificates.enums import BatchKind, CertificateKind
from certificates.services import source_key

EVENT = SimpleNamespace(translation_key=uuid.UUID("0a1b2c3d-0000-4000-8000-000000000001"))


def test_a_registration_key_is_the_same_from_a_batch_by_hand_and_from_results():
    key = "participation:0a1b2c3d-0000-4000-8000-000000000001:registration:12"
    assert source_key(BatchKind.PARTICIPATION, EVENT, registration_id=12) == key
    assert source_key(CertificateKind.PARTICIPATION, EVENT, registration_id=12) == key
    assert (
        source_key(CertificateKind.COMPLETION, EVENT, registration_id=12)
        == "completion:0a1b2c3d-0000-4000-8000-000000000001:registration:12"
    )


def test_an_entry_has_one_key_for_its_place_and_one_for_a_special_prize():
    assert (
        source_key(CertificateKind.DIPLOMA, EVENT, entry_id=7)
        == "diploma:0a1b2c3d-0000-4000-8000-000000000001:entry:7"
    )
    assert (
        source_key(CertificateKind.DIPLOMA, EVENT, entry_id=7, special_prize=True)
        == "diploma:0a1b2c3d-0000-4000-8000-000000000001:entry:7:special"
    )


def test_a_typed_winner_key_ignores_letter_case():
    winner = {"place": "1", "name": "Әйгерім САПАРОВА", "nomination": "Мәнерлеп оқу"}
    assert (
        source_key(CertificateKind.DIPLOMA, EVENT, winner=winner)
        == "diploma:0a1b2c3d-0000-4000-8000-000000000001:мәнерлеп оқу:1::әйгерім сапарова"
    )


def test_a_key_is_for_exactly_one_thing():
    with pytest.raises(ValueError):
        source_key(CertificateKind.DIPLOMA, EVENT)
    with pytest.raises(ValueError):
        source_key(CertificateKind.DIPLOMA, EVENT, registration_id=1, entry_id=2)
