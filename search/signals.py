"""Search follows the content: each change queues a refresh of its documents on commit.

Content apps never import search; search listens to their signals (and Wagtail's).
The task reads the items again from the database, so what is indexed is what was
committed and live, never an unsaved draft held in memory.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction, get_page_models
from wagtail.signals import page_published, page_unpublished, post_page_move

from discussions.models import Post, Thread
from discussions.signals import visibility_changed
from network.models.reviews import Commitment, CommitmentReview
from search import indexing
from search.models import Source
from search.tasks import update_documents


def schedule(source, ids):
    """Refresh the documents of these items once the transaction commits."""
    ids = sorted({int(pk) for pk in ids if pk is not None})
    if ids:
        transaction.on_commit(
            lambda: update_documents.enqueue(source=str(source), ids=ids), robust=True
        )


def _page_changed(sender, instance, **kwargs):
    schedule(Source.PAGE, [instance.pk])


def _page_tree_changed(sender, instance, **kwargs):
    page = instance if isinstance(instance, Page) else instance.page
    schedule(
        Source.PAGE, Page.objects.descendant_of(page, inclusive=True).values_list("pk", flat=True)
    )


def _page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        indexing.remove(Source.PAGE, [instance.pk])


def _thread_saved(sender, instance, **kwargs):
    schedule(Source.THREAD, [instance.pk])


def _post_saved(sender, instance, **kwargs):
    schedule(Source.POST, [instance.pk])


def _thread_deleted(sender, instance, **kwargs):
    indexing.remove(Source.THREAD, [instance.pk])


def _post_deleted(sender, instance, **kwargs):
    indexing.remove(Source.POST, [instance.pk])


def _visibility_changed(sender, thread_ids=(), post_ids=(), **kwargs):
    schedule(Source.THREAD, thread_ids)
    schedule(Source.POST, post_ids)


def _review_saved(sender, instance, **kwargs):
    schedule(Source.REVIEW, [instance.pk])


def _commitment_changed(sender, instance, **kwargs):
    schedule(Source.REVIEW, [instance.review_id])


def _review_deleted(sender, instance, **kwargs):
    indexing.remove(Source.REVIEW, [instance.pk])


def connect():
    page_published.connect(_page_changed, dispatch_uid="search_page_published")
    page_unpublished.connect(_page_changed, dispatch_uid="search_page_unpublished")
    post_page_move.connect(_page_tree_changed, dispatch_uid="search_page_moved")
    for model in get_page_models():
        post_delete.connect(_page_deleted, sender=model, dispatch_uid=f"search_del_{model}")
    for signal in (post_save, post_delete):
        signal.connect(
            _page_tree_changed,
            sender=PageViewRestriction,
            dispatch_uid=f"search_restriction_{signal}",
        )
    post_save.connect(_thread_saved, sender=Thread, dispatch_uid="search_thread_saved")
    post_save.connect(_post_saved, sender=Post, dispatch_uid="search_post_saved")
    post_delete.connect(_thread_deleted, sender=Thread, dispatch_uid="search_thread_deleted")
    post_delete.connect(_post_deleted, sender=Post, dispatch_uid="search_post_deleted")
    visibility_changed.connect(_visibility_changed, dispatch_uid="search_visibility_changed")
    post_save.connect(_review_saved, sender=CommitmentReview, dispatch_uid="search_review_saved")
    post_delete.connect(_review_deleted, sender=CommitmentReview, dispatch_uid="search_review_del")
    for signal in (post_save, post_delete):
        signal.connect(
            _commitment_changed, sender=Commitment, dispatch_uid=f"search_commitment_{signal}"
        )
