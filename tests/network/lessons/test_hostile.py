"""Every hostile input of the shared corpus comes out inert wherever a lesson shows it.

Each input is a lesson's title, summary, a Markdown section and a tag (through the
member's form, so the form's own cleaning is part of it), and is checked on the lesson
page, the library, the network page, "My contributions" and the Atom feed.
"""

import re

import feedparser
from django.core.cache import cache
from django.urls import reverse

from network.models.lessons import LessonPage
from tests.hostile import HOSTILE_INPUTS, assert_inert

PAGE_ELEMENTS = ("script", "meta", "link", "form", "iframe", "object", "embed", "svg", "style")


def element_counts(html):
    return {tag: len(re.findall(rf"<{tag}[\s>/]", html, re.IGNORECASE)) for tag in PAGE_ELEMENTS}


def check(html, baseline, context):
    assert_inert(html, allowed_elements=("script", "meta", "link", "form"), context=context)
    assert element_counts(html) == baseline, context


def share(client, network, text, number):
    cache.clear()  # the posting rate limit is not under test here
    data = {
        "title": f"{text[:200]} {number}",
        "summary": text[:600],
        "context": text,
        "challenge": text,
        "actions": text,
        "results": text,
        "advice": text,
        "tags": f'"{text[:40]}"' if "," in text[:40] else text[:40],
        "action": "draft",
    }
    response = client.post(
        reverse("lessons:experience_share", kwargs={"slug": network.slug}), data
    )
    assert response.status_code in (200, 302), text
    return response


def test_hostile_inputs_are_inert_everywhere(world, client, library, review_workflow):
    client.force_login(world.member)
    share(client, world.public, "Plain words", 0)
    baseline_lesson = LessonPage.objects.get()
    baseline_lesson.get_latest_revision().publish()
    client.force_login(world.member)
    baselines = {
        "lesson": element_counts(client.get(baseline_lesson.url).content.decode()),
        "library": element_counts(client.get(library.url).content.decode()),
        "network": element_counts(client.get(world.public.url).content.decode()),
    }
    for number, text in enumerate(HOSTILE_INPUTS, start=1):
        share(client, world.public, text, number)
    lessons = list(LessonPage.objects.exclude(pk=baseline_lesson.pk))
    for lesson in lessons:
        lesson.get_latest_revision().publish()
    for lesson in LessonPage.objects.all():
        html = client.get(lesson.url).content.decode()
        check(html, baselines["lesson"], f"lesson page: {lesson.title!r}")
    pages = (len(lessons) + 12) // 12
    for page in range(1, pages + 1):
        html = client.get(f"{library.url}?page={page}").content.decode()
        check(html, baselines["library"], f"library page {page}")
    check(client.get(world.public.url).content.decode(), baselines["network"], "network page")
    # Unpublished, they are listed on "My contributions" too.
    LessonPage.objects.update(live=False)
    html = client.get(reverse("lessons:contribution_list")).content.decode()
    assert_inert(html, allowed_elements=("script", "meta", "link", "form"), context="mine")
    LessonPage.objects.update(live=True)
    feed = client.get(reverse("lessons:lesson_feed")).content
    parsed = feedparser.parse(feed)
    assert parsed.bozo == 0
    for entry in parsed.entries:
        assert_inert(entry.get("summary", ""), context=f"feed: {entry.title!r}")
