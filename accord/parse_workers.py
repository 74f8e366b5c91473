"""Parsing in worker processes, every page under a deadline.

Parsing is pure Python, so threads share one core; and a rule that backtracks can run for hours
inside a single call to the regex engine, which neither an exception raised into its thread nor a
signal interrupts. A process can always be killed. So pages are parsed in worker processes, as
many as the machine has cores, one page at a time each: a page still parsing when its deadline
passes costs its worker (killed and replaced) and one `failed` row in parse_log, never the run.

One pool per process, made on first use and shared by every parse task running in it (the
thread runner's, or a Dask worker's). Its manager thread starts the workers, hands each idle one
the next page, watches the deadlines and replaces workers that die; a caller waits for its own
pages only. A worker dies with the manager thread (PR_SET_PDEATHSIG), so even a killed parent
leaves no worker parsing on.
"""
from __future__ import annotations

import atexit
import contextlib
import os
import signal
import subprocess
import sys
import threading
import time
from collections import deque
from concurrent.futures import Future
from dataclasses import dataclass, field
from datetime import UTC, datetime
from multiprocessing.connection import Connection, wait

from accord import settings
from accord.parse_pages import ParsedBatch, failed_page, knowledge, parse_page
from accord.scrape.pages import Page


class ParseWorkersFailed(RuntimeError):
    """The worker processes cannot start (a broken config file, a missing module)."""


def usable_cpus() -> int:
    counter = getattr(os, "process_cpu_count", None)  # Python 3.13+: the CPUs this process may use
    if counter is not None:
        return counter() or 1
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def default_processes() -> int:
    """Every core, or, on a Dask worker, one process per thread of that worker: a machine
    running several Dask workers would otherwise start cores × workers processes."""
    if "distributed" in sys.modules:
        from distributed import get_worker

        with contextlib.suppress(ValueError):
            return get_worker().state.nthreads
    return usable_cpus()


def parse_in_workers(pages: list[Page], run_id: str, deadline: float | None = None) -> ParsedBatch:
    """The same batch parse_pages gives, parsed by this process's worker pool; a page past
    `deadline` seconds (default: settings.parse_deadline()) is a failed page."""
    return shared_pool().parse(pages, run_id, settings.parse_deadline() if deadline is None else deadline)


@dataclass(eq=False)
class _Job:
    page: Page
    run_id: str
    deadline: float
    done: Future = field(default_factory=Future)
    started: float = 0.0  # time.monotonic() when a worker took it
    started_at: datetime | None = None


