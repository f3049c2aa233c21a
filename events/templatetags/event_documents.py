"""{% programme_documents page as links %}: the links to an event's programme
files (PDF, large print, text), made on the first request if missing, then
its braille and audio versions that are ready (`formats`), each with its
format, size and, for audio, duration.

A tag rather than the page's context, so that the page models never import
events.documents (which imports them)."""

from django import template

from events import documents
from events.alternative_formats import SOURCE_KEY
from formats.services import formats_offered

register = template.Library()


@register.simple_tag
def programme_documents(page):
    links = documents.document_links(page)
    if not links:
        return links
    return links + [offer.as_link() for offer in formats_offered(SOURCE_KEY, page)]
