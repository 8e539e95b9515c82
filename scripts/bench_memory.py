#!/usr/bin/env python3
"""Memory of the command on one large JSONL file: does it stream, whatever the size?

Writes a JSONL file of ``--mb`` megabytes (records of the bench sets' ``text_recall`` and
``text_full`` texts, taken in turn), runs ``cleaner clean -f jsonl FILE -o OUT --jobs N`` on it,
and samples the memory of the command and its workers together every half second (their
proportional set sizes summed, as :func:`bench_speed.tree_memory` reads them). It prints the
throughput, the peak, and the peak of each fifth of the run, so memory that grows with the input
shows as a rising row.

Every record is made distinct, as in a real crawl: each line longer than 60 characters gets a
word spelt from the record's number (a line's digits do not tell lines apart in the site-template
pass, which counts the lines that recur across records), so the template pass meets as many
distinct lines as a crawl of that size would; short lines (menus, prompts) are left to recur.

    python scripts/bench_memory.py --mb 1000        # the README's row: 1 GB
    python scripts/bench_memory.py --mb 50          # a quick look
    python scripts/bench_memory.py --mb 20 --text   # one 20 MB text file: one document
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from bench_speed import tree_memory  # noqa: E402
from benchsets import BenchSet  # noqa: E402

MB = 1_000_000
LETTERS = "bcdfghjklmnpqrstvwxz"


def tag(number: int) -> str:
    """A word spelt from ``number`` (no digits, so the template pass tells the lines apart).

    >>> tag(0), tag(21), tag(400)
    ('bb', 'cc', 'cbb')
    """
    out = ""
    while True:
        number, digit = divmod(number, len(LETTERS))
        out = LETTERS[digit] + out
        if not number:
            break
    return out.rjust(2, LETTERS[0])


def records(texts: list[str], size: int) -> Iterator[bytes]:
    """JSONL lines, each a distinct record, until they make ``size`` bytes."""
    total, number = 0, 0
    while total < size:
        text = texts[number % len(texts)]
        word = tag(number)
        lines = [f"{line} {word}" if len(line) > 60 else line for line in text.split("\n")]
        line = json.dumps({"id": number, "text": "\n".join(lines)}, ensure_ascii=False).encode("utf-8") + b"\n"
        total += len(line)
        number += 1
        yield line


def one_text(texts: list[str], size: int) -> Iterator[bytes]:
    """One plain text of distinct articles (tagged as :func:`records` tags them), blank lines between, until it
    makes ``size`` bytes: what one huge scraped file is, one document."""
    total, number = 0, 0
    while total < size:
        text = texts[number % len(texts)]
        word = tag(number)
        chunk = ("\n".join(f"{line} {word}" if len(line) > 60 else line for line in text.split("\n")) + "\n\n").encode()
        total += len(chunk)
        number += 1
        yield chunk


def run(path: Path, out: Path, jobs: int) -> tuple[float, list[tuple[float, float]]]:
    """Seconds, and ``(time, MB)`` samples of the command's memory, of cleaning ``path`` into ``out``."""
    form = "txt" if path.suffix == ".txt" else "jsonl"
    cmd = [sys.executable, "-m", "cleaner", "clean", "-f", form, str(path), "-o", str(out), "--jobs", str(jobs)]
    cmd += ["--max-bytes", "1G"] if form == "txt" else []
    start = time.perf_counter()
    process = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    samples: list[tuple[float, float]] = []
    while process.poll() is None:
        samples.append((time.perf_counter() - start, tree_memory(process.pid) / 1024))
        time.sleep(0.5)
    seconds = time.perf_counter() - start
    if process.returncode not in (0, 1):
        error = process.stderr.read().decode(errors="replace")[-500:] if process.stderr else ""
        sys.exit(f"bench_memory: the command failed ({process.returncode}): {error}")
    return seconds, samples


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=1000, help="size of the JSONL file, in MB")
    parser.add_argument("--jobs", type=int, default=2, help="--jobs of the command")
    parser.add_argument("--text", action="store_true", help="one plain text file (one document), not JSONL records")
    args = parser.parse_args(argv)
    texts = [
        p.text(v)
        for name in ("scrapinghub", "wcxb-dev")
        for p in BenchSet.find(name).pages
        for v in ("text_recall", "text_full")
    ]
    with tempfile.TemporaryDirectory(prefix="cleaner-memory-") as tmp:
        path = Path(tmp) / ("article.txt" if args.text else "crawl.jsonl")
        chunks = one_text(texts, int(args.mb * MB)) if args.text else records(texts, int(args.mb * MB))
        with path.open("wb") as handle:
            count = sum(handle.write(line) > 0 for line in chunks)
        size = path.stat().st_size
        seconds, samples = run(path, Path(tmp) / "out", args.jobs)
    peak = max((mb for _, mb in samples), default=0.0)
    fifths = [
        max((mb for t, mb in samples if k * seconds / 5 <= t < (k + 1) * seconds / 5), default=0.0) for k in range(5)
    ]
    print("| file | records | --jobs | time | MB/s | peak memory (MB) | peak in each fifth of the run (MB) |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    print(
        f"| {size / MB:.0f} MB | {count:,} | {args.jobs} | {seconds:.0f} s | {size / MB / seconds:.2f} | **{peak:.0f}** | "
        + ", ".join(f"{mb:.0f}" for mb in fifths)
        + " |"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
