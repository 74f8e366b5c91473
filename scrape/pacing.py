"""Per-host pacing: one request at a time per host, spaced by the host's interval."""
from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager


class HostPacer:
    """Requests to one host run one at a time; the next starts no sooner than `interval`
    after the previous ended (or later, when a server asked for a pause)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._host_locks: dict[str, threading.Lock] = {}
        self._interval: dict[str, float] = {}
        self._next: dict[str, float] = {}

    def slow_down(self, host: str, interval: float) -> None:
        """Space requests to `host` by at least `interval` seconds (never speeds a host up)."""
        with self._lock:
            self._interval[host] = max(self._interval.get(host, 0.0), interval)

    def defer(self, host: str, seconds: float) -> None:
        """No request to `host` for the next `seconds` (Retry-After, backoff)."""
        with self._lock:
            self._next[host] = max(self._next.get(host, 0.0), time.monotonic() + seconds)

    @contextmanager
    def slot(self, host: str) -> Iterator[None]:
        with self._lock:
            host_lock = self._host_locks.setdefault(host, threading.Lock())
        with host_lock:
            while (wait := self._next.get(host, 0.0) - time.monotonic()) > 0:
                time.sleep(wait)
            try:
                yield
            finally:
                with self._lock:
                    after = time.monotonic() + self._interval.get(host, 0.0)
                    self._next[host] = max(self._next.get(host, 0.0), after)
