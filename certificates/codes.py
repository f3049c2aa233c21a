"""Verification codes that can be read out over the phone and typed back.

A code is 8 random characters (40 bits) of Crockford's base32 alphabet (no
I, L, O or U) and one check character, shown as ``7KQ2-M9XD-4``. The check
character is Damm's algorithm over the field GF(32): x * y = 2x + y is a
totally anti-symmetric quasigroup, so every single mistyped character and
every swap of two neighbouring characters gives a code that does not check,
instead of someone else's certificate.
"""

import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
DATA_LENGTH = 8
CODE_LENGTH = DATA_LENGTH + 1
GROUPS = (4, 4, 1)
# Longer input is not looked at: a code with any amount of spacing fits.
MAX_INPUT_LENGTH = 64

_VALUE = {character: value for value, character in enumerate(ALPHABET)}
# What people say or type for a character of the alphabet.
_LOOK_ALIKES = {"O": "0", "I": "1", "L": "1"}
_SEPARATORS = frozenset(" -–—_.\t\u00a0")
_POLYNOMIAL = 0b100101  # x^5 + x^2 + 1, irreducible: GF(32)


def _times_two(value: int) -> int:
    value <<= 1
    if value & 0b100000:
        value ^= _POLYNOMIAL
    return value


def _operation(interim: int, value: int) -> int:
    return _times_two(interim) ^ value


def check_character(data: str) -> str:
    """The character that makes `data` + it check (Damm over GF(32))."""
    interim = 0
    for character in data:
        interim = _operation(interim, _VALUE[character])
    # 2·interim + c = 0 in a field of characteristic 2 means c = 2·interim.
    return ALPHABET[_times_two(interim)]


def is_valid(code: str) -> bool:
    """True for a normalised code whose check character fits."""
    if len(code) != CODE_LENGTH or any(character not in _VALUE for character in code):
        return False
    interim = 0
    for character in code:
        interim = _operation(interim, _VALUE[character])
    return interim == 0


def new_code() -> str:
    """A random code, normalised (no dashes)."""
    data = "".join(secrets.choice(ALPHABET) for _ in range(DATA_LENGTH))
    return data + check_character(data)


def display(code: str) -> str:
    """7KQ2M9XD4 → 7KQ2-M9XD-4."""
    parts, start = [], 0
    for size in GROUPS:
        parts.append(code[start : start + size])
        start += size
    return "-".join(part for part in parts if part)


def normalise(text: str) -> str | None:
    """A typed or dictated code as stored, or None if it cannot be one.

    Forgives case, spaces and dashes, O for 0, I or L for 1; anything else
    (other letters, other scripts, the wrong length, a failed check) is None.
    """
    if not isinstance(text, str) or len(text) > MAX_INPUT_LENGTH:
        return None
    characters = []
    for character in text.upper():
        if character in _SEPARATORS:
            continue
        character = _LOOK_ALIKES.get(character, character)
        if character not in _VALUE:
            return None
        characters.append(character)
    code = "".join(characters)
    return code if is_valid(code) else None
