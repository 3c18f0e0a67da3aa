"""iCalendar output (RFC 5545) with the ``icalendar`` library.

Every entry carries UTC instants (computed from the event's named zone when it was
saved), a link back to its page and a stable UID. The online link is written only when
the caller says so: in a person's private feed, for the events they are registered for.
"""

import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from icalendar import Calendar, Event

from network.rendering import clean_text

PRODID = "-//Open data learning networks//Events//EN"


def _host():
    return urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "localhost"


def event_uid(event):
    return f"event-{event.pk}@{_host()}"


def calendar(name, entries):
    """A ``Calendar`` named ``name`` holding ``entries``: ``(event, url, online_link)``."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", clean_text(name))
    stamp = timezone.now()
    for event, url, online_link in entries:
        cal.add_component(_entry(event, url, online_link, stamp))
    return cal


def _entry(event, url, online_link, stamp):
    entry = Event()
    entry.add("uid", event_uid(event))
    entry.add("dtstamp", stamp)
    entry.add("dtstart", event.starts_at.astimezone(datetime.UTC))
    entry.add("dtend", event.ends_at.astimezone(datetime.UTC))
    entry.add("summary", clean_text(event.title))
    if event.last_published_at:
        entry.add("last-modified", event.last_published_at)
    entry.add("url", url)
    description = [clean_text(event.intro)]
    if online_link:
        description.append(online_link)
    description.append(url)
    entry.add("description", "\n\n".join(part for part in description if part))
    location = ", ".join(
        part for part in (event.place_name, " ".join(event.address.split())) if part
    )
    if online_link:
        location = f"{location} · {online_link}" if location else online_link
    if location:
        entry.add("location", clean_text(location))
    return entry


def ics_response(cal, *, filename=None):
    response = HttpResponse(cal.to_ical(), content_type="text/calendar; charset=utf-8")
    if filename:
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Robots-Tag"] = "noindex"
    return response
