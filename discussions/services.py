"""Writes with side effects for discussions: one function per action.

Keyword arguments, one transaction each; notifications are queued as tasks on commit.
Callers (views, the demo, the moderation tools) check permissions first through
``discussions.permissions``; these functions keep the data consistent: the tree paths,
every counter on threads and posts, and the network's latest activity.
"""

from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone

from discussions.models import (
    MAX_DEPTH,
    Follow,
    Post,
    PostRevision,
    Reaction,
    Thread,
    ThreadKind,
    ThreadRead,
    ThreadRevision,
)
from discussions.models.posts import SEGMENT_WIDTH, path_segment
from network.rendering import clean_text, render_markdown


def _tasks():
    # Imported late: the tasks module imports notifications, which imports permissions.
    from discussions import tasks

    return tasks


def _ids(people):
    return sorted({person.pk for person in people})


# --- Threads ------------------------------------------------------------------------


@transaction.atomic
def start_thread(
    *,
    network,
    author,
    title,
    body,
    kind=ThreadKind.DISCUSSION,
    tags=(),
    principles=(),
    page=None,
    when=None,
):
    """Open a thread; its author follows it; followers of the network hear of it."""
    when = when or timezone.now()
    title, body = clean_text(title), clean_text(body)
    rendered = render_markdown(body)
    thread = Thread.objects.create(
        network=network,
        page=page,
        kind=kind,
        title=title.strip(),
        author=author,
        body=body,
        body_html=rendered.html,
        excerpt=rendered.excerpt,
        created_at=when,
        last_activity_at=when,
        participant_count=1,
    )
    if tags:
        thread.tags.set(list(tags))
    if principles:
        thread.principles.set(principles)
    Follow.objects.get_or_create(user=author, thread=thread)
    _touch_network(network, when)
    mentioned = _ids(rendered.mentions)
    transaction.on_commit(
        lambda: _tasks().notify_thread_started.enqueue(
            thread_id=thread.pk, mentioned_ids=mentioned
        )
    )
    return thread


@transaction.atomic
def edit_thread(*, thread, editor, title, body, tags=None, principles=None, kind=None):
    """Change a thread's opening text, keeping the previous version."""
    ThreadRevision.objects.create(
        thread=thread,
        title=thread.title,
        body=thread.body,
        written_at=thread.edited_at or thread.created_at,
        replaced_by=editor,
    )
    title, body = clean_text(title), clean_text(body)
    before = {person.pk for person in render_markdown(thread.body).mentions}
    rendered = render_markdown(body)
    thread.title = title.strip()
    thread.body = body
    thread.body_html = rendered.html
    thread.excerpt = rendered.excerpt
    thread.edited_at = timezone.now()
    fields = ["title", "body", "body_html", "excerpt", "edited_at"]
    if kind is not None and kind != thread.kind:
        thread.kind = kind
        fields.append("kind")
        if kind != ThreadKind.QUESTION and thread.accepted_answer_id:
            thread.accepted_answer = None
            fields.append("accepted_answer")
    thread.save(update_fields=fields)
    if tags is not None:
        thread.tags.set(list(tags))
    if principles is not None:
        thread.principles.set(principles)
    _queue_mentions(thread=thread, post=None, people=rendered.mentions, skip=before)
    return thread


# --- Replies ------------------------------------------------------------------------


@transaction.atomic
def post_reply(*, thread, author, body, parent=None, when=None):
    """Reply to the thread (``parent=None``) or to one of its replies.

    A reply to a reply at the deepest level is attached beside it (to its parent), so
    nesting never fails; the person replied to is still the one notified.
    """
    when = when or timezone.now()
    # Lock the thread row: replies to one thread are numbered one at a time.
    locked = Thread.objects.select_for_update().only("pk").get(pk=thread.pk)
    replied_to = parent
    attach_to = parent
    if attach_to is not None:
        if attach_to.thread_id != thread.pk:
            raise ValueError("The parent reply belongs to another thread.")
        if attach_to.depth >= MAX_DEPTH:
            deepest_parent_path = attach_to.path[: SEGMENT_WIDTH * (MAX_DEPTH - 1)]
            attach_to = Post.objects.get(thread=thread, path=deepest_parent_path)
    body = clean_text(body)
    rendered = render_markdown(body)
    is_new_participant = (
        author.pk != thread.author_id
        and not Post.objects.filter(thread=locked, author=author, is_deleted=False).exists()
    )
    post = Post.objects.create(
        thread=thread,
        author=author,
        parent=attach_to,
        path=_next_path(thread, attach_to),
        depth=(attach_to.depth + 1) if attach_to else 1,
        body=body,
        body_html=rendered.html,
        excerpt=rendered.excerpt,
        created_at=when,
    )
    if attach_to is not None:
        Post.objects.filter(pk=attach_to.pk).update(child_count=F("child_count") + 1)
    Thread.objects.filter(pk=thread.pk).update(
        reply_count=F("reply_count") + 1,
        listed_count=F("listed_count") + 1,
        participant_count=F("participant_count") + (1 if is_new_participant else 0),
        last_activity_at=when,
        last_poster=author,
    )
    _touch_network(thread.network_id, when)
    if thread.kind == ThreadKind.QUESTION:
        from discussions.live.services import record_expert_answer

        record_expert_answer(post=post, thread=thread)
    mentioned = _ids(rendered.mentions)
    replied_to_id = replied_to.pk if replied_to else None
    transaction.on_commit(
        lambda: _tasks().notify_reply_posted.enqueue(
            post_id=post.pk, replied_to_id=replied_to_id, mentioned_ids=mentioned
        )
    )
    return post


