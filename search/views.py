"""The search page (``/search/``): the form, facets with counts and one page of results."""

from collections import Counter

from django.db.models import Q
from django.shortcuts import render
from django_countries import countries
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Site
from wagtail.search.utils import normalise_query_string

from network import permissions as network_permissions
from network.models import CharterPrinciple, ExpertIndexPage, LearningNetworkPage
from search import highlight, query, suggest
from search.forms import DATES, SearchForm
from search.models import Kind, SearchDocument, Source
from search.tasks import record_search

FILTERS = ("type", "network", "principle", "country", "date", "mine")


def search(request):
    form = SearchForm(request.GET)
    params = form.params()
    user = request.user
    searched = bool(params["q"]) or any(params[name] for name in FILTERS)
    context = {"form": form, "params": params, "searched": searched}
    if searched:
        networks = {row["slug"]: row for row in _networks()}
        principles = {
            row["slug"]: row for row in CharterPrinciple.objects.values("pk", "name", "slug")
        }
        chosen_network = networks.get(params["network"])
        chosen_principle = principles.get(params["principle"])
        outcome = query.run(
            user,
            params,
            network_id=chosen_network["pk"] if chosen_network else 0,
            principle_id=chosen_principle["pk"] if chosen_principle else 0,
        )
        by_id = {row["pk"]: row for row in networks.values()}
        context.update(
            outcome=outcome,
            results=_results(outcome.documents, params["q"], by_id),
            facets=_facets(outcome.facets, params, by_id, principles, request.GET),
            chosen_network=_shown_network(user, chosen_network),
            promotions=_promotions(user, params) if outcome.page_number == 1 else [],
        )
        if params["q"] and not outcome.total:
            context["suggestion"] = suggest.did_you_mean(user, params["q"])
        if not outcome.total:
            context["experts_url"] = _experts_url()
        if params["q"] and outcome.page_number == 1:
            record_search.enqueue(query_string=params["q"])
    template = "search/search.html#results" if request.htmx else "search/search.html"
    return render(request, template, context)


def _networks():
    rows = LearningNetworkPage.objects.live().values(
        "pk", "title", "slug", "url_path", "visibility", "listed_publicly", "join_policy"
    )
    roots = [root.root_path for root in Site.get_site_root_paths()]
    for row in rows:
        root = next((path for path in roots if row["url_path"].startswith(path)), None)
        row["url"] = row["url_path"][len(root) - 1 :] if root else None
        yield row


def _shown_network(user, row):
    """The network of "search this network", named only to people who may know of it."""
    if row is None:
        return None
    network = LearningNetworkPage(
        pk=row["pk"],
        visibility=row["visibility"],
        listed_publicly=row["listed_publicly"],
        join_policy=row["join_policy"],
    )
    return row if network_permissions.can_see_teaser(user, network) else None


def _results(documents, text, networks):
    pattern = highlight.pattern_for(text)
    kinds = dict(Kind.choices)
    return [
        {
            "document": doc,
            "kind": kinds.get(doc.kind, doc.kind),
            "title": highlight.mark(doc.title, pattern),
            "excerpt": highlight.excerpt(doc.body, pattern),
            "network": networks.get(doc.network_id),
        }
        for doc in documents
    ]


def _facets(counts, params, networks, principles, query_dict):
    """Each facet as a list of options ``{value, label, count, selected, url}``, the
    most frequent first; a chosen value stays listed even when nothing is left in it.
    An option's ``url`` chooses it, or removes it when it is the chosen one."""

    def options(counter, labels, chosen, name, keep_order=False):
        if keep_order:
            values = [value for value in labels if counter[value]]
        else:
            values = [value for value, _count in counter.most_common() if value in labels]
        if chosen and chosen in labels and chosen not in values:
            values.append(chosen)
        return [
            {
                "value": v,
                "label": labels[v],
                "count": counter[v],
                "selected": v == chosen,
                "url": _toggle(query_dict, name, v, v == chosen),
            }
            for v in values
        ]

    principle_by_id = {row["pk"]: row for row in principles.values()}
    principle_counts = Counter(
        {
            principle_by_id[pk]["slug"]: n
            for pk, n in counts["principle"].items()
            if pk in principle_by_id
        }
    )
    # Only networks holding something this person may see are named.
    network_counts = Counter(
        {networks[pk]["slug"]: n for pk, n in counts["network"].items() if pk in networks}
    )
    network_labels = {
        row["slug"]: row["title"] for row in networks.values() if row["slug"] in network_counts
    }
    return {
        "type": options(counts["type"], dict(Kind.choices), params["type"], "type"),
        "network": options(network_counts, network_labels, params["network"], "network"),
        "principle": options(
            Counter(principle_counts),
            {row["slug"]: row["name"] for row in principles.values()},
            params["principle"],
            "principle",
        ),
        "country": options(counts["country"], dict(countries), params["country"], "country"),
        "date": options(counts["date"], dict(DATES), params["date"], "date", keep_order=True),
        "mine": counts["mine"]["mine"],
    }


def _toggle(query_dict, name, value, selected):
    """The search URL with ``name`` set to ``value`` (or removed), back on page 1."""
    changed = query_dict.copy()
    changed.pop("page", None)
    if selected:
        changed.pop(name, None)
    else:
        changed[name] = value
    return f"?{changed.urlencode()}"


def _promotions(user, params):
    """Editors' promoted results for this query: links, and pages this person may see."""
    if not params["q"]:
        return []
    picks = list(
        SearchPromotion.objects.filter(query__query_string=normalise_query_string(params["q"]))
        .select_related("page")
        .order_by("sort_order")
    )
    page_ids = [pick.page_id for pick in picks if pick.page_id]
    visible = set()
    if page_ids:
        visible = set(
            SearchDocument.objects.visible_to(user)
            .filter(Q(source=Source.PAGE) & Q(source_id__in=page_ids))
            .values_list("source_id", flat=True)
        )
    shown = []
    for pick in picks:
        if pick.page_id and pick.page_id in visible:
            shown.append(
                {"title": pick.page.title, "url": pick.page.url, "description": pick.description}
            )
        elif not pick.page_id and pick.external_link_url:
            shown.append(
                {
                    "title": pick.external_link_text or pick.external_link_url,
                    "url": pick.external_link_url,
                    "description": pick.description,
                }
            )
    return shown


def _experts_url():
    index = ExpertIndexPage.objects.live().only("pk", "url_path").first()
    return index.url if index else None
