"""Mistakes in arguments, paths and config files: found before any flow (or Prefect's server)
starts, each on one line naming the file and line, exit status 2, in about a second."""
from __future__ import annotations

import ctypes
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from accord import preflight, settings

ACCORD = Path(sys.executable).with_name("accord")
PR_CAPBSET_DROP, CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH = 24, 1, 2


def without_root_file_access() -> None:
    """In the child before exec: root keeps its uid but obeys file modes, as any user does
    (the capabilities to override them leave the bounding set, so exec does not grant them)."""
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH):
        if libc.prctl(PR_CAPBSET_DROP, capability, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "cannot drop a capability")


def accord(*args: str, config: Path | None = None, as_any_user: bool = False,
           **variables: str) -> subprocess.CompletedProcess:
    env = {**os.environ, **variables}
    env.pop("PREFECT_API_URL", None)
    if config is not None:
        env["ACCORD_CONFIG_DIR"] = str(config)
    # 60 s only guards against a hang: a refusal takes well under a second, a started flow minutes
    return subprocess.run([str(ACCORD), *args], capture_output=True, text=True, env=env, timeout=60,
                          stdin=subprocess.DEVNULL,
                          preexec_fn=without_root_file_access if as_any_user and os.geteuid() == 0 else None)


def refused(done: subprocess.CompletedProcess) -> str:
    """The one line of a refusal, once it is sure that nothing else ran."""
    assert done.returncode == 2, done.stdout + done.stderr
    assert done.stdout == "", "nothing ran"
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    assert "Traceback" not in done.stderr and "prefect" not in done.stderr.lower()
    return lines[0]


@pytest.fixture
def config(tmp_path) -> Path:
    """A copy of the repository's config folder, for a test to break."""
    folder = tmp_path / "config"
    shutil.copytree(settings.PROJECT_ROOT / "config", folder)
    return folder


def line_of(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text().splitlines(), 1) if text in line)


def test_a_missing_source_path_is_named(tmp_path):
    line = refused(accord("run", "--source", str(tmp_path / "no-such-folder"), "--data-dir", str(tmp_path / "d")))
    assert line == f"accord run: --source {tmp_path / 'no-such-folder'}: no such file or folder"
    assert not (tmp_path / "d").exists(), "refused before anything was made"


def test_a_data_dir_that_is_a_file_is_refused(tmp_path):
    (tmp_path / "data").write_text("not a folder")
    line = refused(accord("run", "--data-dir", str(tmp_path / "data")))
    assert line == f"accord run: --data-dir {tmp_path / 'data'} is a file, not a folder"
    line = refused(accord("reprocess", "--data-dir", str(tmp_path / "data" / "sub")))
    assert f"{tmp_path / 'data'}, which is a file" in line


def test_a_data_dir_holding_a_file_where_the_lake_goes_is_refused(tmp_path):
    (tmp_path / "lake").write_text("")
    line = refused(accord("run", "--data-dir", str(tmp_path)))
    assert line == f"accord run: --data-dir {tmp_path}: {tmp_path / 'lake'} is a file, not a folder"


def test_a_read_only_data_dir_is_refused(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    data.chmod(0o555)
    try:
        line = refused(accord("run", "--data-dir", str(data), as_any_user=True))
    finally:
        data.chmod(0o755)
    assert line == f"accord run: --data-dir {data} is not writable: Permission denied"


def test_an_until_before_since_is_refused(tmp_path):
    line = refused(accord("backfill", "--since", "2024-02-01", "--until", "2024-01-31",
                          "--data-dir", str(tmp_path)))
    assert line == "accord backfill: --until 2024-01-31 is before --since 2024-02-01: the range would hold no day"


def test_a_parse_deadline_that_is_no_number_is_refused(tmp_path):
    line = refused(accord("reprocess", "--data-dir", str(tmp_path), ACCORD_PARSE_DEADLINE="10s"))
    assert line == ("accord reprocess: ACCORD_PARSE_DEADLINE must be a finite number of seconds above 0, "
                    "not '10s'")


def test_broken_toml_is_named_with_its_line(tmp_path, config):
    topics = config / "topics.toml"
    text = topics.read_text().replace('name = "Iraq"', 'name = "Iraq', 1)
    topics.write_text(text)
    broken = line_of(topics, 'name = "Iraq')
    line = refused(accord("run", "--data-dir", str(tmp_path / "d"), config=config))
    assert line.startswith(f"accord run: {topics}:{broken}: invalid TOML: "), line


def test_a_topic_pattern_that_is_no_regular_expression_is_named_with_its_line(tmp_path, config):
    topics = config / "topics.toml"
    topics.write_text(topics.read_text() + '\n[[topics]]\nname = "Tariffs"\npatterns = ["tariff(s"]\n')
    line = refused(accord("reprocess", "--data-dir", str(tmp_path / "d"), config=config))
    assert line.startswith(f"accord reprocess: {topics}:{line_of(topics, 'tariff(s')}: [[topics]] #41: "
                           f"patterns 'tariff(s' is not a valid regular expression"), line


def test_a_broken_sources_file_is_named_with_its_line(tmp_path, config):
    sources = config / "sources.toml"
    sources.write_text(sources.read_text().replace("rate = 20", "rate = -20", 1))
    broken = line_of(sources, "rate = -20")
    line = refused(accord("run", "--data-dir", str(tmp_path / "d"), config=config))
    assert line.startswith(f"accord run: {sources}:{broken}: rate must be a positive number"), line


def test_the_repository_config_passes():
    for schema in preflight.SCHEMAS:
        assert preflight.config_problems(schema) == [], schema.file
    preflight.knowledge()


@pytest.mark.parametrize(("addition", "expected"), [
    ('\n[[speakers]]\nname = "Ann Lee"\nkind = "persn"\n', "[[speakers]] #58: kind must be one of"),
    ('\n[[speakers]]\nrole = "Senator"\n', "[[speakers]] #58 needs name"),
    ('\n[[speakers]]\nname = "Ann Lee"\nalias = ["Lee"]\n', "[[speakers]] #58: unknown key 'alias'"),
    ('\n[[speakers]]\nname = "Rex Tillerson"\n', "[[speakers]] #58: name 'Rex Tillerson' is already used at line"),
])
def test_speaker_mistakes_are_named_with_their_entry(config, monkeypatch, addition, expected):
    monkeypatch.setenv("ACCORD_CONFIG_DIR", str(config))
    speakers = config / "speakers.toml"
    speakers.write_text(speakers.read_text() + addition)
    problems = preflight.config_problems(preflight.SCHEMAS[0])
    assert len(problems) == 1 and problems[0].startswith(f"{speakers}:")
    assert expected in problems[0], problems


def test_a_config_file_read_inside_a_run_names_its_file_and_line(config, monkeypatch):
    """What a parse worker meets if the file breaks after the checks: still the file and line."""
    monkeypatch.setenv("ACCORD_CONFIG_DIR", str(config))
    (config / "places.toml").write_text('places = ["Ohio"]\ncapitals = { Paris = }\n')
    with pytest.raises(settings.ConfigError, match=rf"^{config / 'places.toml'}:2: invalid TOML: "):
        settings.place_entries()
