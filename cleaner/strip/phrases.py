"""Where the phrases of some word lists stand in a text, found in one pass (Aho-Corasick).

A :class:`Phrases` holds the phrases of some lists of ``cleaner/data/<lang>.json``
(:func:`cleaner.lexicon.words`), in order.  Its hits are those of one regular
expression, ``(?<!\\w)(?:list0|list1|…)(?!\\w)`` with each list's phrases longest
first, spaces matching any run of spaces, case ignored, searched left to right
(:meth:`Phrases.hits`): at each place, the first list one of whose phrases stands
there as whole words, and its longest phrase; the next hit is looked for after it.

The phrases are found by an Aho-Corasick automaton (pyahocorasick) over the
lower-cased text, in one pass, and only then are the word edges and the order of
the lists applied.  The two give the same hits where lower-casing a text keeps
each character where it was and matches as the regular expression's case folding
does, and the text's spaces are single spaces: for anything else (a run of
spaces, a line break, one of the few letters whose case folds unlike its lower
case, such as ``ſ`` or ``İ``) the regular expressions themselves are asked.
``tests/test_block_model.py`` checks that both ways agree.

>>> lists = Phrases(("social", "newsletter"))
>>> [(lists.keys[i], start, end) for i, start, end in lists.hits("Share this story. Sign up for our newsletter")]
[('social', 0, 16), ('newsletter', 18, 29), ('newsletter', 34, 44)]
>>> lists.opening("» Sign up for our newsletter")
[False, True]
"""

from __future__ import annotations

import functools
import operator
import re
from collections.abc import Mapping, Sequence

import ahocorasick

from cleaner.lexicon import alternation, trie, words

#: Characters whose case the regular expressions fold unlike ``str.lower`` does (or that lower-case to
#: more than one character): a text holding one is searched with the regular expressions.
#: ``tests/test_block_model.py`` checks, for every letter of every list, that no other character does so.
CASE_FOLDS_APART = frozenset(
    "\u0130\u0131\u017f\u1c80\u1c81\u1c82\u1c83\u1c84\u1c85\u1c86\u1c87\u1c88"  # İ ı ſ, Cyrillic extended-C
    "\u03c2\u03d0\u03d1\u03d5\u03d6\u03f0\u03f1\u03f5\u1e9b\u1fbe\u212a\u212b\u1e9e\ua64b"  # Greek, K, Å, ẞ, ꙋ
)
#: What may stand before a phrase that opens a text: at most three non-word characters.
LEAD = re.compile(r"\W{0,3}")
#: A phrase opens a text when it stands in its first this many characters.
OPENING = 80


