"""An editor marks the language of a phrase in rich text (Draftail's
"ҚАЗ" / "РУС" / "ENG" buttons): stored and shown as <span lang>, kept
through the editor both ways, on every rich-text field of the pages."""

import json
import re

from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter
from wagtail.rich_text import RichText

from core.blocks import LANGUAGE_MARKS, RICH_TEXT_FEATURES
from home.models import HomePage, StandardPage

STORED = '<p>Фестиваль <span lang="kk">Жанарым менің жүрегім</span> и <span lang="en">Braille</span>.</p>'


def test_a_marked_phrase_survives_the_editor_both_ways():
    converter = ContentstateConverter(features=["bold", *LANGUAGE_MARKS])
    state = json.loads(converter.from_database_format(STORED))
    styles = {style["style"] for block in state["blocks"] for style in block["inlineStyleRanges"]}
    assert styles == {"LANG_KK", "LANG_EN"}
    stored_again = converter.to_database_format(json.dumps(state))
    # Draftail adds its block key to the paragraph; the rest is as it was.
    assert re.sub(r' data-block-key="\w+"', "", stored_again) == STORED


def test_without_the_feature_the_mark_is_not_kept():
    converter = ContentstateConverter(features=["bold"])
    state = converter.from_database_format(STORED)
    assert "lang" not in converter.to_database_format(state)


def test_every_rich_text_field_of_the_pages_offers_the_marks():
    assert set(LANGUAGE_MARKS) <= set(RICH_TEXT_FEATURES)
    for model, field in ((HomePage, "intro"), (StandardPage, "body")):
        if field == "intro":
            features = model._meta.get_field(field).features
        else:
            features = model._meta.get_field(field).stream_block.child_blocks["paragraph"].features
        assert set(LANGUAGE_MARKS) <= set(features)


def test_a_marked_phrase_is_shown_with_its_language():
    html = str(RichText(STORED))
    assert '<span lang="kk">Жанарым менің жүрегім</span>' in html
