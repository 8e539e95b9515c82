"""What a new user meets first at the command line: each case works, or fails with one clear line and its exit code."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_cli_support import NAMES, copy_samples, run, snapshot

#: Options under which ``fix`` then ``check`` must find nothing more to do.
OPTIONS = [
    ["--keep", "caption"],  # the README's [tool.cleaner] example
    ["--keep", "title"],
    ["--keep", "byline,caption,related-links"],
    ["--keep", "social,timestamp,dateline", "--typography"],
    ["--no-typos", "--keep", "caption,title,navigation,author-bio"],
    ["--typography", "--no-typos"],
]


@pytest.mark.parametrize("options", OPTIONS, ids=" ".join)
def test_fix_then_check_finds_nothing_to_do_under_any_option(tmp_path: Path, options: list[str]) -> None:
    samples = copy_samples(tmp_path)
    fixed = run("fix", *options, samples)
    assert fixed.code == 1, fixed.err
    assert "failed" not in fixed.err.replace("0 failed", ""), fixed.err
    after = snapshot(samples)
    check = run("check", *options, samples)
    assert (check.code, check.out) == (0, ""), check.err
    assert f"0 files would be fixed, {2 * len(NAMES)} unchanged, 0 failed" in check.err
    assert snapshot(samples) == after


def test_report_to_a_file_works_again_and_makes_its_folder(tmp_path: Path) -> None:
    samples = copy_samples(tmp_path)
    target = tmp_path / "report.html"
    first = run("report", samples, "-o", target)
    again = run("report", samples, "-o", target)
    assert (first.code, again.code) == (0, 0), again.err
    assert target.read_bytes().startswith(b"<!DOCTYPE html>")
    nested = tmp_path / "sub" / "deeper" / "r.html"
    made = run("report", samples, "-o", nested)
    assert made.code == 0 and nested.is_file(), made.err


def test_report_in_the_folder_it_reports_on_does_not_read_itself(tmp_path: Path) -> None:
    samples = copy_samples(tmp_path)
    target = samples / "report.html"
    run("report", samples, "-o", target)
    again = run("report", "-v", samples, "-o", target)
    assert again.code == 0
    assert "report.html" not in again.err.replace(f"wrote {target}", "")


@pytest.mark.parametrize(
    ("output", "said"),
    [
        ("{tmp}", "is a folder; give the report a file name"),
        ("{tmp}/a.txt/r.html", "a.txt is not a folder"),
    ],
)
def test_report_output_that_cannot_be_written_fails_before_any_cleaning(tmp_path: Path, output: str, said: str) -> None:
    samples = copy_samples(tmp_path)
    (tmp_path / "a.txt").write_text("A file.\n", encoding="utf-8")
    result = run("report", samples, "-o", output.format(tmp=tmp_path))
    assert result.code == 2
    assert result.err.count("\n") == 1 and said in result.err
    assert "cleaned" not in result.err


@pytest.mark.parametrize(
    ("argv", "usage", "hint"),
    [
        (["clean", "--typograpy", "x"], "usage: cleaner clean ", "did you mean '--typography'?"),
        (["fix", "--kep=caption", "x"], "usage: cleaner fix ", "did you mean '--keep'?"),
        (["report", "--topp", "3", "x"], "usage: cleaner report ", "did you mean '--top'?"),
        (["check", "--frobnicate", "x"], "usage: cleaner check ", "unrecognized arguments: --frobnicate\n"),
    ],
)
def test_a_mistyped_option_gets_a_did_you_mean_under_its_sub_commands_usage(
    argv: list[str], usage: str, hint: str
) -> None:
    result = run(*argv)
    assert result.code == 2
    assert result.err.startswith(usage)
    last = result.err.splitlines()[-1]
    assert last.startswith(f"cleaner {argv[0]}: error: unrecognized arguments: ")
    assert hint in result.err and hint.strip() in last


@pytest.mark.parametrize("argv", [["--help"], ["fix", "--help"], ["report", "--help"]])
def test_help_lists_every_exit_code(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert run(*argv).code == 0
    shown = " ".join(capsys.readouterr().out.split())
    for code in ("0 nothing to do", "1 files changed", "2 bad usage", "123 an input failed", "130 interrupted", "143 terminated"):
        assert code in shown


@pytest.mark.parametrize(("inputs", "ids"), [([], []), ([0], [0]), ([0, 3], [0, 3]), (["missing", 1], [1])])
def test_json_output_is_one_array_for_any_count(tmp_path: Path, inputs: list[int | str], ids: list[int]) -> None:
    samples = copy_samples(tmp_path)
    empty = tmp_path / "empty"
    empty.mkdir()
    paths = [samples / NAMES[i] if isinstance(i, int) else tmp_path / i for i in inputs] or [empty]
    result = run("clean", "-f", "json", *paths)
    records = json.loads(result.out)
    assert isinstance(records, list)
    assert [r["id"] for r in records] == [Path(NAMES[i]).stem for i in ids]
    explained = json.loads(run("explain", "-f", "json", *paths).out)
    assert [e["source"] for e in explained] == [str(samples / NAMES[i]) for i in ids]
    if not inputs:
        assert result.out == "[]\n"


def _tree(folder: Path, files: int) -> dict[str, bytes]:
    """``files`` copies of the samples, two to a folder; their bytes by path."""
    from test_cli_support import SAMPLES

    sources = sorted(SAMPLES.glob("*.txt"))
    for n in range(files):
        target = folder / f"{n // 2:03}" / f"{n}.txt"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(sources[n % len(sources)].read_bytes())
    return {str(p): p.read_bytes() for p in folder.rglob("*.txt")}


#: When Ctrl-C comes (seconds after the start) and whom it reaches: the process group, as a terminal sends
#: it, or the parent alone. The first moments fall in the imports and while the workers' server warms up.
MOMENTS = [
    ("group", 0.3),
    ("parent", 1.5),
    pytest.param("group", 0.8, marks=pytest.mark.slow),
    pytest.param("group", 1.5, marks=pytest.mark.slow),
    pytest.param("group", 3.0, marks=pytest.mark.slow),
    pytest.param("parent", 0.3, marks=pytest.mark.slow),
    pytest.param("parent", 0.8, marks=pytest.mark.slow),
    pytest.param("parent", 3.0, marks=pytest.mark.slow),
]


@pytest.mark.parametrize(("whom", "after"), MOMENTS)
def test_ctrl_c_at_any_moment_of_fix_ends_in_one_line_and_exit_130(tmp_path: Path, whom: str, after: float) -> None:
    import os
    import signal
    import subprocess
    import sys
    import time

    from test_cli_support import ROOT

    folder = tmp_path / "many"
    before = _tree(folder, 200)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(
        [sys.executable, "-m", "cleaner", "fix", "--jobs", "2", str(folder)],
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        start_new_session=True,
    )
    time.sleep(after)
    if whom == "group":
        os.killpg(process.pid, signal.SIGINT)
    else:
        os.kill(process.pid, signal.SIGINT)
    _, err = process.communicate(timeout=120)
    # A Ctrl-C inside an ``exec`` of the imports (dataclasses make their methods so) leaves CPython to exit
    # by the signal itself, which shells report as 130 too.
    assert process.returncode in (130, -signal.SIGINT), err
    assert err.splitlines()[-1] == "cleaner: interrupted", err
    assert "Traceback" not in err and "Error" not in err, err
    assert not [p for p in folder.rglob("*") if p.name.startswith(".")], "temporary files left behind"
    cleaned = {p: text for p, text in before.items() if Path(p).read_bytes() != text}
    assert all(Path(p).read_text(encoding="utf-8").strip() for p in cleaned)


def test_the_licence_is_an_spdx_expression_that_the_build_backend_reads() -> None:
    """``project.license`` as a table is deprecated (setuptools warns on every build); a string needs setuptools 77."""
    import re
    import tomllib

    from test_cli_support import ROOT

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["license"] == "MIT"
    (backend,) = [r for r in project["build-system"]["requires"] if r.startswith("setuptools")]
    floor = re.fullmatch(r"setuptools>=(\d+)(?:\.\d+)*", backend)
    assert floor is not None and int(floor.group(1)) >= 77


def test_the_summary_counts_blocks_and_removed_holds_runs_of_them(tmp_path: Path) -> None:
    """The summary counts each block removed; ``removed`` merges adjacent blocks of one kind (a line each)."""
    from collections import Counter

    import cleaner

    samples = copy_samples(tmp_path)
    summary = run("check", *(samples / name for name in NAMES)).err.splitlines()[-1]
    counted = dict(pair.rsplit(" ", 1) for pair in summary.removeprefix("cleaner: blocks removed: ").split(", "))
    blocks: Counter[str] = Counter()
    in_runs: Counter[str] = Counter()
    runs = 0
    for name in NAMES:
        result = cleaner.clean((samples / name).read_text(encoding="utf-8"))
        blocks.update(b.kind for b in result.blocks if not b.kept)
        for removal in result.removed:
            in_runs[removal.kind] += removal.text.count("\n") + 1
        runs += len(result.removed)
    assert {kind: int(n) for kind, n in counted.items()} == dict(blocks) == dict(in_runs)
    assert runs < sum(blocks.values()), "the samples have runs of several blocks of one kind"


def test_a_large_single_input_shows_progress_by_bytes_on_a_terminal_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import cleaner.cli.report as reporting
    from test_cli_support import TTY, expected

    samples = copy_samples(tmp_path)
    by_size = sorted(NAMES, key=lambda name: (samples / name).stat().st_size)
    big, little = samples / by_size[-1], samples / by_size[0]
    monkeypatch.setattr(reporting, "BIG", big.stat().st_size)  # this one file is "large"
    monkeypatch.setattr(reporting, "TICK", 0.01)
    err = TTY()
    result = run("clean", big, stderr=err)
    assert result.code == 0 and result.out == expected(big.name), "stdout holds the text, nothing else"
    total = f"{big.stat().st_size / 1024:.2f}kB"
    assert f"0.00B/{total} cleaned [00:00]" in result.err, result.err
    assert result.err.count("\r") > 2, "redrawn while the file is cleaned"
    plain = run("clean", big)  # not a terminal: no bar
    assert plain.out == result.out and "\r" not in plain.err
    small = run("clean", little, stderr=TTY())  # under the size, and few: no bar
    assert "\r" not in small.err
