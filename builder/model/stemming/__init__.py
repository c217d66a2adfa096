"""Stemmers for search and the build's checks: one word in, its stem out.

`stem(lang, word)` normalises the word (NFC, lower case) and applies the language's stemmer; a
language without one gets the normalised word. Each stemmer has a twin in the portal's search
(theme/assets/search/lunr.<lang>.js); tests/test_stemming.py holds the two to one table and to each
other.
"""

from __future__ import annotations

import unicodedata

from builder.model.stemming import kazakh

STEMMERS = {"kk": kazakh.stem}


def stem(lang: str, word: str) -> str:
    """The stem of `word` in language `lang` (identity, after normalising, where there is no stemmer)."""
    word = unicodedata.normalize("NFC", word).lower()
    stemmer = STEMMERS.get(lang)
    return stemmer(word) if stemmer else word
