import pytest

from accord.transforms.analysis.topics import Taxonomy
from accord.transforms.extraction import extract
from accord.transforms.page.document import Block, Document
from accord.transforms.page.text_document import parse_text
from accord.transforms.speech.speaker_registry import SpeakerRegistry
from accord.transforms.speech.speakers import Coreference, find_mentions

TAXONOMY = Taxonomy.from_entries([{"name": "Trade", "keywords": ["tariff"]}])
REGISTRY = SpeakerRegistry.from_entries([
    {"name": "Paul Okafor", "aliases": ["Okafor"], "role": "Trade Minister", "affiliation": "Nigeria"},
], places={"places": ["Iowa"]})
ARTICLE = """Talks end
Nigerian Trade Minister Paul Okafor met Governor Ann Lee on Monday.
Okafor’s View
“We will not accept a tariff,” Okafor said. “Never.”
He said that the talks were “useful but slow” and would go on.
The minister also stated that the tariff would hurt farmers.
“It was a good day,” said Ann Lee, who hosts the talks.
Ms. Lee told reporters, “We will meet again.”
Talks would go on, according to his aides.
“Progress is possible.”
"""


@pytest.fixture(scope="module")
def result():
    doc = parse_text(ARTICLE, "file:///talks.txt")
    return doc, extract(doc, REGISTRY, TAXONOMY)


def unregistered_quotes(text: str, url: str):
    """The quotes of a text article read with no registered speaker."""
    return extract(parse_text(text, url), SpeakerRegistry.from_entries([]), TAXONOMY).quotes

def test_offsets_are_exact(result):
    doc, ex = result
    for q in ex.quotes:
        assert doc.text[q.start_char:q.end_char] == q.text


def test_direct_quotes_and_speakers(result):
    _, ex = result
    by_text = {q.text: q for q in ex.quotes}
    assert by_text["We will not accept a tariff,"].speaker == "Paul Okafor"
    assert by_text["We will not accept a tariff,"].kind == "direct"
    assert by_text["We will not accept a tariff,"].topics == ["Trade"]
    assert by_text["Never."].speaker == "Paul Okafor"
    assert by_text["It was a good day,"].speaker == "Ann Lee"
    assert by_text["We will meet again."].speaker == "Ann Lee"


def test_partial_quote_is_its_clause_and_pronoun_resolves(result):
    _, ex = result
    partial = [q for q in ex.quotes if q.kind == "partial"]
    assert [q.text for q in partial] == ["the talks were “useful but slow” and would go on"]
    assert partial[0].speaker == "Paul Okafor" and partial[0].speaker_mention == "He"


def test_reported_speech_with_nominal_speaker(result):
    _, ex = result
    indirect = {q.text: q for q in ex.quotes if q.kind == "indirect"}
    assert indirect["the tariff would hurt farmers"].speaker == "Paul Okafor"
    assert indirect["the tariff would hurt farmers"].cue == "stated"
    assert indirect["Talks would go on"].speaker_mention == "his aides"


def test_section_speaker_and_section_field(result):
    _, ex = result
    last = next(q for q in ex.quotes if q.text == "Progress is possible.")
    assert last.section == "Okafor’s View"


def test_speakers_are_merged_with_registry(result):
    _, ex = result
    okafor = next(s for s in ex.speakers if s.name == "Paul Okafor")
    assert (okafor.role, okafor.affiliation, okafor.kind) == ("Trade Minister", "Nigeria", "person")
    assert "Okafor" in okafor.aliases
    assert "Governor Ann Lee" not in [s.name for s in ex.speakers]


def test_seed_article(shared):
    import json
    gold = json.loads((shared / "gold" / "tillerson-lavrov.json").read_text(encoding="utf-8"))
    doc = parse_text((shared / gold["input"]).read_text(encoding="utf-8"), "file:///seed.txt")
    ex = extract(doc, REGISTRY, TAXONOMY)

    def norm(s):
        return " ".join(s.lower().replace("“", "").replace("”", "").split()).strip(".,")

    for item in gold["quotes"] + gold["reported"]:
        hits = [q for q in ex.quotes if norm(item["text"]) in norm(q.text)]
        assert hits, item["text"]
        assert item["speaker"].split()[-1] in (hits[0].speaker or ""), item["text"]
    for boiler in gold["not_quotes"]:
        assert not any(norm(q.text) in norm(boiler) for q in ex.quotes)


def test_doubled_apostrophes_run_on_as_reported_speech():
    doc = parse_text("Golf\n''Courses adapt,'' said Ann Lee, a broker. ''It costs a lot. Fees rise.''\n",
                     "file:///golf.txt")
    ex = extract(doc, REGISTRY, TAXONOMY)
    assert [(q.text, q.kind, q.speaker) for q in ex.quotes] == [
        ("''Courses adapt,''", "indirect", "Ann Lee"), ("''It costs a lot. Fees rise.''", "indirect", "Ann Lee")]


