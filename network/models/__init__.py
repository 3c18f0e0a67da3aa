from network.models.experts import (
    ExpertIndexPage,
    ExpertLanguage,
    ExpertLink,
    ExpertProfilePage,
    ExpertTopic,
)
from network.models.membership import (
    MODERATOR_ROLES,
    Invitation,
    Membership,
    MembershipStatus,
    Role,
)
from network.models.pages import (
    JoinPolicy,
    LearningNetworkPage,
    NetworkContentMixin,
    NetworkIndexPage,
    NetworkPageTag,
    Visibility,
)
from network.models.taxonomy import CharterPrinciple

__all__ = [
    "MODERATOR_ROLES",
    "CharterPrinciple",
    "ExpertIndexPage",
    "ExpertLanguage",
    "ExpertLink",
    "ExpertProfilePage",
    "ExpertTopic",
    "Invitation",
    "JoinPolicy",
    "LearningNetworkPage",
    "Membership",
    "MembershipStatus",
    "NetworkContentMixin",
    "NetworkIndexPage",
    "NetworkPageTag",
    "Role",
    "Visibility",
]

# Each area's models live in their own module; importing them registers them.
from network.models import events, experts, lessons, resources, reviews  # noqa: E402,F401
