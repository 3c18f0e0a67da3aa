"""Wagtail admin screens: organisations, and the queue where staff verify affiliations.

Decisions go through ``accounts.services.decide_affiliation`` (which tells the person)
and land in Wagtail's audit log. Every column reads from the listing's one query.
"""

from django import forms
from django.contrib import messages
from django.db import transaction
from django.db.models import Case, Count, F, IntegerField, Q, Value, When
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin.ui.tables import BaseColumn, Column, DateColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import log

from accounts import services
from accounts.models import Affiliation, Organisation

VERIFY_ACTION = "accounts.affiliation.verify"
DECLINE_ACTION = "accounts.affiliation.decline"


# --- Organisations --------------------------------------------------------------------
class OrganisationIndexView(IndexView):
    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .annotate(
                verified_members=Count(
                    "affiliations", filter=Q(affiliations__status=Affiliation.Status.VERIFIED)
                )
            )
        )


class OrganisationViewSet(ModelViewSet):
    model = Organisation
    icon = "site"
    url_prefix = "organisations"
    add_to_admin_menu = False
    menu_label = gettext_lazy("Organisations")
    index_view_class = OrganisationIndexView
    list_display = [
        "name",
        "sector",
        Column(
            "country", label=gettext_lazy("Country"), accessor="country.name", sort_key="country"
        ),
        Column(
            "verified_members",
            label=gettext_lazy("Verified members"),
            sort_key="verified_members",
        ),
        "website",
    ]
    list_filter = ["sector", "country"]
    search_fields = ["name"]
    search_backend_name = None  # a plain model: Django's icontains, no search index
    form_fields = ["name", "sector", "country", "website"]
    copy_view_enabled = False


# --- The affiliation queue ------------------------------------------------------------
class AffiliationDecisionColumn(BaseColumn):
    """Verify (one click) and decline (asks for a note) buttons for a pending claim."""

    cell_template_name = "accounts/admin/affiliation_decision_cell.html"

    def __init__(self, *args, can_decide=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.can_decide = can_decide

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        request = parent_context.get("request")
        context.update(
            can_decide=self.can_decide,
            csrf_token=get_token(request) if request is not None else "",
            verify_url=reverse("affiliations:verify", args=[instance.pk]),
            decline_url=reverse("affiliations:decline", args=[instance.pk]),
        )
        return context


class AffiliationIndexView(IndexView):
    """Claims awaiting a decision first (oldest first), then decided ones (newest first)."""

    def get_base_queryset(self):
        claimed = Affiliation.Status.CLAIMED
        return (
            super()
            .get_base_queryset()
            .select_related("user", "organisation", "decided_by")
            .annotate(
                queue_rank=Case(
                    When(status=claimed, then=Value(0)),
                    default=Value(1),
                    output_field=IntegerField(),
                ),
                waiting_since=Case(When(status=claimed, then=F("claimed_at")), default=None),
            )
            .order_by(
                "queue_rank",
                F("waiting_since").asc(nulls_last=True),
                F("decided_at").desc(nulls_last=True),
                "-pk",
            )
        )

    @cached_property
    def columns(self):
        columns = super().columns
        columns[0].sort_key = "user__display_name"  # not the user id
        return [
            *columns,
            AffiliationDecisionColumn(
                "decision",
                label=_("Decision"),
                can_decide=self.user_has_permission("change"),
            ),
        ]


class AffiliationDecisionForm(forms.Form):
    note = forms.CharField(
        label=gettext_lazy("Note to the person"),
        max_length=Affiliation._meta.get_field("decision_note").max_length,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy(
            "Optional. Sent to the person with the decision, e.g. why it was declined."
        ),
    )


class AffiliationDecisionView(PermissionCheckedMixin, WagtailAdminTemplateMixin, FormView):
    """Confirm and record a decision. POST only changes anything; GET shows the form."""

    model = Affiliation
    permission_required = "change"
    verified = True
    template_name = "accounts/admin/affiliation_decide.html"
    form_class = AffiliationDecisionForm
    header_icon = "user"
    index_url_name = None

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.object = get_object_or_404(
            Affiliation.objects.select_related("user", "organisation"), pk=kwargs["pk"]
        )

    def get_page_title(self):
        return _("Verify affiliation") if self.verified else _("Decline affiliation")

    def get_page_subtitle(self):
        return str(self.object)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(self.index_url_name), "label": _("Affiliations")},
            {"url": "", "label": self.get_page_title(), "sublabel": self.get_page_subtitle()},
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            object=self.object,
            verified=self.verified,
            index_url=reverse(self.index_url_name),
            **kwargs,
        )

    def form_valid(self, form):
        affiliation = self.object
        target = Affiliation.Status.VERIFIED if self.verified else Affiliation.Status.DECLINED
        if affiliation.status == target:
            messages.info(self.request, _("Nothing changed: it was already decided that way."))
            return redirect(self.index_url_name)
        note = form.cleaned_data["note"]
        with transaction.atomic():
            affiliation = services.decide_affiliation(
                affiliation=affiliation,
                verified=self.verified,
                decided_by=self.request.user,
                note=note,
            )
            log(
                instance=affiliation,
                action=VERIFY_ACTION if self.verified else DECLINE_ACTION,
                user=self.request.user,
                data={"note": note},
            )
        if self.verified:
            message = _("%(person)s is verified at %(organisation)s. They have been told.")
        else:
            message = _("%(person)s’s claim to %(organisation)s is declined. They have been told.")
        messages.success(
            self.request,
            message
            % {
                "person": affiliation.user.get_full_name(),
                "organisation": affiliation.organisation,
            },
        )
        return redirect(self.index_url_name)


