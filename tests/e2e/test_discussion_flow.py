"""Issue 4's browser test: a discussion from start to moderation, in a real browser.

A member starts a question; another member replies and a third replies to that reply
(the reply form opens in place with htmx). The first member finds a notification under
the bell and an email, and marks the answer as accepted. Someone flags the reply to the
reply through its "Flag" form; the network's facilitator sees the flag on the thread
page and hides the reply in place. Visitors then see "hidden by a moderator".
"""

import pytest
from django.core import mail
from wagtail.models import ModelLogEntry

from discussions.models import Post, Thread
from discussions.models.moderation import Flag, FlagStatus
from network.models import Role, Visibility
from tests.conftest import PASSWORD
from tests.e2e.support import axe_violations, sign_in, watch_problems
from tests.factories import (
    LearningNetworkPageFactory,
    MembershipFactory,
    NetworkIndexPageFactory,
    UserFactory,
)

pytestmark = pytest.mark.browser

TITLE = "Which supplier identifier scheme did you choose?"
ANSWER = "We use the company register number, with the tax number as a fallback."
RUDE = "Nobody serious still uses tax numbers. Read the standard before posting."


@pytest.fixture
def network(site_url):
    from home.models import HomePage

    index = NetworkIndexPageFactory(parent=HomePage.objects.get())
    return LearningNetworkPageFactory(
        parent=index,
        title="Open contracting data",
        slug="open-contracting",
        intro="Publishing procurement data people can use.",
        visibility=Visibility.PUBLIC,
    )


def open_page(new_context, site_url, person):
    context = new_context()
    problems = watch_problems(context)
    page = context.new_page()
    sign_in(page, site_url, person.email, PASSWORD)
    return page, problems


def test_a_discussion_from_question_to_moderation(page, new_context, problems, site_url, network):
    asker = UserFactory(display_name="Ana Asker")
    answerer = UserFactory(display_name="Bruno Answerer")
    replier = UserFactory(display_name="Carla Replier")
    facilitator = UserFactory(display_name="Fatima Facilitator")
    for person in (asker, answerer, replier):
        MembershipFactory(network=network, user=person, role=Role.MEMBER)
    MembershipFactory(network=network, user=facilitator, role=Role.FACILITATOR)
    threads_url = f"{site_url}/networks/{network.slug}/threads/"

    # The asker starts a question (a plain form post).
    sign_in(page, site_url, asker.email, PASSWORD)
    page.goto(threads_url)
    page.get_by_role("link", name="Start a thread").click()
    page.get_by_label("Question").check()
    page.get_by_label("Title").fill(TITLE)
    page.get_by_label("Text").fill("Tax number, company register number, or your own?")
    page.get_by_role("button", name="Start the thread").click()
    page.wait_for_load_state()
    thread = Thread.objects.get(title=TITLE)
    thread_url = page.url
    assert page.get_by_role("heading", name=TITLE).is_visible()

    # Another member answers the thread; htmx puts the reply in place.
    second, second_problems = open_page(new_context, site_url, answerer)
    second.goto(thread_url)
    second.get_by_label("Reply to the thread").fill(ANSWER)
    second.get_by_role("button", name="Post reply").click()
    second.locator("article.post", has_text=ANSWER).wait_for()
    answer = Post.objects.get(body=ANSWER)

    # A third replies to that reply: the form opens under it, the reply appears there.
    mail.outbox.clear()
    third, third_problems = open_page(new_context, site_url, replier)
    third.goto(thread_url)
    third.locator(f"#post-{answer.pk}").get_by_role("link", name="Reply").click()
    inline = third.locator("form.reply-form--inline")
    inline.get_by_label("Your reply").fill(RUDE)
    inline.get_by_role("button", name="Post reply").click()
    third.locator("article.post", has_text=RUDE).wait_for()
    rude = Post.objects.get(body=RUDE)
    assert rude.parent_id == answer.pk
    assert third.url == thread_url  # no page load
    assert axe_violations(third) == []

    # The asker gets a notification (the bell) and an email, and accepts the answer.
    page.reload()
    bell = page.locator("a.bell .badge")
    assert bell.is_visible() and int(bell.inner_text().split()[0]) >= 1
    to_asker = [message for message in mail.outbox if asker.email in message.to]
    assert to_asker and TITLE in to_asker[0].body
    page.locator("a.bell").click()
    page.wait_for_load_state()
    assert TITLE in page.content()
    page.goto(thread_url)
    page.locator(f"#post-{answer.pk}").get_by_role("button", name="Accept as answer").click()
    page.wait_for_load_state()
    accepted = page.locator("#accepted-answer")
    assert accepted.is_visible() and ANSWER in accepted.inner_text()
    assert Thread.objects.get(pk=thread.pk).accepted_answer_id == answer.pk

    # The answerer flags the rude reply through its form (opened in place by htmx).
    second.reload()
    second.locator(f"#post-{rude.pk}").get_by_role("link", name="Flag").click()
    flag_form = second.locator("form.flag-form")
    flag_form.get_by_label("Harassment, insults or hate").check()
    flag_form.get_by_label("Anything moderators should know").fill("Dismissive of a member.")
    assert axe_violations(second) == []
    flag_form.get_by_role("button", name="Send to the moderators").click()
    second.get_by_text("Thank you: the moderators will look at it.").wait_for()
    assert Flag.objects.get(post=rude).status == FlagStatus.OPEN

    # The facilitator sees the flag on the thread page and hides the reply in place.
    moderator, moderator_problems = open_page(new_context, site_url, facilitator)
    moderator.goto(thread_url)
    flagged = moderator.locator(f"#post-{rude.pk}")
    assert "1 open flag" in flagged.inner_text()
    assert axe_violations(moderator) == []
    flagged.get_by_role("button", name="Hide").click()
    moderator.locator(f"#post-{rude.pk}", has_text="only moderators see this text").wait_for()
    assert moderator.url == thread_url
    assert moderator.locator(f"#post-{rude.pk}").get_by_role("button", name="Restore").is_visible()
    assert Post.objects.get(pk=rude.pk).is_hidden
    assert Flag.objects.get(post=rude).status == FlagStatus.RESOLVED
    assert ModelLogEntry.objects.filter(action="discussions.post.hide").exists()

    # Visitors see that a moderator hid it, not what it said.
    visitor = new_context().new_page()
    visitor.goto(thread_url)
    assert visitor.get_by_text("This reply was hidden by a moderator.").is_visible()
    assert RUDE not in visitor.content()

    for collected in (problems, second_problems, third_problems, moderator_problems):
        assert not collected, collected.report()
