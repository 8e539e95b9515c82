"""Page-dump mode: finding the article in the text of a whole web page.

Text copied from a whole page (or an HTML-to-text dump) carries menus,
teasers, footers and comments around the article.  This module adapts
jusText's idea to text without HTML:

1. Every block gets a *class* from its own shape: ``good`` (long prose, many
   stop words), ``near-good`` (prose-like but shorter or thinner), ``short``
   (too short to judge alone) or ``bad`` (few stop words, or menu-like:
   pipes, bullets, a row of title-case words, a copyright sign).
2. ``short`` and ``near-good`` blocks are then revised by their neighbours:
   a short line between prose is a subheading, a short line among menus is
   a menu item.  A long run of short lines is a list of links, whatever
   surrounds it.
   Blocks the chrome classifiers claim (dates, share buttons, newsletter
   calls), long blocks found twice in the page (teasers) and short lines
   whose shape recurs (``Rating: 9 votes``) are bad from the start.
3. The article is the *main region*: the runs of good blocks, bridged over
   small gaps (but not over a date line, which starts a new item such as a
   comment), that hold the most prose.  Good blocks far from it (teasers,
   comments, footers) are dropped too.

Dropped blocks are labelled ``boilerplate``, with the rule that decided in
``by``.  In ``"auto"`` mode the step switches itself on only when the input
looks like a whole page: lists of links (runs of short lines) both at
its top and at its bottom.

>>> from cleaner.document import Document
>>> prose = ("The council said on Monday that it would vote on the plan again, because the first vote had "
...          "been lost by only one seat and many of its members had been away on that day, as they so often are in winter.")
>>> menu = ["Home", "News", "Sport", "Weather", "Contact us", "Sign in", "Subscribe", "Search"]
>>> doc = Document.from_blocks([*menu, "Vote on the plan", prose, prose.upper(), "Share this", *menu])
>>> out = page_mode(doc, mode="auto")
>>> [b.text[:16] for b in out.kept]
['Vote on the plan', 'The council said', 'THE COUNCIL SAID']
>>> page_mode(Document.from_blocks([prose, "A subhead", prose]), mode="auto").kept == Document.from_blocks([prose, "A subhead", prose]).blocks
True
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from cleaner.document import Block, Document
from cleaner.stopwords import best_language, stopword_density, stopwords, words
from cleaner.strip.claims import Classifier, Context

_MIDDLE = Context("middle")

KIND = "boilerplate"

#: Blocks shorter than this many characters are ``short`` (jusText's length_low).
LENGTH_LOW = 70
#: Blocks longer than this with enough stop words are ``good`` (jusText's length_high).
LENGTH_HIGH = 200
#: Stop-word density at or above which a block is ``near-good`` (jusText's stopwords_low).
STOPWORDS_LOW = 0.30
#: Stop-word density at or above which a long block is ``good`` (jusText's stopwords_high).
STOPWORDS_HIGH = 0.32
#: Below this stop-word density over the whole text, the language is unknown and density is not used.
KNOWN_LANGUAGE = 0.15
#: A run of this many short blocks in a row is a list of links, wherever it stands.
SHORT_RUN = 4
#: This many near-good blocks with no bad block among them are good.
NEAR_GOOD_RUN = 3
#: Gaps of at most this many characters of dropped text are bridged inside the main region.
MAX_GAP = 400
#: Runs of good blocks with at least this share of the largest run's text are kept with it.
REGION_SHARE = 0.5
#: A block of at least this many characters found twice in the page is a teaser, not the article.
REPEATED_MIN = LENGTH_LOW
#: A short line whose shape (numbers aside) comes back this many times is a list's furniture.
SHAPE_MIN = 3
#: Blocks of these rules end a region however short the gap: a date line between prose starts a new item.
BREAK_RULES: frozenset[str] = frozenset({"chrome-timestamp"})
#: Page mode keeps at least this share of the text outside lists of links, or leaves the page alone.
MIN_KEPT = 0.05
#: Auto mode: at least this many blocks ...
AUTO_MIN_BLOCKS = 12
#: ... of which at least this many stand in lists of links ...
AUTO_MIN_LISTED = 8
#: ... and at least this many in the top third and in the bottom third each.
AUTO_END_LISTED = 3
#: ... or at least this many in the top or the bottom third alone (a big menu or footer).
AUTO_ONE_END = 10
#: A link-like line has at most this many words ...
LINK_WORDS = 4
#: ... and a list of links at least this many such lines in a row.
LINK_RUN = 3

GOOD, NEAR_GOOD, SHORT, BAD = "good", "near-good", "short", "bad"

_SENTENCE_END = re.compile(r"[.!?…:][\"'”’»)\]]*$")
_SEPARATORS = re.compile(r"\s[|•·»/]\s|\s[|•·]|[|•·]\s|\s{3,}")
_COPYRIGHT = re.compile(r"©|\(c\)\s*\d{4}|&copy;", re.IGNORECASE)
_ENDS_CLAUSE = re.compile(r"[.!?:;,…][\"'”’»)\]]*$")
_DIGIT = re.compile(r"\d")
_DIGIT_RUN = re.compile(r"\d+")
_URL = re.compile(r"https?://|www\.\w", re.IGNORECASE)


def menu_like(text: str) -> bool:
    """True for a line shaped like a menu: items set apart by pipes, bullets or wide spaces.

    >>> menu_like("News | Sport | Weather"), menu_like("Home • About • Contact")
    (True, True)
    >>> menu_like("The vote, held on Monday, was close.")
    False
    """
    parts = [p for p in _SEPARATORS.split(text) if p.strip()]
    return len(parts) >= 3 and all(len(words(p)) <= 5 for p in parts)


def title_case_row(text: str) -> bool:
    """True for a row of capitalised words with no sentence in it ("World Business Tech Sport").

    >>> title_case_row("World Business Markets Tech Sport Culture")
    True
    >>> title_case_row("Vote on the plan"), title_case_row("Paris Agreement")
    (False, False)
    """
    tokens = text.split()
    if len(tokens) < 4 or _SENTENCE_END.search(text):
        return False
    capital = sum(t[:1].isupper() for t in tokens)
    return capital / len(tokens) >= 0.9


@dataclass(frozen=True)
class Verdict:
    """A block's class and the rule that gave it."""

    cls: str
    rule: str


