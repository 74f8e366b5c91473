from __future__ import annotations

import pytest

from accord.transforms.page.meta_authors import clean_authors


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
    # a column, a place, an outlet or a photographer is no author
    (["Letters To The Editor"], []),
    (["By Jane Doe, Munich, Germany"], ["Jane Doe"]),
    (["Jane Doe, Reuters"], ["Jane Doe"]),
    (["Photo: Jane Doe"], []),
    (["Foto: dpa"], []),
    (["Olga Symbolbild imago"], ["Olga"]),
    # the names end where a date or a publication stamp begins
    (["Ramsey Khalifeh Published Nov 18, 2019"], ["Ramsey Khalifeh"]),
    (["By Jane Doe Updated Mar 3, 2020 at 5:00 pm"], ["Jane Doe"]),
    (["Malcolm Owen Monday, November 18, 2019"], ["Malcolm Owen"]),
    (["Julia Steinhoff / Oktober 2021"], ["Julia Steinhoff"]),
    (["Rachael Link, MS, RD on November 18, 2019"], ["Rachael Link"]),
    # a handle, a job beside the name
    (["Eric Levitz @EricLevitz"], ["Eric Levitz"]),
    (["@macuser"], ["macuser"]),
    (["Mathilda Trausch, Online-Redaktion"], ["Mathilda Trausch"]),
    (["Staff Writer"], ["Staff Writer"]),
    (["By ROBERT BURNS, AP National Security Writer"], ["ROBERT BURNS"]),
    (["Sort by Relevance Title Date"], []),
    (["R. R."], ["R. R."]),
    (["Submitted by Jane Doe on Fri, 05/03/2019 - 10:15"], ["Jane Doe"]),
    # where the author writes from
    (["Jana Kraus aus Berlin"], ["Jana Kraus"]),
    (["By Jane Doe from Washington"], ["Jane Doe"]),
    # German labels for all genders, and credits for text and pictures
    (["Autor*in: Jana Kraus"], ["Jana Kraus"]),
    (["Autor:in: Jana Kraus"], ["Jana Kraus"]),
    (["Verfasserin: Jana Kraus"], ["Jana Kraus"]),
    (["Text & Fotos: Jana Kraus"], ["Jana Kraus"]),
    (["Text und Bild: Jana Kraus"], ["Jana Kraus"]),
    (["Autor:innen"], []),
    # a news agency credited beside the reporters is their source; alone it is the byline
    (["By MEG KINNARD and ERRIN HAINES, Associated Press"], ["MEG KINNARD", "ERRIN HAINES"]),
    (["Jane Doe", "Reuters"], ["Jane Doe"]),
    (["Associated Press"], ["Associated Press"]),
    # a label alone, colon and all
    (["Artikel von:"], []),
    # labels and prefixes in other languages
    (["Autor:innen: Jana Kraus und Tim Vogt"], ["Jana Kraus", "Tim Vogt"]),
    (["Par Jean Dupont et Marie Curie"], ["Jean Dupont", "Marie Curie"]),
    (["Por Ana Ruiz y Luis Gómez"], ["Ana Ruiz", "Luis Gómez"]),
    (["Ein Gastbeitrag von Jane Doe"], ["Jane Doe"]),
    (["Ein Kommentar von Jane Doe"], ["Jane Doe"]),
    (["A guest post by Jane Doe"], ["Jane Doe"]),
    (["Redacción: Ana Ruiz"], ["Ana Ruiz"]),
    (["Texto: Ana Ruiz"], ["Ana Ruiz"]),
    (["Gastautorin: Eva Roth"], ["Eva Roth"]),
    # an outlet after a comma, named with its article
    (["By Jane Doe and John Roe, The Daily Example"], ["Jane Doe", "John Roe"]),
    (["Ana Ruiz, El Diario"], ["Ana Ruiz"]),
    # "and" in more languages, split only where it is a word of its own, never an initial
    (["Di Mario Rossi e Luigi Bianchi"], ["Mario Rossi", "Luigi Bianchi"]),
    (["Av Kari Nordmann og Ola Nordmann"], ["Kari Nordmann", "Ola Nordmann"]),
    (["Jane Y. Doe"], ["Jane Y. Doe"]),
    (["By Jane E. Doe and John Roe"], ["Jane E. Doe", "John Roe"]),
    # a handle glued to the name, furniture after it, a place or section after "in", a second labelled field
    (["Eric Levitz@EricLevitz"], ["Eric Levitz"]),
    (["Inga Hoeltmann Follow Transformationsbegleiterin"], ["Inga Hoeltmann"]),
    (["Jane Doe View all posts"], ["Jane Doe"]),
    (["By Jane Doe in Munich"], ["Jane Doe"]),
    (["Posted by jane in News, Politics"], ["jane"]),
    (["Jane Doe in Conversation with John Roe"], ["Jane Doe", "John Roe"]),
    (["Barbara Russ / Kategorien: Events"], ["Barbara Russ"]),
    (["Text: Jane Doe, Fotos: John Roe"], ["Jane Doe"]),
    (["Jane Doe | Tags: Politik, Wahl"], ["Jane Doe"]),
    # what the author is, after a comma in lower case or as a job in other languages; an agency after the name
    (["Par Jean Dupont, envoyé spécial à Kiev"], ["Jean Dupont"]),
    (["Por Ana Ruiz, corresponsal en Bogotá"], ["Ana Ruiz"]),
    (["Marie Curie journaliste"], ["Marie Curie"]),
    (["jane, tom"], ["jane", "tom"]),
    (["By JOHN DOE and JANE ROE Associated Press"], ["JOHN DOE", "JANE ROE"]),
    # a wire story's credits: its reporters, not its editors
    (["Reporting by Jane Doe; Editing by John Roe"], ["Jane Doe"]),
    (["Reporting by Jane Doe and Kim Lee; Additional reporting by Tom Reed; Editing by John Roe"],
     ["Jane Doe", "Kim Lee"]),
    # a button beside the name is none
    (["Tweet"], []),
    (["Anmelden"], []),
    (["Sign in"], []),
    (["E-Mail", "Jane Doe"], ["Jane Doe"]),
    # prose in Italian or Portuguese is no name
    (["Siamo un negozio di memorabilia"], []),
    (["Ofertas com desconto"], []),
    # an aside in brackets, whatever commas it holds
    (["Jane Doe (dpa, AFP)"], ["Jane Doe"]),
    # a full stop ends the names; an initial's or a title's does not
    (["Finian Cunningham. Sputnik International"], ["Finian Cunningham"]),
    (["By Jane Doe. Updated 3 May"], ["Jane Doe"]),
    (["Prof. Dr. Jane Doe"], ["Prof. Dr. Jane Doe"]),
    (["Jane Doe Jr. and John Roe"], ["Jane Doe Jr.", "John Roe"]),
    # a word cut short in a line of furniture ("ca. 8 Min.") is no name
    (["ca. 8 Min."], []),
    # an author's bio in a byline box
    (["Alles über Lautsprecher, Heimkino und HiFi-Trends. Zudem haben wir jede Menge Tipps für zu Hause."], []),
])
def test_clean_authors(values, expected):
    assert clean_authors(values) == expected


def test_excluded_names_are_dropped():
    assert clean_authors(["Example News", "Ana Ruiz"], exclude=("example news",)) == ["Ana Ruiz"]


def test_sentences_are_not_names():
    assert clean_authors(["This is a long sentence that somebody put in the author field of the page"]) == []