def _next_path(thread, parent):
    """The path of a new last child of ``parent`` (or of the thread), under the lock."""
    siblings = Post.objects.filter(thread=thread, parent=parent)
    last = siblings.aggregate(last=Max("path"))["last"]
    number = int(last[-SEGMENT_WIDTH:]) + 1 if last else 1
    return (parent.path if parent else "") + path_segment(number)


@transaction.atomic
def edit_post(*, post, editor, body):
    """Change a reply's text, keeping the previous version; shows "edited"."""
    PostRevision.objects.create(
        post=post,
        body=post.body,
        written_at=post.edited_at or post.created_at,
        replaced_by=editor,
    )
    body = clean_text(body)
    before = {person.pk for person in render_markdown(post.body).mentions}
    rendered = render_markdown(body)
    post.body = body
    post.body_html = rendered.html
    post.excerpt = rendered.excerpt
    post.edited_at = timezone.now()
    post.save(update_fields=["body", "body_html", "excerpt", "edited_at"])
    _queue_mentions(thread=post.thread, post=post, people=rendered.mentions, skip=before)
    return post


@transaction.atomic
def delete_post(*, post, by):
    """An author deletes their reply. It stays in the tree as "deleted" while it has
    replies, and drops out (with any deleted ancestors left without replies) otherwise.
    The text is kept for moderators; nobody else sees it.
    """
    post = Post.objects.select_for_update().get(pk=post.pk)
    if post.is_deleted:
        return post
    thread = Thread.objects.select_for_update().get(pk=post.thread_id)
    post.is_deleted = True
    post.deleted_at = timezone.now()
    post.helpful_count = 0
    post.save(update_fields=["is_deleted", "deleted_at", "helpful_count"])

    unlisted = 0
    if post.child_count == 0:
        unlisted = 1
        parent_id = post.parent_id
        while parent_id is not None:
            Post.objects.filter(pk=parent_id).update(child_count=F("child_count") - 1)
            parent = Post.objects.only("pk", "parent_id", "is_deleted", "child_count").get(
                pk=parent_id
            )
            if not (parent.is_deleted and parent.child_count == 0):
                break
            unlisted += 1
            parent_id = parent.parent_id

    thread.reply_count = max(0, thread.reply_count - 1)
    thread.listed_count = max(0, thread.listed_count - unlisted)
    thread.participant_count = _participants(thread)
    fields = ["reply_count", "listed_count", "participant_count"]
    if thread.accepted_answer_id == post.pk:
        thread.accepted_answer = None
        fields.append("accepted_answer")
    thread.save(update_fields=fields)
    Reaction.objects.filter(post=post).delete()
    return post


def _participants(thread):
    authors = set(
        Post.objects.filter(thread=thread, is_deleted=False, author__isnull=False)
        .values_list("author_id", flat=True)
        .distinct()
    )
    if thread.author_id:
        authors.add(thread.author_id)
    return len(authors)


# --- Questions and reactions --------------------------------------------------------


@transaction.atomic
def accept_answer(*, thread, post, by):
    """Mark ``post`` as the accepted answer of a question (``post=None`` clears it)."""
    if thread.kind != ThreadKind.QUESTION:
        raise ValueError("Only questions have an accepted answer.")
    if post is not None and (post.thread_id != thread.pk or not post.shows_text):
        raise ValueError("The answer must be a visible reply in this thread.")
    thread.accepted_answer = post
    thread.save(update_fields=["accepted_answer"])
    if post is not None and post.author_id and post.author_id != by.pk:
        transaction.on_commit(
            lambda: _tasks().notify_answer_accepted.enqueue(post_id=post.pk, by_id=by.pk)
        )
    return thread


@transaction.atomic
def mark_helpful(*, post, user, helpful=True):
    """Mark (or unmark) a reply helpful; returns the reply's new total."""
    if helpful:
        _, created = Reaction.objects.get_or_create(
            post=post, user=user, kind=Reaction.Kind.HELPFUL
        )
        if created:
            Post.objects.filter(pk=post.pk).update(helpful_count=F("helpful_count") + 1)
    else:
        deleted, _ = Reaction.objects.filter(
            post=post, user=user, kind=Reaction.Kind.HELPFUL
        ).delete()
        if deleted:
            Post.objects.filter(pk=post.pk, helpful_count__gt=0).update(
                helpful_count=F("helpful_count") - 1
            )
    post.helpful_count = Post.objects.values_list("helpful_count", flat=True).get(pk=post.pk)
    return post.helpful_count


# --- Following and reading ----------------------------------------------------------


@transaction.atomic
def follow_thread(*, user, thread, follow=True):
    if follow:
        Follow.objects.get_or_create(user=user, thread=thread)
    else:
        Follow.objects.filter(user=user, thread=thread).delete()
    return follow


@transaction.atomic
def follow_network(*, user, network, follow=True):
    if follow:
        Follow.objects.get_or_create(user=user, network=network)
    else:
        Follow.objects.filter(user=user, network=network).delete()
    return follow


def mark_read(*, user, thread, when=None):
    """Move the person's read marker on this thread: one upsert statement."""
    ThreadRead.objects.bulk_create(
        [ThreadRead(user=user, thread=thread, last_read_at=when or timezone.now())],
        update_conflicts=True,
        unique_fields=["user", "thread"],
        update_fields=["last_read_at"],
    )


# --- Helpers ------------------------------------------------------------------------


def _touch_network(network, when):
    from network.services import touch_activity

    touch_activity(network=network, when=when)


def _queue_mentions(*, thread, post, people, skip):
    new = [pk for pk in _ids(people) if pk not in skip]
    if not new:
        return
    thread_id, post_id = thread.pk, post.pk if post else None
    transaction.on_commit(
        lambda: _tasks().notify_mentioned.enqueue(
            thread_id=thread_id, post_id=post_id, mentioned_ids=new
        )
    )
