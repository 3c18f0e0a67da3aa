"""Front-end forms for membership. Each action form names its membership by id and only
accepts ids from *this* network in the right state, so a tampered or stale id gets a
clear message and changes nothing.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import Sector
from network.models import Membership, Role


class JoinRequestForm(forms.Form):
    message = forms.CharField(
        label=_("Message to the facilitators"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("A sentence or two about your work and what you hope to learn."),
    )


class _MembershipChoiceForm(forms.Form):
    membership = forms.ModelChoiceField(
        queryset=Membership.objects.none(), widget=forms.HiddenInput
    )
    invalid_message = ""

    def __init__(self, *args, network, **kwargs):
        super().__init__(*args, **kwargs)
        self.network = network
        field = self.fields["membership"]
        field.queryset = self.get_queryset(Membership.objects.for_network(network))
        field.error_messages = {
            "required": self.invalid_message,
            "invalid_choice": self.invalid_message,
        }

    def get_queryset(self, queryset):
        return queryset.select_related("user", "network")


class MembershipDecisionForm(_MembershipChoiceForm):
    """Approve or decline: only pending requests of this network."""

    invalid_message = _(
        "This request has already been handled or does not belong to this network."
    )

    def get_queryset(self, queryset):
        return super().get_queryset(queryset.pending())


class MemberForm(_MembershipChoiceForm):
    """Remove: only active members of this network."""

    invalid_message = _("This person is not (or no longer) a member of this network.")

    def get_queryset(self, queryset):
        return super().get_queryset(queryset.active())


class RoleChangeForm(MemberForm):
    role = forms.ChoiceField(
        label=_("Role"),
        choices=Role.choices,
        error_messages={
            "invalid_choice": _("“%(value)s” is not a role: choose member, facilitator or lead."),
            "required": _("Choose a role."),
        },
    )


class InvitationForm(forms.Form):
    email = forms.EmailField(
        label=_("Email address"),
        help_text=_(
            "People without an account get an email with a sign-up link; "
            "others are notified on the site."
        ),
    )
    role = forms.ChoiceField(
        label=_("Role"),
        choices=Role.choices,
        initial=Role.MEMBER,
        error_messages={
            "invalid_choice": _("“%(value)s” is not a role: choose member, facilitator or lead."),
        },
    )

    def __init__(self, *args, can_set_role=False, **kwargs):
        super().__init__(*args, **kwargs)
        if not can_set_role:
            # Facilitators invite members only: the service refuses anything else too.
            self.fields["role"].widget = forms.HiddenInput()
            self.fields["role"].initial = Role.MEMBER
        self.can_set_role = can_set_role


class InvitationChoiceForm(forms.Form):
    invitation = forms.IntegerField(widget=forms.HiddenInput)


class DirectoryFilterForm(forms.Form):
    sector = forms.ChoiceField(
        label=_("Sector"),
        required=False,
        choices=[("", _("All sectors")), *Sector.choices],
    )
    country = forms.ChoiceField(label=_("Country"), required=False)

    def __init__(self, *args, countries=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", _("All countries")), *countries]
