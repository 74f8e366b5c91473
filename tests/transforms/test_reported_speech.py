import pytest

from accord.transforms.speech.reported_speech import find_frames, is_attribution_tail
from accord.transforms.speech.speaker_registry import SpeakerRegistry
from accord.transforms.speech.speakers import find_mentions

PLACES = SpeakerRegistry.from_entries([], places={"capitals": {"Vilnius": "Lithuania"}}).institutions


def _frames(text):
    mentions = find_mentions(text, 0, len(text))
    return [(f.cue, f.speaker.text if f.speaker else None,
             text[f.content[0]:f.content[1]] if f.content else None)
            for f in find_frames(text, 0, len(text), mentions, [], PLACES)]


def test_cue_with_that_clause():
    assert _frames("Okafor pointed out during the talks that the plan was late.") == [
        ("pointed out", "Okafor", "the plan was late")]


def test_content_before_the_cue():
    assert _frames("The vote was rigged, the report said.") == [("said", "the report", "The vote was rigged")]


def test_according_to_both_ways():
    assert _frames("According to Okafor, the plan failed.") == [("According to", "Okafor", "the plan failed")]
    assert _frames("The plan failed, according to Okafor.") == [("according to", "Okafor", "The plan failed")]


def test_appositive_speaker_and_passive():
    assert _frames("Mia Holt, a spokeswoman for the party, said the plan failed.")[0][1] == "Mia Holt"
    assert _frames("Okafor was asked whether it failed.") == []


def test_participle_takes_the_sentence_subject():
    reporting = [f for f in _frames("He rejected this, saying that he had seen nothing.") if f[2]]
    assert reporting == [("saying", "He", "he had seen nothing")]


def test_attribution_tail():
    assert is_attribution_tail("Bush said.")
    assert not is_attribution_tail("Bush said that the plan failed because of the long delays.")


def test_group_speakers_and_zero_that_clauses():
    assert _frames("Democratic strategists say the party would be wise to wait.") == [
        ("say", "Democratic strategists", "the party would be wise to wait")]
    assert _frames("Okafor said on Friday he would resign.") == [("said", "Okafor", "he would resign")]
    assert _frames("Okafor told reporters the plan would fail.") == [("told", "Okafor", "the plan would fail")]


def test_time_and_hearer_after_the_cue_leave_the_words_before_it():
    assert _frames("The plan is dead, the ministry said Thursday.") == [("said", "the ministry", "The plan is dead")]
    assert _frames("The plan is dead, Okafor told The Daily Planet.")[0][2] == "The plan is dead"
    assert _frames("Okafor said outside the building.") == [("said", "Okafor", None)]


def test_cue_set_off_by_commas_reports_both_sides():
    text = "Many of the farms, he said, have closed since May."
    mentions = find_mentions(text, 0, len(text))
    (frame,) = find_frames(text, 0, len(text), mentions, [])
    assert text[frame.content[0]:frame.content[1]] == "Many of the farms"
    assert text[frame.more[0]:frame.more[1]] == "have closed since May"


def test_relative_who_and_party_parentheses():
    assert _frames("Ann Hale, 24, of Dover, who said the vote was fair, left.")[0][:2] == ("said", "Ann Hale")
    assert _frames("Sen. Ann Hale (D-Md.) said the vote was fair.") == [
        ("said", "Sen. Ann Hale", "the vote was fair")]
    assert _frames("He said the areas of the network that were hacked held data.") == [
        ("said", "He", "the areas of the network that were hacked held data")]


def test_object_verbs_possessive_sources_and_according_to_phrases():
    assert _frames("Cruz praised Pence for cutting taxes.") == [("praised", "Cruz", "Pence for cutting taxes")]
    assert _frames("Okafor’s campaign says it will move staff.") == [
        ("says", "Okafor’s campaign", "it will move staff")]
    assert _frames("Turnout fell by a third, according to exit polls.") == [
        ("according to", "exit polls", "Turnout fell by a third")]
    assert _frames("The pilot had flown for years, the BBC reported.")[0][2] == "The pilot had flown for years"


