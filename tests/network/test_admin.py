"""The Wagtail admin: memberships through the same services, counters kept on publish,
the audit log, the Charter principles snippet."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import ModelLogEntry

from accounts.models import Notification
from network.models import CharterPrinciple, LearningNetworkPage, Membership, Role
from network.taxonomy import CHARTER_PRINCIPLES
from tests.factories import MembershipFactory

ADMIN = "/admin/network/memberships/"


@pytest.fixture
def staff(client, world):
    client.force_login(world.editor)
    return client


def test_membership_list_filters_by_network_role_and_status(staff, world):
    response = staff.get(f"{ADMIN}?network={world.approval.pk}&status=pending")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Pending Person" in html
    assert "Member Person" not in html
    html = staff.get(f"{ADMIN}?role=lead").content.decode()
    assert "Lead Person" in html and "Facilitator Person" not in html


def test_membership_list_queries_do_not_grow_with_rows(staff, world):
    staff.get(ADMIN)
    with CaptureQueriesContext(connection) as few:
        staff.get(ADMIN)
    for _ in range(15):
        MembershipFactory(network=world.public)
    with CaptureQueriesContext(connection) as many:
        staff.get(ADMIN)
    assert len(few) == len(many)


def test_staff_approve_a_request_in_the_admin_through_the_service(staff, world):
    pending = Membership.objects.get(network=world.approval, user=world.pending)
    response = staff.post(f"{ADMIN}edit/{pending.pk}/", {"role": "member", "status": "active"})
    assert response.status_code == 302
    pending.refresh_from_db()
    assert pending.is_active and pending.decided_by == world.editor
    assert Notification.objects.filter(
        recipient=world.pending, verb="membership.approved"
    ).exists()
    assert ModelLogEntry.objects.filter(
        action="network.membership.approve", object_id=str(pending.pk)
    ).exists()
    world.approval.refresh_from_db()
    assert world.approval.member_count == 4


def test_staff_change_a_role_in_the_admin_and_the_last_lead_rule_holds(staff, world):
    member = Membership.objects.get(network=world.public, user=world.member)
    staff.post(f"{ADMIN}edit/{member.pk}/", {"role": "facilitator", "status": "active"})
    member.refresh_from_db()
    assert member.role == Role.FACILITATOR
    lead = Membership.objects.get(network=world.public, user=world.lead)
    response = staff.post(f"{ADMIN}edit/{lead.pk}/", {"role": "member", "status": "active"})
    assert response.status_code == 200
    assert "last lead cannot be demoted" in response.content.decode()
    lead.refresh_from_db()
    assert lead.role == Role.LEAD


def test_an_active_member_cannot_be_made_pending_in_the_admin(staff, world):
    member = Membership.objects.get(network=world.public, user=world.member)
    response = staff.post(f"{ADMIN}edit/{member.pk}/", {"role": "member", "status": "pending"})
    assert "cannot be made pending again" in response.content.decode()
    member.refresh_from_db()
    assert member.is_active


def test_staff_add_and_remove_members_in_the_admin(staff, world):
    response = staff.post(
        f"{ADMIN}new/",
        {"user": world.outsider.pk, "network": world.private.pk, "role": "facilitator"},
    )
    assert response.status_code == 302
    added = Membership.objects.get(network=world.private, user=world.outsider)
    assert added.is_active and added.role == Role.FACILITATOR
    assert ModelLogEntry.objects.filter(action="network.membership.add").exists()
    staff.post(f"{ADMIN}delete/{added.pk}/")
    assert not Membership.objects.filter(pk=added.pk).exists()
    assert ModelLogEntry.objects.filter(action="network.membership.remove").exists()


def test_deleting_a_pending_request_in_the_admin_declines_it(staff, world):
    pending = Membership.objects.get(network=world.approval, user=world.pending)
    staff.post(f"{ADMIN}delete/{pending.pk}/")
    assert not Membership.objects.filter(pk=pending.pk).exists()
    assert Notification.objects.filter(
        recipient=world.pending, verb="membership.declined"
    ).exists()


def test_membership_history_shows_logged_changes(staff, world):
    pending = Membership.objects.get(network=world.approval, user=world.pending)
    staff.post(f"{ADMIN}edit/{pending.pk}/", {"role": "member", "status": "active"})
    html = staff.get(f"{ADMIN}history/{pending.pk}/").content.decode()
    assert "Approved Pending Person as member of Subnational open data" in html


def test_editors_see_the_network_fields_in_the_page_editor(staff, world, charter_principles):
    response = staff.get(f"/admin/pages/{world.public.pk}/edit/")
    html = response.content.decode()
    assert response.status_code == 200
    for field in ("visibility", "listed_publicly", "join_policy", "principles", "countries"):
        assert f'name="{field}"' in html
    assert 'name="member_count"' not in html
    assert "Images are public" in html


def test_publishing_a_revision_keeps_the_counters_that_services_wrote(world):
    from network.services import touch_activity

    network = LearningNetworkPage.objects.get(pk=world.public.pk)
    revision = network.save_revision()  # made while the counters were 3 / never
    MembershipFactory(network=network)
    from network.services import refresh_member_count

    refresh_member_count(network=network)
    touch_activity(network=network)
    revision.publish()
    network.refresh_from_db()
    assert network.member_count == 4
    assert network.last_activity_at is not None


def test_touch_activity_only_moves_forward(world):
    from datetime import timedelta

    from django.utils import timezone

    from network.services import touch_activity

    now = timezone.now()
    assert touch_activity(network=world.public, when=now)
    assert not touch_activity(network=world.public.pk, when=now - timedelta(days=1))
    world.public.refresh_from_db()
    assert world.public.last_activity_at == now


def test_charter_principles_have_stable_slugs_and_are_snippets(staff, charter_principles):
    assert [p.slug for p in CharterPrinciple.objects.all()] == [
        slug for slug, _name, _description in CHARTER_PRINCIPLES
    ]
    assert [p.name for p in charter_principles] == [
        "Open by Default",
        "Timely and Comprehensive",
        "Accessible and Usable",
        "Comparable and Interoperable",
        "For Improved Governance and Citizen Engagement",
        "For Inclusive Development and Innovation",
    ]
    html = staff.get("/admin/snippets/network/charterprinciple/").content.decode()
    assert "Open by Default" in html


def test_seeding_principles_again_keeps_editors_wording(charter_principles):
    from network.taxonomy import ensure_charter_principles

    CharterPrinciple.objects.filter(slug="open-by-default").update(name="Open By Default (ed.)")
    assert ensure_charter_principles() == 0
    assert CharterPrinciple.objects.get(slug="open-by-default").name == "Open By Default (ed.)"
    assert CharterPrinciple.objects.count() == 6
