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
