"""The judges' screens in the Wagtail admin, under /admin/judging/.

    ""                                  the competitions the user judges
    "<competition_id>/"                 entries and the judge's progress; the
                                        chair also sees the live standings
    "<competition_id>/entry/<id>/"      one entry's scores (or measured result):
                                        a plain form POST, then the next entry
    "<competition_id>/grid/",           every entry at once, one table per
    "<competition_id>/grid/<category>/" category (or one category): one Save
                                        saves every row; a script saves each
                                        row as the judge leaves it
    "<competition_id>/close/", "reopen/", "publish/"   the chair's actions

Only the competition's jury may open its screens (others are refused with
the admin's "no permission" message). Until
judging is closed a judge sees only their own scores; the chair sees all.
Everything works without JavaScript.
"""

from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import FormView, TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from certificates.admin_views import can as certificates_can
from competitions.enums import JudgingState, ResultType
from competitions.judging_forms import (
    ConfirmForm,
    MeasuredResultForm,
    MeasuredResultGrid,
    PublishForm,
    ScoreForm,
    ScoreGrid,
    criterion_field_name,
)
from competitions.models import (
    Category,
    CompetitionPage,
    Entry,
    JuryMember,
    MeasuredResult,
    Score,
)
from competitions.services import (
    JudgingError,
    judging_close,
    judging_reopen,
    jury_seat,
    missing_scores,
    result_record,
    results_publish,
    scores_save,
)
from competitions.standings import competition_standings, format_result

NS = "judging"


def url(name, *args):
    return reverse(f"{NS}:{name}", args=args)


class JudgingIndexView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "competitions/admin/index.html"
    page_title = gettext_lazy("Judging")
    header_icon = "pick"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        seats = (
            JuryMember.objects.filter(user=self.request.user)
            .select_related("competition")
            .order_by("-competition__start", "competition__pk")
        )
        # A translated copy of a competition carries the jury too, but is
        # judged through the original (CompetitionPage.judged): list that once.
        context["seats"] = [
            {
                "competition": seat.competition,
                "is_chair": seat.is_chair,
                "url": url("competition", seat.competition_id),
            }
            for seat in seats
            if seat.competition.judged.pk == seat.competition_id
        ]
        return context


class JuryMixin(WagtailAdminTemplateMixin):
    """The competition from the URL and the user's seat on its jury (or refused)."""

    header_icon = "pick"
    chair_only = False

    def dispatch(self, request, *args, **kwargs):
        competition = get_object_or_404(CompetitionPage, pk=kwargs["competition_id"])
        if competition.judged.pk != competition.pk:
            # A translation: the entries and scores are on the judged competition.
            return redirect(url("competition", competition.judged.pk))
        self.competition = competition
        self.seat = jury_seat(self.competition, request.user)
        if self.seat is None or (self.chair_only and not self.seat.is_chair):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        items = self.breadcrumbs_items + [
            {"url": url("index"), "label": _("Judging")},
            {"url": url("competition", self.competition.pk), "label": self.competition.title},
        ]
        if self.get_page_title() != self.competition.title:
            items.append({"url": "", "label": self.get_page_title()})
        return items

    @cached_property
    def entries(self) -> list[Entry]:
        return list(Entry.objects.filter(competition=self.competition).for_results())

    @property
    def sees_all_scores(self) -> bool:
        return self.seat.is_chair or self.competition.judging_state != JudgingState.OPEN


