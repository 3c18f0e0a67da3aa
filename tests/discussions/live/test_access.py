"""Who may do what in a live session, tried from the outside through the views."""

import pytest
from django.urls import reverse

from discussions.live import services
from discussions.models import Post, QuestionVote
from tests.discussions.conftest import add_member
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def ask_url(session):
    return reverse("live:ask", args=[session.thread.network.slug, session.thread_id])


def conclusion_url(session):
    return reverse("live:conclusion", args=[session.thread.network.slug, session.thread_id])


def test_a_member_asks_and_the_question_shows(client, open_session, member):
    client.force_login(member)
    response = client.post(ask_url(open_session), {"body": "Which **flags** matter?"})
    assert response.status_code == 302
    question = Post.objects.get(thread=open_session.thread, depth=1)
    assert response["Location"].endswith(f"#question-{question.pk}")
    page = client.get(open_session.get_absolute_url())
    assert "<strong>flags</strong>" in page.text
    open_session.refresh_from_db()
    assert open_session.question_count == 1


def test_anyone_signed_in_asks_in_a_public_network(client, open_session):
    stranger = UserFactory()
    client.force_login(stranger)
    response = client.post(ask_url(open_session), {"body": "A question from outside"})
    assert response.status_code == 302
    assert Post.objects.filter(thread=open_session.thread, author=stranger).exists()


def test_questions_go_in_before_the_session_opens(client, session_factory, member):
    upcoming = session_factory("upcoming")
    client.force_login(member)
    assert client.post(ask_url(upcoming), {"body": "Sent in advance"}).status_code == 302


def test_a_closed_session_takes_no_question_and_no_vote(client, session_factory, member):
    closed = session_factory("closed")
    other = add_member(closed.thread.network, UserFactory())
    question = services.ask_question(session=closed, author=other, body="Asked in time")
    client.force_login(member)
    response = client.post(ask_url(closed), {"body": "Too late"})
    assert response.status_code == 403
    assert "closed" in response.text
    response = client.post(reverse("live:vote", args=[question.pk]), {"up": "1"})
    assert response.status_code == 403
    assert Post.objects.filter(thread=closed.thread).count() == 1
    assert not QuestionVote.objects.exists()
    page = client.get(closed.get_absolute_url())
    assert 'id="ask-form"' not in page.text
    assert 'hx-trigger="every' not in page.text  # a closed board stops polling


def test_anonymous_visitors_are_sent_to_sign_in(client, open_session):
    response = client.post(ask_url(open_session), {"body": "Hello"})
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    assert not Post.objects.exists()


def test_members_only_sessions_do_not_exist_for_outsiders(
    client, session_factory, private_network
):
    session = session_factory("open", network=private_network)
    insider = add_member(private_network, UserFactory())
    question = services.ask_question(session=session, author=insider, body="Inside")
    poll = reverse("live:poll", args=[private_network.slug, session.thread_id])
    for person in (None, UserFactory()):
        if person is not None:
            client.force_login(person)
        assert client.get(session.get_absolute_url()).status_code == 404
        assert client.get(poll).status_code == 404
        assert client.get(reverse("live:upcoming")).text.count(session.thread.title) == 0
        if person is not None:
            assert client.post(ask_url(session), {"body": "Let me in"}).status_code == 404
            vote = client.post(reverse("live:vote", args=[question.pk]), {"up": "1"})
            assert vote.status_code == 404
    client.force_login(insider)
    assert client.get(session.get_absolute_url()).status_code == 200
    assert session.thread.title in client.get(reverse("live:upcoming")).text


def test_people_vote_once_and_not_for_their_own_question(
    client, open_session, member, other_member
):
    question = services.ask_question(session=open_session, author=member, body="Mine")
    vote_url = reverse("live:vote", args=[question.pk])
    client.force_login(member)
    assert client.post(vote_url, {"up": "1"}).status_code == 403
    client.force_login(other_member)
    client.post(vote_url, {"up": "1"})
    client.post(vote_url, {"up": "1"})
    assert QuestionVote.objects.filter(post=question).count() == 1
    client.post(vote_url, {"up": "0"})
    assert not QuestionVote.objects.exists()


