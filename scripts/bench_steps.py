#!/usr/bin/env python3
"""How long each step of the default chain takes, beside ``ftfy.fix_text`` on the same texts, in one run.

For each bench set (``--set``, default both) and text input (``--input``, default ``text_recall`` and
``text_full``), every page's text goes through the default chain one step at a time, each step timed
on its own; ``ftfy.fix_text`` is timed on the same text just before, so a drift of the shared machine
touches both alike; times are the process's CPU time (``time.process_time``), which other work on
a shared machine disturbs less than the wall clock.  The process first builds what the rules build on first use
(``cleaner.strip.ask.prepare``) and cleans the texts of ``samples/`` (and fixes them with ftfy), so imports, word lists and compiled patterns are built; the bench texts are then seen once, on a
first pass, as a new document would be (no cache of the step has seen them).

Printed per input: each step's seconds and its ratio to ftfy's seconds on the same texts.

    python scripts/bench_steps.py
    python scripts/bench_steps.py --set scrapinghub --input text_recall --step fix_typos
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from benchsets import SETS, BenchSet  # noqa: E402

from cleaner.document import Document  # noqa: E402
from cleaner.pipeline import Pipeline, default_pipeline, step_name  # noqa: E402


def warm(pipeline: Pipeline) -> None:
    """Build what the rules build on first use (``cleaner.strip.ask.prepare``), and clean (and ftfy-fix) the
    texts of ``samples/``: imports, word lists and patterns get built."""
    import ftfy

    from cleaner.strip.ask import prepare

    prepare()
    for path in sorted((ROOT / "samples").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        ftfy.fix_text(text)
        pipeline.clean(text)


def step_times(pipeline: Pipeline, texts: list[str]) -> tuple[dict[str, float], float]:
    """Seconds per step over ``texts`` (one pass), and ftfy's seconds on the same texts."""
    import ftfy

    spent = dict.fromkeys(pipeline.names, 0.0)
    block = 0.0
    clock = time.process_time
    for text in texts:
        start = clock()
        ftfy.fix_text(text)
        block += clock() - start
        doc = Document.from_text(text)
        for step in pipeline.steps:
            start = clock()
            doc = step(doc)
            spent[step_name(step)] += clock() - start
    return spent, block


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", action="append", choices=SETS, help="bench set (repeatable; default: all)")
    parser.add_argument(
        "--input", action="append", choices=("text_recall", "text_full"), help="input (repeatable; default: both)"
    )
    parser.add_argument("--step", action="append", help="print only these steps (default: all, and the total)")
    args = parser.parse_args(argv)
    pipeline = default_pipeline()
    warm(pipeline)
    print("| set | input | step | seconds | ÷ ftfy |")
    print("| --- | --- | --- | --- | --- |")
    for name in args.set or SETS:
        bench = BenchSet.find(name)
        for variant in args.input or ("text_recall", "text_full"):
            texts = [p.text(variant) for p in bench.pages]
            spent, block = step_times(pipeline, texts)
            rows = [(s, spent[s]) for s in pipeline.names if not args.step or s in args.step]
            if not args.step:
                rows.append(("**all**", sum(spent.values())))
            for step, seconds in rows:
                print(f"| {name} | `{variant}` | {step} | {seconds:.3f} | **{seconds / block:.2f}×** |")
            print(f"| {name} | `{variant}` | ftfy.fix_text | {block:.3f} | 1.00× |", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
