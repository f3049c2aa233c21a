"""The registry of sources and the rich-text reader sources share."""

import pytest
from wagtail import hooks

from formats.document import Document, Heading, ListBlock, Paragraph
from formats.sources import Source, all_sources, blocks_from_html, get_source


def test_rich_text_becomes_paragraphs_lists_and_headings():
    html = (
        "<p>Оқу <b>кеші</b><br/>кітапханада.</p>"
        "<ul><li>Бірінші</li><li>Екінші<ol><li>ішкі</li></ol></li></ul>"
        '<h3>Тіркелу</h3><p>Телефон &amp; <a href="/x/" linktype="page" id="3">сайт</a></p>'
        "<p> </p>"
    )
    assert blocks_from_html(html) == [
        Paragraph("Оқу кеші кітапханада."),
        ListBlock(("Бірінші", "Екінші", "ішкі")),
        Heading("Тіркелу", 3),
        Paragraph("Телефон & сайт"),
    ]
    assert blocks_from_html("") == []


def test_the_apps_register_their_sources():
    sources = all_sources()
    assert {"events.programme", "home.announcement"} <= set(sources)
    assert get_source("events.programme").kinds == ("brf", "braille-text", "mp3")
    assert get_source("no.such") is None


def test_two_sources_with_one_key_are_refused():
    def twice():
        source = Source(
            key="events.programme",
            get=lambda pk: None,
            document=lambda obj: Document(title="", language="en"),
            labels={"brf": "Braille"},
        )
        return [source]

    with (
        hooks.register_temporarily("alternative_format_sources", twice),
        pytest.raises(ValueError, match="events.programme"),
    ):
        all_sources()
