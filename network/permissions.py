"""The root of every access decision about networks and what lives inside them.

Every list, page, search, feed, API and admin screen asks this module; later apps
(discussions, lessons, events, search) build their own rules on top of these functions
and never look at ``Membership`` rows themselves.

The rules:

* A **public** network and everything inside it can be read by everyone.
* A **members-only** network and everything inside it can be read only by its *active*
  members and by staff editors. To everyone else it does not exist (404, never 403),
  except that a network *listed publicly* shows a teaser of itself (title, short intro,
  facilitators, request-to-join) - never its body, members or children.
* Staff editors (``user.is_staff``) see, post and moderate everywhere.
* Pending members (a request awaiting approval) have no more rights than outsiders,
  but may see the teaser of the network they asked to join.

Performance: a person's memberships are fetched once and cached on the user object
(``request.user`` lives for one request), so checking many networks on one page costs
one query. Services that change memberships call :func:`forget` on the users they got.
Functions that take a network accept a ``LearningNetworkPage`` (or anything with
``pk``, ``visibility``, ``listed_publicly`` and ``join_policy``).
"""

import contextlib

from django.db.models import Exists, OuterRef, Q

from network.models.membership import MODERATOR_ROLES, Membership, MembershipStatus, Role

PUBLIC = "public"
MEMBERS_ONLY = "members_only"
OPEN = "open"
APPROVAL = "approval"

_MEMBERSHIPS_ATTR = "_network_memberships"
_HIDDEN_PATHS_ATTR = "_network_hidden_paths"
_MEMBERS_ONLY_PATHS_ATTR = "_network_members_only_paths"


# --- The person ---------------------------------------------------------------------


def is_editor(user):
    """Staff editors see and moderate everything."""
    return bool(user is not None and user.is_authenticated and user.is_active and user.is_staff)


def memberships_of(user):
    """``{network_id: Membership}`` for every membership (pending or active) of ``user``.

    One query per user object, cached on it; ``{}`` for anonymous visitors.
    """
    if user is None or not user.is_authenticated:
        return {}
    cached = getattr(user, _MEMBERSHIPS_ATTR, None)
    if cached is None:
        # Every signed-in page runs this; in SQL, as building it through the ORM cost
        # more than running it.
        rows = Membership.objects.raw(
            f"SELECT * FROM {Membership._meta.db_table} WHERE user_id = %s",  # noqa: S608
            [user.pk],
        )
        cached = {m.network_id: m for m in rows}
        setattr(user, _MEMBERSHIPS_ATTR, cached)
    return cached


def forget(*users):
    """Drop what this module cached on these user objects (after a membership change)."""
    for user in users:
        if user is None:
            continue
        for attr in (_MEMBERSHIPS_ATTR, _HIDDEN_PATHS_ATTR):
            with contextlib.suppress(AttributeError):
                delattr(user, attr)


def membership_for(user, network):
    """The person's ``Membership`` in this network (pending or active), or ``None``."""
    return memberships_of(user).get(_pk(network))


def active_network_ids(user):
    """Ids of the networks where this person is an active member (any role)."""
    return [pk for pk, m in memberships_of(user).items() if m.status == MembershipStatus.ACTIVE]


def role_in(user, network):
    """The person's active role (``Role``) in the network, or ``None``."""
    membership = membership_for(user, network)
    if membership is None or membership.status != MembershipStatus.ACTIVE:
        return None
    return membership.role


# --- One network --------------------------------------------------------------------


def can_view(user, network):
    """May this person read the network's full content and everything inside it?"""
    if network.visibility == PUBLIC or is_editor(user):
        return True
    return role_in(user, network) is not None


def can_see_teaser(user, network):
    """May this person see that the network exists (its teaser or its full page)?

    True when they can view it, when it is listed publicly, or when they have a pending
    request in it.
    """
    return (
        can_view(user, network)
        or network.listed_publicly
        or membership_for(user, network) is not None
    )


def can_join(user, network):
    """May this signed-in person join at once (open network, not yet a member)?"""
    return (
        user.is_authenticated
        and network.join_policy == OPEN
        and membership_for(user, network) is None
        and can_see_teaser(user, network)
    )


def can_request_to_join(user, network):
    """May this signed-in person ask to join (approval network, no request yet)?"""
    return (
        user.is_authenticated
        and network.join_policy == APPROVAL
        and membership_for(user, network) is None
        and can_see_teaser(user, network)
    )


def can_see_members(user, network):
    """The member directory: signed-in people who may view the network."""
    return user.is_authenticated and can_view(user, network)


