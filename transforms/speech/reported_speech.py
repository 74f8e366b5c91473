"""Reporting frames: a speech cue, who it is said by, and what is reported.

"Lavrov asserted that X", "X, the report said", "“…,” said Leamer", "according to Lavrov, X",
"he rejected this, saying that X". Pure functions over one sentence of a text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from accord.transforms.lexicon import table, words
from accord.transforms.speech.speaker_registry import Institutions
from accord.transforms.speech.speakers import NO_REGISTRY, PERSON_NOUNS, Mention, canonical_country


def _lexicon(words: str) -> frozenset[str]:
    """A word list written as one whitespace-separated string."""
    return frozenset(words.split())


# The cue words are data (transforms/lexicon/speech_cues.toml); the function words of the grammar
# around them stay here. Those in CLAUSE_VERBS may take the reported clause without "that".
SPEECH_VERBS = words("speech_cues", "speech_verbs")
CLAUSE_VERBS = words("speech_cues", "clause_verbs")
OBJECT_VERBS = words("speech_cues", "object_verbs")
IRREGULAR = table("speech_cues", "irregular")
PHRASES = table("speech_cues", "phrases")
OBJECT_PREPOSITIONS = table("speech_cues", "object_prepositions")
FILLERS = words("speech_cues", "fillers")
NOT_NAMES_AFTER = _lexicon("""
a an the this that these those his her their its our my your who which what when where while as at in on
of to from by with and or but is are was were be been has have had will would can could should might must
do does did not no than then there here he she they we it i you him them us me about after before over
""")
NOUN_LIKE = words("speech_cues", "noun_like")
SUBJECT_OR_AUXILIARY = _lexicon("""
i we you they to will would can could should may might must did do does not also who which that often
""")
FINITE = _lexicon("is are was were has have had will would can could should does do did")
PASSIVE = _lexicon("was were been being is are be")
_MONTH = r"(?:Jan|Feb|March|April|May|June|July|Aug|Sept?|Oct|Nov|Dec)\w*\.?\s+\d+"


def _forms(verb: str) -> tuple[str, ...]:
    if verb in IRREGULAR:
        return IRREGULAR[verb]
    stem = verb[:-1] if verb.endswith("e") else verb
    past = verb[:-1] + "ied" if verb.endswith("y") and verb[-2] not in "aeiou" else stem + "ed"
    third = verb[:-1] + "ies" if verb.endswith("y") and verb[-2] not in "aeiou" else verb + (
        "es" if verb.endswith(("s", "sh", "ch")) else "s")
    return (verb, third, past, stem + "ing")


FORM_TO_VERB: dict[str, str] = {}
for _verb in SPEECH_VERBS:
    for _form in _forms(_verb):
        FORM_TO_VERB[_form] = _verb
for _phrase, _forms_of in PHRASES.items():
    for _form in _forms_of:
        FORM_TO_VERB[_form] = _phrase
_CUE = re.compile(r"\b(?:according to|" + "|".join(sorted(FORM_TO_VERB, key=len, reverse=True)) + r")\b",
                  re.IGNORECASE)


_CAPITALISED_BEFORE = re.compile(r"[A-Z][\w’'.-]* $")
_WORD = re.compile(r"\b(?:[Aa]ccording to|[A-Za-z]+(?:\s+(?:out|on))?)\b")


class _Hit:
    """A cue found in text, with the re.Match methods find_frames uses."""
    __slots__ = ("_start", "_end", "_text")

    def __init__(self, start: int, end: int, text: str):
        self._start, self._end, self._text = start, end, text

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def group(self, _: int = 0) -> str:
        return self._text


def _cues(text: str, lo: int, hi: int) -> list[_Hit]:
    """Speech cues in text[lo:hi]: one dictionary look-up a word (a large alternation is slow)."""
    hits = []
    for m in _WORD.finditer(text, lo, hi):
        word = m.group(0)
        low = word.lower()
        # the word first, then the (slower) looks around it, for the few words that are cues
        if low in FORM_TO_VERB or low == "according to":
            hit = _Hit(m.start(), m.end(), word)
        elif (" " in low or "\n" in low) and (first := word.split()[0]).lower() in FORM_TO_VERB:
            hit = _Hit(m.start(), m.start() + len(first), first)
        else:
            continue
        if m.start() > lo and text[m.start() - 1] == "-":
            continue  # "so-called", "self-described": part of a compound word
        if word[0].isupper() and _CAPITALISED_BEFORE.search(text[max(lo, m.start() - 30):m.start()]):
            continue  # "the United States": part of a name
        if low in NOUN_LIKE:
            before = re.search(r"([\w’']+)\W*$", text[max(lo, m.start() - 30):m.start()])
            if not (before and before.group(1).lower() in SUBJECT_OR_AUXILIARY) \
                    and not re.match(r"\s+that\b", text[m.end():hi]):
                continue  # "New York state", "the report", "a claim": nouns here
        hits.append(hit)
    return hits


@dataclass
class Frame:
    cue: str
    cue_start: int
    cue_end: int
    speaker: Mention | None
    content: tuple[int, int] | None  # the reported words, when the frame reports any
    inverted: bool = False  # the speaker follows the cue ("said Leamer")
    participle: bool = False  # "…, saying that …": the speaker is the sentence's subject
    more: tuple[int, int] | None = None  # the rest of the words around a cue in parentheses:
    # "Many of the closures, he said, have involved …" -> content "Many of the closures", more "have …"
    quote_only: bool = False  # a naming verb ("called it “absurd”"): a statement only around a quote


# what may follow the speaker of an inverted cue ("said Leamer.", "said Leamer, a …", "said Leamer in"),
# a described one's postmodifier among them ("says a source familiar with the talks")
_INVERTED_END = re.compile(r"\s*(?:$|[,.;:!?()—–\-]|(?:who|in|on|at|of|from|during|after|about|to|and|with|"
                           r"familiar|involved|close|briefed|knowledgeable|speaking)\b)")
_APPOSITION = re.compile(r"\s*+(?:\([^)]{0,40}\))?\s*+,")


def _gap_is_filler(gap: str) -> bool:
    if len(gap) > _REACH:
        return False  # a few words, never this long: reading a long gap per cue is quadratic
    gap = re.sub(_MONTH, " ", re.sub(r"\([^)]{0,40}\)", " ", gap))
    words = re.findall(r"[\w’']+|[^\w\s]", gap.lower())
    return all(w in FILLERS or w.endswith("ly") or w.isdigit() for w in words) and len(words) <= 6


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and (text[s].isspace() or text[s] in ",:;—–-"):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in ".,;:—–-"):
        e -= 1
    return s, e


def _outside(spans: list[tuple[int, int]], pos: int) -> bool:
    return not any(s <= pos < e for s, e in spans)


# How far before a cue a pattern anchored there ("…, who $", "… and $") is looked for: a search
# from the sentence's start would try every position before every cue, quadratic in a long
# sentence of many cues. No such phrase reaches back this far.
_REACH = 200


def _ending(pattern: re.Pattern, text: str, lo: int, hi: int) -> re.Match | None:
    """pattern.search(text, lo, hi) for a pattern that ends at hi ("…$")."""
    return pattern.search(text, max(lo, hi - _REACH), hi)


_WHO = re.compile(r",\s*who\s+(?:[a-z]+ly\s+|also\s+|later\s+|has\s+|had\s+|have\s+)*$")
_APPOSITIVES = re.compile(r"(?:\s*+\([^)]{0,40}\))?(?:\s*+,[^,]{1,60}+){0,3}\s*+,\s*$")


# a comment set off by commas between a subject and its verb: "officials, however, said"
_PARENTHETICAL = re.compile(r",\s*+(?:however|meanwhile|though|too|in turn|for (?:his|her|their|its) part|in fact|"
                            r"of course|for example|for instance)\s*+,\s*+$")


def _subject_before(text: str, lo: int, cue_start: int, mentions: list[Mention],
                    places: Institutions) -> Mention | None:
    """The speaker standing before the cue: adjacent, or ahead of an appositive ("X, a …, said"),
    or the one a relative 'who' stands for ("Nicky Hale, 24, of Dover, who said …")."""
    aside = _ending(_PARENTHETICAL, text, lo, cue_start)
    cue_start = aside.start() if aside else cue_start
    before = [m for m in mentions if lo <= m.start and m.end <= cue_start]
    who = _ending(_WHO, text, lo, cue_start)
    if who:
        for m in before:
            # an apposition spans some 230 characters at most: one from every mention before every
            # "who" is quadratic in a long sentence
            if m.kind != "pronoun" and who.start() - m.end < 2 * _REACH \
                    and _APPOSITIVES.fullmatch(text, m.end, who.start() + 1):
                return m
        return None
    for i in range(len(before) - 1, -1, -1):
        m = before[i]
        if _gap_is_filler(text[m.end:cue_start]):
            if m.kind == "name" and _ending(_LOCATIVE, text, lo, m.start) and (
                    places.is_place(m.name or m.text) or canonical_country(m.name or m.text)):
                # "NATO leaders meeting in Vilnius told …": the place is no subject
                return _sentence_subject(text, lo, m.start, mentions, [])
            head = before[i - 1] if i else None
            if head is not None and _a_person(head) and _POSTMODIFIER.fullmatch(text, head.end, m.start):
                return head  # "an adviser to Ann Lee said": the adviser speaks, Lee is whom he serves
            return m
        # "a spokesman for the buyer said", "another source familiar with Cruz’s thinking said"
        described = next((n for n in reversed(before[:i + 1]) if n.kind == "nominal" and _a_person(n)
                          and _DESCRIBED_SOURCE.match(n.text)
                          and _POSTMODIFIER_TO_CUE.fullmatch(text, n.end, cue_start)), None)
        if described is not None:
            return described
        break
    if text[lo:cue_start].rstrip().endswith(","):
        for m in before:
            if m.kind != "pronoun" and _APPOSITION.match(text, m.end) and not _ending(_PREPOSED, text, lo, m.start) \
                    and (m is before[0] or _gap_is_filler(text[lo:m.start])
                         or text[lo:m.start].rstrip().endswith((",", "''"))):
                return m
    return None


# A prepositional phrase after a speaker's noun or name, saying whom they serve or where they work:
# "an adviser to Ann Lee", "a spokesman for the buyer", "Tom Reyes at the Hoover Institution"
_POSTMODIFIER = re.compile(r"\s+(?:for|to|of|at|with|from|close\s+to|familiar\s+with)\s+"
                           r"(?:(?:the|a|an|his|her|their|its)\s+)?")
_POSTMODIFIER_TO_CUE = re.compile(r"\s+(?:for|to|of|with|from|close\s+to|familiar\s+with)\s+"
                                  r"(?:(?!(?:who|that|which|whose|when|where|and|but)\b)[\w’'.&-]+\s+){1,5}")
# a source described, not named: "a spokesman", "the aides", "one official", "several supporters"
_DESCRIBED_SOURCE = re.compile(r"(?i:an?|the|one|another|two|three|some|several|many|most|few|top|senior)\b")
def _a_person(m: Mention) -> bool:
    """A name, or a noun for people ("an adviser", "aides"); not a report ("a letter from Lee") nor
    a share of a group ("79 percent of Democrats", whose speakers are the Democrats)."""
    return m.kind == "name" or m.kind == "nominal" and (m.head in PERSON_NOUNS or m.head in _GROUP_HEADS
                                                        or m.head == "source")


_LOCATIVE = re.compile(r"\b(?:in|at|near|outside|inside|from|into|to|toward|towards|across|throughout)\s+(?:the\s+)?$")
# a mention right after one of these stands in a prepositional phrase, not as a subject:
# "At Boca West, …", "In addition to the FBI probe, …"
_PREPOSED = re.compile(r"\b(?:[Aa]t|[Ii]n|[Oo]n|[Ff]or|[Ff]rom|[Ww]ith|[Oo]f|[Bb]y|[Aa]fter|[Bb]efore|[Dd]uring|"
                       r"[Ss]ince|[Ll]ike|[Uu]nlike|[Aa]bout|[Tt]o|[Aa]gainst|[Aa]mong|[Bb]esides|[Dd]espite|"
                       r"[Ii]nside|[Oo]utside|[Uu]nder|[Oo]ver|[Tt]hrough|[Nn]ear|[Ww]ithout)\s+$")
# a second verb of the subject's: "McConnell praised the mogul and said …", "…, and later told …"
_COORDINATED = re.compile(r"(?:,\s*)?\b(?:and|but)\s+(?:(?:also|then|later|again|even|finally|quickly|"
                          r"[a-z]+ly)\s+)?$")


def _sentence_subject(text: str, lo: int, cue_start: int, mentions: list[Mention],
                      quotes: list[tuple[int, int]]) -> Mention | None:
    """The subject a coordinated verb shares ("Lee met the governor and said …"): the first
    mention that opens the sentence, or opens it after an introductory phrase set off by a comma."""
    for m in mentions:
        if m.start < lo or m.end > cue_start or not _outside(quotes, m.start):
            continue
        gap = text[lo:m.start]
        if not gap.strip(" \t“\"‘'(—–-") or _gap_is_filler(gap) or (
                gap.rstrip().endswith(",") and not _ending(_PREPOSED, text, lo, m.start)):
            if m.kind == "pronoun" and m.text.lower() in ("we", "i", "you"):
                return None  # the words of someone quoted, not the writer's subject
            if m.kind == "nominal" and m.plural and m.head not in PERSON_NOUNS and m.head not in _GROUP_HEADS:
                return None
            return m
    return None


_GROUP_HEADS = words("speech_cues", "group_heads")


def _source_phrase(text: str, at: int, hi: int) -> Mention | None:
    """'according to exit polls', 'according to recent data from comScore': the words as source."""
    phrase = re.match(r"\s+((?:[\w’'.&-]+\s+){0,5}?[\w’'&-]+)(?=\s*(?:[,.;:)]|$))", text[at:hi])
    if phrase is None:
        return None
    start = at + phrase.start(1)
    words = phrase.group(1)
    return Mention(start, start + len(words), words, "nominal", head=words.split()[-1].lower(),
                   plural=words.endswith("s"))


_DESCRIPTOR = re.compile(r"\s+(?:(?:of|for)\s+)?(?:[a-z][\w\-]*\s+(?:(?:of|for)\s+)?){1,3}")


def _descriptor(text: str, s: int, e: int) -> bool:
    """'campaign manager', 'master of ceremonies', 'conservative activist': lower-case words that
    describe the person named next."""
    if not _DESCRIPTOR.fullmatch(text, s, e):
        return False
    words = [w for w in text[s:e].split() if w not in ("of", "for")]
    return not any(w in NOT_NAMES_AFTER or w in FILLERS or w in FORM_TO_VERB or w.endswith("ly")
                   for w in words)


def _subject_after(text: str, cue_end: int, hi: int, mentions: list[Mention]) -> Mention | None:
    """The speaker of an inverted cue: 'said Mook', 'said Clinton campaign manager Robby Mook',
    'said master of ceremonies Asab Al-Tabchi'."""
    after = [m for m in mentions if m.start >= cue_end]
    for i, m in enumerate(after[:2]):
        gap = text[cue_end if i == 0 else after[0].end:m.start]
        if m.kind == "pronoun" or not (_gap_is_filler(gap) if i == 0 else _descriptor(gap, 0, len(gap))):
            if i == 0 and m.kind == "name" and _descriptor(text, cue_end, m.start):
                return m
            break
        nxt = after[i + 1] if i + 1 < len(after) else None
        if nxt is not None and nxt.kind == "name" and m.kind == "name" \
                and _descriptor(text, m.end, nxt.start):
            return nxt  # "Clinton campaign manager Robby Mook": the person, not the affiliation
        return m
    return None


_DAY = (r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight|week|month|"
        r"year|weekend|morning|afternoon|evening|night)")
_MEDIUM = (r"(?:statement|interview|speech|e-?mail|letter|post|tweet|call|conference|briefing|appearance|"
           r"hearing|debate|rally|video|op-ed|memo|report|address|remarks|message|news conference)")
# Time and setting phrases that may stand between a cue and what it reports ("said on Friday",
# "said in a statement to CNN", "wrote on Twitter"). The spaces and the comma before one are
# taken whole: a "\s*,?\s*" could cut a run of spaces in two anywhere (quadratic in the run).
_ADJUNCT = re.compile(
    r"(?:\s*+(?:,\s*+)?(?:(?:on|last|this|early|late|earlier|later|next)\s+)?" + _DAY
    + r"\b(?:\s+(?:morning|afternoon|evening|night))?"
    r"|\s*+(?:,\s*+)?(?:" + _MONTH + r")"
    r"|\s*+(?:,\s*+)?(?:in|during|on|at|via)\s+(?:a|an|the|his|her|their|its)\s+(?:[\w’'-]+\s+){0,3}?" + _MEDIUM
    + r"s?\b(?:\s+(?:with|to|on|for)\s+(?:the\s+)?(?:[A-Z][\w’'.&-]*\s*)+(?:[“\"][^”\"]{1,40}[”\"])?)?"
    r"(?:\s+(?:set\s+up|organi[sz]ed|hosted|held|sponsored|arranged|convened|moderated)\s+by\s+"
    r"(?:[\w’'.&-]+\s+){0,3}?[\w’'.&-]+(?=\s*[,.;:]|\s*$))?"
    r"|\s*+(?:,\s*+)?on\s+(?:Twitter|Facebook|Instagram|television|TV|radio|(?:[A-Z][\w’'.&-]*\s*){1,3}"
    r"(?:[“\"][^”\"]{1,40}[”\"])?)"
    r"|\s++(?:also|again|later|repeatedly|publicly|privately|previously|recently|earlier|once)\b)*",
    re.IGNORECASE)
# Words that cannot open a reported clause: what follows the cue is then an adjunct or an object.
# "if" can: "said if elected he would …" reports a conditional.
NOT_CLAUSE = _lexicon("""
is are was were has had have will would to about of for with in on at from by during after before
as when while because why how whether where than so into through via since until against without
over under like and or but then there's outside inside onstage near amid among across behind
""")
# Who is told: "told reporters", "told The New York Times", "told me", "told a crowd in Iowa".
# A capitalised word is taken whole: one that could also be cut into several ("ABC" as "A", "BC")
# makes a run of capitals try every cut (n^6 on 90 capitals); only before a period may it end
# early ("told Fox News.”" -> "Fox News").
_HEARER_WORD = r"[A-Z][\w’'&-]*+(?:\.[\w’'&-]*+)*"
_HEARER = re.compile(
    r"\s++(?:me|us|him|her|them|you|reporters|journalists|supporters|voters|students|lawmakers|"
    r"(?:the\s+)?(?:[A-Z][\w’'.&-]*\s+){0,2}(?:[a-z][\w-]*\s+){0,2}(?:newspaper|paper|station|network|"
    r"channel|magazine|outlet|site|website|radio|broadcaster|daily|weekly|agency)\s+(?:" + _HEARER_WORD
    + r"\s*){1,4}|(?:the\s+)?(?:" + _HEARER_WORD + r"\s*){1,6}|(?:a|an|the|his|her|their)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:audience|crowd|reporters?|interviewer|host|newspaper|station|network|radio|magazine|paper|"
    r"committee|panel|group|gathering)(?:\s+(?:in|at)\s+(?:" + _HEARER_WORD + r"\s*){1,3})?)(?=[\s,.:;]|$)")


def _clause_start(text: str, s: int, e: int) -> bool:
    first = re.match(r"[\w’']+", text[s:e])
    if first is None:
        return text[s:s + 1] in "“\"‘'"
    word = first.group(0).lower()
    return word not in NOT_CLAUSE and word not in ("following", "according") \
        and not (word.endswith("ly") and len(word) > 4)


_THE_BEFORE = re.compile(r"\s(?:the|The)\s+$")
# words that describe a speaker named after them, set off from the reported clause by a comma
_DESCRIBED = re.compile(r",\s*((?:[\w’'.-]+\s+){1,5})$")
# what a sentence may open with before its clause: "But …", "In all, though, …", "Overall, …"
_OPENER = re.compile(r"(?:(?:but|and|so|yet)\s+)?(?:(?:in|on|at|for|after|before|during|since|by|with|over|under|among|"
                     r"amid|as|across|despite|from|unlike)\b[^,.;:]{0,60},\s+(?:though,\s+|however,\s+)?|"
                     r"[a-z]+ly,\s+)?", re.IGNORECASE)


def _opens_clause(text: str, s: int, e: int) -> bool:
    """Whether text[s:e] reads as a sentence's clause, after what may open a sentence."""
    at = _OPENER.match(text, s, e).end()
    return at < e and _clause_start(text, at, e)


