"""Moderation writes: one function per action, one transaction each, every action
written to Wagtail's audit log (action types registered in ``wagtail_hooks``).

Callers check permissions first (``discussions.permissions``: ``can_moderate_thread``,
``can_move_thread``, ``can_suspend`` ...); these functions keep the data consistent,
resolve the flags an action answers, and tell the people concerned.
"""

import uuid

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from accounts.services import notify
from discussions import permissions
from discussions.models import Post, Thread
from discussions.models.moderation import Flag, FlagStatus, Suspension
from discussions.signals import visibility_changed
from network.rendering import clean_text

HIDE_POST = "discussions.post.hide"
RESTORE_POST = "discussions.post.restore"
HIDE_THREAD = "discussions.thread.hide"
RESTORE_THREAD = "discussions.thread.restore"
LOCK_THREAD = "discussions.thread.lock"
UNLOCK_THREAD = "discussions.thread.unlock"
PIN_THREAD = "discussions.thread.pin"
UNPIN_THREAD = "discussions.thread.unpin"
MOVE_THREAD = "discussions.thread.move"
RESOLVE_FLAG = "discussions.flag.resolve"
DISMISS_FLAG = "discussions.flag.dismiss"
SUSPEND_MEMBER = "discussions.member.suspend"
LIFT_SUSPENSION = "discussions.member.lift_suspension"
BULK_HIDE = "discussions.member.bulk_hide"


# --- Flags --------------------------------------------------------------------------


@transaction.atomic
def flag(*, reporter, thread, post=None, reason, details=""):
    """Ask moderators to look at a reply (or at the thread's opening text).

    One open flag per person and target: flagging again updates the reason. The
    network's facilitators and leads are told in the app (no email: flags can come in
    bursts, and the queue is where editors work through them).
    """
    details = clean_text(details)
    existing = (
        Flag.objects.open()
        .filter(reporter=reporter, thread=thread, post=post)
        .select_for_update()
        .first()
    )
    if existing is not None:
        existing.reason, existing.details = reason, details
        existing.save(update_fields=["reason", "details"])
        return existing
    created = Flag.objects.create(
        reporter=reporter, thread=thread, post=post, reason=reason, details=details
    )
    _tell_moderators(created)
    return created


def _tell_moderators(flag):
    from network.models import Membership

    thread = flag.thread
    url = flag.get_target_url()
    if flag.post_id:
        message = _("A reply in “%(thread)s” was flagged: %(reason)s.")
    else:
        message = _("The thread “%(thread)s” was flagged: %(reason)s.")
    message %= {"thread": thread.title, "reason": flag.get_reason_display()}
    for membership in Membership.objects.for_network(thread.network_id).stewards():
        moderator = membership.user
        if moderator.pk == flag.reporter_id or not permissions.may_notify(
            moderator, thread.network
        ):
            continue
        notify(
            recipient=moderator,
            verb="discussions.flagged",
            message=message,
            url=url,
            target=flag,
            email=False,
        )


@transaction.atomic
def decide_flag(*, flag, by, status):
    """Resolve (acted on) or dismiss (nothing wrong) one open flag."""
    if status not in (FlagStatus.RESOLVED, FlagStatus.DISMISSED):
        raise ValueError("A flag is decided as resolved or dismissed.")
    flag = Flag.objects.select_for_update().get(pk=flag.pk)
    if flag.status != FlagStatus.OPEN:
        return flag
    flag.status, flag.decided_by, flag.decided_at = status, by, timezone.now()
    flag.save(update_fields=["status", "decided_by", "decided_at"])
    action = RESOLVE_FLAG if status == FlagStatus.RESOLVED else DISMISS_FLAG
    log(instance=flag, action=action, user=by, data=_flag_data(flag))
    return flag


def _resolve_flags(flags, by, log_uuid=None):
    """Mark open flags answered by a moderation action as resolved (and log each)."""
    now = timezone.now()
    resolved = list(flags.open().select_for_update())
    for item in resolved:
        item.status, item.decided_by, item.decided_at = FlagStatus.RESOLVED, by, now
    Flag.objects.bulk_update(resolved, ["status", "decided_by", "decided_at"])
    for item in resolved:
        log(instance=item, action=RESOLVE_FLAG, user=by, uuid=log_uuid, data=_flag_data(item))
    return len(resolved)


