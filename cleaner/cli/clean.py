"""``cleaner clean``: the clean text (or JSON) of every input, on stdout or under ``-o DIR``.

With several inputs, ``txt`` output puts a ``==> source <==`` header before
each text; ``json`` is always one array (``[]`` for none) and ``jsonl`` one line per input.  Under
``-o DIR`` each input file gets one output file, mirroring the input tree:
``a/b.txt`` and ``a/b.html`` give ``a/b.<format>``; the records of a JSONL or
WARC file all go, in order, to the one output of that file (``txt``: each
record under a ``==> id <==`` header; ``json``: an array; ``jsonl``: a line
each).  An output that already holds exactly what would be written is left
untouched; two inputs that would write one output (``a.txt`` and ``a.html``)
are refused for the second.

``-o`` never reads or overwrites the inputs: an output folder inside a folder
being cleaned is not searched (so a second run does not clean its own output,
nor nest ``out/out``), ``-o`` naming a folder being cleaned is refused
before any work (:func:`output_problem`), and an output that would land on
an input file, or among the files of a folder being cleaned, fails that input.
If the run is interrupted, the output being assembled is dropped, not put in
place half-written.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import os
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from cleaner.cli.inputs import STDIN, gather
from cleaner.cli.outcome import CHANGED, FAILED, IGNORED, SKIPPED, UNCHANGED, Outcome
from cleaner.cli.pool import run_ordered
from cleaner.cli.report import Reporter
from cleaner.cli.templates import corpus_templates
from cleaner.cli.work import clean_outcome, writable
from cleaner.config import Config
from cleaner.io.readers import Item, base_name, file_kind
from cleaner.io.write import new_file_mode, signals_deferred, temporary, write_if_changed

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


@dataclass(frozen=True)
class Guard:
    """Where ``-o DIR`` may not write: the inputs named, the folders searched (real paths).

    >>> import tempfile
    >>> data = Path(tempfile.mkdtemp())
    >>> guard = Guard.of([str(data), "notes.txt"], str(data / "out"))
    >>> guard.avoid == frozenset({os.path.realpath(data / "out")})
    True
    >>> guard.problem(Path("notes.txt"), Path("elsewhere/a.txt"))
    'its output would overwrite the input notes.txt'
    >>> guard.problem(data / "out" / "a.txt", data / "a.txt") is None
    True
    """

    out: str
    files: frozenset[str]
    folders: frozenset[str]

    @classmethod
    def of(cls, paths: Sequence[str], out: str) -> Guard:
        real = [os.path.realpath(p) for p in paths if p != STDIN]
        return cls(
            os.path.realpath(out),
            frozenset(p for p in real if not os.path.isdir(p)),
            frozenset(p for p in real if os.path.isdir(p)),
        )

    @property
    def avoid(self) -> frozenset[str]:
        """The output folder, when it lies inside a folder being searched: not to be searched."""
        return frozenset({self.out}) if any(inside(self.out, f) for f in self.folders) else frozenset()

    def problem(self, target: Path, source: Path | None) -> str | None:
        """Why ``target`` may not be written for the input at ``source`` (``None`` when it may)."""
        real = os.path.realpath(target)
        if source is not None and real == os.path.realpath(source):
            return "its output would overwrite the input itself"
        if real in self.files:
            return f"its output would overwrite the input {target}"
        for folder in self.folders:
            if inside(real, folder) and not inside(self.out, folder):
                return f"its output {target} would be written among the inputs in {folder}"
        return None


def inside(path: str, folder: str) -> bool:
    """True when the real path ``path`` is ``folder`` or lies below it.

    >>> inside("/a/b/c", "/a/b"), inside("/a/b", "/a/b"), inside("/a/bc", "/a/b")
    (True, True, False)
    """
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def output_problem(paths: Sequence[str], out: str) -> str | None:
    """Why ``-o out`` cannot be used with these inputs at all (``None`` when it can).

    >>> output_problem(["."], ".")
    '-o .: the output folder is an input folder, so outputs would overwrite inputs (choose another folder)'
    """
    real = os.path.realpath(out)
    for given in paths:
        if given != STDIN and os.path.isdir(given) and os.path.realpath(given) == real:
            return f"-o {out}: the output folder is an input folder, so outputs would overwrite inputs (choose another folder)"
    if os.path.exists(out) and not os.path.isdir(out):
        return f"-o {out}: not a folder"
    return None


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

    def __init__(self, out: Path, fmt: str, guard: Guard | None = None) -> None:
        self.out, self.fmt, self.guard = out, fmt, guard
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
        problem = self.guard.problem(target, item.path) if self.guard is not None else None
        if problem is not None:
            return Outcome(item.source, FAILED, message=problem)
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
        except (OSError, UnicodeEncodeError) as error:
            return Outcome(
                item.source, FAILED, message=f"cannot write {target}: {getattr(error, 'strerror', None) or error}"
            )
        return outcome

    def start(self, target: Path) -> None:
        target.parent.mkdir(parents=True, exist_ok=True)
        with signals_deferred():  # the temporary file is known (and so abandoned on Ctrl-C) as soon as it exists
            handle, self.temp = temporary(target)
            self.handle = os.fdopen(handle, "w", encoding="utf-8", newline="")
            self.target, self.count = target, 0
        if self.fmt == "json":
            self.handle.write("[\n")

    def add(self, item: Item, output: str) -> None:
        assert self.handle is not None
        if self.fmt == "txt":
            self.handle.write(f"{chr(10) if self.count else ''}==> {writable(item.ident)} <==\n{output}")
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
        try:  # from here this removes the temporary file, whatever happens (abandon() no longer knows it)
            self.handle = self.target = self.temp = None
            if self.fmt == "json":
                handle.write("\n]\n")
            handle.close()
            with open(temp, "rb") as new:
                same = target.is_file() and target.read_bytes() == new.read()
            if not same:
                try:
                    mode = target.stat().st_mode & 0o7777
                except OSError:
                    mode = new_file_mode()
                os.chmod(temp, mode)
                os.replace(temp, target)
        except OSError as error:
            self.failures.append(Outcome(str(target), FAILED, message=f"cannot write: {error.strerror or error}"))
        finally:
            with contextlib.suppress(OSError):
                os.unlink(temp)

    def abandon(self) -> None:
        """Drop the file being written (the run was interrupted): the output keeps what it held."""
        if self.handle is None or self.temp is None:
            return
        handle, temp = self.handle, self.temp
        self.handle = self.target = self.temp = None
        with contextlib.suppress(OSError):
            handle.close()
        with contextlib.suppress(OSError):
            os.unlink(temp)


class Printer:
    """Writes outputs to stdout: ``json`` always as one array, the others a single input's output as it is,
    several with separators.

    ``json`` is an array whatever the count (``[]`` when nothing was cleaned), so a reader parses
    one shape.  For ``txt``, whether there are several inputs is known at the second one (failed
    ones count, as in ``head``), so the first output is held until then.

    >>> import io
    >>> out = io.StringIO()
    >>> printer = Printer(out, "json")
    >>> printer.close()
    >>> out.getvalue()
    '[]\\n'
    >>> out = io.StringIO()
    >>> printer = Printer(out, "json")
    >>> printer.input(("a.txt", '{"id": "a"}\\n'))
    >>> printer.close()
    >>> print(out.getvalue(), end="")
    [
    {"id": "a"}
    ]
    """

    def __init__(self, stdout: TextIO, fmt: str) -> None:
        self.stdout, self.fmt = stdout, fmt
        self.inputs = self.written = 0
        self.held: tuple[str, str] | None = None

    def input(self, output: tuple[str, str] | None) -> None:
        """One more input: its ``(source, output)``, or ``None`` when it failed."""
        self.inputs += 1
        if self.fmt == "json":
            if output is not None:
                self._many(*output)
            return
        if self.inputs == 1:
            self.held = output
            return
        if self.inputs == 2:
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
            self.stdout.write(("[\n" if first else ",\n") + text.rstrip("\n"))
        else:
            self.stdout.write(text)
        self.written += 1

    def close(self) -> None:
        """Write what is held, or close the JSON array."""
        if self.fmt == "json":
            self.stdout.write("\n]\n" if self.written else "[]\n")
        elif self.inputs == 1 and self.held is not None:
            self.stdout.write(self.held[1])


def avoided(args: argparse.Namespace) -> Collection[str]:
    """The folders a run must not search: the output folder of ``-o``, when it lies in the input tree."""
    return Guard.of(args.paths, args.output).avoid if getattr(args, "output", None) else frozenset()


def run_clean(args: argparse.Namespace, config: Config, stdout: TextIO, report: Reporter, jobs: int) -> None:
    """Clean every input; outcomes go to ``report``."""
    avoid = avoided(args)
    templates = corpus_templates(args.paths, config, avoid=avoid, jobs=jobs)
    work = functools.partial(clean_outcome, fmt=args.format, templates=templates)
    printer = Printer(stdout, args.format)
    outputs = Outputs(Path(args.output), args.format, Guard.of(args.paths, args.output)) if args.output else None
    try:
        for entry, outcome in run_ordered(work, gather(args.paths, config, avoid=avoid), config, jobs):
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
    except BaseException:
        if outputs is not None:
            outputs.abandon()
        raise
    if outputs is not None:
        outputs.finish()
        for failed in outputs.failures:
            report.outcome(failed)
    printer.close()