def _relative_that(text: str, cue: str, at: int, that_at: int) -> bool:
    """'said the areas of the network that were hacked …': 'that' opens a relative clause of a
    noun the cue governs, not the reported clause (what stands before it is no hearer or time)."""
    words = text[at:that_at].split()
    if not words or words[0].lower() not in ("the", "a", "an", "this", "these", "those", "some"):
        return False
    if FORM_TO_VERB.get(cue.lower(), "") in ("tell", "ask", "remind", "assure"):
        hearer = _HEARER.match(text, at, that_at)
        at = hearer.end() if hearer else at
    # from `at` only: the text from its start, copied for every cue, is quadratic in a long article
    return _ADJUNCT.match(text, at, that_at).end() < at + len(text[at:that_at].rstrip())


_COMPLEMENT_NOUN = re.compile(r"\b(?:protestations?|claims?|assertions?|arguments?|contentions?|suggestions?|"
                              r"insistence|notion|idea|allegations?|charges?|warnings?|promises?|remarks?)\s*$")


# "that" followed by a verb is a pronoun, the subject of the reported clause ("said that is unlikely")
_DEMONSTRATIVE = re.compile(r"\s+(?:is|was|were|are|would|will|could|can|should|might|may|must|has|had|does|did|"
                            r"isn[’']t|wasn[’']t|won[’']t|wouldn[’']t)\b|[’']s\b")