def test_transcript_labels_are_speakers():
    doc = parse_text("Show\nHost Jake Tapper asked the governor.\nTAPPER: Will you win?\n", "file:///show.txt")
    ex = extract(doc, REGISTRY, TAXONOMY)
    assert [(q.text, q.speaker, q.cue) for q in ex.quotes] == [("Will you win?", "Jake Tapper", ":")]


def test_pronoun_falls_back_to_a_described_person():
    text = "Rally\nThe woman who shouted gave her age as 52.\n“He cares about us,” she said.\n"
    doc = parse_text(text, "file:///rally.txt")
    (q,) = extract(doc, REGISTRY, TAXONOMY).quotes
    assert q.speaker == "The woman"


def _statements(body):
    doc = parse_text("Talks\n" + body + "\n", "file:///t.txt")
    return [(q.kind, q.text, q.speaker) for q in extract(doc, REGISTRY, TAXONOMY).quotes]


def test_partial_quote_runs_on_into_the_writers_clause():
    assert _statements("“It looks unlikely” that the deal will hold, said Ann Lee, an analyst.") == [
        ("partial", "It looks unlikely” that the deal will hold", "Ann Lee")]


def test_quote_woven_before_an_attribution_keeps_the_rest_of_its_clause():
    (kind, words, speaker), = _statements(
        "The plan won praise for its “reach,” Okafor said, that no other plan had.")
    assert (kind, speaker) == ("partial", "Paul Okafor")
    assert words.startswith("The plan won praise") and words.endswith("no other plan had")
    (kind, words, speaker), = _statements("In poor areas, Okafor said, “we cannot know” what will happen.")
    assert (kind, speaker) == ("partial", "Paul Okafor") and words.startswith("In poor areas")


def test_quote_woven_into_a_clause_before_according_to():
    (kind, words, speaker), = _statements(
        "The agency paid for a book, “Spies Abroad,” that named agents, according to a former official.")
    assert kind == "partial" and words.startswith("The agency paid") and speaker == "a former official"


def test_titles_and_short_scare_quotes_are_not_statements():
    assert _statements("She watched “Night Court Live” on its “Person of the Year” issue.") == []
    assert _statements("The so-called “deep state” met.") == []
    assert _statements("“Thank You, Ohio,” Okafor said.") == [("direct", "Thank You, Ohio,", "Paul Okafor")]


def test_noun_like_cues_need_a_verb_reading():
    assert _statements("Workers in New York state rallied for “a living wage and a fair deal.”")[0][2] is None


def test_nearest_quote_frame_wins_and_object_verbs_keep_their_noun_phrase():
    quotes = _statements("Voters say they trust Lee, despite Okafor's conclusion that her plan was “very careless.”")
    assert ("partial", "that her plan was “very careless.”", "Paul Okafor") in quotes
    (kind, words, speaker), = _statements("Okafor mocked Lee’s claims that the talks were going well as “pure spin.”")
    assert kind == "partial" and words.startswith("Lee’s claims") and speaker == "Paul Okafor"


def test_run_on_partial_before_a_pronoun_attribution():
    assert _statements("Okafor spoke. “It would help him” because the vote is close, he said.")[0][:2] == (
        "partial", "It would help him” because the vote is close")


def test_a_place_is_never_the_speaker():
    quotes = _statements("Voters in Iowa rallied. “We want change,” Iowa said.")
    assert quotes and all(q[2] is None for q in quotes)


def test_a_described_person_is_named_by_the_description_later():
    text = ("Envoys meet\nMia Holt, the ambassador to Chad, met the press on Monday.\n"
            "The ambassador said the talks had failed.\nA friend said she was tired.\n")
    doc = parse_text(text, "file:///envoys.txt")
    speakers = {q.text: q.speaker for q in extract(doc, REGISTRY, TAXONOMY).quotes}
    assert speakers["the talks had failed"] == "Mia Holt"
    assert speakers["she was tired"] == "A friend"


def test_a_known_name_and_a_colon_open_a_statement():
    text = ("Rally\nSenator Mia Holt spoke in Dover on Monday.\nHolt: We will win this state and the next.\n"
            "Update: The polls closed at eight.\n")
    doc = parse_text(text, "file:///rally.txt")
    quotes = extract(doc, REGISTRY, TAXONOMY).quotes
    assert [(q.text, q.speaker, q.cue) for q in quotes] == [
        ("We will win this state and the next.", "Mia Holt", ":")]


