#!/usr/bin/env python3
"""How fast the cleaner runs beside its building blocks, as a library and as a command, in one run.

On the pages of a bench set (``--set``, default ``scrapinghub``):

- **library**: ``cleaner.clean`` on ``text_recall`` and ``text_full`` and ``cleaner.clean_html`` on the
  pages, in documents/s and MB/s, beside the building block alone on the same inputs —
  ``ftfy.fix_text`` for text, ``trafilatura.extract`` and ``trafilatura.extract(with_metadata=True)``
  for pages — and an I/O floor (each file read and written back unchanged); the ratio of the
  cleaner's time to each building block's is printed too, because absolute times drift on a shared
  machine.  Each contender is timed on its **first pass** over pages its process has not seen (a
  fresh process forked for it), after warming its imports and one-time compiles on ``--warm`` other
  pages of the set (and dateparser's patterns, :func:`warm_dateparser`): the libraries cache what they parse (htmldate its date strings), so a second
  pass over the same pages is faster than a user's first.  Times are the process's processor time,
  steadier than the wall clock's on a shared machine; ``--rounds`` repeats each in a fresh process
  and keeps the fastest;
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


def warm_dateparser() -> None:
    """Compile, once, what dateparser compiles the first time htmldate hands it a string no locale
    reads: the patterns of every locale it knows (seconds), which a process pays once whatever it runs."""
    try:
        from htmldate.extractors import get_external_parser
    except ImportError:
        return
    get_external_parser().get_date_data("on the 12th of blah")


def _first_pass(job: tuple[Callable[[object], object], Sequence[object], Sequence[object]]) -> float:
    run, warm, inputs = job
    warm_dateparser()
    for item in warm:
        run(item)
    start = time.process_time()
    for item in inputs:
        run(item)
    return time.process_time() - start


def timed(run: Callable[[object], object], warm: Sequence[object], inputs: Sequence[object], rounds: int = 1) -> float:
    """Processor seconds ``run`` takes over ``inputs`` on its first pass, in a process forked for it
    that has run it on ``warm`` (other inputs) first; the fastest of ``rounds`` such processes.

    Processor time, not the wall clock's: on a machine that others share, what the others run
    does not count (a run is single-threaded; threads a library starts would count).

    >>> timed(len, ["a"], ["bc", "d"]) >= 0.0
    True
    """
    import multiprocessing

    best = float("inf")
    for _ in range(rounds):
        with multiprocessing.get_context("fork").Pool(1) as pool:
            best = min(best, pool.apply(_first_pass, ((run, warm, inputs),)))
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


def _clean_html(raw: object) -> object:
    return cleaner.clean_html(raw)  # type: ignore[arg-type]


def _clean(text: object) -> object:
    return cleaner.clean(text)  # type: ignore[arg-type]


def _extract(raw: object) -> object:
    import trafilatura

    return trafilatura.extract(raw)  # type: ignore[arg-type]


def _extract_metadata(raw: object) -> object:
    import trafilatura

    return trafilatura.extract(raw, with_metadata=True)  # type: ignore[arg-type]


def _fix_text(text: object) -> object:
    import ftfy

    return ftfy.fix_text(text)  # type: ignore[arg-type]


def library_rows(
    bench: BenchSet, warm: int = 10, rounds: int = 1, only: Sequence[str] | None = None
) -> list[list[str]]:
    """One row per input: the cleaner, each building block and the cleaner's ratio to it, the I/O floor.

    The first ``warm`` pages of the set warm each process up; the others are timed.
    """
    pages = list(bench.pages)
    warm_pages, pages = pages[:warm], pages[warm:]
    rows = []
    for variant in only or ("text_recall", "text_full", "html"):
        blocks: list[tuple[str, Callable[[object], object]]]
        if variant == "html":
            inputs: list[object] = [p.html for p in pages]
            warm_inputs: list[object] = [p.html for p in warm_pages]
            size = sum(len(p.html) for p in pages)
            ours = timed(_clean_html, warm_inputs, inputs, rounds)
            blocks = [("trafilatura.extract", _extract), ("trafilatura.extract(with_metadata=True)", _extract_metadata)]
            floor = io_floor([p.html.decode("utf-8", errors="replace") for p in pages])
        else:
            texts = [p.text(variant) for p in pages]
            inputs, warm_inputs = list(texts), [p.text(variant) for p in warm_pages]
            size = sum(len(t.encode("utf-8")) for t in texts)
            ours = timed(_clean, warm_inputs, inputs, rounds)
            blocks = [("ftfy.fix_text", _fix_text)]
            floor = io_floor(texts)
        n = len(inputs)
        spent = [(name, timed(run, warm_inputs, inputs, rounds)) for name, run in blocks]
        rows.append(
            [
                f"`{variant}`",
                f"{n / ours:.1f}",
                f"{size / 1e6 / ours:.2f}",
                "<br>".join(f"{name}: {n / seconds:.1f}" for name, seconds in spent),
                "<br>".join(f"**{ours / seconds:.1f}×**" for _, seconds in spent),
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
    parser.add_argument("--warm", type=int, default=10, help="pages that warm each process up, not timed")
    parser.add_argument("--rounds", type=int, default=1, help="fresh processes per contender (the fastest kept)")
    parser.add_argument("--only", choices=("text_recall", "text_full", "html"), nargs="+", help="these inputs only")
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
    print(table(header, library_rows(bench, args.warm, args.rounds, args.only)))
    if not args.no_command:
        print()
        print(table(["command", "files/s", "speed-up", "peak memory (MB)"], command_rows(bench, args.files, args.jobs)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
