"""Progress for long commands (`check --a11y`, the benchmarks), on standard error.

A line at most every tenth of the way and every few seconds, so a person at a terminal
and a CI log both see that the command is moving and how far it has to go, without
the report on standard output being mixed with it.
"""
from __future__ import annotations

import sys
import threading
import time


class Progress:
    def __init__(self, label: str, total: int, unit: str = "items", *, stream=None, every_seconds: float = 5.0):
        self.label, self.total, self.unit = label, max(total, 0), unit
        self.stream = stream or sys.stderr
        self.every_seconds = every_seconds
        self.done = 0
        self._started = self._last = time.monotonic()
        self._shown_tenth = 0
        self._lock = threading.Lock()  # steps may come from several workers

    def step(self, n: int = 1, done: str = "") -> None:
        """Count `n` more done; `done` names what just finished, and is always shown."""
        with self._lock:
            self.done += n
            now = time.monotonic()
            tenth = self.done * 10 // self.total if self.total else 10
            if (done or tenth > self._shown_tenth or now - self._last >= self.every_seconds
                    or self.done == self.total):
                self._shown_tenth, self._last = tenth, now
                self._show(now, done)

    def _show(self, now: float, done: str) -> None:
        share = f" ({self.done * 100 // self.total}%)" if self.total else ""
        note = f" ({done})" if done else ""
        print(f"{self.label}: {self.done} of {self.total} {self.unit}{share}, {now - self._started:.0f} s{note}",
              file=self.stream, flush=True)
