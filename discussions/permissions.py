"""May this person ... ? Thread- and post-level rules, built on ``network.permissions``.

Every discussions view, template tag, feed and notification asks here; nothing in this
app looks at memberships itself. The network's rules decide who may read (``can_view``),
write (``can_post``) and moderate (``can_moderate``); this module adds what is particular
to threads: locked threads, hidden threads and posts, authorship, questions.

A person's memberships are fetched once per user object by ``network.permissions``, so
asking many questions on one page costs one query.
"""

from django.db.models import Q

from network import permissions as network_permissions

# --- Networks -----------------------------------------------------------------------


def can_view_network(user, network):
    """May this person read the network's threads? (Outsiders of a members-only one: 404.)"""
    return network_permissions.can_view(user, network)


def can_moderate_network(user, network):
    return network_permissions.can_moderate(user, network)


def can_start_thread(user, network):
    return bool(user.is_authenticated and network_permissions.can_post(user, network))


def can_follow_network(user, network):
    return bool(user.is_authenticated and network_permissions.can_view(user, network))


# --- Threads ------------------------------------------------------------------------


def can_view_thread(user, thread):
    if not network_permissions.can_view(user, thread.network):
        return False
    return not thread.is_hidden or network_permissions.can_moderate(user, thread.network)


def can_reply(user, thread):
    """Members write; a locked thread takes replies only from its moderators."""
    if not user.is_authenticated or thread.is_hidden:
        return False
    if not network_permissions.can_post(user, thread.network):
        return False
    return not thread.is_locked or network_permissions.can_moderate(user, thread.network)


def can_edit_thread(user, thread):
    return bool(
        user.is_authenticated
        and thread.author_id == user.pk
        and not thread.is_hidden
        and network_permissions.can_post(user, thread.network)
    )


def can_follow_thread(user, thread):
    return bool(user.is_authenticated and can_view_thread(user, thread))


def can_accept_answer(user, thread):
    """The asker, or a moderator of the network, on questions only."""
    if not user.is_authenticated or not thread.is_question:
        return False
    if thread.author_id == user.pk and network_permissions.can_post(user, thread.network):
        return True
    return network_permissions.can_moderate(user, thread.network)


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
        and network_permissions.can_post(user, post.thread.network)
    )


def can_delete_post(user, post):
    """Authors delete their own replies (moderators hide instead: see moderation)."""
    return bool(user.is_authenticated and post.author_id == user.pk and not post.is_deleted)


def can_mark_helpful(user, post):
    return bool(
        user.is_authenticated
        and post.author_id != user.pk
        and post.shows_text
        and network_permissions.can_post(user, post.thread.network)
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
        self.moderate = network_permissions.can_moderate(user, network)
        self.post = bool(user.is_authenticated and network_permissions.can_post(user, network))
        self.reply = can_reply(user, thread)
        self.edit_thread = can_edit_thread(user, thread)
        self.accept = can_accept_answer(user, thread)
        self.follow = bool(user.is_authenticated and self.view)
        self.read_hidden = self.moderate

    def can_edit(self, post):
        return self.post and post.author_id == self.user.pk and post.shows_text

    def can_delete(self, post):
        return (
            self.user.is_authenticated and post.author_id == self.user.pk and not post.is_deleted
        )

    def can_react(self, post):
        return self.post and post.author_id != self.user.pk and post.shows_text
