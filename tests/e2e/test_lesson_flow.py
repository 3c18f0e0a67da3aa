"""An experience becomes a lesson, end to end in a real browser.

A member shares an experience with the front-end form and submits it; a staff editor
(in the "Editors" group only) asks for changes from the Wagtail admin's dashboard with a
comment; the member reads the comment on "My contributions", revises and resubmits; the
editor approves in the admin; the lesson is public and its author and the network's
followers were told.
"""

import pytest

from accounts.models import Notification
from discussions.models import Follow
from network.models import JoinPolicy, Role
from network.models.lessons import LessonPage
from tests.conftest import PASSWORD
from tests.e2e.support import axe_violations, sign_in
from tests.factories import (
    LearningNetworkPageFactory,
    MembershipFactory,
    NetworkIndexPageFactory,
    UserFactory,
)

pytestmark = pytest.mark.browser

TITLE = "Publishing every tender as open data"
COMMENT = "Please add how many datasets you opened."


@pytest.fixture
def network(site_url):
    from home.models import HomePage
    from network.taxonomy import ensure_charter_principles

    ensure_charter_principles()
    index = NetworkIndexPageFactory(parent=HomePage.objects.get())
    return LearningNetworkPageFactory(
        parent=index,
        title="Open contracting data",
        slug="open-contracting",
        join_policy=JoinPolicy.OPEN,
    )


@pytest.fixture
def staff_editor(site_url):
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import GroupPagePermission, Page

    from network.lessons.workflow import ensure_editors_review

    ensure_editors_review()
    group = Group.objects.get(name="Editors")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    for action in ("add", "change", "publish"):
        GroupPagePermission.objects.get_or_create(
            group=group,
            page=Page.get_first_root_node(),
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=f"{action}_page"
            ),
        )
    editor = UserFactory(is_staff=True, display_name="Elena Editor")
    editor.groups.add(group)
    return editor


def review_action(admin, site_url, title, action):
    """Click ``action`` in the actions menu of the page's row in "Awaiting your review"."""
    admin.goto(f"{site_url}/admin/")
    panel = admin.locator("#awaiting-review-section")
    row = panel.locator("tr", has_text=title).first
    row.hover()  # the row's actions menu shows on hover or focus
    row.get_by_role("button", name="Actions").click()
    row.get_by_role("button", name=action, exact=True).click()


def test_submit_request_changes_revise_and_publish(
    page, new_context, problems, site_url, network, staff_editor
):
    member = UserFactory(display_name="Maria Member")
    MembershipFactory(network=network, user=member, role=Role.MEMBER)
    follower = UserFactory(display_name="Fola Follower")
    MembershipFactory(network=network, user=follower, role=Role.MEMBER)
    Follow.objects.create(user=follower, network=network)

    # The member shares an experience from the network's page; a missing part is named.
    sign_in(page, site_url, member.email, PASSWORD)
    page.goto(f"{site_url}/networks/{network.slug}/")
    page.get_by_role("link", name="Share an experience").click()
    page.wait_for_load_state()
    page.get_by_label("Title").fill(TITLE)
    page.get_by_label("In short").fill("We moved from PDF notices to OCDS in eight months.")
    page.get_by_label("The challenge").fill("Nobody could compare prices across ministries.")
    page.get_by_role("button", name="Submit for review").click()
    page.wait_for_load_state()
    assert page.locator("#id_actions_error").is_visible()
    assert page.get_by_label("Title").input_value() == TITLE  # nothing typed is lost
    assert axe_violations(page) == []
    page.get_by_label("What you did").fill("We mapped our fields to OCDS.")
    page.get_by_label("What happened: results and evidence").fill("Downloads rose.")
    page.get_by_label("Advice for others").fill("Start with bulk files.")
    page.get_by_role("button", name="Submit for review").click()
    page.wait_for_load_state()
    assert page.url == f"{site_url}/my/contributions/"
    assert page.get_by_role("heading", name="Waiting for review").is_visible()
    lesson = LessonPage.objects.get(title=TITLE)
    assert not lesson.live

    # The editor asks for changes from the admin dashboard, with a comment.
    admin = new_context().new_page()
    sign_in(admin, site_url, staff_editor.email, PASSWORD)
    review_action(admin, site_url, TITLE, "Request changes")
    dialog = admin.get_by_role("dialog")
    dialog.get_by_label("Comment").fill(COMMENT)
    dialog.get_by_role("button", name="Request changes").click()
    admin.locator("#awaiting-review-section", has_text=TITLE).wait_for(state="detached")
    note = Notification.objects.get(recipient=member, verb="lessons.changes_requested")
    assert COMMENT in note.message

    # The member reads the comment, revises and resubmits.
    page.goto(f"{site_url}/my/contributions/")
    assert page.get_by_text(COMMENT).first.is_visible()
    assert axe_violations(page) == []
    page.get_by_role("link", name=f"Revise and resubmit {TITLE}").click()
    page.wait_for_load_state()
    page.get_by_label("What happened: results and evidence").fill("We opened 42 datasets.")
    page.get_by_role("button", name="Submit again for review").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="Waiting for review").is_visible()

    # The editor approves: Wagtail publishes the revised lesson.
    review_action(admin, site_url, TITLE, "Approve")
    admin.locator("#awaiting-review-section", has_text=TITLE).wait_for(state="detached")
    lesson = LessonPage.objects.get(pk=lesson.pk)
    assert lesson.live
    assert lesson.results == "We opened 42 datasets."

    # Everyone may read it; its author and the network's follower were told.
    visitor = new_context().new_page()
    visitor.goto(f"{site_url}{lesson.url}")
    assert visitor.get_by_role("heading", name=TITLE).is_visible()
    assert visitor.get_by_text("We opened 42 datasets.").is_visible()
    assert axe_violations(visitor) == []
    assert Notification.objects.filter(recipient=member, verb="lessons.published").exists()
    assert Notification.objects.filter(recipient=follower, verb="lessons.network_lesson").exists()
    assert not problems, problems.report()
