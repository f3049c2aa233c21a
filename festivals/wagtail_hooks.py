"""The edition's application form, and a nomination takes applications only
through it, which places the applicant as an entry: the nomination's own
register/ address leads there, with the nomination chosen."""

from django.http import HttpResponseRedirect
from wagtail import hooks

from competitions.models import CompetitionPage
from festivals import views
from festivals.models import APPLICATION_VIEW_HOOK, FestivalEditionPage

# The edition's register/ route hands over to this view (core.page_views).
hooks.register(APPLICATION_VIEW_HOOK, views.apply)


@hooks.register("before_serve_page")
def nominations_apply_through_their_edition(page, request, serve_args, serve_kwargs):
    if not isinstance(page, CompetitionPage):
        return None
    if request.path != page.get_url(request) + page.reverse_subpage("register"):
        return None
    edition = page.get_parent().specific
    if not isinstance(edition, FestivalEditionPage):
        return None
    url = edition.get_url(request) + edition.reverse_subpage("register")
    return HttpResponseRedirect(f"{url}?nomination={page.pk}")
