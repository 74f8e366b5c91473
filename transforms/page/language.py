"""The language an article is written in, from its commonest function words.

Text in, an ISO 639-1 code out (or None when too little text says). News prose of a few
sentences holds dozens of articles, pronouns and prepositions, and those of the languages
Accord reads barely overlap, so counting them is as reliable here as a statistical model and
costs one pass over the words.
"""
from __future__ import annotations

import re
from collections import Counter

from accord.transforms.lexicon import table

# the commonest function words of each language (transforms/lexicon/languages.toml)
FUNCTION_WORDS: dict[str, tuple[str, ...]] = table("languages", "function_words")
_WORD = re.compile(r"[^\W\d_]+")
_SAMPLE = 4000  # characters read: enough words, bounded work per article
_MIN_HITS = 8  # function words needed before a language is named


def detect_language(text: str) -> str | None:
    words = Counter(w.lower() for w in _WORD.findall(text[:_SAMPLE]))
    scores = {lang: sum(words[w] for w in vocab) for lang, vocab in FUNCTION_WORDS.items()}
    lang, hits = max(scores.items(), key=lambda item: item[1])
    return lang if hits >= _MIN_HITS else None


def primary_language(declared: str | None) -> str | None:
    """"en-US", "en_GB", "EN" -> "en"."""
    return re.split(r"[-_]", declared.strip().lower())[0] or None if declared else None
