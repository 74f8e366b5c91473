from accord.transforms.page.document import Block, Document
from accord.transforms.speech.sections import block_sections, heading_names


def test_heading_names():
    assert heading_names("Okafor’s Perspective") == ["Okafor"]
    assert heading_names("Q&A with Paul Okafor") == ["Paul Okafor"]
    assert heading_names("What Okafor said")[0] == "Okafor"
    assert heading_names("Noteworthy Conclusions") == []


def test_block_sections():
    doc = Document("u", blocks=[Block("paragraph", "a."), Block("heading", "H"), Block("paragraph", "b.")])
    assert block_sections(doc) == [None, "H", "H"]
