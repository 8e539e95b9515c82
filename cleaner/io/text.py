r"""Plain-text files: decoded strictly, refused when they are not text.

A file is binary, and refused, when any of these holds:

- a NUL byte in its first 8 KiB (as git and grep decide), unless a UTF-16 or
  UTF-32 byte-order mark explains it;
- it starts with the signature of a common binary format (:data:`SIGNATURES`:
  PNG, JPEG, GIF, PDF, ZIP, gzip, …), whatever its name says;
- once decoded, more than :data:`MAX_ODD_SHARE` of its first
  :data:`SAMPLE` characters are control characters (tab, line breaks and form
  feeds aside) or bytes that no encoding could read.

>>> decode_text(b"caf\xc3\xa9", "a.txt")
'café'
>>> decode_text(b"\x00\x01\x02binary", "b.bin")
Traceback (most recent call last):
...
cleaner.io.errors.BinaryInput: b.bin: binary file (NUL bytes), not text
>>> decode_text(b"\x89PNG\r\n\x1a\n\x12IHDR", "c.txt")
Traceback (most recent call last):
...
cleaner.io.errors.BinaryInput: c.txt: binary file (PNG image), not text
>>> decode_text(b"\x01\x02\x03\x04 one two three", "d.txt")
Traceback (most recent call last):
...
cleaner.io.errors.BinaryInput: d.txt: binary file (22% control or undecodable characters), not text
"""

from __future__ import annotations

import re
from pathlib import Path

from cleaner.config import MAX_BYTES
from cleaner.io.errors import BinaryInput, InputError, TooLarge

#: How much of the start of a file is looked at for NUL bytes.
SNIFF = 8192
#: How many decoded characters are looked at for control characters.
SAMPLE = 65536
#: Past this share of control or undecodable characters, decoded bytes are not text.
MAX_ODD_SHARE = 0.05

#: Byte-order marks, longest first (the UTF-32 LE mark starts like the UTF-16 LE one).
BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)

