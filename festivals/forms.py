"""The application form of a festival edition: the events kernel's
registration form with the nomination to apply for and the work performed."""

from django import forms
from django.utils.translation import gettext_lazy as _

from competitions.models import CompetitionPage
from registrations.forms import RegistrationForm, TextField


class NominationField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.title


class ApplicationForm(RegistrationForm):
    """`nominations` are the edition's nominations that take applications now:
    any other choice (another edition's, a closed one) is refused."""

    NOMINATION_FIELDS = ("nomination", "work_title", "work_author")

    nomination = NominationField(
        label=_("Nomination"),
        queryset=CompetitionPage.objects.none(),
        empty_label=None,
        widget=forms.RadioSelect,
        help_text=_("Choose the one nomination you apply for."),
    )
    work_title = TextField(
        label=_("Title of the work you will perform"),
        max_length=255,
        required=False,
        help_text=_("For example, the title of a poem, a song or a kui."),
    )
    work_author = TextField(
        label=_("Author of the work"),
        max_length=200,
        required=False,
        help_text=_("For example: Mukagali Makatayev, or “folk song”."),
    )

    def __init__(self, *args, edition, nominations, **kwargs):
        super().__init__(*args, event=edition, **kwargs)
        self.edition = edition
        # The nomination comes first on the page: so do its errors in the summary.
        self.order_fields(self.NOMINATION_FIELDS)
        self.fields["nomination"].queryset = CompetitionPage.objects.filter(
            pk__in=[nomination.pk for nomination in nominations]
        ).order_by("path")
        self.fields["nomination"].error_messages.update(
            {
                "required": _("Choose the nomination you apply for."),
                "invalid_choice": _(
                    "Choose one of the nominations listed: only they take applications now."
                ),
            }
        )

    def nomination_fields(self):
        return self._bound(self.NOMINATION_FIELDS)
