"""Search from the home page, narrow the results by a facet, open a result, in a browser.

The facet links are plain links that htmx turns into in-place swaps (with the URL
pushed): the test checks the URL carries the filter and the results changed in place.
"""

import io

import pytest

from tests.e2e.support import axe_violations

pytestmark = pytest.mark.browser


@pytest.fixture
def demo(site_url):
    from accounts.demo import seed as seed_accounts
    from discussions.demo import seed as seed_discussions
    from home.demo import seed as seed_home
    from home.demo import seed_navigation
    from network.demo import seed as seed_networks
    from network.resources.demo import seed as seed_resources
    from search.demo import seed as seed_search

    for seed in (
        seed_accounts,
        seed_home,
        seed_networks,
        seed_discussions,
        seed_resources,
        seed_search,
        seed_navigation,
    ):
        seed(io.StringIO())
    return site_url


def test_search_narrow_by_type_and_open_a_result(page, problems, demo):
    page.goto(f"{demo}/")
    page.get_by_role("search").get_by_label("Search the site").fill("procurement")
    page.get_by_role("search").get_by_role("button", name="Search").click()
    page.wait_for_load_state()
    assert page.url.startswith(f"{demo}/search/?q=procurement")
    assert page.get_by_role("heading", name="Search", level=1).is_visible()
    status = page.get_by_role("status").filter(has_text="results")
    assert status.is_visible()
    assert page.locator(".search-result").count() > 1
    assert axe_violations(page) == []

    facets = page.locator(".search-facets")
    facets.get_by_role("link", name="Discussion").first.click()
    page.wait_for_url("**type=discussion**")
    page.locator('.facet a[aria-current="true"]').first.wait_for()
    kinds = page.locator(".search-result .tag").all_inner_texts()
    assert kinds and set(kinds) == {"Discussion"}
    assert page.locator("mark").first.inner_text().lower().startswith("procurement")

    first = page.locator(".search-result__title a").first
    title = first.inner_text()
    first.click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == title
    assert not problems, problems.lines()


def test_search_works_without_javascript(browser, demo):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{demo}/search/?q=procurement")
    page.locator(".search-facets").get_by_role("link", name="Discussion").first.click()
    page.wait_for_load_state()
    assert "type=discussion" in page.url
    assert set(page.locator(".search-result .tag").all_inner_texts()) == {"Discussion"}
    context.close()
