"""The six principles of the International Open Data Charter, with stable slugs.

``ensure_charter_principles`` creates the rows that are missing and leaves editors'
wording alone. A data migration calls it (with the historical model) and so does the
tests' fixture: transactional tests flush migration-made rows.
"""

CHARTER_PRINCIPLES = [
    (
        "open-by-default",
        "Open by Default",
        "Government data is published openly unless there is a clear reason not to, "
        "and people's privacy is protected.",
    ),
    (
        "timely-and-comprehensive",
        "Timely and Comprehensive",
        "Data is released quickly, in full and unmodified where possible, and kept up "
        "to date as it changes.",
    ),
    (
        "accessible-and-usable",
        "Accessible and Usable",
        "Data is easy to find and free to use, in machine-readable formats under an open "
        "licence, with no registration barriers.",
    ),
    (
        "comparable-and-interoperable",
        "Comparable and Interoperable",
        "Data follows agreed standards and identifiers so that datasets can be compared "
        "and combined across places and over time.",
    ),
    (
        "improved-governance-and-citizen-engagement",
        "For Improved Governance and Citizen Engagement",
        "Open data strengthens accountability and lets citizens take part in decisions "
        "that affect them.",
    ),
    (
        "inclusive-development-and-innovation",
        "For Inclusive Development and Innovation",
        "Open data supports inclusive economic development and innovation that benefits "
        "everyone, including under-served communities.",
    ),
]


def ensure_charter_principles(model=None):
    """Create any missing principle (matched by slug); return how many were created."""
    if model is None:
        from network.models import CharterPrinciple as model
    created = 0
    for order, (slug, name, description) in enumerate(CHARTER_PRINCIPLES, start=1):
        _, was_created = model.objects.get_or_create(
            slug=slug, defaults={"name": name, "description": description, "order": order}
        )
        created += was_created
    return created
