"""Site sweep: crawl the demo site as a visitor, a member and a staff editor, and check
every page it reaches in a real browser.

Starts from ``seed_demo`` content and follows every same-site link from the home page
(and every GET form's action), at most MAX_PER_PATTERN URLs per URL pattern: a Django
route, or for Wagtail pages the page type. Each page must answer 2xx (after redirects),
validate with the Nu Html Checker (vnu.jar, run once per role on all saved pages), pass
axe-core's WCAG 2.2 A/AA rules and every other rule of serious or critical impact, and
raise no console error and no Content-Security-Policy violation.

Staff also open the Wagtail admin: the dashboard and every entry of its main menu
(each must answer 2xx with no console error or CSP violation: this is where the admin's
looser policy is exercised). The admin's deeper pages (editing forms, choosers, history,
reports) are Wagtail's own and are not crawled; tests/e2e/test_csp.py drives the page
editor itself.

Later issues' pages are covered automatically: the sweep checks whatever the demo links.
It runs on SQLite (what `make run` serves) and on PostgreSQL (CI runs both); skip it
while iterating with `make test PYTEST_ARGS='-m "not sweep"'`.
"""

import io
import json
import os
import re
import shutil
import subprocess
import tempfile
import time
from collections import Counter, defaultdict, deque
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import Resolver404, resolve

from tests.e2e.support import (
    axe_violations,
    clear_caches,
    point_default_site_at,
    serve_media,
    sign_in,
    watch_problems,
)

pytestmark = [pytest.mark.browser, pytest.mark.sweep]

MAX_PER_PATTERN = 3
VNU_JAR = Path(settings.BASE_DIR) / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# Every exclusion the sweep makes, with its reason: (kind, regular expression) -> reason.
#   link:          links never followed, for every role (matched on the site-relative
#                  path and query, or on the whole href for other schemes and hosts)
#   link-nonstaff: links not followed by the visitor and the member
#   link-staff:    links not followed by the staff editor
#   query:         query parameters dropped when normalising a URL (the rest are sorted)
#   vnu:           Nu Html Checker messages that are not errors in our markup
EXCLUSIONS = {
    ("link", r"^(?!/)"): (
        "other sites and schemes (mailto:, tel:, https://elsewhere): the sweep stays on "
        "the site, and the site must work offline"
    ),
    ("link", r"^/accounts/logout/"): "signs the person out: an action, not a page",
    (
        "link",
        r"/(join|request|leave|approve|decline|remove|withdraw|follow|unfollow|helpful|"
        r"accept|delete|react|flag|pin|unpin|lock|unlock|read|mark-read|mark-all-read|"
        r"subscribe|unsubscribe|register|unregister|cancel|publish|unpublish)/?(\?|$)",
    ): (
        "action endpoints (join, follow, accept, delete ...): they change state, are "
        "reached by POST forms, and a crawler must never trigger one"
    ),
    ("link", r"^/static/"): "static files (CSS, JS, images), not pages",
    ("link", r"^/media/"): "uploaded files and image renditions, not pages",
    ("link", r"^/documents/"): "document downloads (files, not pages)",
    ("link", r"^/reviews/\d+/(document/|response\.csv)"): (
        "commitment review downloads (the draft plan, the CSV): files, not pages"
    ),
    ("link", r"^/accounts/confirm-email/"): "one-time keys from emails; test_signup_flow",
    ("link", r"^/accounts/password/reset/key/"): "one-time keys from emails",
    ("link-nonstaff", r"^/admin/"): "the Wagtail admin is for staff only",
    ("link-staff", r"^/admin/."): (
        "Wagtail's own deeper admin pages (editors, choosers, actions): staff check the "
        "dashboard and every main-menu entry instead, and test_csp drives the page editor"
    ),
    ("query", "next"): "where to go after signing in: the same page whatever its value",
    ("query", "utm_*"): "tracking parameters",
    ("vnu", r"^Attribute “hx-[a-z:-]+” not allowed"): (
        "htmx attributes (hx-get, hx-post, hx-headers ...) are our chosen extension; "
        "every other attribute is still validated"
    ),
}