def test_only_hosts_answer_and_only_while_open(
    client, session_factory, open_session, member, facilitator, host
):
    question = services.ask_question(session=open_session, author=member, body="When?")
    answer_url = reverse("live:answer", args=[question.pk])
    for person in (member, facilitator):
        client.force_login(person)
        response = client.post(answer_url, {f"answer-{question.pk}-body": "Not a host"})
        assert response.status_code == 403
    client.force_login(host)
    response = client.post(answer_url, {f"answer-{question.pk}-body": "Next week."})
    assert response.status_code == 302
    answer = Post.objects.get(parent=question)
    assert answer.author == host
    upcoming = session_factory("upcoming", title="Later")
    early = services.ask_question(session=upcoming, author=member, body="Early?")
    response = client.post(
        reverse("live:answer", args=[early.pk]), {f"answer-{early.pk}-body": "Too early"}
    )
    assert response.status_code == 403


def test_an_empty_answer_is_refused_next_to_the_field(client, open_session, member, host):
    question = services.ask_question(session=open_session, author=member, body="Why?")
    client.force_login(host)
    response = client.post(
        reverse("live:answer", args=[question.pk]), {f"answer-{question.pk}-body": "  "}
    )
    assert response.status_code == 200
    assert "Write your answer first." in response.text
    assert not Post.objects.filter(parent=question).exists()


def test_only_hosts_write_the_conclusion_after_closing(
    client, session_factory, member, facilitator, host
):
    closed = session_factory("closed")
    for person in (member, facilitator):
        client.force_login(person)
        assert client.get(conclusion_url(closed)).status_code == 403
        response = client.post(conclusion_url(closed), {"conclusion": "Hijacked"})
        assert response.status_code == 403
    client.force_login(host)
    open_now = session_factory("open", title="Still open")
    assert client.post(conclusion_url(open_now), {"conclusion": "Early"}).status_code == 403
    response = client.post(conclusion_url(closed), {"conclusion": "We learned **this**."})
    assert response.status_code == 302
    page = client.get(closed.get_absolute_url())
    assert "We learned <strong>this</strong>." in page.text
    closed.refresh_from_db()
    assert closed.conclusion_by == host


def test_an_empty_conclusion_keeps_the_form(client, session_factory, host):
    closed = session_factory("closed")
    client.force_login(host)
    response = client.post(conclusion_url(closed), {"conclusion": ""})
    assert response.status_code == 200
    assert "Write the conclusion first." in response.text


def test_moderators_hide_questions_and_members_cannot(
    client, open_session, member, other_member, facilitator
):
    question = services.ask_question(session=open_session, author=member, body="Spam here")
    hide_url = reverse("live:hide", args=[question.pk])
    client.force_login(other_member)
    assert client.post(hide_url, {"hidden": "1"}).status_code == 403
    client.force_login(facilitator)
    assert client.post(hide_url, {"hidden": "1"}).status_code == 302
    client.force_login(other_member)
    assert "Spam here" not in client.get(open_session.get_absolute_url()).text
    client.force_login(facilitator)
    assert "Spam here" in client.get(open_session.get_absolute_url()).text


def test_plain_reply_forms_cannot_bypass_the_session_rules(
    client, session_factory, member, other_member
):
    closed = session_factory("closed")
    question = services.ask_question(session=closed, author=other_member, body="In time")
    client.force_login(member)
    network = closed.thread.network
    thread_reply = reverse("discussions:thread_reply", args=[network.slug, closed.thread_id])
    assert client.post(thread_reply, {"body": "Sneaking in"}).status_code == 403
    post_reply = reverse("discussions:post_reply", args=[question.pk])
    assert client.post(post_reply, {f"reply-{question.pk}-body": "Me too"}).status_code == 403
    assert Post.objects.filter(thread=closed.thread).count() == 1
    detail = reverse("discussions:thread_detail", args=[network.slug, closed.thread_id])
    assert client.get(detail)["Location"] == closed.get_absolute_url()


def test_members_cannot_start_a_live_session_as_a_thread_kind(client, network, member):
    client.force_login(member)
    response = client.post(
        reverse("discussions:thread_create", args=[network.slug]),
        {"kind": "live_session", "title": "Fake session", "body": "No hosts"},
    )
    assert response.status_code == 200
    assert not network.threads.filter(kind="live_session").exists()
