#!/usr/bin/env python3
"""Score the cleaner on the bench sets, beside its input as given, as the published extractor benchmarks do.

For each set (``--set``, several at once) and each input:

- ``text_recall``: trafilatura's text (``favor_recall``), a little chrome left in;
- ``text_full``: whole-page text dumps, a lot of chrome;
- ``html``: the raw pages through ``cleaner.clean_html``; the input "as given" is
  then trafilatura alone (``trafilatura.extract`` with its defaults, comments left out).

it prints the "as given" row (the input itself scored against the gold) beside the
cleaned row: mean precision, recall and F1 of lower-cased ``\\w+`` token multisets,
the median F1, and the share of pages **made worse** (cleaned F1 more than 0.02
below the input as given) and made better.  ``--worst N`` lists the pages made
worse, largest drop first.  It also counts the tokens removed, by kind: those the
gold needed (recall lost) and the rest (chrome rightly removed).

    python scripts/bench_quality.py                              # both sets, every input
    python scripts/bench_quality.py --set wcxb-dev text_recall --worst 15
    python scripts/bench_quality.py --markdown --jobs 2          # the README's table
    python scripts/bench_quality.py --cv .cache/folds            # each page decided by a model blind to its site
"""

from __future__ import annotations

import argparse
import collections
import json
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from benchsets import INPUTS, SETS, BenchSet, Folds, Page, score, tokens  # noqa: E402

import cleaner  # noqa: E402

#: A page is made worse when its F1 falls more than this below the input as given.
WORSE = 0.02

Scores = tuple[float, float, float]


def as_given(page: Page, variant: str) -> str:
    """The input as given, as text: the text itself, or trafilatura's extraction of the page."""
    if variant != "html":
        return page.text(variant)
    import trafilatura

    return trafilatura.extract(page.html, url=page.url, include_comments=False) or ""


#: With ``--cv``: the fold models, each page decided by the one fitted without its site.
CV: list[Folds] = []


#: With ``--disable``: steps of the chain switched off.
DISABLE: list[str] = []


def cleaned(page: Page, variant: str) -> cleaner.Result:
    """The cleaner's result for one input of one page."""
    model = CV[0].model_for(page) if CV else None
    if variant == "html":
        return cleaner.clean_html(page.html, url=page.url, model=model, disable=DISABLE)
    return cleaner.clean(page.text(variant), model=model, disable=DISABLE)


@dataclass
class Row:
    """One page: its scores as given and cleaned, and the tokens removed by kind."""

    id: str
    site: str
    given: Scores
    clean: Scores
    lost: dict[str, int]
    chrome: dict[str, int]
    seconds: float

    @property
    def worse(self) -> bool:
        return self.clean[2] < self.given[2] - WORSE

    @property
    def better(self) -> bool:
        return self.clean[2] > self.given[2] + WORSE


def measure(job: tuple[Page, str]) -> Row:
    """Score one input of one page."""
    page, variant = job
    gold = page.gold
    started = time.perf_counter()
    result = cleaned(page, variant)
    seconds = time.perf_counter() - started
    missing = tokens(gold) - tokens(result.text)
    lost: collections.Counter[str] = collections.Counter()
    chrome: collections.Counter[str] = collections.Counter()
    for removal in result.removed:
        removed = tokens(removal.text)
        gold_lost = removed & missing
        missing -= gold_lost
        lost[removal.kind] += sum(gold_lost.values())
        chrome[removal.kind] += sum((removed - gold_lost).values())
    return Row(
        page.id, page.site, score(as_given(page, variant), gold), score(result.text, gold), lost, chrome, seconds
    )


@dataclass
class Report:
    """Every page of one set for one input."""

    set: str
    variant: str
    rows: list[Row] = field(default_factory=list)

    def mean(self, which: str) -> tuple[float, float, float]:
        n = len(self.rows) or 1
        values = [getattr(r, which) for r in self.rows]
        return tuple(sum(v[k] for v in values) / n for k in range(3))  # type: ignore[return-value]

    def median(self, which: str) -> float:
        return statistics.median(getattr(r, which)[2] for r in self.rows) if self.rows else 0.0

    @property
    def worse(self) -> float:
        return sum(r.worse for r in self.rows) / (len(self.rows) or 1)

    @property
    def better(self) -> float:
        return sum(r.better for r in self.rows) / (len(self.rows) or 1)

    @property
    def docs_per_second(self) -> float:
        return len(self.rows) / (sum(r.seconds for r in self.rows) or 1e-9)


