"""The evaluation gate: extraction quality may not fall below the levels already reached."""
from __future__ import annotations

import pytest

from accord import evaluate


@pytest.mark.slow
def test_no_figure_regresses_below_the_recorded_levels(shared):
    levels = evaluate.read_levels()
    if not levels:
        pytest.skip(f"no levels recorded yet in {evaluate.LEVELS_FILE}")
    figures = evaluate.evaluate(shared)
    print(evaluate.render(figures, levels))
    assert evaluate.regressions(figures, levels) == []


def test_article_halves_keep_each_site_whole():
    """Every page of a site, archived or not, with or without www., falls in the same half."""
    same_site = ["https://www.example.org/a", "http://example.org/2020/01/02/b?x=1",
                 "https://web.archive.org/web/20200101000000/https://www.example.org/c"]
    assert len({evaluate.article_half(url) for url in same_site}) == 1
    hosts = [f"https://site{i}.example/{i}" for i in range(40)]
    assert {evaluate.article_half(url) for url in hosts} == {"A", "B"}
