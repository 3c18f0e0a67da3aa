"""The Wagtail admin's moderation screens, for staff editors.

* *Flags*: the queue, by status (open / resolved / dismissed), each flag with what it
  points at and one-click actions: hide, restore, dismiss. Its detail screen shows the
  reply in context (the thread, what it answers, the reply itself, the other flags).
* *Suspensions*: suspend a member site-wide (reason, end date, optionally hiding all they
  posted), lift a suspension. "Hide everything by this person" is one action.

Every decision goes through ``discussions.moderation.services``, which writes it to
Wagtail's audit log. Columns read from the listing's one query.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Case, IntegerField, Value, When
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, View
from wagtail.admin.ui.tables import BaseColumn, Column, DateColumn
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import BasePermissionPolicy

from accounts.models import User
from discussions import permissions
from discussions.models import Post
from discussions.models.moderation import Flag, FlagStatus, Suspension
from discussions.moderation import services
from discussions.moderation.forms import SuspensionForm


class EditorsPermissionPolicy(BasePermissionPolicy):
    """Staff editors may do everything with flags and suspensions; nobody else anything.

    The rule is ``discussions.permissions.can_use_moderation_queue`` (built on
    ``network.permissions.is_editor``), not Django model permissions.
    """

    def user_has_permission(self, user, action):
        return permissions.can_use_moderation_queue(user)

    def user_has_any_permission(self, user, actions):
        return permissions.can_use_moderation_queue(user)

    def users_with_any_permission(self, actions):
        return User.objects.filter(is_active=True, is_staff=True)

    def users_with_permission(self, action):
        return User.objects.filter(is_active=True, is_staff=True)


def _back(request, fallback):
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback


# --- The flag queue -----------------------------------------------------------------


class FlagTargetColumn(BaseColumn):
    """What the flag points at: the reply's excerpt (or the thread's), who wrote it,
    where, and a link to see it in its thread."""

    cell_template_name = "discussions/moderation/admin/flag_target_cell.html"


class FlagActionsColumn(BaseColumn):
    """One-click hide / restore / dismiss (POST forms), and the author's spam tools."""

    cell_template_name = "discussions/moderation/admin/flag_actions_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        request = parent_context["request"]
        context.update(
            csrf_token=get_token(request),
            next_url=request.get_full_path(),
            hide_url=reverse("moderation_flags:hide", args=[instance.pk]),
            restore_url=reverse("moderation_flags:restore", args=[instance.pk]),
            dismiss_url=reverse("moderation_flags:dismiss", args=[instance.pk]),
            target=flag_target(instance),
            author_id=_author_id(instance),
        )
        return context


def flag_target(flag):
    """The reply or thread a flag points at (already fetched with the flag)."""
    return flag.post if flag.post_id else flag.thread


def _author_id(flag):
    return flag.post.author_id if flag.post_id else flag.thread.author_id


class FlagIndexView(IndexView):
    """Open flags first (oldest first: the longest waiting), then decided ones."""

    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .for_queue()
            .annotate(
                queue_rank=Case(
                    When(status=FlagStatus.OPEN, then=Value(0)),
                    default=Value(1),
                    output_field=IntegerField(),
                )
            )
            .order_by("queue_rank", "-created_at", "-pk")
        )

    @cached_property
    def columns(self):
        return [
            FlagTargetColumn("target", label=_("Flagged text")),
            Column("reason", label=_("Reason"), accessor="get_reason_display", sort_key="reason"),
            Column("details", label=_("Details")),
            Column("reporter", label=_("Flagged by")),
            DateColumn("created_at", label=_("Flagged at"), sort_key="created_at"),
            Column("status", label=_("Status"), accessor="get_status_display", sort_key="status"),
            FlagActionsColumn("actions", label=_("Actions")),
        ]


class FlagInspectView(InspectView):
    """The flagged text in context: its thread, what it answers, the text, other flags."""

    template_name = "discussions/moderation/admin/flag_inspect.html"

    def get_object(self, queryset=None):
        return get_object_or_404(Flag.objects.for_queue(), pk=self.pk)

    def get_context_data(self, **kwargs):
        flag = self.object
        target = flag_target(flag)
        parent = None
        if flag.post_id and flag.post.parent_id:
            parent = Post.objects.select_related("author").filter(pk=flag.post.parent_id).first()
        others = (
            Flag.objects.filter(thread=flag.thread, post=flag.post)
            .exclude(pk=flag.pk)
            .select_related("reporter")
        )
        return super().get_context_data(
            flag=flag,
            target=target,
            parent=parent,
            others=others,
            csrf_token=get_token(self.request),
            hide_url=reverse("moderation_flags:hide", args=[flag.pk]),
            restore_url=reverse("moderation_flags:restore", args=[flag.pk]),
            dismiss_url=reverse("moderation_flags:dismiss", args=[flag.pk]),
            author_id=_author_id(flag),
            **kwargs,
        )