def _flag_data(flag):
    return {
        "flag": flag.pk,
        "thread": flag.thread_id,
        "post": flag.post_id,
        "reason": flag.reason,
        "status": flag.status,
    }


# --- Replies ------------------------------------------------------------------------


@transaction.atomic
def hide_post(*, post, by):
    """Hide a reply: the public sees "hidden by a moderator", moderators still read it.
    Its open flags are resolved and its author is told."""
    post = (
        Post.objects.select_for_update(of=("self",))
        .select_related("thread__network")
        .get(pk=post.pk)
    )
    if post.is_hidden:
        return post
    post.is_hidden = True
    post.save(update_fields=["is_hidden"])
    log_uuid = uuid.uuid4()
    log(instance=post, action=HIDE_POST, user=by, uuid=log_uuid, data=_post_data(post))
    _resolve_flags(Flag.objects.of_post(post), by, log_uuid)
    _tell_author(post.author, post.thread, post.get_absolute_url(), reply=True, by=by)
    return post


@transaction.atomic
def restore_post(*, post, by):
    post = Post.objects.select_for_update(of=("self",)).select_related("thread").get(pk=post.pk)
    if not post.is_hidden:
        return post
    post.is_hidden = False
    post.save(update_fields=["is_hidden"])
    log(instance=post, action=RESTORE_POST, user=by, data=_post_data(post))
    return post


def _post_data(post):
    return {"post": post.pk, "thread": post.thread_id, "thread_title": post.thread.title}


def _tell_author(author, thread, url, *, reply, by):
    """Tell the author their text was hidden: with the thread's title and address only
    when they may still read the network (no private content otherwise)."""
    if author is None or author.pk == by.pk:
        return
    if permissions.may_notify(author, thread.network):
        if reply:
            message = _("A moderator hid your reply in “%(thread)s”.")
        else:
            message = _("A moderator hid your thread “%(thread)s”.")
        message %= {"thread": thread.title}
    else:
        url = ""
        message = (
            _("A moderator hid one of your replies.")
            if reply
            else _("A moderator hid one of your threads.")
        )
    notify(recipient=author, verb="discussions.hidden", message=message, url=url, actor=None)


# --- Threads ------------------------------------------------------------------------


def _thread_data(thread, **extra):
    return {"thread": thread.pk, "title": thread.title, "network": thread.network_id, **extra}


def _set_thread_flag(thread, field, value, by, action):
    thread = (
        Thread.objects.select_for_update(of=("self",)).select_related("network").get(pk=thread.pk)
    )
    if getattr(thread, field) == value:
        return thread, False
    setattr(thread, field, value)
    thread.save(update_fields=[field])
    log(instance=thread, action=action, user=by, data=_thread_data(thread))
    return thread, True


@transaction.atomic
def hide_thread(*, thread, by):
    """Hide a whole thread (its opening text was the problem): only moderators see it.
    The flags on its opening text are resolved and its author is told."""
    thread, changed = _set_thread_flag(thread, "is_hidden", True, by, HIDE_THREAD)
    if changed:
        _resolve_flags(Flag.objects.of_opening_post(thread), by)
        _tell_author(thread.author, thread, thread.get_absolute_url(), reply=False, by=by)
    return thread


@transaction.atomic
def restore_thread(*, thread, by):
    return _set_thread_flag(thread, "is_hidden", False, by, RESTORE_THREAD)[0]


@transaction.atomic
def lock_thread(*, thread, by, locked=True):
    action = LOCK_THREAD if locked else UNLOCK_THREAD
    return _set_thread_flag(thread, "is_locked", locked, by, action)[0]


@transaction.atomic
def pin_thread(*, thread, by, pinned=True):
    action = PIN_THREAD if pinned else UNPIN_THREAD
    return _set_thread_flag(thread, "is_pinned", pinned, by, action)[0]


