"""Sentence spans in running text, aware of abbreviations, initials and closing quotes."""
from __future__ import annotations

import re

from accord.transforms.lexicon import words

# words whose trailing period rarely ends a sentence (transforms/lexicon/sentences.toml)
ABBREVIATIONS = words("sentences", "abbreviations")

# From the first mark of a run, taken whole: only the whole run can end a sentence, and a match
# tried from every mark of a long run would scan the rest of it each time ("a....... x": quadratic).
# German closes „…“ and »…«, and opens with „ and »; a sentence may open with a capital outside ASCII
_BOUNDARY = re.compile(r"(?<![.!?])[.!?]++[\"”’'»“«)\]]*+(?=\s+[\"“‘'«„»(\[]*+[A-Z0-9À-ÖØ-Þ])")


# "… enter the U.S. The proposal …": after a dotted abbreviation of a name (U.S., D.C., U.K.),
# a word that only opens a clause opens a new sentence; after "Mr." or "Gen." it never does
_DOTTED = re.compile(r"(?<![\w.])(?:[A-Z]\.){2,}$")
_OPENER = re.compile(r"\s+(?:The|A|An|He|She|It|They|We|I|But|And|In|On|This|That|These|Those|His|Her|"
                     r"Their|Its|Our|There|When|While|After|Before|If)\b")


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the period at `dot` closes an abbreviation or an initial."""
    begin = dot
    while begin > 0 and (text[begin - 1].isalnum() or text[begin - 1] in "._"):
        begin -= 1
    word = text[begin:dot]
    if not word:
        return False
    if "." in word:
        # U.S. / D.C. / Ph.D; not a web address ("Tchadinfos.com")
        return all(len(part) <= 3 for part in word.split("."))
    if len(word) == 1 and word.isupper():
        return True  # the F in "John F. Kerry"
    return word.lower() in ABBREVIATIONS


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of text[start:end], whitespace trimmed."""
    end = len(text) if end is None else end
    spans, begin = [], start
    for match in _BOUNDARY.finditer(text, start, end):
        if text[match.start()] == "." and _is_abbreviation(text, match.start()) and \
                not (_DOTTED.search(text, max(start, match.start() - 8), match.start() + 1)
                     and _OPENER.match(text, match.end())):
            continue
        spans.append((begin, match.end()))
        begin = match.end()
    spans.append((begin, end))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out
