"""Thread and reply pages from the outside: posting with and without JavaScript,
previews, errors, paging through long threads, permalinks, answers and lists."""

import re

import feedparser
import pytest
from django.core.cache import cache
from django.template import Context, Template
from django.test import RequestFactory, override_settings
from django.urls import reverse

from discussions import services
from discussions.bulk import bulk_add_replies
from discussions.forms import BODY_MAX_LENGTH
from discussions.models import Follow, Post, PostRevision, Thread

pytestmark = pytest.mark.django_db


def reply_url(thread):
    return reverse(
        "discussions:thread_reply", kwargs={"network_slug": thread.network.slug, "pk": thread.pk}
    )


def article_ids(html):
    return [int(pk) for pk in re.findall(r'<article class="post[^"]*" id="post-(\d+)"', html)]


# --- Replying -----------------------------------------------------------------------


def test_replying_without_javascript_redirects_to_the_new_reply(client, thread, other_member):
    client.force_login(other_member)
    response = client.post(reply_url(thread), {"body": "Works **without** JS"})
    post = Post.objects.get(thread=thread)
    assert response.status_code == 302
    assert response["Location"] == f"{thread.get_absolute_url()}#post-{post.pk}"
    page = client.get(response["Location"]).content.decode()
    assert "Works <strong>without</strong> JS" in page
    assert "Your reply is posted." in page