def can_post(user, network):
    """May this person write in the network (discussions, experiences)?

    Active members of any role, and staff editors. Not visitors of a public network.
    """
    return is_editor(user) or role_in(user, network) is not None


def can_moderate(user, network):
    """Approve or decline requests, invite, remove members, moderate content.

    Active facilitators and leads of *this* network, and staff editors.
    """
    return is_editor(user) or role_in(user, network) in MODERATOR_ROLES


def can_manage_roles(user, network):
    """Change people's roles (and invite facilitators or leads): active leads and staff."""
    return is_editor(user) or role_in(user, network) == Role.LEAD


def permissions_for(user, network):
    """Every answer for one network at once, for templates: ``perms.view`` etc."""
    return {
        "view": can_view(user, network),
        "see_teaser": can_see_teaser(user, network),
        "join": can_join(user, network),
        "request_to_join": can_request_to_join(user, network),
        "see_members": can_see_members(user, network),
        "post": can_post(user, network),
        "moderate": can_moderate(user, network),
        "manage_roles": can_manage_roles(user, network),
    }


# --- QuerySet filters ---------------------------------------------------------------


def visible_networks_q(user, prefix=""):
    """A ``Q`` for networks whose content this person may see.

    ``prefix`` reaches a network through a relation, e.g.
    ``Thread.objects.filter(visible_networks_q(user, prefix="network__"))``.
    Costs no query beyond the cached memberships.
    """
    if is_editor(user):
        return Q()
    public = Q(**{f"{prefix}visibility": PUBLIC})
    ids = active_network_ids(user)
    if not ids:
        return public
    return public | Q(**{f"{prefix}pk__in": ids})


def listed_networks_q(user, prefix=""):
    """Networks this person may find in listings: visible ones and listed teasers."""
    if is_editor(user):
        return Q()
    return visible_networks_q(user, prefix) | Q(**{f"{prefix}listed_publicly": True})


def hidden_network_paths(user):
    """Tree paths of the networks this person may not view (one query, cached)."""
    if is_editor(user):
        return []
    cached = getattr(user, _HIDDEN_PATHS_ATTR, None) if user is not None else None
    if cached is None:
        from network.models import LearningNetworkPage

        cached = list(
            LearningNetworkPage.objects.exclude(visible_networks_q(user))
            .order_by()
            .values_list("path", flat=True)
        )
        if user is not None:
            setattr(user, _HIDDEN_PATHS_ATTR, cached)
    return cached


def visible_pages_q(user, prefix=""):
    """A ``Q`` on Wagtail pages that leaves out every page inside (or being) a network
    this person may not view. Path-based, so it covers any page type at any depth.

    Use it on every page listing that can reach network content, after ``.live()``:
    ``Page.objects.live().public().filter(visible_pages_q(request.user))``.
    ``prefix`` reaches a page through a relation (``prefix="page__"``).
    A listed teaser network is *not* included: show those via ``listed_networks_q``.
    """
    q = Q()
    for path in hidden_network_paths(user):
        q &= ~Q(**{f"{prefix}path__startswith": path})
    return q


def can_view_page(user, page):
    """May this person see this Wagtail page (any type)? Path-based, like the filter."""
    return not any(page.path.startswith(path) for path in hidden_network_paths(user))


def network_of_page(page):
    """The ``LearningNetworkPage`` a page belongs to (itself, an ancestor) or ``None``."""
    from network.models import LearningNetworkPage

    return (
        LearningNetworkPage.objects.filter(depth__lte=page.depth)
        .filter(pk__in=page.get_ancestors(inclusive=True).values("pk"))
        .first()
    )


def in_members_only_network(page, request=None):
    """Is this page (or the network it is in) members-only? For sitemaps and feeds.

    Caches the members-only paths on the request when one is given.
    """
    paths = getattr(request, _MEMBERS_ONLY_PATHS_ATTR, None) if request is not None else None
    if paths is None:
        from network.models import LearningNetworkPage

        paths = list(
            LearningNetworkPage.objects.filter(visibility=MEMBERS_ONLY)
            .order_by()
            .values_list("path", flat=True)
        )
        if request is not None:
            setattr(request, _MEMBERS_ONLY_PATHS_ATTR, paths)
    return any(page.path.startswith(path) for path in paths)


def _pk(network):
    return getattr(network, "pk", network)


# === lessons ==========================================================================
# (rules of this area, built on the functions above)


# --- Stopped from writing anywhere ----------------------------------------------------