def test_inverted_speaker_after_lower_case_descriptors():
    assert _frames("The plan failed, said Labour campaign manager Dana Ruiz in a statement.")[0][1] == "manager Dana Ruiz"
    assert _frames("The plan failed, said master of ceremonies Omar Haddad, a teacher.")[0][1] == "Omar Haddad"
    assert _frames("The plan failed, said local activist Bo Kern.")[0][1] == "Bo Kern"


def test_nominal_speaker_runs_to_its_last_noun():
    assert _frames("The plan failed, one party campaign source said.")[0][1] == "one party campaign source"
    assert _frames("A member of the family suggested the plan failed.")[0][1] == "a member of the family".capitalize()


def _quoted_frames(text):
    quotes = [(m.start(), m.end()) for m in __import__("re").finditer(r"“[^”]*”", text)]
    mentions = [m for m in find_mentions(text, 0, len(text)) if all(not s <= m.start < e for s, e in quotes)]
    return [(f.cue, f.speaker.text if f.speaker else None, text[f.content[0]:f.content[1]], f.quote_only)
            for f in find_frames(text, 0, len(text), mentions, quotes)]


def test_naming_verbs_frame_a_quote_only_with_a_speaker():
    assert _quoted_frames("Okafor called the plan “a disgrace” on Monday.") == [
        ("called", "Okafor", "the plan “a disgrace”", True)]
    assert _quoted_frames("Okafor went after Lee, calling it “absurd” and more.")[0][1:3] == ("Okafor", "it “absurd”")
    assert _quoted_frames("A friend referred to him as “a kind soul.”")[0][1] == "A friend"
    assert _quoted_frames("The group called “Fight Now” met.") == []  # no speaker
    assert _quoted_frames("The plan was called “a disgrace.”") == []  # passive
    # "called for" reports what is called for, a quote among it
    assert _quoted_frames("Okafor called for “a new deal.”") == [("called", "Okafor", "“a new deal.”", False)]


def test_participle_speakers_without_a_comma():
    assert _quoted_frames("Lee and Okafor issued a statement describing the talks as “a step.”")[0][1] == "Okafor"
    found = _frames("Both spoke – Okafor saying he was hopeful and Lee staying quiet.")
    assert found[0][:2] == ("saying", "Okafor")


def test_possessive_saying_noun_and_according_to_a_source_by():
    assert _quoted_frames("Critics doubted Okafor's conclusion that the plan was “careless.”")[0][1:3] == (
        "Okafor", "that the plan was “careless.”")
    assert _frames("Rents rose, according to figures by Ann Lee of the institute.")[0][1] == "Ann Lee"


def test_coordinated_verbs_share_the_subject():
    assert _frames("Okafor met the governor after the vote and said this week that the plan was late.") == [
        ("said", "Okafor", "the plan was late")]
    text = "Mia Holt went after the mayor on Monday, calling the plan weak and asserting that it would fail."
    assert [f for f in _frames(text) if f[0] == "asserting"] == [("asserting", "Mia Holt", "it would fail")]
    # a base form after "and" belongs to an infinitive or to quoted words, not to the subject
    assert _frames("Okafor asked them to wait and say nothing.")[1:] == []


def test_a_name_in_an_opening_prepositional_phrase_is_no_subject():
    text = "At Green Hills, Ben Ruiz, the club's manager, suggested that the rules were too strict."
    assert _frames(text) == [("suggested", "Ben Ruiz", "the rules were too strict")]


def test_object_prone_verbs_take_a_clause_only_with_a_finite_verb():
    assert _frames("The senator maintains a large staff around him.") == [("maintains", "The senator", None)]
    assert _frames("The senator maintains the plan was fair.") == [
        ("maintains", "The senator", "the plan was fair")]


