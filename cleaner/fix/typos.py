"""Typo repair in kept text, on evidence from inside the document.

A token that occurs once, is not a word, and is one transposition or one
edit away from a name or acronym that the same document uses three or more
times is corrected to that name: "ANTO" beside a dozen "NATO"s.  This works in
any language.  Every change is logged as a :class:`~cleaner.document.Fix`.

>>> from cleaner.document import Document
>>> doc = Document.from_blocks(["NATO met. NATO spoke.", "NATO and ANTO agreed."])
>>> fixed = fix_typos(doc)
>>> fixed.blocks[1].text
'NATO and NATO agreed.'
>>> [(f.kind, f.before, f.after, f.block, f.offset) for f in fixed.fixes]
[('typo', 'ANTO', 'NATO', 1, 9)]
"""

from __future__ import annotations

import re
from collections import Counter

from cleaner.document import Block, Document, Fix

#: A name must occur this many times to be evidence.
MIN_EVIDENCE = 3
#: Names shorter than this are too easily one edit from a real word.
MIN_LENGTH = 4

_TOKEN = re.compile(r"\b[^\W\d_]+\b")


def _shape(word: str) -> str:
    if word.isupper():
        return "upper"
    if word[:1].isupper():
        return "title"
    return "lower"


def one_transposition(a: str, b: str) -> bool:
    """True when ``b`` is ``a`` with two neighbouring letters swapped.

    >>> one_transposition("ANTO", "NATO"), one_transposition("NATO", "NATO"), one_transposition("ANTO", "NOTA")
    (True, False, False)
    """
    if len(a) != len(b) or a == b:
        return False
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]


def evidence_fixes(counts: Counter[str]) -> dict[str, str]:
    """Which rare tokens to correct to which frequent names.

    Only names (capitalised or all capitals) count as evidence, and a token is
    corrected only to a name of the same shape, only when exactly one name fits.
    """
    names = [w for w, n in counts.items() if n >= MIN_EVIDENCE and len(w) >= MIN_LENGTH and _shape(w) != "lower"]
    out: dict[str, str] = {}
    for token, n in counts.items():
        if n != 1 or len(token) < MIN_LENGTH or _shape(token) == "lower":
            continue
        matches = [w for w in names if _shape(w) == _shape(token) and one_transposition(token, w)]
        if len(matches) == 1:
            out[token] = matches[0]
    return out


def fix_typos(doc: Document) -> Document:
    """Correct, in kept blocks, the tokens that the document's own names show to be typos."""
    counts = Counter(m.group(0) for b in doc.kept for m in _TOKEN.finditer(b.text))
    table = evidence_fixes(counts)
    if not table:
        return doc
    blocks = list(doc.blocks)
    fixes: list[Fix] = []
    for index, block in enumerate(blocks):
        if not block.kept:
            continue
        found = [(m.start(), m.group(0)) for m in _TOKEN.finditer(block.text) if m.group(0) in table]
        if not found:
            continue
        text = _TOKEN.sub(lambda m: table.get(m.group(0), m.group(0)), block.text)
        blocks[index] = Block(text, block.kind, block.by)
        fixes.extend(Fix("typo", word, table[word], "document-evidence", index, start) for start, word in found)
    return doc.replace(blocks=tuple(blocks), fixes=doc.fixes + tuple(fixes))
