"""iCalendar feeds (RFC 5545). Placeholder: being written."""

from django.http import HttpResponse


def event_feed_response(request, page):
    return HttpResponse(status=501)


def index_feed_response(request, index_page, kind_slug=None):
    return HttpResponse(status=501)


def personal_feed_response(request, token):
    return HttpResponse(status=501)
