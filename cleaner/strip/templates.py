"""Site templates, as a step of the chain: the lines a site repeats in many of its documents are its template.

A corpus pass (:mod:`cleaner.corpus`) hashes every line of every document and
counts, per site, in how many documents each hash occurs (CCNet's idea); the
hashes seen in enough documents are the site's template.  This module holds
what both sides share: how a line is hashed (:func:`line_hash`), and the step
(:class:`StripTemplates`) that labels a document's template lines as
``template``, by its site (:attr:`cleaner.document.Document.site`).

>>> templates = {"a.com": frozenset({line_hash("Home | News")})}
>>> doc = Document.from_blocks(["Home | News", "Story x is about x, they said."]).replace(site="a.com")
>>> [b.kind for b in StripTemplates(templates)(doc).blocks]
['template', 'body']
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Mapping

from cleaner.document import Document
from cleaner.strip.claims import looks_like_body

#: The kind template lines are labelled with, and the rule that labels them.
KIND = "template"
RULE = "site-template"
#: Each site's template: the hashes of its recurring lines, by site.
Templates = Mapping[str, frozenset[int]]

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


def strip_templates(doc: Document, lines: frozenset[int] = frozenset()) -> Document:
    """Label the kept blocks whose line is in ``lines`` (a site's template) as ``template``.

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
    hits = [b.kept and countable(b.text) and line_hash(b.text) in lines for b in doc.blocks]
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
