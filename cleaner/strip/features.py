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
>>> rows.shape == (3, len(NAMES))
True
>>> named = dict(zip(NAMES, rows[2].tolist()))
>>> named["ends_sentence"], named["words"] > named["chars"] / 10
(1.0, True)
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from cleaner.document import CONTAINERS, FAMILIES, PageSignals
from cleaner.lexicon import cached, trie
from cleaner.stopwords import Coverage, best_language, coverage_of, stopword_languages, stopwords, words_of_runs
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


@cached()
def _date_pattern() -> re.Pattern[str]:
    from cleaner.lexicon import month_names

    months = trie(month_names())
    return re.compile(
        rf"\b\d{{4}}-\d{{2}}-\d{{2}}\b|\b\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}}\b|{_EDGE}(?:{months})\.?\s+\d{{1,2}}\b|\b\d{{1,2}}\.?\s+(?:{months})(?!\w)",
        re.IGNORECASE,
    )


@cached()
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


def shape(text: str, stop: frozenset[str] | None, found: Sequence[str] | None = None) -> list[float]:
    """The shape of one block, in the order of :data:`SHAPE` (``found``: its words, when known).

    >>> named = dict(zip(SHAPE, shape("- Home | News | Sport", stopwords("en"))))
    >>> named["list_marker"], named["separators"], named["ends_sentence"]
    (1.0, 2.0, 0.0)
    """
    if found is None:
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


#: Trigrams are read from this many characters of a block at most.
GRAM_CHARS = 20000


def trigrams(text: str, found: Sequence[str] | None = None) -> frozenset[tuple[str, str, str]]:
    """The lower-cased word trigrams of ``text`` (of its first 20,000 characters; ``found``: their words, when known).

    >>> sorted(trigrams("The cat sat on"))
    [('cat', 'sat', 'on'), ('the', 'cat', 'sat')]
    """
    return _trigrams_of([w.lower() for w in (_WORD.findall(text[:GRAM_CHARS]) if found is None else found)])


def _trigrams_of(lowered: Sequence[str]) -> frozenset[tuple[str, str, str]]:
    return frozenset(zip(lowered, lowered[1:], lowered[2:], strict=False))


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


def stop_words_of(texts: Sequence[str], coverage: Callable[[str], Coverage] | None = None) -> frozenset[str] | None:
    """The stop words of the language the texts are in, or ``None`` when no list covers them
    (``coverage``: each text's counts, when known; see :func:`cleaner.stopwords.best_language`).

    >>> "the" in stop_words_of(["The cat sat on the mat, and then it was gone."])
    True
    >>> stop_words_of(["12345"]) is None
    True
    """
    language, share = best_language(texts, coverage)
    return stopwords(language) if language and share >= 0.15 else None


#: The columns of the shape features that the neighbours' features repeat.
_NEIGHBOUR_COLUMNS = [SHAPE.index(k) for k in NEIGHBOUR]
_WORDS, _STOPWORDS, _ENDS, _URL_COLUMN = (SHAPE.index(k) for k in ("words", "stopwords", "ends_sentence", "url"))
#: The row of a block's own features (its shape and its word-list hits), and what else of it a round needs.
_OWN = len(SHAPE) + 2 * len(LISTS)


@dataclass(frozen=True, slots=True)
class Own:
    """What :func:`featurize` knows of one block whatever the other blocks are and whatever its language:
    computed once per text."""

    row: np.ndarray  # its shape (stop-word density aside) and word-list hits: the first ``_OWN`` features
    grams: frozenset[tuple[str, str, str]]
    size: int
    shaped: str  # a short block's text with digits as "0", case-folded: blocks of one shape repeat (list items, dates)
    words: int  # how many words it has (what the stop-word density divides by)
    stops: tuple[int, ...]  # how many of them each language's stop words hold (in stop-word language order)
    coverage: Coverage  # what it adds to the counts that tell the document's language


class Memo:
    """What :func:`featurize` keeps of a document's blocks between its calls on them: each text's own features,
    and its stop-word density in each language."""

    def __init__(self) -> None:
        self.owns: dict[str, Own] = {}
        self.densities: dict[tuple[str, frozenset[str] | None], float] = {}

    def own(self, text: str) -> Own:
        found = self.owns.get(text)
        if found is None:
            found = self.owns[text] = own(text)
        return found

    def density(self, text: str, stop: frozenset[str] | None) -> float:
        found = self.densities.get((text, stop))
        if found is None:
            known = self.owns[text]
            position = _stop_positions().get(stop) if stop else None
            if not stop or not known.words:
                found = 0.0
            elif position is not None:
                found = known.stops[position] / known.words
            else:  # a list of the caller's own: its words are counted again
                lowered = [w.lower().replace("’", "'") for w in _WORD.findall(text)]
                found = sum(w in stop for w in lowered) / len(lowered)
            self.densities[(text, stop)] = found
        return found


@cached()
def _stop_positions() -> dict[frozenset[str], int]:
    """Each language's stop words, and the place of its count in :attr:`Own.stops`."""
    return {stopwords(language): i for i, language in enumerate(stopword_languages())}