class CompetitionJudgingView(JuryMixin, TemplateView):
    template_name = "competitions/admin/competition.html"

    def get_page_title(self):
        return self.competition.title

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        competition = self.competition
        criteria = list(competition.criteria.all())
        mine = {}
        if competition.is_measured:
            results = MeasuredResult.objects.filter(entry__competition=competition)
            for result in results:
                mine[result.entry_id] = (
                    format_result(competition, result.value) or result.get_status_display()
                )
            rows = [
                {
                    "entry": e,
                    "done": e.pk in mine,
                    "summary": mine.get(e.pk, ""),
                    "url": url("entry", competition.pk, e.pk),
                }
                for e in self.entries
            ]
        else:
            for entry_id, criterion_id, value in Score.objects.filter(
                entry__competition=competition, judge=self.request.user
            ).values_list("entry_id", "criterion_id", "value"):
                mine.setdefault(entry_id, {})[criterion_id] = value
            rows = [
                {
                    "entry": e,
                    "done": len(mine.get(e.pk, {})) == len(criteria),
                    "summary": ", ".join(
                        f"{c.name} {mine[e.pk][c.pk].normalize():f}"
                        for c in criteria
                        if c.pk in mine.get(e.pk, {})
                    ),
                    "url": url("entry", competition.pk, e.pk),
                }
                for e in self.entries
            ]
        context.update(
            {
                "competition": competition,
                "seat": self.seat,
                "rows": rows,
                "done_count": sum(1 for r in rows if r["done"]),
                "state": competition.judging_state,
                "is_open": competition.judging_state == JudgingState.OPEN,
                "is_closed": competition.judging_state == JudgingState.CLOSED,
                "is_published": competition.judging_state == JudgingState.PUBLISHED,
                "diplomas_url": reverse("diplomas:issue", args=[competition.pk])
                if competition.judging_state == JudgingState.PUBLISHED
                and certificates_can(self.request.user, "add")
                else "",
            }
        )
        context["withdrawn"] = list(
            Entry.objects.withdrawn()
            .filter(competition=competition)
            .select_related("registration__person", "category")
            .order_by("withdrawn_at", "pk")
        )
        if self.sees_all_scores:
            context["tables"] = competition_standings(competition)
            context["missing_count"] = len(missing_scores(competition))
        return context


class EntryJudgingView(JuryMixin, FormView):
    """One entry: its scores by this judge (or its measured result), saved by a
    plain POST; then the next entry in the running order."""

    template_name = "competitions/admin/entry.html"

    @cached_property
    def entry(self) -> Entry:
        return get_object_or_404(
            Entry.objects.select_related("registration__person", "category"),
            pk=self.kwargs["entry_id"],
            competition=self.competition,
        )

    def get(self, request, *args, **kwargs):
        return self.withdrawn_response() or super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        return self.withdrawn_response() or super().post(request, *args, **kwargs)

    def withdrawn_response(self):
        """A withdrawn entry (its registration was cancelled) is not judged:
        back to the overview, which lists it as withdrawn."""
        if self.entry.withdrawn_at is None:
            return None
        messages.warning(
            self.request,
            _("%(name)s has withdrawn from the competition: the entry is no longer judged.")
            % {"name": self.entry.participant_name},
        )
        return redirect(url("competition", self.competition.pk))

    @cached_property
    def criteria(self):
        return list(self.competition.criteria.all())

    def get_page_title(self):
        return _("Entry %(number)s of %(count)s: %(name)s") % {
            "number": self.position + 1,
            "count": len(self.entries),
            "name": self.entry.participant_name,
        }

    @cached_property
    def position(self) -> int:
        return [e.pk for e in self.entries].index(self.entry.pk)

    def get_form_class(self):
        return MeasuredResultForm if self.competition.is_measured else ScoreForm

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["entry"] = self.entry
        if self.competition.is_measured:
            kwargs["competition"] = self.competition
            result = MeasuredResult.objects.filter(entry=self.entry).first()
            if result is not None and "data" not in kwargs:
                kwargs["initial"] = {
                    "status": result.status,
                    "result": format_result(self.competition, result.value).removesuffix(
                        f" {self.competition.unit}"
                    ),
                }
        else:
            kwargs["criteria"] = self.criteria
            kwargs["initial_scores"] = dict(
                Score.objects.filter(entry=self.entry, judge=self.request.user).values_list(
                    "criterion_id", "value"
                )
            )
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        previous_entry = self.entries[self.position - 1] if self.position > 0 else None
        next_entry = (
            self.entries[self.position + 1] if self.position + 1 < len(self.entries) else None
        )
        context.update(
            {
                "competition": self.competition,
                "entry": self.entry,
                "is_open": self.competition.judging_state == JudgingState.OPEN,
                "previous_url": previous_entry
                and url("entry", self.competition.pk, previous_entry.pk),
                "next_url": next_entry and url("entry", self.competition.pk, next_entry.pk),
                "overview_url": url("competition", self.competition.pk),
                "grid_url": url("grid", self.competition.pk) + f"#entry-{self.entry.pk}",
                "field_names": [criterion_field_name(c) for c in self.criteria],
            }
        )
        return context

    def form_valid(self, form):
        try:
            if self.competition.is_measured:
                result_record(
                    entry=self.entry,
                    user=self.request.user,
                    status=form.cleaned_data["status"],
                    value=form.cleaned_data["value"],
                )
                message = _("Result of %(name)s saved.")
            else:
                scores = form.scores()
                scores_save(entry=self.entry, judge=self.request.user, values=scores)
                message = _("Scores for %(name)s saved.")
        except JudgingError as error:
            # Nothing the judge typed is lost: the form comes back as sent.
            form.add_error(None, error.message)
            return self.form_invalid(form)
        if not self.competition.is_measured and not scores:
            messages.warning(
                self.request,
                _("No score was entered for %(name)s.") % {"name": self.entry.participant_name},
            )
        else:
            messages.success(self.request, message % {"name": self.entry.participant_name})
        if self.position + 1 < len(self.entries):
            return redirect(url("entry", self.competition.pk, self.entries[self.position + 1].pk))
        return redirect(url("competition", self.competition.pk))