def run(bench: BenchSet, variant: str, limit: int | None, jobs: int) -> Report:
    pages = list(bench.pages)[:limit]
    work = [(p, variant) for p in pages]
    if jobs > 1:
        import multiprocessing

        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            rows = pool.map(measure, work, chunksize=4)
    else:
        rows = [measure(job) for job in work]
    return Report(bench.name, variant, rows)


def _triple(values: tuple[float, float, float]) -> str:
    return "P {:.3f}  R {:.3f}  F1 {:.3f}".format(*values)


def print_report(report: Report, worst: int) -> None:
    given = "trafilatura" if report.variant == "html" else "as given   "
    print(f"\n== {report.set} / {report.variant}: {len(report.rows)} pages, {report.docs_per_second:.1f} docs/s")
    print(f"{given}  {_triple(report.mean('given'))}  median F1 {report.median('given'):.3f}")
    print(
        f"cleaned      {_triple(report.mean('clean'))}  median F1 {report.median('clean'):.3f}"
        f"  made worse {report.worse:.1%}  made better {report.better:.1%}"
    )
    lost: collections.Counter[str] = collections.Counter()
    chrome: collections.Counter[str] = collections.Counter()
    for row in report.rows:
        lost.update(row.lost)
        chrome.update(row.chrome)
    print("tokens removed by kind (gold lost / chrome):")
    for kind in sorted(lost.keys() | chrome.keys()):
        print(f"  {kind:18s} {lost[kind]:7d} / {chrome[kind]:7d}")
    if worst:
        drops = sorted((r for r in report.rows if r.worse), key=lambda r: r.clean[2] - r.given[2])[:worst]
        print(f"pages made worse (largest drop first, {len(drops)} shown):")
        for r in drops:
            print(
                f"  {r.id[:16]:16s} {r.site[:28]:28s} F1 {r.given[2]:.3f} -> {r.clean[2]:.3f}"
                f"  (R {r.given[1]:.3f} -> {r.clean[1]:.3f}, P {r.given[0]:.3f} -> {r.clean[0]:.3f})"
            )


def markdown(reports: list[Report]) -> str:
    lines = [
        "| set | input | as given: P / R / F1 | cleaned: P / R / F1 | median F1 | made worse | made better |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for r in reports:
        name = "`html` (as given: trafilatura)" if r.variant == "html" else f"`{r.variant}`"
        given = "{:.3f} / {:.3f} / {:.3f}".format(*r.mean("given"))
        after = "{:.3f} / {:.3f} / **{:.3f}**".format(*r.mean("clean"))
        lines.append(
            f"| {r.set} | {name} | {given} | {after} | {r.median('clean'):.3f} | {r.worse:.1%} | {r.better:.1%} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("variants", nargs="*", default=list(INPUTS), help="text_recall, text_full, html")
    parser.add_argument(
        "--set", dest="sets", action="append", help=f"a bench set, by name or folder (default: {', '.join(SETS)})"
    )
    parser.add_argument("--worst", type=int, default=10, help="how many pages made worse to list")
    parser.add_argument("--limit", type=int, help="only the first N pages of each set")
    parser.add_argument("--jobs", type=int, default=1, help="worker processes")
    parser.add_argument("--markdown", action="store_true", help="print the README table")
    parser.add_argument("--json", type=Path, help="also write per-page scores here")
    parser.add_argument(
        "--cv",
        type=Path,
        help="decide each page with the fold model that never saw its site (a folder of train_block_model.py --folds)",
    )
    parser.add_argument("--disable", action="append", default=[], help="switch a step of the chain off (repeat)")
    args = parser.parse_args(argv)
    DISABLE.extend(args.disable)
    if args.cv:
        CV.append(Folds.read(args.cv))
    for variant in args.variants:
        if variant not in INPUTS:
            parser.error(f"unknown input {variant!r}: choose from {', '.join(INPUTS)}")
    reports = [
        run(BenchSet.find(name), variant, args.limit, args.jobs)
        for name in args.sets or SETS
        for variant in args.variants
    ]
    for report in reports:
        print_report(report, args.worst)
    if args.markdown:
        print("\n" + markdown(reports))
    if args.json:
        data = {f"{r.set}/{r.variant}": [(row.id, row.site, row.given, row.clean) for row in r.rows] for r in reports}
        args.json.write_text(json.dumps(data, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
