"""The block features as they were first written, one block at a time in plain Python: the spec
that the vectorised :func:`cleaner.strip.features.featurize` must match, value for value."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

from cleaner.document import PageSignals
from cleaner.strip.features import (
    _DIGITS,
    LIST_RUN,
    NEIGHBOUR,
    NO_PAGE,
    PAGE,
    SHAPE,
    _is_prose,
    _is_short,
    _nearest,
    _runs,
    duplicated,
    hits,
    page_rows,
    shape,
    stop_words_of,
    trigrams,
)


def featurize_spec(
    texts: Sequence[str],
    pages: Sequence[PageSignals | None] | None = None,
    stop: frozenset[str] | None = None,
    memo: dict | None = None,  # type: ignore[type-arg]
) -> list[list[float]]:
    """One row of :data:`NAMES` per block, for the blocks of one document, in order.

    ``pages`` are the blocks' page signals, when they came from a page.
    ``stop`` is the stop-word list of the document's language; by default it
    is chosen from the texts (:func:`stop_words_of`).  A block's own shape and
    word-list hits do not change when other blocks go, so a ``memo`` kept
    across calls on one document computes each once.
    """
    if stop is None:
        stop = stop_words_of(texts)
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
