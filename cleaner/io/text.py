"""Plain-text files: decoded strictly, refused when they are not text.

>>> decode_text(b"caf\\xc3\\xa9", "a.txt")
'café'
>>> decode_text(b"\\x00\\x01\\x02binary", "b.bin")
Traceback (most recent call last):
...
cleaner.io.errors.InputError: b.bin: binary file (NUL bytes), not text
"""

from __future__ import annotations

from pathlib import Path

from cleaner.io.errors import InputError

#: Files larger than this are refused rather than read whole.
MAX_BYTES = 256 * 1024 * 1024


def looks_binary(data: bytes) -> bool:
    """True when the first few KiB hold a NUL byte (as git and grep decide)."""
    return b"\x00" in data[:8192]


def decode_text(data: bytes, source: str) -> str:
    """Text from bytes: a BOM, else strict UTF-8, else the best-detected encoding."""
    if looks_binary(data) and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(source, "binary file (NUL bytes), not text")
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as error:
                raise InputError(source, f"broken {codec} text at byte {error.start}") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        utf8_error = error
    from charset_normalizer import from_bytes

    best = from_bytes(data[:1_000_000]).best()
    if best is None or best.encoding in ("utf_8", "ascii"):
        raise InputError(source, f"not UTF-8 text (bad byte at {utf8_error.start}) and no other encoding fits")
    return data.decode(best.encoding, errors="replace")


def read_text(path: str | Path) -> str:
    """The text of a file, with a clear :class:`InputError` when it is not text."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(str(path), f"file too large ({size} bytes; at most {MAX_BYTES})")
        data = path.read_bytes()
    except OSError as error:
        raise InputError(str(path), error.strerror or str(error)) from None
    return decode_text(data, str(path))