def _institution_registry():
    return SpeakerRegistry.from_entries([], {
        "institutions": [{"names": ["Senate"], "affiliation": "United States", "in_role": True}],
        "parties": {"republican": "Republican"}, "portfolios": ["trade"],
        "offices": [{"titles": ["senator"], "affiliation": "United States"},
                    {"titles": ["commissioner"], "affiliation": "European Union"}]})


def test_described_speaker_named_in_the_next_sentence_is_that_person():
    doc = Document(url="u", blocks=[
        Block("paragraph", "The truce will hold, Chad’s prime minister announced on Monday."),
        Block("paragraph", "Sheikh Idriss Kolo said that the first phase would last a month."),
        Block("paragraph", "The Chadian prime minister said that talks would resume."),
    ])
    result = extract(doc, _institution_registry(), TAXONOMY)
    assert {q.speaker for q in result.quotes} == {"Idriss Kolo"}
    kolo = result.speakers[0]
    assert (kolo.role, kolo.affiliation) == ("Prime Minister", "Chad")


def test_office_affiliation_only_when_the_article_names_it():
    registry = _institution_registry()
    us = Document(url="u", blocks=[Block("paragraph", "Senator Ray Dunn said that the Senate would vote.")])
    assert extract(us, registry, TAXONOMY).speakers[0].affiliation == "United States"
    elsewhere = Document(url="u", blocks=[Block("paragraph", "Senator Ray Dunn said that the chamber would vote.")])
    assert extract(elsewhere, registry, TAXONOMY).speakers[0].affiliation is None


def test_his_spokesman_keeps_the_description_with_the_principal_affiliation():
    doc = Document(url="u", blocks=[Block("paragraph", "Chilean President Luis Pardo left early. "
                                                       "His spokesman said that the talks had failed.")])
    speaker = next(s for s in extract(doc, _institution_registry(), TAXONOMY).speakers if s.name != "Luis Pardo")
    assert (speaker.name, speaker.kind, speaker.affiliation) == ("His spokesman", "person", "Chile")


def test_a_quote_over_paragraphs_attributed_in_its_last_is_that_speakers_throughout():
    text = ("Budget talks stall\nThe governor spoke after the vote failed in the state Senate.\n"
            "“We have worked on this budget for months, and every family deserves better than a delay.\n"
            "“I will call the legislature back next week,” Governor Maria Lopez said.\n")
    ex = extract(parse_text(text, "file:///budget.txt"), REGISTRY, TAXONOMY)
    assert {q.text[:20]: q.speaker for q in ex.quotes} == {
        "We have worked on th": "Maria Lopez", "I will call the legi": "Maria Lopez"}


def test_the_role_the_article_gives_wins_over_the_registrys_of_another_year():
    registry = SpeakerRegistry.from_entries([
        {"name": "Mitch McConnell", "role": "Senate Majority Leader", "affiliation": "United States"},
        {"name": "Paul Okafor", "role": "Trade Minister", "affiliation": "Nigeria"}])
    text = ("Senate vote\nSenate Minority Leader Mitch McConnell said the bill would fail.\n"
            "Minister Paul Okafor said the tariff would stay.\n")
    roles = {s.name: s.role for s in extract(parse_text(text, "file:///vote.txt"), registry, TAXONOMY).speakers}
    assert roles == {"Mitch McConnell": "Senate Minority Leader", "Paul Okafor": "Trade Minister"}


def test_words_in_doubled_apostrophes_run_over_sentences_and_keep_their_speaker():
    text = ("Billionaires\n''Some numbers need salt,'' said Caroline Freund, an economist. ''But the estimates "
            "have value, because it tells us where the money comes from. A best estimate beats none.''\n")
    ex = extract(parse_text(text, "file:///billionaires.txt"), REGISTRY, TAXONOMY)
    assert [(q.speaker, q.cue, q.text[:12], q.text[-12:]) for q in ex.quotes] == [
        ("Caroline Freund", "said", "''Some numbe", "need salt,''"),
        ("Caroline Freund", "said", "''But the es", "eats none.''")]


def test_a_statement_in_doubled_apostrophes_after_its_cue_spans_its_sentences():
    text = ("Emails\nA short time later, Ms. Abedin wrote back: ''We all have him on our radar. "
            "Personnel has been sending him options.''\n")
    ex = extract(parse_text(text, "file:///emails.txt"), REGISTRY, TAXONOMY)
    assert [(q.speaker, q.text[-20:]) for q in ex.quotes] == [("Abedin", "nding him options.''")]


