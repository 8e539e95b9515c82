"""Site templates, as a step of the chain: the lines a site repeats in many of its documents are its template.

A corpus pass (:mod:`cleaner.corpus`) hashes the lines of every document and
counts, per site, in how many documents each hash occurs (CCNet's idea); the
hashes seen in enough documents are the site's template.  What is hashed
depends on how well the site is known (:func:`evidence`):

- a document whose site is the host of its URL brings each of its lines: one
  line a site repeats is its template ("Subscribe to our newsletter");
- a document whose site is only where it was found (the folder of a file, the
  file of a record) brings runs of :data:`RUN` consecutive lines
  (:func:`run_hashes`).  A folder may mix pages of many sites, and unrelated
  pages share single lines ("Advertisement", "Read more", "Conclusion"), but
  rarely the same lines in the same order: a template comes as a block (a
  menu, a footer), a coincidence line by line.

This module holds what both sides share: how lines are hashed, and the step
(:class:`StripTemplates`) that labels a document's template lines as
``template``, by its site (:attr:`cleaner.document.Document.site`): a line
whose own hash is its site's, or that lies in a run whose hash is.

>>> templates = {"a.com": frozenset({line_hash("Home | News")})}
>>> doc = Document.from_blocks(["Home | News", "Story x is about x, they said."]).replace(site="a.com")
>>> [b.kind for b in StripTemplates(templates)(doc).blocks]
['template', 'body']
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterator, Mapping, Sequence

from cleaner.document import Document
from cleaner.strip.claims import looks_like_body

#: The kind template lines are labelled with, and the rule that labels them.
KIND = "template"
RULE = "site-template"
#: Each site's template: the hashes of its recurring lines, by site.
Templates = Mapping[str, frozenset[int]]

#: Consecutive lines that make one piece of evidence of a template when the site is not known from a URL.
RUN = 3

_NOT_WORD = re.compile(r"[\W_]+")
_DIGITS = re.compile(r"\d+")


def normalise(line: str) -> str:
    """The form of a line that is hashed: case, accents, digits, punctuation and spacing ignored.

    >>> normalise("  © 2019 Acme, Inc. — All rights reserved ")
    '0 acme inc all rights reserved'
    >>> normalise("Posted 3 hours ago") == normalise("Posted 12 hours ago")
    True
    """
    text = unicodedata.normalize("NFKD", line.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = _DIGITS.sub("0", text)
    return _NOT_WORD.sub(" ", text).strip()


def line_hash(line: str) -> int:
    """A 64-bit hash of the normalised line (stable across runs and processes).

    >>> line_hash("Follow us!") == line_hash("follow us"), line_hash("Follow us") == line_hash("Follow them")
    (True, False)
    """
    digest = hashlib.blake2b(normalise(line).encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big")


def countable(line: str) -> bool:
    """True for a line worth counting: it has a letter in it.

    >>> countable("Advertisement"), countable("***"), countable("2019")
    (True, False, False)
    """
    return any(c.isalpha() for c in line)


def run_hash(lines: Sequence[str]) -> int:
    """A 64-bit hash of consecutive lines, normalised; of one line, its :func:`line_hash`.

    Normalised lines hold no line break, so the hash of a run is never that of one line.

    >>> run_hash(["Follow us!"]) == line_hash("follow us"), run_hash(["Home", "News"]) == run_hash(["home", "NEWS"])
    (True, True)
    """
    digest = hashlib.blake2b("\n".join(normalise(line) for line in lines).encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big")


def runs(lines: Sequence[str], size: int = RUN) -> Iterator[tuple[int, int]]:
    """``(first, end)`` index ranges of every ``size`` consecutive countable lines (lines without letters skipped).

    >>> list(runs(["Home", "|", "News", "Sport", "Story."], 3))
    [(0, 4), (2, 5)]
    >>> list(runs(["Home", "News"], 3))
    []
    """
    counted = [i for i, line in enumerate(lines) if countable(line)]
    for k in range(len(counted) - size + 1):
        yield counted[k], counted[k + size - 1] + 1


def run_hashes(lines: Sequence[str], size: int = RUN) -> frozenset[int]:
    """The hashes of every run of ``size`` consecutive countable lines (see :func:`runs`).

    >>> len(run_hashes(["Home", "News", "Sport", "Story."])), run_hashes(["Home", "News"])
    (2, frozenset())
    """
    return frozenset(run_hash([line for line in lines[a:b] if countable(line)]) for a, b in runs(lines, size))


def evidence(lines: Sequence[str], by_url: bool = True) -> frozenset[int]:
    """What one document's lines bring to its site's counts: each line's hash when its site is known from its URL,
    else the hashes of its runs of :data:`RUN` lines.

    >>> evidence(["Advertisement", "2019"]) == {line_hash("Advertisement")}
    True
    >>> evidence(["Advertisement", "A story."], by_url=False)
    frozenset()
    """
    if by_url:
        return frozenset(line_hash(line) for line in lines if countable(line))
    return run_hashes(lines)


def template_lines(lines: Sequence[str], template: frozenset[int]) -> list[bool]:
    """For each line, whether it is in ``template``: its own hash is there, or it lies in a run whose hash is.

    >>> menu = ["Home", "News", "Sport"]
    >>> template_lines(["Home", "Story.", *menu], run_hashes(menu) | {line_hash("Story.")})
    [False, True, True, True, True]
    """
    hits = [countable(line) and line_hash(line) in template for line in lines]
    for a, b in runs(lines):
        if run_hash([line for line in lines[a:b] if countable(line)]) in template:
            hits[a:b] = [True] * (b - a)
    return hits


def strip_templates(doc: Document, lines: frozenset[int] = frozenset()) -> Document:
    """Label the kept blocks that are in ``lines`` (a site's template: see :func:`template_lines`) as ``template``.

    Nothing is labelled when that would leave no block of prose: such
    documents are copies of one another, not pages sharing a template.

    >>> doc = Document.from_blocks(["Menu", "The talks went on for hours, officials said.", "Footer"])
    >>> [b.kind for b in strip_templates(doc, frozenset({line_hash("Menu"), line_hash("Footer")})).blocks]
    ['template', 'body', 'template']
    >>> [b.kind for b in strip_templates(doc, frozenset(line_hash(b.text) for b in doc.blocks)).blocks]
    ['body', 'body', 'body']
    """
    if not lines:
        return doc
    found = template_lines([b.text for b in doc.blocks], lines)
    hits = [b.kept and hit for b, hit in zip(doc.blocks, found, strict=True)]
    if not any(hits):
        return doc
    if not any(b.kept and not hit and looks_like_body(b.text) for b, hit in zip(doc.blocks, hits, strict=True)):
        return doc
    return doc.with_blocks(b.labelled(KIND, RULE) if hit else b for b, hit in zip(doc.blocks, hits, strict=True))


class StripTemplates:
    """The step: each document's template lines, found by its site, labelled ``template`` (none without templates)."""

    name = "strip_templates"

    def __init__(self, templates: Templates | None = None) -> None:
        self.templates: Templates = templates or {}

    def __call__(self, doc: Document) -> Document:
        lines = self.templates.get(doc.site) if self.templates else None
        return strip_templates(doc, lines) if lines else doc
