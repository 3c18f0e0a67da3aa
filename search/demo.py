"""Demo: index everything the other seeders made, and promote results for two queries."""

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page

from search import indexing

PROMOTIONS = [
    ("procurement", "/guidelines/", "Start with the Charter's guidelines."),
    ("open data charter", "/guidelines/", "The six principles, explained with examples."),
]


def seed(stdout):
    for query_string, url_path_end, description in PROMOTIONS:
        page = Page.objects.live().filter(url_path__endswith=url_path_end).first()
        query = Query.get(query_string)
        if page is not None and not query.editors_picks.exists():
            SearchPromotion.objects.create(
                query=query, page=page, description=description, sort_order=0
            )
    total = indexing.rebuild()
    stdout.write(f"  {total} search documents")