# "that" before a few words that end the sentence with no verb among them: "rejected that idea."
_DETERMINER_THAT = re.compile(r"(?:\s+(?!(?:is|are|was|were|has|have|had|will|would|can|could|should|did|does|do)\b)"
                              r"[a-z][\w’'-]*){1,3}\s*(?:[.;!?]|$)")
_SUBJECT_PRONOUNS = frozenset(("he", "she", "they", "we", "i", "it"))


def _clause_begun(before_that: str) -> bool:
    """Whether the reported clause opens before a 'that' after the cue: a subject pronoun stands
    there ("said he is sure that …", "says he wants an economy that works") or the 'that' opens a
    second clause joined to the first ("said he agreed but that …")."""
    words = re.findall(r"[A-Za-z]+", before_that)
    return bool(_SUBJECT_PRONOUNS.intersection(w.lower() for w in words)) \
        or len(words) > 1 and words[-1].lower() in ("and", "but", "or")


def _content_after(text: str, cue: str, cue_end: int, hi: int) -> tuple[int, int] | None:
    """The reported clause after a cue: after 'that' (within a few words), else straight on,
    past a hearer ("told reporters") and a time or setting ("on Friday", "in a statement")."""
    rest = text[cue_end:hi]
    # an aside between dashes ("complained — excerpts of which the campaign emailed — that …")
    # is passed over on the way to "that"; a "that" inside it is not this cue's
    aside = re.match(r"[^,;“”\"—]{0,80}?\s*(—[^—]{1,160}—)", rest)
    if aside:
        rest = rest[:aside.start(1)] + " " * (aside.end(1) - aside.start(1)) + rest[aside.end(1):]
    # one class for every character, the blanked aside's spaces included: a second branch for a
    # space after a space read each such space two ways (exponential in the aside's length)
    that = re.match(r"([^,;“”\"—–]{0,240}?)\bthat\b", rest)
    if that and len(that.group(1).strip()) > 80 and not aside:
        that = None
    if that and FORM_TO_VERB.get(cue.lower(), "") in OBJECT_VERBS and _COMPLEMENT_NOUN.search(that.group(1)):
        that = None  # "mocked Bush's protestations that …": the object is the whole noun phrase
    if that and re.search(r"\b(?:at|of|about|on|to|with|for|from|by|in|like)\s*$", that.group(1)):
        that = None  # "hinted at that", "spoke of that": a pronoun, not the clause's opening
    begun = bool(that) and _clause_begun(that.group(1))
    if begun:
        that = None
    if that and not that.group(1).strip() and _DETERMINER_THAT.match(rest, that.end()):
        that = None  # "rejected that idea.": a determiner, its noun the object
    if that and _DEMONSTRATIVE.match(rest, that.end()) and not that.group(1).strip():
        s, e = _trim(text, cue_end + that.end() - 4, hi)  # "said that is unlikely": "that" is its subject
        return (s, e) if e > s else None
    if that and len(that.group(1).split()) <= 8 and not (set(that.group(1).lower().split()) & FINITE) \
            and not _relative_that(text, cue, cue_end, cue_end + that.start() + len(that.group(1))):
        s, e = _trim(text, cue_end + that.end(), hi)
        return (s, e) if e > s else None
    verb = FORM_TO_VERB.get(cue.lower(), "")
    if verb == "ask":
        return _question_after(text, cue_end, hi)
    if verb in OBJECT_PREPOSITIONS:
        # "called for a ban", "warned of fakery": the preposition's object is what is reported
        for at in (cue_end, _ADJUNCT.match(text, cue_end, hi).end()):  # "called on", "called Monday for"
            prep = re.match(r"\s*([a-z]+)\s+", text[at:hi])
            if prep and prep.group(1) in OBJECT_PREPOSITIONS[verb]:
                return _object_after(text, at + prep.end(), hi)
    if verb in OBJECT_VERBS:
        if verb in _NAMING_ONLY and re.match(r"\s*(?:as\s+)?[“\"‘']", text[cue_end:hi]):
            return None  # "a group called “Fight Now”", "described as “…”": a name, or _NAMING's quote
        return _object_after(text, cue_end, hi)
    if verb not in CLAUSE_VERBS and not begun:
        return None
    rest_at = cue_end
    if verb == "tell":  # skip the hearer: "told reporters"
        hearer = _HEARER.match(text, rest_at, hi)
        if not hearer:
            return None
        rest_at = hearer.end()
    rest_at = _ADJUNCT.match(text, rest_at, hi).end()
    if verb == "tell" and text[rest_at:hi].lstrip().startswith((",", ":")) or re.match(r"\s*that\b", text[rest_at:hi]):
        rest_at = re.match(r"\s*[,:]?\s*(?:that\b)?", text[rest_at:hi]).end() + rest_at
    elif re.match(r",\s*that\s", text[rest_at:hi]):
        rest_at += re.match(r",\s*that\s", text[rest_at:hi]).end()  # "…,” Jacobs said, that he has had …"
    elif text[rest_at:rest_at + 1] == "," and verb not in ("add", "write", "tweet"):
        return None  # "said, referring to …": an aside, not a clause
    s, e = _trim(text, rest_at, hi)
    if e <= s or not _clause_start(text, s, e):
        return None
    if verb in OBJECT_PRONE_VERBS and text[s:s + 1] not in "“\"‘'" and not _finite_soon(text, s, e):
        return None  # "wrote his dissertation on …", "maintains a floating array": an object
    return s, e


