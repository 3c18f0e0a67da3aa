"""Writes for live sessions and questions to experts: one function per action.

Questions and answers are posts written by ``discussions.services`` (tree, counters,
notifications); these functions add what a session keeps (its version, question
count, votes, conclusion) and the experts' answer counters. Callers check permissions
first through ``discussions.permissions``.
"""

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext as _

from discussions import services
from discussions.models import (
    AskedExpert,
    ExpertQuestion,
    Follow,
    LiveSession,
    Post,
    QuestionVote,
    ThreadKind,
)
from discussions.signals import visibility_changed
from network import permissions as network_permissions
from network.models import ExpertProfilePage, LearningNetworkPage
from network.rendering import clean_text, render_markdown
from network.services import join_network


def _bump(session, **counters):
    """Tell polling pages that something changed (and move any counters)."""
    LiveSession.objects.filter(pk=session.pk).update(version=F("version") + 1, **counters)


# --- Sessions -----------------------------------------------------------------------


@transaction.atomic
def schedule_session(
    *, network, author, title, body, starts_at, ends_at, hosts, page=None, when=None
):
    """Open a live-session thread in ``network``; its hosts follow it and hear of it."""
    thread = services.start_thread(
        network=network,
        author=author,
        title=title,
        body=body,
        kind=ThreadKind.LIVE_SESSION,
        page=page,
        when=when,
    )
    session = LiveSession.objects.create(thread=thread, starts_at=starts_at, ends_at=ends_at)
    session.hosts.set(hosts)
    for host in hosts:
        if host.user_id:
            Follow.objects.get_or_create(user_id=host.user_id, thread=thread)
    transaction.on_commit(lambda: _tasks().notify_hosts.enqueue(session_id=session.pk))
    return session


@transaction.atomic
def ask_question(*, session, author, body, when=None):
    """A question: a top-level post of the session's thread."""
    post = services.post_reply(thread=session.thread, author=author, body=body, when=when)
    _bump(session, question_count=F("question_count") + 1)
    return post


@transaction.atomic
def vote(*, session, question, user, up=True):
    """Up-vote a question (or take the vote back); True when something changed."""
    if question.thread_id != session.thread_id or question.depth != 1:
        raise ValueError("Only the session's questions take votes.")
    if up:
        _, changed = QuestionVote.objects.get_or_create(post=question, user=user)
    else:
        changed = bool(QuestionVote.objects.filter(post=question, user=user).delete()[0])
    if changed:
        _bump(session)
    return changed


@transaction.atomic
def answer_question(*, session, question, host, body, when=None):
    """A host's answer: a reply to the question. The first answer of each host to a
    question counts on their profile (public networks only)."""
    if question.thread_id != session.thread_id or question.depth != 1:
        raise ValueError("Answers go under one of the session's questions.")
    first = not Post.objects.filter(parent=question, author=host, is_deleted=False).exists()
    answer = services.post_reply(
        thread=session.thread, author=host, body=body, parent=question, when=when
    )
    _bump(session)
    if first:
        expert = ExpertProfilePage.objects.filter(user=host).only("pk").first()
        if expert is not None:
            _count_answer(
                expert_id=expert.pk,
                network_id=session.thread.network_id,
                seconds=(answer.created_at - question.created_at).total_seconds(),
            )
    return answer


@transaction.atomic
def set_question_hidden(*, session, question, hidden):
    """Moderators hide a question from the session (its text stays for them)."""
    Post.objects.filter(pk=question.pk, thread_id=session.thread_id).update(is_hidden=hidden)
    visibility_changed.send(sender=Post, thread_ids=[], post_ids=[question.pk])
    _bump(session)


@transaction.atomic
def write_conclusion(*, session, host, text, when=None):
    text = clean_text(text)
    session.conclusion = text
    session.conclusion_html = render_markdown(text).html
    session.conclusion_by = host
    session.conclusion_at = when or timezone.now()
    session.version = F("version") + 1
    session.save(
        update_fields=[
            "conclusion",
            "conclusion_html",
            "conclusion_by",
            "conclusion_at",
            "version",
        ]
    )
    session.refresh_from_db(fields=["version"])
    return session


# --- Questions to experts -----------------------------------------------------------


def _count_answer(*, expert_id, network_id, seconds):
    """Answer counters show on a public profile: answers in members-only networks stay
    out of them, so a profile never tells what happens behind a network's door."""
    public = LearningNetworkPage.objects.filter(
        pk=network_id, visibility=LearningNetworkPage.Visibility.PUBLIC
    ).exists()
    if not public:
        return
    ExpertProfilePage.objects.filter(pk=expert_id).update(
        questions_answered=F("questions_answered") + 1,
        answer_seconds_total=F("answer_seconds_total") + max(0, int(seconds)),
    )


