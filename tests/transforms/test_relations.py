"""Stated relations, read through the public extract(): who agrees with, endorses, disagrees
with, rejects or criticizes whom, with the sentence and the words behind each."""
import pytest

from accord.transforms.analysis.topics import Taxonomy
from accord.transforms.extraction import extract
from accord.transforms.page.text_document import parse_text
from accord.transforms.speech.speaker_registry import SpeakerRegistry

TAXONOMY = Taxonomy.from_entries([
    {"name": "Trade & tariffs", "keywords": ["tariff", "trade"]},
    {"name": "Climate change", "keywords": ["climate change", "emissions"]},
    {"name": "Fishing", "keywords": ["fishing", "fish"]},
])
REGISTRY = SpeakerRegistry.from_entries([
    {"name": "Anne Dupont", "aliases": ["Dupont"], "role": "Foreign Minister", "affiliation": "France",
     "gender": "f"},
    {"name": "Klaus Weber", "aliases": ["Weber"], "role": "Chancellor", "affiliation": "Germany", "gender": "m"},
    {"name": "Maria Costa", "aliases": ["Costa"], "role": "Senator", "affiliation": "Italy", "gender": "f"},
], institutions={"parties": {"Democratic": "Democratic Party", "Republican": "Republican Party"},
                 "institutions": [{"names": ["Foreign Ministry"], "affiliation": "Germany"}]})


def relations(*paragraphs: str) -> set[tuple]:
    doc = parse_text("Title\n" + "\n".join(paragraphs), "file:///a.txt")
    found = extract(doc, REGISTRY, TAXONOMY).agreements
    for row in found:  # every row points at its sentence and its cue
        assert doc.text[row.start_char:row.end_char] == row.evidence
        if row.cue_start is not None:
            assert doc.text[row.cue_start:row.cue_end] == row.cue
    return {(r.party_a, r.party_b, r.kind, r.directed) for r in found}


