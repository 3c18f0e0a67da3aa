"""The shared hostile-input corpus and a checker that the rendered HTML is inert.

Every feature that shows user text (posts, titles, tags, profiles, lessons, reviews ...)
runs each input through its outputs and calls ``assert_inert`` on the result.
"""

import json
import re
from html.parser import HTMLParser
from pathlib import Path

HOSTILE_INPUTS = json.loads((Path(__file__).parent / "hostile_inputs.json").read_text())

URL_ATTRIBUTES = {
    "href",
    "src",
    "action",
    "formaction",
    "xlink:href",
    "data",
    "background",
    "cite",
    "poster",
    "srcset",
    "lowsrc",
    "dynsrc",
    "ping",
    "codebase",
}
DANGEROUS_ELEMENTS = {
    "script",
    "iframe",
    "object",
    "embed",
    "applet",
    "frame",
    "frameset",
    "base",
    "meta",
    "link",
    "style",
    "form",
    "portal",
    "template",
    "svg",
    "math",
}
_CONTROL = re.compile(r"[\x00-\x20]+")


def _unsafe_url(value):
    compact = _CONTROL.sub("", value).lower()
    return compact.startswith(("javascript:", "vbscript:", "data:"))


class _Inspector(HTMLParser):
    def __init__(self, allowed_elements):
        super().__init__(convert_charrefs=True)
        self.allowed_elements = allowed_elements
        self.problems = []

    def handle_starttag(self, tag, attrs):
        if tag in DANGEROUS_ELEMENTS and tag not in self.allowed_elements:
            self.problems.append(f"<{tag}> element")
        for name, value in attrs:
            name = name.lower()
            if name.startswith("on"):
                self.problems.append(f"{name}= attribute on <{tag}>")
            if name == "style" and value and re.search(r"expression|url\s*\(", value, re.I):
                self.problems.append(f"style with code on <{tag}>")
            if name in URL_ATTRIBUTES and value and _unsafe_url(value):
                self.problems.append(f"{name}={value!r} on <{tag}>")

    handle_startendtag = handle_starttag


def inert_problems(html, allowed_elements=()):
    inspector = _Inspector(set(allowed_elements))
    inspector.feed(html)
    inspector.close()
    return inspector.problems


def assert_inert(html, allowed_elements=(), context=""):
    """Fail when ``html`` holds a script, an event handler or a javascript:/data: URL.

    ``allowed_elements`` names dangerous-list elements the page itself legitimately has
    (e.g. the site's own ``link`` and ``meta`` in <head>, or a ``form`` around a reply box):
    check user-text fragments, or whole pages with those allowed.
    """
    problems = inert_problems(html, allowed_elements)
    assert not problems, f"{context}: {problems}"
