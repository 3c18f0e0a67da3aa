"""Threads: a discussion or a question in a network, optionally about one page."""

from django.conf import settings
from django.db import models
from django.db.models import OuterRef, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase

TITLE_MAX_LENGTH = 160


class ThreadKind(models.TextChoices):
    DISCUSSION = "discussion", _("Discussion")
    QUESTION = "question", _("Question")
    LIVE_SESSION = "live_session", _("Live session")


#: What members choose between when they start a thread (live sessions are scheduled).
MEMBER_KINDS = [ThreadKind.DISCUSSION, ThreadKind.QUESTION]


class TaggedThread(TaggedItemBase):
    """A direct foreign key for thread tags: a join instead of a generic relation."""

    content_object = models.ForeignKey(
        "discussions.Thread", on_delete=models.CASCADE, related_name="tagged_items"
    )

    class Meta:
        verbose_name = _("thread tag")
        verbose_name_plural = _("thread tags")


class ThreadQuerySet(models.QuerySet):
    def visible_to(self, user):
        from discussions.permissions import visible_threads_q

        return self.filter(visible_threads_q(user))

    def in_network(self, network):
        return self.filter(network=network)

    def about_page(self, page):
        return self.filter(page=page)

    def pinned_first(self):
        return self.order_by("-is_pinned", "-last_activity_at", "-pk")

    def latest_first(self):
        return self.order_by("-created_at", "-pk")

    def for_listing(self):
        """What a list row shows, fetched with the rows (no query per thread)."""
        return self.select_related("author", "last_poster").defer(
            "body", "author__password", "last_poster__password"
        )

    def with_read_state(self, user):
        """Annotate ``last_read_at`` (the person's read marker; None when never read)."""
        if not user.is_authenticated:
            return self
        from discussions.models.engagement import ThreadRead

        marker = ThreadRead.objects.filter(user=user, thread=OuterRef("pk")).values(
            "last_read_at"
        )[:1]
        return self.annotate(last_read_at=Subquery(marker))


class Thread(models.Model):
    """A discussion or a question. The opening text lives here; replies are ``Post`` rows.

    ``reply_count`` (replies not deleted), ``listed_count`` (rows the tree shows, counting
    deleted replies that still have replies), ``participant_count`` and
    ``last_activity_at`` are kept up to date by ``discussions.services``: pages never count.
    """

    Kind = ThreadKind

    network = models.ForeignKey(
        "network.LearningNetworkPage",
        on_delete=models.CASCADE,
        related_name="threads",
        verbose_name=_("network"),
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="discussion_threads",
        verbose_name=_("about page"),
        help_text=_("A lesson, event or other page this thread discusses."),
    )
    kind = models.CharField(
        _("kind"), max_length=20, choices=ThreadKind.choices, default=ThreadKind.DISCUSSION
    )
    title = models.CharField(_("title"), max_length=TITLE_MAX_LENGTH)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="discussion_threads",
        verbose_name=_("author"),
    )
    body = models.TextField(_("text (Markdown)"), blank=True)
    body_html = models.TextField(editable=False, blank=True)
    excerpt = models.CharField(max_length=300, editable=False, blank=True)
    tags = TaggableManager(through=TaggedThread, blank=True, verbose_name=_("tags"))
    principles = models.ManyToManyField(
        "network.CharterPrinciple",
        blank=True,
        related_name="threads",
        verbose_name=_("Open Data Charter principles"),
    )
    is_pinned = models.BooleanField(_("pinned"), default=False)
    is_locked = models.BooleanField(
        _("locked"), default=False, help_text=_("No new replies; what is there stays readable.")
    )
    # For the moderation tools: a hidden thread is shown to its network's moderators only.
    is_hidden = models.BooleanField(_("hidden"), default=False)
    created_at = models.DateTimeField(_("started at"), default=timezone.now)
    edited_at = models.DateTimeField(_("edited at"), null=True, blank=True)
    last_activity_at = models.DateTimeField(_("last activity"), default=timezone.now)
    last_poster = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("last reply by"),
    )
    reply_count = models.PositiveIntegerField(_("replies"), default=0)
    listed_count = models.PositiveIntegerField(default=0, editable=False)
    participant_count = models.PositiveIntegerField(_("participants"), default=1)
    accepted_answer = models.ForeignKey(
        "discussions.Post",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("accepted answer"),
    )

    objects = ThreadQuerySet.as_manager()

    class Meta:
        ordering = ["-is_pinned", "-last_activity_at", "-pk"]
        indexes = [
            models.Index(
                fields=["network", "-is_pinned", "-last_activity_at"], name="thread_listing"
            ),
            models.Index(fields=["network", "-created_at"], name="thread_newest"),
        ]
        verbose_name = _("thread")
        verbose_name_plural = _("threads")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        kwargs = {"network_slug": self.network.slug, "pk": self.pk}
        if self.kind == ThreadKind.LIVE_SESSION:
            return reverse("live:session", kwargs=kwargs)
        if self.slug:
            return reverse("discussions:thread_detail_slug", kwargs={**kwargs, "slug": self.slug})
        return reverse("discussions:thread_detail", kwargs=kwargs)

    @property
    def slug(self):
        return slugify(self.title)[:60].strip("-")

    @property
    def is_question(self):
        return self.kind == ThreadKind.QUESTION

    @property
    def is_live_session(self):
        return self.kind == ThreadKind.LIVE_SESSION


class ThreadRevision(models.Model):
    """The opening text of a thread as it was before an edit."""

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="revisions")
    title = models.CharField(max_length=TITLE_MAX_LENGTH)
    body = models.TextField(blank=True)
    written_at = models.DateTimeField(help_text=_("When this version was written."))
    replaced_at = models.DateTimeField(default=timezone.now)
    replaced_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["-replaced_at", "-pk"]
        verbose_name = _("thread revision")
        verbose_name_plural = _("thread revisions")

    def __str__(self):
        return f"{self.title} ({self.written_at:%Y-%m-%d %H:%M})"
