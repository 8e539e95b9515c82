"""Large and adversarial inputs: time linear in the input, memory bounded, a clear message where a limit is hit.

Each case runs the command in a fresh process (``cleaner clean FILE --jobs 1``)
that must finish within :data:`BUDGET` seconds, with no traceback, and report
its peak memory (resident set), which must stay under :data:`MEMORY`.  The
budgets are generous: a step whose time grows with the square of its input
(a regex that backtracks over a long run, a list rebuilt for every item)
takes minutes or hours on these inputs, not seconds.
"""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from html_pages import PARAGRAPHS
from test_cli_support import ROOT

pytestmark = pytest.mark.slow

#: Seconds a case may take (process start-up included).
BUDGET = 60
#: Peak resident memory a case may use, in MiB.
MEMORY = 2048

#: Runs the command, then prints its peak resident memory: the high-water mark of this process's own
#: memory (``VmHWM``), not ``ru_maxrss``, which after a vfork and exec also holds the peak of the
#: process that started it (here pytest's, which may be larger than the case's own).
RUNNER = (
    "import sys\n"
    "from cleaner.cli import main\n"
    "code = main(sys.argv[1:])\n"
    "peak = next(int(line.split()[1]) for line in open('/proc/self/status') if line.startswith('VmHWM:'))\n"
    "print('maxrss', peak // 1024, file=sys.stderr)\n"
    "sys.exit(code)\n"
)


@dataclass
class Done:
    code: int
    out: str
    err: str
    memory: int  # MiB


def clean(path: Path, *options: str) -> Done:
    """``cleaner clean PATH`` in a fresh process, within the time budget."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    argv = [sys.executable, "-c", RUNNER, "clean", "--jobs", "1", *options, str(path)]
    try:
        done = subprocess.run(argv, capture_output=True, text=True, env=env, timeout=BUDGET, check=False)
    except subprocess.TimeoutExpired:
        pytest.fail(f"cleaning {path.name} ({path.stat().st_size} bytes) did not finish within {BUDGET} s")
    lines = done.stderr.splitlines()
    memory = int(lines[-1].split()[1]) if lines and lines[-1].startswith("maxrss ") else 0
    err = "\n".join(lines[:-1])
    assert "Traceback" not in err, err
    assert memory < MEMORY, f"{path.name}: {memory} MiB at peak"
    return Done(done.returncode, done.stdout, err, memory)


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


ARTICLE = "\n\n".join(PARAGRAPHS) + "\n"


# Text.


def test_a_20_mb_file_on_one_line(tmp_path: Path) -> None:
    sentence = "The council met again on Tuesday and voted to keep the library open, officials said. "
    line = (sentence * (20_000_000 // len(sentence) + 1))[:20_000_000].rstrip() + "\n"
    done = clean(write(tmp_path, "one-line.txt", line))
    assert done.code == 0, done.err
    assert done.out.startswith("The council met again on Tuesday")


def test_by_repeated_200000_times(tmp_path: Path) -> None:
    done = clean(write(tmp_path, "by.txt", "By " * 200_000 + "\n\n" + ARTICLE))
    assert done.code == 0, done.err
    assert done.out.endswith(ARTICLE)


def test_a_file_of_100000_more_from_world_lines(tmp_path: Path) -> None:
    done = clean(write(tmp_path, "more.txt", "More from World\n" * 100_000))
    assert done.code == 0, done.err
    assert done.out == ""


def test_100000_more_from_world_paragraphs(tmp_path: Path) -> None:
    done = clean(write(tmp_path, "more-blocks.txt", ARTICLE + "\n" + "More from World\n\n" * 100_000))
    assert done.code == 0, done.err
    assert done.out == ARTICLE


#: Runs of a megabyte (an ellipsis gone wild, a base64 blob, a shouted headline repeated), as a line in an article.
RUNS = {
    "dots": "." * 1_000_000,
    "capitals": "ABCDEFGHIJKLMNOPQRSTUVWXYZ" * 40_000,
    "capital-words": "NATO SAYS " * 100_000,
}


@pytest.mark.parametrize("name", list(RUNS))
def test_long_runs_of_dots_or_capitals(tmp_path: Path, name: str) -> None:
    done = clean(write(tmp_path, f"{name}.txt", ARTICLE + "\n" + RUNS[name] + "\n\n" + ARTICLE))
    assert done.code == 0, done.err
    assert done.out.startswith(PARAGRAPHS[0])


# HTML.


def page(body: str) -> str:
    return f"<!DOCTYPE html><html><head><title>Talks</title></head><body>{body}</body></html>"


def test_html_nested_100000_levels_deep(tmp_path: Path) -> None:
    article = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    deep = "<div>" * 100_000 + "<p>Deep inside.</p>" + "</div>" * 100_000
    done = clean(write(tmp_path, "deep.html", page(f"{deep}<article>{article}</article>")))
    assert done.code == 0, done.err
    assert PARAGRAPHS[0] in done.out, "the article after the deep nest was lost"
    unclosed = clean(write(tmp_path, "unclosed.html", page(f"<article>{article}</article>" + "<span><b>" * 100_000)))
    assert unclosed.code == 0, unclosed.err


def test_entity_expansion_bombs_in_html(tmp_path: Path) -> None:
    laughs = "".join(
        f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10 if n else "lol"}">' for n in range(10)
    )  # a billion "lol"s, if any parser expanded them
    article = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    billion = f'<?xml version="1.0"?><!DOCTYPE html [{laughs}]><html><body><p>&lol9;</p>{article}</body></html>'
    done = clean(write(tmp_path, "laughs.html", billion))
    assert done.code == 0, done.err
    assert "lollol" not in done.out and PARAGRAPHS[0] in done.out

    chain = "&" + "amp;" * 1_000_000  # "&amp;amp;amp;…": one level of escaping undone a round
    escaped = clean(write(tmp_path, "chain.html", page(f"<article>{article}<p>{chain}</p></article>")))
    assert escaped.code == 0, escaped.err
    many = clean(write(tmp_path, "many.txt", ARTICLE + "\n" + "&amp;" * 200_000 + "\n"))
    assert many.code == 0, many.err
    text = clean(write(tmp_path, "chain.txt", ARTICLE + "\n" + chain + "\n"))
    assert text.code == 0, text.err


# Compressed input past its limits.


def bomb(path: Path, size: int, start: bytes = b"") -> Path:
    """A gzip file that expands to ``size`` bytes of one letter after ``start``: one member, repeated (a few MB)."""
    member = gzip.compress(b"a" * (1 << 24), compresslevel=9)
    with open(path, "wb") as out:
        out.write(gzip.compress(start))
        for _ in range(size >> 24):
            out.write(member)
    return path


def test_a_gzip_file_that_expands_to_gigabytes(tmp_path: Path) -> None:
    text = clean(bomb(tmp_path / "bomb.txt.gz", 2 << 30))
    assert text.code == 123
    assert "bomb.txt.gz: " in text.err and ("see max-bytes" in text.err or "see max-gzip-ratio" in text.err)
    assert text.memory < 512, f"{text.memory} MiB to refuse a bomb"
    record = (json.dumps({"id": "first", "text": ARTICLE}) + "\n").encode()
    records = clean(bomb(tmp_path / "bomb.jsonl.gz", 2 << 30, start=record), "-f", "jsonl")
    assert records.code == 123
    assert [json.loads(line)["id"] for line in records.out.splitlines()] == ["first"]
    assert "bomb.jsonl.gz:2: " in records.err
    assert records.memory < 512, f"{records.memory} MiB to refuse a bomb"
