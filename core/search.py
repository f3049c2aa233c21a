"""Site search that finds a word in any of its forms, in Kazakh, Russian and English.

Wagtail's database search backend matches whole words: on SQLite (FTS5) and
on PostgreSQL alike, "Абай" does not find «Слова назидания» Абая. PostgreSQL's
own stemming configurations cover Russian and English but not Kazakh, and a
site must search the same way on both databases. So we stem ourselves:

- every page kind that is searched adds one more indexed field,
  `search_stems`: the stems of the words of its other searched fields, in the
  page's language (`StemmedSearchMixin`);
- a query is turned into the stems of its words (`stemmed_query`) and must
  match all of them.

Russian and English use the Snowball stemmers (the same algorithms as
PostgreSQL's `russian` and `english` configurations); a Russian stem also
loses a final vowel, so that the forms of a name (Абай, Абая) meet. Kazakh, an
agglutinative language, gets a light suffix stripper: plural, possessive and
case endings, longest first, as long as at least three letters stay. It
over-stems now and then, which costs a few extra results, never a missed one.
A word of Kazakh letters on a Russian page is stemmed as Kazakh.
"""

import functools
import re

import snowballstemmer
from django.utils.html import strip_tags
from wagtail.search import index

WORD = re.compile(r"[^\W_]+", re.UNICODE)
KAZAKH_ONLY = set("әғқңөұүһі")
MIN_STEM = 3
RUSSIAN_FINAL = "аяйоеиыуюьъ"
# The endings a Kazakh noun takes, in the order they stack from the end:
# case, then possessive, then plural (кітап-тар-ымыз-дан).
KAZAKH_CASE = [
    *["ның", "нің", "дың", "дің", "тың", "тің"],  # genitive
    *["ға", "ге", "қа", "ке", "на", "не"],  # dative
    *["ны", "ні", "ды", "ді", "ты", "ті", "ын", "ін"],  # accusative
    *["нда", "нде", "да", "де", "та", "те"],  # locative
    *["нан", "нен", "дан", "ден", "тан", "тен"],  # ablative
    *["мен", "бен", "пен"],  # instrumental
]
KAZAKH_POSSESSIVE = [
    *["ымыз", "іміз", "мыз", "міз", "ыңыз", "іңіз", "ңыз", "ңіз"],
    *["сы", "сі", "ым", "ім", "ың", "ің", "ы", "і", "м", "ң"],
]
KAZAKH_PLURAL = ["лар", "лер", "дар", "дер", "тар", "тер"]


def _strip_longest(word: str, endings: list[str]) -> str:
    for ending in sorted(endings, key=len, reverse=True):
        if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM:
            return word[: -len(ending)]
    return word


def kazakh_stem(word: str) -> str:
    """Strips to a fixed point, so that a stem stems to itself: the query
    "кітапхана" and the text's "кітапханамызда" then meet at the same stem
    (even where that stem is shorter than the word's real root)."""
    while True:
        stemmed = word
        for endings in (KAZAKH_CASE, KAZAKH_POSSESSIVE, KAZAKH_PLURAL):
            stemmed = _strip_longest(stemmed, endings)
        if stemmed == word:
            return word
        word = stemmed


@functools.cache
def _snowball(language: str):
    return snowballstemmer.stemmer({"ru": "russian", "en": "english"}[language])


def stem(word: str, language: str) -> str:
    word = word.lower().replace("ё", "е")
    if language == "kk" or KAZAKH_ONLY & set(word):
        return kazakh_stem(word)
    if language == "ru":
        # Snowball leaves a name's last vowel or й on some forms and not on
        # others (абай → аба, абая → аб): drop it so that they meet.
        return _snowball("ru").stemWord(word).rstrip(RUSSIAN_FINAL) or word
    if language == "en":
        return _snowball("en").stemWord(word)
    return word


def stems(text: str, language: str) -> list[str]:
    return [stem(word, language) for word in WORD.findall(text)]


def stemmed_query(query: str, language: str) -> str:
    """The query as the stems of its words, each once, in order."""
    return " ".join(dict.fromkeys(stems(query, language)))


def _flatten(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return " ".join(_flatten(item) for item in value)
    if isinstance(value, dict):
        return " ".join(_flatten(item) for item in value.values())
    return strip_tags(str(value))


class StemmedSearchMixin:
    """Adds the stems of a page's searched text to its search index entry.

    A page class lists `STEMS_FIELD` in its `search_fields`; its stems are
    taken from all the other `SearchField`s, so a subclass that adds a field
    (a training's topic) has it stemmed too."""

    def search_stems(self) -> str:
        language = self.locale.language_code
        words = []
        for field in type(self).search_fields:
            if isinstance(field, index.SearchField) and field.field_name != "search_stems":
                words.extend(stems(_flatten(field.get_value(self)), language))
        return " ".join(dict.fromkeys(words))


STEMS_FIELD = index.SearchField("search_stems")
