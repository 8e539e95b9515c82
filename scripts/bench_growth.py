#!/usr/bin/env python3
"""How ``cleaner.clean``'s time grows with its input: it should grow in proportion.

Three shapes, each timed at growing sizes in one run, with the growth printed
as the ratio of the largest size's time to a smaller size's, divided by the size ratio
(1.0: linear; the targets are at most 1.5): 8 MB against 1 MB of article text, 64k against 4k
repeated lines, 16 MB against 1 MB on one line.

- **article text**: gold texts of the bench joined until they make 1, 2, 4 and 8 MB;
- **repeated chrome**: 1k to 64k lines of "More from World" under one paragraph;
- **one long line**: 1 to 16 MB of prose with no line break.

Then adversarial shapes, the regex-safety check, each once at its size:
"By " 200,000 times, a header line 100,000 times, 1 MB of dots, 1 MB of capitals.

    python scripts/bench_growth.py                 # the README's tables
    python scripts/bench_growth.py --quick         # smaller sizes
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from benchsets import BenchSet  # noqa: E402

import cleaner  # noqa: E402

MB = 1_000_000


def seconds(text: str) -> float:
    start = time.perf_counter()
    cleaner.clean(text)
    return time.perf_counter() - start


def article(size: int) -> str:
    """Gold texts of the bench, joined until they make ``size`` bytes."""
    parts: list[str] = []
    total = 0
    golds = [p.gold for p in BenchSet.find("wcxb-dev").pages]
    while total < size:
        for gold in golds:
            parts.append(gold)
            total += len(gold.encode("utf-8")) + 2
            if total >= size:
                break
    return "\n\n".join(parts)


def repeated(lines: int) -> str:
    return (
        "The council voted on Tuesday to keep the old library open, officials said.\n\n" + "More from World\n" * lines
    )


def one_line(size: int) -> str:
    sentence = "The council voted on Tuesday to keep the old library open for another five years. "
    return (sentence * (size // len(sentence) + 1))[:size]


def growth(name: str, make: Callable[[int], str], sizes: list[int], unit: str, base: int = 0) -> list[str]:
    """A table row: the time at each size, and the largest size's time over the ``base`` size's, scaled."""
    times = [seconds(make(size)) for size in sizes]
    rate = (times[-1] / times[base]) / (sizes[-1] / sizes[base])
    cells = ", ".join(
        f"{size // (MB if unit == 'MB' else 1000)}{'MB' if unit == 'MB' else 'k'}: {t:.2f} s"
        for size, t in zip(sizes, times, strict=True)
    )
    return [name, cells, f"**{rate:.2f}**"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="smaller sizes")
    args = parser.parse_args(argv)
    scale = 4 if args.quick else 1
    rows = [
        growth("article text", article, [s * MB // scale for s in (1, 2, 4, 8)], "MB"),
        growth("repeated chrome lines", repeated, [n * 1000 // scale for n in (1, 4, 16, 64)], "k", base=1),
        growth("one long line", one_line, [s * MB // scale for s in (1, 4, 16)], "MB"),
    ]
    print("| shape | time by size | growth (1.0 = linear) |\n| --- | --- | --- |")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    shapes = {
        '"By " × 200,000': "By " * 200_000,
        '"More from World" header × 100,000 lines': "More from World\n" * 100_000,
        "1 MB of dots": "." * MB,
        "1 MB of capitals": "A" * MB,
        "20 MB on one line": one_line(20 * MB // scale),
    }
    print("\n| adversarial input | time |\n| --- | --- |")
    for name, text in shapes.items():
        print(f"| {name} | {seconds(text):.1f} s |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
