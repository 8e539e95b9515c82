#!/usr/bin/env python3
"""How fast the cleaner runs beside its building blocks, as a library and as a command, in one run.

On the pages of a bench set (``--set``, default ``scrapinghub``):

- **library**: ``cleaner.clean`` on ``text_recall`` and ``text_full`` and ``cleaner.clean_html`` on the
  pages, in documents/s and MB/s, beside the building block alone on the same inputs —
  ``ftfy.fix_text`` for text, ``trafilatura.extract`` for pages — and an I/O floor (each file read and
  written back unchanged); the ratio of the cleaner's time to the building block's is printed too,
  because absolute times drift on a shared machine;
- **command**: ``cleaner clean DIR -o OUT`` over a folder of ``--files`` text files (copies of
  ``text_recall``) with ``--jobs 1`` and ``--jobs 2``, process start-up included, with the peak
  memory of the command and its workers together (their proportional set sizes, summed).

    python scripts/bench_speed.py                       # the README's table
    python scripts/bench_speed.py --no-command          # the library only
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from benchsets import BenchSet  # noqa: E402

import cleaner  # noqa: E402


def timed(run: Callable[[object], object], inputs: Sequence[object]) -> float:
    """Seconds ``run`` takes over ``inputs``, after one warm-up call (the best of two passes)."""
    run(inputs[0])
    best = float("inf")
    for _ in range(2):
        start = time.perf_counter()
        for item in inputs:
            run(item)
        best = min(best, time.perf_counter() - start)
    return best


def io_floor(texts: Sequence[str]) -> float:
    """Seconds to read and write each text back unchanged, as files."""
    with tempfile.TemporaryDirectory(prefix="cleaner-io-") as tmp:
        paths = []
        for n, text in enumerate(texts):
            path = Path(tmp) / f"{n}.txt"
            path.write_text(text, encoding="utf-8")
            paths.append(path)
        start = time.perf_counter()
        for path in paths:
            path.with_suffix(".out").write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
        return time.perf_counter() - start


def library_rows(bench: BenchSet) -> list[list[str]]:
    """One row per input: the cleaner, the building block, the ratio, the I/O floor."""
    import ftfy
    import trafilatura

    rows = []
    pages = list(bench.pages)
    for variant in ("text_recall", "text_full", "html"):
        if variant == "html":
            inputs: list[object] = [p.html for p in pages]
            size = sum(len(p.html) for p in pages)
            ours = timed(lambda raw: cleaner.clean_html(raw), inputs)  # type: ignore[arg-type]
            block_name = "trafilatura.extract"
            block = timed(lambda raw: trafilatura.extract(raw), inputs)
            floor = io_floor([p.html.decode("utf-8", errors="replace") for p in pages])
        else:
            texts = [p.text(variant) for p in pages]
            inputs = list(texts)
            size = sum(len(t.encode("utf-8")) for t in texts)
            ours = timed(lambda text: cleaner.clean(text), inputs)  # type: ignore[arg-type]
            block_name = "ftfy.fix_text"
            block = timed(lambda text: ftfy.fix_text(text), inputs)  # type: ignore[arg-type]
            floor = io_floor(texts)
        n = len(inputs)
        rows.append(
            [
                f"`{variant}`",
                f"{n / ours:.1f}",
                f"{size / 1e6 / ours:.2f}",
                f"{block_name}: {n / block:.1f}",
                f"**{ours / block:.1f}×**",
                f"{n / floor:.0f}",
            ]
        )
    return rows


def tree_memory(pid: int) -> int:
    """The memory, in kB, that process ``pid`` and every process below it hold together.

    Each process's proportional set size (``Pss`` in ``/proc/<pid>/smaps_rollup``): its own pages,
    and its share of the pages it shares with others (workers forked from one server share the
    pages they have not written), so a page is counted once however many processes map it.
    Summing resident sizes (RSS) would count a shared page once per process.
    """
    parents: dict[int, int] = {}
    sizes: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            rollup = (entry / "smaps_rollup").read_text()
        except OSError:
            continue
        parents[int(entry.name)] = int(stat[1])
        for line in rollup.splitlines():
            if line.startswith("Pss:"):
                sizes[int(entry.name)] = int(line.split()[1])
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        total += sizes.get(current, 0)
        todo += [child for child, parent in parents.items() if parent == current]
    return total


def command_run(folder: Path, jobs: int) -> tuple[float, float]:
    """Seconds and peak MB (the command and its workers together, :func:`tree_memory`) of ``cleaner clean folder -o out``."""
    out = folder.parent / f"out-{jobs}"
    cmd = [sys.executable, "-m", "cleaner", "clean", str(folder), "-o", str(out), "--jobs", str(jobs), "--quiet"]
    start = time.perf_counter()
    process = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    while process.poll() is None:
        peak = max(peak, tree_memory(process.pid))
        time.sleep(0.2)
    seconds = time.perf_counter() - start
    if process.returncode not in (0, 1):
        error = process.stderr.read().decode(errors="replace")[-500:] if process.stderr else ""
        sys.exit(f"bench_speed: the command failed ({process.returncode}): {error}")
    shutil.rmtree(out, ignore_errors=True)
    return seconds, peak / 1024


def command_rows(bench: BenchSet, files: int, jobs: Sequence[int]) -> list[list[str]]:
    """One row per ``--jobs`` value: files/s over ``files`` text files, the speed-up, peak memory."""
    texts = [p.text("text_recall") for p in bench.pages]
    rows = []
    with tempfile.TemporaryDirectory(prefix="cleaner-speed-") as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        for n in range(files):
            (folder / f"{n:05d}.txt").write_text(texts[n % len(texts)], encoding="utf-8")
        first = None
        for j in jobs:
            seconds, peak = command_run(folder, j)
            first = first or seconds
            rows.append([f"`--jobs {j}`", f"{files / seconds:.1f}", f"{first / seconds:.2f}×", f"{peak:.0f}"])
    return rows


def table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    return "\n".join(lines + ["| " + " | ".join(r) + " |" for r in rows])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", default="scrapinghub", help="the bench set whose pages are timed")
    parser.add_argument("--files", type=int, default=400, help="text files in the command's folder")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="--jobs values to time")
    parser.add_argument("--no-command", action="store_true", help="time the library only")
    args = parser.parse_args(argv)
    bench = BenchSet.find(args.set)
    header = [
        "input",
        "cleaner: docs/s",
        "MB/s",
        "building block alone: docs/s",
        "cleaner ÷ block",
        "I/O floor: docs/s",
    ]
    print(table(header, library_rows(bench)))
    if not args.no_command:
        print()
        print(table(["command", "files/s", "speed-up", "peak memory (MB)"], command_rows(bench, args.files, args.jobs)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
