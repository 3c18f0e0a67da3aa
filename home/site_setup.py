"""Create the page-tree root, the home page and the default Site when they are missing.

Called by a data migration and by the tests' fixture: transactional tests flush the rows
that migrations made, so nothing may assume they exist.
"""

from django.db import transaction
from django.utils.translation import gettext as _

HOME_INTRO = _(
    "Governments and civil-society organisations learning together how to open data well."
)


@transaction.atomic
def ensure_home_site(*, site_name=None, hostname="localhost", port=80):
    from django.conf import settings
    from wagtail.coreutils import get_supported_content_language_variant
    from wagtail.models import Locale, Page, Site

    from home.models import HomePage

    site_name = site_name or settings.WAGTAIL_SITE_NAME
    # Every page needs a locale; Wagtail's migration makes the default one.
    Locale.objects.get_or_create(
        language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
    )
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(instance=Page(title="Root", slug="root", live=True))

    home = HomePage.objects.first()
    if home is None:
        # Wagtail's initial migration adds a plain "Welcome" page at slug "home".
        for welcome in (
            root.get_children().filter(slug="home").exclude(content_type__model="homepage")
        ):
            welcome.delete()
        root.refresh_from_db()
        home = root.add_child(
            instance=HomePage(title=site_name, slug="home", intro=HOME_INTRO, live=True)
        )

    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname=hostname,
            port=port,
            root_page=home,
            is_default_site=True,
            site_name=site_name,
        )
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.site_name = site.site_name or site_name
        site.save()
    return home
