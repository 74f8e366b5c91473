import pytest

from transforms.stance import stance_of


@pytest.mark.parametrize("text", [
    "The sanctions need to be lifted",
    "Both parties believe in a free and open market",
    "We will deny any safe haven to terrorists",
    "The governor pledged to combat corruption",
    "This deal is not a problem for us",
    "Talks on the agenda next week will improve the relationship",
    "The truce will stop the fighting and bring the hostages home",
    "We will keep fighting for these provisions",
    "The bill passed with the backing of every member",
    "The government prefers a negotiated outcome",
])
def test_support(text):
    assert stance_of(text) == "support"


@pytest.mark.parametrize("text", [
    "The minister rejected the proposal",
    "The report is fake",
    "The plan remains an obstacle to an improvement in trade",
    "The economy has spiraled out of control",
    "I don't support the bill",
    "We will fight this bill",
    "The move would have very negative consequences for the region",
    "This approach leads nowhere",
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
])
def test_neutral(text):
    assert stance_of(text) == "neutral"


def test_topic_restricts_to_its_sentences():
    text = "The trade deal is a disaster; on Syria, we need to talk"
    assert stance_of(text) == "neutral"
    assert stance_of(text, "Syria") == "support"
    assert stance_of(text, "Trade & tariffs") == "oppose"
