"""Background work for search: refresh documents after content changed (on commit)."""

from django.tasks import task

from search import indexing


@task()
def update_documents(*, source, ids):
    indexing.update(source, ids)


@task()
def record_search(*, query_string):
    """Count the query for Wagtail's search promotions ("popular search terms")."""
    from wagtail.contrib.search_promotions.models import Query

    Query.get(query_string).add_hit()