# Where an object ends: a second verb phrase or an adverbial clause joined to the sentence ("denied
# the charges and counter-accused her", "urged calm, saying …", "…, while …", "rejected the plan; …"),
# a dash. A comma and "and" may go on listing the object ("with A, B, and C").
_OBJECT_END = re.compile(r"[;—–]|\s-\s|,\s*(?:while|even as|because|although|though|according to|[a-z]+ing)\b|\s(?:and|but)\s+(?:also\s+|then\s+|later\s+)?[a-z][a-z-]*ed\b")


def _object_after(text: str, cue_end: int, hi: int) -> tuple[int, int] | None:
    """What a verb whose object is the report reports: its object, a request or pledge ("urged
    voters to wait", "pledged to act") or a question ("questioned how …"), past a time or setting,
    up to the end of its clause."""
    at = _ADJUNCT.match(text, cue_end, hi).end()
    s, _ = _trim(text, at, hi)
    end = _OBJECT_END.search(text, s, hi)
    s, e = _trim(text, s, end.start() if end else hi)
    if e <= s or not (_clause_start(text, s, e) or re.match(r"to\s+[a-z]", text[s:e]) or _WH.match(text, s, e)):
        return None
    if text[s:e].lower() in _ANAPHORS:
        return None  # "rejected this": what is rejected was said before, not here
    return s, e