class AffiliationViewSet(ModelViewSet):
    """The verification queue. Claims are made by members on their profile, never here."""

    model = Affiliation
    icon = "user"
    url_prefix = "affiliations"
    add_to_admin_menu = False
    menu_label = gettext_lazy("Affiliations to verify")
    index_view_class = AffiliationIndexView
    list_display = [
        "user",
        Column("email", label=gettext_lazy("Email"), accessor="user.email"),
        Column(
            "organisation",
            label=gettext_lazy("Organisation"),
            accessor="organisation.name",
            sort_key="organisation__name",
        ),
        "job_title",
        Column("status", label=gettext_lazy("Status"), accessor="get_status_display"),
        DateColumn("claimed_at", label=gettext_lazy("Claimed at"), sort_key="claimed_at"),
    ]
    list_filter = ["status", "organisation__sector"]
    search_fields = ["user__display_name", "user__email", "organisation__name"]
    search_backend_name = None
    inspect_view_enabled = True
    inspect_view_fields = [
        "user",
        "organisation",
        "job_title",
        "status",
        "claimed_at",
        "decided_at",
        "decided_by",
        "decision_note",
    ]
    copy_view_enabled = False
    form_fields = ["job_title"]  # only used by the (unrouted) add/edit views

    def get_common_view_kwargs(self, **kwargs):
        # No add or edit screens: a claim comes from its person, a decision from the
        # verify/decline views below. Without these names no button links to them.
        return super().get_common_view_kwargs(
            **{"add_url_name": None, "edit_url_name": None, **kwargs}
        )

    def get_urlpatterns(self):
        hidden = {"add", "edit"}
        return [
            *(pattern for pattern in super().get_urlpatterns() if pattern.name not in hidden),
            path("<int:pk>/verify/", self.decision_view(verified=True), name="verify"),
            path("<int:pk>/decline/", self.decision_view(verified=False), name="decline"),
        ]

    def decision_view(self, *, verified):
        return self.construct_view(
            AffiliationDecisionView,
            verified=verified,
            index_url_name=self.get_url_name("index"),
        )


class AccountsViewSetGroup(ViewSetGroup):
    menu_label = gettext_lazy("People")
    menu_icon = "group"
    menu_order = 250
    items = [
        OrganisationViewSet("organisations"),
        AffiliationViewSet("affiliations"),
    ]
