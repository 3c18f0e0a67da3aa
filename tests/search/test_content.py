"""Each kind of content is found by a word of its own, labelled with its type."""

import pytest

from search.models import Kind

pytestmark = pytest.mark.django_db

WORDS = {
    "lessontoken": (Kind.LESSON, "Publishing contracts in Kenya"),
    "networktoken": (Kind.NETWORK, "Open contracting"),
    "threadtoken": (Kind.DISCUSSION, "Publishing tenders"),
    "replytoken": (Kind.REPLY, "Reply in “Publishing tenders”"),
    "experttoken": (Kind.EXPERT, "Hana Host"),
    "livetoken": (Kind.LIVE_SESSION, "Live procurement clinic"),
    "eventtoken": (Kind.EVENT, "Data day"),
    "resourcetoken": (Kind.RESOURCE, "A toolkit"),
    "guidelinetoken": (Kind.GUIDELINE, "Publish first"),
    "principletoken": (Kind.GUIDELINE, None),
    "reviewtoken": (Kind.REVIEW, "Kenya commitments"),
    "pagetoken": (Kind.PAGE, "About us"),
}


@pytest.mark.parametrize("word", WORDS)
def test_each_kind_is_found_by_a_word_in_its_body(client, corpus, word):
    kind, title = WORDS[word]
    response = client.get("/search/", {"q": word})
    assert response.status_code == 200
    results = response.context["results"]
    assert len(results) == 1
    found = results[0]
    assert found["document"].kind == kind
    if title:
        assert found["document"].title == title
    assert f"<mark>{word}</mark>" in str(found["excerpt"])
    assert response.context["outcome"].facets["type"] == {kind: 1}


def test_results_link_to_the_item_and_name_its_network(client, corpus):
    response = client.get("/search/", {"q": "replytoken"})
    html = response.content.decode()
    assert f'href="/replies/{corpus.reply.pk}/"' in html or corpus.reply.get_absolute_url() in html
    assert "Open contracting" in html
    assert "Fay Facilitator" in html


def test_stemming_finds_other_forms_of_a_word(client, corpus):
    """ "tender" finds "tenders" (English stemming on PostgreSQL, FTS on SQLite)."""
    response = client.get("/search/", {"q": "publish tenders"})
    titles = [r["document"].title for r in response.context["results"]]
    assert "Publishing tenders" in titles


def test_a_phrase_in_quotes(client, corpus):
    response = client.get("/search/", {"q": '"publish threadtoken tenders"'})
    assert [r["document"].title for r in response.context["results"]] == ["Publishing tenders"]
