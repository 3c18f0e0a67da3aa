"""SQL per live-session page and per poll: pinned, the same for 3 questions or 300."""

import pytest

from discussions.live.bulk import bulk_add_questions
from tests.discussions.conftest import add_member
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

# Session+thread+network+author, hosts, questions with vote counts, answers (the site,
# menus and footer come from the cache).
SESSION_PAGE_ANONYMOUS = 4
# + five for the signed-in person on a first visit: session, user (with the unread
# count for the bell), memberships, own votes.
SESSION_PAGE_MEMBER = 9
CEILING = 15
# The person's session and user rows, and the session's version (access rule inside).
POLL_NOTHING_NEW_MEMBER = 3
POLL_NOTHING_NEW_ANONYMOUS = 1


@pytest.fixture
def filled(open_session, host, network):
    askers = [add_member(network, UserFactory()) for _ in range(4)]

    def fill(count):
        questions = [
            (
                askers[index % len(askers)],
                f"Question number {index}: how do we publish *this*?",
                [(host, f"Answer {index}")] if index % 2 == 0 else [],
                askers[: index % len(askers)],
            )
            for index in range(count)
        ]
        bulk_add_questions(session=open_session, questions=questions)
        open_session.refresh_from_db()
        return open_session

    return fill


@pytest.mark.parametrize("count", [3, 300])
def test_session_page_queries_do_not_grow(
    client, filled, member, count, django_assert_num_queries
):
    session = filled(count)
    url = session.get_absolute_url()
    client.get(url)  # the menus and footer are cached on first use
    with django_assert_num_queries(SESSION_PAGE_ANONYMOUS):
        response = client.get(url)
    assert response.text.count('id="question-') == count
    client.force_login(member)
    with django_assert_num_queries(SESSION_PAGE_MEMBER):
        response = client.get(url)
    assert response.text.count('class="vote-button"') == count
    assert SESSION_PAGE_MEMBER <= CEILING


@pytest.mark.parametrize("count", [3, 300])
def test_polling_says_nothing_new_in_at_most_three_queries(
    client, filled, member, count, django_assert_num_queries
):
    session = filled(count)
    client.force_login(member)
    page = client.get(session.get_absolute_url())
    poll_url = page.context["poll_url"]
    with django_assert_num_queries(POLL_NOTHING_NEW_MEMBER):
        response = client.get(poll_url)
    assert response.status_code == 204
    client.logout()
    with django_assert_num_queries(POLL_NOTHING_NEW_ANONYMOUS):
        assert client.get(poll_url).status_code == 204


def test_polling_in_a_members_only_network_also_stays_at_three(
    client, session_factory, private_network, django_assert_num_queries
):
    session = session_factory("open", network=private_network)
    insider = add_member(private_network, UserFactory())
    client.force_login(insider)
    poll_url = client.get(session.get_absolute_url()).context["poll_url"]
    with django_assert_num_queries(POLL_NOTHING_NEW_MEMBER):
        assert client.get(poll_url).status_code == 204


def test_polling_returns_the_board_when_something_changed(client, filled, member, host):
    from discussions.live import services

    session = filled(3)
    client.force_login(member)
    poll_url = client.get(session.get_absolute_url()).context["poll_url"]
    question = services.ask_question(session=session, author=host, body="A new one")
    response = client.get(poll_url, headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert f'id="question-{question.pk}"' in response.text
    assert response.text.lstrip().startswith('<section id="live-board"')


# Wagtail's serving (route, hidden networks, aliases, view restrictions ...), the
# profile's principles, topics, links, languages, photo, parent; the sessions and answers
# tags (one query each); the lessons written and events hosted; breadcrumbs (the menus
# and footer come from the cache).
PROFILE_QUERIES_ANONYMOUS = 17


@pytest.mark.parametrize("count", [3, 30])
def test_expert_profile_queries_do_not_grow(
    client, session_factory, host, count, django_assert_num_queries
):
    for number in range(count):
        session_factory("closed" if number % 2 else "upcoming", title=f"Session {number}")
    url = host.expert_profile.url
    client.get(url)  # the menus and footer are cached on first use
    with django_assert_num_queries(PROFILE_QUERIES_ANONYMOUS):
        response = client.get(url)
    assert response.text.count("/live/") >= min(count, 10)