def classify(text: str, stop: frozenset[str] | None) -> Verdict:
    """The context-free class of one block (``stop`` is ``None`` when the language is unknown).

    >>> en = stopwords("en")
    >>> classify("Home | News | Sport | Weather", en).cls
    'bad'
    >>> classify("Copyright © 2024 The Daily Paper. All rights reserved.", en).cls
    'bad'
    >>> classify("Sign in", en).cls
    'short'
    >>> classify("The council said on Monday that it would vote on the plan again, because the first vote was "
    ...          "lost by only one seat and several of its members were away that day, as they so often are in the cold winter.", en).cls
    'good'
    """
    length = len(text)
    if _COPYRIGHT.search(text) and length < LENGTH_HIGH:
        return Verdict(BAD, "copyright")
    if menu_like(text):
        return Verdict(BAD, "menu-shape")
    if _URL.search(text) and len(words(text)) <= 8:
        return Verdict(BAD, "link")
    if length < LENGTH_LOW:
        return Verdict(SHORT, "short")
    if title_case_row(text) and length < LENGTH_HIGH:
        return Verdict(BAD, "title-case-row")
    if stop is None:
        if _SENTENCE_END.search(text):
            return Verdict(GOOD if length > LENGTH_HIGH else NEAR_GOOD, "length")
        return Verdict(NEAR_GOOD if length > LENGTH_HIGH else BAD, "length")
    density = stopword_density(text, stop)
    if density >= STOPWORDS_HIGH:
        return Verdict(GOOD if length > LENGTH_HIGH else NEAR_GOOD, "stopwords")
    if density >= STOPWORDS_LOW:
        return Verdict(NEAR_GOOD, "stopwords")
    return Verdict(BAD, "few-stopwords")


def _neighbour(classes: Sequence[str], i: int, step: int, ignore_near_good: bool) -> str:
    """The class of the nearest block before (``step=-1``) or after (``+1``) that is not short."""
    j = i + step
    while 0 <= j < len(classes):
        c = classes[j]
        if c in (BAD, GOOD) or (c == NEAR_GOOD and not ignore_near_good):
            return c
        j += step
    return BAD


def heading_like(text: str) -> bool:
    """True for a line that reads as a heading: a few words, capitalised, not a sentence.

    >>> heading_like("Vote on the plan"), heading_like("Sign in"), heading_like("He left.")
    (True, False, False)
    """
    n = len(words(text))
    return 3 <= n <= 15 and text[:1].isupper() and not re.search(r"[.:;,]$", text)


