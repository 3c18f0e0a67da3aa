from django import forms
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from accounts import email_kinds
from accounts.models import Affiliation, Organisation, User
from accounts.models.users import language_choices, time_zone_choices

# The demo seed (and any real site) publishes these as standard pages.
TERMS_URL = "/terms/"
PRIVACY_URL = "/privacy/"


def _consent_help_text():
    return format_html(
        gettext("Read the {terms} and the {privacy} before you accept."),
        terms=format_html('<a href="{}">{}</a>', TERMS_URL, gettext("terms of use")),
        privacy=format_html('<a href="{}">{}</a>', PRIVACY_URL, gettext("privacy notice")),
    )


class SignupForm(forms.Form):
    """Extra sign-up fields for allauth (ACCOUNT_SIGNUP_FORM_CLASS)."""

    # allauth's own fields (email, password1, password2) slot in between ours.
    field_order = ["display_name", "email", "password1", "password2", "accept_terms"]

    display_name = forms.CharField(
        label=_("Your name"),
        max_length=100,
        help_text=_("How your name appears to others, for example “Ana Pérez”."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    accept_terms = forms.BooleanField(
        label=_("I accept the terms of use and the privacy notice."),
        help_text=lazy(_consent_help_text, SafeString)(),
        error_messages={"required": _("Please accept the terms of use and the privacy notice.")},
    )

    def signup(self, request, user):
        """Called by allauth once the user row exists: record the consent and its date."""
        user.display_name = self.cleaned_data["display_name"]
        user.terms_accepted_at = timezone.now()
        user.save(update_fields=["display_name", "terms_accepted_at"])


class ProfileForm(forms.ModelForm):
    """The person's own profile, plus the organisation they claim to belong to."""

    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.order_by("name"),
        required=False,
        empty_label=_("None, or not listed"),
        help_text=_(
            "Staff verify that you work there before it counts for anything. "
            "A verified organisation stays on your profile."
        ),
    )
    job_title = forms.CharField(
        label=_("Job title"),
        max_length=Affiliation._meta.get_field("job_title").max_length,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "organization-title"}),
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages you work in"),
        choices=language_choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Choose languages from the list.")},
    )
    time_zone = forms.ChoiceField(
        label=_("Time zone"),
        choices=time_zone_choices,
        help_text=_("Event times are shown to you in this time zone."),
        error_messages={"invalid_choice": _("Choose a time zone from the list.")},
    )

    class Meta:
        model = User
        fields = [
            "display_name",
            "country",
            "bio",
            "languages",
            "time_zone",
            "profile_public",
        ]
        widgets = {
            "display_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "bio": forms.Textarea(attrs={"rows": 5}),
        }

    field_order = [
        "display_name",
        "organisation",
        "job_title",
        "country",
        "bio",
        "languages",
        "time_zone",
        "profile_public",
    ]

    def __init__(self, *args, current_affiliation=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].widget.attrs["autocomplete"] = "country"
        if current_affiliation is not None:
            self.initial.setdefault("organisation", current_affiliation.organisation_id)
            self.initial.setdefault("job_title", current_affiliation.job_title)

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("job_title") and not cleaned_data.get("organisation"):
            self.add_error("organisation", _("Choose the organisation this job title is at."))
        return cleaned_data

    def profile_changes(self):
        """The validated values of the User fields, for ``services.update_profile``."""
        return {name: self.cleaned_data[name] for name in self._meta.fields}


class EmailPreferencesForm(forms.Form):
    """One master switch and one switch per registered kind of notification."""

    email_notifications = forms.BooleanField(
        label=_("Email me my notifications"),
        required=False,
        help_text=_("Off: you still see every notification on the site, and get no email."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.kinds = email_kinds.registered()
        self.initial["email_notifications"] = user.email_notifications
        opted_out = set(user.email_opt_outs or [])
        for index, kind in enumerate(self.kinds):
            name = self.kind_field_name(index)
            self.fields[name] = forms.BooleanField(label=kind.label, required=False)
            self.initial[name] = kind.verb not in opted_out

    @staticmethod
    def kind_field_name(index):
        return f"kind_{index}"

    def kind_fields(self):
        return [self[self.kind_field_name(index)] for index in range(len(self.kinds))]

    def opted_out(self):
        """The verbs switched off, for ``services.set_email_preferences``."""
        return [
            kind.verb
            for index, kind in enumerate(self.kinds)
            if not self.cleaned_data[self.kind_field_name(index)]
        ]