#: The first bytes of common binary formats (a pattern matched at the start of the file), and their names.
SIGNATURES: tuple[tuple[re.Pattern[bytes], str], ...] = tuple(
    (re.compile(pattern, re.DOTALL), name)
    for pattern, name in (
        (rb"\x89PNG\r\n\x1a\n", "PNG image"),
        (rb"\xff\xd8\xff", "JPEG image"),
        (rb"GIF8[79]a", "GIF image"),
        (rb"II\*\x00|MM\x00\*", "TIFF image"),
        (rb"RIFF....WEBP", "WebP image"),
        (rb"RIFF....WAVE", "WAV audio"),
        (rb"RIFF....AVI ", "AVI video"),
        (rb"....ftyp", "MP4 or QuickTime media"),
        (rb"\x1a\x45\xdf\xa3", "Matroska or WebM video"),
        (rb"OggS", "Ogg media"),
        (rb"fLaC", "FLAC audio"),
        (rb"ID3[\x02-\x04]", "MP3 audio"),
        (rb"wOFF|wOF2", "web font"),
        (rb"%PDF-", "PDF document"),
        (rb"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "OLE document (old Microsoft Office)"),
        (rb"PK\x03\x04|PK\x05\x06|PK\x07\x08", "ZIP archive"),
        (rb"\x1f\x8b", "gzip data"),
        (rb"BZh[1-9]1AY&SY", "bzip2 data"),
        (rb"\xfd7zXZ\x00", "xz data"),
        (rb"\x28\xb5\x2f\xfd", "zstd data"),
        (rb"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
        (rb"Rar!\x1a\x07", "RAR archive"),
        (rb"SQLite format 3\x00", "SQLite database"),
        (rb"\x7fELF", "ELF executable"),
        (rb"\xca\xfe\xba\xbe|\xcf\xfa\xed\xfe|\xce\xfa\xed\xfe", "Mach-O executable or Java class"),
        (rb"\x00asm", "WebAssembly module"),
    )
)

#: Control characters that text does not hold (tab, line feed, vertical tab, form feed and carriage return do).
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def signature(data: bytes) -> str | None:
    """The binary format whose signature starts ``data``, if any.

    >>> signature(b"%PDF-1.7"), signature(b"GIF89a"), signature(b"PK\\x03\\x04"), signature(b"Plain words.")
    ('PDF document', 'GIF image', 'ZIP archive', None)
    """
    return next((name for pattern, name in SIGNATURES if pattern.match(data)), None)


def binary_reason(data: bytes) -> str | None:
    """Why bytes are binary, by their first bytes alone (a signature, NUL bytes); ``None`` when they may be text.

    >>> binary_reason(b"\\x1f\\x8b\\x08\\x00"), binary_reason(b"a\\x00b"), binary_reason("Hi".encode("utf-16"))
    ('gzip data', 'NUL bytes', None)
    """
    if data.startswith(tuple(bom for bom, codec in BOMS if codec != "utf-8-sig")):
        return None
    found = signature(data)
    if found is not None:
        return found
    return "NUL bytes" if b"\x00" in data[:SNIFF] else None


def looks_binary(data: bytes) -> bool:
    """True when the first bytes say binary: a signature, or a NUL byte in the first 8 KiB.

    >>> looks_binary(b"\\x89PNG\\r\\n\\x1a\\n"), looks_binary(b"text")
    (True, False)
    """
    return binary_reason(data) is not None


def odd_share(text: str, replaced: bool = False) -> float:
    """The share of control characters (and, when ``replaced``, of U+FFFD) among the first :data:`SAMPLE` characters.

    >>> odd_share("plain text\\n"), odd_share("a\\x01b\\x02"), odd_share("caf\\ufffd", replaced=True)
    (0.0, 0.5, 0.25)
    """
    sample = text[:SAMPLE]
    if not sample:
        return 0.0
    odd = len(_CONTROL.findall(sample)) + (sample.count("\ufffd") if replaced else 0)
    return odd / len(sample)


def checked(text: str, source: str, replaced: bool = False) -> str:
    """``text``, unless too much of it is control characters (or bytes no encoding read): then :class:`BinaryInput`."""
    share = odd_share(text, replaced)
    if share > MAX_ODD_SHARE:
        raise BinaryInput(source, f"binary file ({share:.0%} control or undecodable characters), not text")
    return text


def decode_text(data: bytes, source: str) -> str:
    """Text from bytes: a BOM, else strict UTF-8, else the best-detected encoding; binary is refused."""
    reason = binary_reason(data)
    if reason is not None:
        raise BinaryInput(source, f"binary file ({reason}), not text")
    for bom, codec in BOMS:
        if data.startswith(bom):
            try:
                return checked(data.decode(codec), source)
            except UnicodeDecodeError as error:
                raise InputError(source, f"broken {codec} text at byte {error.start}") from None
    try:
        return checked(data.decode("utf-8"), source)
    except UnicodeDecodeError as error:
        utf8_error = error
    from cleaner.io.decode import guess_encoding

    encoding = guess_encoding(data)
    if encoding is None:
        checked(data[:SAMPLE].decode("latin-1"), source)  # bytes no encoding fits may be binary: say so
        raise InputError(source, f"not UTF-8 text (bad byte at {utf8_error.start}) and no other encoding fits")
    return checked(data.decode(encoding, errors="replace"), source, replaced=True)


def read_text(path: str | Path, limit: int = MAX_BYTES) -> str:
    """The text of a file of at most ``limit`` bytes, with a clear :class:`InputError` when it is not text."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > limit:
            raise TooLarge(str(path), f"file too large ({size} bytes; the limit is {limit}, max-bytes)")
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)
    except OSError as error:
        raise InputError(str(path), error.strerror or str(error)) from None
    if len(data) > limit:  # it grew while being read
        raise TooLarge(str(path), f"file too large (more than {limit} bytes, max-bytes)")
    return decode_text(data, str(path))
