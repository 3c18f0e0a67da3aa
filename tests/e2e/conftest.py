"""Browser tests: a real live server, the system's headless Chromium, real clicks.

Every test in this folder is marked ``browser``; tests/conftest.py skips them (with the
reason printed) where there is no Chromium, unless REQUIRE_BROWSER=1 makes that a failure.
"""

import os
from pathlib import Path

import pytest

from tests.e2e.support import (
    CHROMIUM,
    CHROMIUM_ARGS,
    clear_caches,
    point_default_site_at,
    serve_media,
    watch_problems,
)

# Playwright's sync API runs an event loop in this thread; the ORM would otherwise refuse.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

E2E_DIR = Path(__file__).resolve().parent


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """Mark every test under tests/e2e/ as a browser test, before the skip hook looks."""
    for item in items:
        if E2E_DIR in Path(str(item.path)).resolve().parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Debian's Chromium (CHROMIUM_PATH), never a browser that Playwright downloads."""
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture
def context(context):
    """pytest-playwright's context, collecting console errors and CSP violations."""
    context.problems = watch_problems(context)
    serve_media(context)
    return context


@pytest.fixture
def problems(context):
    """Console errors, page errors and CSP violations of every page the test opened."""
    return context.problems


@pytest.fixture
def site_url(live_server, transactional_db):
    """The live server's base URL, with the Wagtail root, home page and Site in place."""
    from home.site_setup import ensure_home_site

    clear_caches()  # flushed rows, reused ids: nothing cached may outlive them
    ensure_home_site()
    point_default_site_at(live_server.url)
    return live_server.url


_SUMMARIES = []


def pytest_runtest_logreport(report):
    """Keep what the site sweep measured (its ``sweep_summary`` property) for the end."""
    if report.when == "call":
        _SUMMARIES.extend(
            f"{report.nodeid}\n{value}"
            for name, value in report.user_properties
            if name == "sweep_summary"
        )


def pytest_terminal_summary(terminalreporter):
    """Print the sweep's page counts per role, whether it passed or failed."""
    if _SUMMARIES:
        terminalreporter.section("site sweep")
        for summary in _SUMMARIES:
            terminalreporter.write_line(summary)
