from django.db import migrations

SITE_NAME = "Open data learning networks"


def create_home_page(apps, schema_editor):
    """Replace Wagtail's default "Welcome" page with our HomePage (historical models only)."""
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    HomePage = apps.get_model("home.HomePage")

    if HomePage.objects.exists():
        return
    Page.objects.filter(depth=2, slug="home").delete()
    root = Page.objects.filter(depth=1).first()
    if root is None:
        return  # an empty database (tests flush it): home.site_setup builds the tree
    content_type, _ = ContentType.objects.get_or_create(model="homepage", app_label="home")
    home = HomePage.objects.create(
        title=SITE_NAME,
        draft_title=SITE_NAME,
        slug="home",
        content_type=content_type,
        path=f"{root.path}0001",
        depth=2,
        numchild=0,
        url_path="/home/",
        live=True,
        locale_id=root.locale_id,
        intro="Governments and civil-society organisations learning together "
        "how to open data well.",
    )
    Page.objects.filter(pk=root.pk).update(numchild=1)
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page_id": home.pk, "site_name": SITE_NAME},
    )


class Migration(migrations.Migration):
    dependencies = [("home", "0001_initial")]

    operations = [migrations.RunPython(create_home_page, migrations.RunPython.noop)]
