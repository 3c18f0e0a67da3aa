from django import forms
from django.utils.translation import gettext_lazy as _

from network.models.events import EventFormat
from network.rendering import clean_text

ANSWER_MAX_LENGTH = 1000


class RegistrationForm(forms.Form):
    """Registering: one text field per question the editors asked (none: just a button)."""

    def __init__(self, *args, questions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        for question in self.questions:
            self.fields[self.field_name(question)] = forms.CharField(
                label=question.label,
                help_text=question.help_text,
                required=question.required,
                max_length=ANSWER_MAX_LENGTH,
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    @staticmethod
    def field_name(question):
        return f"question_{question.pk}"

    def answers(self):
        """``{question: text}`` of the valid form (control characters replaced)."""
        return {
            question: clean_text(self.cleaned_data.get(self.field_name(question), "")).strip()
            for question in self.questions
        }


class EventFilterForm(forms.Form):
    """The listing's filters: a GET form, every field optional."""

    WHEN_CHOICES = [("upcoming", _("Upcoming")), ("past", _("Past"))]

    when = forms.ChoiceField(
        label=_("When"), choices=WHEN_CHOICES, required=False, initial="upcoming"
    )
    format = forms.ChoiceField(label=_("Format"), required=False)
    network = forms.ChoiceField(label=_("Network"), required=False)
    principle = forms.ChoiceField(label=_("Principle"), required=False)
    language = forms.ChoiceField(label=_("Language"), required=False)

    def __init__(self, *args, networks=(), principles=(), languages=(), **kwargs):
        super().__init__(*args, **kwargs)
        anything = [("", _("Any"))]
        self.fields["format"].choices = anything + list(EventFormat.choices)
        self.fields["network"].choices = (
            anything
            + [("site", _("Open to everyone (site-wide)"))]
            + [(network.slug, network.title) for network in networks]
        )
        self.fields["principle"].choices = anything + [(p.slug, p.name) for p in principles]
        self.fields["language"].choices = anything + list(languages)

    def value(self, name):
        """The valid value of a filter, or ``""`` (an invalid one is reported and ignored)."""
        if not self.is_bound or not self.is_valid() and name in self.errors:
            return self.fields[name].initial or ""
        return self.cleaned_data.get(name) or self.fields[name].initial or ""