def test_a_name_inside_doubled_apostrophes_is_no_antecedent_for_the_next_he():
    registry = SpeakerRegistry.from_entries([{"name": "Donald Trump", "aliases": ["Trump"]}])
    text = ("Twitter\nJacob Shiansky, 24, said he had forgotten his password.\n"
            "''If you want to see Trump's tweets, you can go on Facebook,'' he said.\n"
            "He said his friends feel the same way.\n")
    ex = extract(parse_text(text, "file:///twitter.txt"), registry, TAXONOMY)
    assert {q.speaker for q in ex.quotes} == {"Jacob Shiansky"}


@pytest.mark.parametrize(("title", "cue", "claim"), [
    ("Paul Okafor: We Will Not Accept A Tariff.", ":", "We Will Not Accept A Tariff"),
    ("Okafor says tariffs will hurt farmers", "says", "tariffs will hurt farmers"),
])
def test_a_headlines_claim_is_its_known_speakers(title, cue, claim):
    doc = parse_text(f"{title}\nTrade Minister Paul Okafor spoke on Monday.\n", "file:///okafor.txt")
    [quote] = extract(doc, REGISTRY, TAXONOMY).quotes
    assert (quote.speaker, quote.cue, quote.text, quote.in_title) == ("Paul Okafor", cue, claim, True)
    assert doc.title[quote.start_char:quote.end_char] == claim


@pytest.mark.parametrize("title", ["Update: Talks End Without A Deal", "BYLINE: Amber Phillips.",
                                   "Farmers say tariffs will hurt"])
def test_a_headline_without_a_known_speaker_claims_nothing(title):
    doc = parse_text(f"{title}\nTrade Minister Paul Okafor spoke on Monday.\n", "file:///okafor.txt")
    assert extract(doc, REGISTRY, TAXONOMY).quotes == []


def test_an_office_ending_in_general_is_one_nominal_that_finds_its_holder():
    registry = SpeakerRegistry.from_entries([])
    text = ("Summit\nNATO Secretary General Jens Stoltenberg spoke on Monday.\n"
            "“We are in the middle of a war and must decide fast,” the secretary general said.\n")
    [quote] = extract(parse_text(text, "file:///nato.txt"), registry, TAXONOMY).quotes
    assert (quote.speaker, quote.speaker_mention) == ("Jens Stoltenberg", "the secretary general")


@pytest.mark.parametrize("verb", ["denounced", "condemned", "decried", "characterized"])
def test_a_verb_that_names_something_puts_the_quoted_name_in_the_subjects_mouth(verb):
    text = f"Strike\nThe Kremlin on Friday {verb} the missile strike as “an act of aggression.”\n"
    quotes = unregistered_quotes(text, "file:///strike.txt")
    assert [(q.speaker, q.cue) for q in quotes] == [("Kremlin", verb)]  # Russia's seat of government


def test_stance_is_read_from_english_words_of_a_party_only():
    english = parse_text("T\n“We reject the tariff,” Okafor said. Reuters reported that the tariff was "
                         "rejected by the ministry and the unions and the farmers.", "file:///e.txt")
    stances = {q.speaker: q.stance for q in extract(english, REGISTRY, TAXONOMY).quotes}
    assert stances["Paul Okafor"] == "oppose"
    assert stances.get("Reuters", "neutral") == "neutral"  # an outlet reports; it takes no side
    german = parse_text("T\n„Der Zoll ist ein Problem und ein Fehler“, sagte Okafor. Die Gespräche "
                        "mit den Gewerkschaften sollen in der nächsten Woche weitergehen, und der Minister will "
                        "sich mit den Bauern treffen.", "file:///d.txt")
    assert {q.stance for q in extract(german, REGISTRY, TAXONOMY).quotes} <= {"neutral"}


@pytest.mark.parametrize(("paragraphs", "speaker"), [
    # a round-up: the clause is a heading and the name it ends on
    (["Polls move slowly - More from Ann Lee: “The partisanship of a state is only a start.”"], "Ann Lee"),
    # the clause's subject, with the quote in the next paragraph
    (["Senator Ann Lee spoke next.", "Governor Bob Hale then interjected:",
      "“So you are saying there will be some flexibility?”"], "Bob Hale"),
    # the name the clause ends on is the words' target, not their speaker
    (["Governor Bob Hale delivered a blunt message to Ann Lee: “It is time to quit attacking people.”"],
     "Bob Hale"),
])
def test_a_clause_ending_in_a_colon_hands_its_quote_to_its_speaker(paragraphs, speaker):
    doc = parse_text("Round-up\n" + "\n".join(paragraphs) + "\n", "file:///roundup.txt")
    [quote] = [q for q in extract(doc, SpeakerRegistry.from_entries([]), TAXONOMY).quotes if q.kind == "direct"]
    assert quote.speaker == speaker


