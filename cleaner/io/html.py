"""Web pages: every block of the page's text, with the page's signals, decided by the same chain as any text.

A page is parsed once (lxml).  Its visible text is cut into blocks
(:func:`cleaner.io.dom.page_blocks`), each carrying what the page says of it:
its container, its class and id words, its links, whether it shows.
trafilatura reads the same tree twice, in recall mode (which also gives the
page's metadata: title, author, date, site, description, tags) and in its
standard mode; how much of each block either mode keeps becomes two more
signals.  :func:`read_html` gives the page as a :class:`~cleaner.document.Document`:
those blocks, the facts the page declares, and its metadata; the chain then
decides its blocks as it decides any text's, where the block model reads these
signals beside each block's own shape, and the rules name bylines, captions,
prompts and the rest.

So nothing is decided twice: trafilatura's choices are evidence, not the
answer, and the text it leaves out can come back (a list, a table, the second
half of an article split between ads) when the page and the text say it is
the article.

>>> page = read_page('''<html><head><title>Talks go on | Daily</title></head><body>
... <nav><ul><li><a href="/">Home</a></li><li><a href="/world">World news today</a></li></ul></nav>
... <article><h1>Talks go on</h1>
... <p>The talks went on for hours on Monday, officials said, and no deal was reached by the evening.</p>
... <p>Both sides said they would meet again next week to go over the last points of the plan.</p>
... </article></body></html>''')
>>> page.title
'Talks go on'
>>> [(b.text, b.page.tag) for b in page.blocks][:3]
[('- Home', 'li'), ('- World news today', 'li'), ('Talks go on', 'h1')]
>>> [(b.page.links, b.page.recall) for b in page.blocks][1:4]
[(1.0, 0.0), (0.0, 1.0), (0.0, 1.0)]
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from cleaner.document import Block, Document, Fact
from cleaner.meta.dates import Stamp, parse_stamp
from cleaner.meta.markup import markup_facts
from cleaner.text import word_key

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
#: Characters no HTML page may hold (lxml refuses to build elements with them): control characters but tab and newlines.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass(frozen=True)
class Page:
    """What a page gives: its blocks, with their signals, and its metadata as trafilatura read it."""

    blocks: tuple[Block, ...] = ()
    title: str | None = None
    authors: tuple[str, ...] = ()
    date: str | None = None
    site: str | None = None
    description: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    #: What the page declares in its markup (:mod:`cleaner.meta.markup`): facts to trust first, and weak ones.
    declared: tuple[Fact, ...] = ()
    declared_weak: tuple[Fact, ...] = ()


def parse(html: str) -> Any:
    """The page's tree (lxml), or ``None`` when there is none to parse."""
    import lxml.etree
    import lxml.html

    html = _CONTROL.sub(" ", _XML_DECLARATION.sub("", html, count=1))
    if not html.strip():
        return None
    try:
        return lxml.html.document_fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return None


def kept_shares(texts: Sequence[str], kept: str) -> list[float]:
    """For each of some texts (a page's blocks, in order), the share of its words that ``kept`` holds, in order.

    The words of the blocks are aligned with the words of ``kept`` (an extractor's text of the page)
    as two sequences (by ``cydifflib``: difflib's matcher, compiled, with the same matches), so a
    sentence that a summary at the top repeats counts once, where the extractor took it, however
    the extractor cut its lines.

    >>> kept_shares(["Key point: the talks went on", "Menu", "The talks went on for hours on Monday."],
    ...             "The talks went on for hours on Monday.")
    [0.0, 0.0, 1.0]
    """
    import cydifflib

    spans, blocks = [], []
    for text in texts:
        found = word_key(text).split()
        spans.append(len(found))
        blocks.extend(found)
    extracted = word_key(kept).split()
    if len(blocks) > ALIGN_WORDS or len(extracted) > ALIGN_WORDS:
        return _shared_trigrams(texts, extracted)
    matched = [False] * len(blocks)
    matcher = cydifflib.SequenceMatcher(None, blocks, extracted, autojunk=False)
    for start, _, size in matcher.get_matching_blocks():
        if size >= MATCH_WORDS:
            matched[start : start + size] = [True] * size
    out, at = [], 0
    for size in spans:
        out.append(sum(matched[at : at + size]) / size if size else 0.0)
        at += size
    return out


#: Words aligned in a run shorter than this are chance, not the extractor keeping the text.
MATCH_WORDS = 3
#: Pages of more words than this are not aligned (aligning costs more than linear time) but compared
#: by the word trigrams they share: the same answer, but for a sentence the page repeats.
ALIGN_WORDS = 30_000


def _shared_trigrams(texts: Sequence[str], extracted: list[str]) -> list[float]:
    """For each text, the share of its word trigrams that ``extracted`` holds.

    >>> _shared_trigrams(["the talks went on", "menu"], "the talks went on and on".split())
    [1.0, 0.0]
    """
    grams = {tuple(extracted[i : i + 3]) for i in range(len(extracted) - 2)}
    out = []
    for text in texts:
        found = word_key(text).split()
        own = [tuple(found[i : i + 3]) for i in range(len(found) - 2)]
        out.append(sum(g in grams for g in own) / len(own) if own else 0.0)
    return out


