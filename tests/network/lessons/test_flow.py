"""The whole way of an experience: member form → Wagtail workflow → published lesson."""

import pytest
from django.urls import reverse
from wagtail.models import Revision, WorkflowPage, WorkflowState
from wagtail.users.models import UserProfile

from accounts.models import Notification
from discussions.models import Follow
from network.lessons.workflow import ensure_editors_review
from network.models.lessons import LessonPage
from tests.factories import UserFactory
from tests.network.lessons.conftest import FULL_EXPERIENCE


def share_url(network):
    return reverse("lessons:experience_share", kwargs={"slug": network.slug})


def edit_url(lesson):
    return reverse("lessons:contribution_edit", kwargs={"pk": lesson.pk})


def workflow_action(client, lesson, action, **data):
    state = lesson.current_workflow_state
    url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=(lesson.pk, action, state.current_task_state.pk),
    )
    return client.post(url, data)


@pytest.fixture
def submitted(world, client, review_workflow, charter_principles):
    """The member shares a complete experience and submits it."""
    client.force_login(world.member)
    data = {**FULL_EXPERIENCE, "action": "submit", "principles": [charter_principles[0].pk]}
    response = client.post(share_url(world.public), data)
    assert response.status_code == 302
    return LessonPage.objects.get(title=FULL_EXPERIENCE["title"])


def test_save_draft_needs_only_a_title(world, client, review_workflow):
    client.force_login(world.member)
    response = client.post(share_url(world.public), {"title": "Half an idea", "action": "draft"})
    assert response.status_code == 302
    assert response.url == reverse("lessons:contribution_list")
    lesson = LessonPage.objects.get(title="Half an idea")
    assert not lesson.live
    assert lesson.owner == world.member
    assert lesson.current_workflow_state is None
    page = client.get(reverse("lessons:contribution_list")).content.decode()
    assert "Half an idea" in page


