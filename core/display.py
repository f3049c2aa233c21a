"""The low-vision display mode ("version for the visually impaired").

The choice lives in one cookie and is applied on the server, so it works with
JavaScript off: every option is a plain link to ``/display/`` that stores the
choice and sends the visitor back to the page they came from.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

COOKIE_NAME = "display"
COOKIE_MAX_AGE = 365 * 24 * 60 * 60
PANEL_ANCHOR = "display-options"

# Each setting: its name, label, and the allowed values with labels; the first
# value is the default.
SETTINGS = {
    "text": (
        _("Text size"),
        [("normal", _("Normal")), ("large", _("Large")), ("xlarge", _("Very large (200%)"))],
    ),
    "scheme": (
        _("Colours"),
        [
            ("default", _("Standard")),
            ("bw", _("Black on white")),
            ("wb", _("White on black")),
            ("blue", _("Dark blue on light blue")),
            ("brown", _("Brown on beige")),
        ],
    ),
    "spacing": (
        _("Letter and line spacing"),
        [("normal", _("Normal")), ("wide", _("Wide"))],
    ),
    "images": (
        _("Images"),
        [("on", _("Shown")), ("off", _("Hidden, with their descriptions"))],
    ),
}
DEFAULTS = {name: options[0][0] for name, (_label, options) in SETTINGS.items()}


@dataclass(frozen=True)
class DisplayPreferences:
    text: str = DEFAULTS["text"]
    scheme: str = DEFAULTS["scheme"]
    spacing: str = DEFAULTS["spacing"]
    images: str = DEFAULTS["images"]

    @classmethod
    def from_cookie(cls, raw: str | None) -> "DisplayPreferences":
        """Parse ``text:large,scheme:wb``; unknown names and values are ignored."""
        values = {}
        for part in (raw or "").split(","):
            name, _sep, value = part.partition(":")
            if name in SETTINGS and value in dict(SETTINGS[name][1]):
                values[name] = value
        return cls(**values)

    def with_value(self, name: str, value: str) -> "DisplayPreferences":
        return DisplayPreferences(**{**self.as_dict(), name: value})

    def as_dict(self) -> dict[str, str]:
        return {name: getattr(self, name) for name in SETTINGS}

    def to_cookie(self) -> str:
        """Only the values that differ from the default, in a fixed order."""
        return ",".join(
            f"{name}:{value}" for name, value in self.as_dict().items() if value != DEFAULTS[name]
        )

    @property
    def is_default(self) -> bool:
        return self.to_cookie() == ""

    @property
    def images_off(self) -> bool:
        return self.images == "off"

    @property
    def html_classes(self) -> str:
        return " ".join(
            f"lv-{name}-{value}"
            for name, value in self.as_dict().items()
            if value != DEFAULTS[name]
        )


def preferences_for(request) -> DisplayPreferences:
    cached = getattr(request, "_display_preferences", None)
    if cached is None:
        cached = DisplayPreferences.from_cookie(request.COOKIES.get(COOKIE_NAME))
        request._display_preferences = cached
    return cached


def _option_url(next_url: str, **params) -> str:
    return f"{reverse('display_settings')}?{urlencode({**params, 'next': next_url})}"


def display_context(request):
    """Template context: the current preferences and the panel's option links."""
    prefs = preferences_for(request)
    next_url = request.get_full_path()
    groups = []
    current_labels = []
    for name, (label, options) in SETTINGS.items():
        current = getattr(prefs, name)
        items = [
            {
                "value": value,
                "label": option_label,
                "current": value == current,
                "url": _option_url(next_url, **{name: value}),
            }
            for value, option_label in options
        ]
        groups.append({"name": name, "label": label, "options": items})
        if current != DEFAULTS[name]:
            current_labels.append((label, dict(options)[current]))
    return {
        "display": prefs,
        "display_groups": groups,
        "display_current": current_labels,
        "display_reset_url": _option_url(next_url, reset="1"),
        "display_anchor": PANEL_ANCHOR,
    }
