"""Keeping the search documents in step with the content (writes only).

``update(source, ids)`` rebuilds the documents of those items (removing the ones that
may no longer be found); ``rebuild()`` redoes everything, for the management command
and the demo. Both refresh PostgreSQL's ``tsvector`` column and the "did you mean"
vocabulary in bulk.
"""

import re

from django.contrib.postgres.search import SearchVector
from django.db import transaction
from django.db.models import Value
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from discussions.models import Post, Thread
from network.models.reviews import CommitmentReview
from search import documents
from search.models import Kind, SearchDocument, SearchTerm, Source, uses_postgres_search

#: The text search configuration: English stemming ("cities" finds "city").
CONFIG = "english"
_WORD = re.compile(r"[^\W\d_]{3,40}")
BATCH = 500


@transaction.atomic
def update(source, ids):
    """Bring the documents of these items up to date; returns how many exist now."""
    ids = {int(pk) for pk in ids}
    if source == Source.THREAD:
        before = {
            source_id: (network_id, title)
            for source_id, network_id, title in SearchDocument.objects.of(source, ids).values_list(
                "source_id", "network_id", "title"
            )
        }
    built = documents.build(source, ids)
    stale = SearchDocument.objects.of(source, ids - set(built))
    for doc in stale:  # one by one, so Wagtail's own index (SQLite) forgets them too
        doc.delete()
    changed = []
    for source_id, fields in built.items():
        doc, _created = SearchDocument.objects.update_or_create(
            source=source, source_id=source_id, defaults=fields
        )
        changed.append(doc)
    _refresh_vectors([doc.pk for doc in changed])
    _learn_words(changed)
    if source == Source.THREAD:
        _follow_thread(ids, built, before)
    elif source == Source.PAGE:
        for doc in changed:
            if doc.kind == Kind.NETWORK:
                set_network_public(doc.source_id, doc.public)
    return len(changed)


def _follow_thread(ids, built, before):
    """A thread's replies go with it: gone when it is hidden or deleted, back when it is
    restored, moved when it moves to another network, renamed when it is renamed."""
    gone = ids - set(built)
    if gone:
        remove(Source.POST, Post.objects.filter(thread_id__in=gone).values_list("pk", flat=True))
    again = [pk for pk, doc in built.items() if before.get(pk, (None,))[0] != doc["network_id"]]
    if again:
        update(Source.POST, Post.objects.filter(thread_id__in=again).values_list("pk", flat=True))
    for pk, doc in built.items():
        if pk in before and pk not in again and before[pk][1] != doc["title"]:
            # Only the heading shown in results changes (replies are found by their own
            # words): one UPDATE, however many replies.
            SearchDocument.objects.filter(
                source=Source.POST,
                source_id__in=Post.objects.filter(thread_id=pk).values("pk"),
            ).update(title=documents.reply_title(doc["title"]))


def remove(source, ids):
    for doc in SearchDocument.objects.of(source, ids):
        doc.delete()


def set_network_public(network_id, public):
    """A network became public or members-only: one UPDATE moves all it holds."""
    SearchDocument.objects.filter(network_id=network_id).update(public=public)


@transaction.atomic
def rebuild(*, stdout=None):
    """Rebuild every document from the content, in batches."""
    SearchDocument.objects.all().delete()
    SearchTerm.objects.all().delete()
    sources = {
        Source.PAGE: Page.objects.filter(live=True, depth__gt=1),
        Source.THREAD: Thread.objects.filter(is_hidden=False),
        Source.POST: Post.objects.filter(is_hidden=False, is_deleted=False),
        Source.REVIEW: CommitmentReview.objects.published_with_consent(),
    }
    total = 0
    for source, queryset in sources.items():
        ids = list(queryset.order_by("pk").values_list("pk", flat=True))
        for start in range(0, len(ids), BATCH):
            built = documents.build(source, ids[start : start + BATCH])
            docs = SearchDocument.objects.bulk_create(
                [SearchDocument(source=source, source_id=pk, **f) for pk, f in built.items()]
            )
            _index_in_wagtail(docs)
            _learn_words(docs)
            total += len(docs)
        if stdout is not None:
            stdout.write(f"{source}: {len(ids)} items")
    _refresh_vectors(None)
    return total


def _index_in_wagtail(docs):
    """SQLite: Wagtail's backend keeps the FTS index (bulk_create sends no signals)."""
    if docs and not uses_postgres_search():
        get_search_backend().add_bulk(SearchDocument, docs)


def _refresh_vectors(pks):
    """PostgreSQL: weighted tsvector of title (A) and body (B), in one UPDATE."""
    if not uses_postgres_search() or pks == []:
        return
    docs = (
        SearchDocument.objects.all() if pks is None else SearchDocument.objects.filter(pk__in=pks)
    )
    docs.update(
        search_vector=SearchVector("search_title", weight="A", config=Value(CONFIG))
        + SearchVector("body", weight="B", config=Value(CONFIG))
    )


def words_in(text):
    """The words of ``text`` as the index counts them, lower-cased, in order."""
    return [word.lower() for word in _WORD.findall(text or "")]


def words_of(text):
    return set(words_in(text))


def _learn_words(docs):
    words = set()
    for doc in docs:
        words |= words_of(doc.search_title) | words_of(doc.body)
    if words:
        SearchTerm.objects.bulk_create(
            [SearchTerm(word=word) for word in sorted(words)],
            ignore_conflicts=True,
            batch_size=2000,
        )
