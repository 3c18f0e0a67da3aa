"""Keep the cached navigation (home.navigation) in step with what editors change."""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from home import navigation


def _invalidate(**kwargs):
    navigation.invalidate()


def connect():
    from home.models import NavigationSettings

    for model in (NavigationSettings, Site):
        post_save.connect(_invalidate, sender=model, dispatch_uid=f"navigation-{model.__name__}")
        post_delete.connect(
            _invalidate, sender=model, dispatch_uid=f"navigation-delete-{model.__name__}"
        )
    # Any page type: a menu link's URL or liveness may have changed.
    page_published.connect(_invalidate, dispatch_uid="navigation-published")
    page_unpublished.connect(_invalidate, dispatch_uid="navigation-unpublished")
    post_page_move.connect(_invalidate, dispatch_uid="navigation-moved")
    post_delete.connect(_invalidate, sender=Page, dispatch_uid="navigation-page-deleted")
