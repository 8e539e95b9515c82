"""Corpus knowledge: lines that recur across many documents of one site are its template.

When many documents of one site are cleaned together (a folder, a JSONL or
WARC file), the menus, footers and notices of the site's template come back
in document after document, while article lines do not.  This is CCNet's
idea: hash every normalised line, count in how many documents of a site each
hash occurs, and treat the lines seen in at least ``min_docs`` documents as
the site's template.

Two cheap passes: :func:`find_templates` reads the documents once and keeps
one 64-bit hash per distinct line and site (plus a count), never the texts;
then each document is cleaned with :func:`template_step` in its pipeline (or
all at once with :func:`clean_corpus`), which labels its template lines with
the kind ``template``.

A document's *site* is the host of its URL when known (``www.`` dropped);
otherwise the folder of a plain-text file, or the file a record came from:
files kept together usually come from one source.

>>> docs = [("a.com", f"Home | News\\n\\nStory {n} is about {n}, they said.\\n\\nSubscribe to our newsletter") for n in "xyz"]
>>> templates = find_templates(docs, min_docs=3)
>>> [r.text for r in clean_corpus(docs, templates=templates)][0]
'Story x is about x, they said.\\n'
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from pathlib import PurePath
from urllib.parse import urlsplit

from cleaner.config import Config
from cleaner.counts import IN_MEMORY, SiteLineCounts
from cleaner.document import Document, Result
from cleaner.pipeline import Pipeline, default_pipeline, named
from cleaner.split import split_text
from cleaner.strip.claims import looks_like_body

KIND = "template"
#: A site's template: the hashes of its recurring lines.
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


def hash_text(text: str) -> int:
    """A 64-bit hash of a whole text, as it is.

    >>> hash_text("a") == hash_text("a") != hash_text("b")
    True
    """
    digest = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return int.from_bytes(digest, "big")


def site_of(url: str | None = None, path: str | PurePath | None = None, whole_file: bool = True) -> str:
    """The site a document belongs to: its URL's host, else its folder (or its file, for a record in a file).

    >>> site_of("https://www.Example.com/news/1"), site_of(None, "data/bbc/a.txt"), site_of(None, "dump.jsonl", False)
    ('example.com', 'data/bbc', 'dump.jsonl')
    >>> site_of()
    ''
    """
    if url:
        host = (urlsplit(url if "//" in url else "//" + url).hostname or "").lower()
        if host:
            return host.removeprefix("www.")
    if path is not None:
        p = PurePath(path)
        return (p.parent if whole_file else p).as_posix()
    return ""


def lines_of(text: str) -> list[str]:
    """The lines of a document as the chain cuts it into blocks: repaired and normalised first, hard-wrapped lines joined.

    A line is counted as the template step will see it, so that mojibake in the input
    (``itâ€™s``) counts as what the chain makes of it (``it's``).

    >>> lines_of("it\u00e2\u20ac\u2122s fine")
    ["it's fine"]
    """
    from cleaner.fix.encoding import repair
    from cleaner.fix.whitespace import normalize_text

    return split_text(normalize_text(repair(text)[0]))


def countable(line: str) -> bool:
    """True for a line worth counting: it has a letter in it.

    >>> countable("Advertisement"), countable("***"), countable("2019")
    (True, False, False)
    """
    return any(c.isalpha() for c in line)


def document_lines(text: str) -> tuple[int, frozenset[int]]:
    """What one document brings to its site's counts: the hash of its whole text, and of each line that counts.

    >>> whole, lines = document_lines("Menu\\n\\nA one.\\n\\n2019")
    >>> whole == hash_text("Menu\\n\\nA one.\\n\\n2019"), lines == {line_hash("Menu"), line_hash("A one.")}
    (True, True)
    """
    return hash_text(text), frozenset(line_hash(line) for line in lines_of(text) if countable(line))


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


def find_templates(docs: Iterable[tuple[str, str]], min_docs: int = 3) -> dict[str, frozenset[int]]:
    """The template of every site: hashes of the lines found in at least ``min_docs`` of its documents.

    ``docs`` are ``(site, text)`` pairs, read once.  A line counts once per
    document, and a document that is an exact copy of one seen before (same
    site, same text) does not count at all, so duplicates make no template.

    >>> docs = [("s", "Menu\\n\\nA one."), ("s", "Menu\\n\\nB two."), ("s", "Menu\\n\\nA one."), ("t", "Menu")]
    >>> find_templates(docs, min_docs=2) == {"s": frozenset({line_hash("Menu")})}
    True
    """
    return count_templates(((site, *document_lines(text)) for site, text in docs), min_docs)


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
    return doc.with_blocks(
        b.labelled(KIND, "site-template") if hit else b for b, hit in zip(doc.blocks, hits, strict=True)
    )


def with_templates(pipeline: Pipeline, lines: frozenset[int]) -> Pipeline:
    """``pipeline`` with a ``strip_templates`` step for ``lines``, after block splitting.

    >>> names = with_templates(default_pipeline(), frozenset({1})).names
    >>> names.index("strip_templates") == names.index("split_blocks") + 1
    True
    """
    if not lines:
        return pipeline
    step = named("strip_templates", functools.partial(strip_templates, lines=lines))
    if "split_blocks" in pipeline.names:
        return pipeline.insert_after("split_blocks", step)
    return pipeline.append(step)


def clean_corpus(
    docs: Iterable[tuple[str, str]], config: Config | None = None, templates: Templates | None = None
) -> Iterator[Result]:
    """Clean ``(site, text)`` documents with their sites' templates.

    Without ``templates``, ``docs`` must be re-iterable (a list): it is read
    once to find them (with ``config.template_min_docs``), then again to clean.
    """
    config = config or Config()
    if templates is None:
        templates = find_templates(docs, config.template_min_docs)
    base = default_pipeline(config)
    pipelines: dict[str, Pipeline] = {}
    for site, text in docs:
        lines = templates.get(site, frozenset())
        if site not in pipelines:
            pipelines[site] = with_templates(base, lines)
        yield pipelines[site].clean(text, source=site)
