"""Live sessions in every phase, their hosts (expert profiles) and people around them."""

from datetime import timedelta

import pytest
from django.utils import timezone

from discussions.live import services
from discussions.models import LiveSession
from tests.discussions.conftest import add_member
from tests.factories import UserFactory
from tests.network.experts.factories import ExpertIndexPageFactory, ExpertProfilePageFactory


@pytest.fixture
def expert_index(home_page):
    return ExpertIndexPageFactory(parent=home_page)


@pytest.fixture
def host(expert_index):
    """An expert (profile and account) who hosts sessions; not a network member."""
    user = UserFactory(username="hana", display_name="Hana Host")
    ExpertProfilePageFactory(parent=expert_index, user=user, title="Hana Host", slug="hana")
    return user


@pytest.fixture
def session_factory(network, facilitator, host):
    """``session_factory(phase="open", network=..., hosts=[user, ...])``."""

    def make(phase="open", network=network, hosts=None, title="Procurement data, live"):
        now = timezone.now()
        starts = {
            "upcoming": now + timedelta(days=2),
            "open": now - timedelta(minutes=30),
            "closed": now - timedelta(days=2),
        }[phase]
        host_users = hosts if hosts is not None else [host]
        author = facilitator
        if network.visibility == "members_only":
            author = add_member(network, UserFactory(), "facilitator")
            for person in host_users:
                add_member(network, person)
        session = services.schedule_session(
            network=network,
            author=author,
            title=title,
            body="Ask our experts about **publishing contracts**.",
            starts_at=starts,
            ends_at=starts + timedelta(hours=1),
            hosts=[person.expert_profile for person in host_users],
        )
        return LiveSession.objects.select_related("thread__network").get(pk=session.pk)

    return make


@pytest.fixture
def open_session(session_factory):
    return session_factory("open")
