"""Tokens of kept text and the facts about each that the guards need.

A token is a run of letters with no digit, underscore or letter glued to either
side, so "covfefe2" and "snake_case" hold no token at all.  Each token knows
where it stands (block and offset), whether it opens a sentence, and whether it
sits in a "chunk" (the stretch between spaces) that looks like an address, a
handle, a hashtag or code, where nothing is ever corrected.

>>> [(t.text, t.offset, t.sentence_start, t.plain) for t in tokens_of(0, "Teh cat. It said recieve, see teh.com")]
[('Teh', 0, True, True), ('cat', 4, False, True), ('It', 9, True, True), ('said', 12, False, True), ('recieve', 17, False, True), ('see', 26, False, True), ('teh', 30, False, False), ('com', 34, False, False)]
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import NamedTuple

_TOKEN = re.compile(r"(?<![\w])[^\W\d_]+(?![\w])")
#: What may stand between a sentence's end and the next sentence's first word.
_SENTENCE_END = re.compile(r"(?:^|[.!?…:]['\"”’)\]]*\s+|\n)['\"“‘(\[¡¿-]*$")
#: A chunk holding any of these is an address, handle, tag, path or code.
_NOT_PROSE = re.compile(r"[@#/\\_=<>{}|~^*+$%&\d]|\.\w|\w\.\w|://")


class Token(NamedTuple):
    """One word of a kept block (a named tuple: a document has one per word, and they are made fast)."""

    text: str
    block: int
    offset: int
    #: True when the token opens its block or a sentence.
    sentence_start: bool
    #: False when the token sits in an address, handle, hashtag or code.
    plain: bool


def shape(word: str) -> str:
    """``"upper"``, ``"title"``, ``"lower"`` or ``"mixed"`` (inner capitals).

    >>> [shape(w) for w in ("NATO", "Merkel", "recieve", "McCain", "iPhone")]
    ['upper', 'title', 'lower', 'mixed', 'mixed']
    """
    if word.isupper() and len(word) > 1:
        return "upper"
    if word.islower():
        return "lower"
    if word[:1].isupper() and word[1:].islower():
        return "title"
    return "mixed"


_CHUNK = re.compile(r"[^ \n\t]+")


@functools.lru_cache(maxsize=16384)
def is_plain(chunk: str) -> bool:
    """False for chunks that look like addresses, handles, tags or code.

    >>> [is_plain(c) for c in ("recieve,", "(teh", "teh.com", "@recieve", "#teh", "a/b", "end.")]
    [True, True, False, False, False, False, True]
    """
    return not _NOT_PROSE.search(chunk.rstrip(".!?…:;,'\"”’)]"))


#: What may stand just before the space ahead of a word that opens a sentence (a sentence's end, a
#: closing quote or bracket); a space too.  Any other character there, and the word opens none.
_ENDS_BEFORE_SPACE = frozenset(".!?…:'\"”’)]")


def opens_sentence(text: str, start: int) -> bool:
    """True when the word at ``start`` opens ``text`` or a sentence (:data:`_SENTENCE_END` just before it).

    Most words follow a space that follows a letter, and open no sentence: that is seen from the two
    characters before the word; only the rest is asked of the pattern, on the twelve characters
    before the word.

    >>> [opens_sentence(t, t.index("w")) for t in ("w", "a w", "a. w", "a.\\n(w", "a, w", "a.  w")]
    [True, False, True, True, False, True]
    """
    if not start:
        return True
    if start >= 2 and text[start - 1] == " ":
        before = text[start - 2]
        if before not in _ENDS_BEFORE_SPACE and not before.isspace():
            return False
    return _SENTENCE_END.search(text[max(0, start - 12) : start]) is not None


def tokens_of(block: int, text: str) -> Iterator[Token]:
    """The tokens of one block's text, in order.

    One pass over the text: each chunk (the stretch between spaces) is found
    once and judged once, however many tokens it holds, so a block of any
    length costs time in proportion to its length.

    >>> [(t.text, t.plain) for t in tokens_of(0, "a-b\tx@y.z c")]
    [('a', True), ('b', True), ('x', False), ('y', False), ('z', False), ('c', True)]
    """
    chunks = _CHUNK.finditer(text)
    chunk_end, chunk_plain = -1, True
    for match in _TOKEN.finditer(text):
        start, end = match.span()
        while chunk_end < end:  # a token never holds a space, so it lies inside one chunk
            chunk = next(chunks)
            chunk_end, chunk_plain = chunk.end(), is_plain(chunk.group(0))
        yield Token(match.group(0), block, start, opens_sentence(text, start), chunk_plain)  # the fields' order
