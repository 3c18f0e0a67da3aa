"""Commitment reviews: a government asks peers for feedback on draft open-data commitments.

Plain models (not pages): a review is confidential to the requesting organisation's
verified members, its reviewers and the coordinators until the requester publishes the
consolidated feedback. Who may see what is decided in ``network/permissions.py``
("reviews" section); which status may follow which in ``network/reviews/transitions.py``.
"""

from django.conf import settings
from django.core.files.storage import storages
from django.db import models
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from network.models.taxonomy import CharterPrinciple


def private_storage():
    """Confidential uploads: never under MEDIA_URL, served only through our own view."""
    return storages["private"]


class ReviewStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    IN_REVIEW = "in_review", _("In review")
    FEEDBACK_DELIVERED = "feedback_delivered", _("Feedback delivered")
    REVISED = "revised", _("Revised")
    CLOSED = "closed", _("Closed")
    WITHDRAWN = "withdrawn", _("Withdrawn")


# Reviews waiting on the working group: past their date, they are highlighted in the queue.
WAITING_STATUSES = (ReviewStatus.SUBMITTED, ReviewStatus.IN_REVIEW, ReviewStatus.REVISED)


class Rating(models.TextChoices):
    STRONG = "strong", _("Strong")
    ADEQUATE = "adequate", _("Adequate")
    WEAK = "weak", _("Weak")
    NOT_APPLICABLE = "not_applicable", _("Not applicable")


@register_setting(icon="doc-full")
class ReviewSettings(BaseSiteSetting):
    """Which network runs commitment reviews: its facilitators and leads coordinate them."""

    review_network = models.ForeignKey(
        "network.LearningNetworkPage",
        verbose_name=_("review network"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "The facilitators and leads of this network (and staff editors) coordinate "
            "commitment reviews: they assign reviewers and deliver feedback."
        ),
    )

    panels = [FieldPanel("review_network")]

    class Meta:
        verbose_name = _("commitment reviews")


class CommitmentReviewQuerySet(models.QuerySet):
    def visible_to(self, user):
        from network import permissions

        return self.filter(permissions.review_visibility_q(user))

    def published_with_consent(self):
        """Reviews whose requester published the consolidated feedback (public)."""
        return self.filter(status=ReviewStatus.CLOSED, published_at__isnull=False).exclude(
            plan_url=""
        )

    def for_queue(self):
        return (
            self.select_related("organisation", "requester")
            .annotate(
                commitment_count=Count("commitments", distinct=True),
                reviewer_count=Count(
                    "assignments",
                    filter=Q(assignments__round=models.F("round")),
                    distinct=True,
                ),
            )
            .order_by("feedback_needed_by", "-pk")
        )


