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

Memory is bounded: a document (a whole file, a JSONL line, a WARC record's
page) past ``config.max_bytes`` is refused without being read whole, and a
gzipped file that expands past ``config.max_gzip_ratio`` times its own size
(or past ``max_bytes``, if more) is refused as a decompression bomb.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "a.txt").write_text("Some text.")
>>> [(i.ident, i.text) for i in read_inputs([str(folder)], Config())]
[('a', 'Some text.')]
"""

from __future__ import annotations

import gzip
import json
import os
import sys
import zlib
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from cleaner.config import Config
from cleaner.io.errors import BinaryInput, InputError, TooLarge
from cleaner.io.files import find_files
from cleaner.io.text import binary_reason, decode_text, read_text

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


class Bounded:
    """A gzip stream that refuses to expand past ``limit`` bytes: a decompression bomb is an :class:`InputError`.

    >>> import io
    >>> data = gzip.compress(b"a" * 5000)
    >>> Bounded(gzip.GzipFile(fileobj=io.BytesIO(data)), 1000, "a.txt.gz").read()
    Traceback (most recent call last):
    ...
    cleaner.io.errors.TooLarge: a.txt.gz: expands past 1000 bytes: a decompression bomb? (see max-gzip-ratio)
    """

    def __init__(self, handle: IO[bytes], limit: int, source: str) -> None:
        self.handle, self.limit, self.source = handle, limit, source
        self.total = 0

    def _count(self, data: bytes) -> bytes:
        self.total += len(data)
        if self.total > self.limit:
            raise TooLarge(self.source, f"expands past {self.limit} bytes: a decompression bomb? (see max-gzip-ratio)")
        return data

    def read(self, size: int = -1) -> bytes:
        """At most ``size`` bytes (all when negative, up to the limit)."""
        if size < 0:
            size = self.limit + 1 - self.total
        return self._count(self.handle.read(max(size, 0)))

    def readline(self, size: int = -1) -> bytes:
        """One line, of at most ``size`` bytes."""
        return self._count(self.handle.readline(size))

    def close(self) -> None:
        self.handle.close()

    def __enter__(self) -> Bounded:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def gzip_limit(path: Path, config: Config) -> int:
    """How many bytes a gzipped file may expand to: ``max_gzip_ratio`` times its size, or ``max_bytes`` if more."""
    try:
        size = path.stat().st_size
    except OSError:
        size = 0
    return max(config.max_gzip_ratio * size, config.max_bytes)


def open_binary(path: Path, config: Config | None = None) -> IO[bytes] | Bounded:
    """A file opened for reading bytes, through gzip (bounded by :func:`gzip_limit`) when its name ends in ``.gz``."""
    if path.name.lower().endswith(".gz"):
        handle: IO[bytes] = gzip.open(path, "rb")  # type: ignore[assignment]  # noqa: SIM115 (closed by Bounded)
        return Bounded(handle, gzip_limit(path, config or Config()), str(path))
    return open(path, "rb")


def read_whole(path: Path, config: Config | None = None) -> bytes:
    """The bytes of a (possibly gzipped) file, refused past ``config.max_bytes``."""
    limit = (config or Config()).max_bytes
    try:
        with open_binary(path, config) as handle:
            data = handle.read(limit + 1)
    except (OSError, EOFError, zlib.error) as error:
        raise InputError(str(path), getattr(error, "strerror", None) or str(error)) from None
    if len(data) > limit:
        raise TooLarge(str(path), f"file too large (more than {limit} bytes; see max-bytes)")
    return data


def read_file(path: Path, root: Path | None, config: Config) -> Iterator[Item]:
    """The items in one file, by its kind."""
    kind = file_kind(path)
    if kind == "jsonl":
        yield from read_jsonl(path, root, config)
        return
    if kind == "warc":
        yield from read_warc(path, root, config)
        return
    ident = base_name(path)
    try:
        if kind == "html":
            yield Item(str(path), ident, html=read_page_bytes(path, config), path=path, root=root)
        elif path.name.lower().endswith(".gz"):
            yield Item(str(path), ident, text=decode_text(read_whole(path, config), str(path)), path=path, root=root)
        else:
            yield Item(str(path), ident, text=read_text(path, config.max_bytes), path=path, root=root)
    except InputError as error:
        yield Item(str(path), ident, path=path, root=root, error=error)


def read_page_bytes(path: Path, config: Config) -> bytes:
    """The bytes of an HTML file, refused when they are binary (an image or archive named ``.html``)."""
    data = read_whole(path, config)
    reason = binary_reason(data)
    if reason is not None:
        raise BinaryInput(str(path), f"binary file ({reason}), not a page")
    return data


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
        if config.text_field in record:
            return bad(f"field {wanted} is null")
        return bad(f"no {wanted} field")
    name, value = (config.html_field, html) if html is not None else (config.text_field, text)
    if not isinstance(value, str):
        return bad(f"field {name!r} is not a string (a JSON {json_type(value)})")
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


def json_type(value: Any) -> str:
    """The JSON name of a parsed value's type.

    >>> json_type(5), json_type([1]), json_type({}), json_type(True), json_type(None)
    ('number', 'array', 'object', 'boolean', 'null')
    """
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "object"
    return "string" if isinstance(value, str) else type(value).__name__


#: A line longer than ``max_bytes`` is passed over in pieces of this size.
SKIP_CHUNK = 1 << 20


def bounded_lines(handle: IO[bytes] | Bounded, limit: int) -> Iterator[bytes | None]:
    """The lines of a stream; ``None`` in place of a line longer than ``limit`` bytes, which is never held whole.

    >>> import io
    >>> list(bounded_lines(io.BytesIO(b"ab\\n" + b"x" * 10 + b"\\ncd"), 5))
    [b'ab\\n', None, b'cd']
    """
    while line := handle.readline(limit + 1):
        if len(line) <= limit or (line.endswith(b"\n") and len(line) == limit + 1):
            yield line
            continue
        while line and not line.endswith(b"\n"):
            line = handle.readline(SKIP_CHUNK)
        yield None


def read_jsonl(path: Path, root: Path | None, config: Config) -> Iterator[Item]:
    """One item per line of a JSONL file (blank lines are skipped), read line by line."""
    number = 0

    def failed(error: InputError) -> Item:
        return Item(f"{path}:{number}", f"{base_name(path)}:{number}", path=path, root=root, error=error)

    try:
        with open_binary(path, config) as handle:
            for number, line in enumerate(bounded_lines(handle, config.max_bytes), 1):
                if line is None:
                    reason = f"record too large (more than {config.max_bytes} bytes; see max-bytes)"
                    yield failed(TooLarge(str(path), reason, number))
                elif line.strip():
                    yield jsonl_item(line, number, path, root, config)
    except InputError as error:
        number += 1
        yield failed(InputError(str(path), error.reason, number))
    except (OSError, EOFError, zlib.error) as error:
        number += 1
        yield failed(InputError(str(path), getattr(error, "strerror", None) or str(error), number))


def read_warc(path: Path, root: Path | None, config: Config | None = None) -> Iterator[Item]:
    """One item per HTML response of a WARC file, read record by record.

    Other records (requests, metadata, responses that are not HTML) are
    passed over.  The record's URL and date go into the metadata as ``url``
    and ``crawl_date``.  A page past ``max_bytes`` fails alone; records whose
    declared lengths add up past :func:`gzip_limit` stop a gzipped file.
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    config = config or Config()
    limit = gzip_limit(path, config) if path.name.lower().endswith(".gz") else None
    offset, declared = 0, 0

    def failed(reason: str) -> Item:
        source = f"{path}@{offset}"
        return Item(source, f"{base_name(path)}@{offset}", path=path, root=root, error=InputError(source, reason))

    try:
        with open(path, "rb") as handle:
            records = ArchiveIterator(handle)
            for record in records:
                declared += max(record.length or 0, 0)
                if limit is not None and declared > limit:
                    offset = records.get_record_offset()
                    yield failed(f"records expand past {limit} bytes: a decompression bomb? (see max-gzip-ratio)")
                    return
                page = html_payload(record, config.max_bytes)  # read before the offset: warcio finds it past the record
                offset = records.get_record_offset()
                if page is TOO_LARGE:
                    yield failed(f"page too large (more than {config.max_bytes} bytes; see max-bytes)")
                elif isinstance(page, bytes):
                    yield warc_item(record, page, offset, path, root)
                offset = getattr(records, "offset", offset)  # where the next record starts
    except (ArchiveLoadFailed, OSError, EOFError, zlib.error, ValueError) as error:
        yield failed(f"broken WARC record ({error})")