class Phrases:
    """The phrases of some word lists (``keys``, in order), and where they stand in a text."""

    def __init__(self, keys: Sequence[str], more: Mapping[str, Sequence[str]] | None = None) -> None:
        """The phrases of the word lists ``keys``, and of ``more`` lists given as phrases (lower case)."""
        more = dict(more or {})
        self.keys = (*keys, *more)
        lists: dict[str, list[int]] = {}
        for index, key in enumerate(self.keys):
            for phrase in more[key] if key in more else words(key):
                lists.setdefault(phrase, []).append(index)
        self.automaton = ahocorasick.Automaton()
        for phrase, found in lists.items():
            self.automaton.add_word(phrase, (len(phrase), tuple(found)))
        if lists:
            self.automaton.make_automaton()
        self.empty = not lists

    @functools.cached_property
    def _places(self) -> tuple[re.Pattern[str], tuple[re.Pattern[str], ...]]:
        """The regular expressions: where any phrase stands, and each list's phrase at a place."""
        phrases = tuple(sorted({w for key in self.keys for w in words(key)}))
        anywhere = re.compile(rf"(?<!\w)(?:{trie(phrases)})(?!\w)", re.IGNORECASE)
        each = tuple(re.compile(rf"(?:{alternation(words(key))})(?!\w)", re.IGNORECASE) for key in self.keys)
        return anywhere, each

    def _found(self, text: str) -> list[tuple[int, int, tuple[int, ...]]] | None:
        """Every phrase standing in ``text`` with no word character just before it, as ``(start, end, lists)``;
        ``None`` when the automaton cannot be asked for this text (see the module's docstring)."""
        lowered = self.lowered(text)
        if lowered is None:
            return None
        if self.empty:
            return []
        out = []
        for last, (length, lists) in self.automaton.iter(lowered):
            start = last + 1 - length
            if not start or not _is_word(text[start - 1]):
                out.append((start, last + 1, lists))
        return out

    def lowered(self, text: str) -> str | None:
        """``text`` in lower case, when the automaton can read it (see the module's docstring), else ``None``.

        >>> Phrases(()).lowered("Share THIS"), Phrases(()).lowered("two  spaces")
        ('share this', None)
        """
        if " ".join(text.split()) != text or not CASE_FOLDS_APART.isdisjoint(text):
            return None
        lowered = text.lower()
        return lowered if len(lowered) == len(text) else None

    def present(self, lowered: str) -> frozenset[str]:
        """The lists a phrase of which stands anywhere in ``lowered`` (a text :meth:`lowered` gave), as a part of
        a word too: every list a case-blind pattern of its phrases could find there.

        >>> sorted(Phrases(("social", "cookies")).present("we use cookies; shareholders"))
        ['cookies', 'social']
        """
        if self.empty:
            return frozenset()
        found: set[int] = set()
        for _, lists in set(map(_PAYLOAD, self.automaton.iter(lowered))):  # each phrase found, once
            found.update(lists)
        return frozenset(self.keys[i] for i in found)

    def scan(self, text: str, size: int = 2000) -> tuple[list[bool], list[tuple[int, int, int]]]:
        """Which lists open ``text`` (:meth:`opening`) and the hits in its first ``size`` characters (:meth:`hits`),
        in one pass."""
        part = text[:size]
        found = self._found(part)
        if found is None:
            return self._opening_by_pattern(text), self._hits_by_pattern(part)
        head = min(len(part), OPENING)
        lead = LEAD.match(part, 0, head).end()  # type: ignore[union-attr]
        opens = [False] * len(self.keys)
        for start, end, lists in found:
            if start <= lead and end <= head and (end == head or not _is_word(part[end])):
                for index in lists:
                    opens[index] = True
        whole = [(start, end, lists) for start, end, lists in found if end == len(part) or not _is_word(part[end])]
        return opens, _in_order(whole)

    def hits(self, text: str) -> list[tuple[int, int, int]]:
        """Each hit in ``text``, left to right, as ``(list index, start, end)``.

        >>> Phrases(("social",)).hits("Shareholders of Share fell")  # whole words only
        [(0, 16, 21)]
        """
        return self.scan(text, len(text))[1]

    def opening(self, text: str) -> list[bool]:
        """For each list, whether one of its phrases opens ``text`` (after at most three non-word characters),
        as a whole word within its first 80 characters.

        >>> Phrases(("social", "newsletter")).opening("Follow us on Twitter, and sign up for our newsletter")
        [True, False]
        """
        return self.scan(text, OPENING)[0]

    def _hits_by_pattern(self, text: str) -> list[tuple[int, int, int]]:
        anywhere, each = self._places
        out, at = [], 0
        while (found := anywhere.search(text, at)) is not None:
            start = found.start()
            for index, pattern in enumerate(each):
                hit = pattern.match(text, start)
                if hit is not None:
                    out.append((index, start, hit.end()))
                    at = max(hit.end(), start + 1)
                    break
            else:  # cannot happen: both patterns hold the same phrases
                break
        return out

    def _opening_by_pattern(self, text: str) -> list[bool]:
        head = text[:OPENING]
        lead = LEAD.match(head).end()  # type: ignore[union-attr]
        _, each = self._places
        return [any(p.match(head, at) for at in range(lead + 1)) for p in each]


def _in_order(found: list[tuple[int, int, tuple[int, ...]]]) -> list[tuple[int, int, int]]:
    """The hits, left to right, of whole-word phrases found anywhere: at each place the first list, its longest
    phrase; the next hit after it."""
    best: dict[int, tuple[int, int]] = {}
    for start, end, lists in found:
        first = lists[0]
        held = best.get(start)
        if held is None or first < held[0] or (first == held[0] and end > held[1]):
            best[start] = (first, end)
    out, at = [], 0
    for start in sorted(best):
        if start < at:
            continue
        index, end = best[start]
        out.append((index, start, end))
        at = max(end, start + 1)
    return out


#: The phrase's length and lists, of a match the automaton yields.
_PAYLOAD = operator.itemgetter(1)


def _is_word(char: str) -> bool:
    """True for a character that ``\\w`` matches."""
    return char.isalnum() or char == "_"
