from discussions.models.engagement import Follow, Reaction, ReactionKind, ThreadRead
from discussions.models.live import (
    AskedExpert,
    ExpertQuestion,
    LiveSession,
    QuestionVote,
)
from discussions.models.posts import MAX_DEPTH, Post, PostRevision
from discussions.models.threads import TaggedThread, Thread, ThreadKind, ThreadRevision

__all__ = [
    "AskedExpert",
    "ExpertQuestion",
    "LiveSession",
    "QuestionVote",
    "MAX_DEPTH",
    "Follow",
    "Post",
    "PostRevision",
    "Reaction",
    "ReactionKind",
    "TaggedThread",
    "Thread",
    "ThreadKind",
    "ThreadRead",
    "ThreadRevision",
]

# Each area's models live in their own module; importing them registers them.
from discussions.models import live, moderation  # noqa: E402,F401
