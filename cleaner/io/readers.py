"""Every input as a stream of :class:`Item` objects, one per document.

A file is one document (``.txt``, ``.html``, ``.htm``), or many (a ``.jsonl``
file has one per line, a ``.warc`` file one per HTML response).  Any of these
may be gzipped (``.gz``) and is read through gzip transparently.  Reading is
lazy: JSONL and WARC files are read record by record, in constant memory.  A
document that cannot be read becomes an item with an ``error``, so the caller
can report it, name its file and line (or WARC offset), and go on.

JSONL records give their text in ``config.text_field`` (or a page in
``config.html_field``, when set and present) and their id in
``config.id_field`` (else ``<file stem>:<line>``); every other field is kept
for the metadata (the fields of a nested ``metadata`` object, as datatrove and
dolma write them, are taken up one level).

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "a.txt").write_text("Some text.")
>>> [(i.ident, i.text) for i in read_inputs([str(folder)], Config())]
[('a', 'Some text.')]
"""

from __future__ import annotations

import gzip
import json
import sys
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from cleaner.config import Config
from cleaner.io.errors import InputError
from cleaner.io.files import find_files
from cleaner.io.text import MAX_BYTES, decode_text, read_text

#: The kinds of input file, by the end of their name (before any ``.gz``).
KINDS = {".txt": "text", ".html": "html", ".htm": "html", ".xhtml": "html", ".jsonl": "jsonl", ".warc": "warc"}


@dataclass(frozen=True)
class Item:
    """One document to clean, or the error met reading it."""

    source: str  # where it came from, for messages: "path", "path:line", "path@offset"
    ident: str  # its id in JSONL output
    text: str | None = None  # plain text, when the input is text
    html: str | bytes | None = None  # a page, when the input is HTML
    url: str | None = None
    charset: str | None = None  # the charset the HTTP header declared (WARC), for bytes
    meta: dict[str, Any] = field(default_factory=dict)  # other fields of the record, kept in metadata
    path: Path | None = None  # the file it came from (None for stdin)
    root: Path | None = None  # the folder that was searched to find it
    error: InputError | None = None

    @property
    def whole_file(self) -> bool:
        """True when the item is a whole plain-text file (so it can be fixed in place)."""
        return (
            self.path is not None
            and self.text is not None
            and self.source == str(self.path)
            and not self.path.name.endswith(".gz")
        )


def file_kind(path: str | Path) -> str:
    """What a file holds, by its name: ``text``, ``html``, ``jsonl`` or ``warc`` (``text`` when unknown).

    >>> file_kind("a.jsonl.gz"), file_kind("crawl.warc.gz"), file_kind("page.HTM"), file_kind("notes.md")
    ('jsonl', 'warc', 'html', 'text')
    """
    name = Path(path).name.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    return KINDS.get(Path(name).suffix, "text")


def base_name(path: Path) -> str:
    """A file's name without its kind's suffix (and ``.gz``): its id, and its output's name.

    >>> base_name(Path("data/a.jsonl.gz")), base_name(Path("b.html")), base_name(Path("c.tar"))
    ('a', 'b', 'c')
    """
    name = path.name[:-3] if path.name.lower().endswith(".gz") else path.name
    return Path(name).stem


def open_binary(path: Path) -> IO[bytes]:
    """A file opened for reading bytes, through gzip when its name ends in ``.gz``."""
    if path.name.lower().endswith(".gz"):
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return open(path, "rb")


def read_whole(path: Path) -> bytes:
    """The bytes of a (possibly gzipped) file, refused past :data:`MAX_BYTES`."""
    try:
        with open_binary(path) as handle:
            data = handle.read(MAX_BYTES + 1)
    except (OSError, EOFError, zlib.error) as error:
        raise InputError(str(path), getattr(error, "strerror", None) or str(error)) from None
    if len(data) > MAX_BYTES:
        raise InputError(str(path), f"file too large (more than {MAX_BYTES} bytes)")
    return data


def read_file(path: Path, root: Path | None, config: Config) -> Iterator[Item]:
    """The items in one file, by its kind."""
    kind = file_kind(path)
    if kind == "jsonl":
        yield from read_jsonl(path, root, config)
        return
    if kind == "warc":
        yield from read_warc(path, root)
        return
    ident = base_name(path)
    try:
        if kind == "html":
            yield Item(str(path), ident, html=read_whole(path), path=path, root=root)
        elif path.name.lower().endswith(".gz"):
            yield Item(str(path), ident, text=decode_text(read_whole(path), str(path)), path=path, root=root)
        else:
            yield Item(str(path), ident, text=read_text(path), path=path, root=root)
    except InputError as error:
        yield Item(str(path), ident, path=path, root=root, error=error)