def own(text: str) -> Own:
    """What one block brings to the features, whatever the other blocks are (its stop-word density aside)."""
    opens, holds = hits(text)
    found = _WORD.findall(text)
    lower = [w.lower() for w in found]
    gram_words = lower if len(text) <= GRAM_CHARS else [w.lower() for w in _WORD.findall(text[:GRAM_CHARS])]
    lowered = [w.replace("’", "'") for w in lower]
    stops = coverage_of(lowered)[1]
    return Own(
        np.array([*shape(text, None, found), *opens, *holds], dtype=np.float64),
        _trigrams_of(gram_words),
        len(text),
        _DIGITS.sub("0", text.casefold()) if len(text) < 70 else "",
        len(lowered),
        stops,
        coverage_of(words_of_runs(lower)),
    )


def _shifted(column: np.ndarray, by: int) -> np.ndarray:
    """``column`` moved ``by`` places down (up when negative), zeros where nothing moved in."""
    out = np.zeros_like(column)
    if by > 0:
        out[by:] = column[:-by]
    elif by < 0:
        out[:by] = column[-by:]
    return out


def featurize(
    texts: Sequence[str],
    pages: Sequence[PageSignals | None] | None = None,
    stop: frozenset[str] | None = None,
    memo: Memo | None = None,
) -> np.ndarray:
    """One row of :data:`NAMES` per block, for the blocks of one document, in order (an ``n × len(NAMES)`` array).

    ``pages`` are the blocks' page signals, when they came from a page.
    ``stop`` is the stop-word list of the document's language; by default it
    is chosen from the texts (:func:`stop_words_of`).  A block's own shape and
    word-list hits do not change when other blocks go, so a ``memo`` kept
    across calls on one document computes each once (:func:`own`); the rest is
    a few passes over the document's columns.  ``tests/feature_spec.py`` holds
    the features written one block at a time, which these match value for value.
    """
    n = len(texts)
    rows = np.zeros((n, len(NAMES)), dtype=np.float64)
    if not n:
        return rows
    if memo is None:
        memo = Memo()
    owns = [memo.own(t) for t in texts]
    if stop is None:
        stop = stop_words_of(texts, lambda t: memo.own(t).coverage)
    known = stop is not None
    static = np.vstack([o.row for o in owns])
    static[:, _STOPWORDS] = [memo.density(t, stop) for t in texts]
    rows[:, :_OWN] = static
    words, stops, ends = static[:, _WORDS], static[:, _STOPWORDS], static[:, _ENDS]
    prose = (ends == 1.0) & (words >= math.log1p(PROSE_WORDS)) & ((stops >= PROSE_STOPWORDS) | (not known))
    short = (words < math.log1p(SHORT_WORDS)) & (ends == 0.0)
    sizes = np.array([o.size for o in owns], dtype=np.int64)
    total = int(sizes.sum()) or 1
    prose_chars = np.where(prose, sizes, 0)
    prose_total = int(prose_chars.sum()) or 1
    # The densest prose: the block whose neighbourhood (three blocks either side) holds the most prose.
    running = np.concatenate([[0], np.cumsum(prose_chars)])
    at = np.arange(n)
    window = running[np.minimum(at + 4, n)] - running[np.maximum(at - 3, 0)]
    centre = int(np.argmax(window))
    before = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    prose_before = running[:-1]
    short_run = _runs(short.tolist())
    seen = Counter(t for t in texts if len(t) >= 20)
    shape_counts = Counter(o.shaped for o, t in zip(owns, texts, strict=True) if len(t) < 70)
    place = rows[:, _OWN : _OWN + len(PLACE)]
    place[:, 0] = duplicated(texts, [o.grams for o in owns])
    place[:, 1] = at / (n - 1) if n > 1 else 0.5
    place[:, 2] = before / total
    place[:, 3] = prose_before / prose_total
    place[:, 4] = (prose_total - prose_before - prose_chars) / prose_total
    place[:, 5] = np.minimum(_nearest(prose.tolist()), 20) / 20
    place[:, 6] = np.abs(before - before[centre]) / total
    place[:, 7] = [math.log1p(run) for run in short_run]
    place[:, 8] = [1.0 if seen[t] > 1 else 0.0 for t in texts]
    place[:, 9] = [1.0 if o.size < 70 and shape_counts[o.shaped] >= 3 else 0.0 for o in owns]
    place[:, 10] = math.log1p(n)
    place[:, 11] = 1.0 if known else 0.0
    column = _OWN + len(PLACE)
    neighbours = static[:, _NEIGHBOUR_COLUMNS]
    rows[:, column : column + len(NEIGHBOUR)] = _shifted(neighbours, 1)
    rows[:, column + len(NEIGHBOUR) : column + 2 * len(NEIGHBOUR)] = _shifted(neighbours, -1)
    column += 2 * len(NEIGHBOUR)
    for offset, (by, source) in enumerate(((2, words), (2, stops), (-2, words), (-2, stops))):
        rows[:, column + offset] = _shifted(source, by)
    column += 4
    listed = np.array([run >= LIST_RUN for run in short_run], dtype=bool)
    third = max(1, n // 3)
    rows[:, column : column + len(DOCUMENT)] = [
        int(prose.sum()) / n,
        int(short.sum()) / n,
        int(prose_chars.sum()) / total,
        int(listed.sum()) / n,
        int(listed[:third].sum()) / third,
        int(listed[-third:].sum()) / third,
        float(static[:, _URL_COLUMN].sum()) / n,
    ]
    column += len(DOCUMENT)
    if pages is not None and any(p is not None for p in pages):
        rows[:, column:] = page_rows(pages)
    else:
        rows[:, column:] = NO_PAGE
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