@pytest.mark.parametrize(("text", "expected"), [
    ("Dupont stated in agreement with Weber that emissions must fall.",
     ("Anne Dupont", "Klaus Weber", "agree", False)),
    ("Costa rejected Weber's claim that tariffs protect jobs.", ("Maria Costa", "Klaus Weber", "reject", True)),
    ("Costa dismissed the accusations by Weber as nonsense.", ("Maria Costa", "Klaus Weber", "reject", True)),
    ("Weber sharply criticized Costa over fishing quotas.", ("Klaus Weber", "Maria Costa", "criticize", True)),
    ("Costa was criticized by Weber on Monday.", ("Klaus Weber", "Maria Costa", "criticize", True)),
    ("Weber has endorsed Dupont for the post.", ("Klaus Weber", "Anne Dupont", "endorse", True)),
    ("Weber lashed out at Costa after the vote.", ("Klaus Weber", "Maria Costa", "criticize", True)),
    ("Dupont's attacks on Weber grew sharper.", ("Anne Dupont", "Klaus Weber", "criticize", True)),
    ("Costa, a longtime critic of Weber, spoke next.", ("Maria Costa", "Klaus Weber", "criticize", True)),
    ("Dupont, once an ally of Weber, spoke next.", ("Anne Dupont", "Klaus Weber", "endorse", True)),
    ("The feud between Dupont and Costa went on.", ("Anne Dupont", "Maria Costa", "disagree", False)),
    ("Dupont and Costa clashed over fishing.", ("Anne Dupont", "Maria Costa", "disagree", False)),
    ("Dupont sided with Costa on fishing.", ("Anne Dupont", "Maria Costa", "agree", False)),
    ("Weber opposed the Costa plan.", ("Klaus Weber", "Maria Costa", "criticize", True)),
    ("Dupont and Costa attacked each other's plans.", ("Maria Costa", "Anne Dupont", "criticize", True)),
    ("Weber came to Rome on Monday and attacked Costa.", ("Klaus Weber", "Maria Costa", "criticize", True)),
    ("Dupont called Weber a liar and a fraud.", ("Anne Dupont", "Klaus Weber", "criticize", True)),
    ("Weber came under fire from Costa over fishing.", ("Maria Costa", "Klaus Weber", "criticize", True)),
    ("Costa described Dupont as “the champion working families need.”", ("Maria Costa", "Anne Dupont", "endorse", True)),
    ("Weber responded first, ripping into Costa.", ("Klaus Weber", "Maria Costa", "criticize", True)),
    ("Weber, who leads the party, in a statement on Monday sharply criticized Costa.",
     ("Klaus Weber", "Maria Costa", "criticize", True)),
    # the owner of a claim named after "by" with a description first
    ("Weber knocked a statement by former minister Costa that tariffs work.",
     ("Klaus Weber", "Maria Costa", "criticize", True)),
    ("The pro-Weber think tank Green Europe met on Monday.", ("Green Europe", "Klaus Weber", "endorse", True)),
    ("Green Europe, an anti-Weber think tank, met on Monday.", ("Green Europe", "Klaus Weber", "criticize", True)),
    ("Costa distanced herself from Weber on fishing.", ("Maria Costa", "Klaus Weber", "disagree", False)),
    ("Dupont disapproved of Weber's plan.", ("Anne Dupont", "Klaus Weber", "criticize", True)),
    ("Dupont approved of Weber's plan.", ("Anne Dupont", "Klaus Weber", "endorse", True)),
    # those who speak for a state named by its demonym: the state is the party
    ("The Italian government sharply criticized Weber.", ("Italy", "Klaus Weber", "criticize", True)),
    # a word of occupation as a title before the name
    ("Costa was a backer of the wrestler Weber.", ("Maria Costa", "Klaus Weber", "endorse", True)),
    # a city and its state's abbreviation qualify the noun after them, whose name is the object
    ("Dupont criticized Jordan, Minn., police officer Maria Costa for the shooting.",
     ("Anne Dupont", "Maria Costa", "criticize", True)),
    # a list that is a preposition's object is no subject
    ("Dupont, who served in Spain, Austria and France, praised Weber.", ("Anne Dupont", "Klaus Weber", "endorse", True)),
    # a PAC's own name, without the words that say what it is
    ("The super PAC Green Future attacks Weber daily.", ("Green Future", "Klaus Weber", "criticize", True)),
    # an honorific's dot inside the words a cue looks ahead over
    ("Costa followed Mr. Weber's lead on fishing.", ("Maria Costa", "Klaus Weber", "agree", False)),
    ("Costa joined Mr. Weber in calling for a fishing ban.", ("Maria Costa", "Klaus Weber", "agree", False)),
    ("Costa shares Mr. Weber's concerns about fishing.", ("Maria Costa", "Klaus Weber", "agree", False)),
    # "with" opens a clause whose subject acts
    ("The talks ended, with Costa taking shots at Weber.", ("Maria Costa", "Klaus Weber", "criticize", True)),
    # a coordinated object whose first name is no party
    ("Weber unloaded again on Amazon and Costa.", ("Klaus Weber", "Maria Costa", "criticize", True)),
    # a modal of another clause leaves the relation standing
    ("In what might be the first time Weber and Costa have ever agreed on anything, they met.",
     ("Klaus Weber", "Maria Costa", "agree", False)),
])

def test_each_frame_finds_its_parties_and_direction(text, expected):
    assert expected in relations(text)


def test_pronoun_subject_is_resolved_across_sentences():
    found = relations("Weber spoke first.", "The hall was full.", "He disagreed with Costa on fishing quotas.")
    assert ("Klaus Weber", "Maria Costa", "disagree", False) in found


@pytest.mark.parametrize(("paragraphs", "expected"), [
    # "she" is a subject even after a conjunction that is also a preposition
    (("Dupont spoke in Rome.", "The crowd cheered as she praised Weber."), ("Anne Dupont", "Klaus Weber")),
    # a description's head runs past its mention's words to the relative pronoun
    (("Weber arrived on Monday.", "The German chancellor who backed Costa in 2019 spoke first."),
     ("Klaus Weber", "Maria Costa")),
    # a superlative's infinitive is a relative clause
    (("“We must act,” said Weber, the only chancellor to endorse Costa.",), ("Klaus Weber", "Maria Costa")),
])
def test_subjects_of_clauses_within_descriptions(paragraphs, expected):
    assert (*expected, "endorse", True) in relations(*paragraphs)


@pytest.mark.parametrize(("paragraphs", "expected"), [
    (("Weber proposed a tax on fish.", "Costa slammed the proposal as reckless."),
     ("Maria Costa", "Klaus Weber", "criticize", True)),
    (("Weber's plan to tax fish was published on Monday.", "Dupont praised the plan."),
     ("Anne Dupont", "Klaus Weber", "endorse", True)),
    (("Weber proposed a tax on fish.", "The proposal drew criticism from Costa."),
     ("Maria Costa", "Klaus Weber", "criticize", True)),
])
def test_an_act_named_by_its_noun_relates_to_its_owner(paragraphs, expected):
    assert expected in relations(*paragraphs)


