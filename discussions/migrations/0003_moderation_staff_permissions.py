from django.contrib.auth.management import create_permissions
from django.db import migrations

from accounts.staff import STAFF_GROUPS
from discussions.moderation.staff import grant_log_permissions


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations; make ours exist now.
    app_config = apps.get_app_config("discussions")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    grant_log_permissions(
        Group.objects.filter(name__in=STAFF_GROUPS), permission_model=Permission
    )


class Migration(migrations.Migration):
    dependencies = [
        ("discussions", "0002_moderation"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
