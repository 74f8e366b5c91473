from transforms.reported_speech import find_frames, is_attribution_tail
from transforms.speakers import find_mentions


def _frames(text):
    mentions = find_mentions(text, 0, len(text))
    return [(f.cue, f.speaker.text if f.speaker else None,
             text[f.content[0]:f.content[1]] if f.content else None)
            for f in find_frames(text, 0, len(text), mentions, [])]


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