def test_an_act_named_long_before_is_no_ones():
    filler = [f"The hall held {n} people." for n in range(2, 8)]
    assert relations("Weber proposed a tax on fish.", *filler, "Costa slammed the proposal as reckless.") == set()


def test_the_subject_of_a_copula_is_not_its_apposition():
    assert relations("Weber and Costa, the likely nominees, are firmly pro-Dupont.") == {
        ("Klaus Weber", "Anne Dupont", "endorse", True), ("Maria Costa", "Anne Dupont", "endorse", True)}


@pytest.mark.parametrize(("paragraphs", "pair"), [
    # a list after "between": which pairs are meant is unclear
    (("Dupont met the press.", "The battle between Weber and Costa, Dupont and Lee went on."), {"Maria Costa", "Anne Dupont"}),
    # a preposition's objects are not the ones who agree
    (("Strategists for Weber and Costa all agree that fishing matters.",), {"Klaus Weber", "Maria Costa"}),
    # a name after "and" that opens the next clause is no second object
    (("Weber has demonized Brussels and Costa has disparaged fishermen.",), {"Klaus Weber", "Maria Costa"}),
    (("Dupont, who served in Spain, Austria and France, praised Weber.",), {"France", "Klaus Weber"}),
])
def test_no_relation_between_this_pair(paragraphs, pair):
    assert not [r for r in relations(*paragraphs) if {r[0], r[1]} == pair]


@pytest.mark.parametrize("paragraphs", [
    ("“Fishing quotas must fall,” says Weber.", "“The quotas are too high,” agrees Costa."),
    ("Weber said fishing quotas must fall.", "Costa agreed."),
])
def test_a_bare_agree_agrees_with_who_spoke_just_before(paragraphs):
    assert ("Maria Costa", "Klaus Weber", "agree", False) in relations(*paragraphs)


@pytest.mark.parametrize("paragraphs", [
    ("Weber said fishing quotas must fall.", "Costa agreed to the deal."),  # consent
    ("Weber said quotas must fall.", "Dupont and Costa agreed."),  # with each other
    ("Costa agreed.",),  # nobody spoke before
])
def test_a_bare_agree_with_no_one_before_it(paragraphs):
    assert not [r for r in relations(*paragraphs) if "Klaus Weber" in r[:2]]


def test_a_possessive_belongs_to_its_own_clauses_subject():
    found = relations("Weber said Hans Lorenz will have to tone down his attacks on Costa.")
    assert ("Hans Lorenz", "Maria Costa", "criticize", True) in found
    assert ("Klaus Weber", "Maria Costa", "criticize", True) not in found


def test_an_act_named_again_stays_in_view():
    filler = [f"The hall held {n} people." for n in range(2, 5)]
    found = relations("Weber proposed a tax on fish.", *filler, "The proposal drew fire on Monday.",
                      "The hall was full.", "Costa slammed the proposal as reckless.")
    assert ("Maria Costa", "Klaus Weber", "criticize", True) in found


def test_a_party_word_qualifying_a_noun_is_no_party():
    from accord.parse_pages import knowledge  # the default config's party words ("GOP")
    registry, taxonomy = knowledge()
    doc = parse_text("Title\nDonald Trump proposed a ban on travel.\n"
                     "The proposal drew harsh criticism from GOP presidential hopefuls.", "file:///a.txt")
    assert not [a for a in extract(doc, registry, taxonomy).agreements if a.party_a == "Republican Party"]


def test_a_body_named_again_by_its_head_noun():
    assert ("Klaus Weber", "Green Party", "endorse", True) in relations(
        "The Green Party met in Berlin on Monday.", "Weber defended the party's record.")
    assert relations("Weber defended the party's record.") == set()  # no party named before


def test_possessive_pronoun_owner():
    assert ("Klaus Weber", "Maria Costa", "criticize", True) in relations(
        "Weber spoke first.", "He toned down his criticism of Costa.")