_ANAPHORS = frozenset(("this", "that", "it", "them", "him", "her", "these", "those", "so"))


OBJECT_PRONE_VERBS = words("speech_cues", "object_prone_verbs")
_FINITE_WORD = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|can|could|should|may|might|must|did|"
                          r"does|do|won’t|won't|[a-z]+n[’']t|[a-z]{3,}ed)\b|[’'](?:s|re|ll|d|ve)\b")


def _finite_soon(text: str, s: int, e: int) -> bool:
    """A finite verb within the first words of text[s:e], before any comma."""
    head = re.match(r"[^,;:]*", text[s:e]).group(0)
    return bool(_FINITE_WORD.search(" ".join(head.split()[:8])))


# who is asked, when a question or request follows: "asked the woman to …", "asked a judge whether …"
_ASKED = re.compile(r"\s+(?:the|a|an|his|her|their|its|this|that)\s+(?:[\w’'-]+\s+){0,2}?[\w’'-]+"
                    r"(?=\s+(?:to|whether|if|what|why|how|when|where|who)\b)")
# the word first: the seven look-behinds tried at every position made it slow
_ONE_OF_MANY = re.compile(r"(?=one|another)(?<!\bno )(?<!\bany )(?<!\bevery )(?<!\bthe )(?<!\bthat )(?<!\bwhich )"
                          r"(?<!\bleast )(?:^|(?<=[\s,;—–(]))(one|another)\s+$", re.IGNORECASE)
_RELATIVE_BEFORE = re.compile(r"\b(?:which|that|what|who)\s+$")
_WH = re.compile(r"(?:whether|if|what|why|how|when|where|who|which)\b")


def _question_after(text: str, cue_end: int, hi: int) -> tuple[int, int] | None:
    """What is asked: 'asked (Lee) whether/what/how …' (the question), 'asked Lee to wait' (the
    request, its hearer included). A question in quotation marks is a quote, not reported."""
    at = _ADJUNCT.match(text, cue_end, hi).end()
    s, _ = _trim(text, at, hi)
    if _WH.match(text, s, hi):
        return _trim(text, s, hi)
    hearer = _HEARER.match(text, at, hi) or _ASKED.match(text, at, hi)
    if hearer is None:
        return None
    after = _ADJUNCT.match(text, hearer.end(), hi).end()
    rest, _ = _trim(text, after, hi)
    if _WH.match(text, rest, hi):
        return _trim(text, rest, hi)
    if re.match(r"to\s+[a-z]", text[rest:hi]) and not re.match(r"\s+(?:about|for|by)\b", text[at:hi]):
        return _trim(text, s, hi)
    return None


def _around(text: str, clause_lo: int, lo: int, speaker: Mention, cue_end: int,
            hi: int) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
    """'A, he said, B': the reported words on both sides of a cue set off by commas."""
    start = clause_lo if clause_lo < speaker.start else lo
    if not text[start:speaker.start].rstrip().endswith((",", ",''")):
        return None, None
    at = _ADJUNCT.match(text, cue_end, hi).end()
    rest = re.match(r"\s*,\s*", text[at:hi])
    if rest is None or re.match(r"(?:[a-z]+ing|who|which|according|adding)\b", text[at + rest.end():hi]):
        return None, None
    first, second = _trim(text, start, speaker.start), _trim(text, at + rest.end(), hi)
    if first[1] <= first[0] or second[1] <= second[0]:
        return None, None
    return first, second


def _only_tail(text: str, cue: str, at: int, hi: int) -> bool:
    """Nothing but a hearer, a time, a setting or an aside follows the cue ("said Thursday.",
    "told The New York Times.", "said, referring to …"): the reported words stand before it."""
    if FORM_TO_VERB.get(cue.lower(), "") in ("tell", "ask"):
        hearer = _HEARER.match(text, at, hi)
        at = hearer.end() if hearer else at
    at = _ADJUNCT.match(text, at, hi).end()
    rest = text[at:hi].strip(" .,;:!?\"”'’")
    if not rest:
        return True
    if re.match(r"\s*,\s*(?:[a-z]+ing|who|which|according)\b", text[at:hi]):
        return True
    word = re.match(r"[\w’']+", rest)
    return bool(word) and word.group(0).lower() in ("from", "during", "at", "in", "on", "after", "before",
                                                    "while", "outside", "inside", "via", "to", "with")


# Verbs that are no speech verbs but put words in someone's mouth when a quote follows:
# "called it “disqualifying”", "referred to him as “…”", "describing their meeting as “…”".
_NAMING = re.compile(
    r"(?<![\w\-])(?:call(?:s|ed|ing)?|describ(?:es|ed|ing|e)|refer(?:s|red|ring)?\s+to|nam(?:ed|es|ing)"
    r"|dub(?:s|bed|bing)?|label(?:s|ed|led|ing|ling)?|brand(?:s|ed|ing)?|welcom(?:es|ed|ing|e)"
    r"|hail(?:s|ed|ing)?|dismiss(?:es|ed|ing)?|(?:en)?titled|denounc(?:es|ed|ing|e)|condemn(?:s|ed|ing)?"
    r"|decr(?:ies|ied|ying|y)|characteri[sz](?:es|ed|ing|e))\b(?!\s+(?:for|on|off|up|out|back|in|after|by|upon)\b)")
