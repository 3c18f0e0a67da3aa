"""May this person ... ? Thread- and post-level rules, built on ``network.permissions``.

Every discussions view, template tag, feed and notification asks here; nothing in this
app looks at memberships itself. The network's rules decide who may read (``can_view``),
write (``can_post``) and moderate (``can_moderate``); this module adds what is particular
to threads: locked threads, hidden threads and posts, authorship, questions.

A person's memberships are fetched once per user object by ``network.permissions``, so
asking many questions on one page costs one query.
"""

from django.core.cache import cache
from django.db.models import Q
from django.utils import timezone

from network import permissions as network_permissions

# --- Networks -----------------------------------------------------------------------


def can_view_network(user, network):
    """May this person read the network's threads? (Outsiders of a members-only one: 404.)"""
    return network_permissions.can_view(user, network)


def can_moderate_network(user, network):
    """Facilitators and leads of this network, and editors (none while suspended)."""
    return network_permissions.can_moderate(user, network) and not is_suspended(user)


def can_write(user, network):
    """May this person write in the network (post, reply, react, flag)? Members, and
    editors, who are not suspended."""
    return bool(
        user.is_authenticated
        and network_permissions.can_post(user, network)
        and not is_suspended(user)
    )


def can_start_thread(user, network):
    return can_write(user, network)


def can_follow_network(user, network):
    return bool(user.is_authenticated and network_permissions.can_view(user, network))


# --- Threads ------------------------------------------------------------------------


def can_view_thread(user, thread):
    if not network_permissions.can_view(user, thread.network):
        return False
    return not thread.is_hidden or network_permissions.can_moderate(user, thread.network)


def can_reply(user, thread):
    """Members write; a locked thread takes replies only from its moderators.

    A live session takes questions and answers through its own page (see the live
    section below), never through the plain reply forms.
    """
    if thread.is_hidden or thread.is_live_session or not can_write(user, thread.network):
        return False
    return not thread.is_locked or network_permissions.can_moderate(user, thread.network)


def can_edit_thread(user, thread):
    return bool(
        user.is_authenticated
        and thread.author_id == user.pk
        and not thread.is_hidden
        and not thread.is_live_session
        and can_write(user, thread.network)
    )


def can_follow_thread(user, thread):
    return bool(user.is_authenticated and can_view_thread(user, thread))


def can_accept_answer(user, thread):
    """The asker, or a moderator of the network, on questions only."""
    if not user.is_authenticated or not thread.is_question:
        return False
    if thread.author_id == user.pk and can_write(user, thread.network):
        return True
    return can_moderate_network(user, thread.network)


# --- Posts --------------------------------------------------------------------------


def can_view_post(user, post):
    return can_view_thread(user, post.thread)


def can_reply_to_post(user, post):
    return post.shows_text and can_reply(user, post.thread)


def can_edit_post(user, post):
    return bool(
        user.is_authenticated
        and post.author_id == user.pk
        and post.shows_text
        and not post.thread.is_live_session
        and can_write(user, post.thread.network)
    )


def can_delete_post(user, post):
    """Authors delete their own replies (moderators hide instead: see moderation)."""
    return bool(
        user.is_authenticated
        and post.author_id == user.pk
        and not post.is_deleted
        and not post.thread.is_live_session
    )


def can_mark_helpful(user, post):
    return bool(
        user.is_authenticated
        and post.author_id != user.pk
        and post.shows_text
        and not post.thread.is_live_session
        and can_write(user, post.thread.network)
    )


def can_read_hidden(user, thread):
    """Moderators read the text of hidden replies; everyone else sees "hidden"."""
    return network_permissions.can_moderate(user, thread.network)


# --- QuerySet filters ---------------------------------------------------------------


def visible_threads_q(user):
    """Threads this person may find in listings, feeds and search.

    Threads of networks they may view; hidden threads only for staff editors (a network's
    own moderators still open them directly).
    """
    q = network_permissions.visible_networks_q(user, prefix="network__")
    if not network_permissions.is_editor(user):
        q &= Q(is_hidden=False)
    return q


