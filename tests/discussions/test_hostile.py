"""Every hostile input of the shared corpus comes out inert on every output.

Typed into a reply, a thread's title, text and tags, and a person's display name, each
input is checked on the thread page (signed in and not), the thread list, the "in reply
to" excerpt, the Atom feed, the network's summary tag, the notification text, its page
and its email. Pages are checked whole: no script, handler attribute or javascript:/
data: URL, and no more script/meta/link/form/iframe elements than the page has with a
harmless text.
"""

import re
from xml.etree import ElementTree

import feedparser
import pytest
from django.core import mail
from django.urls import reverse

from accounts.models import Notification
from discussions import services
from discussions.bulk import bulk_add_replies
from discussions.models import Thread
from tests.discussions.conftest import add_member
from tests.factories import UserFactory
from tests.hostile import HOSTILE_INPUTS, assert_inert

pytestmark = pytest.mark.django_db

PAGE_ELEMENTS = ("script", "meta", "link", "form", "iframe", "object", "embed", "svg", "style")
HARMLESS = "Plain words"
ATOM = "{http://www.w3.org/2005/Atom}"


def element_counts(html):
    return {tag: len(re.findall(rf"<{tag}[\s>/]", html, re.IGNORECASE)) for tag in PAGE_ELEMENTS}


def check(html, baseline, context):
    assert_inert(html, allowed_elements=("script", "meta", "link", "form"), context=context)
    assert element_counts(html) == baseline, context


def assert_plain_text_emails(context):
    """Emails carry the text as typed, in a text/plain body with no HTML part: a mail
    client shows it as characters and runs nothing."""
    assert mail.outbox, context
    for message in mail.outbox:
        assert message.content_subtype == "plain", context
        assert not getattr(message, "alternatives", None), context
        assert "\n" not in message.subject, context


def test_the_corpus_is_large_enough():
    assert len(HOSTILE_INPUTS) >= 100


@pytest.fixture
def writer(network):
    return add_member(network, UserFactory(username="writer", display_name="Writer"))


def test_replies_and_display_names_are_inert_on_thread_pages(
    client, network, member, writer, django_capture_on_commit_callbacks
):
    thread = services.start_thread(network=network, author=member, title="Thread", body="x")
    thread.network = network
    url = thread.get_absolute_url()
    with django_capture_on_commit_callbacks(execute=True):
        services.post_reply(thread=thread, author=writer, body=HARMLESS)
    baseline_anonymous = element_counts(client.get(url).content.decode())
    client.force_login(member)
    baseline_member = element_counts(client.get(url).content.decode())
    notifications = reverse("accounts:notification_list")
    baseline_notifications = element_counts(client.get(notifications).content.decode())
    for number, hostile in enumerate(HOSTILE_INPUTS):
        writer.display_name = hostile.replace("\x00", "")[:100] or "x"
        writer.save(update_fields=["display_name"])
        thread.posts.all().delete()
        Thread.objects.filter(pk=thread.pk).update(reply_count=0, listed_count=0)
        Notification.objects.all().delete()
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            services.post_reply(thread=thread, author=writer, body=hostile)
        context = f"input {number}: {hostile!r}"
        client.logout()
        check(client.get(url).content.decode(), baseline_anonymous, context)
        client.force_login(member)
        check(client.get(url).content.decode(), baseline_member, context)
        # The notification: shown escaped on its page, sent as plain text only.
        assert Notification.objects.filter(recipient=member).count() == 1
        check(client.get(notifications).content.decode(), baseline_notifications, context)
        assert_plain_text_emails(context)


def test_titles_texts_and_tags_are_inert_on_every_thread_surface(
    client, network, member, writer, django_capture_on_commit_callbacks
):
    from django.template import Context, Template
    from django.test import RequestFactory

    services.follow_network(user=writer, network=network)
    list_url = reverse("discussions:thread_list", args=[network.slug])
    feed_url = reverse("discussions:thread_feed", args=[network.slug])
    summary_tag = Template("{% load discussions_tags %}{% network_threads network %}")
    request = RequestFactory().get("/")
    request.user = writer

    def surfaces(thread):
        thread.network = network
        return {
            "thread page": client.get(thread.get_absolute_url()).content.decode(),
            "thread list": client.get(list_url).content.decode(),
            "summary tag": summary_tag.render(Context({"network": network, "request": request})),
        }

    harmless = services.start_thread(
        network=network, author=member, title=HARMLESS, body=HARMLESS, tags=["plain"]
    )
    baselines = {name: element_counts(html) for name, html in surfaces(harmless).items()}
    harmless.delete()
    for number, hostile in enumerate(HOSTILE_INPUTS):
        Thread.objects.all().delete()
        Notification.objects.all().delete()
        mail.outbox.clear()
        tag = hostile.replace(",", " ").replace('"', "").replace("\x00", "")[:40].strip() or "x"
        with django_capture_on_commit_callbacks(execute=True):
            thread = services.start_thread(
                network=network,
                author=member,
                title=hostile[:160].strip() or "x",
                body=hostile,
                tags=[tag],
            )
        context = f"input {number}: {hostile!r}"
        for name, html in surfaces(thread).items():
            check(html, baselines[name], f"{name}, {context}")
        feed = client.get(feed_url).content.decode()
        # The feed is XML: its text (escaped HTML) is what readers render.
        assert "<script" not in feed.lower(), context
        # Titles are Atom text (shown as characters); summaries are escaped HTML, which
        # readers render: that HTML, as the feed carries it, must be inert.
        root = ElementTree.fromstring(feed.encode())  # noqa: S314 (our own output)
        for entry in root.iter(f"{ATOM}entry"):
            assert entry.find(f"{ATOM}title").get("type", "text") == "text", context
            summary = entry.find(f"{ATOM}summary")
            assert summary.get("type") == "html", context
            assert_inert(summary.text or "", context=f"feed, {context}")
        assert len(feedparser.parse(feed).entries) == 1, context
        assert Notification.objects.filter(recipient=writer).count() == 1
        assert_plain_text_emails(context)


def test_excerpts_of_parents_on_earlier_pages_are_inert(client, network, member, writer):
    thread = services.start_thread(network=network, author=member, title="Long", body="x")
    thread.network = network
    page_two = thread.get_absolute_url() + "?page=2"
    filler = [(writer, "filler", None) for _ in range(24)]
    for number, hostile in enumerate(HOSTILE_INPUTS):
        thread.posts.all().delete()
        Thread.objects.filter(pk=thread.pk).update(reply_count=0, listed_count=0)
        bulk_add_replies(
            thread=thread, replies=[*filler, (writer, hostile, None), (member, "child", 24)]
        )
        html = client.get(page_two).content.decode()
        assert "In reply to" in html
        assert_inert(
            html.split('<div class="posts"')[1].split('<div class="reply-box"')[0],
            context=f"input {number}: {hostile!r}",
        )
