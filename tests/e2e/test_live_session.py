"""A live session in a real browser: ask, up-vote, answer, and see the answer arrive.

A member asks a question in an open session; another member up-votes it; the host
answers from their own browser; the asker's page shows the answer by itself (htmx
polling) with no page load: a marker set on ``window`` survives and the URL is the same.
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from discussions.live import services
from discussions.models import Post, QuestionVote
from network.models import JoinPolicy, Role
from tests.conftest import PASSWORD
from tests.e2e.support import axe_violations, sign_in
from tests.factories import (
    LearningNetworkPageFactory,
    MembershipFactory,
    NetworkIndexPageFactory,
    UserFactory,
)
from tests.network.experts.factories import ExpertIndexPageFactory, ExpertProfilePageFactory

pytestmark = pytest.mark.browser

QUESTION = "Which red flags do auditors actually act on?"
ANSWER = "Single bidding in markets with several suppliers: it is cheap to check."


@pytest.fixture
def live(site_url):
    from home.models import HomePage

    home = HomePage.objects.get()
    network = LearningNetworkPageFactory(
        parent=NetworkIndexPageFactory(parent=home),
        title="Open contracting data",
        slug="open-contracting",
        join_policy=JoinPolicy.OPEN,
    )
    host = UserFactory(display_name="Olena Host")
    ExpertProfilePageFactory(
        parent=ExpertIndexPageFactory(parent=home), user=host, title="Olena Host", slug="olena"
    )
    asker = UserFactory(display_name="Ana Asker")
    voter = UserFactory(display_name="Victor Voter")
    facilitator = UserFactory(display_name="Fay Facilitator")
    for person, role in ((asker, Role.MEMBER), (voter, Role.MEMBER), (facilitator, Role.LEAD)):
        MembershipFactory(network=network, user=person, role=role)
    now = timezone.now()
    session = services.schedule_session(
        network=network,
        author=facilitator,
        title="Red flags that auditors act on",
        body="Ask our hosts about procurement red flags.",
        starts_at=now - timedelta(minutes=10),
        ends_at=now + timedelta(hours=1),
        hosts=[host.expert_profile],
    )
    return {
        "url": site_url + session.get_absolute_url(),
        "asker": asker,
        "voter": voter,
        "host": host,
        "session": session,
    }


def test_the_asker_sees_the_hosts_answer_appear_without_navigation(
    page, new_context, problems, site_url, live
):
    url = live["url"]

    # The asker sends a question; htmx posts it and the board shows it in place.
    sign_in(page, site_url, live["asker"].email, PASSWORD)
    page.goto(url)
    page.evaluate("window.__stillHere = 'yes'")
    page.get_by_label("Your question").fill(QUESTION)
    page.get_by_role("button", name="Ask", exact=True).click()
    page.locator("#live-board", has_text=QUESTION).wait_for()
    page.locator("#ask-form", has_text="Your question is in").wait_for()
    question = Post.objects.get(thread=live["session"].thread, depth=1)
    assert page.url == url

    # Another member up-votes it.
    voter_page = new_context().new_page()
    sign_in(voter_page, site_url, live["voter"].email, PASSWORD)
    voter_page.goto(url)
    item = voter_page.locator(f"#question-{question.pk}")
    item.get_by_role("button", name="Up-vote").click()
    voter_page.locator(f"#question-{question.pk} .vote-button[aria-pressed=true]").wait_for()
    assert QuestionVote.objects.filter(post=question, user=live["voter"]).exists()

    # The host answers it from their own browser.
    host_page = new_context().new_page()
    sign_in(host_page, site_url, live["host"].email, PASSWORD)
    host_page.goto(url)
    host_item = host_page.locator(f"#question-{question.pk}")
    host_item.get_by_label("Your answer").fill(ANSWER)
    host_item.get_by_role("button", name="Answer").click()
    host_page.locator(f"#question-{question.pk} .live-answer", has_text=ANSWER).wait_for()

    # The asker's page shows the answer and the vote by polling, with no navigation.
    page.locator(f"#question-{question.pk} .live-answer", has_text=ANSWER).wait_for(timeout=15_000)
    assert page.locator(f"#question-{question.pk} .vote-count").inner_text().startswith("1")
    assert page.evaluate("window.__stillHere") == "yes"
    assert page.url == url
    assert axe_violations(page) == []
    assert not problems, problems.report()
