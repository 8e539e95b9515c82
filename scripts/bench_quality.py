#!/usr/bin/env python3
"""Score the cleaner on the ScrapingHub dev pages, as the published extractor benchmarks do.

Per document: lower-cased ``\\w+`` tokens, multiset overlap with ``gold/<id>.txt``,
giving precision, recall and F1; then the means (and the median F1) over the
documents, for each input variant:

- ``text_recall``: trafilatura's text, a little chrome left in;
- ``text_full``: whole-page text dumps, a lot of chrome;
- ``html``: the raw pages (bytes) through ``cleaner.clean_html``.

It also counts the tokens removed, by kind: those the gold needed (recall
lost) and the rest (chrome rightly removed), and lists
the documents whose recall fell the most, so over-removal shows at once.

    python scripts/bench_quality.py                     # every variant
    python scripts/bench_quality.py text_recall --worst 15
    python scripts/bench_quality.py --markdown          # the README's table
"""

from __future__ import annotations

import argparse
import collections
import gzip
import json
import re
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import cleaner  # noqa: E402

DEFAULT_BENCH = ROOT.parent / "shared" / "bench" / "scrapinghub"
VARIANTS = ("text_recall", "text_full", "html")
_TOKEN = re.compile(r"\w+")


def tokens(text: str) -> collections.Counter[str]:
    """Lower-cased ``\\w+`` tokens as a multiset."""
    return collections.Counter(_TOKEN.findall(text.lower()))


def score(predicted: str, gold: str) -> tuple[float, float, float]:
    """Precision, recall and F1 of the token multisets."""
    p, g = tokens(predicted), tokens(gold)
    overlap = sum((p & g).values())
    precision = overlap / sum(p.values()) if p else float(not g)
    recall = overlap / sum(g.values()) if g else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


@dataclass
class Report:
    variant: str
    rows: list[tuple[str, tuple[float, float, float], tuple[float, float, float]]] = field(default_factory=list)
    removed_gold: collections.Counter[str] = field(default_factory=collections.Counter)
    removed_other: collections.Counter[str] = field(default_factory=collections.Counter)
    seconds: float = 0.0

    def means(self, which: int) -> tuple[float, float, float, float]:
        n = len(self.rows) or 1
        cols = [sum(r[which][k] for r in self.rows) / n for k in range(3)]
        median = statistics.median(r[which][2] for r in self.rows) if self.rows else 0.0
        return cols[0], cols[1], cols[2], median


def read_input(path: Path) -> str | bytes:
    if path.suffix == ".gz":
        return gzip.decompress(path.read_bytes())
    return path.read_text(encoding="utf-8")


def cleaner_for(variant: str) -> Callable[[str | bytes], cleaner.Result] | None:
    if variant == "html":
        clean_html = getattr(cleaner, "clean_html", None)
        return clean_html
    return cleaner.clean  # type: ignore[return-value]


def run(bench: Path, variant: str, limit: int | None) -> Report | None:
    clean = cleaner_for(variant)
    folder = bench / variant
    if clean is None or not folder.is_dir():
        return None
    report = Report(variant)
    files = sorted(folder.iterdir())[:limit]
    started = time.perf_counter()
    for path in files:
        ident = path.name.split(".")[0]
        gold = (bench / "gold" / f"{ident}.txt").read_text(encoding="utf-8")
        raw = read_input(path)
        result = clean(raw)
        baseline = raw if isinstance(raw, str) else ""
        report.rows.append((ident, score(baseline, gold), score(result.text, gold)))
        # Tokens the gold needs that the clean text lacks: removing them cost recall.
        missing = tokens(gold) - tokens(result.text)
        for removal in result.removed:
            removed = tokens(removal.text)
            lost = removed & missing
            missing -= lost
            report.removed_gold[removal.kind] += sum(lost.values())
            report.removed_other[removal.kind] += sum((removed - lost).values())
    report.seconds = time.perf_counter() - started
    return report


def print_report(report: Report, worst: int) -> None:
    n = len(report.rows)
    print(f"\n== {report.variant}: {n} documents, {n / report.seconds:.1f} docs/s")
    if report.variant != "html":
        print("input as is   P {:.3f}  R {:.3f}  F1 {:.3f}  median F1 {:.3f}".format(*report.means(1)))
    print("cleaned       P {:.3f}  R {:.3f}  F1 {:.3f}  median F1 {:.3f}".format(*report.means(2)))
    print("tokens removed by kind (gold lost / chrome):")
    for kind in sorted(report.removed_gold.keys() | report.removed_other.keys()):
        print(f"  {kind:16s} {report.removed_gold[kind]:7d} / {report.removed_other[kind]:7d}")
    if worst and report.variant != "html":
        print(f"largest recall drops (top {worst}):")
        drops = sorted(report.rows, key=lambda r: r[2][1] - r[1][1])[:worst]
        for ident, before, after in drops:
            if after[1] < before[1]:
                print(f"  {ident[:16]}  R {before[1]:.3f} -> {after[1]:.3f}  (F1 {before[2]:.3f} -> {after[2]:.3f})")
    elif worst:
        print(f"lowest recall (bottom {worst}):")
        for ident, _, after in sorted(report.rows, key=lambda r: r[2][1])[:worst]:
            print(f"  {ident[:16]}  R {after[1]:.3f}  P {after[0]:.3f}")


def markdown(reports: list[Report]) -> str:
    lines = [
        "| input | as given: P / R / F1 | cleaned: P / R / F1 | median F1 | docs/s |",
        "| --- | --- | --- | --- | --- |",
    ]
    for r in reports:
        before = "—" if r.variant == "html" else "{:.3f} / {:.3f} / {:.3f}".format(*r.means(1)[:3])
        after = "{:.3f} / {:.3f} / {:.3f}".format(*r.means(2)[:3])
        lines.append(f"| `{r.variant}` | {before} | {after} | {r.means(2)[3]:.3f} | {len(r.rows) / r.seconds:.0f} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("variants", nargs="*", default=list(VARIANTS), help="text_recall, text_full, html")
    parser.add_argument("--bench", type=Path, default=DEFAULT_BENCH, help="the scrapinghub folder")
    parser.add_argument("--worst", type=int, default=10, help="how many recall drops to list")
    parser.add_argument("--limit", type=int, help="only the first N documents")
    parser.add_argument("--markdown", action="store_true", help="print the README table")
    parser.add_argument("--json", type=Path, help="also write per-document scores here")
    args = parser.parse_args(argv)
    reports = [r for v in args.variants if (r := run(args.bench, v, args.limit)) is not None]
    for report in reports:
        print_report(report, args.worst)
    if args.markdown:
        print("\n" + markdown(reports))
    if args.json:
        args.json.write_text(json.dumps({r.variant: r.rows for r in reports}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