def _exclusions(kind):
    return {pattern: reason for (k, pattern), reason in EXCLUSIONS.items() if k == kind}


def _link_exclusions(staff):
    rules = _exclusions("link")
    rules.update(_exclusions("link-staff" if staff else "link-nonstaff"))
    return [(re.compile(pattern), reason) for pattern, reason in rules.items()]


def _dropped_query(name):
    return any(
        name == pattern or (pattern.endswith("*") and name.startswith(pattern[:-1]))
        for pattern in _exclusions("query")
    )


VNU_IGNORED = [re.compile(pattern) for pattern in _exclusions("vnu")]


@dataclass
class Role:
    name: str
    email: str | None = None
    staff: bool = False


@dataclass
class Visit:
    url: str  # site-relative, normalised
    group: str
    status: int | None = None
    html_file: Path | None = None
    final_url: str | None = None


@dataclass
class Sweep:
    role: Role
    visits: list = field(default_factory=list)
    failures: list = field(default_factory=list)
    excluded: Counter = field(default_factory=Counter)
    capped: Counter = field(default_factory=Counter)
    seconds: Counter = field(default_factory=Counter)  # per phase

    def fail(self, url, message):
        self.failures.append(f"[{self.role.name}] {url}: {message}")


def normalise(href, base_url):
    """A same-site link as a sorted, site-relative path+query; anything else unchanged."""
    parts = urlsplit(href)
    base = urlsplit(base_url)
    if parts.scheme in ("http", "https") and parts.netloc == base.netloc:
        query = sorted(
            (name, value)
            for name, value in parse_qsl(parts.query, keep_blank_values=False)
            if not _dropped_query(name)
        )
        return (parts.path or "/") + (f"?{urlencode(query)}" if query else "")
    return href


def page_group(path):
    """What kind of page a path is: its Django route, or for a Wagtail page its type."""
    from wagtail.models import Page, Site

    try:
        match = resolve(path)
    except Resolver404:
        return "unresolved"
    if match.url_name != "wagtail_serve":
        return f"view:{match.view_name or match.route}"
    site = Site.objects.get(is_default_site=True)
    components = [part for part in path.split("/") if part]
    # The page at this path, or the nearest ancestor (a routable page's sub-route).
    for depth in range(len(components), -1, -1):
        url_path = site.root_page.url_path + "".join(f"{c}/" for c in components[:depth])
        page = Page.objects.filter(url_path=url_path).select_related("content_type").first()
        if page is not None:
            label = page.content_type.model_class()._meta.label
            return f"page:{label}" + ("" if depth == len(components) else ":sub-route")
    return "page:unknown"


