"""``cleaner clean``: the clean text (or JSON) of every input, on stdout or under ``-o DIR``.

With several inputs, ``txt`` output puts a ``==> source <==`` header before
each text, ``json`` makes one array and ``jsonl`` one line per input.  Under
``-o DIR`` each input file gets one output file, mirroring the input tree:
``a/b.txt`` and ``a/b.html`` give ``a/b.<format>``; the records of a JSONL or
WARC file all go, in order, to the one output of that file (``txt``: each
record under a ``==> id <==`` header; ``json``: an array; ``jsonl``: a line
each).  An output that already holds exactly what would be written is left
untouched; two inputs that would write one output (``a.txt`` and ``a.html``)
are refused for the second.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import os
import tempfile
from pathlib import Path
from typing import TextIO

from cleaner.cli.inputs import gather
from cleaner.cli.outcome import CHANGED, FAILED, IGNORED, SKIPPED, UNCHANGED, Outcome
from cleaner.cli.pool import run_ordered
from cleaner.cli.report import Reporter
from cleaner.cli.templates import corpus_templates
from cleaner.cli.work import clean_outcome
from cleaner.config import Config
from cleaner.io.readers import Item, base_name, file_kind
from cleaner.io.write import write_if_changed

SUFFIX = {"txt": ".txt", "json": ".json", "jsonl": ".jsonl"}


def output_path(out: Path, item: Item, fmt: str) -> Path:
    """Where the output of one input file goes under ``out``, mirroring the input tree.

    >>> item = Item("data/a/b.txt", "b", text="B.", path=Path("data/a/b.txt"), root=Path("data"))
    >>> output_path(Path("out"), item, "json").as_posix()
    'out/a/b.json'
    >>> record = Item("data/c.jsonl.gz:3", "c:3", text="C.", path=Path("data/c.jsonl.gz"), root=Path("data"))
    >>> output_path(Path("out"), record, "jsonl").as_posix()
    'out/c.jsonl'
    """
    if item.path is None:
        return out / f"{item.ident}{SUFFIX[fmt]}"
    root = item.root
    relative = (
        item.path.relative_to(root) if root is not None and item.path.is_relative_to(root) else Path(item.path.name)
    )
    return out / relative.parent / f"{base_name(item.path)}{SUFFIX[fmt]}"


def many_records(item: Item) -> bool:
    """True when the item is one of the records of a JSONL or WARC file."""
    return item.path is not None and file_kind(item.path) in ("jsonl", "warc")


class Outputs:
    """Writes outputs under ``-o DIR``: one file per input file, the records of a file together.

    The records of a JSONL or WARC file arrive one after another (inputs keep
    their order); they are written to a temporary file beside the output,
    which replaces the output once the file's last record is in (or is
    dropped when the output already holds exactly that).
    """

    def __init__(self, out: Path, fmt: str) -> None:
        self.out, self.fmt = out, fmt
        self.owners: dict[Path, str] = {}  # output -> the input file that writes it
        self.target: Path | None = None
        self.temp: str | None = None
        self.handle: TextIO | None = None
        self.count = 0
        self.failures: list[Outcome] = []  # outputs that could not be put in place, to report

    def write(self, item: Item, outcome: Outcome) -> Outcome:
        """Write one input's output; a write error (or a clash of outputs) fails that input only."""
        target = output_path(self.out, item, self.fmt)
        owner = str(item.path) if item.path is not None else item.source
        if self.owners.setdefault(target, owner) != owner:
            return Outcome(item.source, FAILED, message=f"{target} is already the output of {self.owners[target]}")
        try:
            if not many_records(item):
                self.finish()
                target.parent.mkdir(parents=True, exist_ok=True)
                write_if_changed(target, outcome.output)
                return outcome
            if target != self.target:
                self.finish()
                self.start(target)
            self.add(item, outcome.output)
        except OSError as error:
            return Outcome(item.source, FAILED, message=f"cannot write {target}: {error.strerror or error}")
        return outcome

    def start(self, target: Path) -> None:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, self.temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
        self.handle = os.fdopen(handle, "w", encoding="utf-8", newline="")
        self.target, self.count = target, 0
        if self.fmt == "json":
            self.handle.write("[\n")

    def add(self, item: Item, output: str) -> None:
        assert self.handle is not None
        if self.fmt == "txt":
            self.handle.write(f"{chr(10) if self.count else ''}==> {item.ident} <==\n{output}")
        elif self.fmt == "json":
            self.handle.write(("" if not self.count else ",\n") + output.rstrip("\n"))
        else:
            self.handle.write(output)
        self.count += 1

    def finish(self) -> None:
        """Put the file being written in place (unless the output already holds exactly it)."""
        if self.handle is None or self.target is None or self.temp is None:
            return
        handle, temp, target = self.handle, self.temp, self.target
        self.handle = self.target = self.temp = None
        try:
            if self.fmt == "json":
                handle.write("\n]\n")
            handle.close()
            with open(temp, "rb") as new:
                same = target.is_file() and target.read_bytes() == new.read()
            if not same:
                os.replace(temp, target)
        except OSError as error:
            self.failures.append(Outcome(str(target), FAILED, message=f"cannot write: {error.strerror or error}"))
        finally:
            with contextlib.suppress(OSError):
                os.unlink(temp)


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
    outputs = Outputs(Path(args.output), args.format) if args.output else None
    try:
        for entry, outcome in run_ordered(work, gather(args.paths, config), config, jobs):
            done = isinstance(entry, Item) and outcome.status in (CHANGED, UNCHANGED)
            if done and outputs is not None:
                assert isinstance(entry, Item)
                outcome = outputs.write(entry, outcome)
                for failed in outputs.failures:
                    report.outcome(failed)
                outputs.failures.clear()
            elif outcome.status not in (SKIPPED, IGNORED) and outputs is None:
                printer.input((outcome.source, outcome.output) if done else None)
            report.outcome(outcome)
    finally:
        if outputs is not None:
            outputs.finish()
            for failed in outputs.failures:
                report.outcome(failed)
    printer.close()
