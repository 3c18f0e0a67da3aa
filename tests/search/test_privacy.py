"""Results, counts, excerpts and suggestions come only from what the person may see.

Every private item of the corpus carries ``kumquatsecret``: a members-only thread, reply,
lesson and event, a hidden reply and thread, a deleted reply, a draft and an in-review
lesson, an event's online link, an unpublished page and an unpublished review.
"""

import pytest

from search.models import SearchDocument
from tests.search.conftest import SECRET

pytestmark = pytest.mark.django_db


PRIVATE_WORDS = (
    "privatethread",
    "privatereply",
    "privatelesson",
    "privateevent",
    "hiddenreply",
    "deletedreply",
    "hiddenthread",
    "draftlesson",
    "inreview",
    "onlinelink",
    "draftpage",
    "draftreview",
)


def search(client, user, **params):
    client.logout()
    if user is not None:
        client.force_login(user)
    response = client.get("/search/", params)
    assert response.status_code == 200
    return response


def everything_counted(response):
    outcome = response.context["outcome"]
    counted = sum(outcome.facets["type"].values())
    return outcome.total, counted


@pytest.mark.parametrize("role", ["anonymous", "outsider"])
def test_outsiders_never_meet_the_secret_word(client, corpus, role):
    user = None if role == "anonymous" else corpus.outsider
    for query in (SECRET, f'"{SECRET}"', SECRET[:-1], SECRET.upper()):
        response = search(client, user, q=query)
        assert everything_counted(response) == (0, 0)
        html = response.content.decode()
        for word in PRIVATE_WORDS:
            assert word not in html
        assert "Budget talk" not in html and "Budget lesson" not in html
        assert response.context.get("suggestion") is None


def test_browsing_without_words_counts_no_private_item(client, corpus):
    """Filters alone list everything visible: the private network is never counted."""
    response = search(client, corpus.outsider, type="discussion")
    outcome = response.context["outcome"]
    assert corpus.private.pk not in outcome.facets["network"]
    titles = {r["document"].title for r in response.context["results"]}
    assert "Budget talk" not in titles
    assert "Hidden one" not in titles


def test_a_member_finds_their_private_network_but_never_hidden_or_unpublished_items(
    client, corpus
):
    response = search(client, corpus.member, q=SECRET)
    titles = sorted(r["document"].title for r in response.context["results"])
    assert titles == ["Budget lesson", "Budget meetup", "Budget talk", "Reply in “Budget talk”"]
    html = response.content.decode()
    for word in PRIVATE_WORDS[4:]:
        assert word not in html


def test_staff_editors_find_private_networks_but_not_hidden_posts(client, corpus):
    response = search(client, corpus.editor, q=SECRET)
    kinds = {r["document"].kind for r in response.context["results"]}
    assert kinds == {"discussion", "reply", "lesson", "event"}
    assert "hiddenreply" not in response.content.decode()


def test_hidden_and_unpublished_items_have_no_document_at_all(corpus):
    assert not SearchDocument.objects.filter(body__icontains="hiddenreply").exists()
    assert not SearchDocument.objects.filter(body__icontains="onlinelink").exists()
    assert not SearchDocument.objects.filter(body__icontains="draftlesson").exists()
    assert not SearchDocument.objects.filter(body__icontains="inreview").exists()
    assert not SearchDocument.objects.filter(body__icontains="draftreview").exists()


def test_search_this_network_names_a_private_network_only_to_its_members(client, corpus):
    outsider = search(client, corpus.outsider, q="budget", network="budget-circle")
    assert outsider.context["chosen_network"] is None
    assert "Budget circle" not in outsider.content.decode()
    assert outsider.context["outcome"].total == 0
    member = search(client, corpus.member, q="budget", network="budget-circle")
    assert member.context["chosen_network"]["title"] == "Budget circle"
    assert member.context["outcome"].total >= 1


def test_did_you_mean_never_suggests_a_private_word(client, corpus):
    typo = SECRET[:4] + "x" + SECRET[5:]
    assert search(client, corpus.outsider, q=typo).context.get("suggestion") is None
    assert search(client, corpus.member, q=typo).context["suggestion"] == SECRET


def test_a_promoted_private_page_is_shown_only_to_those_who_may_see_it(client, corpus):
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion

    SearchPromotion.objects.create(
        query=Query.get("budget plans"), page=corpus.private_lesson, description="Ours."
    )
    SearchPromotion.objects.create(
        query=Query.get("budget plans"), page=corpus.lesson, description="Read this."
    )
    outsider = search(client, corpus.outsider, q="Budget  Plans")
    assert [p["title"] for p in outsider.context["promotions"]] == [corpus.lesson.title]
    member = search(client, corpus.member, q="budget plans")
    assert {p["title"] for p in member.context["promotions"]} == {
        corpus.lesson.title,
        corpus.private_lesson.title,
    }
