from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from accounts.models.users import zone_info
from discussions.forms import MARKDOWN_HELP, BodyField
from discussions.models.threads import TITLE_MAX_LENGTH
from network import permissions as network_permissions
from network.models import CharterPrinciple, ExpertProfilePage, LearningNetworkPage

QUESTION_MAX_LENGTH = 2_000
LONGEST_SESSION_HOURS = 12


class QuestionForm(forms.Form):
    body = BodyField(
        label=_("Your question"),
        max_length=QUESTION_MAX_LENGTH,
        help_text=_("One question, as short as you can make it. Markdown works."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].widget.attrs["rows"] = 3
        self.fields["body"].error_messages["required"] = _("Write your question first.")


class AnswerForm(forms.Form):
    body = BodyField(label=_("Your answer"), help_text=MARKDOWN_HELP)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].widget.attrs["rows"] = 4
        self.fields["body"].error_messages["required"] = _("Write your answer first.")


class ConclusionForm(forms.Form):
    conclusion = BodyField(
        label=_("Conclusion"),
        help_text=_(
            "What the session showed, in a few paragraphs: it is shown at the top of the "
            "session and becomes the start of a lesson. Markdown works."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["conclusion"].error_messages["required"] = _("Write the conclusion first.")


class HostChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.title} ({obj.headline})" if obj.headline else obj.title


class ScheduleForm(forms.Form):
    """A facilitator schedules a session; times are in the person's own time zone."""

    title = forms.CharField(label=_("Title"), max_length=TITLE_MAX_LENGTH)
    body = BodyField(
        label=_("What the session is about"),
        help_text=_("Who it is for and what the hosts will cover. Markdown works."),
    )
    starts_at = forms.DateTimeField(
        label=_("Starts at"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    ends_at = forms.DateTimeField(
        label=_("Ends at"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    hosts = HostChoiceField(
        label=_("Hosts"),
        queryset=ExpertProfilePage.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one expert to host the session.")},
    )

    def __init__(self, *args, network, time_zone="UTC", **kwargs):
        super().__init__(*args, **kwargs)
        self.network = network
        self.zone = zone_info(time_zone)
        zone_name = str(self.zone)
        for name in ("starts_at", "ends_at"):
            self.fields[name].help_text = _("In your time zone (%(zone)s).") % {"zone": zone_name}
        self.fields["hosts"].queryset = (
            ExpertProfilePage.objects.live()
            .filter(user__is_active=True)
            .select_related("user")
            .order_by("title")
        )
        self.fields["title"].error_messages["required"] = _("Give the session a title.")

    def _aware(self, value):
        if value is None:
            return None
        if timezone.is_aware(value):
            value = value.replace(tzinfo=None)
        return value.replace(tzinfo=self.zone)

    def clean_starts_at(self):
        value = self._aware(self.cleaned_data["starts_at"])
        if value <= timezone.now():
            raise forms.ValidationError(_("Choose a time in the future."), code="past")
        return value

    def clean_ends_at(self):
        return self._aware(self.cleaned_data["ends_at"])

    def clean_hosts(self):
        hosts = list(self.cleaned_data["hosts"])
        outsiders = [
            host.title
            for host in hosts
            if not network_permissions.can_view(host.user, self.network)
        ]
        if outsiders:
            raise forms.ValidationError(
                _(
                    "%(names)s cannot read this members-only network: invite them to it "
                    "first, or choose other hosts."
                ),
                params={"names": ", ".join(outsiders)},
                code="host_outside",
            )
        return hosts

    def clean(self):
        cleaned = super().clean()
        starts, ends = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts and ends:
            if ends <= starts:
                self.add_error("ends_at", _("The session must end after it starts."))
            elif (ends - starts).total_seconds() > LONGEST_SESSION_HOURS * 3600:
                self.add_error(
                    "ends_at",
                    _("A live session lasts at most %(hours)s hours.")
                    % {"hours": LONGEST_SESSION_HOURS},
                )
        return cleaned


class NetworkChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.title


class AskExpertForm(forms.Form):
    """A question to one expert, or to the experts matching a principle and topic."""

    expert = forms.ModelChoiceField(
        label=_("Expert"),
        queryset=ExpertProfilePage.objects.none(),
        required=False,
        empty_label=_("Any expert matching the principle and topic"),
    )
    principle = forms.ModelChoiceField(
        label=_("Open Data Charter principle"),
        queryset=CharterPrinciple.objects.all(),
        required=False,
        to_field_name="slug",
        empty_label=_("Any principle"),
    )
    topic = forms.ModelChoiceField(
        label=_("Topic"),
        queryset=Tag.objects.none(),
        required=False,
        to_field_name="slug",
        empty_label=_("Any topic"),
    )
    network = NetworkChoiceField(
        label=_("Where to ask"),
        queryset=LearningNetworkPage.objects.none(),
        empty_label=None,
        help_text=_(
            "Your question is a thread in this network: its members can read it and join "
            "in. In a members-only network, only experts who are members can answer."
        ),
    )
    title = forms.CharField(
        label=_("Your question, in one line"),
        max_length=TITLE_MAX_LENGTH,
        help_text=_("For example: “How do we publish contract amendments in OCDS?”"),
    )
    body = BodyField(
        label=_("Details"),
        help_text=_(
            "What you tried, your context (country, level of government), links. Markdown works."
        ),
    )

    def __init__(self, *args, user, ask_network=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.ask_network = ask_network
        self.fields["expert"].queryset = (
            ExpertProfilePage.objects.live()
            .filter(user__is_active=True)
            .exclude(user=user)
            .select_related("user")
            .order_by("title")
        )
        self.fields["topic"].queryset = (
            Tag.objects.filter(network_experttopic_items__content_object__live=True)
            .distinct()
            .order_by("name")
        )
        network_ids = network_permissions.active_network_ids(user)
        if ask_network is not None:
            network_ids = [*network_ids, ask_network.pk]
        self.fields["network"].queryset = (
            LearningNetworkPage.objects.live().filter(pk__in=network_ids).order_by("title")
        )
        if ask_network is not None:
            self.fields["network"].initial = ask_network.pk
        self.fields["title"].error_messages["required"] = _("Write your question in one line.")
        self.fields["body"].error_messages["required"] = _(
            "Give the experts some details to answer well."
        )

    def clean_title(self):
        title = " ".join(self.cleaned_data["title"].split())
        if not title:
            raise forms.ValidationError(_("Write your question in one line."), code="required")
        return title

    def clean(self):
        cleaned = super().clean()
        expert, network = cleaned.get("expert"), cleaned.get("network")
        wanted = cleaned.get("principle") or cleaned.get("topic")
        if expert is None and not wanted and "expert" not in self.errors:
            self.add_error(
                "expert",
                _("Choose an expert, or a principle or a topic so we can find experts."),
            )
        if (
            expert is not None
            and network is not None
            and not network_permissions.can_view(expert.user, network)
        ):
            self.add_error(
                "network",
                _(
                    "%(name)s is not a member of %(network)s: ask in a network you "
                    "share, or in “%(ask)s”."
                )
                % {
                    "name": expert.title,
                    "network": network.title,
                    "ask": self.ask_network.title if self.ask_network else "",
                },
            )
        return cleaned
