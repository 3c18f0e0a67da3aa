"""Running a search for one person: matches, facets with counts, one page of results.

How it stays fast (see the README, "Search"):

1. One query fetches the *candidates*: up to ``CANDIDATE_LIMIT`` documents this person
   may see that match the words (the newest ones when there are more), as small tuples of
   the facet columns and a relevance score. PostgreSQL answers from the GIN index on
   ``search_vector``, newest documents first (further queries look at older ones when
   those were not enough); SQLite through Wagtail's FTS backend.
2. Facet counts, filters and sorting run over those tuples in Python: each facet is
   counted with every *other* filter applied, so its counts say what choosing it gives.
3. One more query reads the page of documents shown, whose excerpts are highlighted here.

Privacy comes only from step 1's filter (``search.permissions``): what is never fetched
can be neither shown nor counted.
"""

import datetime
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.core.cache import cache
from django.db.models import F
from django.utils import timezone
from wagtail.search.utils import parse_query_string

from search import permissions
from search.indexing import CONFIG
from search.models import SearchDocument, uses_postgres_search

CANDIDATE_LIMIT = 1000
#: PostgreSQL looks for matches among the newest documents first, in these slices.
RECENT_WINDOWS = (40 * CANDIDATE_LIMIT, 80 * CANDIDATE_LIMIT)
RECENT_CACHE_KEY = "search:recent-since"
RECENT_CACHE_SECONDS = 300
PAGE_SIZE = 20
DATE_WINDOWS = {"week": 7, "month": 30, "year": 365}
CANDIDATE_COLUMNS = ("pk", "kind", "network_id", "country", "date", "principle_ids")


@dataclass
class Candidate:
    pk: int
    kind: str
    network_id: int | None
    country: str
    date: datetime.datetime
    principles: frozenset
    score: float


@dataclass
class Outcome:
    total: int = 0
    capped: bool = False
    page_number: int = 1
    page_count: int = 0
    documents: list = field(default_factory=list)
    facets: dict = field(default_factory=dict)

    @property
    def page_start(self):
        return (self.page_number - 1) * PAGE_SIZE + 1

    @property
    def previous_page(self):
        return self.page_number - 1

    @property
    def next_page(self):
        return self.page_number + 1


def matching(user, text, limit=CANDIDATE_LIMIT):
    """Candidates this person may see that match ``text`` (all visible ones when empty)."""
    docs = SearchDocument.objects.visible_to(user)
    if not text:
        rows = docs.order_by("-date", "-pk").values_list(*CANDIDATE_COLUMNS)[:limit]
        return [_candidate(row, 0.0) for row in rows]
    if uses_postgres_search():
        return _matching_in_postgres(docs, text, limit)
    return _matching_in_wagtail(docs, text, limit)


def _matching_in_postgres(docs, text, limit):
    """The newest matches, looked for among the newest documents first.

    The documents are searched in slices by date, newest first: the newest
    ``RECENT_WINDOWS[0]`` documents, then the next ones up to ``RECENT_WINDOWS[1]``, then
    the rest, stopping as soon as ``limit`` matches are found. A word in one document in
    forty needs only the first slice. The result is the newest ``limit`` matches whatever
    the slices' dates are: slicing only lets PostgreSQL combine the GIN index with the
    date index instead of walking the date index through tens of thousands of rows that
    do not match, or reading every match of a word that is in a few percent of them.
    """
    query = SearchQuery(text, search_type="websearch", config=CONFIG)
    matches = (
        docs.filter(search_vector=query)
        .annotate(rank=SearchRank(F("search_vector"), query))
        .order_by("-date", "-pk")
        .values_list(*CANDIDATE_COLUMNS, "rank")
    )
    rows = []
    newer_than = None
    for since in [*_recent_since(), None]:
        part = matches if since is None else matches.filter(date__gte=since)
        if newer_than is not None:
            part = part.filter(date__lt=newer_than)
        rows += part[: limit - len(rows)]
        if len(rows) >= limit:
            break
        newer_than = since
    return [_candidate(row[:-1], row[-1]) for row in rows]


def _recent_since():
    """The dates from which the newest ``RECENT_WINDOWS`` documents start (those that
    exist), cached for a few minutes: dates that have aged a little only make the slices
    hold a few more documents."""
    cached = cache.get(RECENT_CACHE_KEY)
    if cached is None:
        dates = SearchDocument.objects.order_by("-date").values_list("date", flat=True)
        cached = []
        for size in RECENT_WINDOWS:
            found = list(dates[size - 1 : size])
            if not found:
                break
            cached.append(found[0])
        cache.set(RECENT_CACHE_KEY, cached, RECENT_CACHE_SECONDS)
    return cached


