"""What a screen reader hears, from Chromium's own accessibility tree (the
names it computes, CSS generated content included): no tick before the
current language or display option, a results table named once, a blank
place heard as "no place" without its dash."""

import pytest

pytestmark = pytest.mark.browser


def accessibility_tree(page) -> list[dict]:
    session = page.context.new_cdp_session(page)
    try:
        return session.send("Accessibility.getFullAXTree")["nodes"]
    finally:
        session.detach()


def named(nodes, role=None) -> list[tuple[str, str]]:
    found = []
    for node in nodes:
        if node.get("ignored"):
            continue
        name = (node.get("name") or {}).get("value", "")
        kind = (node.get("role") or {}).get("value", "")
        if role is None or kind == role:
            found.append((kind, name))
    return found


def test_the_tick_of_a_current_choice_is_not_heard(new_page):
    page = new_page()
    page.goto("/ru/")
    # The display panel opened, so its options (one current, with a tick) are in the tree.
    page.locator("summary.display-panel__summary").click()
    nodes = accessibility_tree(page)
    links = {name for _kind, name in named(nodes, "link")}
    assert "Русский" in links and "Қазақша" in links
    ticked = [name for _kind, name in named(nodes) if "✓" in name]
    assert ticked == []
    # The tick is still drawn for those who see it.
    current = page.locator(".language-switcher a[aria-current]")
    tick = current.evaluate("el => getComputedStyle(el, '::before').content")
    assert "✓" in tick


def test_a_results_table_is_named_once_and_a_blank_place_is_no_place(new_page):
    page = new_page()
    page.goto("/ru/events/chess-tournament/results/")
    caption = page.locator("table.results-table caption").first.inner_text()
    nodes = accessibility_tree(page)
    assert ("table", caption) in named(nodes, "table")
    assert [name for _kind, name in named(nodes, "region") if name == caption] == []
    blank = page.locator("table.results-table td:first-child", has_text="—").first
    snapshot = blank.aria_snapshot()
    assert "без места" in snapshot
    assert "—" not in snapshot
