from django.db import migrations


def editors_review(apps, schema_editor):
    from network.lessons.workflow import add_editors_to_review_tasks

    add_editors_to_review_tasks(
        apps.get_model("auth", "Group"), apps.get_model("wagtailcore", "GroupApprovalTask")
    )


class Migration(migrations.Migration):
    """Staff editors ("Editors") review and publish lessons in Wagtail's workflow."""

    dependencies = [
        ("network", "0008_events"),
        ("wagtailcore", "0048_add_default_workflows"),
    ]

    operations = [migrations.RunPython(editors_review, migrations.RunPython.noop)]
