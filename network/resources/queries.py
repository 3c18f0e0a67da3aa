"""Reads of the resource centre: the listing queryset and filters with counts.

Filters combine (each narrows the others), stay in the URL as plain GET parameters and
show, next to each choice, how many resources it would leave given the other filters.
Every count is one query whatever the number of resources.
"""

from collections import Counter
from dataclasses import dataclass, fields, replace

from django.db.models import Count, F, Prefetch
from django.utils.http import urlencode
from wagtail.query import PageQuerySet

FACETS = ("type", "principle", "language", "country")
SORTS = ("newest", "title")


class ResourcePageQuerySet(PageQuerySet):
    def for_listing(self):
        """What a resource card shows, fetched with the rows (no query per card)."""
        from network.models import CharterPrinciple

        return self.select_related("document").prefetch_related(
            Prefetch("principles", queryset=CharterPrinciple.objects.order_by("order"))
        )

    def sorted_by(self, sort):
        if sort == "title":
            return self.order_by("title", "pk")
        # Newest material first (its year), then the newest in the centre.
        return self.order_by(F("year").desc(nulls_last=True), "-first_published_at", "-pk")


@dataclass(frozen=True)
class ResourceFilters:
    """The filters and sort of a resource listing, read from (and written to) a URL."""

    type: str = ""
    principle: str = ""
    language: str = ""
    country: str = ""
    sort: str = "newest"

    @classmethod
    def from_query(cls, data, facets=FACETS):
        """Read ``request.GET``; a value that is not a known choice is ignored."""
        from network.models import CharterPrinciple
        from network.models.resources import ResourceLanguage, ResourceType

        known = {
            "type": set(ResourceType.values),
            "language": set(ResourceLanguage.values),
            "country": None,  # checked below: any two-letter code
            "principle": None,  # checked against the principles when filtering
        }
        values = {}
        for facet in facets:
            value = str(data.get(facet, "")).strip()[:80]
            allowed = known[facet]
            if allowed is not None and value not in allowed:
                value = ""
            if facet == "country" and not (len(value) == 2 and value.isalpha()):
                value = ""
            values[facet] = value.upper() if facet == "country" else value
        if (
            values.get("principle")
            and not CharterPrinciple.objects.filter(slug=values["principle"]).exists()
        ):
            values["principle"] = ""
        sort = data.get("sort", "")
        values["sort"] = sort if sort in SORTS else "newest"
        return cls(**values)

    @property
    def active(self):
        return {facet: getattr(self, facet) for facet in FACETS if getattr(self, facet)}

    def apply(self, queryset, skip=None):
        """Narrow ``queryset`` by every active filter but ``skip``."""
        lookups = {
            "type": "resource_type",
            "principle": "principles__slug",
            "language": "language",
            # A comma-separated list of two-letter codes: a code matches only itself.
            "country": "countries__contains",
        }
        for facet, value in self.active.items():
            if facet != skip:
                queryset = queryset.filter(**{lookups[facet]: value})
        return queryset

    def query(self, **changes):
        """The URL query of these filters (with ``changes``), without defaults."""
        state = replace(self, **changes)
        pairs = [(f.name, getattr(state, f.name)) for f in fields(state)]
        return urlencode([(k, v) for k, v in pairs if v and not (k == "sort" and v == "newest")])


def facet_counts(queryset, filters, facets=FACETS):
    """``{facet: {value: count}}``: for each facet, how many resources each of its values
    leaves when combined with the *other* active filters. One query per facet."""
    counts = {}
    for facet in facets:
        narrowed = filters.apply(queryset, skip=facet).order_by()
        if facet == "country":
            counter = Counter()
            for codes in narrowed.values_list("countries", flat=True):
                counter.update(code for code in str(codes or "").split(",") if code)
            counts[facet] = dict(counter)
            continue
        field = {
            "type": "resource_type",
            "language": "language",
            "principle": "principles__slug",
        }[facet]
        rows = narrowed.values(field).annotate(n=Count("pk", distinct=True))
        counts[facet] = {row[field]: row["n"] for row in rows if row[field]}
    return counts