# "Comey's conclusion that her actions were “extremely careless”"
_SAYING_NOUN = re.compile(r"[’']s\s+(?:[a-z][\w\-]*\s+)?(?:conclusion|claim|assertion|argument|insistence|warning|"
                          r"suggestion|contention|statement|remarks?|comments?|description|characterization|"
                          r"declaration|prediction|promise|pledge|complaint|accusation|verdict|assessment)s?\b")
# "issued a statement saying …": the participle's speaker is who issued it
_ISSUED = re.compile(r"\b(?:issued|released|put\s+out|sent|posted|published|tweeted|wrote|gave)\s+"
                     r"(?:a|an|the)\s+(?:[\w\-]+\s+){0,2}?(?:statement|letter|memo|tweet|message|e-?mail|"
                     r"release|note|post|response)\s*$")
_ABSOLUTE_LEAD = re.compile(r"(?:[,:–—(]|\band|\bwith)\s*$")


# a phrase set before the subject: "In an interview with CNN, Lee said", "When Ann Lee asked, …"
_FRONTED_PHRASE = re.compile(r"[\s“\"‘'(]*+(?:(?:And|But|So|Then|Yet|Still|Later|Now)\b,?\s++)?"
                             r"(?:(?:In|On|At|During|After|Before|When|While|As|Since|Once|Although|Though|If|"
                             r"Because|Despite|Unlike|Like|With|Without|Following|Amid|Under|Here|There|Back|Earlier|"
                             r"Meanwhile|Separately|Instead|[A-Z][a-z]+ly)\b[^,:;“”\"]{0,120}+,\s*+)?"
                             r"(?:\d+-year-old\s++)?")


_SUBJECT_GOES_ON = re.compile(r"\s*+,|\s++[a-z]|[’']s?\s")
# a relative clause between the subject and the participle has a subject of its own
_RELATIVE = re.compile(r",\s++(?:who|which|whose)\b")


def _opening_subject(text: str, lo: int, cue_start: int, before: list[Mention], quotes: list[tuple[int, int]],
                     places: Institutions) -> Mention | None:
    """The name that opens the sentence, after a fronted phrase if any, followed by its verb, an
    apposition or a possessive ("Lee’s aides"): the subject a participle after a comma hangs on."""
    lead = _FRONTED_PHRASE.match(text, lo)
    subject = next((x for x in before if x.kind != "pronoun" and x.start >= lead.end()), None)
    if subject is None or subject.kind != "name" or text[lead.end():subject.start].strip(" \t“\"‘'(") \
            or not _outside(quotes, subject.start) or not _SUBJECT_GOES_ON.match(text, subject.end) \
            or _RELATIVE.search(text, subject.end, cue_start):
        return None
    name = subject.name or subject.text
    if places.is_place(name) or canonical_country(name) or name.lower().rstrip(".") in places.state_abbreviations:
        return None  # "At a rally in Portsmouth, N.H., on Tuesday, Ann Lee …": the place goes on
    return subject


def _participle_speaker(text: str, lo: int, clause_lo: int, cue_start: int, mentions: list[Mention],
                        quotes: list[tuple[int, int]], places: Institutions) -> Mention | None:
    """Who a participle's speech belongs to: the sentence's subject after a comma ("…, saying"),
    who issued a statement ("issued a statement saying"), or the name right before it ("– Ryan
    saying …", "and Trump calling …")."""
    lead = text[lo:cue_start].rstrip()
    if _ending(_COORDINATED, text, lo, cue_start):
        # "…, calling it “X” and asserting that …": the speaker of the participle before
        previous = [p for p in re.finditer(r",\s*([a-z]+ing)\b", text[lo:cue_start])
                    if _outside(quotes, lo + p.start(1))]
        if previous:
            return _participle_speaker(text, lo, clause_lo, lo + previous[-1].start(1), mentions, quotes, places)
    issued = _ending(_ISSUED, text, clause_lo, cue_start)
    if issued:
        return _subject_before(text, clause_lo, issued.start(), mentions, places)
    # each mention is tested against the quotes only when it is the one looked at: testing them
    # all for every cue is cubic in a sentence of many quotes
    before = [x for x in mentions if lo <= x.start and x.end <= cue_start]
    last = next((x for x in reversed(before) if _outside(quotes, x.start)), None)
    if last is not None and last.kind == "name" and _gap_is_filler(text[last.end:cue_start]) \
            and _ending(_ABSOLUTE_LEAD, text, lo, last.start):
        return last
    if lead.endswith(","):
        subject = _opening_subject(text, lo, cue_start, before, quotes, places)
        if subject is not None:
            return subject  # "Lee and other leaders shunned Ann Chen, claiming …": Chen is whom they shun
        return next((x for x in before if (x.kind == "pronoun" or x.role or x.gender) and _outside(quotes, x.start)),
                    next((x for x in before if _outside(quotes, x.start)), None))
    return None


def _naming_frames(text: str, lo: int, hi: int, mentions: list[Mention],
                   quotes: list[tuple[int, int]], places: Institutions) -> list[Frame]:
    frames = []
    for m in _NAMING.finditer(text, lo, hi):
        if not _outside(quotes, m.start()):
            continue
        words_before = re.findall(r"[\w’']+", text[max(lo, m.start() - 12):m.start()].lower())
        if words_before and words_before[-1] in PASSIVE | {"so", "being", "get", "got"}:
            continue
        ahead = [(s, e) for s, e in quotes if m.end() <= s <= m.end() + 90]
        if not ahead or re.search(r"[.;!?“”\"]", text[m.end():ahead[0][0]]):
            continue
        clause_lo = max([lo] + [e for s, e in quotes if e <= m.start()])
        issued = _ending(_ISSUED, text, clause_lo, m.start())
        if m.group(0).lower().endswith("ing"):
            speaker = _participle_speaker(text, lo, clause_lo, m.start(), mentions, quotes, places)
        else:
            speaker = _subject_before(text, clause_lo, issued.start() if issued else m.start(), mentions,
                                      places)
            if speaker is None and _ending(_COORDINATED, text, lo, m.start()):
                speaker = _sentence_subject(text, lo, m.start(), mentions, quotes)
        if speaker is None or (speaker.kind == "nominal" and speaker.head not in PERSON_NOUNS):
            continue
        frames.append(_quote_only_frame(text, m.group(0), m.start(), m.end(), hi, speaker, ahead, quotes))
    for x in mentions:
        noun = _SAYING_NOUN.match(text, x.end, hi) if x.kind == "name" and _outside(quotes, x.start) else None
        if noun is None:
            continue
        ahead = [(s, e) for s, e in quotes if noun.end() <= s <= noun.end() + 90]
        if ahead and not re.search(r"[.;!?“”\"]", text[noun.end():ahead[0][0]]):
            frames.append(_quote_only_frame(text, noun.group(0), x.end, noun.end(), hi, x, ahead, quotes))
    return frames


