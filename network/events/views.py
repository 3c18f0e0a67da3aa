"""Event views: register, cancel, registrants (list and CSV), calendars, "my events".

Small function views: form → service → partial (htmx) or redirect. Every event is found
through ``_event_or_404``, so an event the person may not see answers 404 like any
unknown address.
"""

import csv
import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch, Q
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from network import permissions
from network.events import ics, services
from network.events.detail import host_user_ids, registration_panel_context
from network.events.forms import RegistrationForm
from network.events.listing import decorate, visible_events
from network.models.events import EventIndexPage, EventPage, Registration, RegistrationAnswer
from network.models.pages import LearningNetworkPage
from network.views import rate_limited

FEED_LENGTH = 200
PAST_IN_FEEDS = datetime.timedelta(days=180)
PANEL = "network/events/event_page.html#registration_panel"
# Spreadsheets run a cell that starts with one of these as a formula.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def _event_or_404(request, event_id, user=None):
    user = user or request.user
    event = EventPage.objects.live().filter(pk=event_id).first()
    if event is None or not permissions.can_view_page(user, event):
        raise Http404
    return event


def _panel_or_redirect(request, event, *, notice, level=messages.SUCCESS, form=None):
    if request.htmx:
        context = registration_panel_context(event, request, form=form)
        context.update(notice=notice)
        return render(request, PANEL, context)
    messages.add_message(request, level, notice)
    return redirect(event.get_url(request))


@login_required
@require_POST
@rate_limited
def registration_create(request, event_id):
    event = _event_or_404(request, event_id)
    if not permissions.can_register_for_event(request.user, event.network):
        return render(
            request,
            "network/forbidden.html",
            {"network": event.network, "message": _("Only members of this network can register.")},
            status=403,
        )
    form = RegistrationForm(request.POST, questions=event.questions.all())
    if not form.is_valid():
        if request.htmx:
            return render(request, PANEL, registration_panel_context(event, request, form=form))
        context = registration_panel_context(event, request, form=form)
        return render(request, "network/events/registration_form.html", context)
    try:
        registration = services.register(event=event, user=request.user, answers=form.answers())
    except services.RegistrationClosed:
        return _panel_or_redirect(
            request,
            event,
            notice=_("Registration is closed: this event has started."),
            level=messages.ERROR,
        )
    if registration.is_registered:
        notice = _("You are registered. See you there!")
    else:
        notice = _(
            "The event is full: you are on the waiting list. We will tell you if a place opens up."
        )
    return _panel_or_redirect(request, event, notice=notice)


@login_required
def registration_form(request, event_id):
    """The registration form on a page of its own (links from listings, no-JS errors)."""
    event = _event_or_404(request, event_id)
    context = registration_panel_context(event, request)
    return render(request, "network/events/registration_form.html", context)


@login_required
@require_POST
@rate_limited
def registration_cancel(request, event_id):
    event = _event_or_404(request, event_id)
    registration, promoted = services.cancel(event=event, user=request.user)
    if registration is None:
        notice = _("You were not registered for this event.")
    elif promoted:
        notice = _("Your registration is cancelled. Your place went to the next person waiting.")
    else:
        notice = _("Your registration is cancelled.")
    return _panel_or_redirect(request, event, notice=notice)


def _registrations_for_organiser(request, event_id):
    event = _event_or_404(request, event_id)
    if not permissions.can_organise_event(request.user, event.network, host_user_ids(event)):
        raise PermissionDenied
    questions = list(event.questions.all())
    registrations = (
        Registration.objects.filter(event=event)
        .active()
        .select_related("user")
        .prefetch_related(
            Prefetch(
                "answers",
                queryset=RegistrationAnswer.objects.only(
                    "registration_id", "question_id", "answer"
                ),
            )
        )
        .order_by("status", "status_changed_at", "pk")
    )
    rows = []
    for registration in registrations:
        by_question = {answer.question_id: answer.answer for answer in registration.answers.all()}
        registration.answer_list = [by_question.get(question.pk, "") for question in questions]
        rows.append(registration)
    return event, questions, rows


@login_required
@require_GET
def registrant_list(request, event_id):
    event, questions, rows = _registrations_for_organiser(request, event_id)
    return render(
        request,
        "network/events/registrant_list.html",
        {
            "page": event,
            "questions": questions,
            "registered": [r for r in rows if r.is_registered],
            "waiting": [r for r in rows if r.is_waiting],
        },
    )


def spreadsheet_safe(value):
    """A CSV cell that spreadsheets show as text, never run as a formula."""
    value = str(value)
    return f"'{value}" if value.startswith(FORMULA_PREFIXES) else value


