"""Ask an expert: the form, the thread it makes, who hears of it, the answer counters."""

import pytest

from accounts.models import Notification
from discussions import services as discussion_services
from discussions.live import services
from discussions.models import AskedExpert, Thread
from network.models import ExpertProfilePage, Membership
from tests.discussions.conftest import add_member, make_network
from tests.factories import UserFactory
from tests.network.experts.factories import ExpertProfilePageFactory

pytestmark = pytest.mark.django_db

ASK = "/ask-an-expert/"


@pytest.fixture
def ask_network(network_index, expert_index):
    network = make_network(network_index, title="Ask the experts", slug="ask-the-experts")
    expert_index.ask_network = network
    expert_index.save()
    return network


def make_expert(expert_index, name, *, principles=(), topics=(), answered=0):
    expert = ExpertProfilePageFactory(
        parent=expert_index,
        user=UserFactory(display_name=name),
        title=name,
        questions_answered=answered,
    )
    expert.principles.set(principles)
    expert.topics.set(list(topics))
    expert.save()
    return expert


def notified(expert):
    return Notification.objects.filter(recipient=expert.user, verb="live.expert_asked").exists()


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run what services queue on commit (notifications) inside the test."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def test_asking_a_chosen_expert_in_ask_the_experts(client, ask_network, expert_index, committed):
    expert = make_expert(expert_index, "Joseph Kamau")
    asker = UserFactory()
    client.force_login(asker)
    page = client.get(ASK, {"expert": expert.pk})
    assert page.status_code == 200
    assert "Ask Joseph Kamau" in page.text
    with committed():
        response = client.post(
            ASK,
            {
                "expert": expert.pk,
                "network": ask_network.pk,
                "title": "Identifiers for bus stops?",
                "body": "Two cities number the same stops differently.",
            },
        )
    thread = Thread.objects.get(title="Identifiers for bus stops?")
    assert response.status_code == 302
    assert response["Location"] == thread.get_absolute_url()
    assert thread.kind == "question" and thread.network == ask_network
    assert Membership.objects.filter(user=asker, network=ask_network, status="active").exists()
    assert notified(expert)
    assert thread.follows.filter(user=expert.user).exists()


def test_matching_experts_up_to_three_best_first(
    client, ask_network, expert_index, charter_principles, committed
):
    principle = charter_principles[0]
    both = [
        make_expert(expert_index, f"Both {n}", principles=[principle], topics=["budgets"])
        for n in range(2)
    ]
    only_topic = make_expert(expert_index, "Topic only", topics=["budgets"], answered=9)
    only_principle = make_expert(expert_index, "Principle only", principles=[principle])
    unrelated = make_expert(expert_index, "Unrelated", topics=["water"])
    client.force_login(UserFactory())
    with committed():
        response = client.post(
            ASK,
            {
                "principle": principle.slug,
                "topic": "budgets",
                "network": ask_network.pk,
                "title": "Tagging climate spending?",
                "body": "In a municipal budget already published.",
            },
        )
    assert response.status_code == 302
    thread = Thread.objects.get(title="Tagging climate spending?")
    asked = set(
        AskedExpert.objects.filter(question__thread=thread).values_list("expert_id", flat=True)
    )
    assert asked == {both[0].pk, both[1].pk, only_topic.pk}
    assert all(notified(expert) for expert in [*both, only_topic])
    assert not notified(only_principle) and not notified(unrelated)


def test_the_form_keeps_what_was_typed_and_says_what_is_missing(client, ask_network, expert_index):
    make_expert(expert_index, "Someone")
    client.force_login(UserFactory())
    response = client.post(
        ASK, {"network": ask_network.pk, "title": "", "body": "My long details stay here"}
    )
    assert response.status_code == 200
    assert "My long details stay here" in response.text
    assert "Write your question in one line." in response.text
    assert "Choose an expert, or a principle or a topic" in response.text
    assert not Thread.objects.exists()


def test_a_private_network_is_refused_when_the_expert_cannot_read_it(
    client, ask_network, expert_index, private_network
):
    expert = make_expert(expert_index, "Outsider Expert")
    asker = add_member(private_network, UserFactory())
    client.force_login(asker)
    response = client.post(
        ASK,
        {
            "expert": expert.pk,
            "network": private_network.pk,
            "title": "A private question",
            "body": "Only for our circle.",
        },
    )
    assert response.status_code == 200
    assert "is not a member of Budget circle" in response.text
    assert not Thread.objects.exists()
    assert not Notification.objects.filter(recipient=expert.user).exists()


def test_networks_one_may_not_post_in_are_not_offered(
    client, ask_network, expert_index, private_network
):
    expert = make_expert(expert_index, "Expert")
    client.force_login(UserFactory())
    response = client.post(
        ASK,
        {
            "expert": expert.pk,
            "network": private_network.pk,
            "title": "Sneaky",
            "body": "Posting where I am not a member.",
        },
    )
    assert response.status_code == 200
    assert "Budget circle" not in response.text
    assert not Thread.objects.exists()


def test_matching_in_a_private_network_skips_experts_who_cannot_read_it(
    expert_index, private_network, charter_principles
):
    principle = charter_principles[1]
    inside = make_expert(expert_index, "Inside", principles=[principle])
    add_member(private_network, inside.user)
    make_expert(expert_index, "Outside", principles=[principle])
    found = services.matching_experts(network=private_network, principle=principle)
    assert found == [inside]


def test_first_answer_counts_on_the_profile_in_public_networks_only(
    ask_network, expert_index, private_network
):
    expert = make_expert(expert_index, "Counted")
    asker = UserFactory()
    thread = services.ask_experts(
        network=ask_network, author=asker, title="Q", body="Details", experts=[expert]
    )
    add_member(ask_network, expert.user)
    discussion_services.post_reply(thread=thread, author=expert.user, body="An answer")
    discussion_services.post_reply(thread=thread, author=expert.user, body="And more")
    expert.refresh_from_db()
    assert expert.questions_answered == 1
    add_member(private_network, expert.user)
    insider = add_member(private_network, UserFactory())
    private = services.ask_experts(
        network=private_network, author=insider, title="Private Q", body="x", experts=[expert]
    )
    discussion_services.post_reply(thread=private, author=expert.user, body="Private answer")
    expert.refresh_from_db()
    assert expert.questions_answered == 1
    assert AskedExpert.objects.filter(question__thread=private, answered_at__isnull=False).exists()


def test_profile_lists_answered_questions_only_to_those_who_may_read_them(
    client, ask_network, expert_index, private_network
):
    expert = make_expert(expert_index, "Lister")
    add_member(ask_network, expert.user)
    add_member(private_network, expert.user)
    insider = add_member(private_network, UserFactory())
    public = services.ask_experts(
        network=ask_network,
        author=UserFactory(),
        title="Public question",
        body="x",
        experts=[expert],
    )
    private = services.ask_experts(
        network=private_network,
        author=insider,
        title="Secret question",
        body="x",
        experts=[expert],
    )
    for thread in (public, private):
        discussion_services.post_reply(thread=thread, author=expert.user, body="Answered")
    profile = ExpertProfilePage.objects.get(pk=expert.pk)
    text = client.get(profile.url).text
    assert "Public question" in text
    assert "Secret question" not in text
    client.force_login(insider)
    assert "Secret question" in client.get(profile.url).text
