from django.db import migrations


def seed(apps, schema_editor):
    from network.taxonomy import ensure_charter_principles

    ensure_charter_principles(apps.get_model("network", "CharterPrinciple"))


class Migration(migrations.Migration):
    dependencies = [("network", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
