from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries as all_countries

from accounts.models.users import language_choices

TEXT_MAX_LENGTH = 100


class DirectoryFilterForm(forms.Form):
    """The expert directory's filters; they combine. Choices list only what some
    published expert has, so no filter leads to an empty page."""

    q = forms.CharField(label=_("Name or keyword"), required=False, max_length=TEXT_MAX_LENGTH)
    principle = forms.ChoiceField(label=_("Open Data Charter principle"), required=False)
    topic = forms.ChoiceField(label=_("Topic"), required=False)
    language = forms.ChoiceField(label=_("Language"), required=False)
    country = forms.ChoiceField(label=_("Country of experience"), required=False)

    def __init__(self, data, *, principles, topics, languages, countries):
        super().__init__(data)
        self.fields["principle"].choices = [("", _("All principles"))] + [
            (principle.slug, principle.name) for principle in principles
        ]
        self.fields["topic"].choices = [("", _("All topics"))] + [
            (tag.slug, tag.name) for tag in topics
        ]
        names = dict(language_choices())
        self.fields["language"].choices = [("", _("All languages"))] + sorted(
            ((code, names.get(code, code)) for code in languages),
            key=lambda choice: str(choice[1]).casefold(),
        )
        self.fields["country"].choices = [("", _("All countries"))] + sorted(
            ((code, all_countries.name(code)) for code in countries),
            key=lambda choice: str(choice[1]).casefold(),
        )

    def filters(self):
        """The valid filters as ``{name: value}``; an unknown choice is ignored."""
        if not self.is_valid():
            return {
                name: value
                for name, value in self.cleaned_data.items()
                if value and name not in self.errors
            }
        return {name: value for name, value in self.cleaned_data.items() if value}
