"""Hostile inputs of the shared corpus come out inert from live sessions, questions to
experts and expert profiles: each typed into every field a person or editor fills."""

import pytest
from django.urls import reverse

from discussions.live import services
from discussions.models import Post, Thread
from network.models import ExpertLink, ExpertProfilePage
from network.rendering import render_markdown
from tests.discussions.test_hostile import HARMLESS, check, element_counts
from tests.hostile import HOSTILE_INPUTS

pytestmark = pytest.mark.django_db


def _clean(text, length):
    return text.replace("\x00", "")[:length].strip() or "x"


def test_questions_answers_and_conclusions_are_inert(
    client, session_factory, open_session, member, host
):
    closed = session_factory("closed", title="Closed one")
    url, closed_url = open_session.get_absolute_url(), closed.get_absolute_url()
    services.ask_question(session=open_session, author=member, body=HARMLESS)
    client.force_login(member)
    baseline = element_counts(client.get(url).text)
    baseline_closed = element_counts(client.get(closed_url).text)
    for number, hostile in enumerate(HOSTILE_INPUTS):
        Post.objects.filter(thread=open_session.thread).delete()
        question = services.ask_question(session=open_session, author=member, body=hostile)
        services.answer_question(session=open_session, question=question, host=host, body=hostile)
        services.write_conclusion(session=closed, host=host, text=hostile)
        context = f"input {number}: {hostile!r}"
        check(client.get(url).text, baseline, context)
        check(client.get(closed_url).text, baseline_closed, context)


def test_session_titles_and_descriptions_are_inert(client, session_factory, member, host):
    session = session_factory("upcoming", title=HARMLESS)
    profile_url = host.expert_profile.url
    client.force_login(member)
    surfaces = {
        "session": session.get_absolute_url(),
        "upcoming": reverse("live:upcoming"),
        "profile": profile_url,
    }
    baselines = {name: element_counts(client.get(url).text) for name, url in surfaces.items()}
    for number, hostile in enumerate(HOSTILE_INPUTS):
        Thread.objects.filter(pk=session.thread_id).update(
            title=_clean(hostile, 160), body_html=render_markdown(hostile).html
        )
        context = f"input {number}: {hostile!r}"
        for name, url in surfaces.items():
            check(client.get(url).text, baselines[name], f"{name}, {context}")


def test_expert_profile_fields_are_inert(client, host):
    expert = ExpertProfilePage.objects.get(user=host)
    link = ExpertLink.objects.create(page=expert, label=HARMLESS, url="https://example.org")
    baseline_profile = element_counts(client.get(expert.url).text)
    baseline_directory = element_counts(client.get("/experts/").text)
    for number, hostile in enumerate(HOSTILE_INPUTS):
        ExpertProfilePage.objects.filter(pk=expert.pk).update(
            title=_clean(hostile, 255), headline=_clean(hostile, 160)
        )
        ExpertLink.objects.filter(pk=link.pk).update(label=_clean(hostile, 80))
        expert.topics.set([_clean(hostile.replace(",", " ").replace('"', ""), 100)])
        context = f"input {number}: {hostile!r}"
        check(client.get(expert.url).text, baseline_profile, context)
        check(client.get("/experts/").text, baseline_directory, context)


def test_questions_to_experts_are_inert_in_the_form_they_come_back_in(client, host, member):
    client.force_login(member)
    baseline = element_counts(client.get("/ask-an-expert/").text)
    for number, hostile in enumerate(HOSTILE_INPUTS):
        # No network chosen: the form comes back with what was typed, escaped.
        response = client.post("/ask-an-expert/", {"title": _clean(hostile, 160), "body": hostile})
        assert response.status_code == 200
        check(response.text, baseline, f"input {number}: {hostile!r}")