@pytest.mark.parametrize("text", [
    "Weber did not criticize Costa.",  # negated
    "Weber declined to endorse Costa.",  # a refusal
    "Will Weber endorse Costa?",  # a question
    "If Weber attacks Costa, the talks end.",  # a condition
    "Weber agreed to the deal with Costa.",  # consent, not agreement with Costa
    "Dupont met Weber and Costa in Rome.",  # merely together
    "Weber criticized the weather.",  # no party behind the thing criticized
    "Many carried placards supporting Costa.",  # the placards act, not a party
    "Weber opposed the Iraq war.",  # a war, not the country it was waged in
    "Many Dupont voters backing Costa stayed home.",  # the voters back her, not Dupont
    "Dupont said that the party must support Costa.",  # a prescription, and not Dupont's act
    "Voters are rejecting Weber.",  # a population, not a party
    "Students support Dupont, while workers support Costa.",  # each clause has its own subject
    "Hundreds of pro-Weber demonstrators marched through Rome.",  # a population, and a place
    "Costa spoke. It kept her from coalescing the anti-Weber crowd when she needed to.",  # the crowd's, not hers
    # violence, not words
    "Dupont said her husband, Klaus Weber, was one of four Americans killed in the 2012 attack of the U.S. consulate.",
    "A Russian novel praised Dupont.",  # a demonym qualifying a thing is no state
    "Anti-Weber protesters marched.",  # a population, not a party
    "Costa is pro-business.",  # no party
    "Weber congratulated Costa on her win.",  # a courtesy, not an endorsement
    "Weber thanked Costa for the invitation.",  # a courtesy too
    "An op-ed in The Daily Planet hammering Weber ran on Monday.",  # the paper is where, not who
    "A column headlined Why Weber Is Wrong About Everything Today accuses Weber of lying.",  # a headline
    "The battle between Weber and Costa for the nomination went on.",  # a race, not a dispute
    "Weber would not have criticized Costa.",  # a modal in the verb's own group
    "Weber might soon endorse Costa.",
])
def test_no_relation(text):
    assert relations(text) == set()


def test_withdrawn_support_is_a_disagreement():
    assert ("Klaus Weber", "Maria Costa", "disagree", True) in relations("Weber no longer supports Costa.")


def test_a_party_and_an_official_of_another_state_carry_their_countries():
    doc = parse_text("Title\nCosta disagreed with France on tariffs.", "file:///a.txt")
    [row] = extract(doc, REGISTRY, TAXONOMY).agreements
    assert (row.party_a, row.party_b, row.country_a, row.country_b) == ("Maria Costa", "France", "Italy", "France")
    assert row.topic == "Trade & tariffs"


def test_a_relation_without_a_taxonomy_topic_is_kept():
    doc = parse_text("Title\nWeber criticized Costa on Monday.", "file:///a.txt")
    [row] = extract(doc, REGISTRY, TAXONOMY).agreements
    assert row.topic == "General"


@pytest.mark.parametrize("text", [
    "Costa is challenging Weber for his seat in the Bundestag.",  # an electoral contest
    "Dupont called Costa an ally against Weber.",  # an ally against someone backs nobody
    "Reached by phone, Dupont endorsed the plan.",  # a participle is no party
])
def test_no_relation_between_these(text):
    assert not {r for r in relations(text) if "Weber" in r[1] or r[0] == "Reached"}


def test_a_state_body_is_a_party_that_speaks_for_its_state():
    doc = parse_text("Title\nCosta sharply criticized the Foreign Ministry.", "file:///a.txt")
    [row] = extract(doc, REGISTRY, TAXONOMY).agreements
    assert (row.party_b, row.country_b, row.kind) == ("Foreign Ministry", "Germany", "criticize")


def test_a_rejection_of_earlier_accusations_rejects_their_authors():
    found = relations("Weber accused Costa of hiding the figures.", "Costa rejected these accusations as false.")
    assert ("Maria Costa", "Klaus Weber", "reject", True) in found


def test_a_statement_calling_a_claim_false_rejects_its_author():
    found = relations("Costa told reporters that Weber's claims are patently false.")
    assert ("Maria Costa", "Klaus Weber", "reject", True) in found


def test_two_demonyms_sharing_a_head_name_two_bodies():
    doc = parse_text("Title\nThe Italian and German defense ministries accused Dupont of lying.", "file:///a.txt")
    rows = {(r.party_a, r.party_b, r.country_a) for r in extract(doc, REGISTRY, TAXONOMY).agreements}
    assert {("Italian Defense Ministry", "Anne Dupont", "Italy"),
            ("German Defense Ministry", "Anne Dupont", "Germany")} <= rows


