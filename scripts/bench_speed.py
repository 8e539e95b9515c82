#!/usr/bin/env python3
"""Measure how fast the cleaner runs, as a library and as a command.

Two measurements on the ScrapingHub dev pages:

- **library**: ``cleaner.clean`` (and ``cleaner.clean_html`` for ``html/``,
  when it exists) called in this one process over every page of a variant,
  after one warm-up page, giving documents/s and input MB/s;
- **command**: ``cleaner clean DIR -o OUT --jobs N`` run as a subprocess on a
  folder holding ``--copies`` copies of the variant's files, giving files/s and
  MB/s from the wall-clock time, process start-up included.

    python scripts/bench_speed.py                         # both, every variant
    python scripts/bench_speed.py --variants text_full --copies 5 --jobs 1 2
"""

from __future__ import annotations

import argparse
import gzip
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import cleaner  # noqa: E402

DEFAULT_BENCH = ROOT.parent / "shared" / "bench" / "scrapinghub"
VARIANTS = ("text_recall", "text_full", "html")


def find_bench(given: Path | None) -> Path:
    """The scrapinghub folder: the one given, or ``shared/bench`` beside the repository."""
    bench = given or DEFAULT_BENCH
    if not (bench / "gold").is_dir():
        sys.exit(f"bench_speed: no bench pages at {bench} (give --bench)")
    return bench


def pages(bench: Path, variant: str) -> list[Path]:
    """The input files of one variant, in a stable order."""
    return sorted(p for p in (bench / variant).iterdir() if p.is_file())


def cleaner_for(variant: str) -> Callable[[bytes], object] | None:
    """The library call for a variant's raw bytes, or ``None`` when it does not exist yet."""
    if variant == "html":
        clean_html = getattr(cleaner, "clean_html", None)
        return None if clean_html is None else clean_html
    return lambda raw: cleaner.clean(raw.decode("utf-8", errors="replace"))


def read(path: Path) -> bytes:
    """A page's bytes (the bench stores the HTML gzipped)."""
    raw = path.read_bytes()
    return gzip.decompress(raw) if path.name.endswith(".gz") else raw


def library_speed(files: list[Path], run: Callable[[bytes], object]) -> tuple[float, float]:
    """Documents/s and MB/s of ``run`` over ``files`` (read and decompressed beforehand, one warm-up call)."""
    raws = [read(f) for f in files]
    run(raws[0])
    start = time.perf_counter()
    for raw in raws:
        run(raw)
    seconds = time.perf_counter() - start
    return len(raws) / seconds, sum(map(len, raws)) / 1e6 / seconds


def command_speed(files: list[Path], copies: int, jobs: int) -> tuple[float, float, int]:
    """Files/s, MB/s (of uncompressed input) and exit code of ``cleaner clean`` over ``copies`` copies of ``files``.

    The files keep their names: a ``.txt`` is read as text, a ``.html.gz`` as a gzipped page.
    """
    with tempfile.TemporaryDirectory(prefix="cleaner-speed-") as tmp:
        src = Path(tmp) / "in"
        for copy in range(copies):
            folder = src / f"copy{copy}"
            folder.mkdir(parents=True)
            for f in files:
                shutil.copyfile(f, folder / f.name)
        size = sum(len(read(f)) for f in files) * copies
        cmd = [
            sys.executable,
            "-m",
            "cleaner",
            "clean",
            str(src),
            "-o",
            str(Path(tmp) / "out"),
            "--jobs",
            str(jobs),
            "--quiet",
        ]
        start = time.perf_counter()
        done = subprocess.run(cmd, cwd=ROOT, capture_output=True, check=False)
        seconds = time.perf_counter() - start
    if done.returncode not in (0, 1):
        print(done.stderr.decode(errors="replace")[-2000:], file=sys.stderr)
    return len(files) * copies / seconds, size / 1e6 / seconds, done.returncode


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bench", type=Path, help="the scrapinghub folder")
    parser.add_argument("--variants", nargs="+", default=list(VARIANTS), choices=list(VARIANTS))
    parser.add_argument("--copies", type=int, default=3, help="copies of the pages in the command's folder")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="--jobs values to time")
    parser.add_argument("--no-command", action="store_true", help="time the library only")
    args = parser.parse_args(argv)
    bench = find_bench(args.bench)
    print(
        "| input | library: docs/s | library: MB/s | "
        + " | ".join(f"command --jobs {j}: files/s (MB/s)" for j in args.jobs)
        + " |"
    )
    print("| --- | --- | --- |" + " --- |" * len(args.jobs))
    for variant in args.variants:
        run = cleaner_for(variant)
        if run is None:
            print(f"| {variant} | not available in this version | | " + " | " * len(args.jobs))
            continue
        files = pages(bench, variant)
        docs, mbs = library_speed(files, run)
        cells = [f"{variant}", f"{docs:.1f}", f"{mbs:.2f}"]
        if not args.no_command:
            for jobs in args.jobs:
                fps, cmbs, code = command_speed(files, args.copies, jobs)
                cells.append(f"{fps:.1f} ({cmbs:.2f})" + ("" if code in (0, 1) else f" exit {code}"))
        print("| " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
