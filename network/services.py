"""Writes about networks: memberships, roles, invitations and the page counters.

Each function takes keyword arguments, runs in one transaction, checks who may do it
(``PermissionDenied``) and what state allows it (``ValidationError`` with a message for
the person), records the change in the Wagtail audit log and tells the people it
concerns through ``accounts.services.notify``. Emails go out after commit.
"""

import logging

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from accounts.services import notify
from network import permissions
from network.models import (
    MODERATOR_ROLES,
    Invitation,
    LearningNetworkPage,
    Membership,
    MembershipStatus,
    Role,
)

logger = logging.getLogger(__name__)


# --- Counters -----------------------------------------------------------------------


def refresh_member_count(*, network):
    """Recount the network's active members into ``member_count``."""
    count = Membership.objects.for_network(network).active().count()
    LearningNetworkPage.objects.filter(pk=network.pk).update(member_count=count)
    network.member_count = count
    return count


def touch_activity(*, network, when=None):
    """Record activity in a network (a post, a lesson ...): moves ``last_activity_at``
    forward, never back. ``network`` is a page or its pk. Safe to call from any app.
    """
    when = when or timezone.now()
    pk = getattr(network, "pk", network)
    updated = (
        LearningNetworkPage.objects.filter(pk=pk)
        .filter(Q(last_activity_at__isnull=True) | Q(last_activity_at__lt=when))
        .update(last_activity_at=when)
    )
    if updated and hasattr(network, "last_activity_at"):
        network.last_activity_at = when
    return bool(updated)


# --- Helpers ------------------------------------------------------------------------


def _log(instance, action, *, user, data, deleted=False):
    log(instance=instance, action=action, user=user, data=data, deleted=deleted)
    logger.info(
        "%s by user %s: %s", action, getattr(user, "pk", None), {"id": instance.pk, **data}
    )


def _data(membership, **extra):
    return {
        "network_id": membership.network_id,
        "network": membership.network.title,
        "user_id": membership.user_id,
        "person": str(membership.user),
        "role": membership.role,
        **extra,
    }


def _locked(membership):
    """Re-read a membership under a row lock; ``None`` when it is gone."""
    return (
        Membership.objects.select_for_update(of=("self",))
        .select_related("user", "network")
        .filter(pk=membership.pk)
        .first()
    )


def _locked_invitation(invitation):
    return (
        Invitation.objects.select_for_update(of=("self",))
        .select_related("network")
        .get(pk=invitation.pk)
    )


def _create_membership(**fields):
    """Create a membership; a concurrent duplicate gets the same message as a repeat."""
    try:
        with transaction.atomic():
            return Membership.objects.create(**fields)
    except IntegrityError as error:
        raise ValidationError(_("You are already a member of this network.")) from error


def _network_url(network):
    return network.get_url() or ""


def _require(allowed, message):
    if not allowed:
        raise PermissionDenied(message)


def _is_last_lead(membership):
    """Would losing this membership (or its lead role) leave the network without a lead?"""
    if not (membership.is_active and membership.role == Role.LEAD):
        return False
    leads = list(
        Membership.objects.select_for_update()
        .filter(network_id=membership.network_id)
        .leads()
        .values_list("pk", flat=True)
    )
    return leads == [membership.pk]


def _notify_moderators(*, network, verb, message, url, target, actor):
    for steward in Membership.objects.for_network(network).stewards():
        if steward.user_id != getattr(actor, "pk", None):
            notify(
                recipient=steward.user,
                verb=verb,
                message=message,
                url=url,
                target=target,
                actor=actor,
            )


# --- Joining and leaving ------------------------------------------------------------


@transaction.atomic
def join_network(*, network, user):
    """Join an open network at once, as a member."""
    if permissions.membership_for(user, network) is not None or (
        Membership.objects.filter(network=network, user=user).exists()
    ):
        raise ValidationError(_("You are already a member of this network."))
    _require(
        permissions.can_join(user, network),
        _("This network accepts new members by request only."),
    )
    now = timezone.now()
    membership = _create_membership(
        network=network,
        user=user,
        role=Role.MEMBER,
        status=MembershipStatus.ACTIVE,
        created_at=now,
        joined_at=now,
    )
    refresh_member_count(network=network)
    _log(membership, "network.membership.join", user=user, data=_data(membership))
    permissions.forget(user)
    return membership


