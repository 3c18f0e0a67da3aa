"""Hostile text in every event field people or editors type comes out inert: on the event
page, the listing, the registrants page, the CSV export and the calendar files."""

import csv
import io
import re

import pytest
from django.core.cache import cache
from django.urls import reverse
from icalendar import Calendar
from wagtail.models import Page

from network.events import services
from network.models.events import EventPage, EventQuestion, RegistrationAnswer
from tests.hostile import HOSTILE_INPUTS, assert_inert

PAGE_ELEMENTS = ("script", "meta", "link", "form", "iframe", "object", "embed", "svg", "style")


def element_counts(html):
    return {tag: len(re.findall(rf"<{tag}[\s>/]", html, re.IGNORECASE)) for tag in PAGE_ELEMENTS}


def check(html, baseline, context):
    assert_inert(html, allowed_elements=("script", "meta", "link", "form"), context=context)
    assert element_counts(html) == baseline, context


@pytest.fixture
def setting(event_factory, world):
    event = event_factory(parent=world.public, title="Harmless", capacity=10)
    question = EventQuestion.objects.create(event=event, label="Harmless question")
    person = world.member
    registration = services.register(event=event, user=person, answers={question: "Harmless"})
    return event, question, person, registration


def test_hostile_event_and_registration_text_is_inert(client, world, setting):
    """Seen by a facilitator (an organiser who is not staff: no Wagtail user bar)."""
    event, question, person, registration = setting
    urls = {
        "page": event.url,
        "listing": "/events/",
        "registrants": reverse("events:registrant_list", args=[event.pk]),
    }
    client.force_login(world.facilitator)
    services.register(event=event, user=world.facilitator)
    baselines = {
        name: element_counts(client.get(url).content.decode()) for name, url in urls.items()
    }
    for hostile in HOSTILE_INPUTS:
        text = hostile.replace("\x00", "")
        line = " ".join(text.split())[:200] or "x"
        Page.objects.filter(pk=event.pk).update(title=line)
        EventPage.objects.filter(pk=event.pk).update(
            intro=text[:400], place_name=line, address=text[:500], format="hybrid"
        )
        EventQuestion.objects.filter(pk=question.pk).update(label=line, help_text=line)
        RegistrationAnswer.objects.filter(registration=registration).update(answer=text[:1000])
        person.display_name = line[:100]
        person.save(update_fields=["display_name"])
        for name, url in urls.items():
            response = client.get(url)
            assert response.status_code == 200, (name, hostile)
            check(response.content.decode(), baselines[name], f"{name}: {hostile!r}")
        export = client.get(reverse("events:registrant_export", args=[event.pk]))
        for row in csv.reader(io.StringIO(export.content.decode())):
            for cell in row:
                assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), (hostile, cell)
        ics = client.get(reverse("events:event_ics", args=[event.pk])).content
        (entry,) = Calendar.from_ical(ics).walk("VEVENT")
        assert str(entry["summary"]).strip() == line.strip() or "\ufffd" in str(entry["summary"])


def test_hostile_text_typed_into_the_form_is_kept_escaped_when_the_form_is_refused(
    client, event_factory, user
):
    event = event_factory()
    required = EventQuestion.objects.create(event=event, label="Needs", required=True)
    other = EventQuestion.objects.create(event=event, label="Other")
    client.force_login(user)
    for hostile in HOSTILE_INPUTS:
        cache.clear()  # the rate limit counts these posts
        response = client.post(
            reverse("events:registration_create", args=[event.pk]),
            {f"question_{other.pk}": hostile.replace("\x00", "")},
        )
        html = response.content.decode()
        assert "This field is required." in html
        assert_inert(html, allowed_elements=("script", "meta", "link", "form"), context=hostile)
    assert not required.event.registrations.exists()