@transaction.atomic
def move_thread(*, thread, by, to_network):
    """Move a thread (with its replies, flags and follows) to another network.

    The page it was about stays linked only when that page is inside the new network.
    """
    from network.services import touch_activity

    thread = (
        Thread.objects.select_for_update(of=("self",))
        .select_related("network", "page")
        .get(pk=thread.pk)
    )
    source = thread.network
    if source.pk == to_network.pk:
        return thread
    thread.network = to_network
    fields = ["network"]
    if thread.page_id and not thread.page.path.startswith(to_network.path):
        thread.page = None
        fields.append("page")
    thread.save(update_fields=fields)
    touch_activity(network=to_network, when=thread.last_activity_at)
    log(
        instance=thread,
        action=MOVE_THREAD,
        user=by,
        data=_thread_data(
            thread,
            from_network=source.pk,
            from_title=source.title,
            to_network=to_network.pk,
            to_title=to_network.title,
        ),
    )
    return thread


# --- Members ------------------------------------------------------------------------


@transaction.atomic
def suspend_member(*, user, by, reason, ends_at):
    """Suspend a member site-wide until ``ends_at``: they read, but write nothing.
    They are told why and until when."""
    if ends_at <= timezone.now():
        raise ValueError("A suspension ends in the future.")
    reason = clean_text(reason)  # no NUL or control characters reach the database
    suspension = Suspension.objects.create(
        user=user, reason=reason, ends_at=ends_at, created_by=by
    )
    log(
        instance=suspension,
        action=SUSPEND_MEMBER,
        user=by,
        data={"member": user.pk, "name": user.get_full_name(), "ends_at": ends_at.isoformat()},
    )
    _forget_suspensions(user)
    message = _("Your account is suspended until %(date)s: you can read but not post. %(reason)s")
    notify(
        recipient=user,
        verb="discussions.suspended",
        message=message % {"date": date_format(ends_at, "DATETIME_FORMAT"), "reason": reason},
    )
    return suspension


@transaction.atomic
def lift_suspension(*, suspension, by):
    suspension = (
        Suspension.objects.select_for_update(of=("self",))
        .select_related("user")
        .get(pk=suspension.pk)
    )
    if suspension.lifted_at is not None:
        return suspension
    suspension.lifted_at, suspension.lifted_by = timezone.now(), by
    suspension.save(update_fields=["lifted_at", "lifted_by"])
    log(
        instance=suspension,
        action=LIFT_SUSPENSION,
        user=by,
        data={"member": suspension.user_id, "name": suspension.user.get_full_name()},
    )
    _forget_suspensions(suspension.user)
    notify(
        recipient=suspension.user,
        verb="discussions.suspension_lifted",
        message=_("Your suspension is lifted: you can post again."),
    )
    return suspension


def _forget_suspensions(user):
    # Now, so this process sees the change at once, and after commit, in case another
    # request refilled the cache from the rows as they were before.
    permissions.forget_suspensions(user)
    transaction.on_commit(lambda: permissions.forget_suspensions())


@transaction.atomic
def bulk_hide(*, author, by):
    """Hide every reply and thread of one person (a spammer) in one transaction.

    Their open flags are resolved. Each hidden reply and thread gets its audit log entry,
    all sharing one id. Nobody is notified. Returns ``(replies, threads)`` hidden.
    """
    log_uuid = uuid.uuid4()
    posts = list(
        Post.objects.select_for_update()
        .filter(author=author, is_hidden=False, is_deleted=False)
        .select_related("thread")
    )
    threads = list(
        Thread.objects.select_for_update()
        .filter(author=author, is_hidden=False)
        .only("pk", "title", "network_id")
    )
    Post.objects.filter(pk__in=[post.pk for post in posts]).update(is_hidden=True)
    Thread.objects.filter(pk__in=[thread.pk for thread in threads]).update(is_hidden=True)
    visibility_changed.send(
        sender=Post,
        thread_ids=[thread.pk for thread in threads],
        post_ids=[post.pk for post in posts],
    )
    for post in posts:
        log(instance=post, action=BULK_HIDE, user=by, uuid=log_uuid, data=_post_data(post))
    for thread in threads:
        log(instance=thread, action=BULK_HIDE, user=by, uuid=log_uuid, data=_thread_data(thread))
    _resolve_flags(
        Flag.objects.filter(
            Q(post__in=[post.pk for post in posts])
            | Q(thread__in=[thread.pk for thread in threads], post__isnull=True)
        ),
        by,
        log_uuid,
    )
    return len(posts), len(threads)
