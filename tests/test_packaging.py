"""The wheel, installed outside the checkout, runs on its own: one import package (accord), with
sql/, config/ and the sample site inside it."""
from __future__ import annotations

import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """A fresh venv holding the wheel (no deps); the dependencies are this interpreter's, reached
    through a .pth line, so the test needs no index and no download."""
    work = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "-q", "-w", str(work / "dist")],
                   check=True, timeout=600)
    (wheel,) = (work / "dist").glob("accord-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert {n.split("/")[0] for n in names} == {"accord", wheel.name.split("-py3")[0] + ".dist-info"}, names
    target = work / "venv"
    venv.create(target, with_pip=False)
    bin_dir = target / "bin"
    site = Path(subprocess.run([str(bin_dir / "python"), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                               capture_output=True, text=True, check=True).stdout.strip())
    # every site-packages folder this interpreter reads (its own, and those its .pth files add;
    # a .venv inside the checkout too): a folder added this way has its modules read but not
    # its .pth files, so the checkout's editable install does not come along
    deps = {p for p in sys.path if Path(p).name == "site-packages"}
    (site / "zz_accord_deps.pth").write_text("\n".join(sorted(deps)) + "\n")
    subprocess.run([sys.executable, "-m", "pip", "--python", str(bin_dir / "python"), "install", "--no-deps", "-q",
                    str(wheel)], check=True, timeout=600)
    return bin_dir


def accord(bin_dir: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ACCORD_", "PREFECT_API_URL", "PYTHONPATH"))}
    env["PREFECT_HOME"] = str(cwd / "prefect")
    done = subprocess.run([str(bin_dir / "accord"), *args], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=900)
    assert done.returncode == 0, done.stdout + done.stderr
    return done


@pytest.mark.slow
def test_the_installed_wheel_runs_queries_and_reports_on_the_sample_site(installed, tmp_path):
    located = subprocess.run([str(installed / "python"), "-c",
                              "import accord.settings as s, accord.flows, accord.transforms; "
                              "print(s.__file__); print(s.SQL_DIR); print(s.config_dir()); print(s.SAMPLE_SITE_DIR)"],
                             cwd=tmp_path, capture_output=True, text=True, check=True).stdout.split()
    for path in located:
        assert not Path(path).is_relative_to(ROOT) and Path(path).is_relative_to(installed.parent), located
    data = tmp_path / "data"
    accord(installed, tmp_path, "run", "--data-dir", str(data))
    counted = accord(installed, tmp_path, "query", "select count(*) from articles", "--data-dir", str(data),
                     "--format", "csv")
    assert int(counted.stdout.split()[-1]) >= 8
    accord(installed, tmp_path, "report", "--data-dir", str(data), "--out", str(tmp_path / "report.html"))
    assert "North Korea" in (tmp_path / "report.html").read_text(encoding="utf-8")
