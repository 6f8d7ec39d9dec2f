"""Progress display for long steps: one line per stage on stderr, with timings."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field


@dataclass
class Progress:
    enabled: bool = True
    timings: dict[str, float] = field(default_factory=dict)

    @contextmanager
    def step(self, name: str) -> Iterator[None]:
        self._say(f"  {name} ...")
        started = time.perf_counter()
        yield
        elapsed = time.perf_counter() - started
        self.timings[name] = round(elapsed, 3)
        self._say(f"  {name} done in {elapsed:.2f}s\n", overwrite=True)

    def _say(self, message: str, overwrite: bool = False) -> None:
        if not self.enabled:
            return
        if overwrite and sys.stderr.isatty():
            sys.stderr.write("\r\x1b[2K")
        elif overwrite:
            pass
        sys.stderr.write(message if sys.stderr.isatty() or overwrite else message + "\n")
        sys.stderr.flush()
