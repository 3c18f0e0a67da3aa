from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from discussions.models.moderation import (
    REASON_DETAILS_MAX_LENGTH,
    SUSPENSION_REASON_MAX_LENGTH,
    FlagReason,
)
from network.rendering import clean_text

MAX_SUSPENSION = timedelta(days=3650)


def _tidy(text):
    """Plain text as typed (shown escaped), minus control characters, trimmed."""
    return clean_text(text).strip()


class FlagForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("What is wrong with it?"),
        choices=FlagReason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose a reason.")},
    )
    details = forms.CharField(
        label=_("Anything moderators should know"),
        required=False,
        strip=False,
        max_length=REASON_DETAILS_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Only moderators read this. Needed when you choose “Something else”."),
        error_messages={
            "max_length": _("Keep it under %(limit_value)s characters (it has %(show_value)s).")
        },
    )

    def clean_details(self):
        return _tidy(self.cleaned_data["details"])

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("reason") == FlagReason.OTHER and not cleaned.get("details"):
            self.add_error("details", _("Tell the moderators what is wrong."))
        return cleaned


class MoveThreadForm(forms.Form):
    """Where to move a thread: one of ``networks`` (fetched once, in one query)."""

    network = forms.TypedChoiceField(
        label=_("Move to"),
        coerce=int,
        error_messages={"invalid_choice": _("Choose a network you moderate.")},
    )

    def __init__(self, *args, networks, **kwargs):
        super().__init__(*args, **kwargs)
        self.networks = {network.pk: network for network in networks}
        self.fields["network"].choices = [
            (pk, network.title) for pk, network in self.networks.items()
        ]

    def clean_network(self):
        return self.networks[self.cleaned_data["network"]]


class SuspensionForm(forms.Form):
    """An editor suspends a member (the admin's "Suspend a member" screen)."""

    user = forms.ModelChoiceField(
        label=_("Member"),
        queryset=User.objects.filter(is_active=True, is_staff=False).order_by(
            "display_name", "username"
        ),
        error_messages={"required": _("Choose the member to suspend.")},
    )
    reason = forms.CharField(
        label=_("Reason"),
        strip=False,
        max_length=SUSPENSION_REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Shown to the member with the end date: say which rule of the code of conduct "
            "was broken."
        ),
        error_messages={
            "required": _("Give the reason: the member is told it."),
            "max_length": _("Keep it under %(limit_value)s characters (it has %(show_value)s)."),
        },
    )
    ends_at = forms.DateTimeField(
        label=_("Suspended until"),
        help_text=_("The member can post again from this moment."),
        error_messages={"required": _("Choose when the suspension ends.")},
    )
    hide_all = forms.BooleanField(
        label=_("Also hide everything they have posted"),
        required=False,
        help_text=_("For spammers: hides all their threads and replies at once."),
    )

    def clean_reason(self):
        reason = _tidy(self.cleaned_data["reason"])
        if not reason:
            raise forms.ValidationError(_("Give the reason: the member is told it."))
        return reason

    def clean_ends_at(self):
        ends_at = self.cleaned_data["ends_at"]
        now = timezone.now()
        if ends_at <= now:
            raise forms.ValidationError(_("Choose a moment in the future."))
        if ends_at > now + MAX_SUSPENSION:
            raise forms.ValidationError(_("Suspend for at most ten years."))
        return ends_at
