"""Editors promote results for common queries in the Wagtail admin."""

import pytest
from django.contrib.auth.models import Group

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_the_editors_group_may_promote_search_results(client, home_page):
    person = UserFactory()
    person.groups.add(Group.objects.get(name="Editors"))
    client.force_login(person)
    assert client.get("/admin/searchpicks/").status_code == 200
    assert client.get("/admin/searchpicks/add/").status_code == 200


def test_members_may_not(client, home_page):
    client.force_login(UserFactory())
    assert client.get("/admin/searchpicks/").status_code in (302, 403)