class GridJudgingView(JuryMixin, TemplateView):
    """Every entry of the competition (or of one category) in a table per
    category: entries as rows, criteria (or outcome and result) as columns.
    One Save saves every row; inputs that cannot be saved keep what was typed
    and are listed in the error summary, the others are saved all the same.
    A request that asks for JSON (the script that saves a row as the judge
    leaves it) gets each input's errors and what it now holds instead."""

    template_name = "competitions/admin/grid.html"

    @cached_property
    def category(self) -> Category | None:
        if "category_id" not in self.kwargs:
            return None
        return get_object_or_404(
            Category, pk=self.kwargs["category_id"], competition=self.competition
        )

    def get_page_title(self):
        if self.competition.is_measured:
            title = _("Results in a grid")
        else:
            title = _("Your scores in a grid")
        if self.category is None:
            return title
        return _("%(title)s: %(category)s") % {"title": title, "category": self.category.name}

    def get_header_title(self):
        # The heading and the window's title name the competition: a judge
        # with several tabs open hears which grid this is.
        return _("%(title)s — %(competition)s") % {
            "title": self.get_page_title(),
            "competition": self.competition.title,
        }

    @property
    def is_open(self) -> bool:
        return self.competition.judging_state == JudgingState.OPEN

    def get_grid(self, data=None):
        grid_class = MeasuredResultGrid if self.competition.is_measured else ScoreGrid
        entries = [
            e for e in self.entries if self.category is None or e.category_id == self.category.pk
        ]
        return grid_class(
            competition=self.competition, entries=entries, judge=self.request.user, data=data
        )

    def columns(self, grid) -> list[dict]:
        if not self.competition.is_measured:
            return [
                {
                    "name": c.name,
                    "detail": _("out of %(maximum)s") % {"maximum": f"{c.maximum.normalize():f}"},
                }
                for c in grid.criteria
            ]
        if self.competition.result_type == ResultType.TIME:
            result = {"name": _("Time"), "detail": _("like 1:02.35 or 59.90")}
        else:
            result = {
                "name": _("Result"),
                "detail": _("in %(unit)s") % {"unit": self.competition.unit},
            }
        return [{"name": _("Outcome"), "detail": ""}, result]

    def get_context_data(self, grid=None, **kwargs):
        context = super().get_context_data(**kwargs)
        competition = self.competition
        grid = grid or self.get_grid()
        categories = list(competition.categories.all())
        tables = []
        for category in categories:
            rows = [row for row in grid.rows if row.entry.category_id == category.pk]
            if rows:
                tables.append({"category": category, "rows": rows})
        errors = grid.errors
        if competition.is_measured:
            note = _("Every other result you entered is saved.")
        else:
            note = _("Every other score you typed is saved.")
        context.update(
            {
                "competition": competition,
                "columns": self.columns(grid),
                "tables": tables,
                "is_open": self.is_open,
                "editable": self.is_open or grid.is_bound,
                "errors": errors,
                "non_field_errors": grid.non_field_errors,
                "problem_count": len(errors) or len(grid.non_field_errors),
                "summary_note": note if self.is_open else _("Nothing is saved."),
                "categories": [
                    {
                        "name": c.name,
                        "url": url("grid_category", competition.pk, c.pk),
                        "current": self.category is not None and c.pk == self.category.pk,
                    }
                    for c in categories
                ]
                if len(categories) > 1
                else [],
                "all_url": url("grid", competition.pk),
                "one_entry_url": grid.rows and url("entry", competition.pk, grid.rows[0].entry.pk),
                "overview_url": url("competition", competition.pk),
            }
        )
        return context

    def post(self, request, *args, **kwargs):
        grid = self.get_grid(request.POST)
        saved = grid.save()
        if request.headers.get("Accept") == "application/json":
            return JsonResponse(self.report(grid))
        if grid.errors or grid.non_field_errors:
            return self.render_to_response(self.get_context_data(grid=grid))
        if not saved:
            messages.info(request, _("Nothing was changed."))
        elif self.competition.is_measured:
            messages.success(
                request,
                ngettext(
                    "Results are saved for %(count)s entry.",
                    "Results are saved for %(count)s entries.",
                    len(saved),
                )
                % {"count": len(saved)},
            )
        else:
            messages.success(
                request,
                ngettext(
                    "Your scores are saved for %(count)s entry.",
                    "Your scores are saved for %(count)s entries.",
                    len(saved),
                )
                % {"count": len(saved)},
            )
        return redirect(request.path)

    def report(self, grid) -> dict:
        """What the script needs after saving a row: each input's errors and
        the value the page now shows for it, and a sentence to announce."""
        fields = {}
        said = [str(error) for error in grid.non_field_errors]
        for row in grid.rows:
            if not row.bound:
                continue
            for cell in row.cells:
                fields[cell.field.auto_id] = {
                    "errors": [str(e) for e in cell.field.errors],
                    "was_name": cell.was_name,
                    "was": cell.was,
                }
            problems = len(row.errors)
            name = row.entry.participant_name
            if problems:
                said.append(
                    ngettext(
                        "Not saved: %(name)s, %(count)s problem.",
                        "Not saved: %(name)s, %(count)s problems.",
                        problems,
                    )
                    % {"name": name, "count": problems}
                )
            else:
                said.append(_("Saved: %(name)s.") % {"name": name})
        return {"message": " ".join(said), "fields": fields}


