"""Dates and times show in the signed-in person's own time zone."""

import zoneinfo

from django.utils import timezone


def _zone(name):
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return None


def person_time_zone(get_response):
    """Activate the time zone of the person's profile for the request (UTC, the site's
    zone, for visitors). Pages label their times with the zone they are shown in."""

    def middleware(request):
        user = getattr(request, "user", None)
        zone = None
        if user is not None and user.is_authenticated and user.time_zone:
            zone = _zone(user.time_zone)
        if zone is None:
            return get_response(request)
        timezone.activate(zone)
        try:
            return get_response(request)
        finally:
            timezone.deactivate()

    return middleware
