"""Peeling chrome off the head and tail of an article, and scanning its middle.

The head is read from the top: classifiers are asked in turn, and the peel
stops at the first block that none of them claims.  The tail is read the same
way from the bottom, where a related-links header takes its teasers with it.
The middle is only scanned for whole blocks of unmistakable chrome.

The three passes run again and again until none of them claims anything more,
so that cleaning clean text changes nothing: whatever a fresh run would find at
the new top or bottom is found now.

>>> from cleaner.document import Document
>>> doc = strip_chrome(Document.from_blocks(["Talks go on", "By Jane Doe", "The talks went on for hours, officials said.", "Follow us on Twitter"]))
>>> [(b.kind, b.text) for b in doc.blocks if not b.kept]
[('title', 'Talks go on'), ('byline', 'By Jane Doe'), ('social', 'Follow us on Twitter')]
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from cleaner.document import Block, Document, Fact
from cleaner.strip.byline import author_bio, byline
from cleaner.strip.claims import Claim, Classifier, Context
from cleaner.strip.company import imprint, press_boilerplate
from cleaner.strip.dateline import dateline
from cleaner.strip.footer import affiliate, comments, contact, contributors, markup, reading_time, tags
from cleaner.strip.header import description, navigation, section_label, title
from cleaner.strip.legal import cookie_notice, copyright_line
from cleaner.strip.media import advertisement, caption, embed, photo_credit
from cleaner.strip.related import bullet_teasers, excerpt_run, middle_group, read_more, related_end, related_group
from cleaner.strip.social import newsletter, social
from cleaner.strip.timestamp import timestamp

#: The classifiers asked about a block in the head, in order.
HEAD: tuple[Classifier, ...] = (
    cookie_notice,
    markup,
    timestamp,
    reading_time,
    navigation,
    section_label,
    byline,
    photo_credit,
    dateline,
    social,
    newsletter,
    advertisement,
    embed,
    title,
    caption,
    description,
)
#: The classifiers asked about a block in the tail, in order.
TAIL: tuple[Classifier, ...] = (
    cookie_notice,
    markup,
    affiliate,
    comments,
    tags,
    contributors,
    related_end,
    reading_time,
    social,
    newsletter,
    author_bio,
    contact,
    imprint,
    timestamp,
    copyright_line,
    navigation,
    advertisement,
    embed,
    photo_credit,
    read_more,
    byline,
)
#: The classifiers asked about a block in the middle: unmistakable chrome only.
MIDDLE: tuple[Classifier, ...] = (
    advertisement,
    embed,
    read_more,
    social,
    newsletter,
    photo_credit,
    caption,
    contributors,
    markup,
    copyright_line,
    contact,
    cookie_notice,
)

#: How many following blocks a classifier may look at.
LOOKAHEAD = 10


#: A list marker opening a line of a text dump: "* Home", "+ Contact us", "o Sports", "• World".
_LIST_MARK = re.compile(r"^(?:[*+•·▪►]|o(?=\s))\s+")


def first_claim(text: str, ctx: Context, classifiers: Iterable[Classifier]) -> Claim | None:
    """The claim of the first classifier that claims ``text``.

    A line under a list marker ("* Contact us") is asked about again without
    the marker, for a claim of the whole line only.

    >>> first_claim("* Privacy Policy", Context("tail"), TAIL).kind
    'copyright'
    """
    classifiers = tuple(classifiers)
    for classify in classifiers:
        claim = classify(text, ctx)
        if claim is not None:
            return claim
    bare = _LIST_MARK.sub("", text, count=1)
    if bare != text and bare.strip():
        for classify in classifiers:
            claim = classify(bare, ctx)
            if claim is not None:
                return claim if claim.end is None else None
    return None


def _kept(blocks: Sequence[Block]) -> list[int]:
    return [i for i, b in enumerate(blocks) if b.kept]


def _authors(facts: Iterable[Fact]) -> tuple[str, ...]:
    return tuple(name for f in facts if f.field == "authors" for name in f.value)


def peel_head(doc: Document, classifiers: Sequence[Classifier] = HEAD) -> Document:
    """Label chrome from the top down, up to the first block nobody claims."""
    blocks = list(doc.blocks)
    facts: list[Fact] = []
    found: set[str] = set()
    while kept := _kept(blocks):
        i = kept[0]
        text = blocks[i].text
        ctx = Context(
            "head",
            frozenset(found),
            _authors(doc.facts) + _authors(facts),
            after=tuple(blocks[j].text for j in kept[1 : 1 + LOOKAHEAD]),
        )
        claim = first_claim(text, ctx, classifiers)
        if claim is None:
            break
        if claim.end is not None and 0 < claim.end < len(text) and text[claim.end :].strip():
            blocks[i : i + 1] = [
                Block(text[: claim.end].strip(), claim.kind, claim.rule),
                Block(text[claim.end :].strip()),
            ]
        else:
            blocks[i] = Block(text, claim.kind, claim.rule)
        found.add(claim.kind)
        facts.extend(claim.facts)
    return doc.replace(blocks=tuple(blocks), facts=doc.facts + tuple(facts))


def peel_tail(doc: Document, classifiers: Sequence[Classifier] = TAIL) -> Document:
    """Label chrome from the bottom up, related-links blocks with their teasers."""
    blocks = list(doc.blocks)
    facts: list[Fact] = []
    found: set[str] = set()
    while kept := _kept(blocks):
        i = kept[-1]
        text = blocks[i].text
        ctx = Context(
            "tail",
            frozenset(found),
            _authors(doc.facts),
            before=tuple(blocks[j].text for j in kept[-1 - LOOKAHEAD : -1]),
        )
        claim = first_claim(text, ctx, classifiers)
        if claim is not None and claim.end is None:
            blocks[i] = Block(text, claim.kind, claim.rule)
            found.add(claim.kind)
            facts.extend(claim.facts)
            continue
        run = tail_run([blocks[j].text for j in kept])
        if run is None:
            break
        start, kind, rule, fact = run
        for j in kept[start:]:
            blocks[j] = Block(blocks[j].text, kind, rule)
        found.add(kind)
        if fact is not None:
            facts.append(fact)
    return doc.replace(blocks=tuple(blocks), facts=doc.facts + tuple(facts))


def tail_run(texts: Sequence[str]) -> tuple[int, str, str, Fact | None] | None:
    """A run of blocks that closes the text and is chrome as a whole: where it starts, its kind, rule and fact.

    Asked in order: a related-links header with its teasers, bulleted teasers,
    a run of post excerpts, a press release's closing section.

    >>> tail_run(["The talks went on for hours, officials said.", "More from World", "Talks stall", "Ministers meet"])[:3]
    (1, 'related-links', 'related-block')
    """
    end = len(texts)
    if (group := related_group(texts, end)) is not None:
        start, (field, value) = group
        return start, "related-links", "related-block", Fact(field, value, "related-block") if field else None
    if (bullets := bullet_teasers(texts, end)) is not None:
        return bullets, "related-links", "related-block", None
    if (excerpts := excerpt_run(texts, end)) is not None:
        return excerpts, "related-links", "excerpt-run", None
    if (press := press_boilerplate(texts, end)) is not None:
        return press[0], "press-boilerplate", press[1], None
    return None


def scan_middle(doc: Document, classifiers: Sequence[Classifier] = MIDDLE) -> Document:
    """Label whole blocks of unmistakable chrome anywhere in the text."""
    blocks = list(doc.blocks)
    facts: list[Fact] = []
    ctx = Context("middle")
    kept = _kept(blocks)
    texts = [blocks[j].text for j in kept]
    skip = 0
    for k, i in enumerate(kept):
        block = blocks[i]
        if skip:
            skip -= 1
            continue
        if group := middle_group(texts, k):
            for j in kept[k : k + group]:
                blocks[j] = Block(blocks[j].text, "related-links", "related-block-middle")
            skip = group - 1
            continue
        claim = first_claim(block.text, ctx, classifiers)
        if claim is not None and claim.end is None:
            blocks[i] = Block(block.text, claim.kind, claim.rule)
            facts.extend(claim.facts)
    return doc.replace(blocks=tuple(blocks), facts=doc.facts + tuple(facts))


PASSES = {"peel_head": peel_head, "peel_tail": peel_tail, "scan_middle": scan_middle}


class StripChrome:
    """The chrome-stripping step: some passes, run until none claims anything more."""

    name = "strip_chrome"

    def __init__(self, passes: Sequence[str] = tuple(PASSES)) -> None:
        self.passes = tuple(PASSES[p] for p in passes)

    def __call__(self, doc: Document) -> Document:
        while True:
            before = [b.text for b in doc.kept]
            for run in self.passes:
                doc = run(doc)
            if [b.text for b in doc.kept] == before:
                return doc


def strip_chrome(doc: Document) -> Document:
    """Run every pass until none claims anything more."""
    return StripChrome()(doc)