def test_submit_says_what_is_missing_and_keeps_the_text(world, client, review_workflow):
    client.force_login(world.member)
    response = client.post(
        share_url(world.public),
        {
            "title": "Tender data",
            "context": "Our notices were PDFs & <scans>",
            "ogp_commitment": "not-a-code",
            "action": "submit",
        },
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert set(form.errors) == {
        "summary",
        "challenge",
        "actions",
        "results",
        "advice",
        "ogp_commitment",
    }
    html = response.content.decode()
    assert "Our notices were PDFs &amp; &lt;scans&gt;" in html
    assert "Needed before you submit for review" in html
    assert not LessonPage.objects.exists()


def test_submission_starts_the_workflow(submitted, world, charter_principles):
    state = submitted.current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.requested_by == world.member
    assert not submitted.live
    draft = submitted.get_latest_revision_as_object()
    assert draft.ogp_commitment == "UY0123"
    assert list(draft.principles.all()) == [charter_principles[0]]
    # Members hear from us, not from Wagtail's admin emails they could not follow.
    profile = UserProfile.get_for_user(world.member)
    assert not profile.rejected_notifications


def test_submission_is_all_or_nothing(world, client, home_page):
    """Without a workflow to start, neither the page nor a revision stays behind."""
    WorkflowPage.objects.all().delete()
    client.force_login(world.member)
    response = client.post(share_url(world.public), {**FULL_EXPERIENCE, "action": "submit"})
    assert response.status_code == 200
    assert "cannot be submitted for review" in response.content.decode()
    assert not LessonPage.objects.exists()
    assert not Revision.objects.exists()


@pytest.mark.parametrize(("role", "status"), [("outsider", 403), ("pending", 403)])
def test_non_members_cannot_share_in_a_public_network(world, as_role, client, role, status):
    as_role(role)
    response = client.post(share_url(world.public), {**FULL_EXPERIENCE, "action": "draft"})
    assert response.status_code == status
    assert not LessonPage.objects.exists()


def test_members_only_network_is_not_found_for_outsiders(world, as_role, client):
    as_role("outsider")
    assert client.get(share_url(world.private)).status_code == 404
    as_role("anonymous")
    response = client.get(share_url(world.public))
    assert response.status_code == 302
    assert "/accounts/login/" in response.url


def test_someone_else_cannot_edit_or_publish_a_submission(world, client, submitted):
    other = UserFactory()
    client.force_login(world.facilitator)  # same network, not the owner
    assert client.get(edit_url(submitted)).status_code == 404
    client.force_login(other)
    assert client.post(edit_url(submitted), {"title": "Mine now"}).status_code == 404
    # The owner cannot approve their own submission either: no admin for members.
    client.force_login(world.member)
    response = workflow_action(client, submitted, "approve")
    assert response.status_code in (302, 403)
    assert not LessonPage.objects.get(pk=submitted.pk).live


def test_in_review_lesson_cannot_be_changed_by_its_owner(world, client, submitted):
    revisions = submitted.revisions.count()
    client.force_login(world.member)
    response = client.post(edit_url(submitted), {"title": "Sneaky", "action": "draft"})
    assert response.status_code == 200
    assert "with the editors" in response.content.decode()
    assert submitted.revisions.count() == revisions


def test_request_changes_revise_resubmit_publish(
    world, client, submitted, staff_editor, django_capture_on_commit_callbacks, mailoutbox
):
    follower = UserFactory(display_name="Fola Follower")
    world.public.memberships.create(user=follower, status="active", role="member")
    Follow.objects.create(user=follower, network=world.public)

    # The editor (in "Editors" only) asks for changes with a comment.
    client.force_login(staff_editor)
    with django_capture_on_commit_callbacks(execute=True):
        response = workflow_action(
            client, submitted, "reject", comment="Please add how many datasets you opened."
        )
    assert response.status_code == 302
    state = LessonPage.objects.get(pk=submitted.pk).current_workflow_state
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    note = Notification.objects.get(recipient=world.member, verb="lessons.changes_requested")
    assert "how many datasets" in note.message
    assert note.url == edit_url(submitted)
    assert any("asked for changes" in message.subject for message in mailoutbox)

    # The member sees the comment, revises and resubmits.
    client.force_login(world.member)
    listing = client.get(reverse("lessons:contribution_list")).content.decode()
    assert "Please add how many datasets you opened." in listing
    form_page = client.get(edit_url(submitted)).content.decode()
    assert "Please add how many datasets you opened." in form_page
    assert FULL_EXPERIENCE["advice"] in form_page
    response = client.post(
        edit_url(submitted),
        {**FULL_EXPERIENCE, "results": "We opened 42 datasets.", "action": "submit"},
    )
    assert response.status_code == 302
    lesson = LessonPage.objects.get(pk=submitted.pk)
    assert lesson.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert lesson.get_latest_revision_as_object().results == "We opened 42 datasets."

    # The editor approves: the lesson is published with the revised text.
    client.force_login(staff_editor)
    with django_capture_on_commit_callbacks(execute=True):
        response = workflow_action(client, lesson, "approve")
    assert response.status_code == 302
    lesson = LessonPage.objects.get(pk=submitted.pk)
    assert lesson.live
    assert lesson.results == "We opened 42 datasets."
    assert (
        Notification.objects.filter(recipient=world.member, verb="lessons.published").count() == 1
    )
    assert (
        Notification.objects.filter(recipient=follower, verb="lessons.network_lesson").count() == 1
    )
    client.logout()
    assert "We opened 42 datasets." in client.get(lesson.url).content.decode()


def test_editors_group_is_added_to_the_default_review_task(home_page):
    from django.contrib.auth.models import Group
    from wagtail.models import GroupApprovalTask

    workflow = ensure_editors_review()
    task = workflow.tasks.specific().get()
    assert isinstance(task, GroupApprovalTask)
    assert set(task.groups.values_list("name", flat=True)) == {"Moderators", "Editors"}
    assert ensure_editors_review() == workflow  # idempotent
    assert Group.objects.filter(name="Editors").count() == 1


def test_followers_of_a_members_only_network_who_left_are_not_told(
    world, lesson_factory, django_capture_on_commit_callbacks
):
    from discussions.lesson_signals import announce_lesson

    leaver = UserFactory()
    Follow.objects.create(user=leaver, network=world.private)
    lesson = lesson_factory(world.private, world.member, publish=False)
    told = announce_lesson(lesson.pk)
    assert told == set()  # not live yet
    lesson.get_latest_revision().publish()
    told = announce_lesson(lesson.pk)
    assert told == {world.member.pk}