class CommitmentReview(models.Model):
    title = models.CharField(
        _("title"),
        max_length=200,
        help_text=_("For example “Open contracting commitments, fourth action plan”."),
    )
    organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("requesting organisation"),
        on_delete=models.PROTECT,
        related_name="commitment_reviews",
    )
    requester = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        on_delete=models.PROTECT,
        related_name="commitment_reviews",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=ReviewStatus.choices, default=ReviewStatus.DRAFT
    )
    round = models.PositiveSmallIntegerField(_("review round"), default=1)
    delivered_round = models.PositiveSmallIntegerField(
        _("last round delivered"), default=0, help_text=_("0 until feedback is delivered.")
    )
    action_plan_period = models.CharField(
        _("action plan period"),
        max_length=40,
        help_text=_("The years the action plan covers, for example “2027–2029”."),
    )
    feedback_needed_by = models.DateField(
        _("feedback needed by"),
        help_text=_("The date by which you need the feedback to finish your action plan."),
    )
    plan_document = models.FileField(
        _("draft plan document"),
        storage=private_storage,
        upload_to="reviews/plans/%Y/%m/",
        blank=True,
        max_length=255,
    )
    plan_url = models.URLField(
        _("published plan address"),
        blank=True,
        help_text=_("The web address of the action plan once your government published it."),
    )
    submitted_at = models.DateTimeField(_("first submitted at"), null=True, blank=True)
    published_at = models.DateTimeField(_("feedback published at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = CommitmentReviewQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "feedback_needed_by"])]
        verbose_name = _("commitment review")
        verbose_name_plural = _("commitment reviews")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("reviews:detail", kwargs={"pk": self.pk})

    @property
    def is_overdue(self):
        return self.status in WAITING_STATUSES and self.feedback_needed_by < timezone.localdate()

    @property
    def is_published(self):
        return (
            self.status == ReviewStatus.CLOSED
            and self.published_at is not None
            and bool(self.plan_url)
        )

    @property
    def is_editable(self):
        """Commitments change only before submission and while being revised."""
        return self.status in (ReviewStatus.DRAFT, ReviewStatus.REVISED)


class Commitment(models.Model):
    review = models.ForeignKey(
        CommitmentReview, on_delete=models.CASCADE, related_name="commitments"
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    title = models.CharField(_("title"), max_length=200)
    problem = models.TextField(
        _("problem it addresses"), max_length=5000, help_text=_("Markdown is allowed.")
    )
    problem_html = models.TextField(editable=False, default="")
    text = models.TextField(
        _("commitment text"), max_length=10000, help_text=_("Markdown is allowed.")
    )
    text_html = models.TextField(editable=False, default="")
    milestones = models.TextField(
        _("milestones"),
        max_length=5000,
        help_text=_("One milestone a line, with its date if known. Markdown is allowed."),
    )
    milestones_html = models.TextField(editable=False, default="")
    lead_institution = models.CharField(_("lead institution"), max_length=200)
    principles = models.ManyToManyField(
        CharterPrinciple,
        verbose_name=_("related principles"),
        related_name="+",
        help_text=_("Reviewers rate the commitment against each principle you pick."),
    )

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")

    def __str__(self):
        return self.title


class ReviewerAssignment(models.Model):
    """One reviewer in one round of a review; their feedback hangs off this row."""

    review = models.ForeignKey(
        CommitmentReview, on_delete=models.CASCADE, related_name="assignments"
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewer"),
        on_delete=models.CASCADE,
        related_name="review_assignments",
    )
    round = models.PositiveSmallIntegerField(_("round"), default=1)
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    assigned_at = models.DateTimeField(default=timezone.now)
    conflict = models.BooleanField(
        _("conflict of interest"),
        default=False,
        help_text=_("From the requester's country or organisation."),
    )
    override_reason = models.CharField(_("reason for the override"), max_length=500, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    name_consent = models.BooleanField(
        _("show my name if the feedback is published"),
        default=False,
        help_text=_(
            "If the requester publishes the consolidated feedback, show your name with "
            "your feedback. Otherwise it appears as “Reviewer 1”, “Reviewer 2” …"
        ),
    )

    class Meta:
        ordering = ["round", "assigned_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["review", "reviewer", "round"], name="unique_reviewer_per_round"
            )
        ]
        verbose_name = _("reviewer assignment")
        verbose_name_plural = _("reviewer assignments")

    def __str__(self):
        return f"{self.reviewer} – {self.review}"

    @property
    def is_finished(self):
        return self.finished_at is not None


class Feedback(models.Model):
    """One reviewer's rating of one commitment against one principle."""

    assignment = models.ForeignKey(
        ReviewerAssignment, on_delete=models.CASCADE, related_name="feedback"
    )
    commitment = models.ForeignKey(Commitment, on_delete=models.CASCADE, related_name="feedback")
    principle = models.ForeignKey(CharterPrinciple, on_delete=models.CASCADE, related_name="+")
    rating = models.CharField(_("rating"), max_length=20, choices=Rating.choices, blank=True)
    comment = models.TextField(_("comment"), max_length=5000, blank=True)
    comment_html = models.TextField(editable=False, default="")
    resources = models.TextField(_("suggested resources"), max_length=3000, blank=True)
    resources_html = models.TextField(editable=False, default="")

    class Meta:
        ordering = ["commitment", "principle", "assignment"]
        constraints = [
            models.UniqueConstraint(
                fields=["assignment", "commitment", "principle"],
                name="unique_feedback_per_principle",
            )
        ]
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")

    def __str__(self):
        return f"{self.commitment} – {self.principle}: {self.rating}"


class OverallFeedback(models.Model):
    """A reviewer's overall remarks on one commitment, and whether it is SMART enough."""

    assignment = models.ForeignKey(
        ReviewerAssignment, on_delete=models.CASCADE, related_name="overall_feedback"
    )
    commitment = models.ForeignKey(
        Commitment, on_delete=models.CASCADE, related_name="overall_feedback"
    )
    remarks = models.TextField(_("overall remarks"), max_length=5000, blank=True)
    remarks_html = models.TextField(editable=False, default="")
    specific = models.BooleanField(_("specific"), default=False)
    measurable = models.BooleanField(_("measurable"), default=False)
    verifiable = models.BooleanField(_("verifiable"), default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["assignment", "commitment"], name="unique_overall_feedback"
            )
        ]
        verbose_name = _("overall feedback")
        verbose_name_plural = _("overall feedback")

    def __str__(self):
        return f"{self.commitment} ({self.assignment.reviewer})"


class TransitionLog(models.Model):
    """Every status change of a review: who, when, from what to what."""

    review = models.ForeignKey(
        CommitmentReview, on_delete=models.CASCADE, related_name="transitions"
    )
    from_status = models.CharField(max_length=20, choices=ReviewStatus.choices)
    to_status = models.CharField(max_length=20, choices=ReviewStatus.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    note = models.CharField(_("note"), max_length=500, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("review transition")
        verbose_name_plural = _("review transitions")

    def __str__(self):
        return f"{self.review}: {self.from_status} → {self.to_status}"