#: What :func:`html_payload` gives for a page past the size limit.
TOO_LARGE = object()


def html_payload(record: Any, limit: int | None = None) -> bytes | object | None:
    """The body of a WARC record when it is an HTML response, else ``None`` (:data:`TOO_LARGE` past ``limit``)."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    content_type = record.http_headers.get_header("Content-Type") or ""
    if "html" not in content_type.lower():
        return None
    limit = limit or Config().max_bytes
    data: bytes = record.content_stream().read(limit + 1)
    return TOO_LARGE if len(data) > limit else data


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
    data = sys.stdin.buffer.read(config.max_bytes + 1)
    if len(data) > config.max_bytes:
        reason = f"input too large (more than {config.max_bytes} bytes; see max-bytes)"
        yield Item("<stdin>", "stdin", error=TooLarge("<stdin>", reason))
        return
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


def read_inputs(paths: Sequence[str], config: Config, avoid: Collection[str] = ()) -> Iterator[Item]:
    """Every document under ``paths``: files, folders (searched recursively), ``-`` for stdin.

    ``avoid``: real paths of folders not to search (see :func:`cleaner.io.files.find_files`).
    """
    for given in paths:
        if given == "-":
            yield from read_stdin(config)
        elif not os.path.lexists(given):
            yield Item(given, Path(given).stem, path=Path(given), error=InputError(given, "no such file or folder"))
        elif not Path(given).exists():
            yield Item(given, Path(given).stem, path=Path(given), error=InputError(given, "broken symbolic link"))
        else:
            for path, root in find_files([given], config.include, config.exclude, avoid):
                yield from read_file(path, root, config)
