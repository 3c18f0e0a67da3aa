import os
import shutil

import pytest

from tests.factories import UserFactory

PASSWORD = "correct horse battery staple"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


def _chromium_missing():
    return not (shutil.which(CHROMIUM) or os.path.exists(CHROMIUM))


def pytest_collection_modifyitems(config, items):
    """Skip browser tests where no Chromium is installed, unless REQUIRE_BROWSER=1."""
    if not _chromium_missing() or os.environ.get("REQUIRE_BROWSER") == "1":
        return
    skip = pytest.mark.skip(reason=f"no Chromium at {CHROMIUM}: browser tests skipped")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


def pytest_runtest_setup(item):
    if "browser" in item.keywords and _chromium_missing():
        pytest.fail(f"REQUIRE_BROWSER=1 but there is no Chromium at {CHROMIUM}")


@pytest.fixture(autouse=True)
def _fresh_caches():
    """Each test starts with empty caches: a cached menu or counter from an earlier
    test would name rows that test's database rollback has removed."""
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()


@pytest.fixture
def home_page(db):
    """The Wagtail root, our HomePage and the default Site, created when missing."""
    from home.site_setup import ensure_home_site

    return ensure_home_site()


@pytest.fixture
def user(db):
    return UserFactory()


@pytest.fixture
def editor(db):
    return UserFactory(is_staff=True, is_superuser=True, display_name="Edith Editor")


@pytest.fixture
def password():
    return PASSWORD


# --- Networks -------------------------------------------------------------------------
@pytest.fixture
def charter_principles(db):
    """The six Open Data Charter principles (migration-made rows are flushed in tests)."""
    from network.models import CharterPrinciple
    from network.taxonomy import ensure_charter_principles

    ensure_charter_principles()
    return list(CharterPrinciple.objects.all())


@pytest.fixture
def network_index(home_page):
    from tests.factories import NetworkIndexPageFactory

    return NetworkIndexPageFactory(parent=home_page)


@pytest.fixture
def network_factory(network_index):
    """``network_factory(visibility="members_only", join_policy="open", ...)``; members
    are added with ``members=[(user, role), ...]`` (active) and the counter is kept right.
    """
    from network.services import refresh_member_count
    from tests.factories import LearningNetworkPageFactory, MembershipFactory

    def make(members=(), **fields):
        network = LearningNetworkPageFactory(parent=network_index, **fields)
        for person, role in members:
            MembershipFactory(network=network, user=person, role=role)
        refresh_member_count(network=network)
        return network

    return make
