"""The inputs of a run: items to clean, and the inputs that are only reported.

:func:`gather` reads every path through :func:`cleaner.io.readers.read_inputs`
and sorts out, before any cleaning, what is not for this command:

- a file that cannot be read is a failure, except a binary file met while
  searching a folder (an image, an archive, control codes: see
  :mod:`cleaner.io.text`), which is skipped with a note (a binary file named
  on the command line is an error);
- ``fix``, ``check`` and ``diff`` only rewrite whole plain-text files:
  pages, records inside a file (JSONL, WARC), gzipped files and standard
  input are skipped with a note;
- a file reached twice (named twice, or through a symlink) is done once;
- with ``--filter-files``, named files also have to pass the include and
  exclude globs (the pre-commit hook uses this), and ``fix``, ``check`` and
  ``diff`` pass over named pages, JSONL, WARC and gzipped files quietly.

>>> import tempfile
>>> folder = Path(tempfile.mkdtemp())
>>> _ = (folder / "a.txt").write_text("Text."), (folder / "b.txt").write_bytes(b"\\x00\\x01")
>>> [(type(w).__name__, getattr(w, "status", "")) for w in gather([str(folder)], Config())]
[('Item', ''), ('Outcome', 'skipped')]
>>> [(w.status, w.message) for w in gather([str(folder / "b.txt")], Config())]
[('failed', 'binary file (NUL bytes), not text')]
"""

from __future__ import annotations

import os
from collections.abc import Collection, Iterator, Sequence
from pathlib import Path

from cleaner.cli.outcome import IGNORED, SKIPPED, Outcome
from cleaner.cli.pool import Work
from cleaner.cli.work import failure
from cleaner.config import Config
from cleaner.io.errors import BinaryInput
from cleaner.io.files import find_files, selected
from cleaner.io.readers import Item, file_kind, read_inputs

STDIN = "-"


def gather(
    paths: Sequence[str],
    config: Config,
    *,
    whole_files: bool = False,
    filter_files: bool = False,
    avoid: Collection[str] = (),
) -> Iterator[Work]:
    """Every input under ``paths``, in order: an :class:`Item` to clean or an :class:`Outcome` to report.

    ``whole_files``: only whole plain-text files are to be cleaned (``fix``, ``check``, ``diff``).
    ``avoid``: real paths of folders not to search (the output folder of ``clean -o``).
    """
    seen: dict[str, str] = {}
    for given in paths:
        if (
            filter_files
            and given != STDIN
            and not Path(given).is_dir()
            and not selected(given, config.include, config.exclude)
        ):
            yield Outcome(given, IGNORED, message="not matched by the include and exclude globs")
            continue
        if (
            filter_files
            and whole_files
            and given != STDIN
            and not Path(given).is_dir()
            and not is_plain_text_file(given)
        ):
            yield Outcome(given, IGNORED, message="not a plain-text file")
            continue
        in_folder = given != STDIN and Path(given).is_dir()
        noted: set[str] = set()
        for item in read_inputs([given], config, avoid):
            yield triage(item, in_folder, whole_files, seen, noted)


def is_plain_text_file(path: str) -> bool:
    """True when a file is plain text by its name (not a page, JSONL, WARC or gzipped file).

    >>> is_plain_text_file("a.txt"), is_plain_text_file("notes.md"), is_plain_text_file("page.html"), is_plain_text_file("a.txt.gz")
    (True, True, False, False)
    """
    return file_kind(path) == "text" and not path.lower().endswith(".gz")


def triage(item: Item, in_folder: bool, whole_files: bool, seen: dict[str, str], noted: set[str]) -> Work:
    """``item`` when it is to be cleaned, else the outcome to report for it.

    For ``fix``, ``check`` and ``diff``, a page or a file of records is skipped
    once, as a whole: its records are not read, so their errors are not reported.
    """
    if whole_files and item.path is not None and not is_plain_text_file(str(item.path)):
        return skip_file(item, noted)
    if item.error is not None:
        if in_folder and isinstance(item.error, BinaryInput):
            return Outcome(item.source, SKIPPED, message="binary file")
        return failure(item.source, item.error)
    if not whole_files:
        return item
    if not item.whole_file:
        return skip_file(item, noted)
    assert item.path is not None
    real = os.path.realpath(item.path)
    if real in seen:
        return Outcome(item.source, IGNORED, message=f"the same file as {seen[real]}")
    seen[real] = item.source
    return item


def skip_file(item: Item, noted: set[str]) -> Outcome:
    """The outcome of an item that ``fix`` cannot rewrite: its file is reported once, the rest ignored."""
    file = str(item.path) if item.path is not None else item.source
    if file in noted:
        return Outcome(item.source, IGNORED)
    noted.add(file)
    return Outcome(file, SKIPPED, message="fix, check and diff only rewrite whole plain-text files")


def measure_inputs(paths: Sequence[str], config: Config, avoid: Collection[str] = ()) -> tuple[int, int]:
    """About how many inputs there are (files; a file of records counts once) and their bytes (on disk), for a
    progress bar; standard input counts one, of no known size.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.txt").write_text("Some text.\\n"), (folder / "b.png").write_bytes(b"x")
    >>> measure_inputs([str(folder), "-"], Config())
    (2, 11)
    """
    count = size = 0
    for given in paths:
        if given == STDIN:
            count += 1
            continue
        for path, _root in find_files([given], config.include, config.exclude, avoid):
            count += 1
            try:
                size += path.stat().st_size
            except OSError:  # gone, or unreadable: said when it is read
                pass
    return count, size
