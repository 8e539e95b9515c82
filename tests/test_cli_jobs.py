"""Long runs: worker processes give exactly what one process gives; progress and summary on stderr."""

from __future__ import annotations

import multiprocessing
import os
import shutil
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest
from test_cli_support import GOLDEN, NAMES, SAMPLES, TTY, run, snapshot

from cleaner.cli.outcome import UNCHANGED, Outcome
from cleaner.cli.pool import POOL_MIN, default_jobs, run_ordered, worker_context
from cleaner.cli.templates import corpus_templates
from cleaner.cli.work import fix_outcome
from cleaner.config import Config
from cleaner.io.readers import Item
from cleaner.meta.language import guess

#: Texts on which an unseeded langdetect often answers differently from run to run.
AMBIGUOUS = [
    "Ok ok, the menu: pasta, pizza, paella, tapas, croissant, baguette, bratwurst, sushi, tacos und so weiter.",
    "Hotel Restaurant Bar Cafe Taxi Bus Metro Park Museum Galerie Theater Opera Kino Station Central Plaza.",
    "Ciao amigo, bonjour mon ami, hallo Freund, hello friend, ola amigo, hej ven, ahoj priteli, salut prieten.",
]


def corpus(folder: Path, copies: int = 4) -> Path:
    """Enough files to start worker processes: the samples (raw and clean), several times over, in subfolders."""
    for copy in range(copies):
        target = folder / f"batch{copy}"
        shutil.copytree(SAMPLES, target, ignore=shutil.ignore_patterns("*.json", "*.md"))
        shutil.copytree(GOLDEN, target / "expected", ignore=shutil.ignore_patterns("*.json", "*.md"))
        (target / "mixed.txt").write_text("\n\n".join(AMBIGUOUS) + "\n", encoding="utf-8")
    return folder


def test_default_jobs_is_the_cores_this_process_may_use() -> None:
    assert default_jobs() == len(os.sched_getaffinity(0))


def test_jobs_give_identical_output_in_the_same_order(tmp_path: Path) -> None:
    folder = corpus(tmp_path / "in")
    one = run("clean", "--format", "jsonl", "--jobs", "1", folder)
    two = run("clean", "--format", "jsonl", "--jobs", "2", folder)
    assert one.code == two.code == 0
    assert len(one.out.splitlines()) == 4 * (2 * len(NAMES) + 1) >= POOL_MIN
    assert two.out == one.out
    assert two.err == one.err


def test_fix_with_jobs_writes_what_one_process_writes(tmp_path: Path) -> None:
    first, second = corpus(tmp_path / "a"), corpus(tmp_path / "b")
    one, two = run("fix", "-j", "1", first), run("fix", "-j", "2", second)
    assert (one.code, two.code) == (1, 1)
    assert snapshot(first) == snapshot(second)
    assert one.err.replace(str(first), "") == two.err.replace(str(second), "")


def test_language_detection_is_the_same_in_fresh_processes() -> None:
    here = [guess(text) for text in AMBIGUOUS]
    assert all(language is not None for language, _ in here)
    with ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("spawn")) as pool:
        for _ in range(3):
            assert list(pool.map(guess, AMBIGUOUS)) == here
    assert [guess(text) for text in AMBIGUOUS] == here


def test_order_is_kept_with_many_chunks_in_flight() -> None:
    items: list[Item | Outcome] = []
    for number in range(60):
        if number % 7 == 3:
            items.append(Outcome(f"known{number}", UNCHANGED))
        else:
            items.append(Item(f"doc{number}", f"doc{number}", text=f"Paragraph number {number} is here.\n"))
    done = list(run_ordered(fix_outcome, items, Config(), jobs=2, pool_min=2))
    assert [entry for entry, _ in done] == items
    assert [o.source for _, o in done] == [getattr(i, "source", "") for i in items]
    assert {o.status for _, o in done} == {UNCHANGED}


def test_progress_bar_only_on_a_terminal_with_many_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = corpus(tmp_path / "in")
    terminal = run("check", "-j", "1", folder, stderr=TTY())
    assert f"/{4 * (2 * len(NAMES) + 1)} " in terminal.err
    assert "20 files would be fixed, 24 unchanged, 0 failed" in terminal.err
    assert f"/{4 * (2 * len(NAMES) + 1)} " not in run("check", "-j", "1", folder).err
    assert run("check", "-q", "-j", "1", folder, stderr=TTY()).err == ""
    few = run("check", "-j", "1", folder / "batch0" / NAMES[0], stderr=TTY())
    assert few.err.count("\r") == 0


def test_summary_counts_blocks_removed_by_kind(tmp_path: Path) -> None:
    result = run("check", "-j", "1", corpus(tmp_path / "in", copies=1))
    assert "cleaner: 5 files would be fixed, 6 unchanged, 0 failed\n" in result.err
    assert (
        "cleaner: blocks removed: related-links 11, timestamp 4, title 4, dateline 2, author-bio 1, byline 1,"
        in result.err
    )


def test_site_templates_found_by_workers_are_those_one_process_finds(tmp_path: Path) -> None:
    folder = corpus(tmp_path / "in")
    for n in range(POOL_MIN):  # one more site, whose pages share a menu and a footer
        page = (
            f"Home | World | Sport\n\nStory {n} went on for {n} hours, officials said.\n\nSign up for our newsletter\n"
        )
        (folder / "site" / f"{n}.txt").parent.mkdir(exist_ok=True)
        (folder / "site" / f"{n}.txt").write_text(page, encoding="utf-8")
    here = corpus_templates([str(folder)], Config(), jobs=1)
    assert here, "the corpus has no template to find: the test tests nothing"
    assert corpus_templates([str(folder)], Config(), jobs=2) == here


def test_workers_start_from_a_warm_server_where_the_system_has_one() -> None:
    context = worker_context()
    if "forkserver" in multiprocessing.get_all_start_methods():
        assert context.get_start_method() == "forkserver"
    with ProcessPoolExecutor(2, mp_context=context) as pool:
        assert list(pool.map(guess, AMBIGUOUS)) == [guess(text) for text in AMBIGUOUS]
