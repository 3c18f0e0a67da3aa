"""Event times as people read them: in the event's zone and in their own, server-side."""

from dataclasses import dataclass

from django.utils import formats
from django.utils.translation import gettext as _

from accounts.models.users import zone_info

DATE_FORMAT = "l j F Y"
TIME_FORMAT = "H:i"


@dataclass
class TimeRange:
    """An event's start and end as wall-clock times in one zone, ready to print."""

    zone_name: str
    start: object  # aware datetime in that zone
    end: object

    @property
    def same_day(self):
        return self.start.date() == self.end.date()

    @property
    def abbreviation(self):
        """The zone's abbreviation at the start (CET, CEST, -03 ...)."""
        return self.start.tzname()

    def label(self):
        """“Tuesday 3 March 2026, 15:00–16:30” (or from one day to another)."""
        start_day = formats.date_format(self.start, DATE_FORMAT)
        start_time = formats.date_format(self.start, TIME_FORMAT)
        end_time = formats.date_format(self.end, TIME_FORMAT)
        if self.same_day:
            return _("%(day)s, %(start)s–%(end)s") % {
                "day": start_day,
                "start": start_time,
                "end": end_time,
            }
        return _("%(start_day)s, %(start)s – %(end_day)s, %(end)s") % {
            "start_day": start_day,
            "start": start_time,
            "end_day": formats.date_format(self.end, DATE_FORMAT),
            "end": end_time,
        }

    def zone_label(self):
        name = self.zone_name.replace("_", " ")
        if self.abbreviation and self.abbreviation != self.zone_name:
            return f"{name} ({self.abbreviation})"
        return name

    def __str__(self):
        return f"{self.label()} {self.zone_label()}"


def time_range(event, zone_name):
    zone = zone_info(zone_name)
    zone_name = zone.key
    return TimeRange(
        zone_name=zone_name,
        start=event.starts_at.astimezone(zone),
        end=event.ends_at.astimezone(zone),
    )


def viewer_zone(user):
    """The signed-in person's profile time zone, or ``None``."""
    if user is None or not user.is_authenticated:
        return None
    return getattr(user, "time_zone", None) or None


def event_times(event, user=None):
    """``(in the event's zone, in the person's zone or None when it is the same)``."""
    own = time_range(event, event.time_zone)
    zone = viewer_zone(user)
    if not zone or zone == event.time_zone:
        return own, None
    theirs = time_range(event, zone)
    if theirs.start.utcoffset() == own.start.utcoffset() and theirs.abbreviation == (
        own.abbreviation
    ):
        return own, None
    return own, theirs
