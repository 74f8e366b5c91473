"""The report in a real browser: headless Chromium renders it, runs its script, and shows the
planted North Korea agreement and Syria disagreement between Russia and the United States.

CI installs Chromium with scripts/install-chromium.sh; without it these tests skip.
"""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from accord.report import anchor, write_report
from accord.warehouse import build
from tests.accord.test_report import LAVROV, TILLERSON, cells_of, write_planted_lake

pytestmark = pytest.mark.slow

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def chromium() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        pytest.skip("chromium is not installed (scripts/install-chromium.sh installs it)")
    return path


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    data_dir = tmp_path_factory.mktemp("planted")
    write_planted_lake(data_dir)
    return write_report(build.build(data_dir), data_dir / "report.html")


def browse(chromium: str, profile: Path, url: str, *extra: str) -> str:
    result = subprocess.run([chromium, *FLAGS, f"--user-data-dir={profile}", *extra, url],
                            capture_output=True, text=True, timeout=120, check=True)
    return result.stdout


def test_the_rendered_page_shows_agreement_on_north_korea_and_disagreement_on_syria(chromium, report, tmp_path):
    dom = browse(chromium, tmp_path / "profile", report.as_uri(), "--dump-dom")
    cells = cells_of(dom)
    assert cells["North Korea", "country", "Russia", "United States"]["score"] > 0
    assert cells["Syria", "country", "Russia", "United States"]["score"] < 0
    assert cells["North Korea", "person", TILLERSON, LAVROV]["text"] == "+1.00"
    assert cells["Syria", "person", TILLERSON, LAVROV]["text"].startswith("\u2212")
    assert "they disagree" in cells["Syria", "country", "Russia", "United States"]["title"]


def test_opening_a_cell_s_link_marks_the_cell_and_its_evidence(chromium, report, tmp_path):
    target = anchor("Syria", "country", "Russia", "United States")
    dom = browse(chromium, tmp_path / "profile", f"{report.as_uri()}#{target}", "--dump-dom")
    selected = re.search(rf'<section class="evidence selected" id="{target}".*?</section>', dom, re.S)
    assert selected, "the script did not mark the evidence of the linked cell"
    assert "but disagreed on Syria" in selected.group(0)  # the stated relation behind the cell
    # the cell appears twice in the symmetric heatmap, and both are marked
    assert len(re.findall(rf'<td class="cell selected"[^>]*><a href="#{target}"', dom)) == 2


def test_a_screenshot_of_the_page(chromium, report, tmp_path):
    shot = tmp_path / "report.png"
    browse(chromium, tmp_path / "profile", report.as_uri(), f"--screenshot={shot}", "--window-size=1280,2000")
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000
