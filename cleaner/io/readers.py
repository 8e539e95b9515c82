"""Every input as a stream of :class:`Item` objects, one per document.

A file is one document (``.txt``), or many (a JSONL file has one per line, a
WARC file one per response).  Reading is lazy: a large file is read record by
record.  A document that cannot be read becomes an item with an ``error``, so
the caller can report it, name its file and line, and go on.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "a.txt").write_text("Some text.")
>>> [(i.ident, i.text) for i in read_inputs([str(folder)], Config())]
[('a', 'Some text.')]
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cleaner.config import Config
from cleaner.io.errors import InputError
from cleaner.io.files import find_files
from cleaner.io.text import decode_text, read_text


@dataclass(frozen=True)
class Item:
    """One document to clean, or the error met reading it."""

    source: str  # where it came from, for messages: "path", "path:line", "path@offset"
    ident: str  # its id in JSONL output
    text: str | None = None  # plain text, when the input is text
    html: str | bytes | None = None  # a page, when the input is HTML
    url: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)  # other fields of the record, kept in metadata
    path: Path | None = None  # the file it came from (None for stdin)
    root: Path | None = None  # the folder that was searched to find it
    error: InputError | None = None

    @property
    def whole_file(self) -> bool:
        """True when the item is a whole plain-text file (so it can be fixed in place)."""
        return self.path is not None and self.text is not None and self.source == str(self.path)


def read_file(path: Path, root: Path | None, config: Config) -> Iterator[Item]:
    """The items in one file."""
    try:
        text = read_text(path)
    except InputError as error:
        yield Item(str(path), path.stem, path=path, root=root, error=error)
        return
    yield Item(str(path), path.stem, text=text, path=path, root=root)


def read_stdin(config: Config) -> Iterator[Item]:
    """The document on standard input."""
    try:
        text = decode_text(sys.stdin.buffer.read(), "<stdin>")
    except InputError as error:
        yield Item("<stdin>", "stdin", error=error)
        return
    yield Item("<stdin>", "stdin", text=text)


def read_inputs(paths: Sequence[str], config: Config) -> Iterator[Item]:
    """Every document under ``paths``: files, folders (searched recursively), ``-`` for stdin."""
    for given in paths:
        if given == "-":
            yield from read_stdin(config)
        elif not Path(given).exists():
            yield Item(given, Path(given).stem, path=Path(given), error=InputError(given, "no such file or folder"))
        else:
            for path, root in find_files([given], config.include, config.exclude):
                yield from read_file(path, root, config)
