"""What an event page shows a person: a fixed number of queries, whatever the number of
registrants.

The online link goes into the context only for people allowed to see it; templates
never read ``page.online_link`` themselves.
"""

from django.db.models import Count, Q

from network import permissions
from network.events.forms import RegistrationForm
from network.events.times import event_times
from network.models.events import EventHost, EventLesson, Registration, RegistrationStatus


def hosts_of(event):
    """The event's hosts whose expert profiles are live, in the editors' order."""
    return list(
        EventHost.objects.filter(event_id=event.pk, expert__live=True)
        .select_related("expert")
        .order_by("sort_order")
    )


def host_user_ids(event, hosts=None):
    """People who host the event (their expert profiles' accounts)."""
    hosts = hosts_of(event) if hosts is None else hosts
    return [host.expert.user_id for host in hosts if host.expert.user_id]


def related_lessons(event, user):
    """Live lessons linked to the event that this person may see."""
    from network.models.lessons import LessonPage

    linked = EventLesson.objects.filter(event_id=event.pk).values("lesson_id")
    return list(
        LessonPage.objects.live()
        .visible_to(user)
        .filter(pk__in=linked)
        .defer_streamfields()
        .order_by("-first_published_at", "pk")
    )


def seat_counts(event):
    return event.registrations.aggregate(
        registered=Count("pk", filter=Q(status=RegistrationStatus.REGISTERED)),
        waiting=Count("pk", filter=Q(status=RegistrationStatus.WAITING)),
    )


def registration_panel_context(event, request, *, form=None, counts=None, organiser=None):
    """The registration panel (also rendered alone for htmx): status, form, link."""
    user = request.user
    network = event.network
    registration = Registration.objects.for_user(user).filter(event=event).active().first()
    counts = counts if counts is not None else seat_counts(event)
    if organiser is None:
        organiser = permissions.can_organise_event(user, network, host_user_ids(event))
    can_register = (
        permissions.can_register_for_event(user, network)
        and registration is None
        and not event.has_started
    )
    if can_register and form is None:
        form = RegistrationForm(questions=event.questions.all())
    full = event.capacity is not None and counts["registered"] >= event.capacity
    position = None
    if registration is not None and registration.is_waiting:
        position = (
            Registration.objects.filter(event=event)
            .waiting()
            .filter(
                Q(status_changed_at__lt=registration.status_changed_at)
                | Q(status_changed_at=registration.status_changed_at, pk__lte=registration.pk)
            )
            .count()
        )
    show_link = permissions.can_see_online_link(user, registration, organiser=organiser)
    return {
        "page": event,
        "network": network,
        "registration": registration,
        "waiting_position": position,
        "counts": counts,
        "seats_left": None
        if event.capacity is None
        else max(0, event.capacity - counts["registered"]),
        "full": full,
        "can_register": can_register,
        "needs_membership": (
            user.is_authenticated
            and registration is None
            and not permissions.can_register_for_event(user, network)
        ),
        "form": form if can_register else None,
        "organiser": organiser,
        "online_link": event.online_link if show_link and event.is_online else "",
    }


def detail_context(event, request):
    user = request.user
    network = event.network
    hosts = hosts_of(event)
    organiser = permissions.can_organise_event(user, network, host_user_ids(event, hosts))
    times, viewer_times = event_times(event, user)
    context = registration_panel_context(event, request, organiser=organiser)
    context.update(
        times=times,
        viewer_times=viewer_times,
        principles=list(event.principles.all()),
        hosts=hosts,
        lessons=related_lessons(event, user),
    )
    return context