@transaction.atomic
def request_membership(*, network, user, message=""):
    """Ask to join a network by approval; its facilitators and leads are told."""
    existing = Membership.objects.filter(network=network, user=user).first()
    if existing is not None:
        if existing.is_pending:
            raise ValidationError(_("You have already asked to join; a facilitator will reply."))
        raise ValidationError(_("You are already a member of this network."))
    _require(
        permissions.can_request_to_join(user, network),
        _("This network cannot be joined by request."),
    )
    membership = _create_membership(
        network=network,
        user=user,
        role=Role.MEMBER,
        status=MembershipStatus.PENDING,
        message=message.strip(),
    )
    _log(membership, "network.membership.request", user=user, data=_data(membership))
    _notify_moderators(
        network=network,
        verb="membership.requested",
        message=_("%(person)s asks to join %(network)s.")
        % {"person": user, "network": network.title},
        url=reverse("network:member_manage", kwargs={"slug": network.slug}),
        target=membership,
        actor=user,
    )
    permissions.forget(user)
    return membership


@transaction.atomic
def leave_network(*, network, user):
    """Leave a network, or withdraw a pending request. The last lead cannot leave."""
    membership = Membership.objects.filter(network=network, user=user).first()
    locked = _locked(membership) if membership is not None else None
    if locked is None:
        raise ValidationError(_("You are not a member of this network."))
    if _is_last_lead(locked):
        raise ValidationError(
            _("You are the last lead of this network: appoint another lead before you leave.")
        )
    action = "network.membership.leave" if locked.is_active else "network.membership.withdraw"
    _log(locked, action, user=user, data=_data(locked), deleted=True)
    locked.delete()
    refresh_member_count(network=network)
    permissions.forget(user)
    return locked


# --- Decisions by facilitators, leads and staff -------------------------------------


@transaction.atomic
def approve_membership(*, membership, actor):
    """Accept a pending request. Facilitators, leads and staff."""
    locked = _locked(membership)
    _require(
        locked is not None and permissions.can_moderate(actor, locked.network),
        _("Only the network's facilitators and leads can approve requests."),
    )
    if not locked.is_pending:
        raise ValidationError(_("This request has already been handled."))
    now = timezone.now()
    locked.status = MembershipStatus.ACTIVE
    locked.joined_at = now
    locked.decided_at = now
    locked.decided_by = actor
    locked.save(update_fields=["status", "joined_at", "decided_at", "decided_by"])
    refresh_member_count(network=locked.network)
    _log(locked, "network.membership.approve", user=actor, data=_data(locked))
    notify(
        recipient=locked.user,
        verb="membership.approved",
        message=_("Welcome to %(network)s: your request to join was accepted.")
        % {"network": locked.network.title},
        url=_network_url(locked.network),
        target=locked,
        actor=actor,
    )
    permissions.forget(locked.user, membership.user)
    return locked


@transaction.atomic
def decline_membership(*, membership, actor):
    """Turn down a pending request (the row goes; the log keeps it)."""
    locked = _locked(membership)
    _require(
        locked is not None and permissions.can_moderate(actor, locked.network),
        _("Only the network's facilitators and leads can decline requests."),
    )
    if not locked.is_pending:
        raise ValidationError(_("This request has already been handled."))
    _log(locked, "network.membership.decline", user=actor, data=_data(locked), deleted=True)
    network = locked.network
    locked.delete()
    notify(
        recipient=membership.user,
        verb="membership.declined",
        message=_("Your request to join %(network)s was not accepted.")
        % {"network": network.title},
        url=_network_url(network),
        target=network,
        actor=actor,
    )
    permissions.forget(membership.user)


