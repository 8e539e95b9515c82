"""Typo repair in kept text: right when it acts, and almost never acting on correct text.

Two kinds of fix, each logged as a :class:`~cleaner.document.Fix` with its
kind, the word before and after, the rule (``by``), the block and the offset:

- ``typo`` (by ``document-evidence``, any language): a token seen once that is
  one swap (or one edit) from a name or acronym the document uses three or
  more times, or a lower-case token one swap from a common word the document
  uses three or more times — see :mod:`cleaner.fix.typos.evidence`;
- ``misspelling`` (by ``codespell``, English only): a known misspelling with
  one correction — see :mod:`cleaner.fix.typos.known`.

Names are not typos.  Neither kind touches a word the document repeats, a word
inside an address, handle, hashtag or code, or a word of the metadata the
input came with (``Document.meta``: title, authors, site, dateline); a known
misspelling is corrected only in lower case or as a sentence's first word.

**Stable by design.**  Cleaning the clean text again must fix nothing.  So
every decision reads only what a second run sees too: the kept text, and the
metadata the input came with.  It never reads blocks the cleaner removed (a
title line, a byline), because the second run no longer has them: a guard
fed by them would hold on the first run and let go on the second.  Names in
those blocks are guarded by the case rules instead.  A fix never creates the
conditions for another: it turns a once-seen token into a word or a name that
was already evidence.  The language that gates the known misspellings is
guessed on the text after the evidence fixes, which is the text the second
run's ``detect_language`` sees when no misspelling was fixed.

>>> from cleaner.document import Document, Fact
>>> doc = Document.from_blocks(["NATO met. Then NATO spoke.", "NATO and ANTO did not recieve it."])
>>> doc = doc.add(facts=[Fact("language", "en")])
>>> fixed = fix_typos(doc)
>>> fixed.blocks[1].text
'NATO and NATO did not receive it.'
>>> [(f.kind, f.before, f.after, f.by, f.block, f.offset) for f in fixed.fixes]
[('typo', 'ANTO', 'NATO', 'document-evidence', 1, 9), ('misspelling', 'recieve', 'receive', 'codespell', 1, 22)]
"""

from __future__ import annotations

import bisect
import dataclasses
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

from cleaner.document import Block, Document, Fix
from cleaner.fix.typos.choose import WINDOW, Neighbours, choose
from cleaner.fix.typos.data import common_words, confusables, misspellings, more_misspellings
from cleaner.fix.typos.evidence import evidence_table, word_evidence_table
from cleaner.fix.typos.known import known_fix
from cleaner.fix.typos.tokens import Token, Words, case_shape, tokens_of, words_of

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
    """The lower-cased words of the metadata the input came with (title, authors, site, dateline).

    >>> sorted(protected_words(Document(meta={"authors": ["Jacinda Ardern"], "site": "Recieve.com", "x": "y"})))
    ['ardern', 'com', 'jacinda', 'recieve']
    """
    found: set[str] = set()
    values = [v for k, v in doc.meta.items() if k in METADATA_FIELDS]
    for text in (s for v in values for s in _strings(v)):
        found.update(map(str.lower, words_of(text)))
    return frozenset(found)


def _facts(doc: Document, name: str) -> list[Any]:
    return [f.value for f in doc.facts_for(name)]


def language_of(doc: Document, evidence_fixed: bool = False) -> str | None:
    """The language that gates the known misspellings.

    The ``language`` fact, unless evidence fixes changed the text: then the
    language is guessed again on the fixed text, as a second run would; when
    that guess cannot judge, the fact stands only if it too came from no guess
    (a hint, or nothing), and otherwise no language is known.
    """
    language = next((v for v in _facts(doc, "language") if isinstance(v, str)), None)
    if not evidence_fixed:
        return language
    from cleaner.meta.language import guess

    again, _ = guess("\n".join(b.text for b in doc.kept))
    if again is not None:
        return again
    guessed = any(v is not None for v in _facts(doc, "language_score"))
    return None if guessed else language


def _is_word(token: str) -> bool:
    return token.lower() in common_words()


def _is_real_word_any_case(token: str) -> bool:
    return _is_real_word(token.lower())


def _is_real_word(token: str) -> bool:
    return token in common_words() or token in confusables()


def kept_words(doc: Document, like: Words | None = None) -> Words:
    """The words of ``doc``'s kept blocks (blocks whose text ``like`` read are not read again)."""
    return Words({i: b.text for i, b in enumerate(doc.blocks) if b.kept}, like)


