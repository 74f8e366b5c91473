from accord.transforms.page.text_document import is_heading, parse_text


def test_title_line_is_not_a_block_and_headings_are_found():
    doc = parse_text("The Title\n\nWhat the Mayor Said\nShe spoke at noon. It rained.\n", "file:///x.txt")
    assert doc.title == "The Title"
    assert [b.kind for b in doc.blocks] == ["heading", "paragraph"]
    assert doc.text == "What the Mayor Said\nShe spoke at noon. It rained."


def test_a_text_opening_with_an_empty_line_has_no_title():
    doc = parse_text("\nThe minister spoke at noon on Monday.\nShe left.\n", "file:///x.txt")
    assert doc.title is None
    assert doc.text == "The minister spoke at noon on Monday.\nShe left."


def test_heading_rules():
    assert is_heading("Noteworthy Conclusions")
    assert not is_heading("Long Beach, Calif.")
    assert not is_heading("a lowercase line")
    assert not is_heading("“Quoted words” here")


def test_empty_text():
    assert parse_text("", "u").blocks == []
