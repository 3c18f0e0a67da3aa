"""What people do around threads: mark replies helpful, follow, and read."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from discussions.models.posts import Post
from discussions.models.threads import Thread


class ReactionKind(models.TextChoices):
    HELPFUL = "helpful", _("Helpful")


class Reaction(models.Model):
    """One person's reaction to a reply; ``Post.helpful_count`` keeps the total."""

    Kind = ReactionKind

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="reactions")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="discussion_reactions"
    )
    kind = models.CharField(
        max_length=20, choices=ReactionKind.choices, default=ReactionKind.HELPFUL
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "post", "kind"], name="unique_reaction")
        ]
        verbose_name = _("reaction")
        verbose_name_plural = _("reactions")

    def __str__(self):
        return f"{self.user_id} {self.kind} #{self.post_id}"


class FollowQuerySet(models.QuerySet):
    def of_thread(self, thread):
        return self.filter(thread=thread)

    def of_network(self, network):
        return self.filter(network=network)


class Follow(models.Model):
    """A person follows one thread or one whole network (exactly one of the two)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="discussion_follows"
    )
    thread = models.ForeignKey(
        Thread, on_delete=models.CASCADE, null=True, blank=True, related_name="follows"
    )
    network = models.ForeignKey(
        "network.LearningNetworkPage",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="discussion_follows",
    )
    created_at = models.DateTimeField(default=timezone.now)

    objects = FollowQuerySet.as_manager()

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(thread__isnull=False, network__isnull=True)
                    | Q(thread__isnull=True, network__isnull=False)
                ),
                name="follow_thread_xor_network",
            ),
            models.UniqueConstraint(
                fields=["user", "thread"],
                condition=Q(thread__isnull=False),
                name="unique_thread_follow",
            ),
            models.UniqueConstraint(
                fields=["user", "network"],
                condition=Q(network__isnull=False),
                name="unique_network_follow",
            ),
        ]
        verbose_name = _("follow")
        verbose_name_plural = _("follows")

    def __str__(self):
        return f"{self.user_id} follows {self.thread_id or self.network_id}"


class ThreadReadManager(models.Manager):
    # One row whether or not the person has read the thread: their read marker (if
    # any) beside whether they follow it. Written in SQL: on the thread page, building
    # these two subqueries through the ORM cost more than running them.
    READER_STATE = (
        "SELECT marker.id, marker.last_read_at, EXISTS ("
        " SELECT 1 FROM {follows} follow WHERE follow.user_id = %s AND follow.thread_id = %s"
        ") AS is_following"
        " FROM (SELECT 1 AS one) AS one"
        " LEFT JOIN {reads} marker ON marker.user_id = %s AND marker.thread_id = %s"
    )

    def reader_state(self, user, thread_id):
        """``(last_read_at or None, follows the thread)`` for one person, in one query."""
        sql = self.READER_STATE.format(
            follows=Follow._meta.db_table, reads=self.model._meta.db_table
        )
        row = next(iter(self.raw(sql, [user.pk, thread_id, user.pk, thread_id])))
        return row.last_read_at, bool(row.is_following)


class ThreadRead(models.Model):
    """When a person last opened a thread: the thread list marks what is new since."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="+")
    last_read_at = models.DateTimeField(default=timezone.now)

    objects = ThreadReadManager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "thread"], name="unique_thread_read")
        ]

    def __str__(self):
        return f"{self.user_id} read {self.thread_id} at {self.last_read_at}"