class _Worker:
    def __init__(self) -> None:
        to_worker, inbox = os.pipe()
        outbox, from_worker = os.pipe()
        try:
            self.process = subprocess.Popen(
                [sys.executable, "-P", "-c", "import sys; from accord.parse_workers import serve; serve(sys.argv[1:])",
                 str(to_worker), str(from_worker), str(os.getpid())],
                pass_fds=(to_worker, from_worker), stdin=subprocess.DEVNULL)
        finally:
            os.close(to_worker)
            os.close(from_worker)
        self.inbox = Connection(inbox, readable=False)
        self.outbox = Connection(outbox, writable=False)
        self.ready = False
        self.job: _Job | None = None

    def stop(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            self.process.kill()
        self.process.wait()
        self.inbox.close()
        self.outbox.close()

    def how_it_ended(self) -> str:
        code = self.process.wait()
        return f"killed by {signal.Signals(-code).name}" if code < 0 else f"exit code {code}"


class ParsePool:
    def __init__(self, processes: int):
        self.processes = max(1, processes)
        self._queue: deque[_Job] = deque()
        self._lock = threading.Lock()
        self._closed = False
        self._workers: list[_Worker] = []
        self._wake_read, self._wake_write = os.pipe()
        os.set_blocking(self._wake_write, False)
        self._thread = threading.Thread(target=self._manage, name="accord-parse-workers", daemon=True)
        self._thread.start()

    def parse(self, pages: list[Page], run_id: str, deadline: float) -> ParsedBatch:
        jobs = [_Job(page, run_id, deadline) for page in pages]
        with self._lock:
            if self._closed:
                raise ParseWorkersFailed("the parse worker pool is closed")
            self._queue.extend(jobs)
        self._wake()
        batch = ParsedBatch()
        for job in jobs:
            batch.add(*job.done.result())
        return batch

    def close(self) -> None:
        with self._lock:
            self._closed = True
        self._wake()
        self._thread.join(timeout=10)

    def _wake(self) -> None:
        with self._lock, contextlib.suppress(BlockingIOError):  # a wake-up is already pending
            if self._wake_write >= 0:  # the manager is still there to read it
                os.write(self._wake_write, b"x")

    def _manage(self) -> None:
        try:
            while not self._closed:
                self._start_workers()
                self._hand_out()
                for ready in wait([w.outbox for w in self._workers] + [self._wake_read], self._next_deadline()):
                    if ready == self._wake_read:
                        os.read(self._wake_read, 4096)
                    else:
                        self._receive(next(w for w in self._workers if w.outbox is ready))
                self._expire()
        except BaseException as exc:  # callers must not wait for ever on a dead manager
            self._fail_waiting(ParseWorkersFailed(f"the parse worker pool stopped: {type(exc).__name__}: {exc}"))
            raise
        finally:
            with self._lock:
                self._closed = True  # later callers fail at once rather than wait on nobody
            closed = ParseWorkersFailed("the parse worker pool is closed")
            for worker in self._workers:
                worker.stop()
                if worker.job is not None and not worker.job.done.done():
                    worker.job.done.set_exception(closed)
            self._fail_waiting(closed)
            with self._lock:
                os.close(self._wake_read)
                os.close(self._wake_write)
                self._wake_write = -1

    def _start_workers(self) -> None:
        busy = sum(1 for w in self._workers if w.job is not None)
        with self._lock:
            wanted = min(self.processes, busy + len(self._queue))
        while len(self._workers) < wanted:
            self._workers.append(_Worker())

    def _hand_out(self) -> None:
        for worker in self._workers:
            if not worker.ready or worker.job is not None:
                continue
            with self._lock:
                if not self._queue:
                    return
                job = self._queue.popleft()
            job.started, job.started_at = time.monotonic(), datetime.now(UTC).replace(tzinfo=None)
            try:
                worker.inbox.send((job.page, job.run_id))
            except OSError:  # it died while idle: the page goes to the next worker
                with self._lock:
                    self._queue.appendleft(job)
                continue
            worker.job = job

    def _next_deadline(self) -> float | None:
        ends = [w.job.started + w.job.deadline for w in self._workers if w.job is not None]
        return max(0.0, min(ends) - time.monotonic()) if ends else None

    def _receive(self, worker: _Worker) -> None:
        try:
            message = worker.outbox.recv()
        except (EOFError, OSError):
            self._retire(worker, f"the parse worker process died ({worker.how_it_ended()})")
            return
        if message[0] == "ready":
            worker.ready = True
        elif message[0] == "done":
            job, worker.job = worker.job, None
            job.done.set_result(message[1:])
        else:  # "error": it could not start, nor will the next one
            self._retire(worker, message[1])

    def _retire(self, worker: _Worker, reason: str) -> None:
        """Stop a worker that died or ran out of time: its page fails with `reason`; a worker
        that never got ready fails every waiting page, as its replacement would fail too."""
        self._workers.remove(worker)
        worker.stop()
        if worker.job is not None:
            job = worker.job
            job.done.set_result(({}, failed_page(job.page, job.run_id, reason, job.started_at)))
        elif not worker.ready:
            self._fail_waiting(ParseWorkersFailed(f"the parse worker processes cannot start: {reason}"))

    def _expire(self) -> None:
        now = time.monotonic()
        for worker in [w for w in self._workers if w.job is not None]:
            if now - worker.job.started > worker.job.deadline:
                self._retire(worker, f"parse deadline of {worker.job.deadline:g} s exceeded")

    def _fail_waiting(self, error: Exception) -> None:
        with self._lock:
            waiting, self._queue = list(self._queue), deque()
        for job in waiting:
            job.done.set_exception(error)


_pool: ParsePool | None = None
_pool_key: tuple | None = None
_pool_lock = threading.Lock()


def shared_pool() -> ParsePool:
    """This process's pool. Workers read the speaker and topic files once, when they start, so a
    process that points $ACCORD_CONFIG_DIR elsewhere gets a new pool."""
    global _pool, _pool_key
    key = (os.getpid(), str(settings.config_dir()))
    with _pool_lock:
        if _pool is None or _pool_key != key:
            if _pool is not None and _pool_key[0] == os.getpid():
                _pool.close()
            _pool, _pool_key = ParsePool(default_processes()), key
        return _pool


@atexit.register
def close_shared_pool() -> None:
    global _pool
    with _pool_lock:
        pool, _pool = _pool, None
    if pool is not None and _pool_key[0] == os.getpid():  # a forked child does not own its parent's
        pool.close()


def serve(argv: list[str]) -> None:
    """A worker process: pages in, (rows, parse_log row) out, until its parent closes the pipe."""
    inbox_fd, outbox_fd, parent = (int(arg) for arg in argv)
    _die_with_parent(parent)
    # Ctrl-C reaches the whole process group; the parent decides when its workers stop
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    inbox, outbox = Connection(inbox_fd, writable=False), Connection(outbox_fd, readable=False)
    try:
        registry, taxonomy = knowledge()
    except Exception as exc:
        outbox.send(("error", f"{type(exc).__name__}: {exc}"))
        return
    outbox.send(("ready",))
    while True:
        try:
            page, run_id = inbox.recv()
        except EOFError:
            return
        outbox.send(("done", *parse_page(page, run_id, registry, taxonomy)))


def _die_with_parent(parent: int) -> None:
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    pr_set_pdeathsig = 1
    ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGKILL)
    if os.getppid() != parent:  # the parent was gone before the line above
        os._exit(1)
