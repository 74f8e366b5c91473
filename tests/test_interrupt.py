"""SIGINT and SIGTERM, to `accord run` alone or to its process group, mid-crawl or mid-parse:
the run stops within seconds, commits nothing to the lake, leaves no process behind and says
so in one line; exit status 128 + the signal's number."""
from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from accord.warehouse.lake import committed_runs
from tests.scrape.conftest import Site, respond

ACCORD = Path(sys.executable).with_name("accord")
ARTICLE = ("<html><head><title>Talks {n}</title></head><body><article><h1>Talks {n}</h1>"
           "<p>“We will keep talking,” the minister said on Monday.</p></article></body></html>")


def a_long_article(n: int) -> str:
    """A thousand sentences with quotes and speakers: a real parse of a second or two."""
    lines = [f"Summit report {n}", ""]
    for i in range(1000):
        lines.append(f"“Talks on tariffs must go on, round {i},” Olaf Scholz said. Emmanuel Macron "
                     f"told reporters the European Union disagreed with Germany on item {i}.")
    return "\n".join(lines)


def session_of(pid: int) -> int | None:
    try:
        return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[3])
    except (FileNotFoundError, ProcessLookupError, IndexError):
        return None


def alive_in(sessions: set[int]) -> list[str]:
    """Every live (not zombie) process whose session is one of `sessions`."""
    found = []
    for process in psutil.process_iter(["pid", "status", "cmdline"]):
        if process.info["status"] != psutil.STATUS_ZOMBIE and session_of(process.info["pid"]) in sessions:
            found.append(f"{process.info['pid']}: {' '.join(process.info['cmdline'] or [])[:120]}")
    return found


@contextlib.contextmanager
def accord_run(tmp_path: Path, source: str):
    # a loaded machine may take more than the default 20 s to start Prefect's temporary server
    env = {**os.environ, "PREFECT_HOME": str(tmp_path / "prefect"),
           "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120"}
    env.pop("PREFECT_API_URL", None)
    run = subprocess.Popen([str(ACCORD), "run", "--source", source, "--data-dir", str(tmp_path / "data")],
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env,
                           start_new_session=True)
    try:
        yield run
    finally:  # a failed test leaves nothing running either
        for process in [*descendants(run), psutil.Process(run.pid)] if run.poll() is None else descendants(run):
            with contextlib.suppress(psutil.Error):
                process.kill()
        run.wait()


def wait_until(run: subprocess.Popen, ready, what: str, limit: float = 180) -> None:
    deadline = time.monotonic() + limit
    while not ready():
        assert run.poll() is None, f"the run ended before {what}:\n{run.stdout.read()}"
        assert time.monotonic() < deadline, f"no {what} after {limit} s"
        time.sleep(0.1)


def descendants(run: subprocess.Popen) -> list[psutil.Process]:
    try:
        return psutil.Process(run.pid).children(recursive=True)
    except psutil.NoSuchProcess:
        return []


def command_line(process: psutil.Process) -> str:
    try:
        return " ".join(process.cmdline())
    except psutil.Error:  # it ended meanwhile
        return ""


def interrupt_and_check(run: subprocess.Popen, data_dir: Path, signum: int, to_group: bool) -> None:
    started = descendants(run)
    assert started, "the run's processes are up"
    sessions = {run.pid} | {s for s in (session_of(p.pid) for p in started) if s is not None}
    sent = time.monotonic()
    (os.killpg if to_group else os.kill)(run.pid, signum)
    output, _ = run.communicate(timeout=60)
    took = time.monotonic() - sent
    assert run.returncode == 128 + signum, output
    assert took < 20, f"{took:.1f} s to stop"
    assert not alive_in(sessions), alive_in(sessions)
    assert not [p for p in started if p.is_running() and p.status() != psutil.STATUS_ZOMBIE]
    assert committed_runs(data_dir) == [], "nothing of the interrupted run is committed"
    assert not (data_dir / "warehouse.duckdb").exists()
    tail = output[output.rindex("accord: interrupted"):] if "accord: interrupted" in output else output
    assert tail.strip() == ("accord: interrupted: nothing of this run was committed; "
                            "archived pages will be parsed by the next run"), output
    assert "Traceback" not in output, output


@pytest.mark.slow
@pytest.mark.parametrize(("signum", "to_group"), [(signal.SIGINT, True), (signal.SIGTERM, False)],
                         ids=["SIGINT to the group", "SIGTERM to the process"])
def test_a_signal_mid_crawl_stops_the_run(tmp_path, signum, to_group):
    site = Site()
    site.thread.start()
    try:
        paths = [f"/news/{n}.html" for n in range(60)]
        for n, path in enumerate(paths):
            site.page(path, ARTICLE.format(n=n))
        urls = "".join(f"<url><loc>{site.url}{path}</loc></url>" for path in paths)
        sitemap = f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'
        site.route("/sitemap.xml", lambda h: respond(h, 200, sitemap.encode(), "application/xml"))
        with accord_run(tmp_path, f"{site.url}/sitemap.xml") as run:
            wait_until(run, lambda: len([p for p in site.paths(200) if p.startswith("/news/")]) >= 3,
                       "pages fetched")
            interrupt_and_check(run, tmp_path / "data", signum, to_group)
    finally:
        site.close()


@pytest.mark.slow
@pytest.mark.parametrize(("signum", "to_group"), [(signal.SIGINT, False), (signal.SIGTERM, True)],
                         ids=["SIGINT to the process", "SIGTERM to the group"])
def test_a_signal_mid_parse_stops_the_run_and_its_parse_workers(tmp_path, signum, to_group):
    folder = tmp_path / "articles"
    folder.mkdir()
    for n in range(20):
        (folder / f"summit-{n:02}.txt").write_text(a_long_article(n), encoding="utf-8")
    with accord_run(tmp_path, str(folder)) as run:
        wait_until(run, lambda: any("accord.parse_workers" in command_line(p) for p in descendants(run)),
                   "parse workers")
        time.sleep(1)  # well into the parse
        interrupt_and_check(run, tmp_path / "data", signum, to_group)
