"""Background work for discussions, queued on commit by ``discussions.services``."""

from django.contrib.auth import get_user_model
from django.tasks import task

from discussions import notifications
from discussions.models import Post, Thread


def _people(ids):
    return list(get_user_model().objects.filter(pk__in=ids or [], is_active=True))


@task()
def notify_thread_started(*, thread_id, mentioned_ids=()):
    thread = Thread.objects.select_related("network", "author").filter(pk=thread_id).first()
    if thread is None:
        return
    told = notifications.mentioned(_people(mentioned_ids), thread=thread)
    notifications.new_thread(thread, skip=told)


@task()
def notify_reply_posted(*, post_id, replied_to_id=None, mentioned_ids=()):
    post = (
        Post.objects.select_related("thread__network", "thread__author", "author")
        .filter(pk=post_id, is_deleted=False)
        .first()
    )
    if post is None:
        return
    replied_to = None
    if replied_to_id is not None:
        replied_to = Post.objects.select_related("author").filter(pk=replied_to_id).first()
    told = notifications.reply_to_post(post, replied_to)
    told |= notifications.mentioned(
        _people(mentioned_ids), thread=post.thread, post=post, skip=told
    )
    notifications.thread_followers(post, skip=told)


@task()
def notify_mentioned(*, thread_id, post_id=None, mentioned_ids=()):
    """New @mentions added by an edit."""
    thread = Thread.objects.select_related("network", "author").filter(pk=thread_id).first()
    if thread is None:
        return
    post = None
    if post_id is not None:
        post = Post.objects.select_related("author").filter(pk=post_id).first()
        if post is None:
            return
        post.thread = thread
    notifications.mentioned(_people(mentioned_ids), thread=thread, post=post)


@task()
def notify_answer_accepted(*, post_id, by_id):
    post = Post.objects.select_related("thread__network", "author").filter(pk=post_id).first()
    by = get_user_model().objects.filter(pk=by_id).first()
    if post is None or by is None:
        return
    notifications.answer_accepted(post, by=by)