@transaction.atomic
def remove_member(*, membership, actor):
    """Remove an active member. Facilitators remove members; leads and staff anyone,
    except the last lead. Takes effect on the person's next request.
    """
    locked = _locked(membership)
    _require(
        locked is not None and permissions.can_moderate(actor, locked.network),
        _("Only the network's facilitators and leads can remove members."),
    )
    if not locked.is_active:
        raise ValidationError(_("This person is not an active member."))
    if locked.role in MODERATOR_ROLES and not permissions.can_manage_roles(actor, locked.network):
        raise PermissionDenied(_("Only a lead can remove a facilitator or a lead."))
    if _is_last_lead(locked):
        raise ValidationError(_("The last lead cannot be removed: appoint another lead first."))
    _log(locked, "network.membership.remove", user=actor, data=_data(locked), deleted=True)
    network = locked.network
    locked.delete()
    refresh_member_count(network=network)
    notify(
        recipient=membership.user,
        verb="membership.removed",
        message=_("You are no longer a member of %(network)s.") % {"network": network.title},
        url=_network_url(network),
        target=network,
        actor=actor,
    )
    permissions.forget(membership.user)


@transaction.atomic
def change_role(*, membership, role, actor):
    """Make an active member a member, facilitator or lead. Leads and staff only;
    the last lead cannot be demoted.
    """
    if role not in Role.values:
        raise ValidationError(_("“%(role)s” is not a role.") % {"role": role})
    locked = _locked(membership)
    _require(
        locked is not None and permissions.can_manage_roles(actor, locked.network),
        _("Only the network's leads can change roles."),
    )
    if not locked.is_active:
        raise ValidationError(_("Only active members can be given a role."))
    if locked.role == role:
        raise ValidationError(
            _("%(person)s is already a %(role)s.")
            % {"person": locked.user, "role": Role(role).label.lower()}
        )
    if role != Role.LEAD and _is_last_lead(locked):
        raise ValidationError(_("The last lead cannot be demoted: appoint another lead first."))
    previous = locked.role
    locked.role = role
    locked.save(update_fields=["role"])
    _log(
        locked,
        "network.membership.role_change",
        user=actor,
        data=_data(locked, previous_role=previous),
    )
    notify(
        recipient=locked.user,
        verb="membership.role_changed",
        message=_("You are now %(role)s of %(network)s.")
        % {"role": Role(role).label.lower(), "network": locked.network.title},
        url=_network_url(locked.network),
        target=locked,
        actor=actor,
    )
    permissions.forget(locked.user, membership.user)
    return locked


@transaction.atomic
def add_member(*, network, user, role, actor):
    """Staff add someone directly (the Wagtail admin), or activate a pending request."""
    _require(permissions.is_editor(actor), _("Only staff can add members directly."))
    if role not in Role.values:
        raise ValidationError(_("“%(role)s” is not a role.") % {"role": role})
    existing = Membership.objects.select_for_update().filter(network=network, user=user).first()
    if existing is not None and existing.is_active:
        raise ValidationError(_("%(person)s is already a member.") % {"person": user})
    now = timezone.now()
    if existing is None:
        membership = Membership.objects.create(
            network=network,
            user=user,
            role=role,
            status=MembershipStatus.ACTIVE,
            joined_at=now,
            decided_at=now,
            decided_by=actor,
        )
    else:
        membership = existing
        membership.role = role
        membership.status = MembershipStatus.ACTIVE
        membership.joined_at = membership.decided_at = now
        membership.decided_by = actor
        membership.save()
    refresh_member_count(network=network)
    _log(membership, "network.membership.add", user=actor, data=_data(membership))
    notify(
        recipient=user,
        verb="membership.added",
        message=_("You were added to %(network)s as %(role)s.")
        % {"network": network.title, "role": Role(role).label.lower()},
        url=_network_url(network),
        target=membership,
        actor=actor,
    )
    permissions.forget(user)
    return membership


# --- Invitations --------------------------------------------------------------------


