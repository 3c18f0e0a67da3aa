"""Take a full-page screenshot of a URL with the system's headless Chromium.

    python scripts/screenshot.py URL out.png [--width 390] [--height 844]
        [--email editor@example.org --password PASSWORD] [--viewport-only]

With --email/--password it first signs in through the site's own sign-in form
(/accounts/login/ on the same host), then opens URL. Prints the final URL, the HTTP
status, and any console errors or Content-Security-Policy violations the page raised.
Chromium comes from CHROMIUM_PATH (default /usr/bin/chromium); nothing is downloaded.
"""

import argparse
import os
import sys
from urllib.parse import urljoin

from playwright.sync_api import sync_playwright

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

CSP_LISTENER = """
document.addEventListener("securitypolicyviolation", (event) => {
    window.__screenshotCsp(`${event.effectiveDirective} blocked ${event.blockedURI || "inline"}`
        + ` at ${event.sourceFile}:${event.lineNumber}`);
});
"""


def sign_in(page, url, email, password):
    page.goto(urljoin(url, "/accounts/login/"))
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", password)
    page.locator("form:has(input[name=password]) [type=submit]").first.click()
    page.wait_for_load_state()
    if "/accounts/login/" in page.url:
        sys.exit(f"Sign-in as {email} failed: still on {page.url}")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("url")
    parser.add_argument("output", help="PNG file to write")
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=900)
    parser.add_argument("--email", help="sign in as this person first")
    parser.add_argument("--password")
    parser.add_argument(
        "--viewport-only", action="store_true", help="only the first screenful, not the page"
    )
    args = parser.parse_args(argv)
    if args.email and not args.password:
        parser.error("--email needs --password")

    problems = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"),
            args=CHROMIUM_ARGS,
        )
        context = browser.new_context(viewport={"width": args.width, "height": args.height})
        context.expose_function("__screenshotCsp", lambda text: problems.append(f"CSP: {text}"))
        context.add_init_script(CSP_LISTENER)
        page = context.new_page()
        page.on(
            "console",
            lambda msg: msg.type == "error" and problems.append(f"console: {msg.text}"),
        )
        page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
        if args.email:
            sign_in(page, args.url, args.email, args.password)
        response = page.goto(args.url)
        page.wait_for_load_state("networkidle")
        page.screenshot(path=args.output, full_page=not args.viewport_only)
        status = response.status if response else "?"
        print(f"{page.url} {status} -> {args.output} ({args.width}px wide)")  # noqa: T201
        for problem in problems:
            print(problem)  # noqa: T201
        browser.close()
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
