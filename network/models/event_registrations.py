"""Registrations for events, the reminders sent about them and people's private
calendar tokens. (The pages themselves are in ``network.models.events``.)"""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class RegistrationStatus(models.TextChoices):
    REGISTERED = "registered", _("Registered")
    WAITING = "waiting", _("On the waiting list")
    CANCELLED = "cancelled", _("Cancelled")


class RegistrationQuerySet(models.QuerySet):
    def registered(self):
        return self.filter(status=RegistrationStatus.REGISTERED)

    def waiting(self):
        """The waiting list, first come first served."""
        return self.filter(status=RegistrationStatus.WAITING).order_by("status_changed_at", "pk")

    def active(self):
        return self.exclude(status=RegistrationStatus.CANCELLED)

    def for_user(self, user):
        if not user.is_authenticated:
            return self.none()
        return self.filter(user_id=user.pk)


class Registration(models.Model):
    """A person's place at an event (or on its waiting list). One row per person and
    event: cancelling and registering again reuses it."""

    Status = RegistrationStatus

    event = models.ForeignKey(
        "network.EventPage",
        on_delete=models.CASCADE,
        related_name="registrations",
        verbose_name=_("event"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="event_registrations",
        verbose_name=_("person"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=RegistrationStatus.choices, db_index=True
    )
    created_at = models.DateTimeField(_("first registered"), auto_now_add=True)
    # When the person got this status: the waiting list is served in this order.
    status_changed_at = models.DateTimeField(_("status since"), default=timezone.now)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("registration")
        constraints = [
            models.UniqueConstraint(fields=["event", "user"], name="one_registration_per_event")
        ]
        indexes = [models.Index(fields=["event", "status", "status_changed_at"])]

    def __str__(self):
        return f"{self.user} · {self.event_id} · {self.status}"

    @property
    def is_registered(self):
        return self.status == RegistrationStatus.REGISTERED

    @property
    def is_waiting(self):
        return self.status == RegistrationStatus.WAITING


class RegistrationAnswer(models.Model):
    registration = models.ForeignKey(
        Registration, on_delete=models.CASCADE, related_name="answers"
    )
    question = models.ForeignKey(
        "network.EventQuestion", on_delete=models.CASCADE, related_name="+"
    )
    answer = models.TextField(_("answer"), max_length=1000, blank=True)

    class Meta:
        verbose_name = _("registration answer")
        constraints = [
            models.UniqueConstraint(
                fields=["registration", "question"], name="one_answer_per_question"
            )
        ]

    def __str__(self):
        return self.answer[:50]


class ReminderKind(models.TextChoices):
    DAY = "day", _("About 24 hours before")
    HOUR = "hour", _("About 1 hour before")


class EventReminder(models.Model):
    """A reminder that was sent, so running the command again sends nothing twice.

    Keyed on the start it announced: when editors move the event, new reminders go out.
    """

    registration = models.ForeignKey(
        Registration, on_delete=models.CASCADE, related_name="reminders"
    )
    kind = models.CharField(max_length=10, choices=ReminderKind.choices)
    starts_at = models.DateTimeField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("event reminder")
        constraints = [
            models.UniqueConstraint(
                fields=["registration", "kind", "starts_at"], name="one_reminder_per_start"
            )
        ]

    def __str__(self):
        return f"{self.registration_id} · {self.kind}"


def new_calendar_key():
    return secrets.token_urlsafe(24)


class CalendarToken(models.Model):
    """The secret in a person's private calendar feed URL. Replacing it revokes the old URL."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_token"
    )
    key = models.CharField(max_length=64, unique=True, default=new_calendar_key)
    created_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("calendar feed token")

    def __str__(self):
        return f"{self.user}"