def test_a_quote_woven_into_the_clause_before_an_inverted_cue_belongs_to_it():
    text = "Lee “did well with farmers” in the last race, said Ruiz."
    quotes = [(4, 27)]
    mentions = [m for m in find_mentions(text, 0, len(text)) if m.start >= 27 or m.start < 4]
    frames = find_frames(text, 0, len(text), mentions, quotes)
    assert [text[f.content[0]:f.content[1]] for f in frames] == ["Lee “did well with farmers” in the last race"]


def test_that_after_a_preposition_and_settings_and_hearers_with_descriptors():
    assert _frames("Okafor hinted at that in a news conference Monday.") == [("hinted", "Okafor", None)]
    assert _frames("“It is over,” Okafor said on a media call set up by local unions.")[0][2] == "“It is over,”"
    assert _frames("“It is over,” one worker told French television station ABTV.")[0][2] == "“It is over,”"


def test_according_to_set_off_by_commas_mid_sentence():
    text = "Since last May, according to Human Rights Watch, the police have detained 40 people."
    frame = find_frames(text, 0, len(text), find_mentions(text, 0, len(text)), [])[0]
    assert (text[slice(*frame.content)], text[slice(*frame.more)]) == (
        "Since last May", "the police have detained 40 people")
    assert _frames("He went, because, according to Okafor, the press would mock him.") == [
        ("according to", "Okafor", "the press would mock him")]


def test_asked_reports_the_question_or_the_request():
    assert _frames("Ann Lee asked Okafor whether the plan was fair.") == [
        ("asked", "Ann Lee", "whether the plan was fair")]
    assert _frames("Okafor asked the driver to stop the bus.") == [("asked", "Okafor", "the driver to stop the bus")]
    assert _frames("Okafor asked what the voters wanted.") == [("asked", "Okafor", "what the voters wanted")]
    assert _frames("Okafor asked about the plan.") == [("asked", "Okafor", None)]


def test_but_coordinates_a_second_verb():
    assert _frames("Okafor keeps his plans a secret but says the talks went well.") == [
        ("says", "Okafor", "the talks went well")]


def test_a_relative_clause_goes_on_after_the_cue():
    assert _frames("They met on what the report said were the worst days.")[-1] == (
        "said", "the report", "were the worst days")


def test_one_and_another_as_unnamed_sources_and_emailed():
    assert _frames("One says there are 10, another says there are 12.")[-1] == ("says", "another", "there are 12")
    assert _frames("No one says it is easy.") == []
    assert _frames("Okafor emailed reporters that the plan had failed.") == [
        ("emailed", "Okafor", "the plan had failed")]


def test_an_aside_between_dashes_is_passed_over_on_the_way_to_that():
    text = ("Mia Holt complained on Friday — notes of which the party emailed to reporters later — "
            "that the mayor had ignored her.")
    assert [f for f in _frames(text) if f[2]] == [("complained", "Mia Holt", "the mayor had ignored her")]


def test_a_place_after_in_is_no_subject():
    frames = _frames("Leaders meeting in Vilnius on Wednesday told reporters that the plan was late.")
    assert frames and frames[0][1] == "Leaders"


@pytest.mark.parametrize(("text", "content"), [
    ("In all, though, the justices are finding common ground, Professor Epstein said.",
     "In all, though, the justices are finding common ground"),
    ("In this year's contest, undeclared voters will not decide the race, Smith said.",
     "In this year's contest, undeclared voters will not decide the race"),
    ("But he runs the club on a different principle, he said.", "But he runs the club on a different principle"),
    ("Two children were among the passengers, foreign affairs ministry spokesman Benali Abdelaziz said Thursday.",
     "Two children were among the passengers"),
])
def test_words_reported_before_the_speaker_may_open_like_any_sentence(text, content):
    assert _frames(text)[0][2] == content


@pytest.mark.parametrize("text", ["In Washington, the senator said.", "On Monday, Smith said."])
def test_an_opening_phrase_alone_is_no_reported_clause(text):
    assert all(content is None for _, _, content in _frames(text))