#: Checks ``check(user) -> datetime or None``: until when a person may write nothing
#: anywhere. Discussions registers its site-wide suspensions here at start-up (network
#: does not import discussions), so a suspension also stops lesson drafts.
_WRITING_STOPS = []


def stop_writing_with(check):
    """Register a check that can stop a person from writing anywhere on the site."""
    if check not in _WRITING_STOPS:
        _WRITING_STOPS.append(check)


def writing_stopped_until(user):
    """When a person stopped from writing (suspended site-wide) may write again, or
    ``None`` when nothing stops them."""
    if user is None or not user.is_authenticated:
        return None
    for check in _WRITING_STOPS:
        until = check(user)
        if until is not None:
            return until
    return None


def can_share_experience(user, network):
    """Write a draft lesson in this network (the "Share an experience" form)."""
    return (
        user.is_authenticated and can_post(user, network) and writing_stopped_until(user) is None
    )


def can_revise_lesson(user, lesson, network):
    """Change an unpublished lesson through the member form: its owner, while they may
    still write in its network. Whether its workflow lets it change (not while an editor
    reviews it) is the workflow's answer, checked by the views.
    """
    return (
        user.is_authenticated
        and not lesson.live
        and lesson.owner_id == user.pk
        and can_share_experience(user, network)
    )


def can_view_lesson(user, lesson):
    """A live lesson: whoever may view its network. An unpublished one: its owner and
    editors only (never the public, whatever the network).
    """
    if not can_view_page(user, lesson):
        return False
    if lesson.live:
        return True
    return is_editor(user) or (user.is_authenticated and lesson.owner_id == user.pk)


# === end lessons ===


# === experts ==========================================================================
# (rules of this area, built on the functions above)


def visible_networks_in_query_q(user, prefix=""):
    """The same rule as :func:`visible_networks_q`, answered inside the query itself.

    Active membership is an ``EXISTS`` subquery instead of the person's cached list, for
    an endpoint that reads one row and must not spend a query on that list (a live
    session's polling). ``prefix`` reaches the network, e.g. ``"thread__network__"``.
    """
    if is_editor(user):
        return Q()
    public = Q(**{f"{prefix}visibility": PUBLIC})
    if user is None or not user.is_authenticated:
        return public
    member = Membership.objects.filter(
        user_id=user.pk, network_id=OuterRef(f"{prefix}pk"), status=MembershipStatus.ACTIVE
    )
    return public | Q(Exists(member))


# === end experts ===


# === events ==========================================================================
# An event under a network belongs to it (``network`` is its parent network, or ``None``
# for a site-wide event under the events index). Seeing an event is ``can_view_page``.


def can_register_for_event(user, network):
    """Register for an event: members of its network (any role) and editors; for a
    site-wide event, anyone signed in."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if network is None:
        return True
    return can_post(user, network)


def can_organise_event(user, network, host_user_ids=()):
    """See and export the registrants: the hosts, the network's facilitators and leads,
    and editors."""
    if user is None or not user.is_authenticated:
        return False
    if is_editor(user) or user.pk in set(host_user_ids):
        return True
    return network is not None and can_moderate(user, network)


def can_see_online_link(user, registration, *, organiser=False):
    """The online link: registered people (not the waiting list) and the organisers."""
    if organiser:
        return True
    return registration is not None and registration.status == "registered"


# === end events ===


# === reviews ==========================================================================
# Commitment reviews are confidential: a review is visible to the *verified* members of
# the requesting organisation (a claim alone grants nothing), to the reviewers assigned
# to it, and to the coordinators (facilitators and leads of the review network named in
# the site setting, and staff editors). Drafts are the requester's alone. Once the
# requester publishes the consolidated feedback (closed, plan URL recorded, consent
# given), the review and that feedback are public; the draft plan document never is.

_VERIFIED_ORGS_ATTR = "_review_verified_organisations"
_COORDINATOR_ATTR = "_review_coordinator"
_REVIEWER_IDS_ATTR = "_review_reviewer_ids"


def verified_organisations(user):
    """``{organisation_id: Organisation}`` of this person's verified affiliations (cached)."""
    if user is None or not user.is_authenticated:
        return {}
    cached = getattr(user, _VERIFIED_ORGS_ATTR, None)
    if cached is None:
        from accounts.models import Affiliation

        cached = {
            affiliation.organisation_id: affiliation.organisation
            for affiliation in Affiliation.objects.verified()
            .filter(user_id=user.pk)
            .select_related("organisation")
        }
        setattr(user, _VERIFIED_ORGS_ATTR, cached)
    return cached


