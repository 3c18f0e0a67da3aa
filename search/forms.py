from django import forms
from django.utils.translation import gettext_lazy as _

from search.models import Kind

#: Longer queries are cut, never refused: a search always answers.
QUERY_LIMIT = 200

SORTS = [("relevance", _("Most relevant")), ("newest", _("Newest first"))]
DATES = [
    ("upcoming", _("Upcoming")),  # events and live sessions still to come
    ("week", _("Past week")),
    ("month", _("Past month")),
    ("year", _("Past year")),
    ("older", _("More than a year ago")),
]


class SearchForm(forms.Form):
    """The search page's URL: the words and every filter. A value that is not one of the
    choices is dropped (the filter is off), so a hand-edited URL still gets an answer."""

    q = forms.CharField(label=_("Search for"), required=False, strip=True)
    type = forms.ChoiceField(label=_("Type"), choices=Kind.choices, required=False)
    network = forms.SlugField(label=_("Network"), required=False, allow_unicode=True)
    principle = forms.SlugField(label=_("Principle"), required=False, allow_unicode=True)
    country = forms.RegexField(label=_("Country"), regex=r"^[A-Za-z]{2}$", required=False)
    date = forms.ChoiceField(label=_("Date"), choices=DATES, required=False)
    mine = forms.BooleanField(label=_("Only my networks"), required=False)
    sort = forms.ChoiceField(label=_("Sort by"), choices=SORTS, required=False)
    page = forms.IntegerField(min_value=1, max_value=1000, required=False)

    def clean_q(self):
        text = "".join(ch for ch in self.cleaned_data["q"] if ch.isprintable())
        return " ".join(text.split())[:QUERY_LIMIT]

    def params(self):
        """The valid values, with every invalid one turned off."""
        self.is_valid()
        values = {name: self.cleaned_data.get(name) for name in self.fields}
        values["country"] = (values["country"] or "").upper()
        values["sort"] = values["sort"] or "relevance"
        values["page"] = values["page"] or 1
        values["q"] = values["q"] or ""
        return {name: value if value is not None else "" for name, value in values.items()}
