"""Library and lesson pages run the same number of queries at 3 and at 60 lessons."""

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

# Exact counts, the same at 3 and 60 lessons; the ceilings they must stay under.
LIBRARY_QUERIES = 21  # ceiling 30
LESSON_QUERIES = 29  # ceiling 40 (page, network, authors, facts, related lessons, discussion)


def make_lessons(lesson_factory, world, charter_principles, count):
    lessons = []
    for number in range(count):
        lessons.append(
            lesson_factory(
                world.private if number % 3 == 0 else world.public,
                world.member,
                title=f"Lesson {number}",
                country=["UY", "KE", "PH"][number % 3],
                government_level="national",
                sector="procurement",
                principles=charter_principles[: 1 + number % 6],
                tags=[f"topic {number}", "shared"],
            )
        )
    return lessons


def count_queries(client, url):
    for cache in caches.all():
        cache.clear()
    client.get(url)  # warm Wagtail's per-process caches (site root paths, content types)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("size", [3, 60])
def test_library_queries_do_not_grow(
    world, lesson_factory, library, client, charter_principles, size
):
    make_lessons(lesson_factory, world, charter_principles, size)
    client.force_login(world.member)
    assert count_queries(client, library.url) == LIBRARY_QUERIES
    filtered = f"{library.url}?principle={charter_principles[0].slug}&tag=shared&sort=discussed"
    assert count_queries(client, filtered) == LIBRARY_QUERIES


@pytest.mark.parametrize("size", [3, 60])
def test_lesson_page_queries_do_not_grow(
    world, lesson_factory, library, client, charter_principles, size
):
    lessons = make_lessons(lesson_factory, world, charter_principles, size)
    lesson = lesson_factory(
        world.public,
        world.member,
        title="The one we read",
        principles=charter_principles,
        tags=["shared", *(f"topic {number}" for number in range(size))],
    )
    assert len(lessons) == size
    client.force_login(world.member)
    assert count_queries(client, lesson.url) == LESSON_QUERIES
