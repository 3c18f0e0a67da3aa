"""Markdown to safe HTML, once, at save time.

markdown-it-py parses (CommonMark plus tables and strikethrough, raw HTML off); a token
pass turns ``@username`` of active people into profile links, images into plain links and
headings into h3-h6 (the page owns h1/h2); nh3 then cleans the result against an
allow-list, whatever the parser let through. The stored HTML is what pages show.
"""

import html
import re
from dataclasses import dataclass, field

import nh3
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.urls import reverse
from markdown_it import MarkdownIt
from markdown_it.token import Token

ALLOWED_TAGS = {
    "p",
    "br",
    "strong",
    "em",
    "del",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "a",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "hr",
}
# "class" on links is governed by allowed_classes (only "mention" survives).
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}}
LINK_REL = "nofollow ugc noopener"
URL_SCHEMES = {"http", "https", "mailto"}
# At most this many distinct @mentions are resolved (and notified) per text.
MAX_MENTIONS = 20
EXCERPT_LENGTH = 240

# A handle as allauth makes them: letters, digits, "_", "." and "-", not ending in "." or "-".
MENTION_RE = re.compile(r"(?<![\w@./-])@([A-Za-z0-9_](?:[\w.-]{0,148}[A-Za-z0-9_])?)")
_WHITESPACE = re.compile(r"\s+")
# C0 control characters but tab, line feed and carriage return: no use in text, not
# allowed in XML (the feed), and NUL cannot even be stored by PostgreSQL.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")

_parser = (
    MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    .enable("table")
    .enable("strikethrough")
)
_cleaner = nh3.Cleaner(
    tags=ALLOWED_TAGS,
    attributes={name: set(values) for name, values in ALLOWED_ATTRIBUTES.items()},
    allowed_classes={"a": {"mention"}},
    url_schemes=URL_SCHEMES,
    link_rel=LINK_REL,
    strip_comments=True,
)
_text_only = nh3.Cleaner(tags=set(), attributes={}, link_rel=None)


@dataclass
class Rendered:
    html: str
    text: str
    mentions: list = field(default_factory=list)

    @property
    def excerpt(self):
        return excerpt(self.text)


def clean_text(text):
    """What people typed, minus control characters (each becomes U+FFFD)."""
    return _CONTROL.sub("\ufffd", text or "")


def render_markdown(source, *, mentions=True):
    """Render ``source`` to sanitized HTML, its plain text and the people it @mentions."""
    source = source or ""
    env = {}
    tokens = _parser.parse(source, env)
    candidates = _mention_candidates(tokens) if mentions else set()
    people = _active_people(candidates)
    _rewrite(tokens, people)
    raw = _parser.renderer.render(tokens, _parser.options, env)
    clean = _cleaner.clean(raw)
    mentioned = list({person.pk: person for person in people.values()}.values())
    return Rendered(html=clean, text=html_to_text(clean), mentions=mentioned)


def html_to_text(value):
    """Plain text of sanitized HTML (block breaks kept as single spaces)."""
    return _WHITESPACE.sub(" ", html.unescape(_text_only.clean(value or ""))).strip()


def excerpt(text, length=EXCERPT_LENGTH):
    text = _WHITESPACE.sub(" ", text or "").strip()
    if len(text) <= length:
        return text
    cut = text[:length].rsplit(" ", 1)[0] or text[:length]
    return cut.rstrip(" .,;:") + "…"


def _inline_children(tokens):
    for token in tokens:
        if token.type == "inline" and token.children:
            yield token


def _mention_candidates(tokens):
    names = set()
    for inline in _inline_children(tokens):
        in_link = 0
        for child in inline.children:
            if child.type == "link_open":
                in_link += 1
            elif child.type == "link_close":
                in_link -= 1
            elif child.type == "text" and not in_link and "@" in child.content:
                names.update(
                    match.group(1).lower() for match in MENTION_RE.finditer(child.content)
                )
                if len(names) >= MAX_MENTIONS:
                    return set(sorted(names)[:MAX_MENTIONS])
    return names


def _active_people(names):
    """{lowercased handle: User} for the active people among ``names``: one query."""
    if not names:
        return {}
    query = Q()
    for name in names:
        query |= Q(username__iexact=name)
    people = get_user_model().objects.filter(query, is_active=True).only("pk", "username")
    return {person.username.lower(): person for person in people}


def _rewrite(tokens, people):
    for token in tokens:
        if token.type in ("heading_open", "heading_close"):
            level = int(token.tag[1])
            token.tag = f"h{min(6, level + 2)}"
    for inline in _inline_children(tokens):
        inline.children = _rewrite_inline(inline.children, people)


def _rewrite_inline(children, people):
    result = []
    in_link = 0
    for child in children:
        if child.type == "link_open":
            in_link += 1
        elif child.type == "link_close":
            in_link -= 1
        if child.type in ("s_open", "s_close"):
            child.tag = "del"  # markdown-it writes <s>; deleted text is <del>
        if child.type == "image":
            # Pictures from other hosts are not shown (privacy, CSP): keep a link to them.
            link = Token("link_open", "a", 1)
            link.attrs = {"href": child.attrGet("src") or ""}
            if child.attrGet("title"):
                link.attrs["title"] = child.attrGet("title")
            result.append(link)
            result.extend(child.children or [_text(child.content or child.attrGet("src"))])
            result.append(Token("link_close", "a", -1))
        elif child.type == "text" and people and not in_link and "@" in child.content:
            result.extend(_link_mentions(child.content, people))
        else:
            result.append(child)
    return result


def _link_mentions(content, people):
    tokens = []
    position = 0
    for match in MENTION_RE.finditer(content):
        person = people.get(match.group(1).lower())
        if person is None:
            continue
        if match.start() > position:
            tokens.append(_text(content[position : match.start()]))
        link = Token("link_open", "a", 1)
        link.attrs = {
            "href": reverse("accounts:profile_detail", kwargs={"username": person.username}),
            "class": "mention",
        }
        tokens.extend([link, _text(match.group(0)), Token("link_close", "a", -1)])
        position = match.end()
    if position < len(content):
        tokens.append(_text(content[position:]))
    return tokens


def _text(content):
    token = Token("text", "", 0)
    token.content = content or ""
    return token