def _matching_in_wagtail(docs, text, limit):
    """SQLite: Wagtail's FTS5 backend ranks; its order becomes the score."""
    _filters, query = parse_query_string(text, operator="and")
    docs = docs.only(*CANDIDATE_COLUMNS)
    results = list(docs.search(query, order_by_relevance=True)[:limit])
    return [
        _candidate([getattr(doc, name) for name in CANDIDATE_COLUMNS], float(len(results) - n))
        for n, doc in enumerate(results)
    ]


def _candidate(row, score):
    pk, kind, network_id, country, date, principle_ids = row
    principles = frozenset(int(p) for p in principle_ids.strip(",").split(",") if p)
    return Candidate(pk, kind, network_id, country, date, principles, score or 0.0)


class Filters:
    """The chosen facet values, as tests on candidates."""

    def __init__(self, params, *, network_id=None, principle_id=None, mine_ids=()):
        self.params = params
        self.now = timezone.now()
        self.tests = {}
        if params["type"]:
            self.tests["type"] = lambda c: c.kind == params["type"]
        if params["network"]:
            self.tests["network"] = lambda c: c.network_id == network_id
        if params["principle"]:
            self.tests["principle"] = lambda c: principle_id in c.principles
        if params["country"]:
            self.tests["country"] = lambda c: c.country == params["country"]
        if params["date"]:
            self.tests["date"] = lambda c: params["date"] in self.date_buckets(c)
        if params["mine"]:
            mine = set(mine_ids)
            self.tests["mine"] = lambda c: c.network_id in mine

    def date_buckets(self, candidate):
        if candidate.date > self.now:  # an event or live session still to come
            return ["upcoming"]
        buckets = [name for name, since in self.since.items() if candidate.date >= since]
        return buckets or ["older"]

    @cached_property
    def since(self):
        """``{window: oldest date in it}``."""
        return {name: self.now - datetime.timedelta(days) for name, days in DATE_WINDOWS.items()}

    def keep(self, candidate, *, ignoring=None):
        return all(test(candidate) for name, test in self.tests.items() if name != ignoring)

    def failed(self, candidate):
        """The names of the filters this candidate fails."""
        return [name for name, test in self.tests.items() if not test(candidate)]


def facet_counts(candidates, filters, mine_ids):
    """``{facet: Counter}``, each facet counted with the other facets' filters applied.

    Each candidate is tested once: it counts in every facet when it fails no filter, only
    in the one facet whose filter it fails when it fails one, and nowhere otherwise."""
    counts = {name: Counter() for name in ("type", "network", "principle", "country", "date")}
    mine = set(mine_ids)
    counts["mine"] = Counter()
    for c in candidates:
        failed = filters.failed(c)
        if len(failed) > 1:
            continue
        only = failed[0] if failed else None
        if only in (None, "type"):
            counts["type"][c.kind] += 1
        if c.network_id is not None and only in (None, "network"):
            counts["network"][c.network_id] += 1
        if c.principles and only in (None, "principle"):
            counts["principle"].update(c.principles)
        if c.country and only in (None, "country"):
            counts["country"][c.country] += 1
        if only in (None, "date"):
            counts["date"].update(filters.date_buckets(c))
        if c.network_id in mine and only in (None, "mine"):
            counts["mine"]["mine"] += 1
    return counts


def run(user, params, *, network_id=None, principle_id=None, facets=True):
    """Search for ``user`` with the form's ``params``; returns an ``Outcome``
    (``facets=False`` skips the counts, for the benchmark's comparison)."""
    mine_ids = permissions.my_network_ids(user)
    candidates = matching(user, params["q"])
    filters = Filters(params, network_id=network_id, principle_id=principle_id, mine_ids=mine_ids)
    kept = [c for c in candidates if filters.keep(c)]
    if params["sort"] == "newest" or not params["q"]:
        kept.sort(key=lambda c: (c.date, c.pk), reverse=True)
    else:
        kept.sort(key=lambda c: (c.score, c.date, c.pk), reverse=True)
    page_count = max(1, -(-len(kept) // PAGE_SIZE))
    number = min(params["page"], page_count)
    shown = kept[(number - 1) * PAGE_SIZE : number * PAGE_SIZE]
    return Outcome(
        total=len(kept),
        capped=len(candidates) >= CANDIDATE_LIMIT,
        page_number=number,
        page_count=page_count,
        documents=_documents([c.pk for c in shown]),
        facets=facet_counts(candidates, filters, mine_ids) if facets else {},
    )


def _documents(pks):
    if not pks:
        return []
    docs = SearchDocument.objects.filter(pk__in=pks).only(
        "pk", "kind", "title", "body", "url", "byline", "network_id", "date"
    )
    by_pk = {doc.pk: doc for doc in docs}
    return [by_pk[pk] for pk in pks if pk in by_pk]


def any_match(user, text):
    """Does anything this person may see match? (For "did you mean".)"""
    return bool(matching(user, text, limit=1))
