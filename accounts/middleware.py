"""Dates and times show in the signed-in person's own time zone."""

from django.utils import timezone

from accounts.models.users import zone_info


def person_time_zone(get_response):
    """Activate the time zone of the person's profile for the request (UTC, the site's
    zone, for visitors and unknown zones). Pages label their times with the zone they
    are shown in."""

    def middleware(request):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return get_response(request)
        with timezone.override(zone_info(user.time_zone)):
            return get_response(request)

    return middleware
