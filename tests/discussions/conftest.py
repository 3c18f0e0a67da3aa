"""Networks, people in every role, and threads of any size for the discussions tests."""

import pytest
from django.core.cache import cache

from discussions import services
from network.models import LearningNetworkPage, Membership, NetworkIndexPage
from tests.factories import UserFactory


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate-limit counters live in the cache: each test starts with none."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def network_index(home_page):
    index = NetworkIndexPage.objects.first()
    if index is None:
        index = home_page.add_child(
            instance=NetworkIndexPage(title="Networks", slug="networks", live=True)
        )
    return index


def make_network(index, *, title, slug, visibility="public"):
    return index.add_child(
        instance=LearningNetworkPage(
            title=title,
            slug=slug,
            intro=f"About {title}.",
            visibility=visibility,
            join_policy="open",
            live=True,
        )
    )


def add_member(network, user, role="member", status="active"):
    Membership.objects.create(user=user, network=network, role=role, status=status)
    return user


@pytest.fixture
def network(network_index):
    return make_network(network_index, title="Open contracting", slug="open-contracting")


@pytest.fixture
def private_network(network_index):
    return make_network(
        network_index, title="Budget circle", slug="budget-circle", visibility="members_only"
    )


@pytest.fixture
def member(network):
    return add_member(network, UserFactory(username="mara", display_name="Mara Member"))


@pytest.fixture
def other_member(network):
    return add_member(network, UserFactory(username="otto", display_name="Otto Other"))


@pytest.fixture
def facilitator(network):
    return add_member(
        network, UserFactory(username="fay", display_name="Fay Facilitator"), "facilitator"
    )


@pytest.fixture
def lead(network):
    return add_member(network, UserFactory(username="leo", display_name="Leo Lead"), "lead")


@pytest.fixture
def outsider(db):
    return UserFactory(username="olga", display_name="Olga Outsider")


@pytest.fixture
def staff(db):
    return UserFactory(username="edith", display_name="Edith Editor", is_staff=True)


@pytest.fixture
def make_thread():
    def make(network, author, *, replies=0, title="How do you publish contracts?", **kwargs):
        kwargs.setdefault("body", "We are starting. **What worked** for you?")
        thread = services.start_thread(network=network, author=author, title=title, **kwargs)
        thread.network = network
        posts = []
        for number in range(replies):
            parent = posts[number // 2] if number % 3 == 2 and posts else None
            posts.append(
                services.post_reply(
                    thread=thread, author=author, body=f"Reply number {number}", parent=parent
                )
            )
        thread.refresh_from_db()
        thread.network = network
        return thread

    return make


@pytest.fixture
def thread(network, member, make_thread):
    return make_thread(network, member)
