"""The member's "Share an experience" form (also used to revise a lesson).

"Save draft" needs only a title; "Submit for review" needs the parts an editor cannot
write for them. Either way every typed value comes back with the errors.
"""

from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from taggit.utils import edit_string_for_tags, parse_tags

from network.models import CharterPrinciple
from network.models.lessons import (
    SECTION_HELP,
    GovernmentLevel,
    LessonPage,
    LessonSector,
)

MAX_TAGS = 8
TAG_MAX_LENGTH = 50
TEXT_MAX_LENGTH = 8000
# Needed to submit for review, not to save a draft.
NEEDED_TO_SUBMIT = ("summary", "challenge", "actions", "results", "advice")
ACTION_DRAFT = "draft"
ACTION_SUBMIT = "submit"

MARKDOWN_HELP = _("Leave a blank line between paragraphs; start lines with “- ” for a list.")


def _section(label, name, rows=6):
    return forms.CharField(
        label=label,
        required=False,
        max_length=TEXT_MAX_LENGTH,
        strip=True,
        widget=forms.Textarea(attrs={"rows": rows}),
        help_text=f"{SECTION_HELP[name]} {MARKDOWN_HELP}",
    )


class LessonForm(forms.Form):
    use_required_attribute = False  # "Save draft" must go through with empty fields

    title = forms.CharField(
        label=_("Title"),
        max_length=255,
        help_text=_("What happened, in a few words, e.g. “Publishing every tender as open data”."),
    )
    summary = forms.CharField(
        label=_("In short"),
        required=False,
        max_length=600,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=SECTION_HELP["summary"],
    )
    context = _section(_("The situation before"), "context")
    challenge = _section(_("The challenge"), "challenge")
    actions = _section(_("What you did"), "actions", rows=8)
    results = _section(_("What happened: results and evidence"), "results")
    what_did_not_work = _section(_("What did not work"), "what_did_not_work")
    advice = _section(_("Advice for others"), "advice")
    effort = _section(_("Effort and resources"), "effort", rows=4)
    country = forms.ChoiceField(
        label=_("Country"),
        required=False,
        help_text=_("Where it happened."),
    )
    government_level = forms.ChoiceField(
        label=_("Level of government"),
        required=False,
        choices=[("", _("Not about one government level")), *GovernmentLevel.choices],
    )
    sector = forms.ChoiceField(
        label=_("Policy area"),
        required=False,
        choices=[("", _("Choose the closest area")), *LessonSector.choices],
    )
    principles = forms.ModelMultipleChoiceField(
        label=_("Open Data Charter principles"),
        required=False,
        queryset=CharterPrinciple.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The principles this experience says most about."),
    )
    ogp_commitment = forms.CharField(
        label=_("OGP commitment"),
        required=False,
        max_length=20,
        validators=[
            RegexValidator(
                r"^[A-Z]{2,4}[0-9]{3,4}$",
                _("Use the OGP identifier: country letters and a number, e.g. UY0123."),
            )
        ],
        help_text=_(
            "If this was part of an Open Government Partnership action plan: the "
            "commitment’s identifier, e.g. UY0123."
        ),
    )
    experience_date = forms.DateField(
        label=_("When it happened"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Roughly: the first day of the month is enough."),
    )
    tags = forms.CharField(
        label=_("Tags"),
        required=False,
        max_length=400,
        help_text=_("A few keywords, separated by commas, e.g. procurement, OCDS, e-tendering."),
    )

    def __init__(self, *args, action=ACTION_DRAFT, **kwargs):
        super().__init__(*args, **kwargs)
        self.submitting = action == ACTION_SUBMIT
        self.fields["country"].choices = [("", _("Choose a country")), *countries]
        for name in NEEDED_TO_SUBMIT:
            field = self.fields[name]
            field.required = True
            field.error_messages["required"] = _(
                "Needed before you submit for review (a draft can be saved without it)."
            )

    def full_clean(self):
        """A draft may leave out what only a submission needs; labels still show it."""
        relaxed = [] if self.submitting else [self.fields[name] for name in NEEDED_TO_SUBMIT]
        for field in relaxed:
            field.required = False
        try:
            super().full_clean()
        finally:
            for field in relaxed:
                field.required = True

    STORY_FIELDS = ("title", "summary", *LessonPage.SECTIONS)

    def story_fields(self):
        return [self[name] for name in self.STORY_FIELDS]

    def detail_fields(self):
        return [self[name] for name in self.fields if name not in self.STORY_FIELDS]

    def clean_ogp_commitment(self):
        return self.cleaned_data["ogp_commitment"].upper()

    def clean_tags(self):
        names = parse_tags(self.cleaned_data["tags"])
        if len(names) > MAX_TAGS:
            raise forms.ValidationError(
                _("Use at most %(count)s tags.") % {"count": MAX_TAGS}, code="too_many"
            )
        if any(len(name) > TAG_MAX_LENGTH for name in names):
            raise forms.ValidationError(
                _("Keep each tag under %(length)s characters.") % {"length": TAG_MAX_LENGTH},
                code="too_long",
            )
        return names

    def lesson_fields(self):
        """Keyword arguments for ``network.lessons.services``."""
        data = dict(self.cleaned_data)
        data["principles"] = list(data["principles"])
        return data

    @classmethod
    def initial_for(cls, lesson):
        """The form's values from a lesson (its latest revision, editors' changes too)."""
        initial = {name: getattr(lesson, name) for name in cls.STORY_FIELDS}
        initial.update(
            country=lesson.country.code if lesson.country else "",
            government_level=lesson.government_level,
            sector=lesson.sector,
            ogp_commitment=lesson.ogp_commitment,
            experience_date=lesson.experience_date,
            principles=[principle.pk for principle in lesson.principles.all()],
            tags=edit_string_for_tags(list(lesson.tags.all())),
        )
        return initial