def test_a_description_after_according_to_is_no_second_reported_clause():
    text = "Turnout was low, according to Andy Smith, director of the Survey Center, which ran the poll."
    mentions = find_mentions(text, 0, len(text))
    [frame] = find_frames(text, 0, len(text), mentions, [], PLACES)
    assert (frame.speaker.text, text[slice(*frame.content)], frame.more) == ("Andy Smith", "Turnout was low", None)


def test_an_according_to_with_nothing_after_its_comma_reports_nothing():
    # found by the fuzz test: an empty reported clause at the very end of the text
    assert _frames(" according to  said ,") == [("according to", "said", None)]


def test_a_speaker_with_an_apposition_after_words_in_doubled_apostrophes():
    # wire and archive texts mark quotations with '' … '' (no quotation marks for the quote finder)
    text = "''We survey advertisers every year,'' Mr. Mahaney, of RBC Capital Markets, said."
    assert _frames(text) == [("said", "Mr. Mahaney", "''We survey advertisers every year")]


@pytest.mark.parametrize(("text", "speaker"), [
    ("Another ranking says he is not even a billionaire.", "Another ranking"),
    ("In Nevada, exit polls suggested that turnout fell sharply.", "polls"),
])
def test_polls_and_rankings_report_too(text, speaker):
    assert _frames(text)[0][1] == speaker


def test_an_outlet_named_by_its_web_address_and_a_place_after_into_are_what_they_are():
    assert _frames("The news is bad, Tchadinfos.com reported.")[0][1] == "Tchadinfos.com"
    assert _frames("Opponents of taking refugees into the U.S. cite fears of terror.")[0][1] == "Opponents"


def test_a_conditional_after_the_cue_is_what_is_reported():
    assert _frames("Okafor said if he were elected, the tariff would go.") == [
        ("said", "Okafor", "if he were elected, the tariff would go")]
    assert _frames("Okafor said before the vote that the tariff would go.") == [
        ("said", "Okafor", "the tariff would go")]


@pytest.mark.parametrize("group", ["Some delegates", "Many protesters", "Several teachers", "Few respondents"])
def test_people_named_by_a_plural_noun_speak_as_a_group(group):
    assert _frames(f"{group} said they welcomed attention to the issue.")[0] == (
        "said", group, "they welcomed attention to the issue")


def test_a_polls_share_speaks_as_a_group():
    assert _frames("Asked about the deal, 59 percent said it was not fair.") == [
        ("said", "59 percent", "it was not fair")]


def test_a_quote_ending_in_a_form_of_be_is_no_passive_before_its_cue():
    """'be' closing the quoted words belongs to the speaker, not to a passive 'be said'."""
    text = "“The more we spend now, the safer people will be,” said Ann Lee, an adviser."
    quotes = [(0, text.index("”") + 1)]
    mentions = [m for m in find_mentions(text, 0, len(text)) if m.start >= quotes[0][1]]
    assert [(f.cue, f.speaker.text) for f in find_frames(text, 0, len(text), mentions, quotes)] == [("said", "Ann Lee")]


def test_an_inverted_described_speaker_may_carry_a_postmodifier():
    text = "“It is a way to take part,” says a source familiar with the plan."
    quotes = [(0, text.index("”") + 1)]
    mentions = [m for m in find_mentions(text, 0, len(text)) if m.start >= quotes[0][1]]
    assert [(f.cue, f.speaker.text) for f in find_frames(text, 0, len(text), mentions, quotes)] == [
        ("says", "a source")]


