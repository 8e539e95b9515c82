"""``cleaner fix`` killed with SIGKILL at random moments: every file is whole, old or new, and nothing is lost.

A real run of the command over a few hundred files is killed (the whole
process group: the command and its workers) at a random moment, many times,
each time on a fresh copy of the same tree.  After every kill each file must
be exactly its original or exactly its cleaned version (as an uninterrupted
run leaves it) with its mode kept, a temporary file left behind must never be
taken as input by a later run, and a later run must finish the job.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from test_cli_support import ROOT, run

from cleaner.cli.inputs import gather
from cleaner.config import Config
from cleaner.io.files import is_temporary
from cleaner.io.readers import Item

pytestmark = pytest.mark.slow

#: Files in the tree, two to a folder (so that no line recurs in three documents of a site: no templates).
FILES = 200
ROUNDS = 8
SEED = 20240909

SUBJECTS = ("The council", "The minister", "A spokesman", "The committee", "Local residents", "The company")
VERBS = ("said on Monday that", "announced that", "warned that", "confirmed that", "denied that")
OBJECTS = (
    "the bridge would reopen next spring",
    "prices would rise again in the autumn",
    "the talks had broken down late at night",
    "a new school would be built near the river",
    "the budget for roads would be cut",
    "the old market hall would be sold",
)


def article(rng: random.Random, n: int) -> str:
    """A short news text with chrome around it: a title, a byline, a date line, share and follow prompts."""
    paragraphs = [
        f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}, and "
        f"{rng.choice(SUBJECTS).lower()} {rng.choice(VERBS)} {rng.choice(OBJECTS)}."
        for _ in range(4)
    ]
    head = f"Story number {n} on the town's plans\n\nBy Jane Doe\n\n6 December 2017 16:20\n\n"
    return head + "\n\n".join(paragraphs) + "\n\nShare on Facebook\n\nFollow us on Twitter @example\n"


def make_tree(top: Path) -> set[str]:
    """Raw articles, with clean ones, binary files, files of chrome only and empty files among them.

    Returns the names of the files that ``fix`` must leave as they are (binary, chrome only, empty).
    """
    rng = random.Random(SEED)
    untouchable: set[str] = set()
    for n in range(FILES):
        folder = top / f"d{n // 2:03}"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"a{n}.txt"
        if n % 50 in (7, 19, 33):
            untouchable.add(path.relative_to(top).as_posix())
        if n % 50 == 7:
            path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(1, 256)) * 4)
        elif n % 50 == 19:
            path.write_text("Share on Facebook\n\nFollow us on Twitter @example\n", encoding="utf-8")
        elif n % 50 == 33:
            path.write_bytes(b"")
        elif n % 10 == 3:
            body = article(rng, n).split("16:20\n\n")[1].split("\n\nShare")[0]
            path.write_text(body + "\n", encoding="utf-8")
        else:
            path.write_text(article(rng, n), encoding="utf-8")
        path.chmod((0o644, 0o640, 0o600, 0o664)[n % 4])
    return untouchable


def state(top: Path) -> dict[str, tuple[bytes, int]]:
    """Every file but the temporary ones: its bytes and permission bits."""
    return {
        p.relative_to(top).as_posix(): (p.read_bytes(), stat.S_IMODE(p.stat().st_mode))
        for p in sorted(top.rglob("*"))
        if p.is_file() and not is_temporary(p.name)
    }


def temporaries(top: Path) -> list[Path]:
    return [p for p in top.rglob("*") if is_temporary(p.name)]


def command(top: Path, jobs: int) -> list[str]:
    return [sys.executable, "-m", "cleaner", "fix", "--quiet", "--jobs", str(jobs), str(top)]


ENV = {**os.environ, "PYTHONPATH": str(ROOT)}


def test_sigkill_at_random_moments_leaves_every_file_old_or_new(tmp_path: Path) -> None:
    original_tree = tmp_path / "original"
    untouchable = make_tree(original_tree)
    original = state(original_tree)

    reference = tmp_path / "reference"
    shutil.copytree(original_tree, reference)
    started = time.monotonic()
    done = subprocess.run(command(reference, 1), env=ENV, capture_output=True, text=True, timeout=300, check=False)
    duration = time.monotonic() - started
    assert done.returncode == 123, done.stderr  # files fixed, and the chrome-only one refused
    assert "Traceback" not in done.stderr
    cleaned = state(reference)
    changing = {name for name in original if original[name] != cleaned[name]}
    assert len(changing) > FILES // 2, "too few files change for the test to mean anything"
    assert all(cleaned[name][1] == original[name][1] for name in original), "a mode changed"
    assert all(cleaned[name] == original[name] for name in untouchable), "a binary, chrome-only or empty file changed"
    assert run("fix", reference).code == 123, "a second run changes nothing (and refuses the chrome-only file)"
    assert state(reference) == cleaned

    rng = random.Random(SEED)
    mid_run = finished = left_behind = 0
    for round_ in range(ROUNDS):
        tree = tmp_path / f"killed-{round_}"
        shutil.copytree(original_tree, tree)
        jobs = 1 + round_ % 2
        process = subprocess.Popen(
            command(tree, jobs), env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
        )
        time.sleep(rng.uniform(0.2, duration * 0.9))
        with_pid = process.poll() is None
        if with_pid:
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=60)
        finished += not with_pid

        after = state(tree)
        assert sorted(after) == sorted(original), f"round {round_}: files appeared or vanished"
        new = 0
        for name, found in after.items():
            assert found in (original[name], cleaned[name]), f"round {round_}: {name} is neither old nor new"
            new += name in changing and found == cleaned[name]
        mid_run += 0 < new < len(changing)

        left_behind += len(temporaries(tree))
        # What a kill between writing a temporary file and renaming it leaves (rare: planted here every time).
        (tree / "d000" / ".a0.txt.k2j3x9.tmp").write_bytes(cleaned["d000/a0.txt"][0][:40])
        for catch_all in (Config(), Config(include=("*",))):
            taken = [w.path for w in gather([str(tree)], catch_all, whole_files=True) if isinstance(w, Item)]
            assert not [p for p in taken if p is not None and is_temporary(p.name)], "a later run read a temp file"

        if round_ in (0, ROUNDS - 1):  # a later run finishes the job, and leaves what an uninterrupted run leaves
            assert run("fix", "--quiet", tree).code == 123
            assert state(tree) == cleaned
        shutil.rmtree(tree)

    print(
        f"\nreference {duration:.1f}s; {ROUNDS} kills: {mid_run} mid-run, {finished} after the end, {left_behind} temporary files left"
    )
    assert mid_run >= ROUNDS // 3, f"only {mid_run} of {ROUNDS} kills fell while files were being written"
