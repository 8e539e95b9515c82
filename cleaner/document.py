"""The data model: what flows through the chain of steps.

Data flows one way::

    text ──► Document ──► step ──► step ──► … ──► Result

A :class:`Document` holds the input cut into :class:`Block` objects.  Chrome is
never deleted: a step *labels* a block with a ``kind`` and the name of the rule
that labelled it (``by``), so the kept blocks and the labelled blocks together
always account for the whole input.  Steps add :class:`Fact` objects
(metadata candidates) and :class:`Fix` objects (corrections inside kept text);
facts are resolved into one metadata dict only at the end.

All of these are frozen: a step returns a new document and never changes the
one it was given.

>>> doc = Document.from_blocks(["Title", "Body text."])
>>> doc = doc.relabel(0, "title", by="example")
>>> [b.kind for b in doc.blocks]
['title', 'body']
>>> [b.text for b in doc.kept]
['Body text.']
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

BODY = "body"

#: The containers a page's block may sit in, each a bit of :attr:`PageSignals.within`, in this order.
CONTAINERS = ("nav", "aside", "footer", "header", "article", "main", "form", "list", "table", "figure", "heading", "a")
#: The families of words of ``class`` and ``id`` attributes, each a bit of :attr:`PageSignals.named`, in this order.
FAMILIES = (
    "menu",
    "related",
    "social",
    "comment",
    "newsletter",
    "ad",
    "side",
    "foot",
    "head",
    "meta",
    "media",
    "content",
    "hidden",
)
#: The bit of each container and of each family.
CONTAINER = {name: 1 << i for i, name in enumerate(CONTAINERS)}
NAMED = {family: 1 << i for i, family in enumerate(FAMILIES)}


@dataclass(frozen=True, slots=True)
class PageSignals:
    """What a page says of one block of its text (``cleaner/io/dom.py`` reads them off the page).

    The block model reads them beside the text's own shape; a block from
    plain text has none.
    """

    #: The tag of the element holding the block.
    tag: str
    #: The containers above it (nav, aside, footer, header, article …), as bits of :data:`CONTAINER`.
    within: int = 0
    #: The families of class and id words above it (menu, related, social …), as bits of :data:`NAMED`.
    named: int = 0
    #: The same for the block's own element and its parent only.
    near: int = 0
    #: The share of its characters inside links.
    links: float = 0.0
    #: Whether the page hides it.
    hidden: bool = False
    #: How deep in the page it sits.
    depth: int = 0
    #: A number for the element holding the block's element: blocks with the same number are siblings.
    group: int = 0
    #: How much of it trafilatura keeps in recall mode and in its standard mode (0 to 1).
    recall: float = 0.0
    standard: float = 0.0


@dataclass(frozen=True, slots=True)
class Why:
    """Why a block was kept or labelled: the row of the decision table that decided, and what it weighed.

    ``row`` names a row of :data:`cleaner.strip.registry.ROWS` (a rule, the block
    model, its veto, a page's title or tags, a site template).  When the block
    model weighed the block, ``prose`` is its probability that the block is
    article prose and ``threshold`` the one it was held to (it drops a block
    below its threshold; it vetoes a rule's claim at or above it).  A veto
    names the rule it overruled (``overruled``) and why (``reason``); ``round``
    is the pass of the chrome step that decided (0 for a step of its own).

    >>> print(Why("block-model", 1, 0.031, 0.25))
    block-model: p 0.03 < 0.25 (round 1)
    >>> print(Why("model-veto", 1, 0.97, 0.9, overruled="byline", reason="reads as a sentence"))
    model-veto: p 0.97 >= 0.90, overrules byline: reads as a sentence (round 1)
    >>> print(Why("kept", 2, 0.88, 0.05))
    kept: p 0.88 >= 0.05 (round 2)
    >>> print(Why("site-template"))
    site-template
    """

    row: str
    round: int = 0
    prose: float | None = None
    threshold: float | None = None
    overruled: str | None = None
    reason: str | None = None

    def __str__(self) -> str:
        parts = [self.row]
        if self.prose is not None and self.threshold is not None:
            sign = "<" if self.prose < self.threshold else ">="
            parts.append(f": p {self.prose:.2f} {sign} {self.threshold:.2f}")
        if self.overruled:
            parts.append(f", overrules {self.overruled}")
        if self.reason:
            parts.append(f": {self.reason}" if self.overruled or self.prose is None else f" ({self.reason})")
        if self.round:
            parts.append(f" (round {self.round})")
        return "".join(parts)

    def to_dict(self) -> dict[str, Any]:
        """The JSON form: every field that is set.

        >>> Why("block-model", 1, 0.5, 0.25).to_dict()
        {'row': 'block-model', 'round': 1, 'prose': 0.5, 'threshold': 0.25}
        """
        values = {k: getattr(self, k) for k in self.__slots__}
        return {k: v for k, v in values.items() if k == "row" or v not in (None, 0)}


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph-sized piece of the input, in reading order.

    ``kind`` is ``"body"`` for text that is kept; any other kind is chrome
    that was labelled (and so left out of the clean text) by the rule named
    in ``by``.  A block read from a page carries the page's signals (``page``);
    a decided block carries why it was kept or labelled (``why``).
    """

    text: str
    """The block's text, as the chain holds it (repairs applied)."""
    kind: str = BODY
    """``"body"`` when kept, else the kind of chrome it is (see :data:`cleaner.strip.registry.KINDS`)."""
    by: str = ""
    """The rule, run or model row that gave it its kind (``""`` for body no rule looked at)."""
    page: PageSignals | None = field(default=None, compare=False, repr=False)
    """What the page says of it, for a block read from HTML (else ``None``)."""
    why: Why | None = field(default=None, compare=False, repr=False)
    """Why it was kept or labelled, once decided (else ``None``)."""

    @property
    def kept(self) -> bool:
        """True when the block belongs to the clean text."""
        return self.kind == BODY

    def labelled(self, kind: str, by: str, why: Why | None = None) -> Block:
        """This block with a new kind, signed by ``by`` (its text and signals unchanged), and why."""
        return Block(self.text, kind, by, self.page, why if why is not None else Why(by) if by else None)

    def with_text(self, text: str) -> Block:
        """This block with another text (a repair), everything else unchanged."""
        return Block(text, self.kind, self.by, self.page, self.why)

    def explained(self, why: Why) -> Block:
        """This block, told why it stands as it does."""
        return Block(self.text, self.kind, self.by, self.page, why)


@dataclass(frozen=True, slots=True)
class Fact:
    """A metadata candidate: ``field`` may be given ``value``, says ``by``."""

    field: str
    value: Any
    by: str = ""


@dataclass(frozen=True, slots=True)
class Fix:
    """A correction inside kept text.

    ``block`` is the index of the block in :attr:`Document.blocks` and
    ``offset`` the position of ``before`` inside that block's text before the
    fix, when the fix has a precise place; both are ``None`` otherwise.
    """

    kind: str
    """What was repaired: ``"mojibake"`` or ``"html-entity"`` (encoding), ``"typo"`` or ``"misspelling"``."""
    before: str
    """The text as it was."""
    after: str
    """The text as it is now."""
    by: str = ""
    """The step that made the fix."""
    block: int | None = None
    """The index of the block in :attr:`Document.blocks`, when the fix has a place."""
    offset: int | None = None
    """Where ``before`` starts in that block's text before the fix, when the fix has a place."""

    def to_dict(self) -> dict[str, Any]:
        """The public form: ``kind``, ``before`` and ``after``."""
        return {"kind": self.kind, "before": self.before, "after": self.after}


@dataclass(frozen=True, slots=True)
class Removal:
    """A piece of the input left out of the clean text, with its kind.

    Adjacent blocks of one kind form one removal (a related-links block and
    its teasers are one thing), their texts joined by newlines.
    """

    kind: str
    """The kind of chrome (``"byline"``, ``"related-links"``, … see :data:`cleaner.strip.registry.KINDS`)."""
    text: str
    """The removed text, a run of adjacent blocks of that kind joined by newlines."""
    by: str = ""
    """The rule or model row that labelled it."""

    def to_dict(self) -> dict[str, str]:
        """The public form: ``kind`` and ``text``."""
        return {"kind": self.kind, "text": self.text}


@dataclass(frozen=True, slots=True)
class Document:
    """The input as blocks, with the facts and fixes found so far."""

    blocks: tuple[Block, ...] = ()
    """The input's blocks in reading order, body and chrome alike."""
    facts: tuple[Fact, ...] = ()
    """Metadata candidates found so far, in the order found (the metadata step chooses among them)."""
    fixes: tuple[Fix, ...] = ()
    """Repairs made so far."""
    source: str = ""
    """Where the input came from: a file path, ``path:line`` of a JSONL record, a WARC record's URL."""
    meta: Mapping[str, Any] = field(default_factory=dict)
    """The record's own fields (a JSONL record's other fields, a WARC record's headers), passed through."""
    site: str = ""
    """The site the document belongs to, when known (a URL's host, a folder): whose site template applies."""

    @classmethod
    def from_text(cls, text: str, source: str = "", meta: Mapping[str, Any] | None = None, site: str = "") -> Document:
        """A document whose only block is the whole text, not yet split."""
        return cls(blocks=(Block(text),) if text else (), source=source, meta=dict(meta or {}), site=site)

    @classmethod
    def from_blocks(cls, texts: Iterable[str], source: str = "") -> Document:
        """A document of body blocks, one per text."""
        return cls(blocks=tuple(Block(t) for t in texts), source=source)

    @property
    def kept(self) -> tuple[Block, ...]:
        """The blocks that belong to the clean text."""
        return tuple(b for b in self.blocks if b.kept)

    def replace(self, **changes: Any) -> Document:
        """A copy with some fields changed."""
        return dataclasses.replace(self, **changes)

    def with_blocks(self, blocks: Iterable[Block]) -> Document:
        """A copy with new blocks."""
        return dataclasses.replace(self, blocks=tuple(blocks))

    def add(self, facts: Iterable[Fact] = (), fixes: Iterable[Fix] = ()) -> Document:
        """A copy with more facts and fixes."""
        return dataclasses.replace(self, facts=self.facts + tuple(facts), fixes=self.fixes + tuple(fixes))

    def relabel(self, index: int, kind: str, by: str = "") -> Document:
        """A copy in which block ``index`` has a new kind."""
        blocks = list(self.blocks)
        blocks[index] = blocks[index].labelled(kind, by)
        return self.with_blocks(blocks)

    def facts_for(self, name: str) -> Iterator[Fact]:
        """The facts about one field, in the order they were found."""
        return (f for f in self.facts if f.field == name)


@dataclass(frozen=True, slots=True)
class Result:
    """What cleaning gives: the only thing writers see.

    ``text`` is the clean text: paragraphs separated by one blank line, one
    final newline, and ``""`` when nothing is kept.
    """

    text: str
    """The clean text."""
    metadata: dict[str, Any]
    """``title``, ``authors`` (a list), ``date`` and ``date_modified`` (ISO dates), ``dateline``, ``section``,
    ``site``, ``description``, ``image_credit``, ``language`` and ``language_score``; ``None`` where not found."""
    removed: tuple[Removal, ...]
    """What was left out, one entry per run of adjacent blocks of one kind, in reading order."""
    fixes: tuple[Fix, ...]
    """Every repair made in the kept text, in order."""
    source: str = ""
    """Where the input came from (as :attr:`Document.source`)."""
    blocks: tuple[Block, ...] = ()
    """Every block, kept or not, each with its kind and why: the trace of the decision."""

    def to_dict(self) -> dict[str, Any]:
        """The JSON form: ``text``, ``metadata``, ``removed`` and ``fixes``.

        >>> Result("A.\\n", {"title": None}, (Removal("title", "T"),), ()).to_dict()
        {'text': 'A.\\n', 'metadata': {'title': None}, 'removed': [{'kind': 'title', 'text': 'T'}], 'fixes': []}
        """
        return {
            "text": self.text,
            "metadata": dict(self.metadata),
            "removed": [r.to_dict() for r in self.removed],
            "fixes": [f.to_dict() for f in self.fixes],
        }


def join_text(blocks: Sequence[Block]) -> str:
    """The clean text of some kept blocks.

    >>> join_text([Block("One."), Block("Two.")])
    'One.\\n\\nTwo.\\n'
    >>> join_text([])
    ''
    """
    texts = [b.text for b in blocks if b.text]
    return "\n\n".join(texts) + "\n" if texts else ""


def removals(blocks: Sequence[Block]) -> tuple[Removal, ...]:
    """The labelled blocks, adjacent blocks of one kind taken together.

    >>> removals([Block("a", "related-links"), Block("b", "related-links"), Block("c")])
    (Removal(kind='related-links', text='a\\nb', by=''),)
    """
    runs: list[tuple[Block, list[str]]] = []  # each run: its first block and the texts of its blocks
    previous: Block | None = None
    for block in blocks:
        if block.kept:
            previous = None
            continue
        if previous is not None and previous.kind == block.kind and runs:
            runs[-1][1].append(block.text)
        else:
            runs.append((block, [block.text]))
        previous = block
    return tuple(Removal(first.kind, "\n".join(texts), first.by) for first, texts in runs)
