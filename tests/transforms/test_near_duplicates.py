"""Near-duplicate grouping: planted wire copies are found, distinct stories on one topic are not."""
from __future__ import annotations

import random
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from accord.transforms.page.near_duplicates import MAX_MISS_AT_THRESHOLD, group_near_duplicates, lsh_bands

# Stories are built from these parts, as news on one topic is: the same names, the same
# phrases, often the same quoted sentence, in different sentences.
SUBJECTS = ["Foreign Minister Sergei Lavrov", "Secretary of State Rex Tillerson", "The Security Council",
            "Diplomats in New York", "China's envoy", "The White House", "Officials in Seoul",
            "A senior State Department official", "Pyongyang's state media", "Japan's prime minister"]
VERBS = ["said on Wednesday that", "warned that", "told reporters that", "insisted that",
         "argued in a statement that", "signalled that", "confirmed late on Tuesday that", "denied that"]
CLAUSES = ["new sanctions on North Korea would be voted on next week",
           "the missile test violated several Security Council resolutions",
           "talks with Pyongyang remained the only way to avoid a war",
           "oil exports to North Korea should be capped by the end of the year",
           "the nuclear programme threatened the whole region",
           "military pressure would not bring Kim Jong Un to the table",
           "the sanctions resolution had been weakened at the last minute",
           "China would enforce the coal ban along its border",
           "joint exercises would continue despite the warnings",
           "a freeze for freeze proposal deserved a hearing"]
SHARED_QUOTE = ('"We share the goal of a nuclear-free Korean peninsula, and we will not accept '
                'North Korea as a nuclear power," Tillerson said after meeting Lavrov in Moscow.')


def sentences(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    return [f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(CLAUSES)}." for _ in range(count)]


def story(seed: int, count: int = 28) -> str:
    body = sentences(seed, count)
    body.insert(count // 2, SHARED_QUOTE)
    return " ".join(body)


def lightly_edited(text: str, seed: int, edits: int = 4) -> str:
    rng = random.Random(seed)
    words = text.split()
    for position in rng.sample(range(len(words)), edits):
        words[position] = rng.choice(["reportedly", "also", "again", "Thursday", "officials"])
    return " ".join(words)


def similarity(a: str, b: str) -> float:
    """Jaccard similarity of the two texts' word 3-shingles, the measure the threshold is on."""
    def shingles(text: str) -> set[tuple[str, ...]]:
        words = re.findall(r"\w+", text.lower())
        return {tuple(words[i:i + 3]) for i in range(len(words) - 2)}
    a_set, b_set = shingles(a), shingles(b)
    return len(a_set & b_set) / len(a_set | b_set)


AP_BOILERPLATE = ("Copyright 2017 The Associated Press. All rights reserved. This material may not be "
                  "published, broadcast, rewritten or redistributed without permission.")
NEWSLETTER = ("Sign up for our morning briefing to get the day's most important world news and analysis "
              "delivered straight to your inbox before breakfast, every weekday.")


def test_wire_copies_with_light_edits_and_their_own_boilerplate_are_one_group():
    original = story(1)
    copies = {
        "https://wire.example/nk-sanctions": original + " " + AP_BOILERPLATE,
        "https://daily.example/world/2017/nk": lightly_edited(original, 2) + " " + NEWSLETTER,
        "https://herald.example/story?id=991": "By the wire staff. " + lightly_edited(original, 3),
        "https://amp.herald.example/story/991": "By the wire staff. " + lightly_edited(original, 3),
    }
    assert min(similarity(original, copy) for copy in copies.values()) < 0.9
    groups = group_near_duplicates(copies.items())
    assert set(groups.values()) == {min(copies)}


def test_an_updated_version_joins_its_story_and_a_second_update_joins_through_it():
    first = story(4)
    update = first + " " + " ".join(sentences(5, 12))
    second_update = update + " " + " ".join(sentences(6, 12))
    assert similarity(first, update) >= 0.8 and similarity(update, second_update) >= 0.8
    assert similarity(first, second_update) < 0.8
    groups = group_near_duplicates([("v3", second_update), ("v1", first), ("v2", update)])
    assert groups == {"v1": "v1", "v2": "v1", "v3": "v1"}


def test_different_stories_on_the_same_topic_stay_apart():
    stories = [(f"story-{n:02d}", story(100 + n)) for n in range(30)]
    assert max(similarity(a, b) for _, a in stories for _, b in stories if a != b) > 0.5
    groups = group_near_duplicates(stories)
    assert all(groups[article_id] == article_id for article_id, _ in stories)


def test_singletons_map_to_themselves_and_groups_to_their_smallest_id():
    a, b = story(7), story(8)
    groups = group_near_duplicates([("z", a), ("m", a), ("q", b), ("c", lightly_edited(a, 9))])
    assert groups == {"z": "c", "m": "c", "q": "q", "c": "c"}


def test_articles_without_words_are_never_grouped():
    groups = group_near_duplicates([("a", ""), ("b", None), ("c", " -- ! "), ("d", "Short text."),
                                    ("e", "Short text!")])
    assert groups == {"a": "a", "b": "b", "c": "c", "d": "d", "e": "d"}


def test_the_threshold_is_on_the_jaccard_similarity_of_word_shingles():
    words = [f"word{n}" for n in range(200)]
    # 3-shingles: 198 each, 148 shared, so the similarity is 148 / 248 = 0.6
    variant = words[:150] + [f"other{n}" for n in range(50)]
    pair = [("a", " ".join(words)), ("b", " ".join(variant))]
    assert group_near_duplicates(pair, threshold=0.8) == {"a": "a", "b": "b"}
    assert group_near_duplicates(pair, threshold=0.55) == {"a": "a", "b": "a"}


def test_the_same_articles_in_any_order_give_the_same_groups():
    items = [(f"id{n}", story(n % 5) if n % 2 else lightly_edited(story(n % 5), n)) for n in range(20)]
    expected = group_near_duplicates(items)
    assert len(set(expected.values())) == 5
    for seed in range(5):
        shuffled = list(items)
        random.Random(seed).shuffle(shuffled)
        assert group_near_duplicates(shuffled) == expected


@settings(max_examples=60, deadline=None)
@given(st.dictionaries(st.text("abc", min_size=1, max_size=3),
                       st.sampled_from(["", "alpha beta gamma delta", "alpha beta gamma delta epsilon",
                                        "one two", "x y z w v u t s"]), max_size=12))
def test_every_group_is_named_by_its_smallest_member_and_identical_texts_share_one(articles):
    groups = group_near_duplicates(articles.items())
    assert groups.keys() == articles.keys()
    for article_id, group in groups.items():
        assert groups[group] == group and group <= article_id
    for a, text_a in articles.items():
        for b, text_b in articles.items():
            if text_a and text_a == text_b:
                assert groups[a] == groups[b]


@pytest.mark.parametrize("threshold", [0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95])
def test_bands_find_a_pair_at_the_threshold_almost_surely(threshold):
    rows, bands = lsh_bands(threshold, 128)
    assert rows * bands <= 128
    assert (1 - threshold**rows) ** bands <= MAX_MISS_AT_THRESHOLD


def test_bad_input_is_refused():
    with pytest.raises(ValueError, match="threshold"):
        group_near_duplicates([("a", "text")], threshold=0)
    with pytest.raises(ValueError, match="unique"):
        group_near_duplicates([("a", "text"), ("a", "other text")])
