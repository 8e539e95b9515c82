"""The report as one self-contained HTML page: inline style, inline SVG charts, a few lines of inline script.

The page needs no server and no network.  Its side-by-side views (one per
document among the most changed) are sections shown when their link is
followed (CSS ``:target``), so they open without the script too; the script
only lets a reader hide the blocks of a kind in a view and close it with Esc.

>>> from cleaner.report.summary import Shown, Summary
>>> from cleaner.report.totals import Totals
>>> totals = Totals()
>>> totals.add(Summary("a.txt", "s", "en", 9, 6, (("byline", 1, 3),), (), (Shown("byline", "byline", "By Jane Doe", False), Shown("body", "", "The talks went on.", True))))
>>> html = render(totals, ["data/"])
>>> html.startswith("<!DOCTYPE html>"), 'id="doc-1"' in html, 'href="#doc-1"' in html, "<script" in html
(True, True, True, True)
>>> any(tag in html for tag in ("<link", " src=", "@import", "url("))
False
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from html import escape

from cleaner import __version__
from cleaner.report.summary import Shown, Summary
from cleaner.report.svg import NEUTRAL, bar_chart, histogram, kind_colour, number
from cleaner.report.totals import BINS, Totals

#: At most this many rows in a chart of sites or languages (the rest are counted in a note).
CHART_ROWS = 20
#: A side-by-side view shows at most this many blocks, each cut at this many characters.
VIEW_BLOCKS = 400
BLOCK_CHARS = 3000
#: Fix kinds whose most frequent repairs are listed, in this order (then any other kind).
FIX_ORDER = ("typo", "misspelling", "mojibake", "html-entity")

STYLE = """
:root { --ink: #1b1b1b; --muted: #666; --line: #ddd; --paper: #fff; --kept: #2ca02c; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #f6f6f4; }
main { max-width: 1180px; margin: 0 auto; padding: 20px 28px 60px; }
h1 { font-size: 26px; margin: 8px 0 4px; } h2 { font-size: 19px; margin: 0 0 10px; }
.inputs, .note { color: var(--muted); font-size: 13px; }
nav.sections a { margin-right: 14px; color: #1f5f9f; }
.facts { display: flex; flex-wrap: wrap; gap: 10px; margin: 14px 0; padding: 0; list-style: none; }
.facts li { background: var(--paper); border: 1px solid var(--line); border-radius: 6px; padding: 8px 12px; min-width: 120px; }
.facts b { display: block; font-size: 20px; }
section.part { background: var(--paper); border: 1px solid var(--line); border-radius: 8px; padding: 16px 18px; margin: 16px 0; }
.pair { display: flex; flex-wrap: wrap; gap: 18px; }
figure { margin: 0; } figcaption { font-weight: 600; font-size: 13px; color: var(--muted); margin-bottom: 4px; }
svg.chart text { font: 12px system-ui, sans-serif; fill: var(--ink); } svg.chart .value { fill: var(--muted); }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.fixes { display: flex; flex-wrap: wrap; gap: 18px; } .fixes table { width: auto; min-width: 260px; }
code { background: #f0f0ee; padding: 0 3px; border-radius: 3px; }
.view { display: none; position: fixed; inset: 0; background: rgba(20, 20, 20, 0.45); overflow: auto; padding: 24px; z-index: 10; }
.view:target, .view.open { display: block; }
.view-box { background: var(--paper); max-width: 1240px; margin: 0 auto; border-radius: 8px; padding: 16px 20px 24px; }
.view-box header { display: flex; flex-wrap: wrap; align-items: baseline; gap: 12px; border-bottom: 1px solid var(--line); padding-bottom: 8px; margin-bottom: 8px; }
.view-box h2 { margin: 0; word-break: break-all; }
a.close { margin-left: auto; font-size: 14px; }
.legend { display: flex; flex-wrap: wrap; gap: 6px; margin: 6px 0 10px; }
.legend button { border: 1px solid var(--c); background: color-mix(in srgb, var(--c) 14%, white); border-radius: 12px; padding: 1px 10px; font-size: 12px; cursor: pointer; }
.legend button.off { opacity: 0.4; text-decoration: line-through; }
table.blocks { table-layout: fixed; } table.blocks col.n { width: 44px; }
table.blocks td.side { width: 50%; }
tr.block td.side div { white-space: pre-wrap; word-wrap: break-word; }
tr.block.removed td.left { background: color-mix(in srgb, var(--c) 13%, white); border-left: 5px solid var(--c); }
tr.block.kept td.right { background: #f3faf3; border-left: 5px solid var(--kept); }
tr.block.hidden { display: none; }
.tag { display: inline-block; font-size: 11px; font-weight: 600; color: #fff; background: var(--c); border-radius: 3px; padding: 0 5px; margin-bottom: 2px; }
.tag.keep { background: var(--kept); }
.why { font-size: 11px; color: var(--muted, #666); margin-top: 2px; }
"""

SCRIPT = """
(function () {
  document.querySelectorAll(".legend button").forEach(function (button) {
    button.addEventListener("click", function () {
      var view = button.closest(".view");
      var off = button.classList.toggle("off");
      view.querySelectorAll('tr.block[data-kind="' + button.dataset.kind + '"]').forEach(function (row) {
        row.classList.toggle("hidden", off);
      });
    });
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && location.hash.indexOf("#doc-") === 0) {
      location.hash = "#changed";
    }
  });
})();
"""


def render(totals: Totals, inputs: Sequence[str], title: str = "cleaner report") -> str:
    """The whole page for ``totals`` of a run over ``inputs``."""
    top = totals.most_changed()
    body = [
        header(totals, inputs, title),
        part("kinds", "Removed, by kind", kinds_part(totals)),
        part("sites", "Removed, by site", sites_part(totals)),
        part("kept", "Share of each document kept", kept_part(totals)),
        part("languages", "Languages", languages_part(totals)),
        part("fixes", "Fixes", fixes_part(totals)),
        part("changed", "Most changed documents", changed_part(top, totals)),
    ]
    views = "".join(view(rank, summary) for rank, summary in enumerate(top, start=1))
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>{STYLE}</style></head>\n<body>\n<main>\n"
        + "\n".join(body)
        + f'\n</main>\n<div id="views">{views}</div>\n<script>{SCRIPT}</script>\n</body></html>\n'
    )


def part(ident: str, heading: str, content: str) -> str:
    return f'<section class="part" id="{ident}"><h2>{escape(heading)}</h2>{content}</section>'


def header(totals: Totals, inputs: Sequence[str], title: str) -> str:
    removed = totals.tokens - totals.kept
    facts = [
        ("documents", number(totals.documents)),
        ("failed", number(totals.failed)),
        ("tokens in", number(totals.tokens)),
        ("tokens kept", number(totals.kept)),
        ("tokens removed", f"{number(removed)} ({share(removed, totals.tokens)})"),
        ("blocks removed", number(sum(totals.kind_blocks.values()))),
        ("fixes", number(sum(totals.fix_kinds.values()))),
    ]
    if totals.skipped:
        facts.insert(2, ("skipped", number(totals.skipped)))
    items = "".join(f"<li><b>{escape(value)}</b>{escape(name)}</li>" for name, value in facts)
    links = " ".join(
        f'<a href="#{ident}">{name}</a>'
        for ident, name in (
            ("kinds", "by kind"),
            ("sites", "by site"),
            ("kept", "share kept"),
            ("languages", "languages"),
            ("fixes", "fixes"),
            ("changed", "most changed"),
        )
    )
    shown = ", ".join(inputs[:10]) + (f" and {len(inputs) - 10} more" if len(inputs) > 10 else "")
    return (
        f'<header id="top"><h1>{escape(title)}</h1>'
        f'<p class="inputs">cleaner {escape(__version__)} on {escape(shown)}</p>'
        f'<ul class="facts">{items}</ul><nav class="sections">{links}</nav></header>'
    )


def share(part: int, whole: int) -> str:
    """``part`` as a percentage of ``whole``.

    >>> share(1, 3), share(0, 0)
    ('33.3%', '0.0%')
    """
    return f"{100 * part / whole:.1f}%" if whole else "0.0%"


def ranked(counts: Counter[str]) -> list[tuple[str, int]]:
    """Largest first, ties in alphabetical order.

    >>> ranked(Counter({"b": 2, "a": 2, "c": 5}))
    [('c', 5), ('a', 2), ('b', 2)]
    """
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def figure(caption: str, svg: str) -> str:
    return f"<figure><figcaption>{escape(caption)}</figcaption>{svg}</figure>"


def kinds_part(totals: Totals) -> str:
    kinds = [kind for kind, _ in ranked(totals.kind_tokens + totals.kind_blocks)]
    kinds.sort(key=lambda k: (-totals.kind_tokens[k], -totals.kind_blocks[k], k))
    colours = [kind_colour(k) for k in kinds]
    tokens = bar_chart(
        [(k, totals.kind_tokens[k]) for k in kinds],
        title="Tokens removed, by kind",
        colours=colours,
        chart_id="chart-kind-tokens",
    )
    blocks = bar_chart(
        [(k, totals.kind_blocks[k]) for k in kinds],
        title="Blocks removed, by kind",
        colours=colours,
        chart_id="chart-kind-blocks",
    )
    return f'<div class="pair">{figure("Tokens", tokens)}{figure("Blocks", blocks)}</div>'


def more(count: int, noun: str) -> str:
    return f'<p class="note">and {count:,} more {noun}</p>' if count > 0 else ""


def sites_part(totals: Totals) -> str:
    sites = sorted(totals.site_documents, key=lambda s: (-totals.site_tokens[s], -totals.site_blocks[s], s))
    shown = sites[:CHART_ROWS]
    label = [(s or "(no site)") for s in shown]
    tokens = bar_chart(
        list(zip(label, (totals.site_tokens[s] for s in shown), strict=True)),
        title="Tokens removed, by site",
        chart_id="chart-site-tokens",
    )
    blocks = bar_chart(
        list(zip(label, (totals.site_blocks[s] for s in shown), strict=True)),
        title="Blocks removed, by site",
        chart_id="chart-site-blocks",
    )
    noun = "site" if len(sites) == 1 else "sites"
    note = f'<p class="note">{len(sites):,} {noun} (a site is a URL\'s host, else the folder or file a document came from).</p>'
    return f'{note}<div class="pair">{figure("Tokens", tokens)}{figure("Blocks", blocks)}</div>{more(len(sites) - len(shown), "sites")}'


def bin_labels() -> list[str]:
    """The labels of the histogram's bins.

    >>> bin_labels()[0], bin_labels()[-2], bin_labels()[-1]
    ('0–10%', '90–100%', '100%')
    """
    step = 100 // BINS
    return [f"{i * step}–{(i + 1) * step}%" for i in range(BINS)] + ["100%"]


def kept_part(totals: Totals) -> str:
    chart = histogram(
        totals.histogram, bin_labels(), title="Documents, by the share of their tokens kept", chart_id="chart-kept"
    )
    return (
        '<p class="note">Documents by the share of their tokens kept in the clean text; the last bar is the '
        "documents nothing was removed from.</p>" + chart
    )


def languages_part(totals: Totals) -> str:
    rows = [((lang or "unknown"), n) for lang, n in ranked(totals.languages)]
    shown = rows[:CHART_ROWS]
    rest = sum(n for _, n in rows[CHART_ROWS:])
    if rest:
        shown.append(("other", rest))
    return bar_chart(shown, title="Documents, by language", chart_id="chart-languages") + more(
        len(rows) - CHART_ROWS, "languages (in other)"
    )


def fixes_part(totals: Totals) -> str:
    kinds = sorted(totals.fix_kinds, key=lambda k: (FIX_ORDER.index(k) if k in FIX_ORDER else len(FIX_ORDER), k))
    chart = bar_chart(
        [(k, totals.fix_kinds[k]) for k in kinds],
        title="Fixes, by kind",
        colours=[NEUTRAL] * len(kinds),
        chart_id="chart-fix-kinds",
    )
    tables = []
    for kind in kinds:
        rows = "".join(
            f"<tr><td><code>{escape(before)}</code></td><td><code>{escape(after)}</code></td>"
            f'<td class="num">{count:,}</td></tr>'
            for (before, after), count in totals.repairs(kind)
        )
        tables.append(
            f'<table class="repairs" data-kind="{escape(kind)}"><caption>Most frequent {escape(kind)} repairs</caption>'
            f'<thead><tr><th>before</th><th>after</th><th class="num">times</th></tr></thead><tbody>{rows}</tbody></table>'
        )
    return chart + f'<div class="fixes">{"".join(tables)}</div>'


def changed_part(top: list[Summary], totals: Totals) -> str:
    if not top:
        return '<p class="note">No document was changed.</p>'
    rows = "".join(
        f'<tr><td class="num">{rank}</td><td><a href="#doc-{rank}">{escape(s.source)}</a></td>'
        f"<td>{escape(s.site)}</td><td>{escape(s.language or 'unknown')}</td>"
        f'<td class="num">{share(s.kept, s.tokens) if s.tokens else "–"}</td><td class="num">{s.removed_tokens:,}</td>'
        f'<td class="num">{sum(b for _, b, _ in s.removed):,}</td><td class="num">{len(s.fixes):,}</td></tr>'
        for rank, s in enumerate(top, start=1)
    )
    note = (
        f'<p class="note">The {len(top):,} documents (of {totals.documents:,}) that cleaning changed most: the largest '
        "share of tokens removed, then the most tokens removed, then the most fixes. Each opens a side-by-side view "
        "of its blocks.</p>"
    )
    head = (
        '<thead><tr><th class="num">#</th><th>document</th><th>site</th><th>language</th><th class="num">kept</th>'
        '<th class="num">tokens removed</th><th class="num">blocks removed</th><th class="num">fixes</th></tr></thead>'
    )
    return f'{note}<table class="changed">{head}<tbody>{rows}</tbody></table>'


def legend(blocks: Iterable[Shown]) -> str:
    counts = Counter(b.kind for b in blocks)
    return "".join(
        f'<button type="button" data-kind="{escape(kind)}" style="--c:{kind_colour(kind)}">{escape(kind)} {n}</button>'
        for kind, n in ranked(counts)
    )


def cut(text: str, limit: int = BLOCK_CHARS) -> str:
    """A block's text, cut at ``limit`` characters.

    >>> cut("abcdef", 4)
    'abcd… (6 characters)'
    """
    return text if len(text) <= limit else f"{text[:limit]}… ({len(text):,} characters)"


def block_row(number: int, block: Shown) -> str:
    colour = kind_colour(block.kind)
    label = " · ".join(x for x in (block.kind, block.by) if x)
    why = f'<div class="why">{escape(block.why)}</div>' if block.why else ""
    text = f"<div>{escape(cut(block.text))}</div>{why}"
    if block.kept:
        tag = f'<span class="tag keep">kept: {escape(label)}</span>' if block.kind != "body" else ""
        left, right, state = "", tag + text, "kept"
    else:
        left, right, state = f'<span class="tag">{escape(label)}</span>{text}', "", "removed"
    return (
        f'<tr class="block {state}" data-kind="{escape(block.kind)}" style="--c:{colour}">'
        f'<td class="num">{number}</td><td class="side left">{left}</td><td class="side right">{right}</td></tr>'
    )


def view(rank: int, summary: Summary) -> str:
    """The side-by-side view of one document: every block, removed on the left, kept on the right."""
    blocks = summary.blocks[:VIEW_BLOCKS]
    rows = "".join(block_row(i, b) for i, b in enumerate(blocks, start=1))
    dropped = more(len(summary.blocks) - len(blocks), "blocks not shown")
    fixes = "".join(
        f"<li>{escape(kind)}: <code>{escape(before)}</code> → <code>{escape(after)}</code></li>"
        for kind, before, after in summary.fixes
    )
    facts = (
        f"{escape(summary.site or '(no site)')} · {escape(summary.language or 'unknown')} · kept "
        f"{share(summary.kept, summary.tokens)} of {summary.tokens:,} tokens · {len(summary.fixes):,} fixes"
    )
    return (
        f'<section class="view" id="doc-{rank}" aria-label="{escape(summary.source)}"><div class="view-box">'
        f'<header><h2>{rank}. {escape(summary.source)}</h2><span class="note">{facts}</span>'
        f'<a class="close" href="#changed">close ✕</a></header>'
        f'<div class="legend">{legend(summary.blocks)}</div>'
        f'<table class="blocks"><colgroup><col class="n"><col><col></colgroup>'
        f'<thead><tr><th class="num">#</th><th>removed (kind · rule)</th><th>kept</th></tr></thead>'
        f"<tbody>{rows}</tbody></table>{dropped}"
        + (f'<h3>Fixes</h3><ul class="fix-list">{fixes}</ul>' if fixes else "")
        + "</div></section>"
    )
