import pytest

from accord.transforms.page.language import detect_language, primary_language


@pytest.mark.parametrize(("text", "lang"), [
    ("The minister said on Monday that the talks with the unions would go on for another week, and "
     "that the government was ready to meet them at the table.", "en"),
    ("Der Minister sagte am Montag, dass die Gespräche mit den Gewerkschaften noch eine Woche weitergehen "
     "würden und die Regierung zu einem Treffen bereit sei.", "de"),
    ("Le ministre a déclaré lundi que les discussions avec les syndicats se poursuivraient pendant une "
     "semaine et que le gouvernement était prêt à les rencontrer.", "fr"),
    ("El ministro dijo el lunes que las conversaciones con los sindicatos seguirán una semana más y que "
     "el gobierno está dispuesto a reunirse con ellos.", "es"),
    ("O ministro disse na segunda-feira que as conversas com os sindicatos vão continuar por mais uma "
     "semana e que o governo está pronto para se reunir com eles.", "pt"),
])
def test_news_prose_is_told_apart(text, lang):
    assert detect_language(text) == lang


def test_too_little_text_names_no_language():
    assert detect_language("Breaking news") is None


def test_declared_codes_keep_their_primary_part():
    assert [primary_language(x) for x in ("en-US", "de_DE", "FR", None)] == ["en", "de", "fr", None]
