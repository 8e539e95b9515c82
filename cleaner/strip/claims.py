"""What every classifier takes and gives, and the shapes they share.

A classifier is a small pure function ``(text, context) -> Claim | None``.
It claims a whole block, or only its start (``Claim.end``), for one kind of
chrome, and may bring facts (an author, a date) with the claim.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from cleaner.document import Fact


@dataclass(frozen=True)
class Context:
    """Where a block stands, and what the peel has found so far in this round."""

    where: str = "head"  # "head", "tail" or "middle"
    found: frozenset[str] = frozenset()  # kinds claimed so far in this round
    authors: tuple[str, ...] = ()  # names from bylines so far
    after: tuple[str, ...] = ()  # the texts of the blocks that follow, in order
    before: tuple[str, ...] = ()  # the texts of the blocks that precede, nearest last

    @property
    def next(self) -> str | None:
        """The text of the next block, if any."""
        return self.after[0] if self.after else None


@dataclass(frozen=True)
class Claim:
    """A classifier's verdict: the block (or its first ``end`` characters) is ``kind``.

    ``rule`` names the classifier's own case (``share-bar``, ``follow-prompt``); ``row`` is the
    name of the registry row whose classifier claimed it, set when the registry asks it.
    """

    kind: str
    rule: str
    end: int | None = None
    facts: tuple[Fact, ...] = field(default=())
    row: str = ""


Classifier = Callable[[str, Context], "Claim | None"]


@dataclass(frozen=True, slots=True)
class Scan:
    """What a rule's gate reads of a block, found once: its text in lower case, and the word lists whose
    phrases stand in it (anywhere, as a part of a word too).

    A block gets one only where lower-casing keeps every character in its place and folds case as
    the rules' patterns do, with single spaces (see :mod:`cleaner.strip.phrases`); any other block
    is asked of every rule.
    """

    lowered: str
    lists: frozenset[str]


@dataclass(frozen=True)
class Gate:
    """When a rule is worth asking: a cheap test that every block the rule claims passes.

    A block passes when a phrase of one of ``lists`` stands in it, or one of ``parts`` (in lower
    case), or one of ``chars``, or ``test`` says so.  A rule with a gate is not asked of a
    block that fails it: the rule could not claim it.  The gate is part of the rule's contract,
    checked by its table of cases (``tests/test_classifiers.py``).

    >>> gate = Gate(lists=("cookies",), chars="©")
    >>> gate.admits("We use cookies", Context(), Scan("we use cookies", frozenset({"cookies"})))
    True
    >>> gate.admits("The council met.", Context(), Scan("the council met.", frozenset()))
    False
    """

    lists: tuple[str, ...] = ()
    #: Parts of words, in lower case; or a function that gives them (read from the word lists when first asked).
    parts: tuple[str, ...] | Callable[[], tuple[str, ...]] = ()
    chars: str = ""
    test: Callable[[str, Context, Scan], bool] | None = None
    #: Word lists that ``test`` reads in :attr:`Scan.lists` (besides ``lists``).
    reads: tuple[str, ...] = ()
    #: Whether ``test`` reads the context (then the gate is asked again in each context).
    contextual: bool = False

    def admits(self, text: str, ctx: Context, scan: Scan) -> bool:
        """True when the rule may claim ``text``."""
        if self.lists and not scan.lists.isdisjoint(self.lists):
            return True
        lowered = scan.lowered
        for part in self.phrases:
            if part in lowered:
                return True
        for char in self.chars:
            if char in text:
                return True
        return self.test is not None and self.test(text, ctx, scan)

    @property
    def phrases(self) -> tuple[str, ...]:
        """The parts of words that admit a block."""
        return self.parts() if callable(self.parts) else self.parts


_WORD = re.compile(r"[^\W_]+(?:['’.\-][^\W_]+)*", re.UNICODE)
_ENDS_SENTENCE = re.compile(r"[.!?…][\"'”’»)\]]*$")


@functools.lru_cache(maxsize=4096)
def word_count(text: str) -> int:
    """How many words ``text`` has (the rules ask it of one block many times: it is counted once).

    >>> word_count("NATO-allied countries, it's said.")
    4
    """
    return len(_WORD.findall(text))


def ends_sentence(text: str) -> bool:
    """True when ``text`` ends like a sentence (a full stop, maybe inside quotes).

    >>> ends_sentence('He said "no."'), ends_sentence("More from World")
    (True, False)
    """
    return bool(_ENDS_SENTENCE.search(text.rstrip()))


def looks_like_body(text: str) -> bool:
    """True for a block that reads as running prose: long, ending a sentence.

    >>> looks_like_body("Russia is a member of the Vienna-based organization.")
    True
    >>> looks_like_body("More from World")
    False
    """
    return word_count(text) >= 6 and ends_sentence(text)