def review_network():
    """The network named in the default site's review setting, or ``None``."""
    from network.models.reviews import ReviewSettings

    setting = (
        ReviewSettings.objects.filter(site__is_default_site=True)
        .select_related("review_network")
        .first()
    )
    return setting.review_network if setting is not None else None


def is_review_coordinator(user):
    """Staff editors, and active facilitators and leads of the review network."""
    if is_editor(user):
        return True
    if user is None or not user.is_authenticated:
        return False
    cached = getattr(user, _COORDINATOR_ATTR, None)
    if cached is None:
        network = review_network()
        cached = network is not None and role_in(user, network) in MODERATOR_ROLES
        setattr(user, _COORDINATOR_ATTR, cached)
    return cached


def review_organisations(user):
    """Government organisations this person may request a review for (verified only)."""
    from accounts.models import Sector

    return [
        organisation
        for organisation in verified_organisations(user).values()
        if organisation.sector == Sector.GOVERNMENT
    ]


def can_request_review(user):
    return bool(review_organisations(user))


def is_review_requester(user, review):
    """A verified member of the requesting organisation (acts for the requester)."""
    return review.organisation_id in verified_organisations(user)


def assigned_reviewer_ids(review):
    """Ids of everyone ever assigned to this review (one query, cached on the review)."""
    cached = getattr(review, _REVIEWER_IDS_ATTR, None)
    if cached is None:
        cached = set(review.assignments.values_list("reviewer_id", flat=True))
        setattr(review, _REVIEWER_IDS_ATTR, cached)
    return cached


def forget_review(review):
    """Drop the reviewers cached on this review object (after assigning)."""
    with contextlib.suppress(AttributeError):
        delattr(review, _REVIEWER_IDS_ATTR)


def is_assigned_reviewer(user, review):
    return bool(user is not None and user.is_authenticated) and (
        user.pk in assigned_reviewer_ids(review)
    )


def review_visibility_q(user, prefix=""):
    """A ``Q`` on ``CommitmentReview`` for the reviews this person may see."""
    from network.models.reviews import ReviewStatus

    published = (
        Q(**{f"{prefix}status": ReviewStatus.CLOSED})
        & Q(**{f"{prefix}published_at__isnull": False})
        & ~Q(**{f"{prefix}plan_url": ""})
    )
    if user is None or not user.is_authenticated:
        return published
    own = Q(**{f"{prefix}organisation_id__in": list(verified_organisations(user))})
    submitted = Q(**{f"{prefix}submitted_at__isnull": False})
    if is_review_coordinator(user):
        return published | own | submitted
    from network.models.reviews import ReviewerAssignment

    assigned = Q(
        **{
            f"{prefix}pk__in": ReviewerAssignment.objects.filter(reviewer_id=user.pk).values(
                "review_id"
            )
        }
    )
    return published | own | (assigned & submitted)


def can_see_confidential_review(user, review):
    """The review's private audience (not the public of a published review)."""
    if is_review_requester(user, review):
        return True
    if review.submitted_at is None:  # never submitted: the requester's own draft
        return False
    return is_review_coordinator(user) or is_assigned_reviewer(user, review)


def can_view_review(user, review):
    return review.is_published or can_see_confidential_review(user, review)


def can_download_plan(user, review):
    """The draft plan document stays confidential, even after publication."""
    return bool(review.plan_document) and can_see_confidential_review(user, review)


def can_edit_review(user, review):
    return review.is_editable and is_review_requester(user, review)


def can_assign_reviewers(user, review):
    from network.models.reviews import ReviewStatus

    return is_review_coordinator(user) and review.status in (
        ReviewStatus.SUBMITTED,
        ReviewStatus.REVISED,
    )


def consolidated_rounds(user, review):
    """The review rounds whose consolidated feedback this person may read (newest last).

    Coordinators follow every round as it happens; the requester reads the rounds whose
    feedback was delivered; everyone reads those of a published review.
    """
    if review.submitted_at is None:
        return []
    if is_review_coordinator(user):
        return list(range(1, review.round + 1))
    if review.is_published or is_review_requester(user, review):
        return list(range(1, review.delivered_round + 1))
    return []


def can_read_consolidated(user, review):
    return bool(consolidated_rounds(user, review))


def can_publish_review(user, review):
    from network.models.reviews import ReviewStatus

    return (
        review.status == ReviewStatus.CLOSED
        and not review.is_published
        and is_review_requester(user, review)
    )


# === end reviews ===


# === resources ==========================================================================
# (rules of this area, built on the functions above)

# === end resources ===