class FlagActionView(PermissionCheckedMixin, View):
    """POST only: hide or restore what a flag points at, or dismiss the flag."""

    model = Flag
    permission_required = "change"
    action = None
    index_url_name = None
    http_method_names = ["post"]

    def post(self, request, pk):
        flag = get_object_or_404(Flag.objects.for_queue(), pk=pk)
        target = flag_target(flag)
        user = request.user
        if self.action == "dismiss":
            services.decide_flag(flag=flag, by=user, status=FlagStatus.DISMISSED)
            messages.success(request, _("The flag is dismissed."))
        elif flag.post_id:
            if self.action == "hide":
                services.hide_post(post=target, by=user)
                messages.success(request, _("The reply is hidden. Its author has been told."))
            else:
                services.restore_post(post=target, by=user)
                messages.success(request, _("The reply is shown again."))
        elif self.action == "hide":
            services.hide_thread(thread=target, by=user)
            messages.success(request, _("The thread is hidden. Its author has been told."))
        else:
            services.restore_thread(thread=target, by=user)
            messages.success(request, _("The thread is shown again."))
        return redirect(_back(request, reverse(self.index_url_name)))


class BulkHideView(PermissionCheckedMixin, WagtailAdminTemplateMixin, FormView):
    """Confirm, then hide every reply and thread of one person in one transaction."""

    model = Flag
    permission_required = "change"
    template_name = "discussions/moderation/admin/bulk_hide.html"
    header_icon = "warning"
    index_url_name = None

    def get_form_class(self):
        from django import forms

        return forms.Form

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.person = get_object_or_404(User, pk=kwargs["user_pk"])

    def get_page_title(self):
        return _("Hide everything by %(person)s") % {"person": self.person.get_full_name()}

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(self.index_url_name), "label": _("Flags")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            person=self.person,
            replies=Post.objects.filter(
                author=self.person, is_hidden=False, is_deleted=False
            ).count(),
            threads=self.person.discussion_threads.filter(is_hidden=False).count(),
            index_url=reverse(self.index_url_name),
            **kwargs,
        )

    def form_valid(self, form):
        if not permissions.can_suspend(self.request.user):
            raise PermissionDenied
        replies, threads = services.bulk_hide(author=self.person, by=self.request.user)
        messages.success(
            self.request,
            _("Hidden: %(replies)s replies and %(threads)s threads by %(person)s.")
            % {"replies": replies, "threads": threads, "person": self.person.get_full_name()},
        )
        return redirect(reverse(self.index_url_name))


class FlagViewSet(ModelViewSet):
    """The moderation queue. Flags come from members on the site, never from here."""

    model = Flag
    icon = "warning"
    url_prefix = "moderation/flags"
    add_to_admin_menu = False
    menu_label = gettext_lazy("Flags")
    index_view_class = FlagIndexView
    inspect_view_class = FlagInspectView
    inspect_view_enabled = True
    list_filter = ["status", "reason"]
    search_fields = ["details", "post__excerpt", "thread__title"]
    search_backend_name = None
    copy_view_enabled = False
    form_fields = ["status"]  # only used by the (unrouted) add/edit views

    def get_common_view_kwargs(self, **kwargs):
        # No add, edit or delete screens: a flag comes from a member, a decision from
        # the actions below. Without these names no button links to them.
        return super().get_common_view_kwargs(
            **{"add_url_name": None, "edit_url_name": None, "delete_url_name": None, **kwargs}
        )

    def get_urlpatterns(self):
        hidden = {"add", "edit", "delete"}
        return [
            *(pattern for pattern in super().get_urlpatterns() if pattern.name not in hidden),
            path("<int:pk>/hide/", self.action_view("hide"), name="hide"),
            path("<int:pk>/restore/", self.action_view("restore"), name="restore"),
            path("<int:pk>/dismiss/", self.action_view("dismiss"), name="dismiss"),
            path(
                "people/<int:user_pk>/hide-everything/",
                self.construct_view(BulkHideView, index_url_name=self.get_url_name("index")),
                name="bulk_hide",
            ),
        ]

    def action_view(self, action):
        return self.construct_view(
            FlagActionView, action=action, index_url_name=self.get_url_name("index")
        )


