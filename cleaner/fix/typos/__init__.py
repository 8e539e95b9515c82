"""Typo repair in kept text: right when it acts, and almost never acting on correct text.

Two kinds of fix, each logged as a :class:`~cleaner.document.Fix` with its
kind, the word before and after, the rule (``by``), the block and the offset:

- ``typo`` (by ``document-evidence``, any language): a token seen once that is
  one swap (or one edit) from a name or acronym the document uses three or
  more times — see :mod:`cleaner.fix.typos.evidence`;
- ``misspelling`` (by ``codespell``, English only): a known misspelling with
  one correction — see :mod:`cleaner.fix.typos.known`.

Names are not typos.  Neither kind touches a word in the metadata (title,
authors, site, dateline), a word the document repeats, or a word inside an
address, handle, hashtag or code; a known misspelling is corrected only in
lower case or as a sentence's first word.  The language comes from the
``language`` fact, so ``detect_language`` runs before this step.

Every decision reads only the kept text and the metadata, and a fix never
creates the conditions for another (it raises the count of a name that was
already evidence, and turns a once-seen token into a word), so cleaning the
clean text again fixes nothing.

>>> from cleaner.document import Document, Fact
>>> doc = Document.from_blocks(["NATO met. NATO spoke.", "NATO and ANTO did not recieve it."])
>>> doc = doc.add(facts=[Fact("language", "en")])
>>> fixed = fix_typos(doc)
>>> fixed.blocks[1].text
'NATO and NATO did not receive it.'
>>> [(f.kind, f.before, f.after, f.by, f.block, f.offset) for f in fixed.fixes]
[('typo', 'ANTO', 'NATO', 'document-evidence', 1, 9), ('misspelling', 'recieve', 'receive', 'codespell', 1, 22)]
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

from cleaner.document import Block, Document, Fix
from cleaner.fix.typos.data import common_words, misspellings
from cleaner.fix.typos.evidence import evidence_table
from cleaner.fix.typos.known import known_fix
from cleaner.fix.typos.tokens import Token, tokens_of

__all__ = ["METADATA_FIELDS", "fix_typos", "language_of", "protected_words"]

#: Metadata whose words are never corrected.
METADATA_FIELDS = ("title", "authors", "site", "dateline")


def _strings(value: Any) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, Mapping):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _strings(item)


def protected_words(doc: Document) -> frozenset[str]:
    """The lower-cased words of the document's title, authors, site and dateline.

    >>> from cleaner.document import Fact
    >>> sorted(protected_words(Document(facts=(Fact("authors", ["Jacinda Ardern"]), Fact("site", "Recieve.com")))))
    ['ardern', 'com', 'jacinda', 'recieve']
    """
    found: set[str] = set()
    values = [f.value for f in doc.facts if f.field in METADATA_FIELDS]
    values += [v for k, v in doc.meta.items() if k in METADATA_FIELDS]
    for text in (s for v in values for s in _strings(v)):
        found.update(t.text.lower() for t in tokens_of(0, text))
    return frozenset(found)


def language_of(doc: Document) -> str | None:
    """The language the document's facts give it (the first ``language`` fact that has one)."""
    return next((f.value for f in doc.facts_for("language") if isinstance(f.value, str)), None)


def _is_word(token: str) -> bool:
    return token.lower() in common_words()


def plan(doc: Document) -> list[Fix]:
    """The fixes to make in the kept blocks of ``doc``, in reading order."""
    tokens = [t for i, b in enumerate(doc.blocks) if b.kept for t in tokens_of(i, b.text)]
    if not tokens:
        return []
    counts = Counter(t.text for t in tokens)
    lower = Counter(t.text.lower() for t in tokens)
    protected = protected_words(doc)
    evidence = evidence_table(counts, _is_word, protected)
    table = misspellings(language_of(doc) or "")
    fixes: list[Fix] = []
    for token in tokens:
        fix = _fix_one(token, evidence, table, lower, protected)
        if fix is not None:
            fixes.append(fix)
    return fixes


def _fix_one(
    token: Token,
    evidence: Mapping[str, str],
    table: Mapping[str, str],
    lower: Counter[str],
    protected: frozenset[str],
) -> Fix | None:
    if not token.plain:
        return None
    if token.text in evidence:
        return Fix("typo", token.text, evidence[token.text], "document-evidence", token.block, token.offset)
    if not table or lower[token.text.lower()] != 1 or token.text.lower() in protected:
        return None
    right = known_fix(token.text, token.sentence_start, table)
    if right is None:
        return None
    return Fix("misspelling", token.text, right, "codespell", token.block, token.offset)


def apply(blocks: tuple[Block, ...], fixes: list[Fix]) -> tuple[Block, ...]:
    """``blocks`` with every fix made (offsets are those before any fix)."""
    out = list(blocks)
    for fix in sorted(fixes, key=lambda f: (f.block or 0, f.offset or 0), reverse=True):
        assert fix.block is not None and fix.offset is not None
        block = out[fix.block]
        text = block.text[: fix.offset] + fix.after + block.text[fix.offset + len(fix.before) :]
        out[fix.block] = Block(text, block.kind, block.by)
    return tuple(out)


def fix_typos(doc: Document) -> Document:
    """Correct, in kept blocks, the typos of names and the known misspellings; log each fix."""
    fixes = plan(doc)
    if not fixes:
        return doc
    return doc.replace(blocks=apply(doc.blocks, fixes), fixes=doc.fixes + tuple(fixes))