@transaction.atomic
def invite(*, network, email, invited_by, role=Role.MEMBER):
    """Invite an email address. An existing account is notified in the app (and by
    email); an address without an account gets an email with a sign-up link.
    Facilitators invite members; leads and staff may invite facilitators and leads.
    """
    from accounts.models import User

    _require(
        permissions.can_moderate(invited_by, network),
        _("Only the network's facilitators and leads can invite people."),
    )
    if role not in Role.values:
        raise ValidationError({"role": _("“%(role)s” is not a role.") % {"role": role}})
    if role != Role.MEMBER and not permissions.can_manage_roles(invited_by, network):
        raise ValidationError({"role": _("Only a lead can invite facilitators or leads.")})
    email = email.strip().lower()
    existing_user = User.objects.filter(email__iexact=email).first()
    if (
        existing_user is not None
        and Membership.objects.filter(network=network, user=existing_user).active().exists()
    ):
        raise ValidationError({"email": _("This person is already a member of the network.")})
    previous = (
        Invitation.objects.select_for_update().unanswered().filter(network=network, email=email)
    )
    for old in previous:
        if not old.is_expired:
            raise ValidationError({"email": _("This address has already been invited.")})
        old.revoked_at = timezone.now()
        old.save(update_fields=["revoked_at"])
    invitation = Invitation.objects.create(
        network=network, email=email, role=role, invited_by=invited_by
    )
    _log(
        invitation,
        "network.invitation.create",
        user=invited_by,
        data={"network_id": network.pk, "network": network.title, "email": email, "role": role},
    )
    if existing_user is not None:
        notify(
            recipient=existing_user,
            verb="invitation.received",
            message=_("%(person)s invites you to join %(network)s.")
            % {"person": invited_by, "network": network.title},
            url=invitation.get_absolute_url(),
            target=invitation,
            actor=invited_by,
        )
    else:
        from network.tasks import send_invitation_email

        transaction.on_commit(lambda: send_invitation_email.enqueue(invitation_id=invitation.pk))
    return invitation


@transaction.atomic
def accept_invitation(*, invitation, user):
    """Accept with the link's token: the person becomes an active member in the invited
    role (a pending request of theirs is approved with it).
    """
    locked = _locked_invitation(invitation)
    if not locked.is_open:
        raise ValidationError(_("This invitation is no longer valid."))
    network = locked.network
    now = timezone.now()
    membership = Membership.objects.select_for_update().filter(network=network, user=user).first()
    if membership is not None and membership.is_active:
        pass  # already in: keep their role, just close the invitation
    elif membership is not None:
        membership.status = MembershipStatus.ACTIVE
        membership.role = locked.role
        membership.joined_at = now
        membership.decided_at = now
        membership.decided_by = locked.invited_by
        membership.save()
    else:
        membership = Membership.objects.create(
            network=network,
            user=user,
            role=locked.role,
            status=MembershipStatus.ACTIVE,
            joined_at=now,
            decided_at=now,
            decided_by=locked.invited_by,
        )
    locked.accepted_at = now
    locked.accepted_by = user
    locked.save(update_fields=["accepted_at", "accepted_by"])
    refresh_member_count(network=network)
    _log(
        membership,
        "network.invitation.accept",
        user=user,
        data=_data(membership, invitation_id=locked.pk, email=locked.email),
    )
    if locked.invited_by is not None:
        notify(
            recipient=locked.invited_by,
            verb="invitation.accepted",
            message=_("%(person)s accepted your invitation to %(network)s.")
            % {"person": user, "network": network.title},
            url=_network_url(network),
            target=membership,
            actor=user,
        )
    permissions.forget(user)
    return membership


@transaction.atomic
def decline_invitation(*, invitation, user):
    locked = _locked_invitation(invitation)
    if not locked.is_open:
        raise ValidationError(_("This invitation is no longer valid."))
    locked.declined_at = timezone.now()
    locked.save(update_fields=["declined_at"])
    _log(
        locked,
        "network.invitation.decline",
        user=user,
        data={"network_id": locked.network_id, "network": locked.network.title},
    )
    return locked


@transaction.atomic
def revoke_invitation(*, invitation, actor):
    locked = _locked_invitation(invitation)
    _require(
        permissions.can_moderate(actor, locked.network),
        _("Only the network's facilitators and leads can withdraw invitations."),
    )
    if not locked.is_open:
        raise ValidationError(_("This invitation is no longer open."))
    locked.revoked_at = timezone.now()
    locked.save(update_fields=["revoked_at"])
    _log(
        locked,
        "network.invitation.revoke",
        user=actor,
        data={"network_id": locked.network_id, "network": locked.network.title},
    )
    return locked