def plan(doc: Document) -> tuple[Document, list[Fix]]:
    """The evidence fixes made, then the known misspellings to fix, of ``doc``'s kept blocks.

    Every fix needs a plain token; the words of all tokens are counted as strings, and
    :class:`~cleaner.fix.typos.tokens.Token` objects are made only for the words that a
    table or a count leaves in question.
    """
    words = kept_words(doc)
    if not words.plain:
        return doc, []
    protected = protected_words(doc)
    evidence = evidence_table(words, _is_word, protected, spelled=_is_real_word_any_case)
    evidence.update(word_evidence_table(words, _is_real_word, protected, misspellings("en"), _is_word))
    first = [
        Fix("typo", t.text, evidence[t.text], "document-evidence", t.block, t.offset)
        for t in words.tokens(evidence.keys())
    ]
    if first:
        doc = doc.replace(blocks=apply(doc.blocks, first))
        words = kept_words(doc, words)
    language = language_of(doc, evidence_fixed=bool(first)) or ""
    table = misspellings(language)
    if not table:
        return doc, first
    lower = words.every_lower()
    second = [
        fix
        for t in words.tokens(_spelled(words, _once(lower, table, protected)))
        if (fix := _fix_one(t, table, lower, protected)) is not None
    ]
    done = {(f.block, f.offset): f.after for f in second}
    more = _once(lower, more_misspellings(language), protected)
    return doc, first + second + _more_fixes(doc, words.tokens(_spelled(words, more)), language, lower, done)


def _once(lower: Mapping[str, int], table: Mapping[str, object], protected: frozenset[str]) -> set[str]:
    """The words of ``table`` that ``lower`` counts once, less the ``protected`` ones."""
    return {w for w in filter(table.__contains__, lower) if lower[w] == 1} - protected


def _spelled(words: Words, lowered: set[str]) -> set[str]:
    """The plain words of ``words`` that are, in lower case, in ``lowered``."""
    return {w for w in words.counts if w.lower() in lowered} if lowered else set()


def _fix_one(token: Token, table: Mapping[str, str], lower: Counter[str], protected: frozenset[str]) -> Fix | None:
    if not token.plain or lower[token.text.lower()] != 1 or token.text.lower() in protected:
        return None
    right = known_fix(token.text, token.sentence_start, table)
    if right is None:
        return None
    return Fix("misspelling", token.text, right, "codespell", token.block, token.offset)


def suffixed(text: str, offset: int) -> bool:
    """True when the token at ``offset`` is joined by a hyphen to the word before it ("spaghetti-fied"):
    it may be a suffix, not a word of its own.

    >>> suffixed("spaghetti-fied", 10), suffixed("a fied", 2), suffixed("- fied", 2)
    (True, False, False)
    """
    return offset >= 2 and text[offset - 1] == "-" and text[offset - 2].isalpha()


def neighbours_of(
    text: str, tokens: list[Token], index: int, fixed: Mapping[tuple[int | None, int | None], str]
) -> Neighbours:
    """The words around ``tokens[index]`` (the tokens of one block, whose text is ``text``): just before
    and after it, and near it.

    A word that ``fixed`` corrects is read as corrected, as a second run reads it.

    >>> tokens = list(tokens_of(0, "We know, wether or not. Then"))
    >>> neighbours_of("We know, wether or not. Then", tokens, 2, {(0, 3): "knew"})
    Neighbours(before=None, after='or', near=('we', 'knew', 'or', 'not', 'then'))
    """
    token = tokens[index]

    def joined(a: Token, b: Token) -> bool:
        return not b.sentence_start and not text[a.offset + len(a.text) : b.offset].strip()

    def word(t: Token) -> str:
        return fixed.get((t.block, t.offset), t.text).lower()

    before = tokens[index - 1] if index > 0 and joined(tokens[index - 1], token) else None
    after = tokens[index + 1] if index + 1 < len(tokens) and joined(token, tokens[index + 1]) else None
    near = [word(t) for t in tokens[max(0, index - WINDOW) : index + WINDOW + 1] if t is not token]
    return Neighbours(word(before) if before else None, word(after) if after else None, tuple(near))