def may_notify(user, network):
    """Only people who may read the network are told about what happens in it."""
    return bool(
        user is not None and user.is_active and network_permissions.can_view(user, network)
    )


class ThreadAccess:
    """Every answer a thread page needs, worked out once for one person and one thread."""

    def __init__(self, user, thread):
        network = thread.network
        self.user = user
        self.view = can_view_thread(user, thread)
        self.moderate = can_moderate_network(user, network)
        self.post = can_write(user, network)
        self.reply = can_reply(user, thread)
        self.edit_thread = can_edit_thread(user, thread)
        self.accept = can_accept_answer(user, thread)
        self.follow = bool(user.is_authenticated and self.view)
        self.read_hidden = network_permissions.can_moderate(user, network)
        self.suspended = is_suspended(user)
        # Anyone signed in who may read the thread flags what others wrote.
        self.flag = bool(user.is_authenticated and self.view and not self.suspended)
        self.flag_thread = self.flag and thread.author_id != user.pk and not thread.is_hidden

    def can_edit(self, post):
        return self.post and post.author_id == self.user.pk and post.shows_text

    def can_delete(self, post):
        return (
            self.user.is_authenticated and post.author_id == self.user.pk and not post.is_deleted
        )

    def can_react(self, post):
        return self.post and post.author_id != self.user.pk and post.shows_text

    def can_flag(self, post):
        return self.flag and post.author_id != self.user.pk and post.shows_text


# --- Moderation ---------------------------------------------------------------------

#: ``{user_id: ends_at}`` of every suspension in force, shared by all workers. Read on
#: every signed-in page, so the steady state costs no SQL; the moderation services drop
#: it whenever a suspension starts or is lifted, and it expires as a safety net.
SUSPENSIONS_CACHE_KEY = "discussions:suspensions"
SUSPENSIONS_CACHE_SECONDS = 300
_SUSPENDED_UNTIL_ATTR = "_discussions_suspended_until"


def suspended_until(user):
    """When this person's suspension ends, or ``None`` when they are not suspended.

    Cached on the user object for the request and in the shared cache across requests.
    """
    if user is None or not user.is_authenticated:
        return None
    cached = getattr(user, _SUSPENDED_UNTIL_ATTR, False)
    if cached is not False:
        return cached
    suspensions = cache.get(SUSPENSIONS_CACHE_KEY)
    if suspensions is None:
        from discussions.models.moderation import Suspension

        suspensions = {}
        for user_id, ends_at in Suspension.objects.in_force().values_list("user_id", "ends_at"):
            suspensions[user_id] = max(ends_at, suspensions.get(user_id, ends_at))
        cache.set(SUSPENSIONS_CACHE_KEY, suspensions, SUSPENSIONS_CACHE_SECONDS)
    ends_at = suspensions.get(user.pk)
    if ends_at is not None and ends_at <= timezone.now():
        ends_at = None
    setattr(user, _SUSPENDED_UNTIL_ATTR, ends_at)
    return ends_at


def is_suspended(user):
    """Suspended people read everything they could before, and write nothing."""
    return suspended_until(user) is not None


def forget_suspensions(*users):
    """Drop the cached suspensions (after one starts or is lifted)."""
    cache.delete(SUSPENSIONS_CACHE_KEY)
    for user in users:
        if user is not None and hasattr(user, _SUSPENDED_UNTIL_ATTR):
            delattr(user, _SUSPENDED_UNTIL_ATTR)


def can_flag_post(user, post):
    """Anyone signed in who may read the reply flags it (not their own, not one that is
    already hidden or deleted), unless suspended."""
    return bool(
        user.is_authenticated
        and post.author_id != user.pk
        and post.shows_text
        and can_view_post(user, post)
        and not is_suspended(user)
    )


def can_flag_thread(user, thread):
    """The same for a thread's opening text."""
    return bool(
        user.is_authenticated
        and thread.author_id != user.pk
        and not thread.is_hidden
        and can_view_thread(user, thread)
        and not is_suspended(user)
    )