@pytest.mark.parametrize(("sentence", "speaker"), [
    ("An adviser to Ann Lee said the plan was dead.", "An adviser"),
    ("Tom Reyes at the Hoover Institution said the plan was dead.", "Tom Reyes"),
    ("A spokesman for the buyer said the plan was dead.", "A spokesman"),
    ("Another source familiar with the senator’s thinking said the plan was dead.", "Another source"),
    ("Two aides to Ann Lee said the plan was dead.", "Two aides"),
    # a share of a group, a report: the words go on being the group's, the report's source's
    ("Most of the voters said the plan was dead.", "the voters"),
])
def test_whom_a_speaker_serves_or_where_they_work_is_not_who_speaks(sentence, speaker):
    assert _frames(sentence)[0][:2] == ("said", speaker)


def test_a_comment_between_commas_does_not_part_a_subject_from_its_verb():
    assert _frames("Security experts and officials, however, said the plan was dead.")[0][:2] == ("said", "officials")


def test_a_second_speech_verb_shares_the_subject_of_the_first():
    found = _frames("Authorities announced the arrest of a man in the shooting and said a curfew would go on.")
    assert ("said", "Authorities", "a curfew would go on") in found
    # a base form after "and" agrees with a plural subject
    assert ("say", "Officials", "the plan is dead") in _frames("Officials met the governor on Monday and say the plan is dead.")


def test_a_that_after_the_clause_has_begun_is_not_its_opening():
    # a subject pronoun before "that": the reported clause began right after the cue
    assert _frames("Okafor says he wants a budget that works for everyone.") == [
        ("says", "Okafor", "he wants a budget that works for everyone")]
    # "that" joining a second clause to the first: both are reported
    assert _frames("Okafor said he backs the plan but that the vote came too early.") == [
        ("said", "Okafor", "he backs the plan but that the vote came too early")]
    # "that" before a verb is the clause's subject
    assert _frames("Lawyers said that is highly unlikely.") == [("said", "Lawyers", "that is highly unlikely")]


def test_a_noun_phrase_opening_the_sentence_is_the_subject_the_mentions_lack():
    assert _frames("The farm lobby said the bill would fail.") == [
        ("said", "The farm lobby", "the bill would fail")]
    assert _frames("But the deputy head of the delegation to the forum said talks would go on.") == [
        ("said", "the deputy head of the delegation to the forum", "talks would go on")]
    # a clause, not a noun phrase, before the cue: no subject to take
    assert _frames("The farm lobby met and then quietly left before anyone said more.") == []
    assert _frames("The leaked memo said the bill would fail.")[0][1] == "The leaked memo"


def test_a_reported_clause_ends_where_its_speaker_speaks_again():
    assert _frames("She said she had met him twice but said neither man played a role.") == [
        ("said", "She", "she had met him twice"), ("said", "She", "neither man played a role")]
    assert _frames("Okafor said the plan failed, adding that the vote came late.") == [
        ("said", "Okafor", "the plan failed"), ("adding", "Okafor", "the vote came late")]
    # a speech act inside the reported clause is nested in it, not a second act of the speaker's
    assert _frames("He said Okafor and Lee said the plan failed.")[0] == (
        "said", "He", "Okafor and Lee said the plan failed")


def test_the_object_of_a_verb_of_urging_or_denying_is_reported_up_to_the_end_of_its_clause():
    assert _frames("Okafor urged voters to wait for the count.") == [
        ("urged", "Okafor", "voters to wait for the count")]
    assert _frames("Okafor denied the charges and counter-sued the paper.") == [("denied", "Okafor", "the charges")]
    assert _frames("Okafor rejected that idea.") == [("rejected", "Okafor", "that idea")]
    assert _frames("Okafor repeated his claim, drawing loud boos.") == [("repeated", "Okafor", "his claim")]


def test_calls_for_and_on_report_the_object_of_the_preposition():
    assert _frames("Okafor called for a recount in three counties.") == [
        ("called", "Okafor", "a recount in three counties")]
    assert _frames("Okafor called on the mayor to resign.") == [("called", "Okafor", "the mayor to resign")]
    assert _frames("Okafor called the plan a disgrace.") == [("called", "Okafor", "the plan a disgrace")]
    assert _frames("Okafor warned of a long winter.") == [("warned", "Okafor", "a long winter")]
