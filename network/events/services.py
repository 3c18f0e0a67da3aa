"""Writes about events: registering, cancelling, promoting from the waiting list, and the
private calendar token. One ``transaction.atomic`` per action.

The last-seat race: every change that can take or free a seat first locks the event's
row (``select_for_update``), then counts. Two people asking for the last seat at once
are served one after the other: the first gets it, the second joins the waiting list.
"""

from django.core import signing
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.services import notify
from network import permissions
from network.events.notifications import VERB_PROMOTED
from network.events.times import time_range, viewer_zone
from network.models.event_registrations import new_calendar_key
from network.models.events import (
    CalendarToken,
    EventPage,
    Registration,
    RegistrationAnswer,
    RegistrationStatus,
)

CALENDAR_SALT = "network.events.calendar"


class RegistrationClosed(Exception):
    """The event has started (or is over): nobody registers any more."""


def _locked(event):
    """The event's row, locked until the end of the transaction."""
    return EventPage.objects.select_for_update(of=("self",)).get(pk=event.pk)


@transaction.atomic
def register(*, event, user, answers=None) -> Registration:
    """Register ``user`` for ``event``, or put them on its waiting list when it is full.

    ``answers`` maps ``EventQuestion`` to text. Someone already registered or waiting
    keeps their place (their answers are updated).
    """
    if not permissions.can_view_page(user, event) or not permissions.can_register_for_event(
        user, event.network
    ):
        raise PermissionDenied
    locked = _locked(event)
    if locked.has_started:
        raise RegistrationClosed
    registration = Registration.objects.filter(event=locked, user=user).first()
    if registration is None or registration.status == RegistrationStatus.CANCELLED:
        taken = Registration.objects.filter(event=locked).registered().count()
        full = locked.capacity is not None and taken >= locked.capacity
        status = RegistrationStatus.WAITING if full else RegistrationStatus.REGISTERED
        if registration is None:
            registration = Registration.objects.create(
                event=locked, user=user, status=status, status_changed_at=timezone.now()
            )
        else:
            registration.status = status
            registration.status_changed_at = timezone.now()
            registration.save(update_fields=["status", "status_changed_at"])
    if answers is not None:
        RegistrationAnswer.objects.filter(registration=registration).delete()
        RegistrationAnswer.objects.bulk_create(
            RegistrationAnswer(registration=registration, question=question, answer=text)
            for question, text in answers.items()
            if text
        )
    return registration


@transaction.atomic
def cancel(*, event, user):
    """Cancel this person's registration (or waiting-list place).

    Returns ``(registration or None, [people promoted from the waiting list])``.
    """
    locked = _locked(event)
    registration = (
        Registration.objects.select_for_update().filter(event=locked, user=user).active().first()
    )
    if registration is None:
        return None, []
    freed_a_seat = registration.is_registered
    registration.status = RegistrationStatus.CANCELLED
    registration.status_changed_at = timezone.now()
    registration.save(update_fields=["status", "status_changed_at"])
    promoted = _fill_open_seats(locked) if freed_a_seat else []
    return registration, promoted


@transaction.atomic
def fill_open_seats(*, event):
    """Promote waiting people into seats that are free (after editors add places)."""
    return _fill_open_seats(_locked(event))


def _fill_open_seats(event):
    """Inside the event's lock: move the first waiting people into the free seats and
    tell each of them."""
    if event.has_started:
        return []
    waiting = Registration.objects.filter(event=event).waiting().select_related("user")
    if event.capacity is not None:
        free = event.capacity - Registration.objects.filter(event=event).registered().count()
        if free <= 0:
            return []
        waiting = waiting[:free]
    promoted = list(waiting)
    now = timezone.now()
    for registration in promoted:
        registration.status = RegistrationStatus.REGISTERED
        registration.status_changed_at = now
        registration.save(update_fields=["status", "status_changed_at"])
        _tell_promoted(event, registration.user)
    return promoted


def _tell_promoted(event, user):
    when = time_range(event, viewer_zone(user) or event.time_zone)
    notify(
        recipient=user,
        verb=VERB_PROMOTED,
        message=_("A place opened up: you are now registered for “%(event)s”, %(when)s.")
        % {"event": event.title, "when": when},
        url=event.get_url() or "",
        target=event,
    )


# --- The private calendar feed --------------------------------------------------------


def calendar_feed_token(user):
    """The signed token of this person's private feed URL, or ``None`` if they have none."""
    key = CalendarToken.objects.filter(user=user).values_list("key", flat=True).first()
    return signing.Signer(salt=CALENDAR_SALT).sign(key) if key else None


@transaction.atomic
def renew_calendar_token(*, user):
    """Give the person a new private feed URL; the old one stops working at once."""
    token, created = CalendarToken.objects.select_for_update().get_or_create(user=user)
    if not created:
        token.key = new_calendar_key()
        token.save(update_fields=["key", "created_at"])
    return signing.Signer(salt=CALENDAR_SALT).sign(token.key)


def user_for_calendar_token(token):
    """The active person whose private feed this token opens, or ``None``."""
    try:
        key = signing.Signer(salt=CALENDAR_SALT).unsign(token)
    except signing.BadSignature:
        return None
    found = CalendarToken.objects.select_related("user").filter(key=key).first()
    if found is None or not found.user.is_active:
        return None
    return found.user