@pytest.mark.parametrize(("sentence", "speaker"), [
    ("In an August speech, Governor Bob Hale attacked “the hateful ideology of his rivals.”", "Bob Hale"),
    ("But Bob Hale, the governor of Utah, is labeling the plan “a belligerent abuse of power.”", "Bob Hale"),
    # a possessive opens no clause of saying: the quoted word is the writer's
    ("Bob Hale’s “temperament” has been questioned by many of his colleagues.", None),
])
def test_a_quote_woven_into_a_clause_with_no_cue_is_its_subjects(sentence, speaker):
    doc = parse_text(f"Speech\nSenator Ann Lee spoke first.\n{sentence}\n", "file:///speech.txt")
    quotes = extract(doc, SpeakerRegistry.from_entries([]), TAXONOMY).quotes
    assert [q.speaker for q in quotes if q.kind == "partial"] == ([speaker] if speaker else [])


@pytest.mark.parametrize(("language", "paragraph", "speaker"), [
    ("de", "„Wir werden das nicht akzeptieren“, sagte Olaf Scholz am Montag in Berlin.", "Olaf Scholz"),
    ("de", "»Wir werden das nicht akzeptieren«, so Olaf Scholz.", "Olaf Scholz"),
    ("de", "Olaf Scholz sagte am Montag in Berlin: „Wir werden das nicht akzeptieren.“", "Olaf Scholz"),
    ("fr", "« Nous n'accepterons pas cela », a déclaré Emmanuel Macron lundi.", "Emmanuel Macron"),
    ("fr", "Emmanuel Macron a déclaré : « Nous n'accepterons pas cela ».", "Emmanuel Macron"),
    ("es", "«No aceptaremos esto», dijo Pedro Sánchez el lunes.", "Pedro Sánchez"),
    ("pt", "“Não vamos aceitar isso”, disse Lula da Silva na segunda-feira.", "Lula da Silva"),
])
def test_a_quote_in_another_language_takes_the_speaker_its_speech_verb_gives(language, paragraph, speaker):
    doc = parse_text(f"Gipfel\n{paragraph}\n", "file:///gipfel.txt")
    doc.language = language  # articles.language: declared by the page, else detected
    [quote] = extract(doc, SpeakerRegistry.from_entries([]), TAXONOMY).quotes
    assert (quote.kind, quote.speaker) == ("direct", speaker)


def test_a_name_ending_like_an_adverb_opens_a_sentence_as_a_name():
    text = ("Race\nThe plan was backed by Rep. David Jolly on Monday.\n"
            "Jolly said the plan would fail without more money. Clearly it had few friends.\n")
    quotes = unregistered_quotes(text, "file:///race.txt")
    assert [(q.speaker, q.text) for q in quotes] == [("David Jolly", "the plan would fail without more money")]


def test_a_dash_and_a_name_after_a_quote_sign_it():
    """Round-ups and fact checks sign each quote with a dash line: on the quote's line or the next."""
    text = ("Voters speak\nWe asked readers what they made of the debate.\n"
            "“He did not answer a single question about jobs.” ― Maria Lopez\n"
            "“I liked the tone, but the plans were thin.” ― Tom Reyes, Dayton.\n"
            "\"We have cut the deficit in half since I took office.\"\n- Ann Lee.\n"
            "That figure is out of date.\n"
            "“We will be back next year, and we will win” — and the crowd cheered.\n")
    quotes = unregistered_quotes(text, "file:///voters.txt")
    assert [q.speaker for q in quotes] == ["Maria Lopez", "Tom Reyes", "Ann Lee", None]


def test_a_person_described_by_a_common_noun_speaks():
    """'a narrator', 'one person', 'one commenter': a source the text describes, never names."""
    text = ("Ad\nThe campaign released a new ad about taxes on Monday.\n"
            "“In the other party’s plan, families pay more and get less,” says a narrator.\n"
            "“Blink twice if you need help over there,” one person tweeted.\n"
            "“This is not how a count should work at all,” wrote one commenter.\n")
    quotes = unregistered_quotes(text, "file:///ad.txt")
    assert [q.speaker for q in quotes] == ["a narrator", "one person", "one commenter"]


def test_she_is_never_a_convention_arena_or_initiative():
    """An event, a venue or a programme named like a person is no antecedent for 'he' or 'she'."""
    text = ("Speech\nOn the last night of the Harbor National Convention at the Lakeside Bank Arena, "
            "Nora Vance spoke for the Vance Family Initiative.\n"
            "“Families who work hard should never fall behind,” she said.\n")
    registry = SpeakerRegistry.from_entries([])
    coref_text = "The Harbor National Convention, the Lakeside Bank Arena and the Vance Family Initiative."
    kinds = {m.text: Coreference(registry).resolve_name(m).kind
             for m in find_mentions(coref_text, 0, len(coref_text)) if m.kind == "name"}
    assert set(kinds.values()) == {"organisation"}, kinds
    [quote] = extract(parse_text(text, "file:///speech.txt"), registry, TAXONOMY).quotes
    assert quote.speaker == "Nora Vance"


