"""Moderation: flags raised by readers, and site-wide suspensions decided by editors.

What moderators do to threads and replies (hide, lock, pin, move) is recorded on the
thread and reply rows themselves and in Wagtail's audit log, not here.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from discussions.models.posts import Post
from discussions.models.threads import Thread

REASON_DETAILS_MAX_LENGTH = 1000
SUSPENSION_REASON_MAX_LENGTH = 1000


class FlagReason(models.TextChoices):
    SPAM = "spam", _("Spam or advertising")
    ABUSE = "abuse", _("Harassment, insults or hate")
    PRIVATE = "private", _("Personal or confidential information")
    OFF_TOPIC = "off_topic", _("Off topic or misleading")
    OTHER = "other", _("Something else")


class FlagStatus(models.TextChoices):
    OPEN = "open", _("Open")
    RESOLVED = "resolved", _("Resolved")
    DISMISSED = "dismissed", _("Dismissed")


class FlagQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status=FlagStatus.OPEN)

    def of_post(self, post):
        return self.filter(post=post)

    def of_opening_post(self, thread):
        """Flags on the thread's own text (not on one of its replies)."""
        return self.filter(thread=thread, post__isnull=True)

    def for_queue(self):
        """What a row of the moderation queue shows, fetched with the rows."""
        return self.select_related(
            "thread__network", "thread__author", "post__author", "reporter", "decided_by"
        ).defer("thread__body", "post__body", "thread__network__body")


class Flag(models.Model):
    """Someone signed in asks moderators to look at a reply (or a thread's opening text:
    ``post`` empty). Hiding what it points at resolves it; a moderator may dismiss it."""

    Reason = FlagReason
    Status = FlagStatus

    thread = models.ForeignKey(
        Thread, on_delete=models.CASCADE, related_name="flags", verbose_name=_("thread")
    )
    post = models.ForeignKey(
        Post,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="flags",
        verbose_name=_("reply"),
        help_text=_("Empty when the thread's opening text is flagged."),
    )
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="discussion_flags",
        verbose_name=_("flagged by"),
    )
    reason = models.CharField(_("reason"), max_length=20, choices=FlagReason.choices)
    details = models.TextField(
        _("details"), max_length=REASON_DETAILS_MAX_LENGTH, blank=True, default=""
    )
    status = models.CharField(
        _("status"), max_length=20, choices=FlagStatus.choices, default=FlagStatus.OPEN
    )
    created_at = models.DateTimeField(_("flagged at"), default=timezone.now)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )

    objects = FlagQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["status", "-created_at"], name="flag_queue"),
            models.Index(fields=["post", "status"], name="flag_by_post"),
        ]
        verbose_name = _("flag")
        verbose_name_plural = _("flags")

    def __str__(self):
        return f"{self.get_reason_display()} #{self.pk}"

    @property
    def target(self):
        """The reply, or the thread when its opening text is flagged."""
        return self.post if self.post_id else self.thread

    def get_target_url(self):
        return self.post.get_absolute_url() if self.post_id else self.thread.get_absolute_url()


class SuspensionQuerySet(models.QuerySet):
    def in_force(self, when=None):
        return self.filter(lifted_at__isnull=True, ends_at__gt=when or timezone.now())


class Suspension(models.Model):
    """An editor's site-wide suspension of a member: until ``ends_at`` (or until lifted)
    they can read but not post, reply, react or flag. They are told why and until when."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="discussion_suspensions",
        verbose_name=_("member"),
    )
    reason = models.TextField(
        _("reason"),
        max_length=SUSPENSION_REASON_MAX_LENGTH,
        help_text=_("Shown to the member: say which rule was broken."),
    )
    ends_at = models.DateTimeField(_("ends at"))
    created_at = models.DateTimeField(_("suspended at"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("suspended by"),
    )
    lifted_at = models.DateTimeField(_("lifted at"), null=True, blank=True)
    lifted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("lifted by"),
    )

    objects = SuspensionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["user", "ends_at"], name="suspension_by_user")]
        verbose_name = _("suspension")
        verbose_name_plural = _("suspensions")

    def __str__(self):
        return f"{self.user} ({self.ends_at:%Y-%m-%d})"

    @property
    def in_force(self):
        return self.lifted_at is None and self.ends_at > timezone.now()
