"""Many questions, answers and votes at once, for demo content, benchmarks and tests.

Counters are left as the services would leave them; no notification is sent.
"""

from django.db import transaction
from django.db.models import F

from discussions.bulk import bulk_add_replies
from discussions.live.services import _count_answer
from discussions.models import LiveSession, QuestionVote
from network.models import ExpertProfilePage


@transaction.atomic
def bulk_add_questions(*, session, questions, start=None, step=None):
    """``questions``: ``(author, text, [(host, answer text), ...], [voter, ...])`` each.
    Returns the question posts, in order."""
    replies = []
    for author, text, answers, _voters in questions:
        index = len(replies)
        replies.append((author, text, None))
        for host, answer in answers:
            replies.append((host, answer, index))
    kwargs = {"start": start}
    if step is not None:
        kwargs["step"] = step
    posts = bulk_add_replies(thread=session.thread, replies=replies, **kwargs)
    by_index = iter(posts)
    asked = []
    votes = []
    experts = dict(
        ExpertProfilePage.objects.filter(user__isnull=False).values_list("user_id", "pk")
    )
    for _author, _text, answers, voters in questions:
        question = next(by_index)
        asked.append(question)
        counted = set()
        for _ in answers:
            answer = next(by_index)
            expert_id = experts.get(answer.author_id)
            if expert_id and expert_id not in counted:
                counted.add(expert_id)
                _count_answer(
                    expert_id=expert_id,
                    network_id=session.thread.network_id,
                    seconds=(answer.created_at - question.created_at).total_seconds(),
                )
        votes.extend(QuestionVote(post=question, user=voter) for voter in voters)
    QuestionVote.objects.bulk_create(votes, ignore_conflicts=True, batch_size=500)
    LiveSession.objects.filter(pk=session.pk).update(
        question_count=F("question_count") + len(asked), version=F("version") + 1
    )
    return asked