def test_the_subject_of_a_clause_ending_in_a_colon_introduces_the_next_paragraphs_quote():
    text = ("Statements\nOn July 6, 2015, Ann Lee made the following comment:\n"
            "“Young people who finish school deserve a real chance at a job.”\n"
            "In response to the storm, Republican presidential nominee Tom Reyes issued the following statement:\n"
            "“Our prayers are with all those affected by this terrible storm.”\n"
            "At his news conference, Reyes’s first questioners were skeptical:\n"
            "“Is it time for your whole strategy to change now?”\n")
    quotes = unregistered_quotes(text, "file:///statements.txt")
    assert [q.speaker for q in quotes] == ["Ann Lee", "Tom Reyes", None]


def test_a_person_kept_up_by_he_stays_the_likeliest_he():
    """Salience runs through pronouns: the sentence between names Reyes only as 'He'."""
    text = ("Results\nTom Reyes never thanked Ann Lee in his speech.\n"
            "He nodded only to his second place behind Sam Ortiz.\n"
            "“We learned a lot about ground games in one week,” he said.\n")
    [quote] = unregistered_quotes(text, "file:///results.txt")
    assert quote.speaker == "Tom Reyes"


def test_an_ad_a_clip_or_a_book_speaks_for_itself():
    text = ("Ads\nThe campaign released two spots on Monday.\n"
            "The clip says Reyes “has a passion for defending the wrong people.”\n"
            "The book claims that the plan was written in a single night.\n")
    quotes = unregistered_quotes(text, "file:///ads.txt")
    assert [(q.speaker, q.kind) for q in quotes] == [("The clip", "partial"), ("The book", "indirect")]


def test_an_indefinite_description_is_someone_not_met_before():
    text = ("Aides\nSenator Ann Lee met the donors on Monday with her aide Tom Reyes.\n"
            "One Lee aide said the meeting had gone well.\n"
            "The senator said the donors would decide by Friday.\n")
    quotes = unregistered_quotes(text, "file:///aides.txt")
    assert [q.speaker for q in quotes] == ["One Lee aide", "Ann Lee"]


def test_the_subject_of_a_passive_question_hears_it_and_the_agent_asks_it():
    text = ("Interview\nLee was asked by talk show host Tom Reyes, “Would you have told her to stop?”\n"
            "Ortiz was asked, “Did you know about the server before the story broke?”\n")
    quotes = unregistered_quotes(text, "file:///interview.txt")
    assert [q.speaker for q in quotes] == ["Tom Reyes", None]


def test_a_quote_read_from_a_writing_is_the_writings():
    text = ("Editorial\nThe senator has been under pressure at home for weeks.\n"
            "“There are jellyfish with more backbone than our senator,” reads a Wednesday editorial in the Ledger.\n"
            "“If she wants to lead, she should come home and see the damage,” the editorial read.\n")
    quotes = unregistered_quotes(text, "file:///editorial.txt")
    assert [q.speaker for q in quotes] == ["a Wednesday editorial", "the editorial"]


def test_it_may_stand_for_a_writing_but_they_never_does():
    text = ("Email\nA new email went out to the supporters on Friday. "
            "It stated that the rival had spent millions on attack ads.\n"
            "Aides to the senator read the memo on Monday. They said the plan had been dropped.\n")
    quotes = unregistered_quotes(text, "file:///email.txt")
    assert [q.speaker for q in quotes] == ["A new email", "Aides"]


def test_words_shouted_chanted_or_wondered_have_a_speaker():
    text = ("Rally\nThe crowd grew loud as the senator spoke.\n"
            "“Lock them up!” the protesters chanted.\n"
            "“Where is the money?” Tom Reyes shouted from the back.\n"
            "“What changed his mind?” Ann Lee wondered.\n")
    quotes = unregistered_quotes(text, "file:///rally3.txt")
    assert [q.speaker for q in quotes] == ["protesters", "Tom Reyes", "Ann Lee"]


def test_the_surname_he_inside_a_sentence_is_a_name_not_a_pronoun():
    text = ("Title\nVice Premier He Lifeng met the delegation on Monday.\n"
            "Ann Lee spoke after him.\n“We will respond,” He said, referring to the tariffs.\n"
            "He said it was over.")
    extraction = extract(parse_text(text, "file:///he.txt"), SpeakerRegistry.from_entries([]), Taxonomy.from_entries([]))
    by_text = {q.text.rstrip(","): q.speaker for q in extraction.quotes}
    assert by_text["We will respond"] == "He Lifeng"
    assert ("He Lifeng", "Vice Premier") in {(s.name, s.role) for s in extraction.speakers}


