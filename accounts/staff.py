"""What Wagtail's staff groups may do with accounts in the admin.

Superusers may do everything. Wagtail's own "Editors" and "Moderators" groups (made
by Wagtail's migrations; ``seed_demo`` recreates "Editors" when missing) manage
organisations and decide affiliation claims. A data migration applies this to
existing sites; call ``grant_staff_permissions`` after (re)creating a group.
"""

STAFF_GROUPS = ("Editors", "Moderators")

# model name -> actions. No "add" for affiliations: a claim comes from its person.
STAFF_PERMISSIONS = {
    "organisation": ("add", "change", "delete", "view"),
    "affiliation": ("change", "delete", "view"),
}


def staff_codenames():
    return [
        f"{action}_{model}" for model, actions in STAFF_PERMISSIONS.items() for action in actions
    ]


def grant_staff_permissions(groups=None, *, permission_model=None):
    """Give ``groups`` (default: the staff groups that exist) the accounts permissions."""
    if permission_model is None:
        from django.contrib.auth.models import Group, Permission

        permission_model = Permission
        if groups is None:
            groups = Group.objects.filter(name__in=STAFF_GROUPS)
    permissions = list(
        permission_model.objects.filter(
            content_type__app_label="accounts", codename__in=staff_codenames()
        )
    )
    for group in groups:
        group.permissions.add(*permissions)
    return permissions
