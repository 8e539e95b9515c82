"""The command on a copy of samples/: check, diff, fix, fix again, explain, clean."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

from test_cli_support import NAMES, TTY, copy_samples, expected, run, snapshot


def apply_patch(old: str, diff: str) -> str:
    """Apply a one-file unified diff (as ``patch`` would), to check what ``diff`` prints."""
    lines = old.splitlines(keepends=True)
    out: list[str] = []
    at, previous = 0, ""
    for line in diff.splitlines(keepends=True)[2:]:
        if line.startswith("@@"):
            start = int(re.match(r"@@ -(\d+)", line).group(1))  # type: ignore[union-attr]
            start = start - 1 if start else 0
            out.extend(lines[at:start])
            at = start
        elif line.startswith("\\"):
            if previous in (" ", "+"):
                out[-1] = out[-1].removesuffix("\n")
        elif line.startswith((" ", "-")):
            assert lines[at] in (line[1:], line[1:].removesuffix("\n")), f"context does not match at line {at + 1}"
            if line.startswith(" "):
                out.append(line[1:])
            at += 1
        elif line.startswith("+"):
            out.append(line[1:])
        previous = line[:1]
    out.extend(lines[at:])
    return "".join(out)


def split_diffs(text: str) -> dict[str, str]:
    """One unified diff per file name."""
    parts = re.split(r"(?m)^(?=--- )", text)
    return {part.splitlines()[0][4:]: part for part in parts if part}


def test_check_lists_the_files_that_would_change_and_changes_nothing(tmp_path: Path) -> None:
    samples = copy_samples(tmp_path)
    before = snapshot(samples)
    result = run("check", samples)
    assert result.code == 1
    assert result.out.splitlines() == [str(samples / name) for name in NAMES]
    assert "5 files would be fixed, 5 unchanged, 0 failed" in result.err
    assert snapshot(samples) == before


def test_diff_shows_exactly_what_fix_would_write(tmp_path: Path) -> None:
    samples = copy_samples(tmp_path)
    before = snapshot(samples)
    result = run("diff", samples)
    assert result.code == 1
    diffs = split_diffs(result.out)
    assert sorted(diffs) == [str(samples / name) for name in NAMES]
    assert "\n-By Kamila Aliyeva\n" in diffs[str(samples / NAMES[3])]
    for name in NAMES:
        old = (samples / name).read_text(encoding="utf-8")
        assert apply_patch(old, diffs[str(samples / name)]) == expected(name)
    assert "\x1b[" not in result.out
    assert snapshot(samples) == before


def test_fix_leaves_exactly_the_expected_texts_then_has_nothing_to_do(tmp_path: Path) -> None:
    samples = copy_samples(tmp_path)
    (samples / NAMES[2]).chmod(0o640)
    result = run("fix", samples)
    assert result.code == 1
    for name in NAMES:
        assert (samples / name).read_text(encoding="utf-8") == expected(name)
        assert (samples / "expected" / name).read_text(encoding="utf-8") == expected(name)
        assert f"fixed {samples / name}" in result.err
    assert "5 files fixed, 5 unchanged, 0 failed" in result.err
    assert "blocks removed: related-links 11," in result.err
    assert (samples / NAMES[2]).stat().st_mode & 0o777 == 0o640
    assert not [p for p in samples.rglob("*") if p.name.startswith(".")], "temporary files left behind"

    after = snapshot(samples)
    mtimes = {p: p.stat().st_mtime_ns for p in samples.rglob("*.txt")}
    again = run("fix", samples)
    assert (again.code, "0 files fixed, 10 unchanged, 0 failed") == (0, again.err.strip().splitlines()[-1][9:])
    assert snapshot(samples) == after
    assert {p: p.stat().st_mtime_ns for p in samples.rglob("*.txt")} == mtimes, "an unchanged file was rewritten"
    check = run("check", samples)
    assert (check.code, check.out) == (0, "")
    diff = run("diff", samples)
    assert (diff.code, diff.out) == (0, "")


def test_fix_output_is_what_clean_prints(tmp_path: Path) -> None:
    samples = copy_samples(tmp_path)
    printed = run("clean", samples / NAMES[0])
    assert printed.code == 0 and printed.out == expected(NAMES[0])
    assert "1 document cleaned (1 changed, 0 unchanged), 0 failed" in printed.err


def test_explain_shows_every_block_with_its_kind_and_rule(tmp_path: Path) -> None:
    samples = copy_samples(tmp_path)
    result = run("explain", samples / NAMES[3])
    assert result.code == 0
    rows = result.out.splitlines()
    why = r"[a-z-]+: p \d\.\d\d (?:<|>=) \d\.\d\d[^\n]*? \(round \d\)"  # the row that decided, the model's p, the round
    assert re.search(
        r"^\s+3 - byline\s+byline\s+byline: p 0\.\d\d < 0\.90 \(round 1\)\s+By Kamila Aliyeva$", result.out, re.M
    )
    assert re.search(
        rf"^\s+1 - title\s+title\s+{why}\s+NATO wants to continue political dialogue with Russia$", result.out, re.M
    )
    assert re.search(
        rf"^\s+17 - social\s+share-bar\s+social: {why[9:]}\s+Follow us on Twitter @AzerNewsAz$", result.out, re.M
    )
    assert all(re.search(r"\+ body\s+(?:kept|model-veto): ", row) for row in rows if re.match(r"^\s+\d+ \+ body ", row))
    assert sum(1 for row in rows if re.match(r"^\s+\d+ \+ body ", row)) == 12
    assert re.search(r"^  authors\s+Kamila Aliyeva$", result.out, re.M)
    assert re.search(r"^  date\s+2017-12-06T16:20:00\+04:00$", result.out, re.M)
    assert rows.index("metadata:") < rows.index("fixes: none")
    assert "\x1b[" not in result.out
    assert (samples / NAMES[3]).read_bytes() == (tmp_path.parent / tmp_path.name / "samples" / NAMES[3]).read_bytes()


def test_explain_json_and_the_fixes_it_made(tmp_path: Path) -> None:
    samples = copy_samples(tmp_path)
    result = run("explain", "--format", "json", samples / NAMES[3], samples / NAMES[0])
    assert result.code == 0
    third, first = json.loads(result.out)
    (byline,) = [b for b in third["blocks"] if b["kind"] == "byline"]
    why = byline.pop("why")
    assert byline == {"kind": "byline", "by": "byline", "kept": False, "text": "By Kamila Aliyeva"}
    assert why["row"] == "byline" and why["round"] == 1 and why["prose"] < why["threshold"] == 0.9
    assert all(b["why"]["row"] in ("kept", "model-veto") for b in third["blocks"] if b["kind"] == "body")
    assert third["metadata"]["authors"] == ["Kamila Aliyeva"]
    kept = "".join(b["text"] + "\n\n" for b in third["blocks"] if b["kept"])
    assert kept.rstrip("\n") + "\n" == expected(NAMES[3])
    assert [(f["kind"], f["before"], f["after"]) for f in first["fixes"] if f["before"] == "ANTO"] == [
        ("typo", "ANTO", "NATO")
    ]
    assert all(f["by"] for f in first["fixes"])
    text = run("explain", samples / NAMES[0]).out
    assert re.search(r"^fixes:\n(  .*\n)*  typo  'ANTO' -> 'NATO'  \S+", text, re.M), text


def test_explain_colours_a_terminal_unless_no_color(tmp_path: Path, monkeypatch: object) -> None:
    samples = copy_samples(tmp_path)
    monkeypatch.delenv("NO_COLOR", raising=False)  # type: ignore[attr-defined]
    monkeypatch.setenv("TERM", "xterm")  # type: ignore[attr-defined]
    coloured = run("explain", samples / NAMES[3], stdout=TTY())
    assert "\x1b[31mbyline" in coloured.out
    monkeypatch.setenv("NO_COLOR", "1")  # type: ignore[attr-defined]
    assert "\x1b[" not in run("explain", samples / NAMES[3], stdout=TTY()).out
    assert "\x1b[" in run("explain", "--color", "always", samples / NAMES[3]).out
    plain = run("explain", "--color", "never", samples / NAMES[3], stdout=TTY()).out
    assert "\x1b[" not in plain and "By Kamila Aliyeva" in plain


def test_diff_is_coloured_only_on_a_terminal(tmp_path: Path, monkeypatch: object) -> None:
    samples = copy_samples(tmp_path)
    monkeypatch.delenv("NO_COLOR", raising=False)  # type: ignore[attr-defined]
    monkeypatch.setenv("TERM", "xterm")  # type: ignore[attr-defined]
    result = run("diff", samples / NAMES[3], stdout=TTY())
    assert "\x1b[31m-By Kamila Aliyeva\x1b[0m" in result.out


def test_clean_formats_and_output_folder(tmp_path: Path) -> None:
    samples = copy_samples(tmp_path)
    lines = run("clean", "--format", "jsonl", samples / NAMES[0], samples / NAMES[3]).out.splitlines()
    records = [json.loads(line) for line in lines]
    assert [r["id"] for r in records] == [Path(NAMES[0]).stem, Path(NAMES[3]).stem]
    assert records[1]["text"] == expected(NAMES[3])
    assert list(records[1]) == ["id", "text", "metadata", "removed", "fixes"]
    many = run("clean", "--format", "json", samples / NAMES[0], samples / NAMES[3])
    assert [r["text"] for r in json.loads(many.out)] == [expected(NAMES[0]), expected(NAMES[3])]
    text = run("clean", samples / NAMES[0], samples / NAMES[3]).out
    assert (
        text
        == f"==> {samples / NAMES[0]} <==\n{expected(NAMES[0])}\n==> {samples / NAMES[3]} <==\n{expected(NAMES[3])}"
    )

    out = tmp_path / "out"
    written = run("clean", "-o", out, samples)
    assert written.code == 0 and written.out == ""
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*.txt")) == sorted(
        [*NAMES, *(f"expected/{n}" for n in NAMES)]
    )
    assert (out / NAMES[1]).read_text(encoding="utf-8") == expected(NAMES[1])
    stamp = (out / NAMES[1]).stat().st_mtime_ns
    os.utime(out / NAMES[1], ns=(stamp - 10**9, stamp - 10**9))
    run("clean", "-o", out, samples)
    assert (out / NAMES[1]).stat().st_mtime_ns == stamp - 10**9, "an output that did not change was rewritten"


def test_quiet_and_verbose(tmp_path: Path) -> None:
    samples = copy_samples(tmp_path)
    quiet = run("check", "--quiet", samples)
    assert quiet.code == 1 and quiet.err == "" and len(quiet.out.splitlines()) == 5
    verbose = run("check", "-v", samples)
    assert f"unchanged {samples / 'expected' / NAMES[0]}" in verbose.err
    assert f"would fix {samples / NAMES[0]}" in verbose.err
    fixed = run("fix", "-q", samples)
    assert fixed.code == 1 and fixed.err == ""


def test_usage_errors_exit_2(capsys: object) -> None:
    assert run("frobnicate", "x").code == 2
    assert run("fix").code == 2
    assert run("fix", "--jobs", "0", "x").code == 2
    assert run("--version").code == 0


def test_python_dash_m_runs_the_command_with_worker_processes(tmp_path: Path) -> None:
    import subprocess
    import sys

    from test_cli_support import ROOT

    samples = copy_samples(tmp_path)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "cleaner", "check", "--jobs", "2", str(samples)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    assert done.stdout.splitlines() == [str(samples / name) for name in NAMES]
    assert "Traceback" not in done.stderr
