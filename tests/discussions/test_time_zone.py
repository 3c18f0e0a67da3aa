"""Times show in the signed-in person's own time zone (their profile's); UTC otherwise."""

from datetime import UTC, datetime

import pytest
from django.utils import timezone

from discussions import services

pytestmark = pytest.mark.django_db

NOON_UTC = datetime(2026, 1, 15, 12, 0, tzinfo=UTC)  # 09:00 in Santiago (UTC-3 in summer)


@pytest.fixture
def reply(thread, other_member):
    return services.post_reply(thread=thread, author=other_member, body="At noon.", when=NOON_UTC)


def page(client, thread):
    return client.get(thread.get_absolute_url()).content.decode()


def test_visitors_see_utc(client, thread, reply):
    assert "15 Jan 2026, 12:00" in page(client, thread)


def test_a_person_sees_their_own_zone(client, thread, reply, member):
    member.time_zone = "America/Santiago"
    member.save(update_fields=["time_zone"])
    client.force_login(member)
    html = page(client, thread)
    assert "15 Jan 2026, 09:00" in html
    assert 'datetime="2026-01-15T09:00:00-03:00"' in html
    # The zone is the request's only: the next one starts from the site's own.
    assert timezone.get_current_timezone_name() == "UTC"


def test_an_unknown_zone_falls_back_to_utc(client, thread, reply, member):
    member.time_zone = "Nowhere/Atlantis"
    member.save(update_fields=["time_zone"])
    client.force_login(member)
    assert "15 Jan 2026, 12:00" in page(client, thread)
