"""Rich text features of our own: an editor marks the language of a phrase
(WCAG 3.1.2), stored and rendered as <span lang="kk"> (or ru, en)."""

import wagtail.admin.rich_text.editors.draftail.features as draftail_features
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.rich_text.converters.editor_html import WhitelistRule
from wagtail.admin.rich_text.converters.html_to_contentstate import InlineStyleElementHandler
from wagtail.whitelist import attribute_rule

# feature name → (language code, what the toolbar button shows, its description)
LANGUAGE_FEATURES = {
    "lang-kk": ("kk", "ҚАЗ", _("In Kazakh")),
    "lang-ru": ("ru", "РУС", _("In Russian")),
    "lang-en": ("en", "ENG", _("In English")),
}


LANGUAGE_CODES = frozenset(code for code, _label, _description in LANGUAGE_FEATURES.values())
# Stored HTML keeps `lang` on a span when it names one of our languages.
KEEP_LANG = WhitelistRule(
    "span", attribute_rule({"lang": lambda value: value if value in LANGUAGE_CODES else None})
)


def language_style(code: str) -> str:
    return f"LANG_{code.upper()}"


@hooks.register("register_rich_text_features")
def register_language_features(features):
    for name, (code, label, description) in LANGUAGE_FEATURES.items():
        style = language_style(code)
        features.register_editor_plugin(
            "draftail",
            name,
            draftail_features.InlineStyleFeature(
                {"type": style, "label": label, "description": description}
            ),
        )
        features.register_converter_rule(
            "contentstate",
            name,
            {
                "from_database_format": {f'span[lang="{code}"]': InlineStyleElementHandler(style)},
                "to_database_format": {
                    "style_map": {style: {"element": "span", "props": {"lang": code}}}
                },
            },
        )
        # The whitelist of stored HTML keeps the attribute (one rule for
        # every language: a rule per element, the last one registered wins).
        features.register_converter_rule("editorhtml", name, [KEEP_LANG])
