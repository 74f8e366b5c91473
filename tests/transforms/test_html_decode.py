from __future__ import annotations

import codecs

from accord.transforms.page.html_decode import decode_html

TEXT = "<html><head>{meta}</head><body><p>Grüße – „Straße“ für 5 €</p></body></html>"


def test_utf8_wins_over_a_wrong_declaration():
    data = TEXT.format(meta='<meta charset="iso-8859-1">').encode("utf-8")
    assert "Grüße – „Straße“ für 5 €" in decode_html(data, "text/html; charset=iso-8859-1")


def test_declared_single_byte_charset_is_used():
    data = TEXT.format(meta='<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">').encode("cp1252")
    assert "Grüße – „Straße“ für 5 €" in decode_html(data)


def test_latin1_label_reads_as_windows_1252():
    data = TEXT.format(meta="").encode("cp1252")
    assert "„Straße“" in decode_html(data, "text/html; charset=ISO-8859-1")


def test_wrong_utf8_declaration_on_legacy_bytes_is_guessed():
    data = (TEXT.format(meta='<meta charset="utf-8">') * 20).encode("cp1252")
    assert "Grüße" in decode_html(data, "text/html; charset=utf-8")


def test_boms():
    for encoding, bom in (("utf-16-le", codecs.BOM_UTF16_LE), ("utf-8", codecs.BOM_UTF8)):
        data = bom + TEXT.format(meta="").encode(encoding)
        assert decode_html(data).startswith("<html>")
