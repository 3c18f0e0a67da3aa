from django.contrib.auth.management import create_permissions
from django.db import migrations

from accounts.staff import STAFF_GROUPS, grant_staff_permissions


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations; make ours exist now.
    app_config = apps.get_app_config("accounts")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    grant_staff_permissions(
        Group.objects.filter(name__in=STAFF_GROUPS), permission_model=Permission
    )


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