def revise(verdicts: Sequence[Verdict], texts: Sequence[str]) -> list[Verdict]:
    """jusText's context-sensitive pass: short and near-good blocks take their neighbours' side.

    >>> v = [Verdict(GOOD, "s"), Verdict(SHORT, "s"), Verdict(GOOD, "s"), Verdict(SHORT, "s"), Verdict(BAD, "s")]
    >>> [x.cls for x in revise(v, ["x"] * 5)]
    ['good', 'good', 'good', 'bad', 'bad']
    """
    classes = [v.cls for v in verdicts]
    out = list(verdicts)
    # A short heading right above prose is near-good (jusText's "good headings").
    for i in range(len(classes) - 1):
        if classes[i] == SHORT and classes[i + 1] == GOOD and heading_like(texts[i]):
            classes[i] = NEAR_GOOD
            out[i] = Verdict(NEAR_GOOD, "heading")
    # A long run of short blocks is a list of links, whatever surrounds it.
    i = 0
    while i < len(classes):
        j = i
        while j < len(classes) and classes[j] == SHORT:
            j += 1
        if j - i >= SHORT_RUN:
            for k in range(i, j):
                classes[k] = BAD
                out[k] = Verdict(BAD, "short-run")
        i = max(j, i + 1)
    # A stretch of near-good prose with no bad block in it is an article of short paragraphs.
    i = 0
    while i < len(classes):
        j = i
        while j < len(classes) and classes[j] != BAD:
            j += 1
        near = [k for k in range(i, j) if classes[k] == NEAR_GOOD]
        if len(near) >= NEAR_GOOD_RUN and GOOD not in classes[i:j]:
            for k in near:
                classes[k] = GOOD
                out[k] = Verdict(GOOD, "near-good-run")
        i = max(j, i + 1)
    shorts: dict[int, Verdict] = {}
    for i, c in enumerate(classes):
        if c != SHORT:
            continue
        before = _neighbour(classes, i, -1, True)
        after = _neighbour(classes, i, 1, True)
        if before == after == GOOD:
            shorts[i] = Verdict(GOOD, "short-between-good")
        elif before == after == BAD:
            shorts[i] = Verdict(BAD, "short-between-bad")
        elif (before == BAD and _neighbour(classes, i, -1, False) == NEAR_GOOD) or (
            after == BAD and _neighbour(classes, i, 1, False) == NEAR_GOOD
        ):
            shorts[i] = Verdict(GOOD, "short-near-good")
        else:
            shorts[i] = Verdict(BAD, "short-edge")
    for i, v in shorts.items():
        classes[i], out[i] = v.cls, v
    for i, c in enumerate(classes):
        if c != NEAR_GOOD:
            continue
        before = _neighbour(classes, i, -1, True)
        after = _neighbour(classes, i, 1, True)
        out[i] = Verdict(BAD, "near-good-between-bad") if before == after == BAD else Verdict(GOOD, "near-good")
    for i, v in enumerate(out):
        classes[i] = v.cls
    return out


def regions(
    texts: Sequence[str], good: Sequence[bool], breaks: Sequence[bool] | None = None
) -> list[tuple[int, int, int]]:
    """The ``(start, end, good characters)`` runs of good blocks, bridged over gaps of at most ``MAX_GAP``.

    >>> regions(["a" * 300, "x", "b" * 500, "y" * 900, "c" * 100], [True, False, True, False, True])
    [(0, 3, 800), (4, 5, 100)]
    """
    spans: list[tuple[int, int, int]] = []
    start: int | None = None
    gap = size = 0
    last = -1
    for i, (text, ok) in enumerate(zip(texts, good, strict=True)):
        if ok:
            if start is None:
                start, size = i, 0
            size += len(text)
            gap = 0
            last = i
        elif start is not None:
            gap += len(text)
            if gap > MAX_GAP or (breaks is not None and breaks[i]):
                spans.append((start, last + 1, size))
                start = None
    if start is not None:
        spans.append((start, last + 1, size))
    return spans


def link_like(text: str) -> bool:
    """True for a line shaped like a menu item or a link: a few words, no sentence, no numbers.

    >>> link_like("Contact us"), link_like("World news"), link_like("Top 10"), link_like("He left.")
    (True, True, False, False)
    >>> link_like("| Name | Team |")
    False
    """
    n = len(words(text))
    if not 0 < n <= LINK_WORDS or len(text) >= LENGTH_LOW or text.startswith("|"):  # "| a | b |" is a table row
        return False
    return not _ENDS_CLAUSE.search(text) and not _DIGIT.search(text)