@pytest.mark.parametrize("name", ["Microsoft Corp", "Acme Inc", "Example Co"])
def test_a_company_named_with_its_legal_form_is_an_organisation(name):
    text = f"Title\n“We are committed to privacy,” {name} said in a statement."
    extraction = extract(parse_text(text, "file:///corp.txt"), SpeakerRegistry.from_entries([]), Taxonomy.from_entries([]))
    assert (name, "organisation") in {(s.name, s.kind) for s in extraction.speakers}


def test_a_spokeswoman_of_one_camp_does_not_speak_for_the_other():
    text = ("Race\nReyes’s spokeswoman Ann Lee said Reyes was “proud” of the plan.\n"
            "Ortiz’s spokeswoman said Ortiz would “never back” the plan.\n")
    quotes = unregistered_quotes(text, "file:///camps.txt")
    assert [q.speaker for q in quotes] == ["Ann Lee", "Ortiz’s spokeswoman"]


def test_her_campaign_manager_apposed_to_a_name_is_that_person():
    text = ("Race\nAnn Lee and Sam Ortiz met on Monday. His campaign manager, Tom Reyes, spoke first.\n"
            "Her campaign manager, Jane Roe, said the meeting “went nowhere.”\n")
    quotes = unregistered_quotes(text, "file:///managers.txt")
    assert [q.speaker for q in quotes] == ["Jane Roe"]


def test_a_participle_after_a_fronted_phrase_is_said_by_the_subject():
    text = ("Race\nIn an interview with Channel Nine, Tom Reyes attacked the plan, saying it was “a disaster.”\n"
            "At a rally in Dover, Del., on Monday, Ann Lee praised Reyes, calling him “a friend.”\n")
    by_cue = {q.cue: q.speaker for q in unregistered_quotes(text, "file:///fronted2.txt")}
    assert (by_cue["saying"], by_cue["calling"]) == ("Tom Reyes", "Ann Lee")


def test_a_seat_of_government_speaks_as_an_office_of_its_country():
    text = "Visit\n“The visit will go ahead,” the White House said on Monday.\n"
    extraction = extract(parse_text(text, "file:///seat.txt"), SpeakerRegistry.from_entries([]), TAXONOMY)
    assert [q.speaker for q in extraction.quotes] == ["White House"]
    assert ("White House", "organisation", "United States") in {
        (s.name, s.kind, s.affiliation) for s in extraction.speakers}


def test_a_next_sentence_that_reports_words_of_its_own_does_not_claim_a_scare_quote():
    text = ("Wages\nThe vote would test the \"trickle-down\" theories of many economists. "
            "Tom Reyes has called for a higher wage in every state.\n")
    quotes = unregistered_quotes(text, "file:///wages.txt")
    assert [(q.kind, q.text) for q in quotes] == [("indirect", "a higher wage in every state")]


def test_a_bare_surname_two_people_share_means_the_one_named_most():
    quotes = unregistered_quotes(
        "Campaign\nHillary Clinton spoke in Ohio on Monday. “We will win this state,” Clinton said.\n"
        "“Jobs come first,” Clinton told the crowd.\n"
        "Her husband, former President Bill Clinton, campaigned in Iowa.\n"
        "“Ohio will decide it,” Clinton said later in the evening.\n"
        "“I liked Iowa,” Mr. Clinton said.\n", "file:///clintons.txt")
    speakers = {q.text.strip("“”,. "): q.speaker for q in quotes}
    assert speakers["Ohio will decide it"] == "Hillary Clinton"  # not the one named last
    assert speakers["I liked Iowa"] == "Bill Clinton"  # a title of his sex picks him


def test_a_round_ups_label_names_the_pundit_not_the_outlet():
    text = ("What they said\nThe pundits weighed in on the debate.\n"
            "Jane Roe, Example Weekly: “The senator won the night.”\n"
            "Tom Reyes, The Daily Ledger: “Nobody won.”\n")
    quotes = unregistered_quotes(text, "file:///pundits.txt")
    assert [q.speaker for q in quotes] == ["Jane Roe", "Tom Reyes"]


