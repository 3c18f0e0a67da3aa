import pytest

from tests.network.events.factories import EventIndexPageFactory, EventPageFactory


@pytest.fixture
def event_index(home_page):
    return EventIndexPageFactory(parent=home_page)


@pytest.fixture
def event_factory(event_index):
    """``event_factory(parent=network, capacity=2, ...)``: site-wide unless a parent is given."""

    def make(parent=None, **fields):
        return EventPageFactory(parent=parent or event_index, **fields)

    return make
