"""Search finds a word in any of its forms, in Kazakh and Russian (issue 14,
point 5): "Абай" finds «Слова назидания» Абая, "Абайдың" finds a page about
Абай. Runs on SQLite and, in CI's second run, on PostgreSQL."""

import datetime

import pytest

from core.search import kazakh_stem, stem, stemmed_query
from home.models import AnnouncementIndexPage, AnnouncementPage


def _announce(language, title, lead, slug):
    index = AnnouncementIndexPage.objects.get(locale__language_code=language)
    page = AnnouncementPage(title=title, slug=slug, date=datetime.date(2026, 11, 1), lead=lead)
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


def _found(client, soup, language, query):
    html = soup(client.get(f"/{language}/search/", {"q": query}))
    return [a.get_text(strip=True) for a in html.select("ol.search-results a")]


@pytest.mark.parametrize(
    "forms",
    [
        ("Абай", "Абайдың", "Абайға", "Абайды"),
        ("кітапхана", "кітапханамызда", "кітапханалардан", "кітапханасы"),
        ("оқырман", "оқырмандарымызға", "оқырмандармен"),
        ("сөз", "сөздерін", "сөздері"),
        ("фестиваль", "фестивальге", "фестивальдің"),
    ],
)
def test_the_forms_of_a_kazakh_word_meet_at_one_stem(forms):
    assert len({kazakh_stem(form.lower()) for form in forms}) == 1


def test_different_kazakh_words_keep_different_stems_and_short_words_stay_whole():
    words = ("абай", "кітапхана", "оқырман", "сөз", "фестиваль", "жанарым", "жүрегім")
    assert len({kazakh_stem(word) for word in words}) == len(words)
    assert kazakh_stem("ән") == "ән"
    assert kazakh_stem("ақын") == "ақын"


def test_russian_forms_share_a_stem_and_kazakh_words_on_a_russian_page_stay_kazakh():
    assert stem("Абая", "ru") == stem("Абай", "ru")
    assert stem("назидания", "ru") == stem("назиданий", "ru")
    assert stem("кітапханалары", "ru") == kazakh_stem("кітапхана")
    assert stemmed_query("Слова Абая, слова!", "ru") == "слов аб"


@pytest.mark.django_db
def test_russian_search_finds_an_inflected_name(client, soup):
    title = "«Слова назидания» Абая: чтения вслух"
    _announce("ru", title, "Читаем назидания поэта в библиотеке.", "abai-ru-forms")
    for query in ("Абай", "абая", "назидание", "Слово Абая", "чтение"):
        assert title in _found(client, soup, "ru", query), query
    # Every word must match: an unrelated second word finds nothing.
    assert title not in _found(client, soup, "ru", "Абай марафон")


@pytest.mark.django_db
def test_kazakh_search_finds_the_stem_and_other_endings(client, soup):
    title = "Абайдың қара сөздерін оқу кеші"
    _announce("kk", title, "Кітапханамызда оқырмандармен кездесу.", "abai-kk-forms")
    for query in ("Абай", "абайдың", "Абайға", "кітапхана", "оқырман", "сөз"):
        assert title in _found(client, soup, "kk", query), query
    # Pages of the other languages stay out.
    assert title not in _found(client, soup, "ru", "Абай")
