"""Per-host pacing: one request at a time per host, spaced by the host's interval."""
from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager


class HostPacer:
    """Requests to one host run one at a time; each starts no sooner than `interval` after the
    previous one ended, nor before a pause a server asked for is over."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._host_locks: dict[str, threading.Lock] = {}
        self._interval: dict[str, float] = {}
        self._ended: dict[str, float] = {}
        self._paused_until: dict[str, float] = {}

    def slow_down(self, host: str, interval: float) -> None:
        """Space requests to `host` by at least `interval` seconds (never speeds a host up)."""
        with self._lock:
            self._interval[host] = max(self._interval.get(host, 0.0), interval)

    def defer(self, host: str, seconds: float) -> None:
        """No request to `host` for the next `seconds` (Retry-After, backoff)."""
        with self._lock:
            self._paused_until[host] = max(self._paused_until.get(host, 0.0), time.monotonic() + seconds)

    @contextmanager
    def slot(self, host: str) -> Iterator[None]:
        with self._lock:
            host_lock = self._host_locks.setdefault(host, threading.Lock())
        with host_lock:
            while (wait := self._start_time(host) - time.monotonic()) > 0:
                time.sleep(wait)
            try:
                yield
            finally:
                with self._lock:
                    self._ended[host] = time.monotonic()

    def _start_time(self, host: str) -> float:
        with self._lock:
            after_previous = self._ended.get(host, float("-inf")) + self._interval.get(host, 0.0)
            return max(after_previous, self._paused_until.get(host, 0.0))