@pytest.mark.parametrize(("text", "absent"), [
    ("Weber backs American adversaries around the world.", "United States"),  # adversaries, not the US
    ("Dupont and Costa had split the first two contests.", "Maria Costa"),  # a result, no dispute
])
def test_no_party_where_a_word_only_qualifies_or_counts(text, absent):
    assert not {r for r in relations(text) if absent in r[:2]}


@pytest.mark.parametrize(("text", "expected"), [
    ("Costa was one of Weber's staunchest supporters in the senate.", ("Maria Costa", "Klaus Weber", "endorse", True)),
    ("Weber's longtime ally, Dupont, spoke next.", ("Anne Dupont", "Klaus Weber", "endorse", True)),
    ("Dupont, one of Weber's fiercest critics, spoke next.", ("Anne Dupont", "Klaus Weber", "criticize", True)),
    ("Costa, Weber's closest ally, spoke next.", ("Maria Costa", "Klaus Weber", "endorse", True)),
])
def test_a_person_noun_owned_by_a_party_relates_to_its_owner(text, expected):
    found = relations(text)
    assert expected in found
    assert not any(row[:2] == (expected[1], expected[0]) for row in found)  # never the owner back


def test_a_clause_opened_by_as_is_not_a_description():
    assert not relations("Dupont and Costa left early, as Weber's supporters had hoped.")


def test_one_relation_is_one_row_however_often_its_parties_are_named():
    doc = parse_text("Title\nFormer minister Anne Dupont, a Weber supporter, said the plan would work.",
                     "file:///a.txt")
    rows = [(r.party_a, r.party_b, r.kind, r.cue_start) for r in extract(doc, REGISTRY, TAXONOMY).agreements]
    assert rows == [("Anne Dupont", "Klaus Weber", "endorse", rows[0][3])]


def test_a_retort_rejects_who_spoke_just_before():
    found = relations("“Costa wrecked the fishing fleet,” Dupont said on Monday.",
                      "Costa shot back in a statement, saying the fleet had never been larger.")
    assert ("Maria Costa", "Anne Dupont", "reject", True) in found


@pytest.mark.parametrize("paragraphs", [
    ("Costa shot back in a statement, saying the fleet had never been larger.",),  # no one spoke before
    ("“The fleet is finished,” Dupont said on Monday.",
     "Asked whether the fleet would recover, Costa shot back: “It will.”"),  # she answers the question
    ("“The fleet is finished,” Dupont said on Monday.", "Costa fired back at Weber later."),  # names its target
])
def test_a_retort_with_no_one_to_answer(paragraphs):
    assert not any(row[1] == "Anne Dupont" and row[2] == "reject" for row in relations(*paragraphs))


def test_an_act_named_by_another_noun_is_the_one_owner_in_view():
    assert ("Maria Costa", "Klaus Weber", "endorse", True) in relations(
        "Weber proposed a ban on fishing.", "Costa welcomed the move on Tuesday.")
    # two owners' acts in view: "the move" could be either's
    assert not any(row[:2] in (("Maria Costa", "Klaus Weber"), ("Maria Costa", "Anne Dupont")) for row in relations(
        "Weber proposed a ban on fishing.", "Dupont unveiled a budget.", "Costa welcomed the move on Tuesday."))


def test_a_supporter_noun_coordinated_with_another_description():
    assert ("Maria Costa", "Klaus Weber", "endorse", True) in relations(
        "“We will win,” said Maria Costa, a local lawyer and Weber supporter.")


@pytest.mark.parametrize("text", [
    "Costa won the endorsement of Weber on Friday.",
    "Costa secured the backing of Weber.",
    "Costa won Weber's endorsement on Friday.",
    "Costa received Weber's strong support before the vote.",
])
def test_what_a_party_receives_comes_from_its_giver(text):
    assert ("Klaus Weber", "Maria Costa", "endorse", True) in relations(text)


def test_what_a_party_only_seeks_is_not_given():
    assert ("Klaus Weber", "Maria Costa", "endorse", True) not in relations("Costa sought Weber's endorsement.")


def test_taking_up_a_criticism_makes_no_one_its_author():
    assert ("Maria Costa", "Klaus Weber", "criticize", True) not in relations(
        "Weber picked up on the criticism of Costa.")


def test_a_party_that_has_its_own_criticism_still_criticizes():
    assert relations("Costa has toned down her criticism of Weber.") == {
        ("Maria Costa", "Klaus Weber", "criticize", True)}


