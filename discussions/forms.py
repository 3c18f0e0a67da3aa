from django import forms
from django.utils.translation import gettext_lazy as _
from taggit.utils import parse_tags

from discussions.models import ThreadKind
from discussions.models.threads import MEMBER_KINDS, TITLE_MAX_LENGTH
from network.models import CharterPrinciple

#: Longer texts are refused with a message (abuse limit; also keeps pages light).
BODY_MAX_LENGTH = 20_000
MAX_TAGS = 5
TAG_MAX_LENGTH = 40

MARKDOWN_HELP = _(
    "Markdown works: **bold**, *italic*, [a link](https://example.org), lists, "
    "> quotes, `code` and tables. Mention someone with @ and their handle."
)


class BodyField(forms.CharField):
    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", BODY_MAX_LENGTH)
        kwargs.setdefault("strip", False)
        kwargs.setdefault(
            "error_messages",
            {
                "max_length": _(
                    "This is too long: keep it under %(limit_value)s characters "
                    "(it has %(show_value)s). Split it into two posts, or link to a "
                    "document."
                ),
            },
        )
        super().__init__(widget=forms.Textarea(attrs={"rows": 8}), **kwargs)

    def clean(self, value):
        value = super().clean(value)
        if self.required and not value.strip():
            raise forms.ValidationError(self.error_messages["required"], code="required")
        return value


class ThreadForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("What is it?"),
        choices=[(kind.value, kind.label) for kind in MEMBER_KINDS],
        initial=ThreadKind.DISCUSSION,
        widget=forms.RadioSelect,
        help_text=_("A question can have one reply marked as its accepted answer."),
    )
    title = forms.CharField(
        label=_("Title"),
        max_length=TITLE_MAX_LENGTH,
        help_text=_("One line that says what it is about."),
    )
    body = BodyField(label=_("Text"), help_text=MARKDOWN_HELP)
    tags = forms.CharField(
        label=_("Tags"),
        required=False,
        max_length=300,
        help_text=_("Up to five, separated by commas, for example: procurement, budgets."),
    )
    principles = forms.ModelMultipleChoiceField(
        label=_("Open Data Charter principles"),
        queryset=CharterPrinciple.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].error_messages["required"] = _("Write what you want to discuss.")
        self.fields["title"].error_messages["required"] = _("Give your thread a title.")

    def clean_title(self):
        title = " ".join(self.cleaned_data["title"].split())
        if not title:
            raise forms.ValidationError(_("Give your thread a title."), code="required")
        return title

    def clean_tags(self):
        tags = [" ".join(tag.split()) for tag in parse_tags(self.cleaned_data["tags"])]
        tags = [tag for tag in tags if tag]
        if len(tags) > MAX_TAGS:
            raise forms.ValidationError(
                _("Use at most %(count)s tags."), params={"count": MAX_TAGS}, code="max_tags"
            )
        too_long = [tag for tag in tags if len(tag) > TAG_MAX_LENGTH]
        if too_long:
            raise forms.ValidationError(
                _("Keep each tag under %(length)s characters."),
                params={"length": TAG_MAX_LENGTH},
                code="tag_length",
            )
        return tags


class PostForm(forms.Form):
    body = BodyField(label=_("Your reply"), help_text=MARKDOWN_HELP)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].error_messages["required"] = _("Write your reply first.")
