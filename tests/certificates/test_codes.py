"""Verification codes: alphabet, grouping, the check character and sloppy input."""

import string

from hypothesis import given
from hypothesis import strategies as st

from certificates import codes

data_strings = st.text(
    alphabet=codes.ALPHABET, min_size=codes.DATA_LENGTH, max_size=codes.DATA_LENGTH
)


def with_check(data: str) -> str:
    return data + codes.check_character(data)


def test_alphabet_has_no_look_alikes_and_32_characters():
    assert len(set(codes.ALPHABET)) == 32
    assert not set("ILOU") & set(codes.ALPHABET)
    assert set(codes.ALPHABET) <= set(string.digits + string.ascii_uppercase)


def test_a_new_code_has_40_random_bits_and_checks():
    code = codes.new_code()
    assert len(code) == codes.CODE_LENGTH
    assert codes.DATA_LENGTH * 5 >= 40
    assert codes.is_valid(code)
    assert len({codes.new_code() for _ in range(200)}) == 200


def test_display_groups_four_four_one():
    assert codes.display("7KQ2M9XD4") == "7KQ2-M9XD-4"


@given(data_strings)
def test_every_code_checks(data):
    assert codes.is_valid(with_check(data))


@given(data_strings, st.integers(0, codes.CODE_LENGTH - 1), st.sampled_from(codes.ALPHABET))
def test_every_single_substitution_is_caught(data, position, replacement):
    code = with_check(data)
    if code[position] == replacement:
        return
    mistyped = code[:position] + replacement + code[position + 1 :]
    assert not codes.is_valid(mistyped)


@given(data_strings, st.integers(0, codes.CODE_LENGTH - 2))
def test_every_adjacent_transposition_is_caught(data, position):
    code = with_check(data)
    if code[position] == code[position + 1]:
        return
    swapped = code[:position] + code[position + 1] + code[position] + code[position + 2 :]
    assert not codes.is_valid(swapped)


def test_all_single_errors_exhaustively_for_one_code():
    """Not only sampled: every position, every other character, every neighbour swap."""
    code = with_check("7KQ2M9XD")
    for position in range(len(code)):
        for character in codes.ALPHABET:
            if character != code[position]:
                assert not codes.is_valid(code[:position] + character + code[position + 1 :])
    for position in range(len(code) - 1):
        if code[position] != code[position + 1]:
            assert not codes.is_valid(
                code[:position] + code[position + 1] + code[position] + code[position + 2 :]
            )


@given(data_strings)
def test_sloppy_input_is_normalised(data):
    code = with_check(data)
    display = codes.display(code)
    sloppy = " " + display.lower().replace("0", "o").replace("1", "l").replace("-", " – ") + " "
    assert codes.normalise(sloppy) == code
    assert codes.normalise(display.replace("1", "I")) == code
    assert codes.normalise(display.replace("-", "")) == code


def test_hostile_or_malformed_input_is_none():
    code = with_check("7KQ2M9XD")
    assert codes.normalise(code) == code
    for text in (
        "",
        "   ",
        code[:-1],
        code + "0",
        code.replace("7", "Ә"),
        "<script>alert(1)</script>",
        "' OR 1=1 --",
        "%00" + code,
        "７KQ2M9XD" + code[-1],  # a full-width digit
        code + " " * 100,
        "A" * 10_000,
        None,
    ):
        assert codes.normalise(text) is None, text
