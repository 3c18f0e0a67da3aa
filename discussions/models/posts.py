"""Replies, kept as a tree by a materialized path, and their earlier versions."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from discussions.models.threads import Thread

#: Replies nest at most this deep; a reply to a deeper one is attached at this level.
MAX_DEPTH = 6
#: Each level of the path is a zero-padded decimal of this width: digits only, so plain
#: string order (under any database collation) is tree order.
SEGMENT_WIDTH = 6
MAX_SIBLINGS = 10**SEGMENT_WIDTH - 1


def path_segment(number):
    if not 0 < number <= MAX_SIBLINGS:
        raise ValueError(f"sibling number {number} out of range")
    return str(number).zfill(SEGMENT_WIDTH)


# The user columns a post's byline needs; the rest of the user row stays in the database.
AUTHOR_FIELDS = ("author__username", "author__display_name", "author__email", "author__is_active")


class PostQuerySet(models.QuerySet):
    def listed(self):
        """Rows the tree shows: a deleted reply stays (as "deleted") while it has replies."""
        return self.exclude(is_deleted=True, child_count=0)

    def in_tree_order(self):
        return self.order_by("path")

    def for_display(self):
        return self.select_related("author").only(
            "pk",
            "thread_id",
            "parent_id",
            "path",
            "depth",
            "body_html",
            "created_at",
            "edited_at",
            "is_deleted",
            "is_hidden",
            "helpful_count",
            "child_count",
            "author_id",
            *AUTHOR_FIELDS,
        )

    def tree(self, thread):
        """The whole visible tree of ``thread`` in one ordered query."""
        return self.filter(thread=thread).listed().in_tree_order().for_display()

    def tree_rows(self, thread):
        """The same tree as plain tuples of ``DISPLAY_COLUMNS``, for the thread page:
        building a model instance (and its author's) per reply costs more than
        rendering the reply (see ``discussions.display.Reply``)."""
        return self.filter(thread=thread).listed().in_tree_order().values_list(*DISPLAY_COLUMNS)


# What the thread page shows of a reply, in the order ``display.Reply`` reads it.
DISPLAY_COLUMNS = (
    "pk",
    "parent_id",
    "depth",
    "body_html",
    "created_at",
    "edited_at",
    "is_deleted",
    "is_hidden",
    "helpful_count",
    "author_id",
    "author__username",
    "author__display_name",
    "author__email",
)


class Post(models.Model):
    """A reply in a thread, to the thread itself (depth 1) or to another reply.

    ``path`` is the parent's path plus this reply's fixed-width number among its
    siblings, so ordering by ``path`` gives the whole tree in reading order.
    ``child_count`` counts the replies to it that the tree shows.
    """

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="posts")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="discussion_posts",
        verbose_name=_("author"),
    )
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="children"
    )
    path = models.CharField(max_length=SEGMENT_WIDTH * MAX_DEPTH, editable=False)
    depth = models.PositiveSmallIntegerField(default=1, editable=False)
    body = models.TextField(_("text (Markdown)"))
    body_html = models.TextField(editable=False)
    excerpt = models.CharField(max_length=300, editable=False, blank=True)
    created_at = models.DateTimeField(_("posted at"), default=timezone.now)
    edited_at = models.DateTimeField(_("edited at"), null=True, blank=True)
    is_deleted = models.BooleanField(_("deleted by its author"), default=False)
    deleted_at = models.DateTimeField(null=True, blank=True)
    # For the moderation tools: shown as hidden to the public, readable to moderators.
    is_hidden = models.BooleanField(_("hidden"), default=False)
    child_count = models.PositiveIntegerField(default=0, editable=False)
    helpful_count = models.PositiveIntegerField(_("marked helpful"), default=0)

    objects = PostQuerySet.as_manager()

    class Meta:
        ordering = ["thread", "path"]
        constraints = [
            models.UniqueConstraint(fields=["thread", "path"], name="unique_post_path"),
            models.CheckConstraint(condition=Q(depth__gte=1), name="post_depth_positive"),
        ]
        indexes = [models.Index(fields=["author", "-created_at"], name="post_by_author")]
        verbose_name = _("reply")
        verbose_name_plural = _("replies")

    def __str__(self):
        return self.excerpt[:60] or f"#{self.pk}"

    def get_absolute_url(self):
        """The permalink: it redirects to the page of the thread that holds this reply."""
        return reverse("discussions:post_permalink", kwargs={"pk": self.pk})

    @property
    def is_listed(self):
        return not self.is_deleted or self.child_count > 0

    @property
    def shows_text(self):
        return not (self.is_deleted or self.is_hidden)


class PostRevision(models.Model):
    """A reply's text as it was before an edit."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="revisions")
    body = models.TextField()
    written_at = models.DateTimeField(help_text=_("When this version was written."))
    replaced_at = models.DateTimeField(default=timezone.now)
    replaced_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["-replaced_at", "-pk"]
        verbose_name = _("reply revision")
        verbose_name_plural = _("reply revisions")

    def __str__(self):
        return f"#{self.post_id} ({self.written_at:%Y-%m-%d %H:%M})"
