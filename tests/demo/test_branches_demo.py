"""The demo's library network: a directory in each language listing the
library, its branches and its service point with addresses and access notes."""

import pytest

from branches.models import Branch, BranchIndexPage, BranchKind

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("code", "sayram", "street"),
    [
        ("kk", "Сайрам филиалы", "Жібек жолы көшесі, 14"),
        ("ru", "Сайрамский филиал", "улица Жибек жолы, 14"),
        ("en", "Sayram branch", "14 Zhibek Zholy Street"),
    ],
)
def test_the_directory_in_each_language(client, soup, code, sayram, street):
    page = BranchIndexPage.objects.live().get(locale__language_code=code)
    html = soup(client.get(page.url))

    names = [a.get_text(strip=True) for a in html.select("main .card__title a")]
    listed = Branch.objects.in_directory().filter(locale__language_code=code)
    assert sorted(names) == sorted(listed.values_list("name", flat=True))
    assert sayram in names
    assert not Branch.objects.filter(
        locale__language_code=code, kind=BranchKind.DEPARTMENT, name__in=names
    ).exists()

    branch = listed.get(name=sayram)
    assert street in branch.address
    assert branch.step_free and branch.braille_books and branch.opening_hours