def test_a_determiner_opening_a_description_is_no_part_of_the_name_in_it():
    assert ("Maria Costa", "Klaus Weber", "endorse", True) in relations(
        "Another Weber supporter in Rome, Maria Costa, said the plan would work.")


@pytest.mark.parametrize("text", [
    "Costa told reporters that she believed Weber had fabricated the story.",
    "“Weber is lying about the quotas,” Costa said.",
])
def test_a_speaker_who_calls_a_party_a_liar_rejects_them(text):
    assert ("Maria Costa", "Klaus Weber", "reject", True) in relations(text)


@pytest.mark.parametrize(("text", "expected"), [
    ("Costa objected to Weber's plan for the fleet.", ("Maria Costa", "Klaus Weber", "reject", True)),
    ("Costa balked at Weber's demands.", ("Maria Costa", "Klaus Weber", "reject", True)),
    ("Costa took issue with Weber on Monday.", ("Maria Costa", "Klaus Weber", "disagree", False)),
    ("Costa is fed up with Weber.", ("Maria Costa", "Klaus Weber", "criticize", True)),
    ("Costa spoke highly of Weber after the summit.", ("Maria Costa", "Klaus Weber", "endorse", True)),
    ("Costa came to the defense of Weber.", ("Maria Costa", "Klaus Weber", "endorse", True)),
    ("Costa stood by Weber during the scandal.", ("Maria Costa", "Klaus Weber", "endorse", True)),
    ("Senate hopeful Maria Costa spoke in Rome, throwing her weight behind Weber's plan.",
     ("Maria Costa", "Klaus Weber", "endorse", True)),
])
def test_more_relating_phrases(text, expected):
    assert expected in relations(text)


def test_a_pronoun_in_a_clause_put_first_means_the_main_clauses_subject():
    assert ("Klaus Weber", "Maria Costa", "criticize", True) in relations(
        "Dupont met the press on Monday.", "Even as he criticized Costa, Weber said the talks would go on.")


def test_a_role_apposed_without_an_article_is_not_the_subject():
    found = relations("Maria Costa, co-founder of the polling firm Democracy Corps, praised Dupont.")
    assert ("Maria Costa", "Anne Dupont", "endorse", True) in found
    assert not any(row[1] == "Anne Dupont" and row[0] != "Maria Costa" for row in found)


@pytest.mark.parametrize(("text", "expected"), [
    ("Costa challenged Weber in 2019.", set()),  # ran against him: a contest
    ("Weber, challenged by Costa in 2019, won easily.", set()),
    ("Costa said she can criticize Weber.", set()),  # an ability, no act
    ("France is Germany's closest ally.", set()),  # an alliance, not a position taken
    ("Costa attacked the Iran deal.", set()),  # a deal named by its subject is not Iran's
])
def test_no_stated_relation(text, expected):
    assert relations(text) == expected


def test_a_challenge_that_says_on_what_is_criticism():
    assert ("Maria Costa", "Klaus Weber", "criticize", True) in relations("Costa challenged Weber on fishing quotas.")


def test_rescinded_support_is_a_disagreement():
    assert {row[:3] for row in relations("Costa rescinded her endorsement of Weber.")} == {
        ("Maria Costa", "Klaus Weber", "disagree")}


def test_a_split_owned_by_a_possessive_is_its_owners():
    assert ("Anne Dupont", "Klaus Weber", "disagree", False) in relations("Dupont's split with Weber deepened.")
    assert not any(row[:2] == ("Maria Costa", "Klaus Weber") for row in relations(
        "Costa praised the fishermen despite the union's split with Weber."))


def test_an_object_pronoun_is_never_the_subject():
    found = relations("Weber met the press in Bonn.", "Costa, without naming him, criticized Dupont.")
    assert ("Maria Costa", "Anne Dupont", "criticize", True) in found
    assert ("Klaus Weber", "Anne Dupont", "criticize", True) not in found


@pytest.mark.parametrize("text", [
    "Weber and Dupont supporters clashed outside the hall.",  # the supporters clashed
    "Costa challenged Weber to a debate.",  # a dare, no stated criticism
    "The ad shows the alleged assault of Dupont by Weber.",  # violence, not words
])
def test_no_relation_between_the_two_named(text):
    assert not relations(text)


