"""Charts as inline SVG: horizontal bar charts and a histogram, as plain strings (no library, no script).

Every bar is a ``<rect class="bar">`` with a ``<title>`` (its label and value,
shown on hover), so a chart is readable in any browser and testable as text.

>>> svg = bar_chart([("byline", 3), ("title", 1)], title="Blocks removed", colours=["#d62728", "#1f77b4"])
>>> svg.count('class="bar"'), 'fill="#d62728"' in svg, "<title>byline: 3</title>" in svg
(2, True, True)
>>> "nothing to show" in bar_chart([], title="Empty")
True
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from html import escape

#: Colours of the kinds of removal (others get one of ``PALETTE`` by their name).
KIND_COLOURS = {
    "body": "#2ca02c",
    "title": "#1f77b4",
    "byline": "#d62728",
    "dateline": "#9467bd",
    "timestamp": "#8c564b",
    "description": "#17becf",
    "section-label": "#bcbd22",
    "navigation": "#7f7f7f",
    "photo-credit": "#e377c2",
    "caption": "#ff7f0e",
    "related-links": "#393b79",
    "social": "#637939",
    "newsletter": "#8c6d31",
    "advertisement": "#843c39",
    "boilerplate": "#7b4173",
    "template": "#3182bd",
    "copyright": "#636363",
    "author-bio": "#e6550d",
    "comments": "#31a354",
    "tags": "#756bb1",
    "embed": "#a55194",
}
PALETTE = ("#6b6ecf", "#b5cf6b", "#e7ba52", "#d6616b", "#ce6dbd", "#9c9ede", "#cedb9c", "#e7969c", "#de9ed6", "#8ca252")
#: The colour of bars that are not of a kind (sites, languages, the histogram).
NEUTRAL = "#4c78a8"

ROW = 22
LABEL = 150
BAR = 250
VALUE = 70


def kind_colour(kind: str) -> str:
    """The colour of a kind: its own, else one of the palette chosen by its name (the same in every report).

    >>> kind_colour("byline"), kind_colour("some-new-kind") == kind_colour("some-new-kind")
    ('#d62728', True)
    """
    if kind in KIND_COLOURS:
        return KIND_COLOURS[kind]
    digest = hashlib.blake2b(kind.encode("utf-8"), digest_size=2).digest()
    return PALETTE[int.from_bytes(digest, "big") % len(PALETTE)]


def number(value: float) -> str:
    """A count with thousands separators, a share as a percentage.

    >>> number(12345), number(0.256)
    ('12,345', '25.6%')
    """
    if isinstance(value, float) and value <= 1.0:
        return f"{value * 100:.1f}%"
    return f"{int(value):,}"


def shorten(label: str, limit: int = 24) -> str:
    """A label cut to fit the label column, keeping its end (file names end in what tells them apart).

    >>> shorten("example.com"), shorten("data/crawl/2021/very/long/folder/name/here")
    ('example.com', '…/long/folder/name/here')
    """
    if len(label) <= limit:
        return label
    tail = label[-(limit - 1) :]
    cut = tail.find("/")
    return "…" + (tail[cut:] if 0 <= cut < limit // 2 else tail)


def bar_chart(
    rows: Sequence[tuple[str, float]],
    *,
    title: str,
    colours: Sequence[str] | None = None,
    chart_id: str = "",
) -> str:
    """A horizontal bar chart: one row per ``(label, value)``, bars scaled to the largest value."""
    if not rows:
        return f'<svg class="chart empty" role="img" aria-label="{escape(title)}" width="{LABEL + BAR}" height="{ROW + 8}"><text x="4" y="{ROW - 4}" class="none">nothing to show</text></svg>'
    top = max(value for _, value in rows) or 1
    height = ROW * len(rows) + 8
    width = LABEL + BAR + VALUE
    ident = f' id="{escape(chart_id)}"' if chart_id else ""
    parts = [
        f'<svg class="chart"{ident} role="img" aria-label="{escape(title)}" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">'
    ]
    for i, (label, value) in enumerate(rows):
        y = 4 + i * ROW
        length = max(1.0, BAR * value / top) if value else 0.0
        colour = colours[i] if colours else NEUTRAL
        tip = f"{label}: {number(value)}"
        parts.append(
            f'<text x="{LABEL - 6}" y="{y + ROW * 0.68:.1f}" class="label" text-anchor="end">'
            f"<title>{escape(label)}</title>{escape(shorten(label))}</text>"
            f'<rect class="bar" x="{LABEL}" y="{y + 3}" width="{length:.1f}" height="{ROW - 6}" fill="{colour}">'
            f"<title>{escape(tip)}</title></rect>"
            f'<text x="{LABEL + length + 5:.1f}" y="{y + ROW * 0.68:.1f}" class="value">{escape(number(value))}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def histogram(counts: Sequence[int], labels: Sequence[str], *, title: str, chart_id: str = "") -> str:
    """Vertical bars, one per bin, with its label under it and its count above it."""
    column, plot = 52, 150
    width, height = column * len(counts) + 10, plot + 50
    top = max(counts, default=0) or 1
    ident = f' id="{escape(chart_id)}"' if chart_id else ""
    parts = [
        f'<svg class="chart"{ident} role="img" aria-label="{escape(title)}" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">'
    ]
    for i, (count, label) in enumerate(zip(counts, labels, strict=True)):
        x = 5 + i * column
        bar = plot * count / top
        parts.append(
            f'<rect class="bar" x="{x + 4}" y="{20 + plot - bar:.1f}" width="{column - 8}" height="{bar:.1f}" '
            f'fill="{NEUTRAL}"><title>{escape(label)}: {count:,}</title></rect>'
            f'<text x="{x + column / 2}" y="{14 + plot - bar:.1f}" class="value" text-anchor="middle">{count:,}</text>'
            f'<text x="{x + column / 2}" y="{plot + 36}" class="label" text-anchor="middle">{escape(label)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
