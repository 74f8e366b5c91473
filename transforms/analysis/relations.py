"""Stated relations between parties: who agrees with, endorses, disagrees with, rejects or
criticizes whom, with the words that say so (kinds as in ../shared/eval/relations/GUIDELINES.md).

In the spirit of event coding (CAMEO: source actor, verb class, target actor), a relation is
read from a relating word and the two parties its grammar gives it, in one sentence:
- verb:     "A criticized B", "A backed B's plan", "A rejected B's claim" (B owns what is rejected)
- with:     "A agreed with B", "A sided with B", "A lashed out at B", "A campaigned for B"
- passive:  "B was criticized by A", "B drew criticism from A", "B came under fire from A"
- noun:     "A's attacks on B", "A, a critic of B", "A's endorsement of B", "criticism of B by A"
- pair:     "A and B disagree", "a feud between A and B", "A and B are at odds"
The subject is the nearest party before the relating word that is no object of a preposition
and no possessor of another noun; the object is the first party after it (or its preposition)
with nothing between them but determiners and modifiers. Parties come from the speaker
resolver (speech.statements.attribute), so "he", "the senator" and "the Kentucky Republican" are the
people the article means; a party left unresolved, a place or a bare description is no party.

Left out, by the guidelines: negated relations ("did not criticize"), refusals ("declined to
endorse"), questions and conditions ("if Lee attacks Kim"), consent ("agreed to the deal"), a
party's relation to itself or its own campaign. "No longer support" withdraws support: a
disagreement.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from accord.transforms.countries import canonical_country, find_countries
from accord.transforms.lexicon import table, words
from accord.transforms.speech.speaker_registry import Institutions
from accord.transforms.speech.speakers import PERSON_NOUNS, Entity, Mention

RELATION_OF = {"agree": "agree", "endorse": "agree", "disagree": "disagree", "reject": "disagree",
               "criticize": "disagree"}


def _words(words: str) -> frozenset[str]:
    return frozenset(words.split())


def _forms(verbs: tuple[str, ...]) -> str:
    """'criticiz|e,es,ed,ing' -> the alternation of its inflected forms, longest first."""
    out = []
    for verb in verbs:
        stem, _, endings = verb.partition("|")
        out += [stem + ending for ending in endings.split(",")] if endings else [stem]
        if endings.startswith(("s,", "es,")):
            out.append(stem)  # "attack|s,ed,ing": the stem is the verb itself
    return "|".join(sorted(set(out), key=len, reverse=True))


def _phrases(phrases: tuple[str, ...]) -> str:
    """The alternation of the phrases in their order, the words of each apart by any spaces."""
    return "|".join(r"\s+".join(map(re.escape, phrase.split())) for phrase in phrases)


# Relating verbs taking their target as object ("A criticized B"); the verbs are data
# (transforms/lexicon/relations.toml, with the other word lists of this module), the patterns
# that complete two of them stay here.
_VERB_STEMS = table("relations", "verbs")
_VERBS = {
    "criticize": _forms(_VERB_STEMS["criticize"]) + r"|charg(?:e|es|ed|ing)(?=\s+(?:\S+\s+){1,4}?with\b)",
    "reject": _forms(_VERB_STEMS["reject"]),
    # these reject a claim, so their object must be one ("dismissed Lee's claim"), not a party
    "reject-claim": _forms(_VERB_STEMS["reject-claim"]),
    "endorse": _forms(_VERB_STEMS["endorse"]),
    "agree": _forms(_VERB_STEMS["agree"]) + r"|shared(?=\s+by\b)",
}
# Relating words followed by a preposition and the target ("A agreed with B").
_WITH = {
    "agree": [r"(?:agree|agrees|agreed|agreeing)\s+with", r"in\s+(?:full\s+|complete\s+|broad\s+)?agreement\s+with",
              r"(?:side|sides|sided|siding)\s+with", r"on\s+the\s+same\s+page\s+(?:as|with)",
              r"(?:see|sees|saw|seeing|seen)\s+eye[\s\-‐–]+to[\s\-‐–]+eye\s+with",
              r"(?:join|joins|joined|joining)(?=\s+(?:[\w.’'\-]+\s+){1,4}?in\s+(?:calling|condemning|criticizing|"
              r"urging|demanding|opposing|backing|supporting|praising|endorsing|rejecting|warning))",
              r"(?:share|shares|shared|sharing)(?=\s+(?:(?:[A-Z][\w.’'\-]*\s+)?[\w.’'\-]+['’]s?\s+)(?:\w+\s+)?(?:views?|concerns?|positions?|"
              r"beliefs?|vision|goals?|assessment|skepticism|doubts?|opposition))",
              r"(?:follow|follows|followed|following)(?=\s+(?:[\w.’'\-]+\s+){1,3}?lead\b)"],
    "endorse": [r"(?:approve|approves|approved|approving)\s+of",
                r"(?:campaign|campaigns|campaigned|campaigning|stump|stumps|stumped|stumping|vouch|vouches|"
                r"vouched|vouching)\s+for",
                r"(?:rally|rallies|rallied|rallying|line|lines|lined|lining)\s+(?:up\s+)?(?:behind|around)",
                r"(?:throw|throws|threw|thrown|throwing)\s+(?:his|her|their|its)\s+(?:full\s+)?support\s+behind",
                r"(?:came|come|comes|coming)\s+out\s+(?:for|in\s+support\s+of|in\s+favou?r\s+of)",
                r"(?:throw|throws|threw|thrown|throwing)\s+(?:his|her|their|its)\s+(?:full\s+)?weight\s+behind",
                r"(?:came|come|comes|coming|rushed|rushes|rush)\s+to\s+the\s+defen[cs]e\s+of",
                r"(?:spoke|speaks|speak|speaking|spoken)\s+highly\s+of",
                r"(?:stood|stand|stands|standing)\s+(?:firmly\s+)?by"],
    "disagree": [r"(?:disagree|disagrees|disagreed|disagreeing)\s+with", r"at\s+odds\s+with",
                 r"(?:distance|distances|distanced|distancing)\s+(?:(?:him|her|them|it)sel(?:f|ves)\s+)?from",
                 r"(?:clash|clashes|clashed|clashing|feud|feuds|feuded|feuding|spar|spars|sparred|sparring|"
                 r"quarrel|quarrels|quarreled|quarrelled|tangle|tangles|tangled|tussle|tussled)\s+with",
                 r"(?:split|splits|splitting|broke|break|breaks|breaking|broken)\s+with",
                 r"(?:part|parts|parted)\s+ways\s+with", r"at\s+loggerheads\s+with",
                 r"(?:differ|differs|differed)\s+with",
                 r"(?:took|take|takes|taking|taken)\s+issue\s+with"],
    "criticize": [r"(?:lash|lashes|lashed|lashing|hit|hits|hitting|strike|strikes|struck|striking)\s+out\s+at",
                  r"(?:disapprove|disapproves|disapproved|disapproving)\s+of",
                  r"(?:take|takes|took|taken|taking)\s+(?:\w+\s+)?aim\s+at",
                  r"(?:rail|rails|railed|railing|fulminate|fulminated|inveigh|inveighed)\s+against",
                  r"(?:swipe|swipes|swiped|swiping|jab|jabs|jabbed|jabbing|sneer|sneered|scoff|scoffed|"
                  r"scoffs|lashed|fire|fired|fires)\s+(?:back\s+)?at",
                  r"(?:turn|turns|turned|turning)\s+on(?=\s+(?:his|her|their|its|the|former)?\s*[A-Z])",
                  r"(?:went|go|goes|gone|going)\s+after",
                  r"(?:outraged|furious|angry|incensed|livid|fuming)\s+(?:at|with)",
                  r"critical\s+of", r"fed\s+up\s+with", r"(?:rip|rips|ripped|ripping|tore|tear|tears|tearing|laid|lay|lays|laying)\s+into",
                  r"(?:unload|unloads|unloaded|unloading)\s+(?:again\s+)?on",
                  r"(?:shot|shoot|shoots|shooting|hit|hits|hitting|fire|fired|fires|firing)\s+back\s+at",
                  r"(?:pick|picks|picked|picking)\s+(?:a\s+)?fights?\s+with",
                  r"(?:cross|crosses|crossed|crossing)\s+swords\s+with",
                  r"(?:take|takes|took|taken|taking)\s+(?:\w+\s+)?shots?\s+at",
                  r"(?:level|levels|leveled|levelled|leveling|levelling|directed|aimed)\s+(?:\w+\s+){0,4}?at"],
    "reject": [r"(?:push|pushes|pushed|pushing)\s+back\s+(?:on|against|at)",
               r"(?:object|objects|objected|objecting)\s+to", r"(?:balk|balks|balked|balking)\s+at",
               r"over\s+the\s+(?:strong\s+)?objections?\s+of"],
}
# Relating nouns ("A's criticism of B", "criticism of B from A", "A, a critic of B"), in the order
# they are tried (transforms/lexicon/relations.toml)
_NOUNS = {kind: _phrases(nouns) for kind, nouns in table("relations", "nouns").items()}
# what a noun's target follows ("criticism of B", "attacks on B", "support for B", "fury at B")
# the preposition before a noun's target: "criticism of/on/against Lee", "support for/of Lee",
# "disagreement with Lee", "opposition to Lee" ("an ally against Iran" backs nobody in Iran)
_NOUN_TARGETS = {"criticize": r"(?:of|on|against|at|toward|towards|with)", "endorse": r"(?:of|for)",
                 "reject": r"(?:of)", "disagree": r"(?:with|to)"}
# Symmetric words that relate the two parties coordinated before them, or after "between".
_PAIR = {
    "disagree": r"(?:disagree|disagrees|disagreed|disagreeing|clash|clashed|clashing|feud|feuded|feuding|"
                r"sparred|quarreled|quarrelled|are\s+at\s+odds|were\s+at\s+odds|have\s+been\s+at\s+odds|"
                r"differ|differed|(?:are|were|have\s+been)\s+on\s+(?:opposing|opposite)\s+sides)",
    "agree": r"(?:agree|agreed|agreeing)(?!\s+(?:to|on\s+an?|upon\s+an?)\b)|(?:see|saw)\s+eye[\s\-‐–]+to[\s\-‐–]+eye"
             r"|(?:are|were)\s+on\s+the\s+same\s+page",
}
# and nouns that relate the parties after "between" ("the feud between A and B")
_BETWEEN_NOUNS = {kind: _phrases(nouns) for kind, nouns in table("relations", "between_nouns").items()}


def _compile(kinds: dict[str, list[str] | str], template: str) -> list[tuple[str, re.Pattern]]:
    out = []
    for kind, patterns in kinds.items():
        for pattern in [patterns] if isinstance(patterns, str) else patterns:
            out.append((kind, re.compile(template.format(pattern), re.IGNORECASE)))
    return out


_VERB_CUES = _compile(_VERBS, r"\b(?:{})\b")
_WITH_CUES = _compile(_WITH, r"\b{}\b")
_NOUN_CUES = _compile(_NOUNS, r"\b(?:{})\b")
_PAIR_CUES = _compile(_PAIR, r"\b(?:{})\b")
_BETWEEN_CUES = _compile(_BETWEEN_NOUNS, r"\b(?:{})\s+(?:\w+\s+){{0,2}}?between\b")
# name-calling: a verb of naming, its object, then the name given ("a liar", "as dangerous")
_NAMING = re.compile(r"\b(?:call|calls|called|calling|label|labels|labeled|labelled|labeling|brand|brands|branded|"
                     r"branding|dub|dubs|dubbed|describ(?:e|es|ed|ing)|characteriz(?:e|es|ed|ing)|"
                     r"portray(?:s|ed|ing)?|paint(?:s|ed|ing)?)\b", re.IGNORECASE)
_LABEL = re.compile(r"(?:['’]s)?\s+(?:as\s+)?(?:(?:a|an|the|\w+ly)\s+){0,2}[“\"‘']?(?:[\w\-]+\s+){0,3}[\w\-]+")
_INSULTS = words("relations", "insults")
_PRAISE = words("relations", "praise")
# every cue above in one pattern: a sentence with none of them is skipped at once
# a retort with no one named after it ("Trump shot back in a statement"): it answers who spoke before
_RETORT_ALONE = re.compile(r"\b(?:(?:shot|shoots|shoot|fired|fires|hit|hits|struck|strikes|pushed|pushes|punched)\s+"
                           r"back|retorted|retorts|countered|counters)\b(?!\s+(?:at|against|on|with|that|by|to)\b)",
                           re.IGNORECASE)
ANY_CUE = re.compile("|".join([_NAMING.pattern, r"\b(?:false|untrue|baseless|unfounded|fabricated|bogus)\b",
                              r"\b(?:pro|anti)-[A-Z]", r"\bagrees\b", r"\b(?:lied|lying)\b", _RETORT_ALONE.pattern] + [
                              regex.pattern for _, regex in
                              _VERB_CUES + _WITH_CUES + _NOUN_CUES + _PAIR_CUES + _BETWEEN_CUES]), re.IGNORECASE)
# The same words matched case by case in a lowered text: a case-insensitive search over hundreds
# of alternatives costs about four times as much (8 against 2 CPU ms a page, bench/bench_html_
# extraction.py). The pattern holds no capital but its "[A-Z]" classes, which it widens.
_ANY_CUE_LOWERED = re.compile(ANY_CUE.pattern.replace("[A-Z]", "[A-Za-z]"))


class CueFinder:
    """Whether a span of one text holds a relating word, searched in the text lowered once."""

    def __init__(self, text: str):
        lowered = text.lower()
        self._text, self._lowered = text, lowered if len(lowered) == len(text) else None

    def __call__(self, start: int, end: int) -> bool:
        if self._lowered is None:  # a letter whose lower case is longer ("İ") would shift every offset
            return ANY_CUE.search(self._text, start, end) is not None
        return _ANY_CUE_LOWERED.search(self._lowered, start, end) is not None

_NEGATION = re.compile(r"(?:\bnot|n['’]t|\bnever|\bno\s+longer|\bnor|\bwithout)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
_REFUSAL = re.compile(r"\b(?:refus\w*|declin\w*|reluctan\w*|unwilling|hesitat\w*|yet)\s+(?:\w+\s+){0,3}to\s+(?:\w+\s+)?$"
                      r"|\bno\s+(?:intention|plans?|desire|interest)\s+(?:of|to|in)\s+$"
                      r"|\b(?:stopped|stop)\s+short\s+of\s+$", re.IGNORECASE)
_WITHDRAWN = re.compile(r"\bno\s+longer\s+(?:\w+\s+)?$", re.IGNORECASE)
# a condition, a question, a prescription or a mere possibility states no relation: a
# conditional clause before the cue ("if Lee wins, Kim …"), or a modal in the cue's own verb
# group ("must support Clinton", "could endorse", "would not have criticized"). A modal of
# another clause leaves it standing ("what might be the first time they have agreed").
_CONDITION = re.compile(r"\b(?:if|whether|unless)\b", re.IGNORECASE)
_MODAL = re.compile(r"\b(?:should|would|might|could|can|may|must|ought\s+to|needs?\s+to|has\s+to|have\s+to)\s+"
                    r"(?:(?:not|never|also|still|even|then|have|be|been|\w+ly)\s+){0,3}$", re.IGNORECASE)
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|being|is|are|be|get|got|gets|getting)\s+(?:\w+ly\s+)?$",
                             re.IGNORECASE)
_FROM_CRITICISM = re.compile(
    r"\b(?:drew|draws|drawn|drawing|faced|faces|face|facing|received|receives|got|gets|getting|came\s+under|"
    r"comes\s+under|come\s+under|under|sparked|prompted|earned|won|attracted|attracts|endured|weathered|"
    r"shrug(?:s|ged)?\s+off|brush(?:es|ed)?\s+off|fend(?:s|ed)?\s+off|deflect(?:s|ed)?|"
    r"won|wins|win|winning|secured|secures|gained|gains|picked\s+up(?!\s+on)|picks\s+up(?!\s+on)|landed|lands)\s+"
    r"(?:\w+\s+){0,3}?$", re.IGNORECASE)
# words a subject's noun phrase may hold between the subject and its verb
_PREPOSITIONS = frozenset(
    ["of", "for", "to", "from", "with", "against", "at", "on", "by", "about", "in", "into", "over", "under", "than", "toward", "towards", "between", "among", "behind", "like", "as", "via", "per", "including"])
# words that may stand between a relating word and its object: determiners and modifiers
_MODIFIER_WORDS = _words(
    "the a an his her their its fellow rival former then current presidential democratic republican gop both all "
    "several some many other top senior leading longtime long-time eventual presumptive likely outgoing incoming "
    "embattled") | PERSON_NOUNS  # "assailed eventual nominee Hillary Clinton"
_CLAIM_NOUNS = re.compile(
    r"^\s*(?:\w+\s+){0,2}?(?:claims?|charges?|accusations?|allegations?|assertions?|suggestions?|criticisms?|"
    r"attacks?|characterizations?|statements?|remarks?|comments?|reports?|version|account|arguments?|"
    r"contentions?|insinuations?|smears?|story|stories|narrative|notion|idea|premise)\b", re.IGNORECASE)
_CLAIM_OF = re.compile(
    r"^\s*(?:the\s+|these\s+|those\s+|such\s+)?(?:\w+\s+){0,2}?(?:claims?|charges?|accusations?|allegations?|"
    r"assertions?|suggestions?|criticisms?|attacks?|characterizations?|statements?|remarks?|comments?|reports?|"
    r"arguments?|contentions?|insinuations?)\s+(?:by|from|of|made\s+by|leveled\s+by|levelled\s+by)\s+"
    r"(?:[a-z][\w\-]*\s+){0,2}?$",  # "a statement by actor George Clooney"
    re.IGNORECASE)
RELATION_NOUNS = words("relations", "relation_nouns")
# after "her", a word that makes it an object ("praised her for"), not a possessive ("her plan")
AFTER_OBJECT = _words("for as and or but to in on at with of over after before by from that because when while "
                      "since than")
_THINGS = words("relations", "things")
_EVENTS = words("relations", "events")
_SUBJECT_GAP = 160  # characters a subject may stand before its verb
_OBJECT_GAP = 48  # and an object after it (modifiers only)
_DETERMINER = re.compile(r"^(?:the|a|an|one|some|many|several|other|these|those|this|that|his|her|their|its)\s+",
                         re.IGNORECASE)


@dataclass(frozen=True)
class Party:
    start: int  # offsets into the document text ("Clinton" of "Clinton’s"; the pronoun itself)
    end: int
    name: str  # canonical: "Hillary Clinton", "Russia", "Republican lawmakers"
    kind: str  # person | organisation | country | group
    country: str | None = None  # the country it speaks for, where it is a state's
    possessive: bool = False  # "Clinton’s plan"
    described: bool = False  # named inside a description of someone else ("a Clinton supporter")


@dataclass(frozen=True)
class Relation:
    party_a: str  # the one who acts, when directed
    party_b: str
    kind: str  # one of records.RELATION_KINDS
    directed: bool
    cue: str
    cue_start: int
    cue_end: int
    sentence_start: int
    sentence_end: int
    level: str  # person | country | party
    country_a: str | None = None
    country_b: str | None = None

    @property
    def relation(self) -> str:
        return RELATION_OF[self.kind]


@dataclass
class SentenceParties:
    """One sentence with the parties its mentions resolve to (analysis.relation_parties fills them while speech.statements.attribute resolves speakers)."""
    start: int
    end: int
    parties: list[Party] = field(default_factory=list)
    quoted: list[tuple[int, int]] = field(default_factory=list)  # quotation spans in it
    voices: dict[int, Party] = field(default_factory=dict)  # a quotation's start -> its speaker
    said: list[tuple[int, int, Party]] = field(default_factory=list)  # each statement's words and speaker
    acts: dict[str, Party] = field(default_factory=dict)  # an act noun -> its owner, named just before
    earlier: list[tuple[int, Party]] = field(default_factory=list)  # speakers of the statements just before


# "super PAC Priorities USA Action": the words before a PAC's own name
_PAC_LEAD = re.compile(r"^(?:(?:[Ss]uper\s+)?PACs?\b\s*)")


@lru_cache(maxsize=1024)
def _given_as_surname(text: str, name: str) -> bool:
    """Whether the text writes `name` after a capitalised word ("Ann Lee" for "Lee"); asked once
    per name and text, since a long text may hold thousands of mentions of one word."""
    return re.search(rf"\b[A-Z][\w.]*\s+{re.escape(name)}\b", text) is not None


def party_of(mention: Mention, entity: Entity | None, text: str, institutions: Institutions) -> Party | None:
    """The party a resolved mention stands for; None for a pronoun nobody resolves, a place, an
    unnamed description ("the candidate") or a generic plural ("voters")."""
    if entity is None or (mention.kind == "pronoun" and mention.text.lower() not in ("he", "she")):
        return None  # "it" and "they" are left to the speaker resolver's judgement, not a relation's
    if mention.kind == "pronoun" and entity.kind != "person":
        return None  # "he" resolved to an outlet or a body: the resolver erred
    if len(entity.name.split()) > 6 or re.search(r"\b(?:Who|Are|Is|Was|Were|Will|Should)\b", entity.name):
        return None  # a headline in title case, not a name
    name = _PAC_LEAD.sub("", entity.name)  # "super PAC Priorities USA Action": the PAC's name
    if not name or name.split()[0].lower() in _PREPOSITIONS | {"and", "or", "but", "nor"}:
        return None  # "PAC" alone; "Against Sanders": a headline's fragment, not a name
    is_place = institutions.is_place
    honorific = mention.text.split()[0].rstrip(".").lower() if mention.text else ""
    if (honorific in ("mrs", "ms") and entity.gender == "m") or (honorific == "mr" and entity.gender == "f"):
        return None  # "Mrs. Clinton" resolved to Bill Clinton: the resolver erred
    possessive = text.startswith(("’s", "'s", "’", "'"), mention.end)
    body = _DETERMINER.sub("", mention.text).strip()
    state = institutions.affiliation(body)
    if state and mention.kind == "name" and _BODY_WORDS & set(body.lower().split()):
        # "the White House", "the Pentagon": the body is the party, the state it speaks for its country
        return Party(mention.start, mention.end, body, "organisation", canonical_country(state), possessive)
    if mention.kind == "nominal" and mention.plural:
        words = _DETERMINER.sub("", name).strip()
        return Party(mention.start, mention.end, words, "group", canonical_country(words), possessive) \
            if _named_group(words, institutions) else None
    if name[:1].islower() or _DETERMINER.match(name) or name.split()[-1].lower() in _THINGS:
        return None  # a description left unresolved; a law, a programme, a race
    first_word = name.split()[0]
    if entity.kind == "person" and first_word.lower().endswith(("ed", "ing")) and \
            first_word.lower() not in _NAMES_IN_ED_ING:
        return None  # "Reached", "Democratic-leaning New Jersey": a sentence's participle, not a name
    if entity.kind == "person" and " of " in name:
        return None  # "Republican of Arizona": a label and a state, not a person's name
    last_word = name.split()[-1].lower()
    if entity.kind == "person" and len(name.split()) > 1 and (
            last_word in PERSON_NOUNS or re.search(r"(?:committee|council|chair|congress|assembly)(?:wo)?man$",
                                                   last_word)):
        return None  # "Republican National Committeeman": an office, not the name of its holder
    if name.split()[-1].lower() in _NAME_NEVER_ENDS or (len(name.split()) == 1 and
                                                          text.endswith(("super ", "Super "), 0, mention.start)):
        return None  # "Presumptive Democratic", "Republican Eastern": adjectives; "a super PAC"
    if len(name.split()) == 1 and name.endswith("s") and not name.isupper() and entity.kind != "country":
        return None  # "Latinos", "Evangelicals": a population named by its plural
    if name.lower() in institutions.parties or (mention.text.lower() in institutions.parties and
                                                 re.match(r"\s+[a-z]", text[mention.end:mention.end + 2])):
        return None  # "Democratic", "GOP" as a word of a noun phrase ("a Democratic measure", "GOP hopefuls")
    if entity.kind == "person" and not entity.personal and not is_place(name) and \
            not _given_as_surname(text, name):
        return None  # one capitalised word the article never gives as a surname ("Republican", "Older")
    if entity.kind == "person" and (is_place(name) or canonical_country(name) == name):
        country = canonical_country(name)
        return Party(mention.start, mention.end, country, "country", country, possessive) if country else None
    country = canonical_country(name) if entity.kind == "country" else None
    if entity.kind == "country" and country is None:
        return None
    official = entity.kind == "person" and entity.affiliation and canonical_country(entity.affiliation) \
        and entity.role
    return Party(mention.start, mention.end, name, entity.kind if not country else "country",
                 country or (canonical_country(entity.affiliation) if official else None), possessive)


_NAMES_IN_ED_ING = words("relations", "names_in_ed_ing")
_BODY_WORDS = words("relations", "body_words")
_ENVOY_NOUNS = words("relations", "envoy_nouns")
_NAME_NEVER_ENDS = words("relations", "name_never_ends")


def _named_group(words: str, institutions: Institutions) -> bool:
    """A group the article names: capitalised words before a plural noun ("Senate Democrats",
    "Republican lawmakers", "GOP senators", "House members") or a party's plural alone
    ("Democrats"); not a population ("Latinos", "Voters") nor a phrase ("meeting with House members")."""
    tokens = words.split()
    if len(tokens) == 1:
        return tokens[0].lower() in institutions.parties
    if tokens[-1].lower() in _POPULATIONS:
        return False  # "Sanders voters", "Trump supporters": people who hold a view, not a party
    return all(t[:1].isupper() or t.lower() in _GROUP_MODIFIERS for t in tokens[:-1]) and \
        any(t[:1].isupper() for t in tokens[:-1])


_POPULATIONS = words("relations", "populations")


def names_people(noun: str) -> bool:
    """Whether a lower-case noun names people, one or many ("supporters", "voters", "aide")."""
    return noun in _POPULATIONS or noun.rstrip("s") in PERSON_NOUNS
_GROUP_MODIFIERS = words("relations", "group_modifiers")


_SHARED_HEAD = re.compile(
    r"\b([A-Z][a-z]+)\s+and\s+([A-Z][a-z]+)\s+((?:defen[cs]e|foreign|interior|justice|finance|trade)\s+)?"
    r"(ministry|ministries|governments?|militar(?:y|ies)|arm(?:y|ies)|forces|parliaments?)\b", re.IGNORECASE)


def shared_head_parties(text: str, start: int, end: int) -> list[Party]:
    """"the Russian and Syrian defense ministries": two demonyms share one head noun, so two
    bodies are named, each speaking for its country."""
    out = []
    for m in _SHARED_HEAD.finditer(text, start, end):
        countries = [canonical_country(m.group(i)) for i in (1, 2)]
        if not all(countries) or any(country == m.group(i) for i, country in zip((1, 2), countries, strict=True)):
            continue  # both must be demonyms ("Russian"), not names of the countries
        head = m.group(4).lower()
        noun = {"ministries": "ministry", "militaries": "military", "armies": "army"}.get(head, head.rstrip("s")) \
            if head != "forces" else "forces"
        portfolio = (m.group(3) or "").strip().title()
        possessive = text.startswith(("’s", "'s", "’", "'"), m.end())
        for (s, e), demonym, country in (((m.start(1), m.end(1)), m.group(1), countries[0]),
                                         ((m.start(2), m.end()), m.group(2), countries[1])):
            name = " ".join(part for part in (demonym, portfolio, noun.title()) if part)
            out.append(Party(s, e, name, "organisation", country, possessive))
    return out


def country_parties(text: str, start: int, end: int, taken: list[Party]) -> list[Party]:
    """Countries named as nouns ("Russia", "the U.S.") where no resolved mention stands, and
    those who speak for a state named by its demonym ("the Turkish government", "Chinese
    officials"): the state is the party."""
    out = []
    nouns = {(s, e) for s, e, _ in find_countries(text[start:end], nouns_only=True)}
    for s, e, country in find_countries(text[start:end]):
        if (s, e) not in nouns:
            envoy = _ENVOY_AFTER.match(text, e + start)
            if envoy is None or envoy.group(1).lower() not in _ENVOY_NOUNS:
                continue  # "a Russian novel": a demonym qualifies a thing
            e = envoy.end() - start
        s, e = s + start, e + start
        if any(p.start < e and s < p.end for p in taken) or re.match(r" [A-Z]", text[e:e + 2]):
            continue  # "U.S. District Court": part of a name
        out.append(Party(s, e, country, "country", country, text.startswith(("’s", "'s"), e)))
    return out


_ENVOY_AFTER = re.compile(r"\s+([a-z]+)\b")


# Acts a party owns, which a later sentence may name by their noun alone ("Trump proposed a
# ban. Clinton slammed the proposal."): the verb that makes a party an act's owner -> the nouns
# that then name it (transforms/lexicon/relations.toml).
_ACT_VERBS = table("relations", "act_verbs")
_ACT_NOUNS = sorted({noun for nouns in _ACT_VERBS.values() for noun in nouns} | words("relations", "other_act_nouns"))
_ACT_NOUN = "(" + "|".join(_ACT_NOUNS) + r")s?\b"
ACT_WORDS = re.compile(r"\b(?:" + "|".join(_ACT_VERBS) + "|" + "|".join(_ACT_NOUNS) + r")\b", re.IGNORECASE)
ACT_REACH = 4  # sentences an act stays the one "the proposal" means
_OWNED_ACT = re.compile(r"(?:['’]s?)\s+(?:[\w\-]+\s+){0,2}?" + _ACT_NOUN, re.IGNORECASE)
_OWNER_VERB = re.compile(r"\s+(?:\w+ly\s+)?(" + "|".join(_ACT_VERBS) + r")\b", re.IGNORECASE)
_ACT_BY = re.compile(_ACT_NOUN + r"\s+(?:[\w\-]+\s+){0,2}?by\s+(?:the\s+)?$", re.IGNORECASE)
# "slammed the proposal", "applauded the court's ruling": a definite act noun as the object
_NAMED_ACT_ANYWHERE = re.compile(r"\b(?:the|this|that|these|those)\s+(?:[\w\-]+\s+){0,2}?" + _ACT_NOUN,
                                 re.IGNORECASE)
_NAMED_ACT = re.compile(r"\s*" + _NAMED_ACT_ANYWHERE.pattern, re.IGNORECASE)  # right at a cue's end


def act_owners(text: str, sentence: SentenceParties) -> list[tuple[str, Party]]:
    """The acts the sentence gives an owner: "Lee's proposal", "the plan by Lee", "Lee proposed"."""
    owned = []
    for party in sentence.parties:
        after = _OWNED_ACT.match(text, party.end) if party.possessive else None
        if after:
            owned.append((after.group(1).lower(), party))
            continue
        verb = _OWNER_VERB.match(text, party.end)
        if verb and not party.possessive and not _governed(text, party.start, sentence.start):
            owned += [(noun, party) for noun in _ACT_VERBS[verb.group(1).lower()]]
            continue
        by = _ACT_BY.search(text, max(sentence.start, party.start - 60), party.start)
        if by:
            owned.append((by.group(1).lower(), party))
    return owned


def named_acts(text: str, start: int, end: int) -> list[str]:
    """The act nouns a sentence names with a definite article ("the proposal")."""
    return [m.group(1).lower() for m in _NAMED_ACT_ANYWHERE.finditer(text, start, end)]



def _act_owner(text: str, sentence: SentenceParties, at: int) -> Party | None:
    """The owner of an act the object names by its noun alone ("slammed the proposal")."""
    act = _NAMED_ACT.match(text, at, sentence.end)
    if act is None:
        return None
    owner = sentence.acts.get(act.group(1).lower())
    owners = {party.name: party for party in sentence.acts.values()}
    if owner is None and len(owners) == 1:
        owner = next(iter(owners.values()))  # "its decision … condemned the move": one owner's acts in view
    if owner is None:
        return None
    return Party(act.start(1), act.end(1), owner.name, owner.kind, owner.country)


_PREVIOUS_WORDS = re.compile(r"(?:(\w+)\s+)?(\w+)[\s(]*(?:(?:the|a|an|his|her|their|its)\s+)?$")
# "a number of Democrats", "many of the senators": the party is the subject all the same
_QUANTITIES = frozenset(["number", "some", "many", "most", "majority", "all", "group", "dozens", "hundreds", "thousands", "handful", "several", "few", "both", "none", "each", "one", "two", "three", "four", "five", "half", "bulk"])


def _governed(text: str, at: int, lo: int) -> bool:
    """Whether the words before `at` make it the object of a preposition ("criticism of Lee")."""
    m = _PREVIOUS_WORDS.search(text, max(lo, at - 40), at)
    if not m or m.group(2).lower() not in _PREPOSITIONS:
        return False
    if m.group(2).lower() == "like" and (m.group(1) or "").endswith("s"):
        return False  # "candidates like Rubio have blasted Obama": an instance of the subject
    return not (m.group(2).lower() == "of" and (m.group(1) or "").lower() in _QUANTITIES)


# a unit may hold two sentences the splitter kept together ("… enter the U.S. The proposal …")
_SENTENCE_BREAK = re.compile(r"[.!?][”\"’]?\s+[A-Z]")
# words that open another clause: a party before them is no subject of a verb after them
# ("… support Sanders, while students support Clinton"; "Sanders said that the party must
# support Clinton"). A relative pronoun does not: its clause is about the party before it.
_CLAUSE_LINK = re.compile(r"\b(?:while|whereas|but|although|though|because|since|unless|if|when|whether|than|"
                          r"that|after|before)\b", re.IGNORECASE)
# "to" before a relating verb and the noun it completes ("evidence to support his claim", "a
# bid to oust her"): the verb's subject is no party
# verbs whose subject is their infinitive's subject
_CONTROL = re.compile(r"\b(?:(?:is|are|was|were)\s+)?(?:decided|decides|decide|wants|want|wanted|plans|planned|plan|"
                      r"vowed|vows|vow|promised|promises|chose|chooses|tried|tries|try|hopes|hoped|intends|intended|"
                      r"began|begins|continued|continues|moved|rushed|sought|seeks|expected|appeared|seemed|seems|"
                      r"appears|pledged|pledges|threatened|threatens|offered|offers|went\s+on)\s+to\s+(?:\w+ly\s+)?$",
                      re.IGNORECASE)
_INFINITIVE = re.compile(r"\b([\w’']+)\s+to\s+(?:\w+ly\s+)?$", re.IGNORECASE)
_NOUN_INFINITIVES = words("relations", "noun_infinitives")
# a description's head may run past the words its mention kept ("the billionaire tech maverick
# who"); a superlative's infinitive is a relative clause ("the first senator to endorse her")
_DESCRIPTION_RELATIVE = re.compile(r"(?:\s+[a-z][\w\-]*){1,3}\s+(?:who|that)\s+(?:\w+ly\s+)?$")
_SUPERLATIVE = re.compile(r"(?:the|a)\s+(?:only|first|last|lone|sole)\b", re.IGNORECASE)
_RELATIVE = re.compile(r"\s*(?:,\s*[^,;]{0,60}?\s)?(?:which|who|that)(?:['’](?:d|s|ve|ll))?\s+(?:\w+\s+){0,2}$",
                       re.IGNORECASE)  # "Collins, who’d previously endorsed"


def _subject(text: str, sentence: SentenceParties, at: int, exclude: Party | None, *, possessive: bool = False,
             adjacent: bool = True) -> Party | None:
    """The nearest party before `at` that can be a subject: not the object of a preposition,
    not a possessor ("Lee's aide criticized") unless `possessive` allows it (a passive's
    patient: "Lee's view is shared by Kim"), within the sentence."""
    infinitive = _INFINITIVE.search(text, max(sentence.start, at - 40), at)
    if infinitive and infinitive.group(1).lower() in _NOUN_INFINITIVES:
        return None
    control = _CONTROL.search(text, max(sentence.start, at - 40), at)
    if control:  # "Sanders, who had not endorsed, decided to back Obama": the subject of "decided"
        at = control.start()
    # "Sanders, who had said he would debate the front-runner, criticized Clinton": a relative
    # clause's own parties are not the main verb's subject
    relatives = [(m.start() + 1, m.end()) for m in _RELATIVE_ASIDE.finditer(text, max(sentence.start, at - _SUBJECT_GAP), at)]
    for party in reversed(sentence.parties):
        if party.end > at or at - party.end > _SUBJECT_GAP:
            continue
        if any(s < party.start < e for s, e in relatives):
            continue
        if _inside_apposition(text, sentence, party, at):
            continue  # "Charles Chamberlain, Democracy for America’s executive director, praised": his
        if (exclude is not None and party.name == exclude.name) or party.described or \
                (text[party.start:party.end].lower() in ("him", "her", "them") and not party.possessive):
            continue  # an object pronoun is never a subject ("Clinton, without naming him, accused")
        gap = text[party.end:at]
        relative = _RELATIVE.match(gap)  # "the United States, which accuses him": its subject
        if (not relative or re.match(r"\s*,\s*(?:who|which|that)\b", gap)) and \
                _apposed(text, max(sentence.start, party.start - 70), party.start) and \
                _APPOSITION_ENDS.match(text, party.end) and any(q.end < party.start for q in sentence.parties):
            # "Lee and Kim, the likely nominees, are …", "Lee, head of the Kim Foundation, who …": the
            # apposition describes the subject; "…, director of NNU, a union that backs": NNU is
            continue
        words = text[party.start:party.end]
        description = words[:1].islower() or bool(_DETERMINER.match(words))
        if description and (_DESCRIPTION_RELATIVE.match(gap) or
                            (gap == " to " and _SUPERLATIVE.match(text, party.start, party.end))):
            return party  # "the billionaire tech maverick who backed", "the only senator to endorse"
        if description and not relative and any(q.name == party.name and q.end < party.start and not _governed_list(text, sentence, q)
                               and re.fullmatch(r"\s*,\s*", text[q.end:party.start]) for q in sentence.parties):
            continue  # "Erin Brockovich, the activist and lawyer, endorsed": the apposition is the name's
        # "he" and "she" are never a preposition's object ("as she praised him": "as" joins a clause)
        # "as" before a subject and its verb joins a clause: "As Trump attacked Clinton, …"
        nominative = text[party.start:party.end].lower() in ("he", "she") or (
            text[party.start].isupper() and not _DETERMINER.match(text, party.start) and
            re.search(r"\bas\s+$", text[max(sentence.start, party.start - 4):party.start], re.I) is not None
            and _adjoined(text[party.end:at]))
        if not relative and ((party.possessive and not possessive) or
                             (not nominative and _governed_list(text, sentence, party))):
            continue
        if ";" in gap or ":" in gap or _SENTENCE_BREAK.search(gap) or \
                _in_quote(sentence, party.start) != _in_quote(sentence, at):
            return None
        if possessive and party.possessive:
            gap = re.sub(r"^(?:['’]s?)?\s+[\w\-]+", "", gap)  # "Lee's view is shared": the view is hers
        if not relative and (_CLAUSE_LINK.search(gap) or (adjacent and not _adjoined(gap))):
            return None  # another clause's party, or another noun between: "Sanders voters backing Clinton"
        return party
    return None


def _inside_apposition(text: str, sentence: SentenceParties, party: Party, at: int) -> bool:
    """Whether the party stands in a phrase set between commas right after another party's name,
    the phrase closing just before the verb at `at` ("Lee, Kim's chief of staff, said")."""
    opened = text.rfind(",", sentence.start, party.start)
    closed = text.find(",", party.end, at)
    if opened < 0 or closed < 0 or not re.fullmatch(r",\s*(?:\w+ly\s+)?", text[closed:at]):
        return False
    if re.search(r"\b(?:and|or|but|who|which|that)\b", text[opened:closed]) or \
            not re.search(r"\b[a-z]{3,}", text[opened:closed]):
        return False  # a list or a clause; or a name apposed to a description ("his secretary, John Dulles,")
    return any(q.end == opened and not q.possessive for q in sentence.parties)


_RELATIVE_ASIDE = re.compile(r",\s*(?:who|whom|whose|which)\b[^,;:]{1,90},")
_APPOSED = re.compile(r",\s+(?:the|a|an)\s+(?:[\w\-’']+\s+){0,5}$", re.IGNORECASE)
# and a role with no article: "Stan Lee, co-founder of the polling firm Democracy Corps,"
_ROLE_APPOSED = re.compile(r",\s+(?:(?:former|longtime|senior|deputy|vice|acting|then)\s+)?(?:co-)?([a-z]+)\s+"
                           r"(?:[\w\-’']+\s+){0,6}$")


def _apposed(text: str, lo: int, at: int) -> bool:
    role = _ROLE_APPOSED.search(text, lo, at)
    return bool(_APPOSED.search(text, lo, at) or (role and role.group(1) in PERSON_NOUNS))
_APPOSITION_ENDS = re.compile(r"(?:\s+\w+ly)?\s*,")


# what may stand between a subject and its verb besides asides between commas and parentheses:
# auxiliaries, adverbs, and adjuncts of time and occasion ("Lee on Tuesday in a statement criticized")
_ADJUNCTS = _words(
    "has have had will would could can did does do is are was were be been being also again then now still even "
    "often sometimes always twice "
    "already just once later first never too soon last this week month year on in at during monday tuesday "
    "wednesday thursday friday saturday sunday morning afternoon evening night day today yesterday tonight "
    "earlier a an the statement interview speech tweet tweets twitter facebook press conference release "
    "letter rally debate call himself herself themselves itself both all jr sr no longer not "
    # those who speak for a party stand in its name: "a U.S. District Court judge sided with …"
    "judge judges spokesman spokeswoman spokesperson official officials aide aides adviser advisers lawyer "
    "lawyers attorney attorneys")


def _governed_list(text: str, sentence: SentenceParties, party: Party) -> bool:
    """Whether a party, or the list it ends, is a preposition's object ("serving in Iran, Turkey
    and France"); not the members a subject names ("Republicans, including Lee and Kim, said")."""
    if _governed(text, party.start, sentence.start):
        return True
    head = _list_head(text, sentence, party)
    if head is party or not _governed(text, head.start, sentence.start) or \
            re.search(r",\s*(?:including|such\s+as|like)\s+$", text[max(sentence.start, head.start - 20):head.start]):
        return False
    # a list ends in "and"/"or": "hosted by Fox News, Cruz praised" closes a phrase and opens a clause
    index = sentence.parties.index(party)
    before = sentence.parties[index - 1]
    joined = re.search(r"\b(?:and|or)\b|&", text[before.end:party.start])
    after = sentence.parties[index + 1] if index + 1 < len(sentence.parties) else None
    continued = after is not None and _LIST_JOIN.fullmatch(text[party.end + (2 if party.possessive else 0):after.start])
    return bool(joined or continued)


def _list_head(text: str, sentence: SentenceParties, party: Party) -> Party:
    """The first member of the list ("A, B and C") a party ends, or the party itself."""
    index = sentence.parties.index(party) if party in sentence.parties else -1
    while index > 0:
        left = sentence.parties[index - 1]
        if not _LIST_JOIN.fullmatch(text[left.end + (2 if left.possessive else 0):sentence.parties[index].start]):
            break
        index -= 1
    return sentence.parties[index] if index >= 0 else party


def _adjoined(gap: str) -> bool:
    """Whether only adjuncts stand between a subject and its verb ("Lee, the senator from Ohio,
    on Tuesday sharply criticized"): any other word is another noun or verb the verb belongs to."""
    gap = _PARENTHESIS.sub(" ", gap)
    gap = _ASIDE.sub(" ", gap)
    gap = _PHRASE.sub(" ", gap, count=1)
    return all(word.lower() in _ADJUNCTS or word.lower().endswith("ly") or word[0].isdigit()
               for word in re.findall(r"[^\W_][\w’'\-.]*", gap))


_PARENTHESIS = re.compile(r"\([^()]{0,40}\)")
# one prepositional phrase after the subject's noun ("candidates in both parties condemned")
_PHRASE = re.compile(r"^\s+(?:in|of|from|at|for|with|across)\s+(?:[\w’'\-]+\s+){1,4}", re.IGNORECASE)
# an apposition or a list of them between commas ("Lee, founder of X, a member of Y and Z, said"),
# or an aside between dashes
_ASIDE = re.compile(r",[^,;:]{1,90}(?=,)|\s[—–]\s[^—–]{1,90}\s[—–]\s")


def _object(text: str, sentence: SentenceParties, at: int, *, possessive_only: bool = False) -> Party | None:
    """The first party after `at` with only modifiers between ("the Republican nominee Donald Trump")."""
    placed = False  # after "Tulsa, Okla.," the words of the noun it qualifies
    for party in sentence.parties:
        if party.start < at:
            continue
        gap = text[at:party.start]
        owned = _OWNED_BY_OF.fullmatch(gap)  # "mocked the qualifications of the front-runner": hers
        if owned and (owned.group(1) in PERSON_NOUNS or names_people(owned.group(1)) or
                      owned.group(1) in _QUANTITIES or owned.group(1) in RELATION_NOUNS or
                      owned.group(1) in ("enemy", "enemies")):
            owned = None  # "the leader of X", "the people of X", "the enemies of X": not X
        if party.start - at > _OBJECT_GAP or not (
                owned or _only_modifiers(gap) or (placed and re.fullmatch(r"(?:[a-z][\w\-]*\s+){1,3}", gap))):
            return None
        if possessive_only and not party.possessive:
            return None
        if _PLACE_TAIL.match(text, party.end):
            at, placed = _PLACE_TAIL.match(text, party.end).end(), True  # "Tulsa, Okla., police officer Lee"
            continue
        if _CLAUSE_VERB.match(text, party.end) and " and " in text[at:party.start]:
            return None  # "demonized Wall Street and Mr. Trump has disparaged": the next clause's subject
        thing = re.match(r" ([A-Za-z]+)\b", text[party.end:party.end + 16])
        if not party.possessive and thing and thing.group(1).lower() in _EVENTS:
            return None  # "opposed the Iraq war": the war, not Iraq
        if not party.possessive and thing and thing.group(1).islower() and \
                canonical_country(text[party.start:party.end]) not in (None, text[party.start:party.end]) and \
                party.kind == "country" and not text[party.start:party.end].isupper() and \
                thing.group(1) not in _ENVOY_NOUNS:
            return None  # "backs American adversaries": a demonym qualifies the noun, which is the object
        return _head_of(text, sentence, party)
    return None


_OWNED_BY_OF = re.compile(r"\s*(?:the|his|her|their|its)\s+(?:[a-z][\w\-]*\s+){0,2}?([a-z][\w\-]*)\s+of\s+(?:the\s+)?")
# "Tulsa, Okla.,": a city and its state's abbreviation qualify the noun after them
_PLACE_TAIL = re.compile(r",\s+[A-Z][a-z]{1,4}\.,\s+")
_CLAUSE_VERB = re.compile(r"\s+(?:has|have|had|is|are|was|were|will|would|can|could|did|does|said|says)\b")


def _head_of(text: str, sentence: SentenceParties, party: Party) -> Party:
    """The person a description names after a party that only qualifies it ("former Indiana
    University basketball coach Bobby Knight" is Bobby Knight, not the university; "Donald
    Trump campaign manager Corey Lewandowski" is Lewandowski)."""
    if party.possessive:
        return party
    later = next((p for p in sentence.parties if p.start > party.end), None)
    between = text[party.end:later.start] if later is not None else ""
    if later is not None and later.kind == "person" and \
            re.fullmatch(r"(?:\s+[a-z][\w\-]*){1,3}\s+", between) and not _PREPOSITIONS & set(between.split()) \
            and not _CLAUSE_LINK.search(between):
        return later
    return party


_AGENT_NOUN = re.compile(r"^[a-z]+(?:er|or|ist|ian)$")


def _only_modifiers(gap: str) -> bool:
    """Determiners, modifiers and capitalised words ("the Republican nominee") only: no verb,
    preposition or clause break between a relating word and its object."""
    if any(c in gap for c in ",;:.!?()“”\"") and gap.strip() not in ("", "-"):
        return False
    words = gap.split()
    if len(words) >= 2 and words[-1] == "and" and words[-2][:1].isupper():
        words = words[:-1]  # "unloaded on Amazon and Mr. Bezos": a name that is no party, then one that is
    if len(words) >= 2 and words[-2].lower() == "the" and _AGENT_NOUN.search(words[-1]):
        words = words[:-1]  # "the wrestler Hulk Hogan": a word of occupation as a title
    return all(word.lower() in _MODIFIER_WORDS or word[:1].isupper() for word in words)


def _in_quote(sentence: SentenceParties, at: int) -> bool:
    return any(s <= at < e for s, e in sentence.quoted)


def _claim_owner(text: str, sentence: SentenceParties, at: int) -> Party | None:
    """Whose claim a reject-word's object is: "Lee's claim", "the claims by Lee"."""
    owner = _object(text, sentence, at, possessive_only=True)
    if owner is not None and _CLAIM_NOUNS.match(text, owner.end + 2 if text[owner.end] in "’'" else owner.end):
        return owner
    for party in sentence.parties:
        if party.start >= at and (_CLAIM_OF.match(text[at:party.start]) or _LED_BY.match(text[at:party.start])):
            return party
        if party.start >= at:
            break
    return None


# what a party leads or proposes stands for it: "endorsed the compromise led by Sen. Collins"
_LED_BY = re.compile(r"^\s*(?:the|a|an|this|that)\s+(?:[\w\-]+\s+){0,2}?(?:led|proposed|offered|authored|written|"
                     r"sponsored|introduced|backed|championed|drafted|pushed)\s+by\s+(?:\w+\s+){0,2}?$", re.IGNORECASE)


def _blocked(text: str, sentence: SentenceParties, cue_start: int) -> str | None:
    """Why a cue states no relation (negated, refused, hypothetical), or "withdrawn" for
    "no longer backs"; None when it stands."""
    before = text[max(sentence.start, cue_start - 40):cue_start]
    if _WITHDRAWN.search(before):
        return "withdrawn"
    if _NEGATION.search(before) or _REFUSAL.search(before):
        return "negated"
    clause = text[sentence.start:cue_start]
    if text[sentence.end - 1:sentence.end] == "?" or _CONDITION.search(clause[-60:]) or _MODAL.search(before):
        return "hypothetical"
    return None


# a "sentence" naming more parties than this is a list or a table, not prose stating a relation;
# the frames compare each cue with the parties around it, so such a unit would cost its square
_MOST_PARTIES = 120


def find_relations(text: str, sentences: list[SentenceParties]) -> list[Relation]:
    """Every stated relation of the sentences, in text order. A quotation's speaker (its voice)
    is the subject of a relation in their own words: "I disagree with Lee"."""
    found: list[Relation] = []
    seen: set[Relation] = set()
    accusers: list[tuple[int, Party]] = []  # who accused, by sentence: "these accusations" are theirs
    for index, sentence in enumerate(sentences):
        if not 1 <= len(sentence.parties) <= _MOST_PARTIES or not ANY_CUE.search(text, sentence.start, sentence.end):
            continue
        # a cue read by one frame is not read again by another (frames are tried most specific
        # first); one cue may relate several parties ("A and B criticized C")
        used: set[tuple[int, int]] = set()
        recent = [party for at, party in accusers if index - at <= 3]
        for relation in [*_sentence_relations(text, sentence), *_rejected_accusations(text, sentence, recent)]:
            span = (relation.cue_start, relation.cue_end)
            if span not in used and any(s < span[1] and span[0] < e for s, e in used) or relation in seen:
                continue  # another frame's cue; or the same relation read through a second mention
            used.add(span)
            seen.add(relation)
            found.append(relation)
            if relation.kind == "criticize" and _ACCUSING.match(relation.cue):
                accusers += [(index, party) for party in sentence.parties if party.name == relation.party_a]
    return found


_ACCUSING = re.compile(r"(?:accus|alleg|claim|charg)", re.IGNORECASE)
# a rejection whose object points back at accusations made before ("rejected these accusations")
_THESE_CLAIMS = re.compile(r"\s+(?:these|those|the|such|their|its|his|her)\s+(?:\w+\s+)?(?:accusations|allegations|"
                           r"claims|charges)\b", re.IGNORECASE)
_REJECTING = re.compile(r"\b(?:reject(?:s|ed|ing)?|dismiss(?:es|ed|ing)?|den(?:y|ies|ied|ying)|disput(?:e|es|ed|ing)|"
                        r"refut(?:e|es|ed|ing)|rebuff(?:s|ed|ing)?)\b", re.IGNORECASE)


def _rejected_accusations(text: str, sentence: SentenceParties, accusers: list[Party]):
    """"The Pentagon rejected these accusations": a rejection of accusations made in the
    sentences just before is a rejection of those who made them."""
    if not accusers:
        return
    for cue in _REJECTING.finditer(text, sentence.start, sentence.end):
        if not _THESE_CLAIMS.match(text, cue.end()):
            continue
        for accuser in {party.name: party for party in accusers}.values():
            subject = _actor(text, sentence, cue, accuser)
            if subject is not None:
                yield from _one(text, sentence, cue, "reject", subject, accuser, directed=True)


def _denied_claims(text: str, sentence: SentenceParties):
    """"… told reporters the ministry's allegations are false": a statement that calls a
    party's claim false rejects that party; its speaker is the one who rejects."""
    for party in sentence.parties:
        # "the ministry's allegations are false"; "Fields had fabricated the story", "Kim is lying"
        denial = _DENIAL.match(text, party.end) if party.possessive else \
            _LIAR.match(text, party.end + 1) if text.startswith(" ", party.end) else None
        if denial is None:
            continue
        speaker = next((who for start, end, who in sentence.said if start <= party.start < end), None)
        if speaker is not None:
            yield from _make(text, sentence, denial, "reject", speaker, party, directed=True)


_LIAR = re.compile(r"(?:(?:had|has|have|is|was|were|are)\s+(?:been\s+)?)?(?:lied|lying|fabricated)\b",
                   re.IGNORECASE)
_DENIAL = re.compile(r"['’]s?\s+(?:\w+\s+)?(?:claims?|allegations?|accusations?|charges?|assertions?|story|account)\s+"
                     r"[“\"]?(?:is|are|was|were)\s+(?:\w+ly\s+)?(?:false|untrue|baseless|unfounded|wrong|nonsense|"
                     r"fabricated|fake|bogus|lies|a\s+lie)\b", re.IGNORECASE)


def _sentence_relations(text: str, sentence: SentenceParties):
    lo, hi = sentence.start, sentence.end
    # longer, more specific frames first: "agreed with" before "agreed", "criticism of" before "critic"
    for kind, regex in _BETWEEN_CUES:
        for cue in regex.finditer(text, lo, hi):
            after = [p for p in sentence.parties if p.start >= cue.end()][:2]
            if len(after) == 2 and re.fullmatch(r"\s*(?:the\s+)?", text[cue.end():after[0].start], re.I) \
                    and re.fullmatch(r"\s*(?:and|&)\s+(?:the\s+)?", text[after[0].end + (2 if after[0].possessive
                                                                                        else 0):after[1].start], re.I):
                if _LIST_JOIN.match(text, after[1].end + (2 if after[1].possessive else 0)) and \
                        not re.match(r"\s*,\s*(?:who|which|the|a|an)\b", text[after[1].end:after[1].end + 12]):
                    continue  # "the battle between Rubio and Christie, Kasich and Bush": pairs unclear
                yield from _one(text, sentence, cue, kind, after[0], after[1], directed=False)
    for kind, regex in _WITH_CUES:
        for cue in regex.finditer(text, lo, hi):
            target = _object(text, sentence, cue.end())
            if target is None:
                continue
            yield from _with_subject(text, sentence, cue, kind, target)
    for kind, regex in _NOUN_CUES:
        for cue in regex.finditer(text, lo, hi):
            yield from _noun_frame(text, sentence, cue, kind)
    for kind, regex in _VERB_CUES:
        for cue in regex.finditer(text, lo, hi):
            yield from _verb_frame(text, sentence, cue, kind)
    for kind, regex in _PAIR_CUES:
        for cue in regex.finditer(text, lo, hi):
            pair = _coordinated_before(text, sentence, cue.start())
            if pair:
                yield from _make(text, sentence, cue, kind, pair[0], pair[1], directed=False)
    for cue in _AGREES_ALONE.finditer(text, lo, hi):
        yield from _agreeing_with_earlier(text, sentence, cue)
    for cue in _RETORT_ALONE.finditer(text, lo, hi):
        yield from _answering_earlier(text, sentence, cue)
    for cue in _NAMING.finditer(text, lo, hi):
        yield from _naming_frame(text, sentence, cue)
    for cue in _PRO_ANTI.finditer(text, lo, hi):
        yield from _pro_anti_frame(text, sentence, cue)
    yield from _denied_claims(text, sentence)


# "pro-Clinton", "anti-Trump": a prefix that says the words it qualifies back or oppose a party
_PRO_ANTI = re.compile(r"\b(pro|anti)-(?=[A-Z])", re.IGNORECASE)
# an attack that is an event in which people die or a place is struck, not criticism
_VIOLENT_ATTACK = re.compile(r"\b(?:killed|wounded|injured|died|dead|deadly|terrorist|terror|suicide|bomb|missile|"
                             r"chemical|armed|military|air|drone|rocket)\b[^.;]{0,30}$|\b(?:in|during|since|after|"
                             r"before)\s+(?:the|a|an|this|that|last\s+\w+['’]s)\s+(?:\d{4}\s+)?$", re.IGNORECASE)
_COPULA_BEFORE = re.compile(r"\b(?:is|are|was|were|been|be|remains?|remained|seen\s+as)\s+(?:\w+ly\s+)?$",
                            re.IGNORECASE)
_APPOSITION_BEFORE = re.compile(r",\s+(?:a|an|the)\s+(?:\w+ly\s+)?$", re.IGNORECASE)


def _pro_anti_frame(text, sentence, cue):
    """Who is "pro-X" or "anti-X": the subject of a copula ("Lee and Kim are pro-Israel"), the
    name the words describe ("the pro-Clinton super PAC Priorities USA"), or the one an
    apposition describes ("Priorities USA, a pro-Clinton super PAC")."""
    target = next((p for p in sentence.parties if p.start == cue.end()), None)
    if target is None or target.kind == "group":
        return  # "pro-Sanders demonstrators": the group is the holder's own description
    kind = "endorse" if cue.group(1).lower() == "pro" else "criticize"
    before = text[max(sentence.start, cue.start() - 30):cue.start()]
    holder = None
    copula = _COPULA_BEFORE.search(before)
    if copula:
        holder = _subject(text, sentence, cue.start() - len(copula.group(0)), target)
    elif _APPOSITION_BEFORE.search(before):
        holder = _subject(text, sentence, cue.start(), target, adjacent=False)
    else:
        named = next((p for p in sentence.parties if p.start > target.end), None)
        nouns = text[target.end:named.start].split() if named is not None else []
        if named is not None and len(nouns) <= 3 and re.fullmatch(r"(?:\s+[\w\-’']+){0,3}?\s+",
                                                                text[target.end:named.start]) and \
                text[named.start:named.start + 1].isupper() and not any(
                    word.lower() in _PREPOSITIONS or _CLAUSE_LINK.fullmatch(word) or word.endswith(("ed", "ing"))
                    for word in nouns):
            holder = named  # "the pro-Clinton super PAC Priorities USA Action"
    if holder is not None:
        yield from _make(text, sentence, cue, kind, holder, target, directed=True)


EARLIER_REACH = 400  # characters before a sentence whose statements a bare "agrees" may answer
_AGREES_ALONE = re.compile(r"\b(?:agree|agrees|agreed)\b(?!\s+(?:with|to|on|upon|that|in|about|over|for|"
                           r"to|among|between)\b)(?=\s*[,.:;“\"—–]|\s+[A-Z]|\s+\w+ly\b)", re.IGNORECASE)


def _agreeing_with_earlier(text, sentence, cue):
    """"Kim agreed:" after Lee's proposal, "“…,” agrees Ann Lee": a bare "agree" agrees with
    the one whose statement came just before."""
    if _coordinated_before(text, sentence, cue.start()) is not None:
        return  # "Lee and Kim agreed": with each other
    found = _answer_to_earlier(text, sentence, cue)
    if found is not None:
        yield from _one(text, sentence, cue, "agree", *found, directed=False)


def _answering_earlier(text, sentence, cue):
    """"Kim shot back in a statement" after Lee's words: a retort rejects what the one who
    spoke just before said; after "Asked whether …" it answers the question, not a party."""
    if re.match(r"[\s“\"]*(?:when\s+|after\s+being\s+)?asked\b", text[sentence.start:sentence.start + 30], re.I):
        return
    found = _answer_to_earlier(text, sentence, cue)
    if found is not None:
        yield from _one(text, sentence, cue, "reject", *found, directed=True)


def _answer_to_earlier(text, sentence, cue) -> tuple[Party, Party] | None:
    """Who answers with a word that names no one ("agreed", "shot back"), its subject or the
    name after a quotation ("“…,” agrees Ann Lee"), and the other one who spoke just before."""
    if not sentence.earlier:
        return None
    inverted = re.search(r"[”\"’'],?\s*$", text[max(sentence.start, cue.start() - 4):cue.start()])
    subject = _object(text, sentence, cue.end()) if inverted else _subject(text, sentence, cue.start(), None)
    if subject is None:
        return None
    partner = next((voice for _, voice in reversed(sentence.earlier) if voice.name != subject.name), None)
    return (subject, partner) if partner is not None else None


def _naming_frame(text, sentence, cue):
    """"Trump called Clinton a liar", "O'Malley branded Trump a fascist", "she described him as
    a great leader": what the name given says of its bearer is the relation."""
    target = _object(text, sentence, cue.end())
    if target is None or target.possessive:
        return
    label = _LABEL.match(text, target.end, min(sentence.end, target.end + 80))
    if label is None:
        return
    words = set(re.findall(r"[a-z\-]+", label.group(0).lower()))
    kind = "criticize" if words & _INSULTS else "endorse" if words & _PRAISE else None
    if kind is not None:
        subject = _actor(text, sentence, cue, target)
        if subject is not None:
            yield from _make(text, sentence, cue, kind, subject, target, directed=True)


# a possessive before a phrase's first word makes it a noun ("his campaign for the White House")
_OWNED_NOUN = re.compile(r"(?:['’]s?|\b(?:its|their|his))\s+(?:[\w\-]+\s+){0,3}$", re.IGNORECASE)
_RELATION_AS_NOUN = frozenset(["split", "feud", "clash", "clashes", "break", "quarrel"])


def _with_subject(text, sentence, cue, kind, target):
    owned = _OWNED_NOUN.search(text, max(sentence.start, cue.start() - 40), cue.start())
    if owned:  # "the group's name change and split with Al Qaeda": the group's split, no one else's
        owner = next((p for p in sentence.parties if p.possessive and p.end <= owned.start() <= p.end + 2), None)
        head = next((p for p in sentence.parties if owned.start() < p.start < cue.start()), None)
        if head is None:  # "the Center's Bozell agrees with": a name is the head, and the subject
            if owner is not None and cue.group(0).split()[0].lower() in _RELATION_AS_NOUN:
                yield from _make(text, sentence, cue, kind, owner, target,
                                 directed=kind not in ("agree", "disagree"))
            return
    subject = _actor(text, sentence, cue, target)
    if subject is None:
        pair = _coordinated_before(text, sentence, cue.start())
        subject = pair[0] if pair else None
    if subject is not None:
        yield from _make(text, sentence, cue, kind, subject, target, directed=kind not in ("agree", "disagree"))


def _actor(text: str, sentence: SentenceParties, cue: re.Match, target: Party) -> Party | None:
    """Who does what a relating verb says: its subject; for an -ing form, see _ing_subject; for a
    verb in a second coordinated predicate ("Lee came to Ohio and attacked Kim"), the party the
    sentence opens with; inside a quotation, its speaker when they say "I" or "we"."""
    if cue.group(0).split()[0].lower().endswith("ing"):
        subject = _ing_subject(text, sentence, cue, target)
    else:
        # a phrase ("in agreement with", "at odds with") modifies a verb that stands between
        subject = _subject(text, sentence, cue.start(), target, adjacent=not _PHRASE_CUE.match(cue.group(0)))
        if subject is None and _COORDINATED_PREDICATE.search(text, max(sentence.start, cue.start() - 30),
                                                              cue.start()):
            subject = _opening_party(text, sentence, target)
    if subject is None and _in_quote(sentence, cue.start()):
        subject = _voice(text, sentence, cue.start())
    return subject


# a challenge to a person is a stated criticism only where it says on what ("challenged Lee on trade")
_CHALLENGED_ON = re.compile(r"\s+(?:\w+ly\s+)?(?:on|over|about)\b")  # "challenged Lee to a debate" dares
_PHRASE_CUE = re.compile(r"(?:in|at|on|over)\s", re.IGNORECASE)
_COORDINATED_PREDICATE = re.compile(r",?\s+(?:and|but)\s+(?:then\s+|also\s+|\w+ly\s+)?$")


def _object_relative(text, sentence, cue, kind):
    """"Donald Trump, whom he blasted as a bully": the relative pronoun is the verb's object,
    and stands for the party it follows; the party between pronoun and verb is the subject."""
    subject = next((p for p in reversed(sentence.parties) if p.end <= cue.start()), None)
    if subject is None or subject.possessive or \
            not re.fullmatch(r"\s+(?:(?:has|had|have|was|is|also|repeatedly|once)\s+)*(?:\w+ly\s+)?",
                             text[subject.end:cue.start()]):
        return
    # not "that", which also opens what is said ("told Lee that Kim had opposed"); "who" for a
    # person, "which" for a body or a state ("allegations that he assaulted Ann, which he denied")
    pronoun = re.search(r"([^\s,])\s*,?\s+(who|whom|which)\s+$", text[max(sentence.start, subject.start - 30):subject.start])
    if pronoun is None:
        return
    antecedent_end = max(sentence.start, subject.start - 30) + pronoun.end(1)
    antecedent = next((p for p in sentence.parties if p.end in (antecedent_end, antecedent_end - 2)), None)
    if antecedent is not None and antecedent.name != subject.name and \
            (antecedent.kind == "person") == (pronoun.group(2).lower() != "which"):
        yield from _one(text, sentence, cue, kind.replace("-claim", ""), subject, antecedent, directed=True)


def _opening_party(text: str, sentence: SentenceParties, target: Party) -> Party | None:
    """The party a sentence opens with (after at most a title, a description or a conjunction:
    "Democratic front-runner Hillary Clinton"), its subject."""
    first = sentence.parties[0] if sentence.parties else None
    title = re.fullmatch(r"\s+([a-z][\w\-]*)\s+", text[first.end:sentence.parties[1].start]) \
        if first is not None and len(sentence.parties) > 1 else None
    if title and (title.group(1) in PERSON_NOUNS or title.group(1) == "hopeful"):
        first = sentence.parties[1]  # "White House hopeful Hillary Clinton": the first name qualifies her title
    if first is None or first.possessive or first.name == target.name or first.described:
        return None
    lead = text[sentence.start:first.start].strip(" “\"‘'(")
    # "Sunday morning, Clinton slammed …": a short phrase put first and closed by its comma
    lead = re.sub(r"^(?:[\w’'\-.]+\s+){0,3}[\w’'\-.]+,\s*", "", lead)
    return first if len(lead.split()) <= 3 and not re.search(r"[,;:]", lead) else None


def _voice(text: str, sentence: SentenceParties, at: int) -> Party | None:
    """The speaker of a quotation, as the subject of a relation in their own first-person words
    ("I disagree with Lee"); not of one whose subject is someone else ("Republicans are attacking")."""
    for s, e in sentence.quoted:
        if s <= at < e and _FIRST_PERSON.search(text, max(s, at - 40), at):
            return sentence.voices.get(s)
    return None


_FIRST_PERSON = re.compile(r"\b(?:I|[Ww]e)\b(?:\s+\w+){0,3}\s+$")


def _verb_frame(text, sentence, cue, kind):
    at = cue.end()
    participle = cue.group(0).lower().endswith(("ed", "en")) or cue.group(0).lower() in ("shot", "hit", "struck")
    # "Kim was criticized by Lee", and reduced: "Kim, criticized by Lee for …"
    if participle and (_PASSIVE_BEFORE.search(text, max(sentence.start, cue.start() - 24), cue.start())
                       or re.match(r"\s+by\s", text[at:at + 5])):
        # "was endorsed the day before by Fiorina", "has been attacked on the speeches by Sanders"
        by = re.match(r"\s+(?:\w+ly\s+)?(?:(?:on|over|for|in|at|the|a|this|last|that)\s+(?:[\w’'\-]+\s+){0,3}?)?by\s+",
                      text[at:at + 48])
        if not by:
            return
        agent = _object(text, sentence, at + by.end())
        if agent is not None and cue.group(0).lower().startswith("challeng") and \
                not _CHALLENGED_ON.match(text, agent.end):
            return  # "the governor challenged by Sanders 30 years ago": a contest
        patient = _subject(text, sentence, cue.start(), agent, possessive=True)
        if agent and patient:
            yield from _make(text, sentence, cue, kind.replace("-claim", ""), agent, patient, directed=True)
        return
    reciprocal = re.match(r"\s+(?:each\s+other|one\s+another)\b", text[at:at + 20], re.IGNORECASE)
    if reciprocal:  # "Johnson and Corbyn attacked each other's policies": both ways
        pair = _coordinated_before(text, sentence, cue.start())
        if pair:
            yield from _make(text, sentence, cue, kind.replace("-claim", ""), pair[0], pair[1], directed=True)
            yield from _make(text, sentence, cue, kind.replace("-claim", ""), pair[1], pair[0], directed=True)
        return
    if kind == "reject-claim" or (kind == "reject" and not _object(text, sentence, at)):
        target = _claim_owner(text, sentence, at)
        kind = "reject"
    else:
        target = _object(text, sentence, at)
        if target is None:
            target = _claim_owner(text, sentence, at)
    if target is None:
        target = _act_owner(text, sentence, at)
    if target is None:
        yield from _object_relative(text, sentence, cue, kind)
        return
    if kind == "endorse" and cue.group(0).lower().startswith("back") and not target.possessive \
            and target.start - at > 12:
        return  # "came back the Senate": "back" as a particle
    if cue.group(0).lower().startswith("challeng") and not target.possessive and \
            not _CHALLENGED_ON.match(text, target.end):
        return  # "challenging Lee for her seat", "Sanders challenged her in 1986": a contest; "challenged Lee on"
    subject = _actor(text, sentence, cue, target)
    if subject is not None:
        yield from _make(text, sentence, cue, kind, subject, target, directed=True)


_WHERE_BEFORE = re.compile(r"\b(?:in|at|on|into|across|throughout|inside)\s+(?:the\s+)?$", re.IGNORECASE)
_PROGRESSIVE = re.compile(r"(?:\b(?:is|are|was|were|been|be|am|keeps?|kept|continued?|continues|started|began|"
                          r"begun|stop(?:ped)?|spent|spends?|devoted\s+to|by|for|of)|['’]s|['’]re)\s+(?:\w+ly\s+)?$",
                          re.IGNORECASE)


def _ing_subject(text: str, sentence: SentenceParties, cue: re.Match, target: Party) -> Party | None:
    """Who acts in an -ing form: the subject of "Lee was attacking Kim" or of "Lee, attacking Kim,"
    (the sentence's subject); none for "placards attacking Kim", where the noun acts."""
    before = text[max(sentence.start, cue.start() - 40):cue.start()]
    if _PROGRESSIVE.search(before):
        return _subject(text, sentence, cue.start(), target)
    if re.search(r",\s*(?:\w+ly\s+)?$", before):  # "Lee responded first, ripping into Kim"
        return _opening_party(text, sentence, target)
    nearest = next((p for p in reversed(sentence.parties) if p.end <= cue.start()), None)
    if nearest is not None and re.fullmatch(r"\s+(?:\w+ly\s+)?", text[nearest.end:cue.start()]):
        # "an op-ed in The Washington Post hammering him": the paper is where, not who ("with
        # Republicans taking shots at", "the rhetoric of candidates blasting": those act)
        governed = bool(_WHERE_BEFORE.search(text, max(sentence.start, nearest.start - 16), nearest.start))
        return nearest if not nearest.possessive and nearest.name != target.name and not governed else None
    return None


def _noun_frame(text, sentence, cue, kind):
    at = cue.end()
    target_prep = re.match(rf"\s+{_NOUN_TARGETS[kind]}\s+", text[at:at + 16], re.IGNORECASE)
    before = text[max(sentence.start, cue.start() - 60):cue.start()]
    if cue.group(0).lower() == "fire" and not before.lower().endswith("under "):
        return  # only "under fire from" is criticism; "opened fire on" is shooting
    if _VIOLENT_ATTACK.search(before) and cue.group(0).lower().startswith(("attack", "assault")):
        return  # "killed in the 2012 attack on the consulate": violence, not words
    if cue.group(0).lower().startswith("assault") and not re.search(r"\b(?:verbal|rhetorical|political|"
                                                                    r"sustained|full)\s+$", before, re.I):
        return  # "the alleged assault of a reporter": an assault on a person is violence
    # "drew criticism from Lee", "came under fire from Lee": the target is the subject
    received = _FROM_CRITICISM.search(before)
    giver = _received_from_owner(text, sentence, cue)  # "won Kim's endorsement"
    if received or giver:
        source = re.match(r"\s+(?:\w+\s+){0,2}?from\s+", text[at:at + 40], re.IGNORECASE)
        if source is None and kind == "endorse" and re.search(r"\bthe\s+(?:\w+\s+)?$", before):
            source = re.match(r"\s+of\s+(?:the\s+)?(?=[A-Z])", text[at:at + 12])  # "won the endorsement of Kim"
        if source or giver:
            agent = giver[0] if giver else _object(text, sentence, at + source.end())
            # the subject of "drew", "came under", "faced"; or an act it names ("The proposal drew …")
            verb_at = giver[1] if giver else cue.start() - len(received.group(0))
            patient = _subject(text, sentence, verb_at, agent)
            act = _act_owner(text, sentence, sentence.start)
            if patient is None and act is not None and _adjoined(text[act.end:verb_at]):
                patient = act
            if agent and patient:
                yield from _make(text, sentence, cue, kind, agent, patient, directed=True)
        return
    if not target_prep:
        if cue.group(0).lower() in RELATION_NOUNS:
            possessed = _possessed_relation(text, sentence, cue)
            if possessed is not None:  # "Lee and Kim, two of her allies": both; never the owner herself
                owner, target = possessed
                if owner.kind == target.kind == "country" and cue.group(0).lower().startswith("all"):
                    return  # "the United States is Britain's closest ally": an alliance, not a stance taken
                for first in _with_coordinated(text, sentence, owner):
                    yield from _one(text, sentence, cue, kind, first, target, directed=True)
                return
        yield from _compound_frame(text, sentence, cue, kind)
        return
    target = _object(text, sentence, at + target_prep.end())
    if target is None:
        return
    if kind == "endorse" and _WITHDRAWING.search(before):
        kind = "disagree"  # "rescinded his endorsement of Trump": support taken back
    # whose the noun is: "Lee's criticism of", "his attacks on", "criticism of Kim by/from Lee",
    # "Lee, a longtime critic of", "Lee is a critic of"
    owner = None
    mods = re.search(r"(?:\b\w+\s+){0,3}$", before)
    owner_region = cue.start() - (len(mods.group(0)) if mods else 0)
    for party in reversed(sentence.parties):
        if party.end <= cue.start() and party.possessive and party.end >= owner_region - 3:
            owner = party
            break
    if owner is None:
        by = re.match(r"\s+(?:by|from)\s+", text[target.end + (2 if target.possessive else 0):target.end + 12])
        if by:
            owner = _object(text, sentence, target.end + by.end())
    described = re.search(r"(?:,\s*(?:\w+\s+)?(?:a|an|the|one\s+of\s+\w+)|\b(?:is|was|are|were|been|be|as|"
                          r"became|becomes|remains?|remained)\s+(?:a|an|the|one\s+of))\s+(?:[\w\-’']+\s+){0,5}$", before)
    if owner is None and described:
        # the one described stands right before the apposition or the copula
        owner = _subject(text, sentence, cue.start() - len(described.group(0)), target)
    if owner is not None:
        yield from _make(text, sentence, cue, kind, owner, target, directed=True)


_POSSESSED_GAP = re.compile(r"(?:['’]s?)?\s+(?:(?:most|more|very|\w+est|\w+ly|longtime|long-time|staunch|vocal|loyal|"
                            r"close|fierce|harsh|early|top|key|chief|leading|prominent|outspoken|strong|steadfast|"
                            r"ardent|avid|fervent|devoted|big|great|main|lone|sole|only|fellow|former|biggest)\s+){0,3}$",
                            re.IGNORECASE)
_ONE_OF = re.compile(r"(?:(?:,\s*|\b(?:is|was|are|were|been|be|became|becomes|remains?|remained)\s+)"
                     r"(?:(?:one|some|many|several)\s+of\s+|among\s+)?|\bas\s+(?:one\s+of|among)\s+)$",
                     re.IGNORECASE)  # "as" alone joins a clause: "as Lee's supporters hoped"


def _possessor_before(text, sentence, cue) -> Party | None:
    """The party whose possessive the cue's noun follows, past a few adjectives ("Kim's staunchest")."""
    party = next((p for p in reversed(sentence.parties) if p.end <= cue.start()), None)
    if party is None or not party.possessive or not _POSSESSED_GAP.fullmatch(text, party.end, cue.start()):
        return None
    return party


def _possessed_relation(text, sentence, cue) -> tuple[Party, Party] | None:
    """"Lee was one of Kim's staunchest supporters", "her longtime ally, Ann Lee": a person noun
    owned by a party names someone who backs or opposes the owner; that someone is the copula's
    subject, the head the phrase is apposed to, or the name apposed after it."""
    target = _possessor_before(text, sentence, cue)
    if target is None:
        return None
    after = re.match(r"s?,?\s+", text[cue.end():cue.end() + 4])
    following = _object(text, sentence, cue.end() + after.end()) if after else None
    if following is not None and following.start == cue.end() + after.end() and following.kind == "person" \
            and re.match(r"\s*(?:[,.;:)]|$)", text[following.end + (2 if following.possessive else 0):]) \
            and not re.match(r"\s*,?\s*(?:and|or|&)\s", text[following.end:following.end + 8]):
        return following, target  # an apposition names one person and closes: not a list, not a clause's subject
    described = _ONE_OF.search(text, max(sentence.start, target.start - 40), target.start)
    if described is None:
        return None
    if described.group(0).startswith(","):  # apposed right to a name: "Lee (R-Utah), one of her allies"
        owner = next((p for p in reversed(sentence.parties) if p.end <= described.start()), None)
        if owner is None or owner.possessive or \
                not re.fullmatch(r"\s*(?:\([^()]{0,40}\))?", text[owner.end:described.start()]):
            return None
    else:
        owner = _subject(text, sentence, target.start - len(described.group(0)), target, adjacent=False)
    return (owner, target) if owner is not None else None


def _received_from_owner(text, sentence, cue) -> tuple[Party, int] | None:
    """The owner of what a party receives ("won Kim's endorsement", "drew Kim's fire"), and
    where the receiving verb stands."""
    owner = _possessor_before(text, sentence, cue)
    if owner is None:
        return None
    verb = _RECEIVING.search(text, max(sentence.start, owner.start - 30), owner.start)
    return (owner, verb.start()) if verb else None


_RECEIVING = re.compile(r"\b(?:won|wins|win|winning|secured|secures|gained|gains|received|receives|earned|earns|got|"
                        r"gets|drew|draws|picked\s+up|picks\s+up|landed|lands)\s+$", re.IGNORECASE)


_WITHDRAWING = re.compile(r"\b(?:rescind|revok|retract|withdr[ae]w|pull(?:s|ed|ing)?\s+(?:back\s+)?|drop(?:s|ped|ping)?\s+)"
                         r"\w*\s+(?:(?:his|her|their|its|the)\s+)?(?:\w+\s+)?$", re.IGNORECASE)


def _compound_frame(text, sentence, cue, kind):
    """"Ann Lee, a Kim supporter,", "an enthusiastic Kim supporter, Ann Lee": the party before the
    noun is its target, the person the noun phrase describes its owner."""
    target = next((p for p in reversed(sentence.parties) if p.end <= cue.start()), None)
    if target is None or target.possessive or text[target.end:cue.start()] != " ":
        return
    article = re.search(r"(?:^|[,(—–]\s*|\b(?:is|was|are|were|been|as|and)\s+)(?:an?|one|another|the)\s+"
                        r"(?:[\w\-]+\s+){0,2}(?:and\s+)?$", text[max(sentence.start, target.start - 50):target.start], re.I)
    if article is None:
        return
    if article.group(0).startswith((",", "(", "—", "–")) or re.match(r"\w", article.group(0)) and \
            not re.match(r"(?:an?|one|another|the)\s", article.group(0), re.I):
        owner = _subject(text, sentence, target.start, target, adjacent=False)
    else:
        # "an enthusiastic Kim supporter in Ohio, Ann Lee": a place may stand between
        after = re.match(r"s?(?:\s+(?:in|from|at)\s+(?:[A-Z][\w.\-]*\s?){1,3})?,\s+", text[cue.end():cue.end() + 40])
        owner = _object(text, sentence, cue.end() + after.end()) if after else None
        if owner is None:
            owner = _subject(text, sentence, target.start, target)
    if owner is not None:
        yield from _make(text, sentence, cue, kind, owner, target, directed=True)


def _coordinated_before(text: str, sentence: SentenceParties, at: int) -> tuple[Party, Party] | None:
    """'A and B' as the subject just before `at` ("Lee and Kim disagreed")."""
    before = [p for p in sentence.parties if p.end <= at]
    for a, b in zip(reversed(before[:-1]), reversed(before), strict=False):
        if b.possessive:  # "Maples and his split": whose split, not a second party
            break
        join = text[a.end + (2 if a.possessive else 0):b.start]
        between = text[b.end:at]
        if any(names_people(word.lower()) for word in re.findall(r"[A-Za-z]+", between)):
            return None  # "Trump and Cruz supporters clashed": the pair qualifies who acts
        if re.fullmatch(r"\s*,?\s*(?:and|&)\s+(?:the\s+)?", join, re.IGNORECASE) and \
                re.fullmatch(r"[\s\w,’'\-]*", between) and len(between) < 60:
            # "Strategists for Obama and Clinton agree": the strategists do, not the pair
            return None if _governed(text, a.start, sentence.start) else (a, b)
        break
    return None


def _make(text, sentence, cue, kind, a: Party, b: Party, *, directed: bool):
    """The relation of a to b, and of every party coordinated with either ("Egypt and Jordan
    criticised the US", "mocked Bush and Rubio")."""
    for first in _with_coordinated(text, sentence, a):
        for second in _with_coordinated(text, sentence, b):
            yield from _one(text, sentence, cue, kind, first, second, directed=directed)


def _with_coordinated(text: str, sentence: SentenceParties, party: Party) -> list[Party]:
    """The party and those joined to it by "and" or commas in one list ("A, B and C")."""
    index = sentence.parties.index(party) if party in sentence.parties else -1
    if index < 0:
        return [party]
    group = [party]
    for step in (-1, 1):
        i = index
        while 0 <= i + step < len(sentence.parties):
            left, right = sorted((sentence.parties[i], sentence.parties[i + step]), key=lambda p: p.start)
            join = text[left.end + (2 if left.possessive else 0):right.start]
            if not _LIST_JOIN.fullmatch(join):
                break
            i += step
            group.append(sentence.parties[i])
    ordered = sorted(group, key=lambda p: p.start)
    if len(group) > 1 and not any(re.search(r"\b(?:and|or)\b|&", text[p.end:q.start])
                                  for p, q in zip(ordered, ordered[1:], strict=False)):
        return [party]  # commas alone make no list: "hosted by Fox News, Cruz praised"
    return group


_LIST_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s(?:and|or|&)\s+)(?:the\s+)?", re.IGNORECASE)


def _one(text, sentence, cue, kind, a: Party, b: Party, *, directed: bool):
    if a.name == b.name or (a.country and a.country == b.name) or (b.country and b.country == a.name):
        return
    blocked = _blocked(text, sentence, cue.start())
    if blocked == "withdrawn" and kind in ("endorse", "agree"):
        kind = "disagree"
    elif blocked:
        return
    if a.kind == b.kind == "person":
        level = "person"
    elif a.kind == b.kind == "country":
        level = "country"
    else:
        level = "party"
    yield Relation(a.name, b.name, kind, directed, text[cue.start():cue.end()], cue.start(), cue.end(),
                   sentence.start, sentence.end, level, a.country, b.country)