_LISTED = re.compile(r"[,\s]*(?:(?:and|or)\s+)?")  # between quotes listed together


def _quote_only_frame(text: str, cue: str, cue_start: int, cue_end: int, hi: int, speaker: Mention,
                      ahead: list[tuple[int, int]], quotes: list[tuple[int, int]]) -> Frame:
    """From the cue to the quote that follows (and quotes listed with it, "as …" after them)."""
    end = ahead[0][1]
    for s, e in quotes:
        if s >= end and _LISTED.fullmatch(text, end, s):
            end = e
    tail = re.match(r"\s+as\s+[^,.;:“”\"()]{1,60}?(?=[,.;:]|$)", text[end:hi])
    end = end + tail.end() if tail else end
    start, end = _trim(text, cue_end, end)
    return Frame(cue.lstrip("’' "), cue_start, cue_end, speaker, (start, end), quote_only=True)


def find_frames(text: str, lo: int, hi: int, mentions: list[Mention], quotes: list[tuple[int, int]],
                places: Institutions = NO_REGISTRY.institutions) -> list[Frame]:
    """Reporting frames in the sentence text[lo:hi]; `quotes` are quoted spans (marks included);
    `places` tells a place, never a speaker, from a name (the registry's institutions)."""
    frames = []
    for m in _cues(text, lo, hi):
        if not _outside(quotes, m.start()):
            continue
        clause_lo = max([lo] + [e for s, e in quotes if e <= m.start()])
        if m.group(0).lower() == "according to":
            frame = _according_to_frame(text, lo, hi, m, clause_lo, mentions, quotes)
        else:
            frame = _verb_frame(text, lo, hi, m, clause_lo, mentions, quotes, places)
        if frame is not None:
            frames.append(frame)
    if quotes:
        starts = {f.content[0] for f in frames if f.content}
        # "mocked Lee's claims that …": the claim is the object of the verb, not Lee's words on their own
        naming = [f for f in _naming_frames(text, lo, hi, mentions, quotes, places) if f.speaker.start not in starts]
        # "called the plan “a disgrace”": a naming verb before a quote frames the quote alone
        named_at = {f.cue_start for f in naming}
        frames = [f for f in frames if f.cue_start not in named_at] + naming
        frames.sort(key=lambda f: f.cue_start)
    _end_at_next_frame(text, frames)
    return frames


def _end_at_next_frame(text: str, frames: list[Frame]) -> None:
    """A reported clause ends where its speaker goes on to a second act of speech: "said A and
    said B", "said A but cautioned against B", "said A, adding that B". B is the second frame's,
    said by the same speaker."""
    for i, f in enumerate(frames):
        if f.content is None or f.content[0] < f.cue_end:
            continue
        # the next few frames only: a later one stands inside a clause they report, and looking at
        # every later frame for every frame is quadratic in a sentence of many cues
        for g in frames[i + 1:i + 5]:
            if not f.content[0] < g.cue_start < f.content[1] or g.speaker is None or g.inverted:
                continue
            if g.participle:
                cut = _ending(_COMMA_BEFORE, text, f.content[0], g.cue_start)
            elif g.speaker.end <= g.cue_start and g.speaker.start < f.content[0]:
                cut = _ending(_COORDINATED, text, f.content[0], g.cue_start)  # the subject shared
            else:
                cut = None
            if cut is not None and cut.start() > f.content[0]:
                f.content = _trim(text, f.content[0], cut.start())
                g.speaker = f.speaker  # the participle's or the second verb's subject is the first's
                break


_COMMA_BEFORE = re.compile(r",\s*$")


def _according_to_frame(text: str, lo: int, hi: int, m: re.Match, clause_lo: int, mentions: list[Mention],
                        quotes: list[tuple[int, int]]) -> Frame | None:
    """'according to Lee': the source after the cue, the words before it or after the comma."""
    cue = m.group(0)
    after = _according_source(text, m.end(), hi, mentions)
    if after is None:
        return None
    if text[lo:m.start()].strip(" ,“\"") == "":
        comma = text.find(",", after.end, hi)
        content = _trim(text, comma + 1, hi) if comma >= 0 else None
        content = content if content and content[1] > content[0] else None
        return Frame(cue, m.start(), m.end(), after, content)
    # a quote woven into the clause belongs to it: "helped write a book, “X,” that …,
    # according to …"; one that opens the sentence stands apart
    woven = any(lo < s and e <= m.start() and text[lo:s].strip(" “\"'‘(") for s, e in quotes)
    content = _trim(text, lo if woven else clause_lo, m.start())
    aside = re.match(r"[^,.;:()]{0,60}?,\s*", text[after.end:hi]) \
        if text[lo:m.start()].rstrip().endswith(",") else None
    rest = _trim(text, after.end + aside.end(), hi) if aside else None
    if rest and rest[1] > rest[0] and _clause_start(text, *rest) and _finite_soon(text, *rest):
        # "A, according to Lee, B": the words on both sides, or only B after a
        # conjunction ("because, according to Lee, B")
        if _ending(_CONJUNCTION_END, text, lo, m.start()):
            content, rest = rest, None
        return Frame(cue, m.start(), m.end(), after, content, more=rest)
    return Frame(cue, m.start(), m.end(), after, content)


def _according_source(text: str, at: int, hi: int, mentions: list[Mention]) -> Mention | None:
    """Whom 'according to' names: the subject after it, the agent of a report ('according to
    calculations by Amy Glasmeier', '… a report from the CBO'), the mention right after it, or a
    source phrase."""
    after = _subject_after(text, at, hi, mentions)
    if after is None:
        after = next((x for x in mentions if x.start >= at and x.kind != "pronoun"
                      and re.fullmatch(r"\s+(?:[\w\-]+\s+){1,4}?(?:by|from)\s+(?:the\s+)?",
                                       text[at:x.start])), None)
    if after is None:
        after = next((x for x in mentions if x.start >= at and x.start - at <= 5), None)
    if after is None:
        after = _source_phrase(text, at, hi)
    return after


