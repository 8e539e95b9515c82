"""The report's numbers, added up one summary at a time in bounded memory.

Counts by kind, site, language and fix are kept whole; of the documents
themselves only the ``top`` most changed keep their blocks, in a heap, so
memory and the page stay bounded however many documents there are.

>>> from cleaner.report.summary import Summary
>>> totals = Totals(top=1)
>>> totals.add(Summary("a", "s", "en", tokens=10, kept=10))
>>> totals.add(Summary("b", "s", "en", tokens=10, kept=4, removed=(("byline", 1, 6),)))
>>> totals.add(Summary("c", "t", None, tokens=10, kept=8, removed=(("title", 1, 2),), fixes=(("typo", "ANTO", "NATO"),)))
>>> totals.documents, totals.tokens, totals.kept, dict(totals.kind_tokens), dict(totals.site_tokens)
(3, 30, 22, {'byline': 6, 'title': 2}, {'s': 6, 't': 2})
>>> [s.source for s in totals.most_changed()], totals.histogram
(['b'], [0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 1])
>>> dict(totals.languages), totals.repairs("typo")
({'en': 2, '': 1}, [(('ANTO', 'NATO'), 1)])
"""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from cleaner.report.summary import Summary

#: The histogram of the share kept: ten bins of 10%, and one for documents nothing was removed from.
BINS = 10


def share_bin(summary: Summary) -> int:
    """The histogram bin of a document: ``0`` (under 10% kept) to ``9``, and ``10`` when nothing was removed.

    >>> [share_bin(Summary("x", tokens=10, kept=k)) for k in (0, 1, 9, 10)]
    [0, 1, 9, 10]
    """
    if summary.kept >= summary.tokens:
        return BINS
    return min(int(summary.share_kept * BINS), BINS - 1)


def change(summary: Summary) -> tuple[float, int, int]:
    """How much a document changed, to rank them: the share of tokens removed, then tokens removed, then fixes.

    >>> change(Summary("x", tokens=10, kept=5, fixes=(("typo", "a", "b"),)))
    (0.5, 5, 1)
    """
    return (1.0 - summary.share_kept, summary.removed_tokens, len(summary.fixes))


def changed(summary: Summary) -> bool:
    """True when cleaning removed or fixed anything in the document."""
    return bool(summary.removed or summary.fixes)


@dataclass
class Totals:
    """Everything the report shows, added up."""

    top: int = 50
    documents: int = 0
    failed: int = 0
    skipped: int = 0
    tokens: int = 0
    kept: int = 0
    kind_blocks: Counter[str] = field(default_factory=Counter)
    kind_tokens: Counter[str] = field(default_factory=Counter)
    site_blocks: Counter[str] = field(default_factory=Counter)
    site_tokens: Counter[str] = field(default_factory=Counter)
    site_documents: Counter[str] = field(default_factory=Counter)
    languages: Counter[str] = field(default_factory=Counter)
    fix_kinds: Counter[str] = field(default_factory=Counter)
    fix_pairs: defaultdict[str, Counter[tuple[str, str]]] = field(default_factory=lambda: defaultdict(Counter))
    histogram: list[int] = field(default_factory=lambda: [0] * (BINS + 1))
    _heap: list[tuple[tuple[float, int, int], int, Summary]] = field(default_factory=list)

    def add(self, summary: Summary) -> None:
        """Count one document (its blocks are kept only while it is among the ``top`` most changed)."""
        self.documents += 1
        self.tokens += summary.tokens
        self.kept += summary.kept
        self.site_documents[summary.site] += 1
        self.languages[summary.language or ""] += 1
        self.histogram[share_bin(summary)] += 1
        for kind, blocks, tokens in summary.removed:
            self.kind_blocks[kind] += blocks
            self.kind_tokens[kind] += tokens
            self.site_blocks[summary.site] += blocks
            self.site_tokens[summary.site] += tokens
        for kind, before, after in summary.fixes:
            self.fix_kinds[kind] += 1
            self.fix_pairs[kind][before, after] += 1
        if self.top > 0 and changed(summary):
            entry = (change(summary), -self.documents, summary)  # earlier documents win ties
            if len(self._heap) < self.top:
                heapq.heappush(self._heap, entry)
            elif entry[:2] > self._heap[0][:2]:
                heapq.heapreplace(self._heap, entry)

    def most_changed(self) -> list[Summary]:
        """The ``top`` documents that changed most, most changed first."""
        return [s for _, _, s in sorted(self._heap, key=lambda e: e[:2], reverse=True)]

    def repairs(self, kind: str, limit: int = 15) -> list[tuple[tuple[str, str], int]]:
        """The most frequent ``(before, after)`` fixes of one kind, with their counts (ties in alphabetical order)."""
        pairs = self.fix_pairs.get(kind, Counter())
        return sorted(pairs.items(), key=lambda item: (-item[1], item[0]))[:limit]
