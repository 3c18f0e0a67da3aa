"""Many replies at once, for demo content, benchmarks and tests.

``bulk_add_replies`` inserts a whole tree with ``bulk_create`` (paths computed here, in
tree order) and leaves every counter as the services would: no notifications are sent.
"""

from datetime import timedelta

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from discussions.models import MAX_DEPTH, Post, Thread
from discussions.models.posts import SEGMENT_WIDTH, path_segment
from network.rendering import clean_text, render_markdown


@transaction.atomic
def bulk_add_replies(*, thread, replies, start=None, step=timedelta(minutes=7)):
    """Add replies to ``thread``, ``step`` apart from ``start``.

    ``replies`` is a list of ``(author, body, parent)`` where ``parent`` is None (a reply
    to the thread), an existing ``Post``, or the index of an earlier item in the list.
    Returns the new posts in list order.
    """
    thread = Thread.objects.select_for_update().get(pk=thread.pk)
    # Without a start, the replies end now (one ``step`` apart), never in the future.
    when = start or timezone.now() - step * len(replies)
    last_child = {}  # parent's path ("" for the thread) -> last sibling number used
    for path in Post.objects.filter(thread=thread).values_list("path", flat=True):
        key, number = path[:-SEGMENT_WIDTH], int(path[-SEGMENT_WIDTH:])
        last_child[key] = max(number, last_child.get(key, 0))
    rendered_cache = {}
    posts = []
    children = {}
    for author, body, parent in replies:
        body = clean_text(body)
        if isinstance(parent, int):
            parent = posts[parent]
        while parent is not None and parent.depth >= MAX_DEPTH:
            parent = parent.parent  # attached at the deepest level allowed, as services do
        key = parent.path if parent is not None else ""
        number = last_child.get(key, 0) + 1
        last_child[key] = number
        if body not in rendered_cache:
            rendered_cache[body] = render_markdown(body)
        rendered = rendered_cache[body]
        when += step
        post = Post(
            thread=thread,
            author=author,
            parent=parent,
            path=key + path_segment(number),
            depth=(parent.depth + 1) if parent is not None else 1,
            body=body,
            body_html=rendered.html,
            excerpt=rendered.excerpt,
            created_at=when,
        )
        posts.append(post)
        if parent is not None:
            children[id(parent)] = (parent, children.get(id(parent), (parent, 0))[1] + 1)
    # Parents inside the batch need their pk before their children are inserted: insert
    # level by level (bulk_create sets pks on PostgreSQL and SQLite).
    for depth in range(1, MAX_DEPTH + 1):
        level = [post for post in posts if post.depth == depth]
        for post in level:
            if post.parent is not None:
                post.parent_id = post.parent.pk
        Post.objects.bulk_create(level, batch_size=500)
    for parent, count in children.values():
        Post.objects.filter(pk=parent.pk).update(child_count=F("child_count") + count)
        parent.child_count += count
    authors = set(
        Post.objects.filter(thread=thread, is_deleted=False, author__isnull=False).values_list(
            "author_id", flat=True
        )
    )
    if thread.author_id:
        authors.add(thread.author_id)
    if posts:
        Thread.objects.filter(pk=thread.pk).update(
            reply_count=F("reply_count") + len(posts),
            listed_count=F("listed_count") + len(posts),
            participant_count=len(authors),
            last_activity_at=posts[-1].created_at,
            last_poster=posts[-1].author,
        )
    return posts
