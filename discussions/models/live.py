"""Live sessions and questions addressed to experts.

A live session is a thread of kind "live session": its questions are the thread's
top-level replies and the hosts' answers are replies to them, so moderation, search,
permalinks and notifications treat them like any other post. This module adds what is
particular to a session (its times, hosts, conclusion, the up-votes on questions) and
the record of which experts a question was addressed to.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from discussions.models.posts import Post
from discussions.models.threads import Thread


class Phase(models.TextChoices):
    UPCOMING = "upcoming", _("Upcoming")
    OPEN = "open", _("Open now")
    CLOSED = "closed", _("Closed")


class LiveSessionQuerySet(models.QuerySet):
    def visible_to(self, user):
        from discussions.permissions import visible_live_sessions_q

        return self.filter(visible_live_sessions_q(user))

    def hosted_by(self, expert):
        return self.filter(hosts=expert)

    def upcoming(self, now=None):
        return self.filter(ends_at__gt=now or timezone.now())

    def closed(self, now=None):
        return self.filter(ends_at__lte=now or timezone.now())

    def for_listing(self):
        return self.select_related("thread__network").order_by("starts_at", "pk")


class LiveSession(models.Model):
    """An expert-hosted, time-boxed question-and-answer session on a thread.

    ``version`` goes up with every change the session page shows (a question, a vote,
    an answer, a hidden question, the conclusion): the page polls with the version it
    has and hears "nothing new" from one indexed row.
    """

    Phase = Phase

    thread = models.OneToOneField(
        Thread, on_delete=models.CASCADE, related_name="live_session", verbose_name=_("thread")
    )
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    hosts = models.ManyToManyField(
        "network.ExpertProfilePage", related_name="live_sessions", verbose_name=_("hosts")
    )
    conclusion = models.TextField(_("conclusion (Markdown)"), blank=True)
    conclusion_html = models.TextField(editable=False, blank=True)
    conclusion_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("conclusion written by"),
    )
    conclusion_at = models.DateTimeField(_("conclusion written at"), null=True, blank=True)
    lesson = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("draft lesson"),
        help_text=_("The lesson this session was turned into."),
    )
    question_count = models.PositiveIntegerField(_("questions"), default=0)
    version = models.PositiveIntegerField(default=0, editable=False)

    objects = LiveSessionQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="live_session_ends_after_start"
            )
        ]
        indexes = [models.Index(fields=["ends_at"], name="live_session_ends")]
        verbose_name = _("live session")
        verbose_name_plural = _("live sessions")

    def __str__(self):
        return self.thread.title

    def get_absolute_url(self):
        return reverse(
            "live:session",
            kwargs={"network_slug": self.thread.network.slug, "pk": self.thread_id},
        )

    def phase(self, now=None):
        now = now or timezone.now()
        if now < self.starts_at:
            return Phase.UPCOMING
        if now < self.ends_at:
            return Phase.OPEN
        return Phase.CLOSED

    @property
    def is_closed(self):
        return self.phase() == Phase.CLOSED


class QuestionVote(models.Model):
    """One person's up-vote on one question of a live session."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="live_votes")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["post", "user"], name="unique_question_vote")
        ]
        verbose_name = _("question vote")
        verbose_name_plural = _("question votes")

    def __str__(self):
        return f"{self.user_id} ↑ #{self.post_id}"


class ExpertQuestion(models.Model):
    """A question thread asked to one chosen expert or to the experts matching it."""

    thread = models.OneToOneField(Thread, on_delete=models.CASCADE, related_name="expert_question")
    experts = models.ManyToManyField(
        "network.ExpertProfilePage", through="AskedExpert", related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("question to experts")
        verbose_name_plural = _("questions to experts")

    def __str__(self):
        return str(self.thread_id)


class AskedExpert(models.Model):
    """One expert a question went to, and when they first answered it."""

    question = models.ForeignKey(ExpertQuestion, on_delete=models.CASCADE, related_name="asked")
    expert = models.ForeignKey(
        "network.ExpertProfilePage", on_delete=models.CASCADE, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["question", "expert"], name="unique_asked_expert")
        ]

    def __str__(self):
        return f"{self.expert_id} on {self.question_id}"
