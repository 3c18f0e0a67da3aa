"""Membership views: small, POST for actions, form → service → partial or redirect.

Every view finds the network through ``_network_or_404`` so a network the person may
not see answers 404 like any unknown address; permission refusals on a network they
can see get a clear message.
"""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from network import permissions, services
from network.forms import (
    DirectoryFilterForm,
    InvitationChoiceForm,
    InvitationForm,
    JoinRequestForm,
    MemberForm,
    MembershipDecisionForm,
    RoleChangeForm,
)
from network.models import Invitation, LearningNetworkPage, Membership, Role

MEMBERS_PER_PAGE = 30
MANAGE_MEMBERS_PER_PAGE = 50
ACTIONS_PER_MINUTE = 30
INVITATION_SESSION_KEY = "network_invitation_token"

_LEVELS = {"success": messages.SUCCESS, "error": messages.ERROR, "info": messages.INFO}


def rate_limited(view):
    """At most ``ACTIONS_PER_MINUTE`` POSTs a minute per person and view (429 beyond)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method == "POST":
            who = request.user.pk or request.META.get("REMOTE_ADDR", "")
            key = f"network:ratelimit:{view.__name__}:{who}"
            cache.add(key, 0, timeout=60)
            try:
                count = cache.incr(key)
            except ValueError:  # expired between add and incr
                cache.set(key, 1, timeout=60)
                count = 1
            if count > ACTIONS_PER_MINUTE:
                return HttpResponse(
                    _("Too many actions in a minute. Please wait a moment and try again."),
                    status=429,
                    content_type="text/plain; charset=utf-8",
                )
        return view(request, *args, **kwargs)

    return wrapped


def _network_or_404(request, slug, *, need=permissions.can_see_teaser):
    network = LearningNetworkPage.objects.live().filter(slug=slug).first()
    if network is None or not need(request.user, network):
        raise Http404
    return network


def _forbidden(request, network, message):
    return render(
        request,
        "network/forbidden.html",
        {"network": network, "message": message},
        status=403,
    )


def _error_text(error):
    return " ".join(error.messages) if isinstance(error, ValidationError) else str(error)


# --- Joining and leaving (the panel on the network page) ----------------------------


def _panel_response(request, network, *, notice, level="success", was_viewable=None):
    """htmx: the refreshed membership panel; otherwise a redirect to the network page.

    When the change opens or closes the network's content to this person, htmx is told
    to load the page again, so it shows what they may now see.
    """
    content_changed = was_viewable is not None and was_viewable != permissions.can_view(
        request.user, network
    )
    if request.htmx and not content_changed:
        context = network.membership_panel_context(request.user)
        context.update(notice=notice, notice_level=level)
        return render(request, "network/learning_network_page.html#membership_panel", context)
    messages.add_message(request, _LEVELS[level], notice)
    return _redirect(request, network.get_url(request))


def _redirect(request, url):
    """A redirect that htmx follows as a whole-page load."""
    if request.htmx:
        response = HttpResponse(status=204)
        response["HX-Redirect"] = url
        return response
    return redirect(url)


@login_required
@require_POST
@rate_limited
def membership_join(request, slug):
    network = _network_or_404(request, slug)
    was_viewable = permissions.can_view(request.user, network)
    try:
        services.join_network(network=network, user=request.user)
    except (ValidationError, PermissionDenied) as error:
        return _panel_response(request, network, notice=_error_text(error), level="error")
    return _panel_response(
        request,
        network,
        notice=_("Welcome! You are now a member of %s.") % network.title,
        was_viewable=was_viewable,
    )


@login_required
@rate_limited
def membership_request(request, slug):
    network = _network_or_404(request, slug)
    if request.method != "POST":
        if not permissions.can_request_to_join(request.user, network):
            messages.info(request, _("You cannot ask to join this network."))
            return redirect(network.get_url(request))
        return render(
            request,
            "network/membership_request.html",
            {"network": network, "form": JoinRequestForm()},
        )
    form = JoinRequestForm(request.POST)
    if not form.is_valid():
        if request.htmx:
            context = network.membership_panel_context(request.user)
            context["request_form"] = form
            return render(request, "network/learning_network_page.html#membership_panel", context)
        return render(
            request, "network/membership_request.html", {"network": network, "form": form}
        )
    try:
        services.request_membership(
            network=network, user=request.user, message=form.cleaned_data["message"]
        )
    except (ValidationError, PermissionDenied) as error:
        return _panel_response(request, network, notice=_error_text(error), level="error")
    return _panel_response(
        request,
        network,
        notice=_("Your request was sent. The facilitators will reply soon."),
    )


@login_required
@rate_limited
def membership_leave(request, slug):
    network = _network_or_404(request, slug)
    membership = permissions.membership_for(request.user, network)
    if request.method != "POST":
        if membership is None:
            return redirect(network.get_url(request))
        return render(
            request,
            "network/membership_leave.html",
            {"network": network, "membership": membership},
        )
    if membership is None:
        return _panel_response(
            request, network, notice=_("You are not a member of this network."), level="error"
        )
    was_pending = membership.is_pending
    was_viewable = permissions.can_view(request.user, network)
    try:
        services.leave_network(network=network, user=request.user)
    except ValidationError as error:
        return _panel_response(request, network, notice=_error_text(error), level="error")
    notice = (
        _("Your request to join was withdrawn.")
        if was_pending
        else _("You have left %s.") % network.title
    )
    if request.POST.get("next") == "my_networks":
        messages.success(request, notice)
        return _redirect(request, reverse("network:my_networks"))
    if permissions.can_see_teaser(request.user, network):
        return _panel_response(request, network, notice=notice, was_viewable=was_viewable)
    messages.success(request, notice)
    return _redirect(request, reverse("network:my_networks"))


# --- Directory ----------------------------------------------------------------------


@login_required
def member_list(request, slug):
    """The member directory: signed-in people who may view the network."""
    network = _network_or_404(request, slug, need=permissions.can_view)
    memberships = Membership.objects.for_network(network)
    country_codes = (
        memberships.active()
        .exclude(user__country="")
        .order_by()
        .values_list("user__country", flat=True)
        .distinct()
    )
    from django_countries import countries as all_countries

    countries = sorted(
        ((code, all_countries.name(code)) for code in set(country_codes)), key=lambda c: c[1]
    )
    form = DirectoryFilterForm(request.GET or None, countries=countries)
    people = memberships.for_directory()
    query = {}
    if form.is_bound and form.is_valid():
        if sector := form.cleaned_data["sector"]:
            people = people.in_sector(sector)
            query["sector"] = sector
        if country := form.cleaned_data["country"]:
            people = people.filter(user__country=country)
            query["country"] = country
    page_obj = Paginator(people, MEMBERS_PER_PAGE).get_page(request.GET.get("page"))
    for membership in page_obj.object_list:
        membership.affiliation = next(iter(membership.user.affiliations.all()), None)
    return render(
        request,
        "network/member_list.html",
        {
            "network": network,
            "page": network,
            "form": form,
            "page_obj": page_obj,
            "query": urlencode(query),
            "filtered": bool(query),
            "can_moderate": permissions.can_moderate(request.user, network),
        },
    )


# --- Managing members ---------------------------------------------------------------


def _manage_context(request, network, *, invite_form=None, notice=None, level="success"):
    user = request.user
    can_manage_roles = permissions.can_manage_roles(user, network)
    memberships = Membership.objects.for_network(network)
    page_obj = Paginator(
        memberships.active().with_people().by_role(), MANAGE_MEMBERS_PER_PAGE
    ).get_page(request.GET.get("page"))
    lead_ids = list(memberships.leads().values_list("pk", flat=True))
    for membership in page_obj.object_list:
        is_last_lead = lead_ids == [membership.pk]
        is_self = membership.user_id == user.pk
        membership.is_last_lead = is_last_lead
        membership.can_change_role = can_manage_roles and not is_last_lead
        membership.can_remove = (
            not is_self
            and not is_last_lead
            and (can_manage_roles or membership.role == Role.MEMBER)
        )
    return {
        "network": network,
        "page": network,
        "page_obj": page_obj,
        "pending": memberships.pending().with_people().order_by("created_at"),
        "invitations": network.invitations.open().select_related("invited_by"),
        "invite_form": invite_form or InvitationForm(can_set_role=can_manage_roles),
        "can_manage_roles": can_manage_roles,
        "roles": Role.choices,
        "notice": notice,
        "notice_level": level,
    }


def _moderator_network(request, slug):
    """The network when this person moderates it; else 404 (can't see) or a 403 page."""
    network = _network_or_404(request, slug, need=permissions.can_view)
    if not permissions.can_moderate(request.user, network):
        return network, _forbidden(
            request, network, _("Only the network's facilitators and leads can manage members.")
        )
    return network, None


def _manage_response(request, network, *, notice, level="success"):
    if request.htmx:
        context = _manage_context(request, network, notice=notice, level=level)
        return render(request, "network/member_manage.html#manage_panel", context)
    messages.add_message(request, _LEVELS[level], notice)
    return redirect("network:member_manage", slug=network.slug)


@login_required
def member_manage(request, slug):
    network, refusal = _moderator_network(request, slug)
    if refusal:
        return refusal
    return render(request, "network/member_manage.html", _manage_context(request, network))


def _membership_action(request, slug, form_class, act, success):
    """Shared body of approve / decline / remove / role change."""
    network, refusal = _moderator_network(request, slug)
    if refusal:
        return refusal
    form = form_class(request.POST, network=network)
    if not form.is_valid():
        errors = [str(e) for field_errors in form.errors.values() for e in field_errors]
        return _manage_response(request, network, notice=" ".join(errors), level="error")
    membership = form.cleaned_data["membership"]
    try:
        act(membership, form.cleaned_data)
    except (ValidationError, PermissionDenied) as error:
        return _manage_response(request, network, notice=_error_text(error), level="error")
    return _manage_response(request, network, notice=success(membership, form.cleaned_data))


@login_required
@require_POST
@rate_limited
def membership_approve(request, slug):
    return _membership_action(
        request,
        slug,
        MembershipDecisionForm,
        lambda m, data: services.approve_membership(membership=m, actor=request.user),
        lambda m, data: _("%s is now a member.") % m.user,
    )


@login_required
@require_POST
@rate_limited
def membership_decline(request, slug):
    return _membership_action(
        request,
        slug,
        MembershipDecisionForm,
        lambda m, data: services.decline_membership(membership=m, actor=request.user),
        lambda m, data: _("The request from %s was declined.") % m.user,
    )


@login_required
@require_POST
@rate_limited
def membership_remove(request, slug):
    return _membership_action(
        request,
        slug,
        MemberForm,
        lambda m, data: services.remove_member(membership=m, actor=request.user),
        lambda m, data: _("%s was removed from the network.") % m.user,
    )


@login_required
@require_POST
@rate_limited
def membership_role_change(request, slug):
    return _membership_action(
        request,
        slug,
        RoleChangeForm,
        lambda m, data: services.change_role(membership=m, role=data["role"], actor=request.user),
        lambda m, data: (
            _("%(person)s is now %(role)s.")
            % {"person": m.user, "role": Role(data["role"]).label.lower()}
        ),
    )


@login_required
@require_POST
@rate_limited
def invitation_create(request, slug):
    network, refusal = _moderator_network(request, slug)
    if refusal:
        return refusal
    can_set_role = permissions.can_manage_roles(request.user, network)
    form = InvitationForm(request.POST, can_set_role=can_set_role)
    if form.is_valid():
        try:
            invitation = services.invite(
                network=network,
                email=form.cleaned_data["email"],
                role=form.cleaned_data["role"],
                invited_by=request.user,
            )
        except PermissionDenied as error:
            form.add_error(None, str(error))
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return _manage_response(
                request, network, notice=_("Invitation sent to %s.") % invitation.email
            )
    context = _manage_context(
        request,
        network,
        invite_form=form,
        notice=_("The invitation was not sent: please check the form."),
        level="error",
    )
    template = "network/member_manage.html"
    return render(request, f"{template}#manage_panel" if request.htmx else template, context)


@login_required
@require_POST
@rate_limited
def invitation_revoke(request, slug):
    network, refusal = _moderator_network(request, slug)
    if refusal:
        return refusal
    form = InvitationChoiceForm(request.POST)
    invitation = (
        network.invitations.open().filter(pk=form.cleaned_data["invitation"]).first()
        if form.is_valid()
        else None
    )
    if invitation is None:
        return _manage_response(
            request,
            network,
            notice=_("This invitation is no longer open or does not belong to this network."),
            level="error",
        )
    services.revoke_invitation(invitation=invitation, actor=request.user)
    return _manage_response(
        request, network, notice=_("The invitation to %s was withdrawn.") % invitation.email
    )


# --- Invitations (the invited person's side) ----------------------------------------


def _invitation_or_404(slug, token):
    invitation = (
        Invitation.objects.select_related("network", "invited_by")
        .filter(token=token, network__slug=slug, network__live=True)
        .first()
    )
    if invitation is None:
        raise Http404
    return invitation


@rate_limited
def invitation_accept(request, slug, token):
    """The link in the invitation. Signed-in people accept here; others are sent to
    sign up (or sign in) and come back; a sign-up from this browser joins at once.
    """
    invitation = _invitation_or_404(slug, token)
    network = invitation.network
    user = request.user
    if request.method == "POST":
        if not user.is_authenticated:
            return redirect(f"{reverse('account_login')}?{urlencode({'next': request.path})}")
        try:
            services.accept_invitation(invitation=invitation, user=user)
        except ValidationError as error:
            messages.error(request, _error_text(error))
            return redirect(request.path)
        request.session.pop(INVITATION_SESSION_KEY, None)
        messages.success(request, _("Welcome! You are now a member of %s.") % network.title)
        return redirect(network.get_url(request))

    if invitation.accepted_at and user.is_authenticated and invitation.accepted_by_id == user.pk:
        return redirect(network.get_url(request))
    if invitation.is_open and not user.is_authenticated:
        # Remember the invitation for the sign-up that follows (see network.signals), and
        # let allauth treat the invited address as verified: the link proves it.
        from allauth.account.adapter import get_adapter

        request.session[INVITATION_SESSION_KEY] = invitation.token
        get_adapter(request).stash_verified_email(request, invitation.email)
    next_query = urlencode({"next": request.path})
    return render(
        request,
        "network/invitation_detail.html",
        {
            "invitation": invitation,
            "network": network,
            "membership": permissions.membership_for(user, network),
            "signup_url": f"{reverse('account_signup')}?{next_query}",
            "login_url": f"{reverse('account_login')}?{next_query}",
        },
    )


@require_POST
@rate_limited
def invitation_decline(request, slug, token):
    invitation = _invitation_or_404(slug, token)
    try:
        services.decline_invitation(
            invitation=invitation, user=request.user if request.user.is_authenticated else None
        )
    except ValidationError as error:
        messages.error(request, _error_text(error))
        return redirect("network:invitation_accept", slug=slug, token=token)
    request.session.pop(INVITATION_SESSION_KEY, None)
    messages.info(request, _("You declined the invitation to %s.") % invitation.network.title)
    if request.user.is_authenticated:
        return redirect("network:my_networks")
    return redirect("/")


# --- My networks --------------------------------------------------------------------


@login_required
def my_networks(request):
    user = request.user
    memberships = list(
        Membership.objects.filter(user=user, network__live=True)
        .select_related("network")
        .order_by("network__title")
    )
    return render(
        request,
        "network/my_networks.html",
        {
            "active": [m for m in memberships if m.is_active],
            "pending": [m for m in memberships if m.is_pending],
            "invitations": Invitation.objects.open()
            .for_emails([user.email])
            .filter(network__live=True)
            .select_related("network", "invited_by"),
            "index": _network_index(),
        },
    )


def _network_index():
    from network.models import NetworkIndexPage

    return NetworkIndexPage.objects.live().first()
