"""Discussions' side of lessons, through signals (network never imports discussions).

* When a lesson is first published (Wagtail's ``page_published``), its authors and the
  followers of its network are told, once each, if they may read the network.
* Threads about a lesson and their replies keep the lesson's ``discussion_count`` up to
  date (the library sorts by it), recounted after the transaction commits.
"""

from django.db import transaction
from django.db.models import Sum
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.signals import page_published

from accounts import email_kinds
from discussions.models import Follow, Post, Thread
from discussions.notifications import _message, _send
from network.models.lessons import LessonPage

VERB_LESSON_PUBLISHED = "lessons.published"
VERB_NETWORK_LESSON = "lessons.network_lesson"


def register_email_kinds():
    email_kinds.register(VERB_LESSON_PUBLISHED, gettext_lazy("My lesson is published"))
    email_kinds.register(VERB_NETWORK_LESSON, gettext_lazy("New lessons in networks I follow"))


@receiver(page_published, sender=LessonPage, dispatch_uid="discussions_lesson_published")
def lesson_published(sender, instance, revision=None, **kwargs):
    lesson = instance
    if lesson.first_published_at != lesson.last_published_at:
        return  # a later edit of a published lesson: people already heard of it
    transaction.on_commit(lambda: announce_lesson(lesson.pk))


def announce_lesson(lesson_id):
    """Tell the authors, then the network's followers (not twice), of a new lesson."""
    lesson = LessonPage.objects.filter(pk=lesson_id).live().first()
    if lesson is None:
        return set()
    network = lesson.get_parent().specific
    url = lesson.get_url()
    authors = [author.user for author in lesson.lesson_authors.select_related("user")]
    told = _send(
        authors,
        network=network,
        actor=None,
        verb=VERB_LESSON_PUBLISHED,
        message=_message(_("Your lesson “%(title)s” is published"), title=lesson.title),
        url=url,
        target=lesson,
    )
    followers = [
        follow.user for follow in Follow.objects.of_network(network.pk).select_related("user")
    ]
    told |= _send(
        followers,
        network=network,
        actor=None,
        verb=VERB_NETWORK_LESSON,
        message=_message(
            _("New lesson in %(network)s: “%(title)s”"), network=network.title, title=lesson.title
        ),
        url=url,
        target=lesson,
        skip=told,
    )
    return told


def refresh_discussion_count(page_id):
    """Threads about the lesson plus their replies (hidden threads left out)."""
    threads = Thread.objects.filter(page_id=page_id, is_hidden=False)
    totals = threads.aggregate(replies=Sum("reply_count"))
    count = threads.count() + (totals["replies"] or 0)
    LessonPage.objects.filter(pk=page_id).update(discussion_count=count)


def _recount_later(page_id):
    if page_id is not None:
        transaction.on_commit(lambda: refresh_discussion_count(page_id))


@receiver(post_save, sender=Thread, dispatch_uid="discussions_lesson_count_thread")
@receiver(post_delete, sender=Thread, dispatch_uid="discussions_lesson_count_thread_gone")
def thread_changed(sender, instance, **kwargs):
    _recount_later(instance.page_id)


@receiver(post_save, sender=Post, dispatch_uid="discussions_lesson_count_post")
def post_changed(sender, instance, **kwargs):
    thread_id = instance.thread_id

    def recount():
        page_id = Thread.objects.filter(pk=thread_id).values_list("page_id", flat=True).first()
        if page_id is not None:
            refresh_discussion_count(page_id)

    transaction.on_commit(recount)
