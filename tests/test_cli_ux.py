"""What a new user meets first at the command line: each case works, or fails with one clear line and its exit code."""

from __future__ import annotations

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
