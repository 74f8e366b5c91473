"""Progress of long runs: a bar on a terminal, plain structured log lines everywhere else.

A bar in a log file or CI output is noise (one carriage-return line per update), so it is
drawn only when stderr is a TTY; otherwise one `key=value` line is logged per step of about
a tenth of the total, which stays greppable and small.
"""
from __future__ import annotations

import sys
from collections.abc import Callable


class Progress:
    def __init__(self, stage: str, total: int, unit: str, log: Callable[[str], None],
                 tty: bool | None = None):
        self.stage, self.total, self.unit, self.log = stage, total, unit, log
        self.done = 0
        self._next_log = 0
        self._bar = None
        if sys.stderr.isatty() if tty is None else tty:
            from tqdm import tqdm

            self._bar = tqdm(total=total, desc=stage, unit=unit, file=sys.stderr, leave=True)

    def update(self, count: int = 1, **fields: object) -> None:
        self.done += count
        if self._bar is not None:
            self._bar.update(count)
            if fields:
                self._bar.set_postfix({k: str(v) for k, v in fields.items()}, refresh=False)
            return
        if self.done >= self._next_log or self.done >= self.total:
            self._next_log = self.done + max(1, self.total // 10)
            extra = "".join(f" {key}={value}" for key, value in fields.items())
            self.log(f"progress stage={self.stage} done={self.done} total={self.total} unit={self.unit}{extra}")

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
