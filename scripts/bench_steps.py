#!/usr/bin/env python3
"""Where ``clean()``'s time goes: each step of the default chain, timed on a bench set's texts beside
``ftfy.fix_text`` on the same texts, in one run.

Each text passes once through the chain (a first pass: the process has not cleaned these texts
before; the rules' one-time compiles are built first by
``cleaner.strip.ask.prepare``, and imports warmed on the samples), and each step's time is
summed over the texts. The ratio to ftfy's time on the same texts is what to compare across runs,
because absolute times drift on a shared machine.

    python scripts/bench_steps.py --set scrapinghub text_recall
    python scripts/bench_steps.py --set wcxb-dev text_full
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import ftfy  # noqa: E402
from benchsets import BenchSet  # noqa: E402

import cleaner  # noqa: E402
from cleaner.document import Document  # noqa: E402
from cleaner.pipeline import default_pipeline, step_name  # noqa: E402
from cleaner.strip.ask import prepare  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("variant", nargs="?", default="text_recall", help="text_recall or text_full")
    parser.add_argument("--set", dest="name", default="scrapinghub")
    args = parser.parse_args()
    texts = [page.text(args.variant) for page in BenchSet.find(args.name).pages]
    pipe = default_pipeline()
    prepare()
    for path in sorted((ROOT / "samples").glob("*.txt")):  # warm imports and compiles on other texts
        cleaner.clean(path.read_text(encoding="utf-8"))
        ftfy.fix_text(path.read_text(encoding="utf-8"))
    spent: dict[str, float] = defaultdict(float)
    start = time.perf_counter()
    for text in texts:
        ftfy.fix_text(text)
    base = time.perf_counter() - start
    for text in texts:
        doc = Document.from_text(text)
        for step in pipe.steps:
            start = time.perf_counter()
            doc = step(doc)
            spent[step_name(step)] += time.perf_counter() - start
    total = sum(spent.values())
    print(f"{args.name} {args.variant}: {len(texts)} texts; ftfy.fix_text {base:.2f} s")
    for name, seconds in spent.items():
        print(f"  {name:24} {seconds:7.2f} s  {seconds / base:5.2f}x ftfy")
    print(f"  {'whole chain':24} {total:7.2f} s  {total / base:5.2f}x ftfy")


if __name__ == "__main__":
    main()
