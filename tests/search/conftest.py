"""A small site holding one item of every searchable kind, each with its own word, and
private items that all carry the word ``kumquatsecret`` (an outsider must never meet it).
"""

from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.utils import timezone

from discussions import services as discussions
from discussions.live import services as live
from home.models import StandardPage
from network.lessons.services import create_draft_lesson, submit_lesson
from network.models.reviews import Commitment, CommitmentReview, ReviewStatus
from search import indexing
from tests.discussions.conftest import add_member, make_network
from tests.factories import OrganisationFactory, UserFactory
from tests.home.helpers import body
from tests.network.events.factories import EventIndexPageFactory, EventPageFactory
from tests.network.experts.factories import ExpertIndexPageFactory, ExpertProfilePageFactory
from tests.network.resources.factories import (
    GuidelineIndexPageFactory,
    GuidelinePageFactory,
    PrinciplePageFactory,
    ResourceIndexPageFactory,
    ResourcePageFactory,
)

SECRET = "kumquatsecret"


def publish_lesson(network, author, *, title, publish=True, **fields):
    lesson = create_draft_lesson(
        network=network, owner=author, title=title, authors=[author], **fields
    )
    if publish:
        lesson.get_latest_revision().publish()
    return lesson


def make_review(organisation, requester, *, title, text, published=True, principles=()):
    review = CommitmentReview.objects.create(
        title=title,
        organisation=organisation,
        requester=requester,
        status=ReviewStatus.CLOSED if published else ReviewStatus.IN_REVIEW,
        round=1,
        delivered_round=1 if published else 0,
        action_plan_period="2027–2029",
        feedback_needed_by=timezone.localdate() + timedelta(days=30),
        submitted_at=timezone.now(),
        published_at=timezone.now() if published else None,
        plan_url="https://example.org/plan" if published else "",
    )
    commitment = Commitment.objects.create(
        review=review,
        position=1,
        title="Open contracts",
        problem="A problem",
        problem_html="<p>A problem</p>",
        text=text,
        text_html=f"<p>{text}</p>",
        milestones="- one",
        milestones_html="<ul><li>one</li></ul>",
        lead_institution="Ministry",
    )
    commitment.principles.set(principles)
    return review


@pytest.fixture
def corpus(home_page, network_index, charter_principles, editor):
    """Every kind of content, indexed once at the end (``indexing.rebuild``)."""
    principle = charter_principles[0]
    public = make_network(network_index, title="Open contracting", slug="open-contracting")
    public.intro = "Procurement networktoken people."
    public.save_revision().publish()
    private = make_network(
        network_index, title="Budget circle", slug="budget-circle", visibility="members_only"
    )
    kenya = OrganisationFactory(name="Kenya Treasury", country="KE")
    member = add_member(public, UserFactory(username="mara", display_name="Mara Member"))
    add_member(private, member)
    outsider = UserFactory(username="olga", display_name="Olga Outsider")
    facilitator = add_member(
        public, UserFactory(username="fay", display_name="Fay Facilitator"), "facilitator"
    )
    add_member(private, facilitator, "facilitator")

    thread = discussions.start_thread(
        network=public,
        author=member,
        title="Publishing tenders",
        body="How do you publish threadtoken tenders? facetword",
        principles=[principle],
    )
    reply = discussions.post_reply(thread=thread, author=facilitator, body="We use replytoken.")
    hidden_reply = discussions.post_reply(
        thread=thread, author=facilitator, body=f"Spam {SECRET} hiddenreply"
    )
    hidden_reply.is_hidden = True
    hidden_reply.save(update_fields=["is_hidden"])
    deleted_reply = discussions.post_reply(
        thread=thread, author=member, body=f"Oops {SECRET} deletedreply"
    )
    discussions.delete_post(post=deleted_reply, by=member)
    hidden_thread = discussions.start_thread(
        network=public, author=member, title="Hidden one", body=f"{SECRET} hiddenthread"
    )
    hidden_thread.is_hidden = True
    hidden_thread.save(update_fields=["is_hidden"])
    private_thread = discussions.start_thread(
        network=private, author=member, title="Budget talk", body=f"{SECRET} privatethread"
    )
    discussions.post_reply(thread=private_thread, author=member, body=f"{SECRET} privatereply")

    lesson = publish_lesson(
        public,
        member,
        title="Publishing contracts in Kenya",
        summary="We learned lessontoken things, facetword.",
        country="KE",
        principles=[principle],
    )
    private_lesson = publish_lesson(
        private, member, title="Budget lesson", summary=f"{SECRET} privatelesson"
    )
    draft_lesson = publish_lesson(
        public, member, title="Draft lesson", summary=f"{SECRET} draftlesson", publish=False
    )
    review_lesson = publish_lesson(
        public, member, title="In review", summary=f"{SECRET} inreview", publish=False
    )
    submit_lesson(lesson=review_lesson, user=member)

    expert_index = ExpertIndexPageFactory(parent=home_page)
    expert_user = UserFactory(username="hana", display_name="Hana Host", country="UY")
    expert = ExpertProfilePageFactory(
        parent=expert_index,
        user=expert_user,
        title="Hana Host",
        slug="hana",
        bio="Hana knows experttoken well.",
    )
    add_member(public, expert_user)
    now = timezone.now()
    session = live.schedule_session(
        network=public,
        author=facilitator,
        title="Live procurement clinic",
        body="Bring your livetoken questions.",
        starts_at=now + timedelta(days=1),
        ends_at=now + timedelta(days=1, hours=1),
        hosts=[expert],
    )

    event_index = EventIndexPageFactory(parent=home_page)
    event = EventPageFactory(
        parent=event_index,
        title="Data day",
        intro="An eventtoken gathering.",
        online_link=f"https://meet.example.org/{SECRET}-onlinelink",
    )
    private_event = EventPageFactory(
        parent=private, title="Budget meetup", intro=f"{SECRET} privateevent"
    )

    resource_index = ResourceIndexPageFactory(parent=home_page)
    resource = ResourcePageFactory(
        parent=resource_index, title="A toolkit", description="The resourcetoken toolkit."
    )
    guideline_index = GuidelineIndexPageFactory(parent=home_page)
    guideline = GuidelinePageFactory(
        parent=guideline_index, title="Publish first", intro="The guidelinetoken rule."
    )
    principle_page = PrinciplePageFactory(
        parent=guideline_index, principle=principle, summary="The principletoken summary."
    )

    standard = StandardPage(title="About us", slug="about", intro="Who pagetoken are.")
    standard.body = body("The working group.")
    home_page.add_child(instance=standard)
    draft_page = StandardPage(title="Unpublished", slug="unpublished", intro=f"{SECRET} draftpage")
    draft_page.live = False
    home_page.add_child(instance=draft_page)

    review = make_review(
        kenya,
        member,
        title="Kenya commitments",
        text="Publish reviewtoken data.",
        principles=[principle],
    )
    make_review(
        kenya, member, title="Unpublished review", text=f"{SECRET} draftreview", published=False
    )

    indexing.rebuild()
    return SimpleNamespace(
        public=public,
        private=private,
        member=member,
        outsider=outsider,
        facilitator=facilitator,
        editor=editor,
        principle=principle,
        thread=thread,
        reply=reply,
        hidden_reply=hidden_reply,
        private_thread=private_thread,
        lesson=lesson,
        private_lesson=private_lesson,
        draft_lesson=draft_lesson,
        review_lesson=review_lesson,
        expert=expert,
        session=session,
        event=event,
        private_event=private_event,
        resource=resource,
        guideline=guideline,
        principle_page=principle_page,
        standard=standard,
        review=review,
    )