def _more_fixes(
    doc: Document,
    found: list[Token],
    language: str,
    lower: Counter[str],
    done: Mapping[tuple[int | None, int | None], str],
) -> list[Fix]:
    """The misspellings that the sentence or the document decides (see :mod:`cleaner.fix.typos.choose`).

    ``found`` holds the plain tokens seen once in the document (any case), not in its
    metadata, that are such misspellings; ``lower`` counts the document's words in lower case.
    A token joined by a hyphen to the word before it is left alone (it may be
    a suffix).  ``done`` holds the fixes already made.  A fix makes its
    correction a word the document uses, and a word of the sentences around
    it, which may decide another token: the choices are made again with the
    corrections read as made, until they stop changing, so that a second run
    finds nothing left to decide.
    """
    spots = [
        t
        for t in found
        if (t.block, t.offset) not in done
        and (t.text.islower() or (t.sentence_start and case_shape(t.text) == "title"))
        and not suffixed(doc.blocks[t.block].text, t.offset)
    ]
    if not spots:
        return []
    blocks: dict[int, tuple[list[Token], dict[int, int]]] = {}
    for t in spots:
        if t.block not in blocks:
            tokens = list(tokens_of(t.block, doc.blocks[t.block].text))
            blocks[t.block] = tokens, {u.offset: n for n, u in enumerate(tokens)}
    used: Counter[str] = Counter(lower)
    used.update(right.lower() for right in done.values())
    fixed = dict(done)
    fixes: dict[int, Fix] = {}
    for _ in range(len(spots) + 1):
        changed = False
        for i, t in enumerate(spots):
            if i in fixes:
                continue
            tokens, index = blocks[t.block]
            context = neighbours_of(doc.blocks[t.block].text, tokens, index[t.offset], fixed)
            right = choose(t.text.lower(), language, context, used)
            if right is not None:
                after = right if t.text.islower() else right[:1].upper() + right[1:]
                fixes[i] = Fix("misspelling", t.text, after, "codespell", t.block, t.offset)
                fixed[(t.block, t.offset)] = after
                used[right] += 1
                changed = True
        if not changed:
            break
    return [fixes[i] for i in sorted(fixes)]


def apply(blocks: tuple[Block, ...], fixes: list[Fix]) -> tuple[Block, ...]:
    """``blocks`` with every fix made (offsets are those before any fix).

    Each block is rebuilt once from its pieces, so a long block with many
    fixes costs time in proportion to its length.

    >>> fixes = [Fix("typo", "teh", "the", "x", 0, 0), Fix("typo", "adn", "and", "x", 0, 8)]
    >>> apply((Block("teh cat adn dog"),), fixes)[0].text
    'the cat and dog'
    """
    by_block: dict[int, list[Fix]] = {}
    for fix in fixes:
        assert fix.block is not None and fix.offset is not None
        by_block.setdefault(fix.block, []).append(fix)
    out = list(blocks)
    for index, made in by_block.items():
        block = out[index]
        pieces: list[str] = []
        at = 0
        for fix in sorted(made, key=lambda f: f.offset or 0):
            start = fix.offset or 0
            pieces += [block.text[at:start], fix.after]
            at = start + len(fix.before)
        pieces.append(block.text[at:])
        out[index] = block.with_text("".join(pieces))
    return tuple(out)


def original_offsets(fixes: list[Fix], earlier: list[Fix]) -> list[Fix]:
    """``fixes``, placed in text that ``earlier`` fixes changed, placed in the text before them.

    >>> earlier = [Fix("typo", "Bidenn", "Biden", "x", 0, 0), Fix("typo", "Merkl", "Merkel", "x", 0, 30)]
    >>> later = [Fix("misspelling", "teh", "the", "x", 0, 19), Fix("misspelling", "adn", "and", "x", 0, 40)]
    >>> [f.offset for f in original_offsets(later, earlier)]
    [20, 40]
    """
    places: dict[int | None, tuple[list[int], list[int]]] = {}
    for block in {e.block for e in earlier}:
        made = sorted((e for e in earlier if e.block == block), key=lambda e: e.offset or 0)
        where, shifts, shift = [], [0], 0
        for e in made:
            where.append((e.offset or 0) + shift)  # where ``e`` stands in the fixed text
            shift += len(e.after) - len(e.before)
            shifts.append(shift)
        places[block] = (where, shifts)
    out = []
    for fix in fixes:
        where, shifts = places.get(fix.block, ([], [0]))
        shift = shifts[bisect.bisect_left(where, fix.offset or 0)]
        out.append(dataclasses.replace(fix, offset=(fix.offset or 0) - shift))
    return out


def fix_typos(doc: Document) -> Document:
    """Correct, in kept blocks, the typos of names and the known misspellings; log each fix.

    Every logged offset is the place of ``before`` in the block's text as this step received it.
    """
    fixed, fixes = plan(doc)
    if not fixes:
        return doc
    first = [f for f in fixes if f.kind == "typo"]
    known = [f for f in fixes if f.kind != "typo"]
    logged = first + original_offsets(known, first)
    return fixed.replace(blocks=apply(fixed.blocks, known), fixes=doc.fixes + tuple(logged))