# --- Suspensions --------------------------------------------------------------------


class SuspensionStateColumn(BaseColumn):
    cell_template_name = "discussions/moderation/admin/suspension_state_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context.update(
            csrf_token=get_token(parent_context["request"]),
            lift_url=reverse("moderation_suspensions:lift", args=[instance.pk]),
            bulk_hide_url=reverse("moderation_flags:bulk_hide", args=[instance.user_id]),
        )
        return context


class SuspensionIndexView(IndexView):
    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .select_related("user", "created_by", "lifted_by")
            .order_by("-created_at", "-pk")
        )

    @cached_property
    def columns(self):
        return [
            Column("user", label=_("Member"), sort_key="user__display_name"),
            Column("reason", label=_("Reason")),
            DateColumn("ends_at", label=_("Until"), sort_key="ends_at"),
            Column("created_by", label=_("Suspended by")),
            DateColumn("created_at", label=_("Suspended at"), sort_key="created_at"),
            SuspensionStateColumn("state", label=_("State")),
        ]


class SuspendView(PermissionCheckedMixin, WagtailAdminTemplateMixin, FormView):
    """Suspend a member site-wide: reason, end date, optionally hide all they posted."""

    model = Suspension
    permission_required = "add"
    template_name = "discussions/moderation/admin/suspend.html"
    form_class = SuspensionForm
    header_icon = "lock"
    page_title = gettext_lazy("Suspend a member")
    index_url_name = None

    def get_initial(self):
        person = self.request.GET.get("user", "")
        return {"user": person} if person.isdigit() else {}

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(self.index_url_name), "label": _("Suspensions")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(index_url=reverse(self.index_url_name), **kwargs)

    def form_valid(self, form):
        if not permissions.can_suspend(self.request.user):
            raise PermissionDenied
        data = form.cleaned_data
        person = data["user"]
        services.suspend_member(
            user=person, by=self.request.user, reason=data["reason"], ends_at=data["ends_at"]
        )
        message = _("%(person)s is suspended. They have been told why and until when.")
        if data["hide_all"]:
            replies, threads = services.bulk_hide(author=person, by=self.request.user)
            message += " " + _("Hidden: %(replies)s replies and %(threads)s threads.") % {
                "replies": replies,
                "threads": threads,
            }
        messages.success(self.request, message % {"person": person.get_full_name()})
        return redirect(reverse(self.index_url_name))


class LiftSuspensionView(PermissionCheckedMixin, View):
    model = Suspension
    permission_required = "change"
    index_url_name = None
    http_method_names = ["post"]

    def post(self, request, pk):
        suspension = get_object_or_404(Suspension.objects.select_related("user"), pk=pk)
        services.lift_suspension(suspension=suspension, by=request.user)
        messages.success(
            request,
            _("The suspension of %(person)s is lifted. They have been told.")
            % {"person": suspension.user.get_full_name()},
        )
        return redirect(reverse(self.index_url_name))


class SuspensionViewSet(ModelViewSet):
    model = Suspension
    icon = "lock"
    url_prefix = "moderation/suspensions"
    add_to_admin_menu = False
    menu_label = gettext_lazy("Suspensions")
    index_view_class = SuspensionIndexView
    inspect_view_enabled = True
    search_fields = ["user__display_name", "user__email", "reason"]
    search_backend_name = None
    copy_view_enabled = False
    form_fields = ["reason"]  # only used by the (unrouted) add/edit views

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            **{
                "add_url_name": self.get_url_name("suspend"),
                "edit_url_name": None,
                "delete_url_name": None,
                **kwargs,
            }
        )

    def get_urlpatterns(self):
        hidden = {"add", "edit", "delete"}
        index = self.get_url_name("index")
        return [
            *(pattern for pattern in super().get_urlpatterns() if pattern.name not in hidden),
            path(
                "suspend/",
                self.construct_view(SuspendView, index_url_name=index),
                name="suspend",
            ),
            path(
                "<int:pk>/lift/",
                self.construct_view(LiftSuspensionView, index_url_name=index),
                name="lift",
            ),
        ]


class ModerationViewSetGroup(ViewSetGroup):
    menu_label = gettext_lazy("Moderation")
    menu_icon = "warning"
    menu_order = 260
    items = [FlagViewSet("moderation_flags"), SuspensionViewSet("moderation_suspensions")]
