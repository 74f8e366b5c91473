from accord.transforms.speech.sentences import split_sentences


def _texts(text):
    return [text[s:e] for s, e in split_sentences(text)]


def test_abbreviations_and_initials_do_not_end_sentences():
    text = "Mr. Peck met John F. Kerry in Austin, Tex. on Monday. Then he left."
    assert _texts(text) == ["Mr. Peck met John F. Kerry in Austin, Tex. on Monday.", "Then he left."]


def test_closing_quote_stays_with_its_sentence():
    text = "“We went,” she said. “It rained.” He nodded."
    assert _texts(text) == ["“We went,” she said.", "“It rained.”", "He nodded."]


def test_offsets_respect_a_window():
    text = "xx. A b. C d."
    assert split_sentences(text, 4) == [(4, 8), (9, 13)]


def test_a_web_address_ends_its_sentence():
    text = "The news came from Example.com. “It was sad,” a friend said."
    assert _texts(text) == ["The news came from Example.com.", "“It was sad,” a friend said."]


def test_a_clause_opener_after_a_dotted_name_opens_a_sentence():
    text = "Trump would bar them from the U.S. The proposal drew fire. The U.S. Senate voted. He met U.S. President Obama."
    assert [text[s:e] for s, e in split_sentences(text)] == [
        "Trump would bar them from the U.S.", "The proposal drew fire.", "The U.S. Senate voted.",
        "He met U.S. President Obama."]


def test_german_quotation_marks_and_capitals_outside_ascii_end_and_open_sentences():
    text = "Er sagte: „Wir helfen.“ Die Abgeordneten hörten zu. »Das ist gut«, sagte er. Über Europa sprach er nicht."
    assert _texts(text) == ["Er sagte: „Wir helfen.“", "Die Abgeordneten hörten zu.", "»Das ist gut«, sagte er.",
                            "Über Europa sprach er nicht."]