def admin_menu_urls(page):
    """Every URL in the Wagtail admin's main menu (the sidebar's JSON props)."""
    props = page.locator("#wagtail-sidebar-props")
    if not props.count():
        return []
    urls = []

    def walk(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "url" and isinstance(value, str):
                    urls.append(value)
                else:
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(json.loads(props.text_content()))
    return urls


def links_on(page):
    """Every link target on the page, plus the action of every GET form."""
    return page.evaluate(
        """() => [
            ...Array.from(document.querySelectorAll("a[href], area[href]"), (a) => a.href),
            ...Array.from(document.querySelectorAll("form"))
                .filter((f) => (f.getAttribute("method") || "get").toLowerCase() === "get")
                .map((f) => f.action),
        ]"""
    )


def crawl(sweep, context, base_url, html_dir):
    """Breadth-first from the home page; checks each page as it goes."""
    exclusions = _link_exclusions(sweep.role.staff)
    problems = watch_problems(context)
    page = context.new_page()
    queue = deque()
    seen = set()
    per_group = Counter()

    def enqueue(href, *, admin_entry=False):
        url = normalise(href, base_url)
        if url in seen:
            return
        seen.add(url)
        if not admin_entry:
            for pattern, reason in exclusions:
                if pattern.search(url):
                    sweep.excluded[reason] += 1
                    return
        group = page_group(urlsplit(url).path)
        if per_group[group] >= MAX_PER_PATTERN:
            sweep.capped[group] += 1
            return
        per_group[group] += 1
        queue.append(Visit(url=url, group=group))

    enqueue("/")
    if sweep.role.staff:
        enqueue("/admin/", admin_entry=True)
    while queue:
        visit = queue.popleft()
        sweep.visits.append(visit)
        absolute = urljoin(base_url, visit.url)
        is_admin = visit.url.startswith("/admin/")
        # Ask first, so downloads (calendars, feeds) are checked without a browser tab.
        clock = time.monotonic()
        answer = context.request.get(absolute)
        sweep.seconds["fetch"] += time.monotonic() - clock
        visit.status = answer.status
        if not 200 <= answer.status < 400:
            sweep.fail(visit.url, f"HTTP {answer.status}")
            continue
        if "text/html" not in answer.headers.get("content-type", ""):
            continue
        problems.clear()
        clock = time.monotonic()
        response = page.goto(absolute)
        page.wait_for_load_state("load")
        sweep.seconds["browser"] += time.monotonic() - clock
        visit.final_url = normalise(page.url, base_url)
        visit.status = response.status
        if not 200 <= response.status < 400:
            sweep.fail(visit.url, f"HTTP {response.status} in the browser")
            continue
        if visit.final_url != visit.url:
            seen.add(visit.final_url)
        if is_admin:
            if visit.url == "/admin/":
                for url in admin_menu_urls(page):
                    if url.startswith("/admin/") and "logout" not in url:
                        enqueue(url, admin_entry=True)
        else:
            visit.html_file = html_dir / f"{len(sweep.visits):04d}.html"
            visit.html_file.write_bytes(response.body())
            clock = time.monotonic()
            for line in axe_violations(page):
                sweep.fail(visit.url, f"axe: {line}")
            sweep.seconds["axe"] += time.monotonic() - clock
            for href in links_on(page):
                enqueue(href)
        for line in problems.lines():
            sweep.fail(visit.url, line)
    page.close()


# Quick JVM start: vnu's run is short, so the optimising compiler would not pay off.
JAVA_FLAGS = ["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss4m"]


def start_validation(sweep, out_dir):
    """Start vnu.jar once over every page the role saved, in the background.

    Returns a function that waits for it and records each error as a failure.
    """
    files = {str(v.html_file.resolve()): v.url for v in sweep.visits if v.html_file}
    if not files:
        return lambda: None
    started = time.monotonic()
    report = out_dir / "vnu.json"
    with report.open("w") as stdout:
        process = subprocess.Popen(  # noqa: S603 - fixed arguments, our own files
            ["java", *JAVA_FLAGS, "-jar", str(VNU_JAR), "--errors-only", "--format", "json"]
            + ["--stdout", *files],
            stdout=stdout,
            stderr=subprocess.PIPE,
            text=True,
        )

    def finish():
        _, stderr = process.communicate(timeout=600)
        sweep.seconds["vnu"] += time.monotonic() - started
        try:
            messages = json.loads(report.read_text())["messages"]
        except (json.JSONDecodeError, KeyError):
            sweep.fail("vnu.jar", f"no report (exit {process.returncode}): {stderr[-2000:]}")
            return
        for message in messages:
            if any(pattern.search(message.get("message", "")) for pattern in VNU_IGNORED):
                continue
            path = urlsplit(message.get("url", "")).path
            url = files.get(str(Path(path).resolve()), message.get("url", "?"))
            extract = (message.get("extract") or "").strip().replace("\n", " ")[:160]
            sweep.fail(
                url,
                f"vnu {message['type']}: {message['message']} "
                f"(line {message.get('lastLine', '?')}: {extract})",
            )

    return finish


def _require_vnu():
    missing = []
    if not shutil.which("java"):
        missing.append("java")
    if not VNU_JAR.exists():
        missing.append(f"{VNU_JAR.relative_to(settings.BASE_DIR)} (npm ci)")
    if not missing:
        return
    reason = "the site sweep needs " + " and ".join(missing)
    if os.environ.get("REQUIRE_BROWSER") == "1":
        pytest.fail(f"REQUIRE_BROWSER=1 but {reason}")
    pytest.skip(reason)


def demo_roles():
    from accounts.demo import EDITOR_EMAIL, demo_logins

    member = next(
        email
        for email, role in demo_logins()
        if role.startswith("member") and "(verified)" in role
    )
    return [
        Role("anonymous"),
        Role("member", email=member),
        Role("staff editor", email=EDITOR_EMAIL, staff=True),
    ]


def demo_page_types():
    from wagtail.models import Page, Site

    root = Site.objects.get(is_default_site=True).root_page
    pages = Page.objects.live().descendant_of(root, inclusive=True).select_related("content_type")
    return {f"page:{p.content_type.model_class()._meta.label}" for p in pages}


def test_site_sweep(live_server, transactional_db, browser, record_property):
    _require_vnu()
    from accounts.demo import DEMO_PASSWORD
    from home.site_setup import ensure_home_site

    # Rows from earlier tests are flushed but the caches are not: a rendition cached for a
    # reused image id would point at a file this run never stored (seen on SQLite).
    clear_caches()
    ensure_home_site()
    call_command("seed_demo", force=True, stdout=io.StringIO())
    point_default_site_at(live_server.url)

    sweeps = []
    validations = []
    with tempfile.TemporaryDirectory(prefix="sweep-") as tmp:
        for role in demo_roles():
            html_dir = Path(tmp) / role.name.replace(" ", "-")
            html_dir.mkdir()
            context = browser.new_context()
            serve_media(context)
            try:
                page = context.new_page()
                if role.email:
                    sign_in(page, live_server.url, role.email, DEMO_PASSWORD)
                page.close()
                sweep = Sweep(role)
                clock = time.monotonic()
                crawl(sweep, context, live_server.url, html_dir)
                sweep.seconds["crawl"] += time.monotonic() - clock
            finally:
                context.close()
            # vnu checks this role's pages while the browser crawls as the next role.
            validations.append(start_validation(sweep, html_dir))
            sweeps.append(sweep)
        for finish in validations:
            finish()

    # What was reached, across roles.
    reached = defaultdict(set)
    for sweep in sweeps:
        for visit in sweep.visits:
            if not visit.url.startswith("/admin/"):
                reached[visit.group].add(visit.url)
    page_types = demo_page_types()
    view_patterns = {group for group in reached if group.startswith("view:")}
    pages_checked = sum(len(urls) for urls in reached.values())
    needed = len(page_types) + len(view_patterns)

    lines = []
    for sweep in sweeps:
        checked = [v for v in sweep.visits if v.status]
        lines.append(
            f"{sweep.role.name}: {len(checked)} pages checked "
            f"({sum(1 for v in checked if v.html_file)} validated by vnu and axe, "
            f"{sum(1 for v in checked if v.url.startswith('/admin/'))} admin), "
            f"{sum(sweep.excluded.values())} links excluded, "
            f"{sum(sweep.capped.values())} over the per-pattern cap; seconds: "
            + ", ".join(f"{phase} {sec:.1f}" for phase, sec in sweep.seconds.items())
        )
        groups = Counter(visit.group for visit in checked)
        lines.append("  " + ", ".join(f"{g} x{n}" for g, n in sorted(groups.items())))
    lines.append(
        f"distinct non-admin pages: {pages_checked} (at least {needed} needed: "
        f"{len(page_types)} page types in the demo + {len(view_patterns)} URL patterns)"
    )
    summary = "\n".join(lines)
    record_property("sweep_summary", summary)

    failures = [failure for sweep in sweeps for failure in sweep.failures]
    missing_types = sorted(page_types - set(reached))
    if missing_types:
        failures.append(f"page types in the demo that no role reached: {missing_types}")
    if pages_checked < needed:
        failures.append(f"reached {pages_checked} pages, fewer than the {needed} needed")
    assert not failures, summary + "\n" + "\n".join(failures)
