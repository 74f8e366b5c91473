from accord.transforms.speech.quotes import find_quotes


def _paragraphs(text):
    spans, pos = [], 0
    for line in text.split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def _quoted(text):
    return [text[q.start:q.end] for q in find_quotes(text, _paragraphs(text))]


def test_curly_straight_and_guillemets():
    text = 'He said “one,” then "two" and «three».'
    assert _quoted(text) == ["one,", "two", "three"]


def test_interrupted_quote_gives_two_pieces():
    text = "“The risk,” said the economist, “is real.”"
    assert _quoted(text) == ["The risk,", "is real."]


def test_nested_single_marks_stay_inside():
    assert _quoted("She said “he called it ‘absurd’ twice.”") == ["he called it ‘absurd’ twice."]


def test_multi_paragraph_quote_shares_a_group():
    text = "“First part,\n“second part.” he said."
    quotes = find_quotes(text, _paragraphs(text))
    assert [text[q.start:q.end] for q in quotes] == ["First part,", "second part."]
    assert quotes[0].group == quotes[1].group


def test_unclosed_quote_runs_to_paragraph_end_only():
    text = "He said “no way\nNext paragraph “yes” here."
    quotes = find_quotes(text, _paragraphs(text))
    assert [text[q.start:q.end] for q in quotes] == ["no way", "yes"]
    assert quotes[0].group != quotes[1].group


def test_doubled_apostrophes_are_text():
    assert _quoted("''Not a quote,'' he said.") == []


def test_each_languages_marks_open_and_close_their_quotes():
    # German „…“ and »…«, French « … », Spanish and Portuguese «…»: the paragraph's own style
    assert _quoted("„Wir werden das nicht akzeptieren“, sagte Scholz.") == ["Wir werden das nicht akzeptieren"]
    assert _quoted("»Wir handeln«, sagte Scholz. Er fügte hinzu: »Niemals.«") == ["Wir handeln", "Niemals."]
    assert _quoted("« Nous n'accepterons pas cela », a déclaré Macron.") == ["Nous n'accepterons pas cela"]
    assert _quoted("«No aceptaremos esto», dijo Sánchez.") == ["No aceptaremos esto"]


def test_a_lone_guillemet_is_no_quote():
    assert _quoted("Home » News » Politik") == []
