"""What a page says of its own blocks, as steps of the chain: which block is its title, which lines list its tags.

A page declares its title (in its structured data, or its ``<title>`` as
trafilatura reads it) and its tags and categories.  :func:`label_title`
labels the first block that repeats the declared title as ``title``, and
:func:`label_tags` labels the kept blocks that list the page's own tags as
``navigation``.  Both read only what the reader put in the document (its
title facts, and the ``tags`` and ``categories`` of its metadata), so on
plain text, which declares neither, they change nothing.

>>> from cleaner.document import Fact
>>> doc = Document.from_blocks(["Home", "Talks go on", "The talks went on.", "Talks go on"])
>>> [b.kind for b in label_title(doc.add(facts=[Fact("title", "Talks go on", "html")])).blocks]
['body', 'title', 'body', 'body']
"""

from __future__ import annotations

import re
from collections.abc import Collection

from cleaner.document import Document
from cleaner.text import same_text, word_key

#: A line is a list of the page's tags when at least this share of its items are tags.
TAG_SHARE = 0.8
#: The page's title is looked for among this many blocks from the top of its text.
TITLE_WINDOW = 400
#: What the two steps sign their labels with.
TITLE_RULE = "html-title"
TAGS_RULE = "html-tags"

_LIST_SEPARATOR = re.compile(r"[,;|•·]")


def declared_title(doc: Document) -> str | None:
    """The title the page declares: the first title fact the reader found (its structured data's headline,
    else its ``<title>``), ``None`` for plain text.

    >>> from cleaner.document import Fact
    >>> declared_title(Document(facts=(Fact("title", "Talks go on", "json-ld"), Fact("title", "Talks | Daily", "html"))))
    'Talks go on'
    """
    return next((f.value for f in doc.facts if f.field == "title" and isinstance(f.value, str)), None)


def label_title(doc: Document, typography: bool = False) -> Document:
    """The document, the first kept block that repeats the page's declared title labelled ``title``.

    The blocks have been repaired and normalised by then; the title is compared as the chain
    would leave it too (``typography`` is normalisation's), so that an entity or mojibake in
    the page's title (``&#x26;``, ``â€™``) does not hide its block.

    >>> from cleaner.document import Fact
    >>> doc = Document.from_blocks(["Tom & Jerry's day", "Text."]).add(facts=[Fact("title", "Tom &#x26; Jerryâ€™s day")])
    >>> [b.kind for b in label_title(doc).blocks]
    ['title', 'body']
    """
    from cleaner.fix.encoding import repair
    from cleaner.fix.whitespace import normalize_text

    title = declared_title(doc)
    if not title:
        return doc
    title = normalize_text(repair(title, typography)[0], typography)
    for index, block in enumerate(doc.blocks[:TITLE_WINDOW]):
        if block.kept and same_text(block.text, title):
            return doc.relabel(index, "title", TITLE_RULE)
    return doc


def is_tag_list(text: str, tags: Collection[str]) -> bool:
    """True when ``text`` is a list of the page's own tags or categories (at least two, nearly all of it).

    >>> is_tag_list("library, city council, budget", ["Library", "City council", "Budget"])
    True
    >>> is_tag_list("The library, the council and the budget were discussed.", ["Library", "Budget"])
    False
    """
    known = {word_key(t) for t in tags} - {""}
    parts = [w for part in _LIST_SEPARATOR.split(text) if (w := word_key(part))]
    return bool(known) and len(parts) >= 2 and sum(p in known for p in parts) >= TAG_SHARE * len(parts)


def page_tags(doc: Document) -> list[str]:
    """The tags and categories the page declares (in the document's metadata).

    >>> page_tags(Document(meta={"tags": ["Budget"], "categories": ["City"]}))
    ['Budget', 'City']
    """
    return [str(t) for key in ("tags", "categories") for t in (doc.meta.get(key) or ()) if isinstance(t, str)]


def label_tags(doc: Document) -> Document:
    """Label the kept blocks that list the page's own tags or categories as ``navigation``.

    >>> doc = Document.from_blocks(["The budget passed.", "Budget, City"]).replace(meta={"tags": ["Budget", "City"]})
    >>> [b.kind for b in label_tags(doc).blocks]
    ['body', 'navigation']
    """
    tags = page_tags(doc)
    if not tags:
        return doc
    return doc.with_blocks(
        b.labelled("navigation", TAGS_RULE) if b.kept and is_tag_list(b.text, tags) else b for b in doc.blocks
    )