def with_extraction(blocks: Sequence[Block], recall: str, standard: str) -> list[Block]:
    """The blocks, each told how much of it trafilatura keeps in recall mode and in its standard mode."""
    texts = [b.text for b in blocks]
    shares = zip(kept_shares(texts, recall), kept_shares(texts, standard), strict=True)
    out = []
    for block, (in_recall, in_standard) in zip(blocks, shares, strict=True):
        if block.page is None:
            out.append(block)
            continue
        signals = dataclasses.replace(block.page, recall=in_recall, standard=in_standard)
        out.append(Block(block.text, block.kind, block.by, signals))
    return out


def split_authors(author: str | None) -> tuple[str, ...]:
    """trafilatura's author field (names joined by ``;``) as names.

    >>> split_authors("Jane Doe; John Roe"), split_authors(None)
    (('Jane Doe', 'John Roe'), ())
    """
    return tuple(name.strip() for name in (author or "").split(";") if name.strip())


def _listed(value: Any) -> list[str]:
    if not value:
        return []
    items = value if isinstance(value, (list, tuple)) else [value]
    return [part.strip() for item in items for part in str(item).split(",") if part.strip()]


def date_search(declared: Sequence[Fact]) -> dict[str, Any]:
    """How trafilatura's date search (htmldate) reads a page, given the facts the page declares:
    its default, but without the extensive search of the whole text when the page declares when
    it came out (the date it declares then comes first, :func:`declared_facts`, and htmldate's,
    a day with no time, can add nothing to it).

    >>> from cleaner.meta.dates import Stamp, parse_stamp
    >>> [date_search(f)["extensive_search"] for f in ((), (Fact("stamp", parse_stamp("2024-05-01"), "json-ld"),))]
    [True, False]
    """
    from trafilatura.settings import set_date_params

    published = any(f.field == "stamp" and isinstance(f.value, Stamp) and not f.value.modified for f in declared)
    return set_date_params(extensive=not published)


def read_page(html: str, url: str | None = None) -> Page:
    """The blocks and metadata of a page (an empty :class:`Page` when it has no text)."""
    import trafilatura
    from trafilatura.metadata import extract_metadata

    from cleaner.io.dom import page_blocks

    tree = parse(html)
    if tree is None:
        return Page()
    blocks = page_blocks(tree)
    if not blocks:
        return Page()
    declared, weak = markup_facts(tree)
    options: dict[str, Any] = {"url": url, "include_comments": False, "include_tables": True}
    dates = date_search(declared)
    found: Any = trafilatura.bare_extraction(
        tree, favor_recall=True, with_metadata=True, date_extraction_params=dates, **options
    )
    standard = trafilatura.extract(tree, **options) or ""
    if found is None:
        found = extract_metadata(tree, url, date_config=dates)
    blocks = with_extraction(blocks, (found.text if found is not None else None) or "", standard)
    extra = {"url": found.url or url, "categories": _listed(found.categories), "tags": _listed(found.tags)}
    return Page(
        blocks=tuple(blocks),
        title=found.title or None,
        authors=split_authors(found.author),
        date=found.date or None,
        site=found.sitename or None,
        description=found.description or None,
        extra={k: v for k, v in extra.items() if v},
        declared=declared,
        declared_weak=weak,
    )


def declared_facts(page: Page) -> tuple[Fact, ...]:
    """What the page declares, as facts that come before any the text gives: its structured data
    first, then what trafilatura read (its authors only when the structured data names none), then
    the weak facts of the structured data.

    >>> [(f.field, f.value) for f in declared_facts(Page(title="Talks go on", authors=("Jane Doe",)))]
    [('title', 'Talks go on'), ('authors', ('Jane Doe',))]
    """
    named = any(f.field == "authors" for f in page.declared)
    facts = [*page.declared, Fact("title", page.title, "html"), Fact("authors", () if named else page.authors, "html")]
    stamp = parse_stamp(page.date) if page.date else None
    if stamp is not None:
        facts.append(Fact("stamp", stamp, "html"))
    facts += [Fact("site", page.site, "html"), Fact("description", page.description, "html"), *page.declared_weak]
    return tuple(f for f in facts if f.value)


def read_html(
    html: str | bytes,
    url: str | None = None,
    *,
    charset: str | None = None,
    meta: Mapping[str, Any] | None = None,
    source: str = "",
    site: str = "",
) -> Document:
    """A page as a document: its blocks with their signals, the facts it declares, its metadata.

    Bytes are decoded as browsers do (:func:`cleaner.io.decode.decode_html`) and tags nested
    deeper than the parser reads are left out (:func:`cleaner.io.markup.bounded_nesting`).
    ``meta`` (a record's own fields) joins the page's metadata and wins over it.

    >>> doc = read_html(b"<html><head><title>Talks go on</title></head><body><article><h1>Talks go on</h1>"
    ...                 b"<p>The talks went on for hours on Monday, officials said.</p></article></body></html>")
    >>> [(b.text, b.page.tag) for b in doc.blocks], [(f.field, f.value) for f in doc.facts][:1]
    ([('Talks go on', 'h1'), ('The talks went on for hours on Monday, officials said.', 'p')], [('title', 'Talks go on')])
    """
    from cleaner.io.decode import decode_html
    from cleaner.io.markup import bounded_nesting

    page = read_page(bounded_nesting(decode_html(html, charset)), url)
    return Document(
        blocks=page.blocks,
        facts=declared_facts(page),
        source=source,
        meta={**page.extra, **(meta or {})},
        site=site,
    )