@login_required
@require_GET
def registrant_export(request, event_id):
    event, questions, rows = _registrations_for_organiser(request, event_id)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="registrants-{event.slug}.csv"'
    writer = csv.writer(response)
    header = [_("Name"), _("Email"), _("Status"), _("Since (UTC)")] + [q.label for q in questions]
    writer.writerow(spreadsheet_safe(cell) for cell in header)
    for registration in rows:
        writer.writerow(
            spreadsheet_safe(cell)
            for cell in [
                registration.user.get_full_name(),
                registration.user.email,
                registration.get_status_display(),
                registration.status_changed_at.astimezone(datetime.UTC).strftime("%Y-%m-%d %H:%M"),
                *registration.answer_list,
            ]
        )
    return response


# --- Calendars --------------------------------------------------------------------------


def _entries(events, request, *, links=None):
    links = links or {}
    return [(event, event.get_full_url(request), links.get(event.pk, "")) for event in events]


def _feed_events(user):
    since = timezone.now() - PAST_IN_FEEDS
    return (
        visible_events(user)
        .filter(ends_at__gte=since)
        .defer_streamfields()
        .order_by("starts_at", "pk")
    )


@require_GET
def event_ics(request, event_id):
    """One event as a download. Never the online link: files get forwarded."""
    event = _event_or_404(request, event_id)
    cal = ics.calendar(event.title, _entries([event], request))
    return ics.ics_response(cal, filename=f"{event.slug}.ics")


@require_GET
def site_feed(request):
    """Every public event (site-wide and in public networks), judged as a visitor."""
    events = _feed_events(AnonymousUser())[:FEED_LENGTH]
    cal = ics.calendar(_("Open data learning networks: events"), _entries(events, request))
    return ics.ics_response(cal)


@require_GET
def network_feed(request, slug):
    """A public network's events, judged as a visitor: a members-only network has none."""
    network = LearningNetworkPage.objects.live().filter(slug=slug).first()
    if network is None or not permissions.can_view(AnonymousUser(), network):
        raise Http404
    events = _feed_events(AnonymousUser()).in_network(network)[:FEED_LENGTH]
    cal = ics.calendar(network.title, _entries(events, request))
    return ics.ics_response(cal)


@require_GET
def private_feed(request, token):
    """A person's own feed: the events they are registered for (with the online link)
    and their members-only networks' events, still judged by what they may see today."""
    user = services.user_for_calendar_token(token)
    if user is None:
        raise Http404
    registered = dict(
        Registration.objects.filter(user=user).registered().values_list("event_id", "event_id")
    )
    private_networks = LearningNetworkPage.objects.filter(
        pk__in=permissions.active_network_ids(user), visibility=permissions.MEMBERS_ONLY
    ).values_list("path", flat=True)
    wanted = Q(pk__in=list(registered))
    for path in private_networks:
        wanted |= Q(path__startswith=path)
    events = _feed_events(user).filter(wanted)[:FEED_LENGTH]
    links = {
        event.pk: event.online_link
        for event in events
        if event.pk in registered and event.is_online and event.online_link
    }
    cal = ics.calendar(_("My events"), _entries(events, request, links=links))
    response = ics.ics_response(cal)
    response["Cache-Control"] = "private, no-store"
    return response


# --- My events --------------------------------------------------------------------------


@login_required
@require_GET
def my_events(request):
    user = request.user
    mine = visible_events(user).filter(
        pk__in=Registration.objects.for_user(user).active().values("event_id")
    )
    upcoming = decorate(mine.upcoming().for_listing()[:100], request)
    past = decorate(mine.past().for_listing()[:50], request)
    token = services.calendar_feed_token(user)
    feed_url = (
        request.build_absolute_uri(reverse_private_feed(token)) if token is not None else None
    )
    return render(
        request,
        "network/events/my_events.html",
        {
            "upcoming": upcoming,
            "past": past,
            "feed_url": feed_url,
            "events_url": index_url(request),
        },
    )


def index_url(request):
    index = EventIndexPage.objects.live().first()
    return index.get_url(request) if index is not None else None


def reverse_private_feed(token):
    return reverse("events:private_feed", kwargs={"token": token})


@login_required
@require_POST
@rate_limited
def calendar_token_renew(request):
    had_one = services.calendar_feed_token(request.user) is not None
    services.renew_calendar_token(user=request.user)
    if had_one:
        notice = _("Your private calendar link is new: the old one no longer works.")
    else:
        notice = _("Your private calendar link is ready.")
    messages.success(request, notice)
    return redirect("events:my_events")
