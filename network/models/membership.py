"""Who belongs to which network, in which role; and invitations to join."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import Affiliation, Sector

INVITATION_LIFETIME = timedelta(days=30)


class Role(models.TextChoices):
    MEMBER = "member", _("Member")
    FACILITATOR = "facilitator", _("Facilitator")
    LEAD = "lead", _("Lead")


class MembershipStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting approval")
    ACTIVE = "active", _("Active")


#: Roles that moderate a network: approve requests, invite, remove members.
MODERATOR_ROLES = frozenset({Role.FACILITATOR, Role.LEAD})


class MembershipQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status=MembershipStatus.ACTIVE)

    def pending(self):
        return self.filter(status=MembershipStatus.PENDING)

    def for_network(self, network):
        return self.filter(network=network)

    def stewards(self):
        """Active leads and facilitators, leads first."""
        return self.active().filter(role__in=MODERATOR_ROLES).select_related("user").by_role()

    def by_role(self):
        """Leads first, then facilitators, then members; by name within a role."""
        rank = models.Case(
            models.When(role=Role.LEAD, then=0),
            models.When(role=Role.FACILITATOR, then=1),
            default=2,
            output_field=models.IntegerField(),
        )
        return self.alias(role_rank=rank).order_by("role_rank", "user__display_name", "pk")

    def leads(self):
        return self.active().filter(role=Role.LEAD)

    def with_people(self):
        return self.select_related("user")

    def for_directory(self):
        """People and their organisations, in two queries however many rows."""
        return (
            self.active()
            .select_related("user")
            .prefetch_related(
                models.Prefetch(
                    "user__affiliations",
                    queryset=Affiliation.objects.exclude(status=Affiliation.Status.DECLINED)
                    .select_related("organisation")
                    .order_by("-status", "-claimed_at"),  # verified first
                )
            )
            .order_by("user__display_name", "pk")
        )

    def in_sector(self, sector):
        """Members with a *verified* affiliation to an organisation of this sector."""
        return self.filter(
            user__affiliations__status=Affiliation.Status.VERIFIED,
            user__affiliations__organisation__sector=sector,
        ).distinct()

    def sector_balance(self):
        """Active members counted by the sector of their verified affiliation: one query.

        Returns ``{"government": n, "civil_society": n, "total": n}``. Only a verified
        affiliation counts; a person's own claim does not.
        """
        verified = Q(user__affiliations__status=Affiliation.Status.VERIFIED)
        return self.active().aggregate(
            total=Count("user", distinct=True),
            government=Count(
                "user",
                filter=verified & Q(user__affiliations__organisation__sector=Sector.GOVERNMENT),
                distinct=True,
            ),
            civil_society=Count(
                "user",
                filter=verified & Q(user__affiliations__organisation__sector=Sector.CIVIL_SOCIETY),
                distinct=True,
            ),
        )


class Membership(models.Model):
    """A person's place in a network. Created and changed only through ``network.services``.

    ``status`` pending is a request to join awaiting a facilitator; active is a member.
    Declined requests, people who leave and removed members lose their row; the Wagtail
    audit log keeps the history.
    """

    Role = Role
    Status = MembershipStatus

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="network_memberships",
        verbose_name=_("person"),
    )
    network = models.ForeignKey(
        "network.LearningNetworkPage",
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("network"),
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=MembershipStatus.choices,
        default=MembershipStatus.PENDING,
    )
    message = models.TextField(
        _("message"),
        max_length=1000,
        blank=True,
        help_text=_("What the person wrote when asking to join."),
    )
    created_at = models.DateTimeField(_("requested at"), default=timezone.now)
    joined_at = models.DateTimeField(_("joined at"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("approved by"),
    )

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["network", "user__display_name"]
        constraints = [
            models.UniqueConstraint(fields=["user", "network"], name="unique_membership")
        ]
        indexes = [models.Index(fields=["network", "status", "role"])]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")

    def __str__(self):
        return _("%(person)s in %(network)s") % {
            "person": self.user,
            "network": self.network.title,
        }

    @property
    def is_active(self):
        return self.status == MembershipStatus.ACTIVE

    @property
    def is_pending(self):
        return self.status == MembershipStatus.PENDING

    @property
    def is_moderator(self):
        return self.is_active and self.role in MODERATOR_ROLES


def new_invitation_token():
    return secrets.token_urlsafe(32)


def default_invitation_expiry():
    return timezone.now() + INVITATION_LIFETIME


class InvitationQuerySet(models.QuerySet):
    def open(self):
        """Not yet answered, withdrawn or expired."""
        return self.filter(
            accepted_at__isnull=True,
            declined_at__isnull=True,
            revoked_at__isnull=True,
            expires_at__gt=timezone.now(),
        )

    def unanswered(self):
        return self.filter(
            accepted_at__isnull=True, declined_at__isnull=True, revoked_at__isnull=True
        )

    def for_emails(self, emails):
        return self.filter(email__in=[email.lower() for email in emails])


class Invitation(models.Model):
    """An invitation by email. The token in the link is what lets someone accept it."""

    network = models.ForeignKey(
        "network.LearningNetworkPage",
        on_delete=models.CASCADE,
        related_name="invitations",
        verbose_name=_("network"),
    )
    email = models.EmailField(_("email address"))
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    token = models.CharField(
        max_length=64, unique=True, default=new_invitation_token, editable=False
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("invited by"),
    )
    created_at = models.DateTimeField(_("invited at"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires at"), default=default_invitation_expiry)
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("accepted by"),
    )
    declined_at = models.DateTimeField(_("declined at"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["network", "email"],
                condition=Q(
                    accepted_at__isnull=True, declined_at__isnull=True, revoked_at__isnull=True
                ),
                name="one_unanswered_invitation_per_email",
            )
        ]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self):
        return _("Invitation of %(email)s to %(network)s") % {
            "email": self.email,
            "network": self.network.title,
        }

    def get_absolute_url(self):
        return reverse(
            "network:invitation_accept", kwargs={"slug": self.network.slug, "token": self.token}
        )

    @property
    def is_expired(self):
        return self.expires_at <= timezone.now()

    @property
    def is_open(self):
        return not (self.accepted_at or self.declined_at or self.revoked_at or self.is_expired)
