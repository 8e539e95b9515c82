"""What the command tells the user on stderr: per-input lines, a progress bar, the summary.

``--quiet`` leaves only failures; the default adds notes (skipped inputs),
the files ``fix`` rewrote and a summary; ``--verbose`` adds every input.
A progress bar appears when stderr is a terminal and there are many inputs
(counting files), or a few large ones (counting bytes, redrawn every second so
that one long file shows its time going by); stdout is never written to.

>>> import io
>>> from cleaner.cli.outcome import CHANGED, FAILED, Outcome
>>> err = io.StringIO()
>>> report = Reporter(err, "fix")
>>> report.outcome(Outcome("a.txt", CHANGED, removed=(("byline", 1),)))
>>> report.outcome(Outcome("b.txt", FAILED, message="binary file (NUL bytes), not text"))
>>> report.finish()
>>> print(err.getvalue(), end="")
cleaner: fixed a.txt
cleaner: b.txt: binary file (NUL bytes), not text
cleaner: 1 file fixed, 0 unchanged, 1 failed
cleaner: blocks removed: byline 1
"""

from __future__ import annotations

import os
import threading
from typing import Any, TextIO

from cleaner.cli.outcome import CHANGED, FAILED, IGNORED, SKIPPED, UNCHANGED, Outcome, Tally

QUIET, NORMAL, VERBOSE = 0, 1, 2
#: A progress bar is shown from this many inputs on.
MANY = 20
#: ... or, for fewer, from this many bytes of input on (a few seconds of cleaning), counting bytes.
BIG = 4 * 2**20
#: The bar by bytes: how much of the input is clean, and the time spent so far.
BYTES_BAR = "{percentage:3.0f}%|{bar}| {n_fmt}B/{total_fmt}B cleaned [{elapsed}]"
#: Seconds between two redraws of the bar by bytes (its clock keeps going while a large file is cleaned).
TICK = 1.0

#: How each command names a changed and an unchanged input (``None``: say nothing in normal mode).
VERBS: dict[str, tuple[str | None, str]] = {
    "fix": ("fixed", "unchanged"),
    "check": (None, "unchanged"),
    "diff": (None, "unchanged"),
    "clean": (None, "cleaned"),
    "explain": (None, "explained"),
    "report": (None, "cleaned"),
}


class Reporter:
    """Writes the run's messages to ``stream`` and keeps its :class:`Tally`."""

    def __init__(
        self, stream: TextIO, command: str, verbosity: int = NORMAL, total: int | None = None, size: int = 0
    ) -> None:
        self.stream, self.command, self.verbosity = stream, command, verbosity
        self.tally = Tally()
        self.bar: Any = None
        self.by_bytes = False
        self.ticking: tuple[threading.Event, threading.Thread] | None = None
        isatty = getattr(stream, "isatty", None)
        if verbosity <= QUIET or total is None or isatty is None or not isatty():
            return
        from tqdm import tqdm

        if total >= MANY:
            self.bar = tqdm(total=total, file=stream, unit="file", leave=False, dynamic_ncols=True)
        elif size >= BIG:
            self.by_bytes = True
            self.bar = tqdm(
                total=size,
                file=stream,
                unit="B",
                unit_scale=True,
                unit_divisor=1024,
                leave=False,
                dynamic_ncols=True,
                bar_format=BYTES_BAR,
            )
            stop = threading.Event()
            self.ticking = (stop, threading.Thread(target=self._tick, args=(self.bar, stop), daemon=True))
            self.ticking[1].start()

    @staticmethod
    def _tick(bar: Any, stop: threading.Event) -> None:
        """Redraw ``bar`` every :data:`TICK` seconds until ``stop`` is set."""
        while not stop.wait(TICK):
            bar.refresh()

    def _advance(self, outcome: Outcome) -> None:
        """Move the bar on by one input: one file, or the bytes of the file it was."""
        if not self.by_bytes:
            self.bar.update(1)
            return
        try:
            self.bar.update(os.path.getsize(outcome.source))
        except OSError:  # a record of a file, or standard input: its bytes are not known on their own
            pass

    def say(self, text: str) -> None:
        """One line on stderr (above the progress bar when there is one)."""
        if self.bar is not None:
            self.bar.write(f"cleaner: {text}", file=self.stream)
        else:
            print(f"cleaner: {text}", file=self.stream)

    def error(self, text: str) -> None:
        """A problem that is not about one input (shown even with --quiet)."""
        self.say(text)

    def outcome(self, outcome: Outcome) -> None:
        """Count one outcome and say what is worth saying about it."""
        self.tally.add(outcome)
        if self.bar is not None and outcome.status != IGNORED:
            self._advance(outcome)
        changed, unchanged = VERBS.get(self.command, (None, "done"))
        if outcome.status == FAILED:
            self.say(f"{outcome.source}: {outcome.message}")
            if outcome.detail and self.verbosity >= VERBOSE:
                print(outcome.detail.rstrip("\n"), file=self.stream)
        elif outcome.status == SKIPPED and self.verbosity >= NORMAL:
            self.say(f"skipped {outcome.source}: {outcome.message}")
        elif outcome.status == CHANGED and changed and self.verbosity >= NORMAL:
            self.say(f"{changed} {outcome.source}")
        elif self.verbosity >= VERBOSE:
            if outcome.status == CHANGED:
                self.say(f"{'would fix' if self.command in ('check', 'diff') else 'cleaned'} {outcome.source}")
            elif outcome.status == UNCHANGED:
                self.say(f"{unchanged} {outcome.source}")
            elif outcome.status == IGNORED and outcome.message:
                self.say(f"ignored {outcome.source}: {outcome.message}")

    def finish(self, interrupted: bool = False) -> None:
        """Close the progress bar and write the summary.

        An interrupted run says what was done before it stopped, never that
        there was nothing to do.
        """
        if self.ticking is not None:
            stop, thread = self.ticking
            stop.set()
            thread.join()
            self.ticking = None
        if self.bar is not None:
            self.bar.close()
            self.bar = None
        if self.verbosity < NORMAL:
            return
        counted = sum(n for status, n in self.tally.statuses.items() if status != IGNORED)
        if not counted:
            if not interrupted:
                self.say("nothing to do: no input matched")
            return
        if self.command == "explain":
            return
        self.say(self.tally.summary(self.command))
        if removals := self.tally.removals():
            self.say(removals)
