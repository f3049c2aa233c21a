"""Editing a competition page in the Wagtail editor: the checks across its
inline panels (one chair, a tie-break criterion, nothing in use removed)."""

from decimal import Decimal as D

import pytest
from django.urls import reverse

from competitions.models import Criterion
from competitions.services import scores_save

pytestmark = pytest.mark.django_db


def form_data(html):
    """What the browser would send for the page editor's form as it stands."""
    form = html.select_one("form#page-edit-form") or html.find("form", method="post")
    data = {}
    for element in form.find_all(["input", "textarea", "select"]):
        name = element.get("name")
        if not name or element.get("disabled") is not None:
            continue
        if element.name == "input":
            kind = element.get("type", "text")
            if kind in ("checkbox", "radio"):
                if element.get("checked") is not None:
                    data.setdefault(name, []).append(element.get("value", "on"))
                continue
            if kind in ("submit", "button", "file"):
                continue
            data[name] = element.get("value", "")
        elif element.name == "textarea":
            data[name] = element.string or ""
        else:
            selected = [
                o.get("value", o.get_text())
                for o in element.find_all("option")
                if o.get("selected") is not None
            ]
            if selected:
                data[name] = selected if element.get("multiple") is not None else selected[0]
    return data


@pytest.fixture
def editor(client, superuser):
    client.force_login(superuser)
    return client


def edit(editor, soup, page, change):
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = form_data(soup(editor.get(url)))
    data.setdefault("body-count", "0")  # the editor's JavaScript writes the (empty) body
    change(data)
    return editor.post(url, data)


def formset_index(data, prefix, field, value):
    for key, current in data.items():
        if (
            key.startswith(f"{prefix}-")
            and key.endswith(f"-{field}")
            and str(current) == str(value)
        ):
            return key.split("-")[1]
    raise AssertionError(f"no {prefix} with {field}={value}")


def test_the_unchanged_form_saves(make_competition, editor, soup):
    page = make_competition(entries=1)
    response = edit(editor, soup, page, lambda data: None)
    assert response.status_code == 302


def test_a_criterion_with_scores_cannot_be_removed(make_competition, editor, soup):
    page = make_competition(entries=1)
    criterion = page.criteria.first()
    scores_save(entry=page.entries.get(), judge=page.jury.first().user, values={criterion: D(5)})

    def remove(data):
        index = formset_index(data, "criteria", "id", criterion.pk)
        data[f"criteria-{index}-DELETE"] = "1"

    response = edit(editor, soup, page, remove)
    assert response.status_code == 200
    assert f"The criterion “{criterion.name}” has scores and cannot be removed." in soup(
        response
    ).get_text(" ", strip=True)
    assert Criterion.objects.filter(pk=criterion.pk).exists()


def test_one_chair_only(make_competition, editor, soup):
    page = make_competition(entries=0, judges=2)
    second = page.jury.order_by("sort_order")[1]

    def second_chair(data):
        index = formset_index(data, "jury", "id", second.pk)
        data[f"jury-{index}-is_chair"] = "on"

    response = edit(editor, soup, page, second_chair)
    assert response.status_code == 200
    assert "A jury has one chair: tick the chair for one judge only." in soup(response).get_text(
        " ", strip=True
    )


def test_the_criterion_tie_rule_needs_a_criterion_that_decides(make_competition, editor, soup):
    page = make_competition(entries=0)

    def tie_rule(data):
        data["tie_rule"] = "criterion"

    response = edit(editor, soup, page, tie_rule)
    assert response.status_code == 200
    assert "Mark the criterion that decides ties, or let equal totals share the place." in soup(
        response
    ).get_text(" ", strip=True)
