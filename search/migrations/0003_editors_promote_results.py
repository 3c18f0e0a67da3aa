"""Editors and moderators may promote search results (Wagtail's search promotions) and
see the popular search terms report; Wagtail gives its own groups no such permission."""

from django.db import migrations

MODELS = {"searchpromotion": "search promotion", "query": "search query"}
ACTIONS = ("add", "change", "delete", "view")
GROUPS = ("Editors", "Moderators")


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    permissions = []
    for model, label in MODELS.items():
        content_type, _ = ContentType.objects.get_or_create(
            app_label="wagtailsearchpromotions", model=model
        )
        for action in ACTIONS:
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_{model}",
                defaults={"name": f"Can {action} {label}"},
            )
            permissions.append(permission)
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    permissions = Permission.objects.filter(
        content_type__app_label="wagtailsearchpromotions", codename__regex=r"_(searchpromotion|query)$"
    )
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0002_postgres_indexes"),
        ("wagtailcore", "0002_initial_data"),
        ("wagtailsearchpromotions", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
