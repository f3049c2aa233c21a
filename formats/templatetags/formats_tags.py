"""{% alternative_formats page "home.announcement" as links %}: the ready
braille and audio files of an object, each link a dict (url, label, format,
size, duration), for `formats/links.html`."""

from django import template

from formats.services import formats_offered

register = template.Library()


@register.simple_tag
def alternative_formats(obj, source_key):
    return [offer.as_link() for offer in formats_offered(source_key, obj)]
