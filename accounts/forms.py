from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class SignupForm(forms.Form):
    """Extra sign-up fields for allauth (ACCOUNT_SIGNUP_FORM_CLASS)."""

    display_name = forms.CharField(
        label=_("Your name"),
        max_length=100,
        help_text=_("How your name appears to others, for example “Ana Pérez”."),
    )
    accept_terms = forms.BooleanField(
        label=_("I accept the terms of use and the privacy notice."),
        error_messages={"required": _("Please accept the terms of use and the privacy notice.")},
    )

    def signup(self, request, user):
        user.display_name = self.cleaned_data["display_name"]
        user.terms_accepted_at = timezone.now()
        user.save(update_fields=["display_name", "terms_accepted_at"])
