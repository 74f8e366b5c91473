import pytest

from accord.transforms.analysis.stance import stance_of


@pytest.mark.parametrize("text", [
    "We will deny any safe haven to terrorists",
    "The governor pledged to combat corruption",
    "Talks on the agenda next week will improve the relationship",
    "The truce will stop the fighting and bring the hostages home",
    "We will keep fighting for these provisions",
    "The bill passed with the backing of every member",
])
def test_support(text):
    assert stance_of(text) == "support"


@pytest.mark.parametrize("text", [
    "The minister rejected the proposal",
    "I don't support the bill",
    "We will fight this bill",
    "The minister denounced the vote",
    "She had not seen any proof of wrongdoing",  # a denial of the charge
])
def test_oppose(text):
    assert stance_of(text) == "oppose"


@pytest.mark.parametrize("text", [
    "The senator spoke to reporters on Tuesday", "special envoys", "",
    "The first phase of the agreement would last six weeks",  # a deal named, no stance taken
    "The navy will send long-range missiles to the region",  # arms are a harm only when countered
    "The talks did not start on time",  # a fact, negated
    "The crime rate fell last year and the war ended",  # harms named, no position taken
    "It was a great day for the city",  # praise of nothing anyone proposes
    "The sanctions need to be lifted",  # an obligation: a blind reading found these mostly no stance
    "The economy has spiraled out of control",  # an evaluation of a state of affairs
    "This approach leads nowhere",
    "The report is fake",  # an evaluation word: on held-out news as often about nothing at stake
    "The government prefers a negotiated outcome",
])
def test_neutral(text):
    assert stance_of(text) == "neutral"


def test_topic_restricts_to_its_sentences():
    text = "We reject the trade deal; on Syria, we support the talks"
    assert stance_of(text) == "oppose"
    assert stance_of(text, "Syria") == "support"
    assert stance_of(text, "Trade & tariffs") == "oppose"


def test_countering_a_harm_supports_the_remedy():
    assert stance_of("We must combat climate change") == "support"


def _names_wall(words: str) -> bool:
    return "wall" in words or "border" in words


@pytest.mark.parametrize(("text", "reported", "expected"), [
    ("We will not support the wall", False, "oppose"),
    ("I strongly support a border wall", False, "support"),
    ("he opposes the wall", True, "oppose"),
    # he, in the speaker's own words, is someone else
    ("he opposes the wall", False, "neutral"),
    # an opponent's act the speaker attacks is not the speaker's position
    ("Senator Lee criticized Rubio for opposing the wall", True, "neutral"),
    # a position on something the topic does not name
    ("The bill would fund the wall, and we support the farmers", False, "neutral"),
    # a fact about the topic takes no position
    ("The border wall would cost billions", False, "neutral"),
])
def test_a_figures_stance_is_the_speakers_own_position_on_the_topic(text, reported, expected):
    assert stance_of(text, "Immigration", names_topic=_names_wall, reported=reported) == expected


def test_against_opposes_what_it_names():
    assert stance_of("I was against the war in Iraq") == "oppose"
