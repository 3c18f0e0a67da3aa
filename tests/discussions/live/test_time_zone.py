"""A live session's times show in the person's own zone, labelled with it."""

import zoneinfo

import pytest
from django.utils.formats import date_format

pytestmark = pytest.mark.django_db


def test_the_session_page_shows_the_persons_zone(client, open_session, member):
    url = open_session.get_absolute_url()
    html = client.get(url).content.decode()
    assert "(UTC)" in html

    member.time_zone = "Asia/Kolkata"  # UTC+5:30 all year
    member.save(update_fields=["time_zone"])
    client.force_login(member)
    html = client.get(url).content.decode()
    local = open_session.starts_at.astimezone(zoneinfo.ZoneInfo("Asia/Kolkata"))
    assert "(Asia/Kolkata)" in html
    assert date_format(local, "l j F Y, H:i") in html
