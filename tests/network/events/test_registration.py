"""Registering, the waiting list, cancelling and promotion, through the site's views."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse

from accounts.models import Notification
from network.events import services
from network.models.events import EventQuestion, Registration, RegistrationStatus
from tests.factories import UserFactory


def register_url(event):
    return reverse("events:registration_create", args=[event.pk])


def cancel_url(event):
    return reverse("events:registration_cancel", args=[event.pk])


def status_of(event, user):
    return Registration.objects.get(event=event, user=user).status


@pytest.fixture
def full_event(event_factory):
    return event_factory(capacity=1)


def test_register_then_the_page_says_so_and_shows_the_online_link(client, event_factory, user):
    event = event_factory(capacity=5)
    client.force_login(user)
    response = client.post(register_url(event))
    assert response.status_code == 302
    assert status_of(event, user) == RegistrationStatus.REGISTERED
    page = client.get(event.url).content.decode()
    assert "You are registered." in page
    assert event.online_link in page
    assert "4 places left" in page


def test_when_full_the_next_person_waits_and_cancelling_promotes_and_tells_them(
    client, full_event, django_capture_on_commit_callbacks
):
    first, second, third = UserFactory(), UserFactory(), UserFactory()
    for person in (first, second, third):
        client.force_login(person)
        client.post(register_url(full_event))
    assert status_of(full_event, first) == RegistrationStatus.REGISTERED
    assert status_of(full_event, second) == RegistrationStatus.WAITING
    assert status_of(full_event, third) == RegistrationStatus.WAITING

    client.force_login(second)
    page = client.get(full_event.url).content.decode()
    assert "You are number 1 on the waiting list." in page
    assert full_event.online_link not in page

    client.force_login(first)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(cancel_url(full_event))
    assert status_of(full_event, first) == RegistrationStatus.CANCELLED
    assert status_of(full_event, second) == RegistrationStatus.REGISTERED
    assert status_of(full_event, third) == RegistrationStatus.WAITING
    notification = Notification.objects.get(recipient=second)
    assert "A place opened up" in notification.message
    assert [message.to for message in mail.outbox] == [[second.email]]
    # The email that tells them is not where the link travels: the page is.
    assert full_event.online_link not in mail.outbox[0].body

    client.force_login(second)
    assert full_event.online_link in client.get(full_event.url).content.decode()
    client.force_login(third)
    assert "You are number 1 on the waiting list." in client.get(full_event.url).content.decode()


def test_registering_again_after_cancelling_goes_to_the_back_of_the_queue(full_event):
    first, second = UserFactory(), UserFactory()
    services.register(event=full_event, user=first)
    services.register(event=full_event, user=second)
    services.cancel(event=full_event, user=second)
    third = UserFactory()
    services.register(event=full_event, user=third)
    again = services.register(event=full_event, user=second)
    assert again.status == RegistrationStatus.WAITING
    services.cancel(event=full_event, user=first)
    assert status_of(full_event, third) == RegistrationStatus.REGISTERED
    assert status_of(full_event, second) == RegistrationStatus.WAITING


def test_adding_places_in_the_admin_promotes_the_waiting_list(full_event):
    people = [UserFactory() for _ in range(3)]
    for person in people:
        services.register(event=full_event, user=person)
    full_event.capacity = 2
    full_event.save_revision().publish()
    statuses = [status_of(full_event, person) for person in people]
    assert statuses == ["registered", "registered", "waiting"]


def test_htmx_register_swaps_the_panel(client, event_factory, user):
    event = event_factory(capacity=None)
    client.force_login(user)
    response = client.post(register_url(event), headers={"HX-Request": "true"})
    body = response.content.decode()
    assert response.status_code == 200
    assert body.lstrip().startswith('<section class="card registration-panel"')
    assert "You are registered. See you there!" in body
    assert event.online_link in body


def test_required_question_answers_bad_input_next_to_the_field_and_keeps_the_text(
    client, event_factory, user
):
    event = event_factory()
    needs = EventQuestion.objects.create(event=event, label="Accessibility needs", required=True)
    diet = EventQuestion.objects.create(event=event, label="Dietary requirements")
    client.force_login(user)
    response = client.post(register_url(event), {f"question_{diet.pk}": "Vegetarian, please"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "This field is required." in body
    assert "Vegetarian, please" in body
    assert f'aria-describedby="id_question_{needs.pk}_error"' in body
    assert not Registration.objects.exists()

    client.post(
        register_url(event),
        {f"question_{needs.pk}": "Step-free access", f"question_{diet.pk}": "Vegetarian"},
    )
    registration = Registration.objects.get(event=event, user=user)
    assert {a.question_id: a.answer for a in registration.answers.all()} == {
        needs.pk: "Step-free access",
        diet.pk: "Vegetarian",
    }


def test_only_network_members_register_for_a_network_event(client, world, event_factory):
    event = event_factory(parent=world.public)
    client.force_login(world.outsider)
    assert client.post(register_url(event)).status_code == 403
    assert (
        "Members of Open contracting data can register." in client.get(event.url).content.decode()
    )
    assert not Registration.objects.exists()
    client.force_login(world.member)
    client.post(register_url(event))
    assert status_of(event, world.member) == RegistrationStatus.REGISTERED


def test_anonymous_people_are_sent_to_sign_in(client, event_factory):
    event = event_factory()
    response = client.post(register_url(event))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    assert "Sign in to register" in client.get(event.url).content.decode()


def test_registration_closes_when_the_event_starts(client, event_factory, user):
    event = event_factory(
        start_date=datetime.date.today() - datetime.timedelta(days=1),
        end_date=datetime.date.today() + datetime.timedelta(days=1),
    )
    client.force_login(user)
    client.post(register_url(event))
    assert not Registration.objects.exists()
    assert "registration is closed" in client.get(event.url).content.decode()


def test_cancelling_a_registration_that_does_not_exist_changes_nothing(
    client, event_factory, user
):
    event = event_factory()
    client.force_login(user)
    response = client.post(cancel_url(event), follow=True)
    assert "You were not registered for this event." in response.content.decode()


def test_facilitators_see_the_registrants_and_members_do_not(client, world, event_factory):
    event = event_factory(parent=world.public)
    services.register(event=event, user=world.member)
    url = reverse("events:registrant_list", args=[event.pk])
    client.force_login(world.member)
    assert client.get(url).status_code == 403
    client.force_login(world.facilitator)
    response = client.get(url)
    assert response.status_code == 200
    assert world.member.get_full_name() in response.content.decode()
    assert "See the registrants" in client.get(event.url).content.decode()


def test_registrants_csv_escapes_cells_spreadsheets_would_run(client, editor, event_factory):
    event = event_factory()
    question = EventQuestion.objects.create(event=event, label="Anything else?")
    person = UserFactory(display_name='=HYPERLINK("http://evil.example","x")')
    services.register(event=event, user=person, answers={question: "+1 for captions"})
    for text in ("-2", "@SUM(A1)", "plain"):
        other = UserFactory()
        services.register(event=event, user=other, answers={question: text})
    client.force_login(editor)
    response = client.get(reverse("events:registrant_export", args=[event.pk]))
    assert response["Content-Type"].startswith("text/csv")
    rows = response.content.decode().splitlines()
    assert rows[0].startswith("Name,Email,Status")
    text = "\n".join(rows)
    assert "'=HYPERLINK" in text
    assert "'+1 for captions" in text
    assert "'-2" in text
    assert "'@SUM(A1)" in text
    assert ",plain" in text


def test_network_leads_are_organisers_too(client, world, event_factory):
    event = event_factory(parent=world.public)
    client.force_login(world.lead)
    assert client.get(reverse("events:registrant_list", args=[event.pk])).status_code == 200