class ChairActionView(JuryMixin, FormView):
    """GET asks, POST does (close judging, open it again)."""

    chair_only = True
    template_name = "competitions/admin/chair_action.html"
    form_class = ConfirmForm
    question = ""
    button_label = ""

    def perform(self):
        raise NotImplementedError

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            {
                "competition": self.competition,
                "question": self.question,
                "button_label": self.button_label,
                "back_url": url("competition", self.competition.pk),
            }
        )
        return context

    def form_valid(self, form):
        try:
            message = self.perform()
        except JudgingError as error:
            messages.error(self.request, error.message)
        else:
            messages.success(self.request, message)
        return redirect(url("competition", self.competition.pk))


class CloseView(ChairActionView):
    page_title = gettext_lazy("Close judging")
    question = gettext_lazy(
        "When judging is closed no judge can change a score, and every judge sees all scores."
    )
    button_label = gettext_lazy("Close judging")

    def perform(self):
        judging_close(competition=self.competition, user=self.request.user)
        return _("Judging is closed.")


class ReopenView(ChairActionView):
    page_title = gettext_lazy("Open judging again")
    question = gettext_lazy("Judges can change their scores again until you close judging.")
    button_label = gettext_lazy("Open judging again")

    def perform(self):
        judging_reopen(competition=self.competition, user=self.request.user)
        return _("Judging is open again.")


class PublishView(JuryMixin, FormView):
    """The chair publishes the results; told first which scores are missing."""

    chair_only = True
    template_name = "competitions/admin/publish.html"
    form_class = PublishForm
    page_title = gettext_lazy("Publish the results")

    @cached_property
    def missing(self):
        return missing_scores(self.competition)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "missing": len(self.missing)}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            {
                "competition": self.competition,
                "missing": self.missing,
                "is_closed": self.competition.judging_state == JudgingState.CLOSED,
                "back_url": url("competition", self.competition.pk),
            }
        )
        return context

    def form_valid(self, form):
        try:
            results_publish(
                competition=self.competition,
                user=self.request.user,
                decision=form.cleaned_data["decision"],
            )
        except JudgingError as error:
            form.add_error(None, error.message)
            return self.form_invalid(form)
        messages.success(self.request, _("The results are published."))
        return redirect(url("competition", self.competition.pk))
