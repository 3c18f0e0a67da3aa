"""Which search documents a person may find, built on ``network.permissions``."""

from django.db.models import Q

from network import permissions


def visible_documents_q(user):
    """Public documents, plus those of the networks this person is an active member of;
    staff editors find everything that is indexed (hidden and draft items never are)."""
    if permissions.is_editor(user):
        return Q()
    ids = permissions.active_network_ids(user)
    if not ids:
        return Q(public=True)
    return Q(public=True) | Q(network_id__in=ids)


def my_network_ids(user):
    """For "only my networks"."""
    return permissions.active_network_ids(user)