def in_lists(texts: Sequence[str]) -> list[bool]:
    """For each block, whether it stands in a list of links: a run of at least ``LINK_RUN`` link-like lines.

    >>> in_lists(["Home", "News", "Sport", "The vote was held on Monday.", "Help"])
    [True, True, True, False, False]
    """
    like = [link_like(t) for t in texts]
    out = [False] * len(texts)
    i = 0
    while i < len(texts):
        j = i
        while j < len(texts) and like[j]:
            j += 1
        if j - i >= LINK_RUN:
            out[i:j] = [True] * (j - i)
        i = max(j, i + 1)
    return out


def looks_like_page(texts: Sequence[str]) -> bool:
    """True when ``texts`` (the blocks of a document) look like a whole page rather than an article.

    A whole page has lists of links (runs of menu-like lines) both in its top
    third (the header and menus) and in its bottom third (the footer), or one
    long list at one end; an article, even one with a list in it, has not.

    >>> menu = ["Home", "News", "Sport", "Weather", "Travel", "Contact us"]
    >>> para = "The council said on Monday that it would vote again, as the first vote was lost."
    >>> looks_like_page(menu + [para] * 6 + menu)
    True
    >>> looks_like_page([para] * 6 + menu + menu), looks_like_page(["A title", para] * 8)
    (False, False)
    """
    if len(texts) < AUTO_MIN_BLOCKS:
        return False
    listed = in_lists(texts)
    third = len(texts) // 3
    top, bottom = sum(listed[:third]), sum(listed[-third:])
    both_ends = sum(listed) >= AUTO_MIN_LISTED and top >= AUTO_END_LISTED and bottom >= AUTO_END_LISTED
    return both_ends or max(top, bottom) >= AUTO_ONE_END


def classify_all(texts: Sequence[str]) -> list[Verdict]:
    """The context-free verdicts of every block, the language chosen from the whole text."""
    language, share = best_language(texts)
    stop = stopwords(language) if language and share >= KNOWN_LANGUAGE else None
    out = [classify(t, stop) for t in texts]
    for i, t in enumerate(texts):
        if out[i].cls != BAD and len(t) < LENGTH_HIGH:
            kind = chrome_kind(t)
            if kind:
                out[i] = Verdict(BAD, f"chrome-{kind}")
    seen = Counter(t for t in texts if len(t) >= REPEATED_MIN)
    shapes = [shape(t) if len(t) < LENGTH_LOW else "" for t in texts]
    counts = Counter(x for x in shapes if x)
    for i, t in enumerate(texts):
        if out[i].cls == BAD:
            continue
        if seen[t] > 1:
            out[i] = Verdict(BAD, "repeated")
        elif shapes[i] and counts[shapes[i]] >= SHAPE_MIN:
            out[i] = Verdict(BAD, "repeated-shape")
    return out


def shape(text: str) -> str:
    """The shape of a short line: the same line with other numbers has the same shape.

    >>> shape("Rating: 12 Votes") == shape("Rating: 3 votes")
    True
    """
    return _DIGIT_RUN.sub("0", text.casefold()).strip()


def chrome_kind(text: str) -> str | None:
    """The kind of chrome the chrome classifiers see in a whole block, if any.

    >>> chrome_kind("Follow us on Twitter"), chrome_kind("The talks went on for hours, officials said.")
    ('social', None)
    """
    from cleaner.strip.peel import first_claim

    claim = first_claim(text, _MIDDLE, _chrome_classifiers())
    return claim.kind if claim is not None and claim.end is None else None


@functools.cache
def _chrome_classifiers() -> tuple[Classifier, ...]:
    from cleaner.strip.header import navigation
    from cleaner.strip.legal import copyright_line
    from cleaner.strip.media import advertisement, embed, photo_credit
    from cleaner.strip.related import read_more
    from cleaner.strip.social import newsletter, social
    from cleaner.strip.timestamp import timestamp

    return (timestamp, navigation, social, newsletter, advertisement, embed, read_more, copyright_line, photo_credit)


def verdicts(texts: Sequence[str]) -> list[Verdict]:
    """The final verdict of every block: classified, revised, and outside the main region dropped."""
    first = classify_all(texts)
    revised = revise(first, texts)
    breaks = [v.rule in BREAK_RULES for v in first]
    spans = regions(texts, [v.cls == GOOD for v in revised], breaks)
    if not spans:
        return revised
    best = max(s[2] for s in spans)
    inside = [False] * len(texts)
    for start, end, size in spans:
        if size >= REGION_SHARE * best:
            inside[start:end] = [True] * (end - start)
    out: list[Verdict] = []
    for i, v in enumerate(revised):
        if v.cls == GOOD and not inside[i]:
            out.append(Verdict(BAD, "outside-main-region"))
        elif v.cls != GOOD and inside[i] and _rescued(texts[i], first[i]):
            out.append(Verdict(GOOD, "inside-main-region"))
        else:
            out.append(v)
    return out


