"""New and changed content is searchable once its task has run (on commit), and what
is hidden, deleted, moved or unpublished drops out; the command rebuilds everything."""

import pytest
from django.core.management import call_command

from discussions import services as discussions
from discussions.moderation import services as moderation
from network.models.lessons import LessonPage
from search.models import SearchDocument, Source
from tests.search.conftest import publish_lesson

pytestmark = pytest.mark.django_db


def found(client, word, user=None):
    client.logout()
    if user is not None:
        client.force_login(user)
    return [r["document"].title for r in client.get("/search/", {"q": word}).context["results"]]


def test_a_new_thread_and_reply_are_found_after_commit(
    client, corpus, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        thread = discussions.start_thread(
            network=corpus.public, author=corpus.member, title="Fresh", body="freshword here"
        )
    assert found(client, "freshword") == []  # not before the task runs
    for callback in callbacks:
        callback()
    assert found(client, "freshword") == ["Fresh"]
    with django_capture_on_commit_callbacks(execute=True):
        discussions.post_reply(thread=thread, author=corpus.member, body="replyfresh words")
    assert found(client, "replyfresh") == ["Reply in “Fresh”"]


def test_an_edit_replaces_the_old_words(client, corpus, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        discussions.edit_post(post=corpus.reply, editor=corpus.facilitator, body="Now newword.")
    assert found(client, "newword") == ["Reply in “Publishing tenders”"]
    assert found(client, "replytoken") == []


def test_hidden_deleted_and_bulk_hidden_posts_drop_out(
    client, corpus, editor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        moderation.hide_post(post=corpus.reply, by=editor)
    assert found(client, "replytoken") == []
    with django_capture_on_commit_callbacks(execute=True):
        moderation.restore_post(post=corpus.reply, by=editor)
    assert found(client, "replytoken") != []
    with django_capture_on_commit_callbacks(execute=True):
        moderation.bulk_hide(author=corpus.member, by=editor)
    assert found(client, "threadtoken") == []
    with django_capture_on_commit_callbacks(execute=True):
        discussions.delete_post(post=corpus.reply, by=corpus.facilitator)
    assert found(client, "replytoken") == []


def test_a_hidden_thread_takes_its_replies_along_and_brings_them_back(
    client, corpus, editor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        moderation.hide_thread(thread=corpus.thread, by=editor)
    assert found(client, "replytoken") == []
    assert found(client, "threadtoken") == []
    with django_capture_on_commit_callbacks(execute=True):
        moderation.restore_thread(thread=corpus.thread, by=editor)
    assert found(client, "replytoken") == ["Reply in “Publishing tenders”"]


def test_a_thread_moved_into_a_private_network_leaves_public_results(
    client, corpus, editor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        moderation.move_thread(thread=corpus.thread, to_network=corpus.private, by=editor)
    assert found(client, "replytoken") == []
    assert found(client, "replytoken", corpus.member) == ["Reply in “Publishing tenders”"]


def test_a_network_turned_members_only_hides_everything_in_it(
    client, corpus, django_capture_on_commit_callbacks
):
    network = corpus.public
    network.visibility = "members_only"
    with django_capture_on_commit_callbacks(execute=True):
        network.save_revision().publish()
    assert found(client, "threadtoken") == []
    assert found(client, "lessontoken") == []
    assert found(client, "lessontoken", corpus.member) == [corpus.lesson.title]


def test_published_and_unpublished_lessons(client, corpus, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        lesson = publish_lesson(
            corpus.public, corpus.member, title="Late lesson", summary="latelessonword"
        )
    assert found(client, "latelessonword") == ["Late lesson"]
    # A new draft of a live lesson is not searchable until it is published.
    lesson = LessonPage.objects.get(pk=lesson.pk)
    lesson.summary = "draftonlyword"
    with django_capture_on_commit_callbacks(execute=True):
        lesson.save_revision()
    assert found(client, "draftonlyword") == []
    with django_capture_on_commit_callbacks(execute=True):
        lesson.unpublish()
    assert found(client, "latelessonword") == []


def test_deleting_a_page_removes_its_document(corpus):
    pk = corpus.resource.pk
    corpus.resource.delete()
    assert not SearchDocument.objects.filter(source=Source.PAGE, source_id=pk).exists()


def test_the_rebuild_command(corpus, capsys):
    SearchDocument.objects.all().delete()
    call_command("rebuild_search_index")
    assert "search documents indexed" in capsys.readouterr().out
    assert SearchDocument.objects.filter(kind="lesson").count() == 2


def test_a_renamed_thread_renames_its_replies_in_results(
    client, corpus, django_capture_on_commit_callbacks
):
    thread = corpus.thread
    with django_capture_on_commit_callbacks(execute=True):
        discussions.edit_thread(
            thread=thread, editor=thread.author, title="Tenders in the open", body=thread.body
        )
    assert found(client, "replytoken") == ["Reply in “Tenders in the open”"]
    assert found(client, "threadtoken") == ["Tenders in the open"]
