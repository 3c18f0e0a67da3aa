"""Background work for live sessions and questions to experts (queued on commit)."""

from django.tasks import task

from discussions.live import notifications
from discussions.models import LiveSession, Thread
from network.models import ExpertProfilePage


def _experts(ids):
    return list(
        ExpertProfilePage.objects.filter(pk__in=ids, user__is_active=True).select_related("user")
    )


@task()
def notify_experts_asked(*, thread_id, expert_ids):
    thread = Thread.objects.select_related("network", "author").filter(pk=thread_id).first()
    if thread is None:
        return
    notifications.experts_asked(thread, _experts(expert_ids))


@task()
def notify_hosts(*, session_id):
    session = (
        LiveSession.objects.select_related("thread__network", "thread__author")
        .filter(pk=session_id)
        .first()
    )
    if session is None:
        return
    hosts = list(session.hosts.filter(user__is_active=True).select_related("user"))
    notifications.hosting(session, hosts, actor=session.thread.author)