def _rescued(text: str, first: Verdict) -> bool:
    """True for a block inside the main region that is kept although its neighbours voted against it."""
    if first.cls == NEAR_GOOD:
        return True
    if first.cls == SHORT:
        return bool(_SENTENCE_END.search(text)) and len(words(text)) >= 4
    return False


def auto_fires(doc: Document, texts: Sequence[str], chrome: Callable[[Document], Document] | None = None) -> bool:
    """Whether ``auto`` mode takes ``doc`` (whose kept blocks are ``texts``) for a whole page.

    It does when the text looks like a page as it is, or as ``chrome`` (the
    ``strip_chrome`` step) would leave it.  The second look keeps cleaning
    idempotent: a text left alone comes out through ``strip_chrome``, and
    cleaning that again must make the same decision.
    """
    if len(texts) < AUTO_MIN_BLOCKS:
        return False
    # Lists need link-like lines, and strip_chrome only takes lines away: with too few, neither look can fire.
    if sum(map(link_like, texts)) < min(AUTO_MIN_LISTED, AUTO_ONE_END):
        return False
    return looks_like_page(texts) or looks_like_page(_after_chrome(doc, chrome))


def _after_chrome(doc: Document, chrome: Callable[[Document], Document] | None) -> list[str]:
    """The texts of the blocks that ``chrome`` (by default the whole ``strip_chrome`` step) leaves."""
    if chrome is None:
        from cleaner.strip.peel import StripChrome

        chrome = StripChrome()
    return [b.text for b in chrome(doc).kept]


def confident(texts: Sequence[str], final: Sequence[Verdict]) -> bool:
    """True when the article found is worth trusting: some prose, and not a sliver of the text outside menus.

    When what is kept is less than ``MIN_KEPT`` of the text that is not in
    lists of links, the page is more likely a list-like article (a menu
    plan, a results table) than an article lost in chrome: page mode then
    leaves it alone.

    >>> confident(["Home", "x" * 300], [Verdict(BAD, "short-run"), Verdict(GOOD, "stopwords")])
    True
    >>> confident(["y" * 3000, "x" * 100], [Verdict(BAD, "few-stopwords"), Verdict(GOOD, "stopwords")])
    False
    """
    kept = sum(len(t) for t, v in zip(texts, final, strict=True) if v.cls == GOOD)
    if not kept:
        return False
    outside_lists = sum(len(t) for t, listed in zip(texts, in_lists(texts), strict=True) if not listed)
    return kept >= MIN_KEPT * outside_lists


def page_mode(doc: Document, mode: str = "auto", chrome: Callable[[Document], Document] | None = None) -> Document:
    """Label the chrome of a whole-page dump as ``boilerplate`` (in ``"auto"`` mode only when it is one).

    ``chrome`` is the ``strip_chrome`` step that runs after this one (see :func:`auto_fires`).
    """
    if mode == "off":
        return doc
    index = [i for i, b in enumerate(doc.blocks) if b.kept]
    texts = [doc.blocks[i].text for i in index]
    if mode == "auto" and not auto_fires(doc, texts, chrome):
        return doc
    final = verdicts(texts)
    if not confident(texts, final):
        return doc
    blocks = list(doc.blocks)
    for i, v in zip(index, final, strict=True):
        if v.cls != GOOD:
            blocks[i] = Block(blocks[i].text, KIND, v.rule)
    return doc.with_blocks(blocks)


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m cleaner.strip.page FILE|FOLDER ...``: which texts auto mode takes for whole pages."""
    import sys

    from cleaner.fix.whitespace import normalize
    from cleaner.split import split_blocks

    paths = [p for arg in (argv if argv is not None else sys.argv[1:]) for p in _files(Path(arg))]
    fired = changed = 0
    for path in paths:
        doc = split_blocks(normalize(Document.from_text(path.read_text(encoding="utf-8", errors="replace"))))
        texts = [b.text for b in doc.blocks]
        is_page = auto_fires(doc, texts)
        acts = is_page and confident(texts, verdicts(texts))
        fired += is_page
        changed += acts
        print(f"{'page' if is_page else '-':4} {'acts' if acts else '-':4} {path}")
    print(f"{fired} of {len(paths)} look like whole pages; page mode acts on {changed}")
    return 0


def _files(path: Path) -> list[Path]:
    return sorted(path.rglob("*.txt")) if path.is_dir() else [path]


if __name__ == "__main__":
    raise SystemExit(main())
