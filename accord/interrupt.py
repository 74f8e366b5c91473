"""SIGINT, SIGTERM or SIGHUP stop `accord run`, `backfill` and `reprocess` at once, commit nothing
more to the lake and leave no process behind.

Left to Python and Prefect, a signal went wrong three ways: Ctrl-C reaches the whole process
group, so Prefect's temporary server died while the flow went on parsing, committed the lake
and retried the dead server for minutes; SIGINT to the flow's process alone was ignored; and
SIGTERM ended it at once, leaving the server running with no parent.

So these commands run as two processes. This one, the supervisor, starts the command again in a
child process with a session of its own (the child's Prefect server, parse workers and Dask
threads live there too) and waits. On a signal it kills the child first: a lake commit is one
rename (warehouse/lake.py), so the run is committed or not, never half, and a killed child
commits nothing more. Then it stops what is left of the child's process group, reaps it (it is
the subreaper of its descendants, so none is orphaned), says in one line what the lake kept and
exits with 128 + the signal's number. Ctrl-C on a terminal reaches the supervisor only: the
child's session has no terminal.
"""
from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time

COMMANDS = ("run", "backfill", "reprocess")
SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
_CHILD = "ACCORD_SUPERVISED"
_WHAT_NEXT = {
    "run": "archived pages will be parsed by the next run",
    "backfill": "the next backfill does the days it lacks",
    "reprocess": "the warehouse is as it was",
}


def supervised() -> bool:
    """True in the child a supervisor started, which runs the command itself."""
    return os.environ.pop(_CHILD, None) == "1"


def supervise(command: str, argv: list[str], data_dir: str | None) -> int:
    """`accord <argv>` in a child process; its exit status, or 128 + the number of the signal
    that stopped it."""
    before = _commits(data_dir)
    _become_subreaper()
    received: list[int] = []
    child: subprocess.Popen | None = None

    def stop(signum: int, frame) -> None:
        received.append(signum)
        if child is not None:
            _kill(child.pid, signal.SIGKILL)

    # a signal ignored on purpose (nohup, a shell's background job) stays ignored
    previous = {signum: signal.signal(signum, stop) for signum in SIGNALS
                if signal.getsignal(signum) != signal.SIG_IGN}
    try:
        # -P: import Accord from where this process did, never from the working directory
        child = subprocess.Popen([sys.executable, "-P", "-m", "accord.cli", *argv],
                                 env={**os.environ, _CHILD: "1"}, start_new_session=True)
        if received:  # before `child` was set
            _kill(child.pid, signal.SIGKILL)
        status = child.wait()
        end_group(child.pid)
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
    if not received:
        return status if status >= 0 else 128 - status
    kept = sorted(_commits(data_dir) - before)
    print(f"accord: interrupted: {what_was_kept(command, kept)}", file=sys.stderr, flush=True)
    return 128 + received[0]


def _commits(data_dir: str | None) -> set[str]:
    """The runs committed to the lake. Empty where the data directory cannot be read: the child
    says why (accord/preflight.py), and no run of it can commit there."""
    from accord.storage import resolve
    from accord.warehouse.lake import committed_runs

    try:
        return set(committed_runs(resolve(data_dir).local))
    except Exception:
        return set()


def what_was_kept(command: str, kept: list[str]) -> str:
    if not kept:
        return f"nothing of this {command} was committed; {_WHAT_NEXT[command]}"
    return (f"the lake keeps what this {command} committed before the signal (run "
            f"{', '.join(kept)}); nothing more was committed")


def end_group(group: int, grace: float = 3.0) -> None:
    """Every process left in `group`: asked to stop (SIGTERM: Prefect's server closes its
    database), killed when still there after `grace` seconds, and reaped."""
    if not _kill(group, signal.SIGTERM, group=True):
        return
    deadline = time.monotonic() + grace
    while _alive(group) and time.monotonic() < deadline:
        time.sleep(0.05)
    _kill(group, signal.SIGKILL, group=True)
    deadline = time.monotonic() + grace
    while _alive(group) and time.monotonic() < deadline:
        time.sleep(0.05)


def _alive(group: int) -> bool:
    """Reaps what has ended, then whether anything of the group is left."""
    with contextlib.suppress(ChildProcessError):
        while os.waitpid(-1, os.WNOHANG)[0]:
            pass
    return _kill(group, 0, group=True)


def _kill(pid: int, signum: int, group: bool = False) -> bool:
    """False when there is no such process (or group) left."""
    try:
        (os.killpg if group else os.kill)(pid, signum)
    except ProcessLookupError:
        return False
    return True


def _become_subreaper() -> None:
    """The child's processes outlive it for a moment when it is killed; as their subreaper this
    process, not init, inherits and reaps them."""
    if sys.platform.startswith("linux"):
        import ctypes

        pr_set_child_subreaper = 36
        ctypes.CDLL(None, use_errno=True).prctl(pr_set_child_subreaper, 1)
