"""Placeholder: the event index views are being written."""

from django.http import HttpResponse


def event_index(request, index_page, *, past):
    return HttpResponse(status=501)