def test_commas_alone_make_no_list():
    found = relations("At a town hall hosted by Weber, Costa praised Dupont.")
    assert ("Maria Costa", "Anne Dupont", "endorse", True) in found
    assert not any(row[0] == "Klaus Weber" for row in found)
    assert {row[1] for row in relations("Costa criticized Weber, Dupont and the Foreign Ministry.")} >= {
        "Klaus Weber", "Anne Dupont"}


@pytest.mark.parametrize(("text", "expected"), [
    ("Costa was endorsed the day before by Weber.", ("Klaus Weber", "Maria Costa", "endorse", True)),
    ("Costa has been attacked on the budget by Weber.", ("Klaus Weber", "Maria Costa", "criticize", True)),
    ("Dupont, who’d previously endorsed Weber, spoke first.", ("Anne Dupont", "Klaus Weber", "endorse", True)),
    ("Maria Costa, the veteran activist and lawyer, endorsed Weber's approach on Saturday.",
     ("Maria Costa", "Klaus Weber", "endorse", True)),
])
def test_subjects_past_phrases_contractions_and_appositions(text, expected):
    assert expected in relations(text)


@pytest.mark.parametrize("text", [
    "Weber, who had stayed out of the race, decided to endorse Costa.",
    "Weber went on to endorse Costa, calling her a rising star.",
])
def test_the_subject_of_a_verb_that_takes_an_infinitive_is_the_infinitives(text):
    assert ("Klaus Weber", "Maria Costa", "endorse", True) in relations(text)


def test_the_thing_of_a_party_is_the_partys():
    assert ("Maria Costa", "Klaus Weber", "endorse", True) in relations("Costa praised the efforts of Weber on fishing.")
    assert not any(row[:2] == ("Maria Costa", "Klaus Weber") for row in relations(
        "Costa praised the enemies of Weber on Monday."))


def test_parties_named_as_instances_of_the_subject_act():
    assert ("Maria Costa", "Klaus Weber", "criticize", True) in relations(
        "Although senators like Maria Costa have blasted Weber, the plan went ahead.")


@pytest.mark.parametrize(("text", "expected"), [
    ("Costa urged voters to reject Weber, whom she blasted as a bully.", ("Maria Costa", "Klaus Weber", "criticize", True)),
    ("Sunday morning, Costa slammed the plan and accused Weber of a flip-flop.",
     ("Maria Costa", "Klaus Weber", "criticize", True)),
])
def test_object_relatives_and_fronted_phrases(text, expected):
    assert expected in relations(text)


@pytest.mark.parametrize("text", [
    "Reports said Costa had met Weber, which she has denied.",  # "which" is the report, not Weber
    "Dupont told Weber that Costa had opposed the plan.",  # "that" opens what was told
])
def test_which_and_that_are_no_relative_for_a_person(text):
    assert not any(row[:2] == ("Maria Costa", "Klaus Weber") for row in relations(text))


def test_a_relative_clauses_own_parties_are_not_the_subject():
    assert ("Klaus Weber", "Anne Dupont", "criticize", True) in relations(
        "Weber, who had said she would debate Costa, criticized Dupont on Monday.")


@pytest.mark.parametrize("text", [
    "WEBER CRITICIZED COSTA.", "A Pro-Weber rally.", "Costa met Weber.", "İstanbul: Costa slammed Weber.",
    "Costa, Dupont and Weber agree.", "Costa Sided With Weber on fishing.",
])
def test_the_fast_cue_finder_agrees_with_the_cue_pattern(text):
    from accord.transforms.analysis.relations import ANY_CUE, CueFinder
    found = CueFinder(text)
    for start in range(len(text)):
        assert found(start, len(text)) == (ANY_CUE.search(text, start, len(text)) is not None)


@pytest.mark.parametrize(("text", "expected"), [
    ("As Weber attacked Costa, the crowd cheered.", ("Klaus Weber", "Maria Costa", "criticize", True)),
    ("Weber often attacked Costa during the campaign.", ("Klaus Weber", "Maria Costa", "criticize", True)),
    ("Weber complained about the tone but defended Costa as a moderate.", ("Klaus Weber", "Maria Costa", "endorse", True)),
    ("Maria Costa, Germany’s ambassador to Italy, praised Dupont.", ("Maria Costa", "Anne Dupont", "endorse", True)),
])
def test_subjects_after_as_adverbs_but_and_appositions(text, expected):
    found = relations(text)
    assert expected in found
    assert not any(row[1] == expected[1] and row[0] not in (expected[0],) for row in found)
