from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField


class Sector(models.TextChoices):
    GOVERNMENT = "government", _("Government")
    CIVIL_SOCIETY = "civil_society", _("Civil society")
    MULTILATERAL = "multilateral", _("Multilateral")
    ACADEMIA = "academia", _("Academia")
    PRIVATE = "private", _("Private sector")


class Organisation(models.Model):
    name = models.CharField(_("name"), max_length=200, unique=True)
    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices)
    country = CountryField(_("country"), blank=True)
    website = models.URLField(_("website"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self):
        return self.name


class AffiliationQuerySet(models.QuerySet):
    def verified(self):
        return self.filter(status=Affiliation.Status.VERIFIED)

    def awaiting_review(self):
        return self.filter(status=Affiliation.Status.CLAIMED)


class Affiliation(models.Model):
    """A person's claim to belong to an organisation. Only a verified one grants access."""

    class Status(models.TextChoices):
        CLAIMED = "claimed", _("Awaiting verification")
        VERIFIED = "verified", _("Verified")
        DECLINED = "declined", _("Declined")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="affiliations",
        verbose_name=_("person"),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="affiliations",
        verbose_name=_("organisation"),
    )
    job_title = models.CharField(_("job title"), max_length=150, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.CLAIMED
    )
    claimed_at = models.DateTimeField(_("claimed at"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decision_note = models.CharField(_("note to the person"), max_length=300, blank=True)

    objects = AffiliationQuerySet.as_manager()

    class Meta:
        ordering = ["-claimed_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation"], name="unique_affiliation_per_organisation"
            )
        ]
        verbose_name = _("affiliation")
        verbose_name_plural = _("affiliations")

    def __str__(self):
        return f"{self.user} – {self.organisation}"

    def get_absolute_url(self):
        return reverse("accounts:profile_edit")

    @property
    def is_verified(self):
        return self.status == self.Status.VERIFIED
