"""``cleaner clean``: the clean text (or JSON) of every input, on stdout or under ``-o DIR``.

With several inputs, ``txt`` output puts a ``==> source <==`` header before
each text, ``json`` makes one array and ``jsonl`` one line per input.  Under
``-o DIR`` each input gets its own file, mirroring the input tree; a file that
already holds exactly the output is left untouched.
"""

from __future__ import annotations

import argparse
import functools
from pathlib import Path
from typing import TextIO

from cleaner.cli.inputs import gather
from cleaner.cli.outcome import CHANGED, FAILED, IGNORED, SKIPPED, UNCHANGED, Outcome
from cleaner.cli.pool import run_ordered
from cleaner.cli.report import Reporter
from cleaner.cli.templates import corpus_templates
from cleaner.cli.work import clean_outcome
from cleaner.config import Config
from cleaner.io.readers import Item
from cleaner.io.write import write_if_changed

SUFFIX = {"txt": ".txt", "json": ".json", "jsonl": ".jsonl"}


def output_path(out: Path, item: Item, fmt: str) -> Path:
    """Where the output of one input goes under ``out``, mirroring the input tree.

    >>> item = Item("data/a/b.txt", "b", text="B.", path=Path("data/a/b.txt"), root=Path("data"))
    >>> output_path(Path("out"), item, "json").as_posix()
    'out/a/b.json'
    """
    if item.path is None:
        return out / f"{item.ident}{SUFFIX[fmt]}"
    root = item.root
    relative = (
        item.path.relative_to(root) if root is not None and item.path.is_relative_to(root) else Path(item.path.name)
    )
    if not item.whole_file:  # one of many records in a file
        relative = relative.parent / relative.stem / item.ident
    return (out / relative).with_suffix(SUFFIX[fmt])


class Printer:
    """Writes outputs to stdout: a single input's output as it is, several with separators.

    Whether there are several is known at the second input (failed ones count,
    as in ``head``), so the first output is held until then.
    """

    def __init__(self, stdout: TextIO, fmt: str) -> None:
        self.stdout, self.fmt = stdout, fmt
        self.inputs = self.written = 0
        self.held: tuple[str, str] | None = None

    def input(self, output: tuple[str, str] | None) -> None:
        """One more input: its ``(source, output)``, or ``None`` when it failed."""
        self.inputs += 1
        if self.inputs == 1:
            self.held = output
            return
        if self.inputs == 2:
            if self.fmt == "json":
                self.stdout.write("[\n")
            if self.held is not None:
                self._many(*self.held)
            self.held = None
        if output is not None:
            self._many(*output)

    def _many(self, source: str, text: str) -> None:
        first = self.written == 0
        if self.fmt == "txt":
            self.stdout.write(f"{'' if first else chr(10)}==> {source} <==\n{text}")
        elif self.fmt == "json":
            self.stdout.write(("" if first else ",\n") + text.rstrip("\n"))
        else:
            self.stdout.write(text)
        self.written += 1

    def close(self) -> None:
        """Write what is held, or close the JSON array."""
        if self.inputs == 1 and self.held is not None:
            self.stdout.write(self.held[1])
        elif self.inputs > 1 and self.fmt == "json":
            self.stdout.write("\n]\n")


def run_clean(args: argparse.Namespace, config: Config, stdout: TextIO, report: Reporter, jobs: int) -> None:
    """Clean every input; outcomes go to ``report``."""
    work = functools.partial(clean_outcome, fmt=args.format, templates=corpus_templates(args.paths, config))
    printer = Printer(stdout, args.format)
    for entry, outcome in run_ordered(work, gather(args.paths, config), config, jobs):
        done = isinstance(entry, Item) and outcome.status in (CHANGED, UNCHANGED)
        if done and args.output:
            assert isinstance(entry, Item)
            outcome = write_output(Path(args.output), entry, args.format, outcome)
        elif outcome.status not in (SKIPPED, IGNORED) and not args.output:
            printer.input((outcome.source, outcome.output) if done else None)
        report.outcome(outcome)
    printer.close()


def write_output(out: Path, item: Item, fmt: str, outcome: Outcome) -> Outcome:
    """Write one output under ``out``; a write error fails that input only."""
    target = output_path(out, item, fmt)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_if_changed(target, outcome.output)
    except OSError as error:
        return Outcome(item.source, FAILED, message=f"cannot write {target}: {error.strerror or error}")
    return outcome
