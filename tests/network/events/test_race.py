"""Two people asking for the last seat at the same moment: one gets it, one waits.

Needs real concurrent transactions, so it runs on PostgreSQL (SQLite serialises every
write to the whole database and ignores SELECT ... FOR UPDATE).
"""

import threading

import pytest
from django.db import connection, connections, transaction

from network.events import services
from network.models.events import EventPage, Registration, RegistrationStatus
from tests.factories import UserFactory

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs PostgreSQL row locks and concurrent writers"
)


@pytest.mark.django_db(transaction=True)
def test_two_people_register_for_the_last_seat_at_once(home_page, event_factory):
    event = event_factory(capacity=2)
    services.register(event=event, user=UserFactory())  # one seat left
    people = [UserFactory(), UserFactory()]
    started = threading.Barrier(3)
    results, errors = {}, []

    def register(person):
        try:
            started.wait()
            fresh = EventPage.objects.get(pk=event.pk)
            results[person.pk] = services.register(event=fresh, user=person).status
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=register, args=(person,)) for person in people]
    # Hold the event's lock while both threads start, so both are inside the service,
    # past their own checks, when it is released: the race is real, not sequential.
    with transaction.atomic():
        EventPage.objects.select_for_update(of=("self",)).get(pk=event.pk)
        for thread in threads:
            thread.start()
        started.wait()
        for thread in threads:
            thread.join(timeout=0.5)
        assert all(thread.is_alive() for thread in threads), "they did not wait for the lock"
    for thread in threads:
        thread.join(timeout=20)
    assert not errors, errors
    assert sorted(results.values()) == [RegistrationStatus.REGISTERED, RegistrationStatus.WAITING]
    assert Registration.objects.filter(event=event).registered().count() == 2
