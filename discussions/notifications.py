"""Who is told what, one function per kind of notification.

Each function picks its recipients, drops anyone who may not read the network (or who
did the thing), and calls ``accounts.services.notify`` once per person. Each returns
the ids of the people it notified, so a caller can tell a person once per event even
when several reasons apply (a reply to your post that also mentions you).

Each ``VERB_*`` is a kind of notification that people switch on or off for email on
their email preferences page (``accounts.email_kinds``); the email carries a one-click
unsubscribe link for its kind.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts import email_kinds
from accounts.services import notify
from discussions.models import Follow
from discussions.permissions import may_notify
from network.rendering import excerpt

VERB_REPLY = "discussions.reply"
VERB_MENTION = "discussions.mention"
VERB_THREAD_REPLY = "discussions.thread_reply"
VERB_NEW_THREAD = "discussions.new_thread"
VERB_ANSWER_ACCEPTED = "discussions.answer_accepted"

QUOTE_LENGTH = 140


def register_email_kinds():
    """Offer each kind as a switch on the email preferences page (called at start-up)."""
    email_kinds.register(VERB_REPLY, gettext_lazy("Replies to my posts"))
    email_kinds.register(VERB_MENTION, gettext_lazy("Mentions of me"))
    email_kinds.register(VERB_THREAD_REPLY, gettext_lazy("Replies in threads I follow"))
    email_kinds.register(VERB_NEW_THREAD, gettext_lazy("New threads in networks I follow"))
    email_kinds.register(VERB_ANSWER_ACCEPTED, gettext_lazy("My answer accepted"))


def _quote(text):
    text = excerpt(text, QUOTE_LENGTH)
    return f"“{text}”" if text else ""


def _name(person):
    return person.get_full_name() if person is not None else _("Someone")


def _message(template, *, quote="", **values):
    """One line of plain text (it is also an email subject: no line breaks)."""
    message = template % values
    message = f"{message}: {quote}" if quote else message
    return " ".join(message.split())


def _send(people, *, network, actor, verb, message, url, target, skip=()):
    notified = set()
    for person in people:
        if person is None or person.pk in skip or person.pk in notified:
            continue
        if actor is not None and person.pk == actor.pk:
            continue
        if not may_notify(person, network):
            continue
        notify(recipient=person, verb=verb, message=message, url=url, target=target, actor=actor)
        notified.add(person.pk)
    return notified


def reply_to_post(post, replied_to, *, skip=()):
    """The author of what was replied to: the parent reply, or the thread itself."""
    thread = post.thread
    recipient = replied_to.author if replied_to is not None else thread.author
    message = _message(
        _("%(person)s replied to you in “%(thread)s”"),
        person=_name(post.author),
        thread=thread.title,
        quote=_quote(post.excerpt),
    )
    return _send(
        [recipient],
        network=thread.network,
        actor=post.author,
        verb=VERB_REPLY,
        message=message,
        url=post.get_absolute_url(),
        target=post,
        skip=skip,
    )


def mentioned(people, *, thread, post=None, skip=()):
    """People @mentioned in a thread's opening text or in a reply."""
    actor = post.author if post is not None else thread.author
    text = post.excerpt if post is not None else thread.excerpt
    message = _message(
        _("%(person)s mentioned you in “%(thread)s”"),
        person=_name(actor),
        thread=thread.title,
        quote=_quote(text),
    )
    url = post.get_absolute_url() if post is not None else thread.get_absolute_url()
    return _send(
        people,
        network=thread.network,
        actor=actor,
        verb=VERB_MENTION,
        message=message,
        url=url,
        target=post if post is not None else thread,
        skip=skip,
    )


def thread_followers(post, *, skip=()):
    """Followers of the thread hear of each new reply (the author follows their own)."""
    thread = post.thread
    followers = [follow.user for follow in Follow.objects.of_thread(thread).select_related("user")]
    message = _message(
        _("%(person)s replied in “%(thread)s”"),
        person=_name(post.author),
        thread=thread.title,
        quote=_quote(post.excerpt),
    )
    return _send(
        followers,
        network=thread.network,
        actor=post.author,
        verb=VERB_THREAD_REPLY,
        message=message,
        url=post.get_absolute_url(),
        target=post,
        skip=skip,
    )


def new_thread(thread, *, skip=()):
    """Followers of the network hear of each new thread in it."""
    followers = [
        follow.user
        for follow in Follow.objects.of_network(thread.network_id).select_related("user")
    ]
    message = _message(
        _("New thread in %(network)s by %(person)s: “%(thread)s”"),
        network=thread.network.title,
        person=_name(thread.author),
        thread=thread.title,
    )
    return _send(
        followers,
        network=thread.network,
        actor=thread.author,
        verb=VERB_NEW_THREAD,
        message=message,
        url=thread.get_absolute_url(),
        target=thread,
        skip=skip,
    )


def answer_accepted(post, *, by):
    thread = post.thread
    message = _message(
        _("%(person)s accepted your answer in “%(thread)s”"),
        person=_name(by),
        thread=thread.title,
    )
    return _send(
        [post.author],
        network=thread.network,
        actor=by,
        verb=VERB_ANSWER_ACCEPTED,
        message=message,
        url=post.get_absolute_url(),
        target=post,
    )
