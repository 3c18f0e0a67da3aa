"""PostgreSQL looks among the newest documents first (``search.query.RECENT_WINDOWS``):
the candidates are still the newest matches this person may see, wherever the slices
start, however stale their cached dates are."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.postgres.search import SearchVector
from django.core.cache import cache
from django.db.models import Value
from django.utils import timezone

from search import query
from search.indexing import CONFIG
from search.models import Kind, SearchDocument, Source, uses_postgres_search

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not uses_postgres_search(), reason="the window is PostgreSQL's"),
]


@pytest.fixture(autouse=True)
def uncached_window():
    cache.delete(query.RECENT_CACHE_KEY)
    yield
    cache.delete(query.RECENT_CACHE_KEY)


@pytest.fixture
def documents():
    """Twenty documents a day apart: every third one private, every other one a match."""
    now = timezone.now()
    for number in range(20):
        SearchDocument.objects.create(
            source=Source.POST,
            source_id=number,
            kind=Kind.REPLY,
            title=f"Reply {number}",
            body="windowtoken budget" if number % 2 == 0 else "budget",
            url=f"/replies/{number}/",
            network_id=7,
            public=number % 3 != 0,
            date=now - timedelta(days=number),
        )
    vector = SearchVector("title", "body", config=Value(CONFIG))
    SearchDocument.objects.update(search_vector=vector)
    return (
        SearchDocument.objects.filter(public=True, body__contains="windowtoken")
        .order_by("-date", "-pk")
        .values_list("pk", flat=True)
    )


@pytest.mark.parametrize("windows", [(1, 2), (4, 10), (3, 100), (100, 200)])
@pytest.mark.parametrize("limit", [1, 2, 5, 100])
def test_the_newest_visible_matches_whatever_the_slices(monkeypatch, documents, windows, limit):
    monkeypatch.setattr(query, "RECENT_WINDOWS", windows)
    found = [c.pk for c in query.matching(AnonymousUser(), "windowtoken", limit=limit)]
    assert found == list(documents[:limit])


@pytest.mark.parametrize("days", [(-1, 2), (3, 3), (3, 5), (30, 60)])
def test_stale_cached_dates_change_nothing(documents, days):
    now = timezone.now()
    cache.set(query.RECENT_CACHE_KEY, [now - timedelta(days=number) for number in days])
    found = [c.pk for c in query.matching(AnonymousUser(), "windowtoken", limit=3)]
    assert found == list(documents[:3])
