"""Corpus knowledge: lines that recur across many documents of one site are its template.

When many documents of one site are cleaned together (a folder, a JSONL or
WARC file), the menus, footers and notices of the site's template come back
in document after document, while article lines do not.  This is CCNet's
idea: hash every normalised line, count in how many documents of a site each
hash occurs, and treat the lines seen in at least ``min_docs`` documents as
the site's template.

Two cheap passes: :func:`find_templates` reads the documents once and keeps
one 64-bit hash per distinct line and site (plus a count), never the texts;
then each document is cleaned by the chain built with those templates
(:func:`cleaner.pipeline.default_pipeline`), whose ``strip_templates`` step
labels its site's template lines ``template`` (all at once: :func:`clean_corpus`).
A line is hashed as the chain cuts it into blocks: the chain's own first
steps (repair, normalisation, splitting) cut it.

A document's *site* is the host of its URL when known (``www.`` dropped);
otherwise the folder of a plain-text file, or the file a record came from
(:func:`cleaner.io.documents.site_of`).  Only a site known from URLs learns
single lines; a folder may mix many sites, so the documents of a site that is
only a folder (``by_url=False``) count runs of consecutive lines they share
(:func:`cleaner.strip.templates.evidence`): a menu or a footer, never one
common line.

>>> docs = [("a.com", f"Home | News\\n\\nStory {n} is about {n}, they said.\\n\\nSubscribe to our newsletter") for n in "xyz"]
>>> templates = find_templates(docs, min_docs=3)
>>> [r.text for r in clean_corpus(docs, templates=templates)][0]
'Story x is about x, they said.\\n'
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Iterable, Iterator

from cleaner.config import Config
from cleaner.counts import IN_MEMORY, SiteLineCounts
from cleaner.document import Document, Result
from cleaner.pipeline import Pipeline, default_pipeline
from cleaner.strip.templates import KIND, Templates, evidence, line_hash, normalise

__all__ = [
    "KIND",
    "Templates",
    "clean_corpus",
    "count_templates",
    "document_lines",
    "find_templates",
    "hash_text",
    "line_hash",
    "lines_of",
    "normalise",
]


def hash_text(text: str) -> int:
    """A 64-bit hash of a whole text, as it is.

    >>> hash_text("a") == hash_text("a") != hash_text("b")
    True
    """
    digest = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return int.from_bytes(digest, "big")


@functools.lru_cache(maxsize=16)
def _cutter(config: Config | None) -> Pipeline:
    """The chain's steps that cut a text into blocks, for ``config``."""
    return default_pipeline(config).through("split_blocks")


def lines_of(text: str, config: Config | None = None) -> list[str]:
    """The lines of a document as the chain cuts it into blocks: repaired and normalised first, hard-wrapped lines joined.

    A line is counted as the template step will see it, so that mojibake in the input
    (``itâ€™s``) counts as what the chain makes of it (``it's``).

    >>> lines_of("it\u00e2\u20ac\u2122s fine\\n\\nOK")
    ["it's fine", 'OK']
    """
    return [b.text for b in _cutter(config)(Document.from_text(text)).blocks]


def document_lines(text: str, config: Config | None = None, by_url: bool = True) -> tuple[int, frozenset[int]]:
    """What one document brings to its site's counts: the hash of its whole text, and its lines' hashes.

    With ``by_url`` (its site is its URL's host), the hash of each line that counts;
    otherwise, of each run of consecutive lines (see :func:`cleaner.strip.templates.evidence`).

    >>> whole, lines = document_lines("Menu\\n\\nA one.\\n\\n2019")
    >>> whole == hash_text("Menu\\n\\nA one.\\n\\n2019"), lines == {line_hash("Menu"), line_hash("A one.")}
    (True, True)
    >>> document_lines("Menu\\n\\nA one.\\n\\n2019", by_url=False)[1]
    frozenset()
    """
    return hash_text(text), evidence(lines_of(text, config), by_url)


def count_templates(
    rows: Iterable[tuple[str, int, Iterable[int]]], min_docs: int = 3, in_memory: int = IN_MEMORY
) -> dict[str, frozenset[int]]:
    """The template of every site, from ``(site, hash of the text, line hashes)`` rows (see :func:`document_lines`).

    A row whose site and text hash were seen before is a copy and does not
    count, so rows gathered in several places (the tasks of a cluster job)
    can be counted together and give what one pass over all the documents
    gives.  At most ``in_memory`` distinct lines are counted in memory; more
    go to disk (:mod:`cleaner.counts`), with the same result.

    >>> rows = [("s", 1, {7, 8}), ("s", 2, {7}), ("s", 1, {7, 8}), ("t", 3, {7})]
    >>> count_templates(rows, min_docs=2)
    {'s': frozenset({7})}
    >>> count_templates(rows, min_docs=2, in_memory=1)
    {'s': frozenset({7})}
    """
    counts = SiteLineCounts(in_memory)
    for site, whole, lines in rows:
        counts.add(site, whole, lines)
    return counts.recurring(min_docs)


def find_templates(
    docs: Iterable[tuple[str, str]], min_docs: int = 3, config: Config | None = None, by_url: bool = True
) -> dict[str, frozenset[int]]:
    """The template of every site: hashes of the lines found in at least ``min_docs`` of its documents.

    ``docs`` are ``(site, text)`` pairs, read once.  A line counts once per
    document, and a document that is an exact copy of one seen before (same
    site, same text) does not count at all, so duplicates make no template.
    ``by_url``: the sites are the hosts of the documents' URLs; ``False`` when
    they are only where the documents were found (folders, files), and only
    runs of consecutive lines they share count.

    >>> docs = [("s", "Menu\\n\\nA one."), ("s", "Menu\\n\\nB two."), ("s", "Menu\\n\\nA one."), ("t", "Menu")]
    >>> find_templates(docs, min_docs=2) == {"s": frozenset({line_hash("Menu")})}
    True
    >>> find_templates(docs, min_docs=2, by_url=False)
    {}
    """
    return count_templates(((site, *document_lines(text, config, by_url)) for site, text in docs), min_docs)


def clean_corpus(
    docs: Iterable[tuple[str, str]],
    config: Config | None = None,
    templates: Templates | None = None,
    by_url: bool = True,
) -> Iterator[Result]:
    """Clean ``(site, text)`` documents with their sites' templates (none with ``config.templates`` off).

    Without ``templates``, ``docs`` must be re-iterable (a list): it is read
    once to find them (with ``config.template_min_docs`` and ``by_url``: see
    :func:`find_templates`), then again to clean.
    """
    config = config or Config()
    if not config.templates:
        templates = {}
    elif templates is None:
        templates = find_templates(docs, config.template_min_docs, config, by_url)
    pipeline = default_pipeline(config, templates)
    for site, text in docs:
        yield pipeline.clean(text, source=site, site=site)
