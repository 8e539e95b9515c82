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
import itertools
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Set
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


def case_shape(word: str) -> str:
    """``"upper"``, ``"title"``, ``"lower"`` or ``"mixed"`` (inner capitals).

    >>> [case_shape(w) for w in ("NATO", "Merkel", "recieve", "McCain", "iPhone")]
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


#: What makes a chunk not plain (:data:`_NOT_PROSE`, less what it finds only beside these).  Nothing
#: it finds in a chunk is stripped off the chunk's end first: it ends in no character of the stripped set.
_NOT_PLAIN = re.compile(r"[@#/\\_=<>{}|~^*+$%&\d]|\.\w")
_NOT_PLAIN_ASCII = re.compile(_NOT_PLAIN.pattern, re.ASCII)
_GAP = re.compile(r"[ \n\t]")
#: :data:`_TOKEN` for text in ASCII, where it finds the same tokens, sooner.
_TOKEN_ASCII = re.compile(_TOKEN.pattern, re.ASCII)


def plain_text(text: str) -> str:
    """``text`` with every chunk that is not plain (:func:`is_plain`) blanked out by spaces: the
    tokens found in it are the plain tokens of ``text``, at the same offsets.

    Each chunk is read a bounded number of times, so the cost is in proportion to the length.

    >>> plain_text("see teh.com, or @bob (a/b) now.")
    'see          or            now.'
    """
    return _blanked(text)[0]


def _blanked(text: str) -> tuple[str, list[str]]:
    """:func:`plain_text` of ``text``, and the chunks it blanked out (``text`` itself when none)."""
    marks = _NOT_PLAIN_ASCII if text.isascii() else _NOT_PLAIN  # the same marks in ASCII, found sooner
    mark = marks.search(text)
    if mark is None:
        return text, []
    pieces: list[str] = []
    chunks: list[str] = []
    at = 0  # where the text not yet copied starts: 0, or the gap after a blanked chunk
    while mark is not None:
        inside = mark.start()
        start = max(text.rfind(" ", at, inside), text.rfind("\n", at, inside), text.rfind("\t", at, inside)) + 1
        gap = _GAP.search(text, mark.end())
        end = gap.start() if gap else len(text)
        chunks.append(text[start:end])
        pieces += [text[at:start], " " * (end - start)]
        at = end
        mark = marks.search(text, end)
    pieces.append(text[at:])
    return "".join(pieces), chunks


def _pattern(text: str) -> re.Pattern[str]:
    return _TOKEN_ASCII if text.isascii() else _TOKEN


def words_of(text: str) -> list[str]:
    """The tokens' texts of ``text``, in order, plain or not.

    >>> words_of("Teh cat, covfefe2 snake_case it's"), words_of("Café’s 2x")
    (['Teh', 'cat', 'it', 's'], ['Café', 's'])
    """
    return _pattern(text).findall(text)


class Words:
    """The words of some blocks' texts, found with compiled patterns over each whole block.

    What the fixes ask of all words (how often each is used) is answered from lists of
    strings; :class:`Token` objects, and whether a word opens a sentence, are made only
    for the words asked for.

    >>> words = Words({0: "NATO met. Then NATO spoke, see nato.int", 2: "Ask NATO."})
    >>> words.plain
    ['NATO', 'met', 'Then', 'NATO', 'spoke', 'see', 'Ask', 'NATO']
    >>> words.every_lower()
    Counter({'nato': 4, 'met': 1, 'then': 1, 'spoke': 1, 'see': 1, 'ask': 1, 'int': 1})
    >>> sorted(words.in_mid({"NATO", "Then", "Ask"}))
    ['NATO']
    >>> [(t.block, t.offset, t.sentence_start) for t in words.tokens({"NATO"})]
    [(0, 0, True), (0, 15, False), (2, 4, False)]
    """

    def __init__(self, texts: Mapping[int, str], like: Words | None = None) -> None:
        """The words of ``texts`` (block index: text); a block's text that ``like`` had too is not read again."""
        self.texts = dict(texts)
        self._plain: dict[int, str] = {}
        self._by_block: dict[int, list[str]] = {}
        self._blanked: dict[int, list[str]] = {}  # the chunks that are not plain, of each block
        for i, text in self.texts.items():
            if like is not None and like.texts.get(i) == text:
                self._plain[i], self._by_block[i], self._blanked[i] = (
                    like._plain[i],
                    like._by_block[i],
                    like._blanked[i],
                )
            else:
                self._plain[i], self._blanked[i] = _blanked(text)
                self._by_block[i] = words_of(self._plain[i])
        #: The plain tokens' texts, in order.
        self.plain: list[str] = list(itertools.chain.from_iterable(self._by_block.values()))

    @functools.cached_property
    def counts(self) -> Counter[str]:
        """How often each plain token's text occurs."""
        return Counter(self.plain)

    @functools.cached_property
    def lower(self) -> dict[str, int]:
        """How often each plain token's text occurs in lower case."""
        out: dict[str, int] = {}
        for word, n in self.counts.items():
            key = word.lower()
            out[key] = out.get(key, 0) + n
        return out

    def every_lower(self) -> Counter[str]:
        """How often each token's text, plain or not, occurs in lower case."""
        out = Counter(self.lower)
        out.update(w.lower() for chunks in self._blanked.values() for chunk in chunks for w in words_of(chunk))
        return out

    def _holding(self, wanted: Set[str]) -> Iterator[tuple[int, str, Iterator[re.Match[str]]]]:
        """The blocks with a plain token in ``wanted`` (asked block by block): index, text, the plain tokens' matches."""
        for i, words in self._by_block.items():
            if not wanted.isdisjoint(words):
                yield i, self.texts[i], _pattern(self._plain[i]).finditer(self._plain[i])

    def tokens(self, wanted: Set[str]) -> list[Token]:
        """The plain tokens whose text is in ``wanted``, in order."""
        return [
            Token(word, i, match.start(), opens_sentence(text, match.start()), True)
            for i, text, matches in self._holding(wanted)
            for match in matches
            if (word := match.group(0)) in wanted
        ]

    def in_mid(self, candidates: Iterable[str]) -> set[str]:
        """Which of ``candidates`` stand, as a plain token, at least once inside a sentence (opening none)."""
        todo = set(candidates)
        found: set[str] = set()
        if not todo:
            return found
        for _, text, matches in self._holding(todo):
            for match in matches:
                word = match.group(0)
                if word in todo and not opens_sentence(text, match.start()):
                    todo.discard(word)
                    found.add(word)
                    if not todo:
                        return found
        return found
