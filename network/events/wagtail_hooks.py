"""Admin hooks of this area (imported by network/wagtail_hooks.py)."""

from wagtail.signals import page_published

from network.events import services
from network.models.events import EventPage


def fill_seats_after_publishing(sender, instance, **kwargs):
    """Editors added places (or removed the limit): the waiting list moves up at once."""
    services.fill_open_seats(event=instance)


page_published.connect(fill_seats_after_publishing, sender=EventPage)
