import pytest


@pytest.mark.parametrize(
    ("role", "status"),
    [("anonymous", 404), ("outsider", 404), ("pending", 404), ("member", 200), ("editor", 200)],
)
def test_lesson_of_a_members_only_network_is_hidden_from_outsiders(
    world, lesson_factory, as_role, client, role, status
):
    lesson = lesson_factory(world.private, world.member, title="Private lesson")
    as_role(role)
    assert client.get(lesson.url).status_code == status


def test_public_lesson_shows_sections_and_authors(world, lesson_factory, client):
    lesson = lesson_factory(
        world.public, world.member, title="Tender notices", challenge="Nobody read them."
    )
    response = client.get(lesson.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Tender notices" in html
    assert "Nobody read them." in html
    assert str(world.member) in html


def test_library_lists_only_lessons_the_person_may_see(
    world, lesson_factory, library, as_role, client
):
    lesson_factory(world.public, world.member, title="Open lesson")
    lesson_factory(world.private, world.member, title="Closed lesson")
    lesson_factory(world.public, world.member, title="Draft lesson", publish=False)
    as_role("outsider")
    html = client.get(library.url).content.decode()
    assert "Open lesson" in html
    assert "Closed lesson" not in html
    assert "Draft lesson" not in html
    as_role("member")
    html = client.get(library.url).content.decode()
    assert "Closed lesson" in html
    assert "Draft lesson" not in html
