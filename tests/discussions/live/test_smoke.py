import pytest
from django.urls import reverse

from discussions.live import services

pytestmark = pytest.mark.django_db


def test_page_renders_questions_and_answers(client, open_session, member, other_member, host):
    question = services.ask_question(session=open_session, author=member, body="How *fast*?")
    services.vote(session=open_session, question=question, user=other_member)
    services.answer_question(
        session=open_session, question=question, host=host, body="Within a week."
    )
    client.force_login(other_member)
    response = client.get(open_session.get_absolute_url())
    assert response.status_code == 200, response.text[:3000]
    assert "<em>fast</em>" in response.text
    assert "Within a week." in response.text
    poll = client.get(
        reverse("live:poll", args=[open_session.thread.network.slug, open_session.thread_id])
    )
    assert poll.status_code == 200
