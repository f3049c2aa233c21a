"""Programme documents. Placeholder: being written."""

from django.http import HttpResponse


def document_links(page):
    return []


def document_response(request, page, *, variant, extension):
    return HttpResponse(status=501)


def ensure_documents(page):
    return []