def test_a_surname_means_the_person_the_text_named_not_a_registry_namesake():
    registry = SpeakerRegistry.from_entries([
        {"name": "Boris Johnson", "aliases": ["Johnson"], "role": "Prime Minister", "affiliation": "United Kingdom"},
        {"name": "Donald Trump", "aliases": ["Trump"]}])
    text = ("Race\nLibertarian nominee Gary Johnson toured Maine on Friday.\n"
            "“This is a crazy election,” Johnson said.\n"
            "Donald Trump and his daughter Ivanka Trump spoke later. “We will win,” Trump said.\n")
    quotes = extract(parse_text(text, "file:///namesake.txt"), registry, TAXONOMY).quotes
    assert [q.speaker for q in quotes] == ["Gary Johnson", "Donald Trump"]


def test_a_participle_hangs_on_the_subject_after_an_opening_adverb_or_an_age():
    text = ("Race\nHere in Dover, Tom Reyes stepped up his attacks on Sam Ortiz, saying the plan was “a fraud.”\n"
            "76-year-old Ann Lee, a former mayor of the town, endorsed Sam Ortiz, calling him “the only adult.”\n")
    by_cue = {q.cue: q.speaker for q in unregistered_quotes(text, "file:///opening.txt")}
    assert (by_cue["saying"], by_cue["calling"]) == ("Tom Reyes", "Ann Lee")


@pytest.mark.parametrize(("text", "url", "speaker"), [
    pytest.param(
        "Rally\nProtesters gathered in El Paso on Monday, where Senator Ann Lee spoke.\n"
        "“This wall will not be built,” she said.\n",
        "file:///rally.txt", "Ann Lee", id="a_name_after_a_preposition_of_place_is_no_antecedent"),
    pytest.param(
        "Attack\nImmediately after the attack, Ann Lee issued a statement, "
        "“Last night our city was attacked by people who hate our way of life.”\n",
        "file:///attack.txt", "Ann Lee", id="a_statement_put_out_and_quoted_after_a_comma_is_its_authors"),
    pytest.param(
        "Debate\nTom Reyes spoke first at the forum. Ann Lee disagreed with the plan. "
        "“It will not work, and it will cost far too much money.”\n",
        "file:///debate.txt", "Ann Lee", id="a_quote_standing_alone_after_a_sentence_about_someone_is_theirs"),
    pytest.param(
        "Rally\nTom Reyes and Sam Ortiz spoke at the rally on Monday.\n"
        "At the rally, Reyes lashed out at Ortiz:\n“He has never once told the truth about the budget.”\n",
        "file:///rally2.txt", "Tom Reyes", id="a_verb_between_two_names_describes_neither"),
    pytest.param(
        "Budget\nLISBON, March 3 (Wire) — Senator Tom Reyes on Monday rejected the plan and said it "
        "would “ruin the farmers” of the north.\n",
        "file:///dateline.txt", "Tom Reyes", id="a_dateline_names_where_the_story_was_filed_not_who_speaks"),
    pytest.param(
        "Blast\nMayor Tom Reyes visited the scene on Monday.\n"
        "At a briefing in Dunmore, the mayor said there was “no sign of a plot” so far.\n",
        "file:///mayor.txt", "Tom Reyes", id="a_place_before_a_comma_is_no_apposition_to_the_speaker_after_it"),
    pytest.param(
        "Debate\nIn an interview with Sam Ortiz on Monday, Tom Reyes defended the plan.\n"
        "“It will pass,” he said.\n",
        "file:///fronted.txt", "Tom Reyes", id="he_means_the_subject_of_the_main_clause_not_a_name_in_a_fronted_phrase"),
    pytest.param(
        "Visit\nReyes and other party leaders shunned John Ortiz during his visit, claiming that the "
        "former governor was “a traitor to the cause.”\n",
        "file:///shunned.txt", "Reyes", id="a_participle_after_a_comma_is_said_by_the_subject_not_the_object"),
    pytest.param(  # a weekday is no name; a German title is a title
        "Rede\nDer Bundeskanzler hat am Montag in Berlin eine Rede gehalten. Er sprach über die Lage in "
        "Europa und den Krieg. Bundeskanzler Olaf Scholz sagte am Montag: „Wir werden weiter helfen.“ "
        "Die Abgeordneten haben der Rede des Kanzlers zugehört.\n",
        "file:///rede.txt", "Olaf Scholz", id="a_german_weekday_is_no_speaker_and_a_german_title_no_name"),
    pytest.param(
        "Discurso\nA ministra falou aos deputados em Lisboa sobre a situação na Europa e a guerra. "
        "Ministra Ana Ferreira disse: «É um bom dia para a Europa.» Os deputados aplaudiram o discurso.\n",
        "file:///discurso.txt", "Ana Ferreira", id="a_portuguese_title_is_no_part_of_the_name"),
])
def test_the_speaker_of_a_lone_quote(text, url, speaker):
    [quote] = unregistered_quotes(text, url)
    assert quote.speaker == speaker
