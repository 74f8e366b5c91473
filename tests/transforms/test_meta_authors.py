from __future__ import annotations

import pytest

from transforms.meta_authors import clean_authors


@pytest.mark.parametrize(("values", "expected"), [
    (["By David Brand and Ramsey Khalifeh"], ["David Brand", "Ramsey Khalifeh"]),
    (["Von Hans Müller und Eva Roth"], ["Hans Müller", "Eva Roth"]),
    (["Jane Doe, John Roe; Kim Lee"], ["Jane Doe", "John Roe", "Kim Lee"]),
    (["Jane Doe (jane.doe@example.org)"], ["Jane Doe"]),
    (["Jane Doe - Senior Editor"], ["Jane Doe"]),
    (["https://www.facebook.com/janedoe", "Jane Doe"], ["Jane Doe"]),
    (["Jane Doe", "jane doe", "By Jane Doe"], ["Jane Doe"]),
    (["user_42"], ["user_42"]),
    (["", "   ", "—"], []),
    (["Richard David Precht im Gespräch mit Karin Fischer"], ["Richard David Precht", "Karin Fischer"]),
    (["Jane Doe in conversation with John Roe"], ["Jane Doe", "John Roe"]),
    (["STAFF AND NEWS SERVICE REPORTS"], ["STAFF AND NEWS SERVICE REPORTS"]),
    (["By Staff and wire reports"], ["Staff and wire reports"]),
    (["Published by"], []),
    (["Cookely Theme by WPZOOM"], []),
])
def test_clean_authors(values, expected):
    assert clean_authors(values) == expected


def test_excluded_names_are_dropped():
    assert clean_authors(["Example News", "Ana Ruiz"], exclude=("example news",)) == ["Ana Ruiz"]


def test_sentences_are_not_names():
    assert clean_authors(["This is a long sentence that somebody put in the author field of the page"]) == []