def jsonl_item(line: bytes, number: int, path: Path, root: Path | None, config: Config) -> Item:
    """The item of one JSONL line (numbered from 1), or an item with the error that line has."""
    source, fallback = f"{path}:{number}", f"{base_name(path)}:{number}"

    def bad(reason: str) -> Item:
        return Item(source, fallback, path=path, root=root, error=InputError(str(path), reason, line=number))

    try:
        record = json.loads(line)
    except (ValueError, UnicodeDecodeError) as error:
        return bad(f"not valid JSON ({error})")
    if not isinstance(record, dict):
        return bad(f"a JSON {type(record).__name__}, not an object")
    ident = record.get(config.id_field)
    ident = fallback if ident is None or ident == "" else str(ident)
    html = record.get(config.html_field) if config.html_field else None
    text = record.get(config.text_field)
    if html is None and text is None:
        wanted = f"{config.text_field!r}" + (f" or {config.html_field!r}" if config.html_field else "")
        return bad(f"no {wanted} field")
    if not isinstance(html if html is not None else text, str):
        return bad(f"field {config.html_field if html is not None else config.text_field!r} is not a string")
    used = {config.id_field, config.text_field, config.html_field}
    meta: dict[str, Any] = {}
    for key, value in record.items():
        if key == "metadata" and isinstance(value, dict):
            meta.update(value)
        elif key not in used:
            meta[key] = value
    url = meta.get("url") if isinstance(meta.get("url"), str) else None
    if html is not None:
        return Item(source, ident, html=html, url=url, meta=meta, path=path, root=root)
    return Item(source, ident, text=text, url=url, meta=meta, path=path, root=root)


def read_jsonl(path: Path, root: Path | None, config: Config) -> Iterator[Item]:
    """One item per line of a JSONL file (blank lines are skipped), read line by line."""
    number = 0
    try:
        with open_binary(path) as handle:
            for number, line in enumerate(handle, 1):
                if line.strip():
                    yield jsonl_item(line, number, path, root, config)
    except (OSError, EOFError, zlib.error) as error:
        reason = getattr(error, "strerror", None) or str(error)
        yield Item(
            f"{path}:{number + 1}",
            base_name(path),
            path=path,
            root=root,
            error=InputError(str(path), reason, number + 1),
        )


def read_warc(path: Path, root: Path | None) -> Iterator[Item]:
    """One item per HTML response of a WARC file, read record by record.

    Other records (requests, metadata, responses that are not HTML) are
    passed over.  The record's URL and date go into the metadata as ``url``
    and ``crawl_date``.
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    offset = 0
    try:
        with open(path, "rb") as handle:
            records = ArchiveIterator(handle)
            for record in records:
                page = html_payload(record)  # read before the offset, which warcio finds by reading past the record
                offset = records.get_record_offset()
                if page is not None:
                    yield warc_item(record, page, offset, path, root)
                offset = getattr(records, "offset", offset)  # where the next record starts
    except (ArchiveLoadFailed, OSError, EOFError, zlib.error, ValueError) as error:
        source = f"{path}@{offset}"
        yield Item(
            source,
            f"{base_name(path)}@{offset}",
            path=path,
            root=root,
            error=InputError(source, f"broken WARC record ({error})"),
        )


def html_payload(record: Any) -> bytes | None:
    """The body of a WARC record when it is an HTML response, else ``None``."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    content_type = record.http_headers.get_header("Content-Type") or ""
    if "html" not in content_type.lower():
        return None
    data: bytes = record.content_stream().read(MAX_BYTES)
    return data


def warc_item(record: Any, data: bytes, offset: int, path: Path, root: Path | None) -> Item:
    """The item of one HTML response of a WARC file, found at ``offset``."""
    from cleaner.io.decode import charset_from_header

    content_type = record.http_headers.get_header("Content-Type") or ""
    url = record.rec_headers.get_header("WARC-Target-URI")
    meta = {"url": url, "crawl_date": record.rec_headers.get_header("WARC-Date")}
    ident = record.rec_headers.get_header("WARC-Record-ID") or f"{base_name(path)}@{offset}"
    source = f"{path}@{offset}"
    return Item(
        source,
        ident.strip("<>"),
        html=data,
        url=url,
        charset=charset_from_header(content_type),
        meta={k: v for k, v in meta.items() if v},
        path=path,
        root=root,
    )


def read_stdin(config: Config) -> Iterator[Item]:
    """The document on standard input: a page when it starts like HTML, else text."""
    data = sys.stdin.buffer.read()
    if looks_like_html(data):
        yield Item("<stdin>", "stdin", html=data)
        return
    try:
        text = decode_text(data, "<stdin>")
    except InputError as error:
        yield Item("<stdin>", "stdin", error=error)
        return
    yield Item("<stdin>", "stdin", text=text)


def looks_like_html(data: bytes) -> bool:
    """True when bytes start (after a BOM and blanks) like an HTML document.

    >>> looks_like_html(b"  <!DOCTYPE html><html>"), looks_like_html(b"<p>Hi</p>"), looks_like_html(b"Talks go on")
    (True, True, False)
    """
    start = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return start.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<p>", b"<div", b"<?xml", b"<!--"))


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
