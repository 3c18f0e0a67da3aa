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