def can_moderate_thread(user, thread):
    """Hide and restore its replies, hide, lock, pin or move it."""
    return can_moderate_network(user, thread.network)


def can_move_thread(user, thread, target):
    """Between two networks this person moderates."""
    return (
        target.pk != thread.network_id
        and can_moderate_network(user, thread.network)
        and can_moderate_network(user, target)
    )


def moderated_network_ids(user):
    """Ids of the networks where this person moderates (``None``: all, for editors)."""
    if is_suspended(user):
        return []
    if network_permissions.is_editor(user):
        return None
    return [
        pk
        for pk in network_permissions.active_network_ids(user)
        # ``can_moderate`` reads only the network's id (the person's roles are cached).
        if network_permissions.can_moderate(user, pk)
    ]


def can_suspend(user):
    """Site-wide suspensions and bulk hiding: staff editors only."""
    return network_permissions.is_editor(user) and not is_suspended(user)


def can_use_moderation_queue(user):
    """The Wagtail admin's moderation queue: staff editors."""
    return network_permissions.is_editor(user)


# --- Live sessions ------------------------------------------------------------------
# A session's hosts are expert profiles; ``host_ids`` is the set of their users' ids,
# fetched once per page with the hosts themselves.


def visible_live_sessions_q(user):
    """Live sessions this person may find in listings (profiles, the session list)."""
    q = network_permissions.visible_networks_q(user, prefix="thread__network__")
    if not network_permissions.is_editor(user):
        q &= Q(thread__is_hidden=False)
    return q


def live_session_in_query_q(user):
    """The same rule, with no query of its own: for the polling endpoint."""
    q = network_permissions.visible_networks_in_query_q(user, prefix="thread__network__")
    if not network_permissions.is_editor(user):
        q &= Q(thread__is_hidden=False)
    return q


def is_host(user, host_ids):
    """One of the session's hosts (a suspended host writes nothing either)."""
    return bool(user.is_authenticated and user.pk in host_ids and not is_suspended(user))


def can_take_part(user, session, phase):
    """Ask and up-vote questions: anyone signed in who may read the session (members of
    a members-only network; everyone signed in in a public one), until it closes."""
    return bool(
        user.is_authenticated
        and phase != session.Phase.CLOSED
        and can_view_thread(user, session.thread)
        and not is_suspended(user)
    )


def can_answer(user, session, phase, host_ids):
    """Only the hosts answer, while the session is open."""
    return (
        phase == session.Phase.OPEN
        and is_host(user, host_ids)
        and can_view_thread(user, session.thread)
    )


def can_conclude(user, session, phase, host_ids):
    """Only the hosts write the conclusion, once the session has closed."""
    return (
        phase == session.Phase.CLOSED
        and is_host(user, host_ids)
        and can_view_thread(user, session.thread)
    )


def can_turn_into_lesson(user, session, phase, host_ids):
    """A host, once the session has closed with a conclusion, who may write lessons
    in its network (the draft lives there)."""
    return bool(
        session.conclusion
        and can_conclude(user, session, phase, host_ids)
        and network_permissions.can_post(user, session.thread.network)
    )


def can_moderate_session(user, session):
    """Facilitators and leads of the session's network, and editors."""
    return network_permissions.can_moderate(user, session.thread.network)


def can_schedule_session(user, network):
    return bool(user.is_authenticated and network_permissions.can_moderate(user, network))


class LiveAccess:
    """Every answer the session page needs, worked out once for one person."""

    def __init__(self, user, session, phase, host_ids):
        self.phase = phase
        self.is_host = is_host(user, host_ids)
        self.take_part = can_take_part(user, session, phase)
        self.answer = can_answer(user, session, phase, host_ids)
        self.conclude = can_conclude(user, session, phase, host_ids)
        self.lesson = can_turn_into_lesson(user, session, phase, host_ids)
        self.moderate = bool(user.is_authenticated and can_moderate_session(user, session))
