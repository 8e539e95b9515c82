"""What the block model knows of each block: its shape, its place, its neighbours and its word-list hits.

Every block of a document gets one vector of numbers, computed once, in one
pass over the blocks (:func:`featurize`), from the text alone.  A block read
from a page adds the page's signals (``cleaner/io/dom.py``) after these.

- **shape** (:func:`shape`): words, characters, stop-word density, sentence
  ends, capitals, digits, links, list markers, pipes;
- **word lists** (:func:`hits`): which lists of ``cleaner/data/<lang>.json``
  the block opens with or holds (share prompts, related-links headers, legal
  links…), used as evidence, not as verdicts;
- **place** (:func:`featurize`): position in the document, distance to the
  densest prose, how much prose stands before and after, the run of short
  lines the block stands in, whether it comes back elsewhere;
- **neighbours**: the shape of the blocks just before and after.

>>> rows = featurize(["Home", "News", "The council voted on Monday to keep the old library open, officials said."])
>>> len(rows[0]) == len(NAMES)
True
>>> named = dict(zip(NAMES, rows[2]))
>>> named["ends_sentence"], named["words"] > named["chars"] / 10
(1.0, True)
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Sequence

from cleaner.document import CONTAINERS, FAMILIES, PageSignals
from cleaner.lexicon import trie
from cleaner.stopwords import best_language, stopwords
from cleaner.strip.phrases import CASE_FOLDS_APART, Phrases

#: The word lists whose hits are features: a phrase from the list opens the block (``open``) or stands in it.
LISTS = (
    "social",
    "follow",
    "newsletter",
    "related",
    "navigation",
    "legal_links",
    "copyright",
    "advertisement",
    "credit",
    "comments",
    "tags",
    "reading_time",
    "contributors",
    "affiliate",
    "cookies",
    "contact",
    "byline",
    "media_notices",
    "offer_cta",
)

SHAPE = (
    "words",
    "chars",
    "stopwords",
    "ends_sentence",
    "ends_colon",
    "sentences",
    "capitals",
    "digits",
    "url",
    "list_marker",
    "separators",
    "title_case",
    "upper",
    "mean_word",
    "punctuation",
    "starts_lower",
    "table_row",
    "question",
    "cut_off",
    "date",
    "time",
)
PLACE = (
    "duplicated",
    "position",
    "chars_before",
    "prose_before",
    "prose_after",
    "to_prose",
    "to_prose_chars",
    "short_run",
    "repeated",
    "shape_repeated",
    "blocks",
    "language_known",
)
#: The neighbours' features: ``prev_`` and ``next_`` of each.
NEIGHBOUR = ("words", "stopwords", "ends_sentence", "url", "list_marker", "separators")
#: What the whole document is like: how much of it is prose, how much short lines.
DOCUMENT = (
    "doc_prose",
    "doc_short",
    "doc_prose_chars",
    "doc_listed",
    "doc_listed_top",
    "doc_listed_bottom",
    "doc_urls",
)
#: The tags of the element holding a page's block, in groups.
TAG_GROUPS: dict[str, tuple[str, ...]] = {
    "p": ("p",),
    "h1": ("h1",),
    "heading": ("h2", "h3", "h4", "h5", "h6"),
    "li": ("li",),
    "row": ("tr",),
    "cell": ("td", "th"),
    "div": ("div", "section", "article", "main", "span"),
    "pre": ("pre",),
    "quote": ("blockquote",),
    "caption": ("figcaption", "caption", "figure"),
    "term": ("dt", "dd", "dl"),
    "chrome": ("nav", "header", "footer", "aside", "form", "menu", "address"),
}
_TAG_GROUP = {tag: i for i, tags in enumerate(TAG_GROUPS.values()) for tag in tags}
#: A page's signals (bits named in the order of :data:`cleaner.document.CONTAINERS` and ``FAMILIES``).
PAGE: tuple[str, ...] = (
    *(f"tag_{g}" for g in TAG_GROUPS),
    *(f"in_{c}" for c in CONTAINERS),
    *(f"named_{f}" for f in FAMILIES),
    *(f"near_{f}" for f in FAMILIES),
    "links",
    "hidden",
    "depth",
    "recall",
    "standard",
    "recall_span",
    "to_recall",
    "prev_recall",
    "next_recall",
    "around_recall",
    "standard_span",
    "prev_standard",
    "next_standard",
    "prev_links",
    "next_links",
    "siblings",
    "siblings_standard",
    "siblings_recall",
)
NAMES: tuple[str, ...] = (
    *SHAPE,
    *(f"open_{k}" for k in LISTS),
    *(f"has_{k}" for k in LISTS),
    *PLACE,
    *(f"prev_{k}" for k in NEIGHBOUR),
    *(f"next_{k}" for k in NEIGHBOUR),
    *(f"prev2_{k}" for k in ("words", "stopwords")),
    *(f"next2_{k}" for k in ("words", "stopwords")),
    *DOCUMENT,
    *PAGE,
)
#: The value of every page feature of a block that did not come from a page.
NO_PAGE = -1.0

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_SENTENCE_END = re.compile(r"[.!?…](?:[\"'”’»)\]]*)(?:\s|$)")
_ENDS_SENTENCE = re.compile(r"[.!?…][\"'”’»)\]]*$")
_URL = re.compile(r"https?://|www\.\w|\b[\w.-]+\.(?:com|org|net|co\.uk|io)\b|@\w{2,}", re.IGNORECASE)
_LIST_MARKER = re.compile(r"^(?:[-*+•·▪►–—o]\s|\d{1,3}[.)]\s|[a-z][.)]\s|\(\d{1,3}\)\s)")
_SEPARATOR = re.compile(r"\s[|•·/»›>]\s|\s{3,}")
_PUNCT = re.compile(r"[^\w\s]")
_DIGIT = re.compile(r"\d")
_CUT_OFF = re.compile(r"(?:…|\.\.\.|\[…\]|\[\.\.\.\])\s*$")
_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\b|\b\d{1,2}\s*[ap]\.?m\.?(?!\w)", re.IGNORECASE)
_DIGITS = re.compile(r"\d+")
#: What may stand before a phrase that opens a block: at most three non-word characters.
_LEAD = re.compile(r"\W{0,3}")
#: Words of the lists are matched as whole words.
_EDGE = r"(?<!\w)"

#: A block with at least this many words that ends a sentence, in a known language with enough stop words, is prose.
PROSE_WORDS = 20
PROSE_STOPWORDS = 0.25
#: A short line: fewer than this many words and no sentence end.
SHORT_WORDS = 6
#: A run of at least this many short lines is a list (of links, or of items).
LIST_RUN = 3


@functools.cache
def _date_pattern() -> re.Pattern[str]:
    from cleaner.lexicon import month_names

    months = trie(month_names())
    return re.compile(
        rf"\b\d{{4}}-\d{{2}}-\d{{2}}\b|\b\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}}\b|{_EDGE}(?:{months})\.?\s+\d{{1,2}}\b|\b\d{{1,2}}\.?\s+(?:{months})(?!\w)",
        re.IGNORECASE,
    )


@functools.cache
def _lists() -> Phrases:
    """The phrases of every list of :data:`LISTS`, in one automaton."""
    return Phrases(LISTS)


def hits(text: str) -> tuple[list[float], list[float]]:
    """Which word lists open ``text``, and which stand anywhere in it (in its first 2,000 characters).

    >>> opens, holds = hits("Follow us on Twitter, and sign up for our newsletter")
    >>> opens[LISTS.index("social")], holds[LISTS.index("newsletter")]
    (1.0, 1.0)
    """
    opened, found = _lists().scan(text, 2000)
    holds = [0.0] * len(LISTS)
    for index, _, _ in found:
        holds[index] = 1.0
    return [1.0 if o else 0.0 for o in opened], holds


def shape(text: str, stop: frozenset[str] | None) -> list[float]:
    """The shape of one block, in the order of :data:`SHAPE`.

    >>> named = dict(zip(SHAPE, shape("- Home | News | Sport", stopwords("en"))))
    >>> named["list_marker"], named["separators"], named["ends_sentence"]
    (1.0, 2.0, 0.0)
    """
    found = _WORD.findall(text)
    n = len(found)
    density = sum(w.lower().replace("’", "'") in stop for w in found) / n if stop and n else 0.0
    capitals = sum(w[0].isupper() for w in found) / n if n else 0.0
    chars = len(text)
    stripped = text.rstrip()
    digits = _DIGIT.search(text[:300]) is not None
    return [
        math.log1p(n),
        math.log1p(chars),
        density,
        1.0 if _ENDS_SENTENCE.search(stripped[-20:]) else 0.0,
        1.0 if stripped.endswith(":") else 0.0,
        math.log1p(len(_SENTENCE_END.findall(text))),
        capitals,
        len(_DIGIT.findall(text)) / chars if chars else 0.0,
        1.0 if _may_hold_url(text[:2000]) and _URL.search(text[:2000]) else 0.0,
        1.0 if _LIST_MARKER.match(text) else 0.0,
        float(min(len(_SEPARATOR.findall(text)), 10)) if _may_hold_separator(text) else 0.0,
        1.0 if n >= 2 and capitals >= 0.9 else 0.0,
        1.0 if n and text.isupper() else 0.0,
        sum(map(len, found)) / n if n else 0.0,
        len(_PUNCT.findall(text)) / chars if chars else 0.0,
        1.0 if text[:1].islower() else 0.0,
        1.0 if stripped.startswith("|") and stripped.endswith("|") else 0.0,
        1.0 if stripped.endswith("?") else 0.0,
        1.0 if _CUT_OFF.search(stripped[-20:]) else 0.0,
        1.0 if digits and _date_pattern().search(text[:300]) else 0.0,  # every date has a digit
        1.0 if digits and _TIME.search(text[:300]) else 0.0,  # and every time
    ]


#: What every address :data:`_URL` finds holds (lower-cased).
_URL_PARTS = ("http", "www.", "@", ".com", ".org", ".net", ".co.uk", ".io")


def _may_hold_url(text: str) -> bool:
    """False when :data:`_URL` cannot find anything in ``text``: it holds none of what every address holds.

    >>> _may_hold_url("See WWW.example.org"), _may_hold_url("A plain sentence.")
    (True, False)
    """
    if not CASE_FOLDS_APART.isdisjoint(text):
        return True
    lowered = text.lower()
    return any(part in lowered for part in _URL_PARTS)


def _may_hold_separator(text: str) -> bool:
    """False when :data:`_SEPARATOR` cannot find anything in ``text``: no separator character and no run of spaces.

    >>> _may_hold_separator("Home | News"), _may_hold_separator("a   b"), _may_hold_separator("A sentence.")
    (True, True, False)
    """
    return any(c in text for c in "|•·/»›>") or " ".join(text.split()) != text


def duplicated(texts: Sequence[str], grams: Sequence[frozenset[tuple[str, str, str]]] | None = None) -> list[float]:
    """For each block, the share of its word trigrams that other blocks of the document hold too.

    A teaser repeating a paragraph, or a block holding a copy of the whole
    article (a print version, a summary), is covered by the rest.  ``grams``
    are the texts' :func:`trigrams`, when they are known already.

    >>> duplicated(["the cat sat on the mat", "the cat sat on the mat today", "a dog barked"])
    [1.0, 0.8, 0.0]
    """
    if grams is None:
        grams = [trigrams(t) for t in texts]
    counts: Counter[tuple[str, str, str]] = Counter()
    for unique in grams:
        counts.update(unique)
    return [sum(counts[g] > 1 for g in unique) / len(unique) if unique else 0.0 for unique in grams]


def trigrams(text: str) -> frozenset[tuple[str, str, str]]:
    """The lower-cased word trigrams of ``text`` (of its first 20,000 characters).

    >>> sorted(trigrams("The cat sat on"))
    [('cat', 'sat', 'on'), ('the', 'cat', 'sat')]
    """
    found = [w.lower() for w in _WORD.findall(text[:20000])]
    return frozenset(zip(found, found[1:], found[2:], strict=False))


def _is_prose(row: Sequence[float], known: bool) -> bool:
    words_, stop, ends = row[0], row[2], row[3]
    return ends == 1.0 and words_ >= math.log1p(PROSE_WORDS) and (stop >= PROSE_STOPWORDS or not known)


def _is_short(row: Sequence[float]) -> bool:
    return row[0] < math.log1p(SHORT_WORDS) and row[3] == 0.0


def _runs(flags: Sequence[bool]) -> list[int]:
    """For each position, the length of the run of true flags it stands in (0 where false).

    >>> _runs([True, True, False, True])
    [2, 2, 0, 1]
    """
    out = [0] * len(flags)
    i = 0
    while i < len(flags):
        if not flags[i]:
            i += 1
            continue
        j = i
        while j < len(flags) and flags[j]:
            j += 1
        out[i:j] = [j - i] * (j - i)
        i = j
    return out


def _nearest(marks: Sequence[bool]) -> list[int]:
    """For each position, how many positions away the nearest mark is (``len(marks)`` when there is none).

    >>> _nearest([False, True, False, False])
    [1, 0, 1, 2]
    """
    n = len(marks)
    out = [n] * n
    last = None
    for i in range(n):
        if marks[i]:
            last = i
        if last is not None:
            out[i] = i - last
    last = None
    for i in range(n - 1, -1, -1):
        if marks[i]:
            last = i
        if last is not None:
            out[i] = min(out[i], last - i)
    return out


def language_of(texts: Sequence[str]) -> frozenset[str] | None:
    """The stop words of the language the texts are in, or ``None`` when no list covers them.

    >>> "the" in language_of(["The cat sat on the mat, and then it was gone."])
    True
    >>> language_of(["12345"]) is None
    True
    """
    language, share = best_language(texts)
    return stopwords(language) if language and share >= 0.15 else None


#: What :func:`featurize` may keep of a block between calls on the same document: its shape, hits and trigrams, by text.
Memo = dict[
    tuple[str, frozenset[str] | None],
    tuple[list[float], tuple[list[float], list[float]], frozenset[tuple[str, str, str]]],
]


def featurize(
    texts: Sequence[str],
    pages: Sequence[PageSignals | None] | None = None,
    stop: frozenset[str] | None = None,
    memo: Memo | None = None,
) -> list[list[float]]:
    """One row of :data:`NAMES` per block, for the blocks of one document, in order.

    ``pages`` are the blocks' page signals, when they came from a page.
    ``stop`` is the stop-word list of the document's language; by default it
    is chosen from the texts (:func:`language_of`).  A block's own shape and
    word-list hits do not change when other blocks go, so a ``memo`` kept
    across calls on one document computes each once.
    """
    if stop is None:
        stop = language_of(texts)
    known = stop is not None
    n = len(texts)
    if memo is None:
        memo = {}
    for t in texts:
        if (t, stop) not in memo:
            memo[(t, stop)] = (shape(t, stop), hits(t), trigrams(t))
    known_rows = [memo[(t, stop)] for t in texts]
    shapes = [row[0] for row in known_rows]
    lists = [row[1] for row in known_rows]
    sizes = [len(t) for t in texts]
    total = sum(sizes) or 1
    prose = [_is_prose(s, known) for s in shapes]
    prose_chars = [sizes[i] if prose[i] else 0 for i in range(n)]
    prose_total = sum(prose_chars) or 1
    # The densest prose: the block whose neighbourhood (three blocks either side) holds the most prose.
    window = [sum(prose_chars[max(0, i - 3) : i + 4]) for i in range(n)]
    centre = max(range(n), key=lambda i: (window[i], -i)) if n else 0
    centre_at = sum(sizes[:centre])
    to_prose = _nearest(prose)
    copies = duplicated(texts, [row[2] for row in known_rows])
    short_run = _runs([_is_short(s) for s in shapes])
    seen = Counter(t for t in texts if len(t) >= 20)
    shaped = [_DIGITS.sub("0", t.casefold()) for t in texts]
    shape_counts = Counter(s for s, t in zip(shaped, texts, strict=True) if len(t) < 70)
    rows = []
    before = prose_before = 0
    empty = [0.0] * len(SHAPE)
    listed = [run >= LIST_RUN for run in short_run]
    third = max(1, n // 3)
    document = [
        sum(prose) / n if n else 0.0,
        sum(1 for s in shapes if _is_short(s)) / n if n else 0.0,
        sum(prose_chars) / total,
        sum(listed) / n if n else 0.0,
        sum(listed[:third]) / third,
        sum(listed[-third:]) / third,
        sum(s[8] for s in shapes) / n if n else 0.0,
    ]
    page = page_rows(pages) if pages is not None and any(p is not None for p in pages) else None
    no_page = [NO_PAGE] * len(PAGE)
    for i in range(n):
        s = shapes[i]
        prev = shapes[i - 1] if i > 0 else empty
        nxt = shapes[i + 1] if i + 1 < n else empty
        prev2 = shapes[i - 2] if i > 1 else empty
        nxt2 = shapes[i + 2] if i + 2 < n else empty
        place = [
            copies[i],
            i / (n - 1) if n > 1 else 0.5,
            before / total,
            prose_before / prose_total,
            (prose_total - prose_before - prose_chars[i]) / prose_total,
            min(to_prose[i], 20) / 20,
            abs(before - centre_at) / total,
            math.log1p(short_run[i]),
            1.0 if seen[texts[i]] > 1 else 0.0,
            1.0 if sizes[i] < 70 and shape_counts[shaped[i]] >= 3 else 0.0,
            math.log1p(n),
            1.0 if known else 0.0,
        ]
        rows.append(
            [
                *s,
                *lists[i][0],
                *lists[i][1],
                *place,
                *(prev[SHAPE.index(k)] for k in NEIGHBOUR),
                *(nxt[SHAPE.index(k)] for k in NEIGHBOUR),
                prev2[0],
                prev2[2],
                nxt2[0],
                nxt2[2],
                *document,
                *(page[i] if page is not None else no_page),
            ]
        )
        before += sizes[i]
        prose_before += prose_chars[i]
    return rows


def _span(values: Sequence[float]) -> tuple[int, int]:
    """The first and last positions whose value is at least one half (``(-1, -1)`` when none is)."""
    on = [i for i, v in enumerate(values) if v >= 0.5]
    return (on[0], on[-1]) if on else (-1, -1)


def page_rows(pages: Sequence[PageSignals | None]) -> list[list[float]]:
    """The page features (:data:`PAGE`) of each block: its own signals and its neighbours'.

    A block without signals (added by a step, not read off the page) gets
    :data:`NO_PAGE` for its own and zero for its neighbours'.

    >>> from cleaner.document import CONTAINERS, FAMILIES, PageSignals
    >>> rows = page_rows([PageSignals("nav", links=1.0), PageSignals("p", recall=1.0, standard=1.0)])
    >>> named = dict(zip(PAGE, rows[1]))
    >>> named["tag_p"], named["recall_span"], named["prev_links"]
    (1.0, 1.0, 1.0)
    """
    n = len(pages)
    recall = [p.recall if p else 0.0 for p in pages]
    standard = [p.standard if p else 0.0 for p in pages]
    links = [p.links if p else 0.0 for p in pages]
    first, last = _span(recall)
    first_std, last_std = _span(standard)
    families: dict[int, list[int]] = {}
    for i, p in enumerate(pages):
        if p is not None:
            families.setdefault(p.group, []).append(i)
    kept = [v >= 0.5 for v in recall]
    to_recall = _nearest(kept) if any(kept) else [n] * n
    rows = []
    groups = len(TAG_GROUPS)
    for i, p in enumerate(pages):
        if p is None:
            rows.append([NO_PAGE] * len(PAGE))
            continue
        tag = [0.0] * groups
        tag[_TAG_GROUP.get(p.tag, _TAG_GROUP["div"])] = 1.0
        around = recall[max(0, i - 3) : i + 4]
        rows.append(
            [
                *tag,
                *(1.0 if p.within >> k & 1 else 0.0 for k in range(len(CONTAINERS))),
                *(1.0 if p.named >> k & 1 else 0.0 for k in range(len(FAMILIES))),
                *(1.0 if p.near >> k & 1 else 0.0 for k in range(len(FAMILIES))),
                p.links,
                1.0 if p.hidden else 0.0,
                math.log1p(p.depth),
                p.recall,
                p.standard,
                1.0 if first <= i <= last and first >= 0 else 0.0,
                math.log1p(min(to_recall[i], n)),
                recall[i - 1] if i > 0 else 0.0,
                recall[i + 1] if i + 1 < n else 0.0,
                sum(around) / len(around),
                1.0 if first_std <= i <= last_std and first_std >= 0 else 0.0,
                standard[i - 1] if i > 0 else 0.0,
                standard[i + 1] if i + 1 < n else 0.0,
                links[i - 1] if i > 0 else 0.0,
                links[i + 1] if i + 1 < n else 0.0,
                *_siblings(families[p.group], i, standard, recall),
            ]
        )
    return rows


def _siblings(group: Sequence[int], i: int, standard: Sequence[float], recall: Sequence[float]) -> list[float]:
    """How many other blocks share block ``i``'s parent, and how much of them trafilatura keeps in each mode."""
    others = len(group) - 1
    if others <= 0:
        return [0.0, 0.0, 0.0]
    return [
        math.log1p(others),
        (sum(standard[j] for j in group) - standard[i]) / others,
        (sum(recall[j] for j in group) - recall[i]) / others,
    ]
