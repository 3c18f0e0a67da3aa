"""Helpers for the browser tests: problem collectors, axe, signing in and out."""

import os
from dataclasses import dataclass, field
from urllib.parse import urlsplit

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# Reports each CSP violation to Python. Init scripts and exposed functions reach the page
# through the DevTools protocol, so the page's own Content-Security-Policy does not block
# them (checked: they report violations on a page whose policy forbids inline script).
CSP_LISTENER = """
document.addEventListener("securitypolicyviolation", (event) => {
    window.__reportCspViolation({
        directive: event.effectiveDirective,
        blocked: event.blockedURI || "inline",
        source: event.sourceFile,
        line: event.lineNumber,
        page: document.location.href,
    });
});
"""

# axe-core rules we hold every page to: WCAG 2.0/2.1/2.2 A and AA ...
AXE_TAGS = frozenset({"wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"})
# ... and any other rule whose violation axe rates this bad.
AXE_IMPACTS = frozenset({"serious", "critical"})


@dataclass
class PageProblems:
    """What went wrong in the browser: console errors, uncaught errors, CSP violations."""

    console_errors: list = field(default_factory=list)
    page_errors: list = field(default_factory=list)
    csp_violations: list = field(default_factory=list)

    def clear(self):
        self.console_errors.clear()
        self.page_errors.clear()
        self.csp_violations.clear()

    def __bool__(self):
        return bool(self.console_errors or self.page_errors or self.csp_violations)

    def lines(self):
        lines = [f"console error: {text}" for text in self.console_errors]
        lines += [f"page error: {text}" for text in self.page_errors]
        lines += [
            "CSP violation: {directive} blocked {blocked} ({source}:{line}) on {page}".format(
                **violation
            )
            for violation in self.csp_violations
        ]
        return lines

    def report(self):
        return "\n".join(self.lines())


def watch_problems(context):
    """Collect console errors, page errors and CSP violations from every page of context.

    Call it before the context opens its pages.
    """
    problems = PageProblems()
    context.expose_function(
        "__reportCspViolation", lambda violation: problems.csp_violations.append(violation)
    )
    context.add_init_script(CSP_LISTENER)

    def on_page(page):
        def on_console(message):
            if message.type == "error":
                source = message.location.get("url") or page.url
                where = page.url if source == page.url else f"{source} on {page.url}"
                problems.console_errors.append(f"{message.text} ({where})")

        page.on("console", on_console)
        page.on("pageerror", lambda error: problems.page_errors.append(f"{error} on {page.url}"))

    for page in context.pages:
        on_page(page)
    context.on("page", on_page)
    return problems


def axe_violations(page):
    """The axe-core violations that fail a page, as short readable lines (empty: passes)."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    failures = []
    for violation in results.response["violations"]:
        if AXE_TAGS.isdisjoint(violation["tags"]) and violation["impact"] not in AXE_IMPACTS:
            continue
        targets = "; ".join(" ".join(map(str, node["target"])) for node in violation["nodes"][:5])
        failures.append(
            f"{violation['id']} ({violation['impact']}): {violation['help']} at {targets}"
        )
    return failures


def point_default_site_at(url):
    """Give the default Wagtail Site the hostname and port of ``url``.

    Full URLs that Wagtail builds (sitemap, links in emails) then lead back to the server.
    """
    from wagtail.models import Site

    parts = urlsplit(url)
    Site.objects.filter(is_default_site=True).update(
        hostname=parts.hostname, port=parts.port or 80
    )
    from home.navigation import invalidate

    invalidate()  # update() sends no signal: forget the cached site and menus


def sign_in(page, base_url, email, password):
    """Sign in through the site's own sign-in form; fail loudly when it does not work."""
    page.goto(f"{base_url}/accounts/login/")
    form = page.locator("form:has(input[name=password])").first
    form.locator("input[name=login]").fill(email)
    form.locator("input[name=password]").fill(password)
    form.locator("[type=submit]").first.click()
    page.wait_for_load_state()
    assert "/accounts/login/" not in page.url, f"sign-in as {email} failed: still on {page.url}"


def sign_out(page, base_url):
    """Sign out through allauth's confirmation form (a POST, as sign-out must be)."""
    page.goto(f"{base_url}/accounts/logout/")
    page.locator("form:has([type=submit])[method=post]").last.locator("[type=submit]").click()
    page.wait_for_load_state()


def serve_media(context):
    """Answer the browser's /media/ requests from Django's default storage.

    The live server serves static files but not media (production leaves that to the web
    server or the object store), so images would otherwise 404 in browser tests.
    """
    import mimetypes
    from urllib.parse import unquote

    from django.conf import settings
    from django.core.files.storage import default_storage

    def fulfil(route):
        path = urlsplit(route.request.url).path
        name = unquote(path.removeprefix(settings.MEDIA_URL))
        if not default_storage.exists(name):
            route.fulfill(status=404, body="Not found", content_type="text/plain")
            return
        with default_storage.open(name) as stored:
            body = stored.read()
        content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
        route.fulfill(status=200, body=body, content_type=content_type)

    context.route(f"**{settings.MEDIA_URL}**", fulfil)


def clear_caches():
    """Empty every cache before a browser test builds its data.

    Test databases are flushed between tests but the in-memory cache is not, and on
    SQLite ids restart after a flush: a new image could then get an earlier test's cached
    rendition, whose file is gone (a 404 that only shows in the full suite).
    """
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()