def _verb_frame(text: str, lo: int, hi: int, m: re.Match, clause_lo: int, mentions: list[Mention],
                quotes: list[tuple[int, int]], places: Institutions) -> Frame | None:
    """A speech verb's frame: its speaker (the subject before it, after it when inverted, or the
    one a participle hangs on) and the words it reports."""
    cue = m.group(0)
    low = cue.lower()
    # the writer's words only: a quote ending in "will be," before "said Lee" makes no passive
    words_before = re.findall(r"[\w’']+", text[max(clause_lo, m.start() - 12):m.start()].lower())
    if words_before and words_before[-1] in PASSIVE and low.endswith(("ed", "told", "said", "written")):
        return None
    participle = low.endswith("ing")
    if participle:
        speaker, inverted = _participle_speaker(text, lo, clause_lo, m.start(), mentions, quotes, places), False
    else:
        speaker, inverted = _finite_speaker(text, lo, hi, m, clause_lo, mentions, quotes, places)
    if speaker is None:
        return None
    content = more = None
    if not inverted:
        content = _content_after(text, cue, m.end(), hi)
        if content is None and not participle and FORM_TO_VERB.get(low, "") in CLAUSE_VERBS \
                and _ending(_RELATIVE_BEFORE, text, clause_lo, speaker.start):
            # "moves that he said improved the economy", "which the probe said were hidden":
            # the relative clause goes on after the cue, its verb first
            s, e = _trim(text, _ADJUNCT.match(text, m.end(), hi).end(), hi)
            content = (s, e) if e > s and _FINITE_WORD.match(text, s, e) else None
        if content is None and not participle:
            content, more = _around(text, clause_lo, lo, speaker, m.end(), hi)
    if content is None and (inverted or _only_tail(text, cue, m.end(), hi)):
        content = _content_before(text, lo, m, clause_lo, speaker, inverted, quotes)
    if content is None and FORM_TO_VERB.get(low) in _NAMING_ONLY:
        return None  # "called her", "a group called “Fight Now”": no speech without what is called
    return Frame(cue, m.start(), m.end(), speaker, content, inverted, participle, more)


_NAMING_ONLY = frozenset(("call", "describe"))


_PLURAL_PRONOUNS = frozenset(("they", "we", "i", "you"))


def _finite_speaker(text: str, lo: int, hi: int, m: re.Match, clause_lo: int, mentions: list[Mention],
                    quotes: list[tuple[int, int]], places: Institutions) -> tuple[Mention | None, bool]:
    """The speaker of a finite speech verb, and whether it follows the verb ('…, said Lee')."""
    low = m.group(0).lower()
    speaker = _subject_before(text, clause_lo, m.start(), mentions, places)
    if speaker is None and _ending(_COORDINATED, text, lo, m.start()):
        speaker = _sentence_subject(text, lo, m.start(), mentions, quotes)
        if speaker is not None and low in SPEECH_VERBS and not (speaker.plural or speaker.text.lower() in _PLURAL_PRONOUNS):
            # a base form agrees with a plural subject ("Officials met and say …"); after a singular
            # one it belongs to an infinitive ("Okafor asked them to wait and say nothing")
            speaker = None
    if speaker is None:
        # "one says there are 10, another says 12": a source the words leave unnamed
        one = _ending(_ONE_OF_MANY, text, clause_lo, m.start())
        speaker = Mention(one.start(1), one.end(1), one.group(1), "pronoun") if one else None
    if speaker is None:
        speaker = _noun_phrase_subject(text, lo, m.start())
    lead = text[lo:m.start()].rstrip()
    if speaker is None and (not lead or lead.endswith((",", "”", "\"", ":", "''"))):
        speaker = _subject_after(text, m.end(), hi, mentions)
        if speaker is not None and not _INVERTED_END.match(text, speaker.end, hi):
            speaker = None  # "…, said Sanders has pushed": Sanders opens the reported clause
        return speaker, speaker is not None
    return speaker, False


# the words a noun phrase may hold besides nouns and adjectives: "the head of China’s delegation to the forum"
_NP_FUNCTION = _lexicon("the a an of for to at in on from with and some many most several both all other few "
                        "his her their its our")
_NP_PREPOSITIONS = _lexicon("of for to at in on from with")
_NP_WORD = re.compile(r"[A-Za-z0-9][\w’'.&-]*")


def _noun_phrase_subject(text: str, lo: int, cue_start: int) -> Mention | None:
    """The subject of a cue when the mention finder knows none: a short noun phrase that opens
    the sentence and runs up to the cue ("The NFL legend said", "County land records indicate",
    "The deputy head of the delegation to the forum said"). Its head is the last noun before a
    preposition."""
    if cue_start - lo > _REACH:
        return None
    start = _OPENER.match(text, lo, cue_start).end()
    words = [(w.start(), w.end(), w.group(0)) for w in _NP_WORD.finditer(text, start, cue_start)]
    while words and (words[-1][2].lower() in FILLERS or words[-1][2].endswith("ly")):
        words.pop()  # "The bank also said", "The panel on Friday said": the phrase ends at its noun
    if not 1 <= len(words) <= 10 or words[0][0] != start:
        return None
    end = words[-1][1]
    if re.search(r"[^\w\s’'.&-]", text[start:end]) or not _gap_is_filler(text[end:cue_start]):
        return None
    lows = [w.lower() for _, _, w in words]
    if any(w in NOT_NAMES_AFTER and w not in _NP_FUNCTION or w in FORM_TO_VERB or w in FINITE
           or w.endswith("ly") or w.endswith(("’s", "'s")) and w[:-2] in _SUBJECT_PRONOUNS for w in lows) \
            or lows[-1] in _NP_FUNCTION:
        return None
    head_at = next((i for i, w in enumerate(lows) if w in _NP_PREPOSITIONS), len(lows)) - 1
    if head_at < 0 or lows[head_at] in _NP_FUNCTION:
        return None
    head = lows[head_at]
    return Mention(start, end, text[start:end], "nominal", head=head, plural=head.endswith("s"))


def _content_before(text: str, lo: int, m: re.Match, clause_lo: int, speaker: Mention, inverted: bool,
                    quotes: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The words before a cue that ends its sentence ('…, Lee said', '…, said Lee')."""
    end = speaker.start if not inverted else m.start()
    article = _ending(_THE_BEFORE, text, lo, end)
    end = article.start() if article and not inverted else end
    described = None if inverted else _ending(_DESCRIBED, text, lo, end)
    if described and not NOT_CLAUSE.intersection(described.group(1).lower().split()):
        end = described.start() + 1  # "…, Algerian foreign ministry spokesman Ann Lee said"
    if not text[lo:end].rstrip().endswith((",", "”", "\"", "''")):
        return None
    # a quote woven into the writer's clause ("Lee “did well” in 2008, said Ruiz")
    # belongs to it; one that opens the sentence stands apart
    woven = any(lo < qs and qe <= end and text[lo:qs].strip(" “\"'‘(") for qs, qe in quotes)
    s, e = _trim(text, lo if woven or clause_lo >= end else clause_lo, end)
    return (s, e) if e > s and (inverted or text[s:s + 1] in "“\"'" or _opens_clause(text, s, e)) else None


_CONJUNCTION_END = re.compile(r"\b(?:because|that|but|and|or|so|since|while|if|when|although|though|as|yet)\s*,\s*$",
                              re.IGNORECASE)
_TAIL = re.compile(r"[\w .,’'()-]{1,80}$")


def is_attribution_tail(sentence: str) -> bool:
    """'Bush said.', 'he added on Twitter.': a short sentence that only attributes a quote."""
    cue = _CUE.search(sentence)
    return bool(cue and len(sentence.split()) <= 10 and _TAIL.match(sentence)
                and cue.group(0).lower() != "according to" and not re.search(r"\bthat\b", sentence))
