"""Let Wagtail's staff groups read the moderation entries of the audit log.

Wagtail's *Site history* report shows a non-superuser the log entries of a model only
when they hold some permission on it. Moderation itself is decided by
``discussions.permissions`` (staff editors), not by these permissions: they only make
the entries of threads, replies, flags and suspensions visible in that report.
A data migration applies this to existing sites; ``seed_demo`` to a recreated group.
"""

from accounts.staff import STAFF_GROUPS

VIEW_CODENAMES = ("view_thread", "view_post", "view_flag", "view_suspension")


def grant_log_permissions(groups=None, *, permission_model=None):
    if permission_model is None:
        from django.contrib.auth.models import Group, Permission

        permission_model = Permission
        if groups is None:
            groups = Group.objects.filter(name__in=STAFF_GROUPS)
    permissions = list(
        permission_model.objects.filter(
            content_type__app_label="discussions", codename__in=VIEW_CODENAMES
        )
    )
    for group in groups:
        group.permissions.add(*permissions)
    return permissions
