""" "Did you mean": a close spelling of the words that found nothing.

The vocabulary (``SearchTerm``) holds every word of the index, private ones included,
so a suggestion is only offered after checking that it finds something this person may
see: a private word is never suggested to an outsider.
"""

import difflib

from search import indexing, query
from search.models import SearchTerm, uses_postgres_search

MAX_WORDS = 6


def did_you_mean(user, text):
    words = indexing.words_in(text)[:MAX_WORDS]
    if not words:
        return None
    known = set(SearchTerm.objects.filter(word__in=words).values_list("word", flat=True))
    replaced = {}
    for word in words:
        if word not in known:
            for candidate in _close_words(word):
                replaced[word] = candidate
                break
    if not replaced:
        return None
    suggestion = " ".join(replaced.get(word, word) for word in words)
    return suggestion if query.any_match(user, suggestion) else None


def _close_words(word):
    if uses_postgres_search():
        from django.contrib.postgres.search import TrigramSimilarity

        return list(
            SearchTerm.objects.filter(word__trigram_similar=word)
            .annotate(similarity=TrigramSimilarity("word", word))
            .order_by("-similarity", "word")
            .values_list("word", flat=True)[:3]
        )
    near = SearchTerm.objects.filter(
        word__startswith=word[0],
        word__regex=rf"^.{{{max(1, len(word) - 2)},{len(word) + 2}}}$",
    ).values_list("word", flat=True)
    return difflib.get_close_matches(word, list(near[:5000]), n=3, cutoff=0.75)
