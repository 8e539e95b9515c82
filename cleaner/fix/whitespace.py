"""Whitespace and Unicode normalisation.

No-break and other wide spaces become plain spaces, zero-width spaces, soft
hyphens and control characters go, runs of spaces fold into one, line endings
become ``\\n``, lone surrogates become U+FFFD, and the text is put in NFC.
Curly quotes become straight unless ``typography`` is asked for.  None of this
is logged: it is normalisation, not repair.

>>> normalize_text("\\u201cHi\\u201d,\\u00a0she   said.\\u00ad\\r\\n")
'"Hi", she said.\\n'
>>> normalize_text("\\u201cHi\\u201d", typography=True)
'“Hi”'
"""

from __future__ import annotations

import re
import unicodedata

from cleaner.document import Document

#: Characters that are a space however they look.
_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
#: Characters that stand for nothing: zero-width space, word joiner, BOM, soft hyphen.
#: (Zero-width joiners and non-joiners stay: Persian, Indic scripts and emoji need them.)
_INVISIBLE = re.compile(r"[\u200b\u2060\ufeff\u00ad\u180e]")
#: Control characters other than newline, and lone surrogates.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
#: Line breaks, but NEL (U+0085), which is also cp1252's "…" and may belong to mojibake.
_BREAKS = re.compile(r"\r\n?|[\x0b\x0c\x1c-\x1e\u2028\u2029]")
_NEWLINES = re.compile(r"\r\n?|[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
_SINGLE_QUOTES = re.compile(r"[\u2018-\u201b\u02bc]")
_DOUBLE_QUOTES = re.compile(r"[\u201c-\u201f]")


def delete_invisible(text: str) -> str:
    r"""``text`` without control characters (but newlines) and invisible ones.

    >>> delete_invisible("a\x00b\u200bc\nd")
    'abc\nd'
    """
    return _INVISIBLE.sub("", _CONTROL.sub("", text))


def unify_breaks(text: str) -> str:
    r"""Every line break as ``\n``, but NEL (````), which mojibake may hold.

    >>> unify_breaks("a\r\nb\rc\u2028d\x85e")
    'a\nb\nc\nd\x85e'
    """
    return _BREAKS.sub("\n", text)


def fold_spaces(text: str) -> str:
    r"""Every run of spaces of any width as one plain space, and no space at either end of a line.

    >>> fold_spaces("\u00a0a \u2009 b \nc")
    'a b\nc'
    """
    text = _SPACES.sub(" ", text)
    return "\n".join(line.strip(" ") for line in text.split("\n"))


def straighten_quotes(text: str) -> str:
    """Curly quotes (and the modifier apostrophe) as straight ones.

    >>> print(straighten_quotes("\u2018Hi\u2019, \u201cthere\u201d"))
    'Hi', "there"
    """
    return _DOUBLE_QUOTES.sub('"', _SINGLE_QUOTES.sub("'", text))


def normalize_text(text: str, typography: bool = False) -> str:
    """The normalised form of ``text`` (idempotent)."""
    text = _SURROGATE.sub("\ufffd", text)
    text = _NEWLINES.sub("\n", text)
    text = delete_invisible(text)
    text = unicodedata.normalize("NFC", text)
    if not typography:
        text = straighten_quotes(text)
    return fold_spaces(text)


def normalize(doc: Document, typography: bool = False) -> Document:
    """Normalise the text of every block."""
    return doc.with_blocks(b.with_text(normalize_text(b.text, typography)) for b in doc.blocks)
