"""Wagtail admin screens for networks. Staff changes go through ``network.services``,
so the admin approves, changes roles and removes exactly like the front end (same
rules, same audit log, same notifications).
"""

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.views.generic import CreateView, DeleteView, EditView, IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.views.snippets import SnippetViewSet

from network import services
from network.models import CharterPrinciple, Membership, MembershipStatus


class _ServiceErrorsMixin:
    """Show a service's refusal as a form error; its transaction was rolled back."""

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except (ValidationError, PermissionDenied) as error:
            messages = error.messages if isinstance(error, ValidationError) else [str(error)]
            form.add_error(None, messages)
            self.produced_error_message = " ".join(messages)
            return self.form_invalid(form)


class MembershipIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("user", "network")


class MembershipCreateView(_ServiceErrorsMixin, CreateView):
    def save_instance(self):
        data = self.form.cleaned_data
        return services.add_member(
            network=data["network"], user=data["user"], role=data["role"], actor=self.request.user
        )


class MembershipEditView(_ServiceErrorsMixin, EditView):
    def save_instance(self):
        data = self.form.cleaned_data
        membership = Membership.objects.get(pk=self.object.pk)  # the form mutated self.object
        actor = self.request.user
        if membership.is_active and data["status"] == MembershipStatus.PENDING:
            raise ValidationError(
                _("An active member cannot be made pending again: remove them instead.")
            )
        if membership.is_pending and data["status"] == MembershipStatus.ACTIVE:
            membership = services.approve_membership(membership=membership, actor=actor)
        if data["role"] != membership.role:
            if membership.is_pending:
                raise ValidationError(_("Approve the request before changing the role."))
            membership = services.change_role(
                membership=membership, role=data["role"], actor=actor
            )
        return membership


class MembershipDeleteView(DeleteView):
    def delete_action(self):
        membership = self.object
        if membership.is_pending:
            services.decline_membership(membership=membership, actor=self.request.user)
        else:
            services.remove_member(membership=membership, actor=self.request.user)

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except (ValidationError, PermissionDenied) as error:
            from django.contrib import messages
            from django.shortcuts import redirect

            messages.error(self.request, " ".join(getattr(error, "messages", [str(error)])))
            return redirect(self.get_success_url())


class MembershipViewSet(ModelViewSet):
    model = Membership
    icon = "group"
    menu_label = gettext_lazy("Memberships")
    menu_order = 250
    add_to_admin_menu = True
    url_prefix = "network/memberships"
    list_display = ["user", "network", "role", "status", "created_at", "joined_at"]
    list_filter = ["network", "role", "status"]
    search_fields = ["user__display_name", "user__email", "network__title"]
    search_backend_name = None
    copy_view_enabled = False
    index_view_class = MembershipIndexView
    add_view_class = MembershipCreateView
    edit_view_class = MembershipEditView
    delete_view_class = MembershipDeleteView

    def get_form_class(self, for_update=False):
        fields = ["role", "status"] if for_update else ["user", "network", "role"]
        return forms.modelform_factory(Membership, fields=fields)


class CharterPrincipleViewSet(SnippetViewSet):
    model = CharterPrinciple
    icon = "tag"
    menu_label = gettext_lazy("Charter principles")
    list_display = ["name", "slug", "order"]
    ordering = ["order"]
