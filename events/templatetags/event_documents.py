"""{% programme_documents page as links %}: the links to an event's programme
files (PDF, large print, text), made on the first request if missing.

A tag rather than the page's context, so that the page models never import
events.documents (which imports them)."""

from django import template

from events import documents

register = template.Library()


@register.simple_tag
def programme_documents(page):
    return documents.document_links(page)
