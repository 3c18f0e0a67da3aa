"""Excerpts of a document around the searched words, with those words marked.

The text is split into plain and matching pieces first and ``format_html`` escapes each
piece on its own, so nothing of the document can become markup.
"""

import re

from django.utils.html import escape, format_html, format_html_join

from search.indexing import words_of

WINDOW = 240
BEFORE = 80


def pattern_for(text):
    stems = sorted(
        {word[: max(4, len(word) - 2)] for word in words_of(text)}, key=len, reverse=True
    )
    if not stems:
        return None
    alternatives = "|".join(re.escape(stem) for stem in stems)
    return re.compile(rf"\b(?:{alternatives})\w*", re.IGNORECASE)


def excerpt(body, pattern):
    """About ``WINDOW`` characters of ``body`` around the first match of ``pattern``
    (from ``pattern_for``), marked up."""
    first = pattern.search(body) if pattern else None
    start = 0
    if first and first.start() > BEFORE:
        start = body.rfind(" ", 0, first.start() - BEFORE) + 1
    piece = body[start : start + WINDOW]
    if start + WINDOW < len(body):
        piece = piece.rsplit(" ", 1)[0] + " …"
    if start:
        piece = "… " + piece
    return mark(piece, pattern)


def mark(piece, pattern):
    """``piece`` escaped, with each match of ``pattern`` in a ``<mark>``."""
    if pattern is None:
        return escape(piece)
    pairs, last = [], 0
    for match in pattern.finditer(piece):
        pairs.append((piece[last : match.start()], match.group(0)))
        last = match.end()
    return format_html("{}{}", format_html_join("", "{}<mark>{}</mark>", pairs), piece[last:])