def matching_experts(*, network, principle=None, topic=None, exclude_user=None, limit=3):
    """Up to ``limit`` experts for a question: those matching both the principle and
    the topic first, then either; the most active first. Only experts who may read
    ``network`` (so who can answer there)."""
    candidates = ExpertProfilePage.objects.live().filter(user__is_active=True)
    if exclude_user is not None:
        candidates = candidates.exclude(user_id=exclude_user.pk)
    by_principle = (
        set(candidates.filter(principles=principle).values_list("pk", flat=True))
        if principle
        else set()
    )
    by_topic = (
        set(candidates.filter(tagged_topics__tag=topic).values_list("pk", flat=True))
        if topic
        else set()
    )
    both = by_principle & by_topic if principle and topic else set()
    experts = candidates.filter(pk__in=by_principle | by_topic).select_related("user")
    ranked = sorted(
        experts.order_by("-questions_answered", "title"),
        key=lambda expert: expert.pk not in both,
    )
    return [expert for expert in ranked if network_permissions.can_view(expert.user, network)][
        :limit
    ]


@transaction.atomic
def ask_experts(*, network, author, title, body, experts, principles=(), tags=()):
    """A question thread in ``network`` addressed to ``experts`` (already chosen and
    allowed to read it); they follow it and are notified after commit.

    Asking in an open network one is not a member of (the "Ask the experts" network)
    joins it first, so the rule "members post" holds.
    """
    if not network_permissions.can_post(author, network) and network_permissions.can_join(
        author, network
    ):
        join_network(network=network, user=author)
    thread = services.start_thread(
        network=network,
        author=author,
        title=title,
        body=body,
        kind=ThreadKind.QUESTION,
        principles=principles,
        tags=tags,
    )
    question = ExpertQuestion.objects.create(thread=thread, created_at=thread.created_at)
    AskedExpert.objects.bulk_create(
        [AskedExpert(question=question, expert=expert) for expert in experts]
    )
    for expert in experts:
        Follow.objects.get_or_create(user_id=expert.user_id, thread=thread)
    expert_ids = [expert.pk for expert in experts]
    transaction.on_commit(
        lambda: _tasks().notify_experts_asked.enqueue(thread_id=thread.pk, expert_ids=expert_ids)
    )
    return thread


def record_expert_answer(*, post, thread):
    """Called for each reply to a question: an addressed expert's first reply counts."""
    if post.parent_id is not None:
        # Replies to replies are conversation, not the expert's answer.
        return
    asked = (
        AskedExpert.objects.filter(
            question__thread_id=thread.pk, expert__user_id=post.author_id, answered_at=None
        )
        .select_related("question")
        .first()
    )
    if asked is None:
        return
    AskedExpert.objects.filter(pk=asked.pk).update(answered_at=post.created_at)
    _count_answer(
        expert_id=asked.expert_id,
        network_id=thread.network_id,
        seconds=(post.created_at - asked.question.created_at).total_seconds(),
    )


def _tasks():
    from discussions.live import tasks

    return tasks


# --- Turning a session into a lesson ------------------------------------------------

LESSON_TAGS = {"p", "br", "strong", "em", "ol", "ul", "li", "a"}
BEST_QUESTIONS = 5


def _rich_text(html):
    """Stored Markdown HTML cut down to what the lesson's rich-text editor offers."""
    import nh3
    from wagtail.rich_text import RichText

    return RichText(nh3.clean(html, tags=LESSON_TAGS, attributes={"a": {"href"}}))


def _lesson_body(session, hosts):
    from discussions.live import queries

    host_ids = {host.user_id for host in hosts}
    blocks = [
        ("heading", {"text": str(_("Conclusion of the live session")), "level": "h2"}),
        ("paragraph", _rich_text(session.conclusion_html)),
    ]
    best = queries.best_questions(session, limit=BEST_QUESTIONS)
    if best:
        blocks.append(("heading", {"text": str(_("Questions and answers")), "level": "h2"}))
    answers = queries.answers_by_question(session)
    for question in best:
        parts = [f"<p><strong>{_('Question')}</strong></p>", question.body_html]
        for answer in answers.get(question.path, []):
            if answer.author_id in host_ids:
                name = escape(answer.author.get_full_name())
                parts.append(f"<p><strong>{_('Answer by %(name)s') % {'name': name}}</strong></p>")
                parts.append(answer.body_html)
        blocks.append(("paragraph", _rich_text("".join(parts))))
    return blocks


@transaction.atomic
def turn_into_lesson(*, session, host):
    """A draft lesson under the session's network, with the host as author and owner:
    the conclusion and the most up-voted answered questions in its body, every other
    field blank for the host to complete and submit through the lessons workflow.
    Once only: a second click returns the same draft."""
    from network.lessons.services import create_draft_lesson

    session = (
        LiveSession.objects.select_for_update()
        .select_related("thread__network", "lesson")
        .get(pk=session.pk)
    )
    if session.lesson_id:
        return session.lesson
    thread = session.thread
    hosts = list(session.hosts.select_related("user"))
    names = ", ".join(host.title for host in hosts)
    context = _(
        "This lesson comes from the live session “%(title)s” held on %(date)s in "
        "%(network)s, hosted by %(hosts)s."
    ) % {
        "title": thread.title,
        "date": session.starts_at.strftime("%Y-%m-%d"),
        "network": thread.network.title,
        "hosts": names,
    }
    lesson = create_draft_lesson(
        network=thread.network,
        owner=host,
        title=thread.title,
        authors=[host],
        context=f"{context}\n\n{thread.body}",
    )
    lesson.body = _lesson_body(session, hosts)
    lesson.save_revision(user=host)
    session.lesson = lesson
    session.save(update_fields=["lesson"])
    return lesson
