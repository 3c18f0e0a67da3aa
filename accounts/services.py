"""Writes with side effects for accounts: notifications and affiliation decisions."""

import contextlib

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts import email_kinds
from accounts import unsubscribe as unsubscribe_links
from accounts.models import Affiliation, Notification, User


def notify(*, recipient, verb, message, url="", target=None, actor=None, email=True):
    """Store an in-app notification and, after commit, queue its email.

    Any app calls this; it is the one way a person is told something.
    """
    notification = Notification.objects.create(
        recipient=recipient,
        actor=actor,
        verb=verb,
        message=str(message)[:300],
        url=url,
        target_type=ContentType.objects.get_for_model(target) if target is not None else None,
        target_id=str(target.pk) if target is not None else "",
    )
    if email and email_kinds.wants_email(recipient, verb):
        from accounts.tasks import send_notification_email

        transaction.on_commit(
            lambda: send_notification_email.enqueue(notification_id=notification.pk)
        )
    return notification


@transaction.atomic
def claim_affiliation(*, user, organisation, job_title=""):
    """Claim (or re-claim) an affiliation. Unverified claims to other organisations go."""
    Affiliation.objects.filter(user=user).exclude(organisation=organisation).exclude(
        status=Affiliation.Status.VERIFIED
    ).delete()
    affiliation, created = Affiliation.objects.get_or_create(
        user=user, organisation=organisation, defaults={"job_title": job_title}
    )
    if not created and affiliation.job_title != job_title:
        affiliation.job_title = job_title
        affiliation.save(update_fields=["job_title"])
    return affiliation


@transaction.atomic
def decide_affiliation(*, affiliation, verified, decided_by, note=""):
    affiliation = Affiliation.objects.select_for_update().get(pk=affiliation.pk)
    affiliation.status = Affiliation.Status.VERIFIED if verified else Affiliation.Status.DECLINED
    affiliation.decided_at = timezone.now()
    affiliation.decided_by = decided_by
    affiliation.decision_note = note
    affiliation.save(update_fields=["status", "decided_at", "decided_by", "decision_note"])
    if verified:
        message = _("Your affiliation with %(organisation)s is verified.")
    else:
        message = _("Your affiliation with %(organisation)s could not be verified.")
    message = message % {"organisation": affiliation.organisation.name}
    if note:
        message = _("%(message)s Note from the editors: %(note)s") % {
            "message": message,
            "note": note,
        }
    notify(
        recipient=affiliation.user,
        verb="affiliation.verified" if verified else "affiliation.declined",
        message=message,
        url=affiliation.get_absolute_url(),
        target=affiliation,
        actor=decided_by,
    )
    return affiliation


PROFILE_FIELDS = frozenset(
    {
        "display_name",
        "country",
        "bio",
        "languages",
        "time_zone",
        "profile_public",
    }
)


@transaction.atomic
def update_profile(*, user, changes, organisation=None, job_title=""):
    """Save a person's own profile and their organisation claim together.

    ``changes`` maps User profile fields to validated values. Choosing an organisation
    claims an affiliation with it (staff verify it later); choosing none withdraws any
    claim still unverified. A verified affiliation is never removed here.
    """
    unknown = set(changes) - PROFILE_FIELDS
    if unknown:
        raise ValueError(f"Not profile fields: {sorted(unknown)}")
    for name, value in changes.items():
        setattr(user, name, value)
    if changes:
        user.save(update_fields=sorted(changes))
    if organisation is not None:
        claim_affiliation(user=user, organisation=organisation, job_title=job_title)
    else:
        Affiliation.objects.filter(user=user).exclude(status=Affiliation.Status.VERIFIED).delete()
    return user


def mark_notifications_read(*, user, notification=None):
    """Mark one of the person's notifications (or all of them) read; returns how many."""
    notifications = Notification.objects.for_user(user)
    if notification is not None:
        notifications = notifications.filter(pk=notification.pk)
    count = notifications.mark_read()
    # The count loaded with the person is out of date now: the bell counts again.
    with contextlib.suppress(AttributeError):
        del user.unread_notification_count
    return count


@transaction.atomic
def set_email_preferences(*, user, email_notifications, opted_out):
    """Save which notifications a person gets by email (``opted_out``: verbs switched off)."""
    user.email_notifications = email_notifications
    user.email_opt_outs = sorted(set(opted_out))
    user.save(update_fields=["email_notifications", "email_opt_outs"])
    return user


@transaction.atomic
def unsubscribe(*, user, verb=unsubscribe_links.ALL):
    """Stop one kind of notification email (or all of them, for ``ALL``)."""
    user = User.objects.select_for_update().get(pk=user.pk)
    if verb == unsubscribe_links.ALL or email_kinds.get(verb) is None:
        user.email_notifications = False
        user.save(update_fields=["email_notifications"])
    elif verb not in user.email_opt_outs:
        user.email_opt_outs = sorted({*user.email_opt_outs, verb})
        user.save(update_fields=["email_opt_outs"])
    return user
