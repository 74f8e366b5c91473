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
