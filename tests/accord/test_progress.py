"""Progress: a tqdm bar on a terminal, a few key=value log lines elsewhere."""
from __future__ import annotations

from accord.progress import Progress


def test_without_a_terminal_about_ten_lines_are_logged_and_the_last_is_complete():
    lines: list[str] = []
    with Progress("parse", 1000, "page", lines.append, tty=False) as progress:
        for _ in range(100):
            progress.update(10)
    assert 10 <= len(lines) <= 12
    assert lines[-1] == "progress stage=parse done=1000 total=1000 unit=page"


def test_extra_fields_are_logged_as_key_value_pairs():
    lines: list[str] = []
    Progress("backfill", 2, "day", lines.append, tty=False).update(1, day="2024-01-01", pages=5)
    assert lines == ["progress stage=backfill done=1 total=2 unit=day day=2024-01-01 pages=5"]


def test_on_a_terminal_a_bar_is_drawn_instead_of_log_lines(capsys):
    lines: list[str] = []
    with Progress("parse", 3, "page", lines.append, tty=True) as progress:
        progress.update(3)
    assert lines == [] and "3/3" in capsys.readouterr().err
