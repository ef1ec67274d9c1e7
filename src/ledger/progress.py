"""Progress on long work: a bar on stderr for loads and netting that take over a second.

``lg.load(path, progress=True)`` and ``lg.net_positions(book, progress=True)`` show one (in
a notebook too); ``debt-ledger`` shows one when stderr is a terminal. The bar is rich's (the
extra ``progress``), imported the first time one is shown; work done within a second shows
nothing, and without rich nothing is shown at all.

>>> with steps("example.toml", 3, shown=True) as bar:
...     bar.advance(3)  # done within a second: no bar
>>> bar.done
3
"""

from __future__ import annotations

import time
from types import TracebackType
from typing import Any

__all__ = ["DELAY", "Steps", "steps"]

#: Seconds of work before a bar is shown.
DELAY = 1.0


class Steps:
    """Work of ``total`` steps, shown as a bar once it has taken :data:`DELAY` seconds."""

    def __init__(self, what: str, total: int, shown: bool) -> None:
        self.what, self.total, self.shown = what, max(total, 1), shown
        self.done = 0
        self._began = time.monotonic()
        self._bar: Any = None
        self._task: Any = None

    @property
    def showing(self) -> bool:
        """Whether the bar is on the screen now."""
        return self._bar is not None

    def advance(self, count: int = 1) -> None:
        """``count`` more steps done."""
        self.done += count
        if not self.shown:
            return
        if self._bar is None:
            if time.monotonic() - self._began < DELAY:
                return
            self._start()
        if self._bar is not None:
            self._bar.update(self._task, completed=min(self.done, self.total))

    def _start(self) -> None:
        try:
            from rich.console import Console
            from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
        except ImportError:  # the extra is not installed: no bar
            self.shown = False
            return
        self._bar = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            TextColumn("{task.percentage:>3.0f}%"),
            TimeElapsedColumn(),
            console=Console(stderr=True),
            transient=True,
        )
        self._bar.start()
        self._task = self._bar.add_task(self.what, total=self.total, completed=self.done)

    def __enter__(self) -> Steps:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None


def steps(what: str, total: int, *, shown: bool) -> Steps:
    """A :class:`Steps` for work named ``what`` (a file's name, a function's), shown only
    when ``shown`` (``progress=True``; the command line's stderr a terminal)."""
    return Steps(what, total, shown)