def test_replying_with_htmx_returns_the_reply_and_a_fresh_form(client, thread, other_member):
    client.force_login(other_member)
    response = client.post(reply_url(thread), {"body": "In place"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html
    assert article_ids(html) == [Post.objects.get(thread=thread).pk]
    assert "<p>In place</p>" in html
    assert 'class="reply-form"' in html and "In place</textarea>" not in html


def test_replying_to_a_reply_with_htmx_returns_the_nested_reply_only(
    client, thread, member, other_member
):
    parent = services.post_reply(thread=thread, author=member, body="Parent")
    client.force_login(other_member)
    form = client.get(reverse("discussions:post_reply", args=[parent.pk]), HTTP_HX_REQUEST="true")
    assert f'name="reply-{parent.pk}-body"' in form.content.decode()
    assert "<html" not in form.content.decode()
    response = client.post(
        reverse("discussions:post_reply", args=[parent.pk]),
        {f"reply-{parent.pk}-body": "Child"},
        HTTP_HX_REQUEST="true",
    )
    html = response.content.decode()
    child = Post.objects.get(thread=thread, parent=parent)
    assert article_ids(html) == [child.pk]
    assert 'class="post d2 post--new"' in html
    assert "reply-form" not in html


def test_reply_page_works_without_javascript(client, thread, member, other_member):
    parent = services.post_reply(thread=thread, author=member, body="Quote me")
    client.force_login(other_member)
    page = client.get(reverse("discussions:post_reply", args=[parent.pk])).content.decode()
    assert "<p>Quote me</p>" in page and "<h1>Reply</h1>" in page
    response = client.post(
        reverse("discussions:post_reply", args=[parent.pk]), {f"reply-{parent.pk}-body": "Ok"}
    )
    assert response.status_code == 302
    assert Post.objects.get(thread=thread, parent=parent).body == "Ok"


def test_preview_shows_the_rendered_text_and_saves_nothing(client, thread, other_member):
    client.force_login(other_member)
    response = client.post(reply_url(thread), {"body": "Draft *one*", "preview": "1"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "<p>Draft <em>one</em></p>" in html
    assert ">Draft *one*</textarea>" in html
    assert not Post.objects.filter(thread=thread).exists()


def test_preview_with_htmx_swaps_the_form_only(client, thread, other_member):
    client.force_login(other_member)
    response = client.post(
        reply_url(thread), {"body": "Draft", "preview": "1"}, HTTP_HX_REQUEST="true"
    )
    html = response.content.decode()
    assert "<html" not in html and 'class="preview"' in html
    assert not Post.objects.filter(thread=thread).exists()


@pytest.mark.parametrize(
    ("body", "message"),
    [("   ", "Write your reply first."), ("x" * (BODY_MAX_LENGTH + 1), "This is too long")],
)
def test_bad_replies_are_refused_next_to_the_field_keeping_the_text(
    client, thread, other_member, body, message
):
    client.force_login(other_member)
    response = client.post(reply_url(thread), {"body": body})
    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    assert 'aria-invalid="true"' in html and 'id="id_body_error"' in html
    assert not Post.objects.filter(thread=thread).exists()


@override_settings(DISCUSSIONS_RATE_LIMITS={"limit": 2, "new_account_limit": 1})
def test_writing_is_rate_limited_per_member_keeping_what_was_typed(client, thread, other_member):
    from datetime import timedelta

    from django.utils import timezone

    other_member.date_joined = timezone.now() - timedelta(days=30)
    other_member.save()
    cache.clear()
    client.force_login(other_member)
    for number in range(2):
        assert client.post(reply_url(thread), {"body": f"ok {number}"}).status_code == 302
    response = client.post(reply_url(thread), {"body": "one too many"})
    assert "You are posting faster than we allow" in response.content.decode()
    assert ">one too many</textarea>" in response.content.decode()
    assert Post.objects.filter(thread=thread).count() == 2


@override_settings(DISCUSSIONS_RATE_LIMITS={"limit": 5, "new_account_limit": 1})
def test_new_accounts_have_a_lower_limit(client, thread, other_member):
    cache.clear()
    client.force_login(other_member)  # joined today
    assert client.post(reply_url(thread), {"body": "first"}).status_code == 302
    assert client.post(reply_url(thread), {"body": "second"}).status_code == 200
    assert Post.objects.filter(thread=thread).count() == 1


# --- Long threads, permalinks -------------------------------------------------------


@pytest.fixture
def long_thread(thread, member, other_member):
    """60 replies: 30 top-level ones, each with one answer."""
    replies = []
    for number in range(30):
        replies.append((other_member, f"Top {number}", None))
        replies.append((member, f"Answer to {number}", len(replies) - 1))
    posts = bulk_add_replies(thread=thread, replies=replies)
    thread.refresh_from_db()
    thread.network = thread.network
    return thread, posts


def test_long_threads_are_paged_in_tree_order(client, long_thread):
    thread, posts = long_thread
    tree = [post.pk for post in Post.objects.tree(thread)]
    first = client.get(thread.get_absolute_url()).content.decode()
    third = client.get(thread.get_absolute_url() + "?page=3").content.decode()
    assert article_ids(first) == tree[:25]
    assert article_ids(third) == tree[50:]
    assert "Page 1 of 3" in first


def test_a_reply_whose_parent_is_on_an_earlier_page_says_what_it_answers(client, long_thread):
    thread, posts = long_thread
    # Tree position 25 (first on page 2) is "Answer to 12", whose parent ends page 1.
    page = client.get(thread.get_absolute_url() + "?page=2").content.decode()
    assert article_ids(page)[0] == posts[25].pk
    parent = posts[24]
    assert f'href="/posts/{parent.pk}/">In reply to {parent.author.get_full_name()}' in page
    assert "<q>Top 12</q>" in page


def test_a_permalink_opens_the_page_holding_the_reply(client, long_thread):
    thread, posts = long_thread
    for index, expected_page in ((0, None), (24, None), (25, 2), (59, 3)):
        response = client.get(reverse("discussions:post_permalink", args=[posts[index].pk]))
        suffix = f"?page={expected_page}" if expected_page else ""
        assert response["Location"] == (
            f"{thread.get_absolute_url()}{suffix}#post-{posts[index].pk}"
        )


def test_bad_page_numbers_fall_back_to_a_real_page(client, long_thread):
    thread, _ = long_thread
    for page in ("0", "999", "abc"):
        assert client.get(thread.get_absolute_url() + f"?page={page}").status_code == 200


# --- Editing, deleting, answers, helpful --------------------------------------------


def test_editing_a_reply_shows_edited_and_keeps_the_old_text(client, thread, other_member):
    post = services.post_reply(thread=thread, author=other_member, body="Old words")
    client.force_login(other_member)
    url = reverse("discussions:post_edit", args=[post.pk])
    assert ">Old words</textarea>" in client.get(url).content.decode()
    response = client.post(url, {"body": "New words"})
    assert response.status_code == 302
    page = client.get(thread.get_absolute_url()).content.decode()
    assert "New words" in page and "Old words" not in page
    assert '<span class="edited">edited</span>' in page
    assert PostRevision.objects.get(post=post).body == "Old words"


def test_a_deleted_reply_shows_as_deleted_only_while_it_has_replies(
    client, thread, member, other_member
):
    parent = services.post_reply(thread=thread, author=other_member, body="Regret this")
    child = services.post_reply(thread=thread, author=member, body="Reply", parent=parent)
    alone = services.post_reply(thread=thread, author=other_member, body="Alone")
    client.force_login(other_member)
    for post in (parent, alone):
        response = client.post(reverse("discussions:post_delete", args=[post.pk]))
        assert response.status_code == 302
    page = client.get(thread.get_absolute_url()).content.decode()
    assert article_ids(page) == [parent.pk, child.pk]
    assert "This reply was deleted by its author." in page
    assert "Regret this" not in page and "Alone" not in page


def test_the_accepted_answer_is_shown_under_the_question(client, thread, member, other_member):
    thread.kind = Thread.Kind.QUESTION
    thread.save()
    answer = services.post_reply(thread=thread, author=other_member, body="The answer is 42")
    client.force_login(member)
    page = client.get(thread.get_absolute_url()).content.decode()
    assert "No accepted answer yet." in page and "Accept as answer" in page
    response = client.post(reverse("discussions:post_accept", args=[answer.pk]))
    assert response["Location"].endswith("#accepted-answer")
    page = client.get(thread.get_absolute_url()).content.decode()
    accepted = page.split('id="accepted-answer"')[1].split("</section>")[0]
    assert "The answer is 42" in accepted
    assert "post--accepted" in page and "Unmark as answer" in page
    # Asking again takes the mark away.
    client.post(reverse("discussions:post_accept", args=[answer.pk]))
    thread.refresh_from_db()
    assert thread.accepted_answer is None


def test_marking_helpful_with_htmx_swaps_the_button(client, thread, member, other_member):
    post = services.post_reply(thread=thread, author=member, body="Useful")
    client.force_login(other_member)
    url = reverse("discussions:post_helpful", args=[post.pk])
    html = client.post(url, {"helpful": "1"}, HTTP_HX_REQUEST="true").content.decode()
    assert 'aria-pressed="true"' in html and '<span class="count">· 1</span>' in html
    assert 'name="helpful" value="0"' in html
    html = client.post(url, {"helpful": "0"}, HTTP_HX_REQUEST="true").content.decode()
    assert 'aria-pressed="false"' in html and 'class="count"' not in html
    # Without JavaScript: back to the reply.
    response = client.post(url, {"helpful": "1"})
    assert response["Location"].endswith(f"#post-{post.pk}")
    client.logout()
    assert "1 found this helpful" in client.get(thread.get_absolute_url()).content.decode()


def test_following_a_thread_and_a_network(client, thread, network, other_member):
    client.force_login(other_member)
    follow = reverse("discussions:thread_follow", args=[network.slug, thread.pk])
    html = client.post(follow, {"follow": "1"}, HTTP_HX_REQUEST="true").content.decode()
    assert "Following" in html and "<html" not in html
    assert Follow.objects.filter(user=other_member, thread=thread).exists()
    client.post(follow, {"follow": "0"})
    assert not Follow.objects.filter(user=other_member, thread=thread).exists()
    response = client.post(reverse("discussions:network_follow", args=[network.slug]))
    assert response.status_code == 302
    assert Follow.objects.filter(user=other_member, network=network).exists()


# --- Starting threads ---------------------------------------------------------------


def test_starting_a_thread_with_preview_errors_and_success(client, network, member):
    client.force_login(member)
    url = reverse("discussions:thread_create", args=[network.slug])
    data = {"kind": "question", "title": "", "body": "My *question*", "tags": "a, b"}
    response = client.post(url, data)
    assert "Give your thread a title." in response.content.decode()
    assert re.search(r">\s*My \*question\*</textarea>", response.content.decode())
    data["title"] = "How to start?"
    preview = client.post(url, {**data, "preview": "1"}).content.decode()
    assert "<p>My <em>question</em></p>" in preview
    assert not Thread.objects.exists()
    response = client.post(url, data)
    thread = Thread.objects.get()
    assert response["Location"] == thread.get_absolute_url()
    assert thread.kind == "question" and sorted(t.name for t in thread.tags.all()) == ["a", "b"]


def test_too_many_tags_are_refused(client, network, member):
    client.force_login(member)
    url = reverse("discussions:thread_create", args=[network.slug])
    data = {"kind": "discussion", "title": "T", "body": "B", "tags": "a, b, c, d, e, f"}
    assert "Use at most 5 tags." in client.post(url, data).content.decode()


def test_a_thread_can_be_about_a_page_of_its_network(client, network, member, network_index):
    from home.models import StandardPage

    inside = network.add_child(instance=StandardPage(title="A lesson", slug="lesson", live=True))
    outside = network_index.get_parent().add_child(
        instance=StandardPage(title="Elsewhere", slug="elsewhere", live=True)
    )
    client.force_login(member)
    url = reverse("discussions:thread_create", args=[network.slug])
    data = {"kind": "discussion", "title": "About it", "body": "B"}
    assert "About “A lesson”" in client.get(f"{url}?about={inside.pk}").content.decode()
    client.post(url, {**data, "about": inside.pk})
    client.post(url, {**data, "title": "Not about it", "about": outside.pk})
    assert Thread.objects.get(title="About it").page_id == inside.pk
    assert Thread.objects.get(title="Not about it").page_id is None
    page = client.get(Thread.objects.get(title="About it").get_absolute_url()).content.decode()
    assert ">A lesson</a>" in page


# --- The list, the feed, the template tags ------------------------------------------


def test_the_list_shows_pinned_threads_first_then_latest_activity(
    client, network, member, other_member
):
    old = services.start_thread(network=network, author=member, title="Old one", body="x")
    pinned = services.start_thread(network=network, author=member, title="Pinned one", body="x")
    services.start_thread(
        network=network, author=member, title="Asked", body="x", kind="question", tags=["money"]
    )
    Thread.objects.filter(pk=pinned.pk).update(is_pinned=True)
    services.post_reply(thread=old, author=other_member, body="bump")
    html = client.get(reverse("discussions:thread_list", args=[network.slug])).content.decode()
    titles = re.findall(r'class="thread-row__title"><a href="[^"]+">([^<]+)</a>', html)
    assert titles == ["Pinned one", "Old one", "Asked"]
    questions = client.get(
        reverse("discussions:thread_list", args=[network.slug]) + "?kind=question"
    )
    assert re.findall(
        r'thread-row__title"><a href="[^"]+">([^<]+)<', questions.content.decode()
    ) == ["Asked"]
    tagged = client.get(reverse("discussions:thread_list", args=[network.slug]) + "?tag=money")
    assert "Asked" in tagged.content.decode() and "Old one" not in tagged.content.decode()


def test_the_list_marks_new_activity_since_the_last_visit(client, thread, other_member):
    client.force_login(other_member)
    url = reverse("discussions:thread_list", args=[thread.network.slug])
    assert "New activity" in client.get(url).content.decode()
    client.get(thread.get_absolute_url())
    assert "New activity" not in client.get(url).content.decode()


def test_the_feed_lists_new_threads(client, network, member):
    services.start_thread(network=network, author=member, title="Feed me", body="**Hi**")
    response = client.get(reverse("discussions:thread_feed", args=[network.slug]))
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert [entry.title for entry in feed.entries] == ["Feed me"]
    assert "<strong>Hi</strong>" in feed.entries[0].summary


def render_tag(source, user, **context):
    request = RequestFactory().get("/")
    request.user = user
    return Template("{% load discussions_tags %}" + source).render(
        Context({"request": request, **context})
    )


def test_network_threads_tag_respects_who_may_read(private_network, member, outsider):
    from django.contrib.auth.models import AnonymousUser

    from tests.discussions.conftest import add_member

    add_member(private_network, member)
    services.start_thread(network=private_network, author=member, title="Inside job", body="x")
    source = "{% network_threads network limit=5 %}"
    assert "Inside job" in render_tag(source, member, network=private_network)
    assert "Inside job" not in render_tag(source, outsider, network=private_network)
    assert "Inside job" not in render_tag(source, AnonymousUser(), network=private_network)


def test_page_discussion_tag_lists_the_threads_about_a_page(network, member):
    from home.models import StandardPage

    lesson = network.add_child(instance=StandardPage(title="Lesson", slug="lesson", live=True))
    services.start_thread(network=network, author=member, title="On it", body="x", page=lesson)
    services.start_thread(network=network, author=member, title="Unrelated", body="x")
    html = render_tag("{% page_discussion page %}", member, page=lesson)
    assert "On it" in html and "Unrelated" not in html
    assert f"?about={lesson.pk}" in html


def test_editing_a_thread_keeps_what_was_typed_on_errors_and_saves_a_revision(
    client, thread, member
):
    from discussions.models import ThreadRevision

    client.force_login(member)
    url = reverse("discussions:thread_edit", args=[thread.network.slug, thread.pk])
    page = client.get(url).content.decode()
    assert thread.title in page
    data = {"kind": "discussion", "title": "", "body": "Changed **text**", "tags": "x"}
    response = client.post(url, data)
    assert "Give your thread a title." in response.content.decode()
    assert "Changed **text**" in response.content.decode()
    response = client.post(url, {**data, "title": "Better title"})
    thread.refresh_from_db()
    assert response["Location"] == thread.get_absolute_url()
    assert thread.title == "Better title" and thread.body_html.startswith("<p>Changed <strong>")
    assert ThreadRevision.objects.filter(thread=thread).count() == 1
    assert (
        '<span class="edited">edited</span>'
        in client.get(thread.get_absolute_url()).content.decode()
    )
