"""What happened to each input, the tally of a run, and the exit code it gives.

>>> tally = Tally()
>>> tally.add(Outcome("a.txt", CHANGED, removed=(("byline", 1), ("title", 1))))
>>> tally.add(Outcome("b.txt", UNCHANGED))
>>> tally.add(Outcome("c.txt", FAILED, message="binary file"))
>>> tally.summary("fix")
'1 file fixed, 1 unchanged, 1 failed'
>>> tally.removals()
'blocks removed: byline 1, title 1'
>>> exit_code(tally, "fix"), exit_code(Tally(), "fix")
(123, 0)
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

#: Exit codes: nothing to do, files changed (or would change), bad usage or config, a file failed,
#: interrupted (Ctrl-C), terminated (SIGTERM).
OK, CHANGED_EXIT, USAGE, FAILED_EXIT, INTERRUPTED, TERMINATED = 0, 1, 2, 123, 130, 143

#: What can happen to one input.
CHANGED = "changed"  # cleaning changes it (fix: it was rewritten)
UNCHANGED = "unchanged"  # it is clean already
FAILED = "failed"  # it could not be read, cleaned or written; or fix refused to write it
SKIPPED = "skipped"  # not for this command (a binary file in a folder, a record inside a file): a note
IGNORED = "ignored"  # left out silently (a file listed twice, a named file outside the globs)

#: Commands that rewrite files or tell whether they would.
FIXING = ("fix", "check", "diff")


@dataclass(frozen=True)
class Outcome:
    """The result of one input, small enough to send back from a worker process."""

    source: str
    status: str
    output: str = ""  # clean: the rendered output; fix, check, diff: the new text
    message: str = ""  # why it failed or was skipped
    removed: tuple[tuple[str, int], ...] = ()  # blocks removed, by kind
    detail: str = ""  # a traceback, for an internal error (shown with --verbose)


def plural(count: int, noun: str) -> str:
    """``"1 file"``, ``"2 files"``.

    >>> plural(1, "file"), plural(3, "document")
    ('1 file', '3 documents')
    """
    return f"{count} {noun}{'' if count == 1 else 's'}"


@dataclass
class Tally:
    """Counts of outcomes by status, and of removed blocks by kind."""

    statuses: Counter[str] = field(default_factory=Counter)
    kinds: Counter[str] = field(default_factory=Counter)

    def add(self, outcome: Outcome) -> None:
        """Count one outcome."""
        self.statuses[outcome.status] += 1
        self.kinds.update(dict(outcome.removed))

    @property
    def changed(self) -> int:
        return self.statuses[CHANGED]

    @property
    def failed(self) -> int:
        return self.statuses[FAILED]

    def summary(self, command: str) -> str:
        """One line: how many inputs changed, stayed the same, failed and were skipped."""
        done = self.statuses[CHANGED] + self.statuses[UNCHANGED]
        if command in ("clean", "report"):
            parts = [
                f"{plural(done, 'document')} cleaned ({self.changed} changed, {self.statuses[UNCHANGED]} unchanged)"
            ]
        else:
            verb = {"fix": "fixed", "check": "would be fixed", "diff": "would be fixed"}.get(command, "changed")
            parts = [f"{plural(self.changed, 'file')} {verb}", f"{self.statuses[UNCHANGED]} unchanged"]
        parts.append(f"{self.failed} failed")
        if self.statuses[SKIPPED]:
            parts.append(f"{self.statuses[SKIPPED]} skipped")
        return ", ".join(parts)

    def removals(self) -> str:
        """One line: blocks removed by kind, most frequent first (empty when nothing was removed).

        Blocks are counted, each one, as ``explain`` lists them (a result's ``removed`` takes
        adjacent blocks of one kind together, as one entry).
        """
        if not self.kinds:
            return ""
        ranked = sorted(self.kinds.items(), key=lambda pair: (-pair[1], pair[0]))
        return "blocks removed: " + ", ".join(f"{kind} {count}" for kind, count in ranked)


def exit_code(tally: Tally, command: str) -> int:
    """123 when an input failed; else, for fix/check/diff, 1 when a file changed (or would); else 0."""
    if tally.failed:
        return FAILED_EXIT
    if command in FIXING and tally.changed:
        return CHANGED_EXIT
    return OK
