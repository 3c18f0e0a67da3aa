"""The demo networks: five of them, with people in every role, run twice safely."""

import io

from network.models import (
    Invitation,
    JoinPolicy,
    LearningNetworkPage,
    Membership,
    NetworkIndexPage,
    Role,
    Visibility,
)


def test_demo_networks_are_created_once_with_members_requests_and_invitations(home_page):
    from accounts.demo import seed as seed_people
    from network.demo import seed

    seed_people(io.StringIO())
    seed(io.StringIO())
    counts = (
        LearningNetworkPage.objects.count(),
        Membership.objects.count(),
        Invitation.objects.count(),
    )
    seed(io.StringIO())  # again: nothing new
    assert counts == (
        LearningNetworkPage.objects.count(),
        Membership.objects.count(),
        Invitation.objects.count(),
    )

    index = NetworkIndexPage.objects.get()
    assert index.get_parent().pk == home_page.pk and index.show_in_menus
    networks = LearningNetworkPage.objects.live().child_of(index)
    assert networks.count() == 5
    members_only = networks.filter(visibility=Visibility.MEMBERS_ONLY)
    assert members_only.count() == 2
    assert members_only.filter(listed_publicly=True).count() == 1
    assert networks.filter(visibility=Visibility.PUBLIC, join_policy=JoinPolicy.APPROVAL).exists()
    for network in networks:
        leads = Membership.objects.for_network(network).leads()
        assert leads.count() == 1, network.title
        assert (
            Membership.objects.for_network(network).active().filter(role=Role.FACILITATOR).exists()
        )
        assert network.member_count == Membership.objects.for_network(network).active().count()
        assert network.principles.exists() and network.tags.exists()
    assert Membership.objects.pending().count() == 1
    assert Invitation.objects.open().exists()


def test_demo_networks_without_demo_people_are_still_created(home_page):
    from network.demo import seed

    out = io.StringIO()
    seed(out)
    assert LearningNetworkPage.objects.count() == 5
    assert not Membership.objects.exists()
    assert "no demo people found" in out.getvalue()
