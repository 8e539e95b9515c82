"""Bad and unusual input: every problem names its file, never a traceback, the other files go on."""

from __future__ import annotations

import dataclasses
import io
import sys
from pathlib import Path

import pytest
from test_cli_support import NAMES, SAMPLES, copy_samples, expected, run

from cleaner.cli import work
from cleaner.cli.inputs import gather, triage
from cleaner.cli.outcome import IGNORED, SKIPPED
from cleaner.config import Config
from cleaner.io.readers import Item

RAW = (SAMPLES / NAMES[3]).read_text(encoding="utf-8")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A folder with one raw article that needs fixing."""
    target = tmp_path / "data"
    target.mkdir()
    (target / "article.txt").write_text(RAW, encoding="utf-8")
    return target


def assert_fixed(folder: Path) -> None:
    assert (folder / "article.txt").read_text(encoding="utf-8") == expected(NAMES[3])


def test_binary_file_in_a_folder_is_skipped_with_a_note(folder: Path) -> None:
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    result = run("fix", folder)
    assert result.code == 1, result.err
    assert f"skipped {folder / 'image.txt'}: binary file" in result.err
    assert "1 file fixed, 0 unchanged, 0 failed, 1 skipped" in result.err
    assert (folder / "image.txt").read_bytes().startswith(b"\x89PNG")
    assert_fixed(folder)
    assert run("check", folder).code == 0


def test_a_named_binary_file_is_an_error(folder: Path) -> None:
    (folder / "image.txt").write_bytes(b"\x00\x01\x02")
    result = run("fix", folder / "image.txt", folder / "article.txt")
    assert result.code == 123
    assert f"cleaner: {folder / 'image.txt'}: binary file (NUL bytes), not text" in result.err
    assert "Traceback" not in result.err
    assert_fixed(folder)


def test_undecodable_file_fails_and_the_others_go_on(folder: Path) -> None:
    broken = folder / "broken.txt"
    broken.write_bytes(b"\xff\xfeA\x00B")  # a UTF-16 byte-order mark, then half a character
    result = run("fix", folder)
    assert result.code == 123
    assert f"cleaner: {broken}: broken utf-16 text" in result.err
    assert "Traceback" not in result.err
    assert broken.read_bytes() == b"\xff\xfeA\x00B"
    assert_fixed(folder)


def test_missing_path_fails_and_the_others_go_on(folder: Path) -> None:
    missing = folder / "nope.txt"
    for command in ("fix", "check", "diff", "clean", "explain"):
        result = run(command, missing, folder / "article.txt")
        assert result.code == 123, command
        assert f"cleaner: {missing}: no such file or folder" in result.err
    assert_fixed(folder)


def test_empty_file_is_left_alone(folder: Path) -> None:
    empty = folder / "empty.txt"
    empty.write_bytes(b"")
    assert run("check", empty).code == 0
    result = run("fix", empty)
    assert (result.code, empty.read_bytes()) == (0, b"")
    assert "0 files fixed, 1 unchanged, 0 failed" in result.err


def test_fix_never_writes_an_empty_result(folder: Path) -> None:
    chrome = folder / "chrome.txt"
    chrome.write_text("Share on Facebook\n\nFollow us on Twitter @example\n", encoding="utf-8")
    before = chrome.read_bytes()
    result = run("fix", folder)
    assert result.code == 123
    assert f"cleaner: {chrome}: cleans to nothing; left as it is" in result.err
    assert chrome.read_bytes() == before
    assert_fixed(folder)
    check = run("check", chrome)
    assert check.code == 123 and check.out == ""


def test_fix_refuses_text_that_a_second_cleaning_would_change(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = work.clean_item

    def unstable(item: Item, config: Config):  # type: ignore[no-untyped-def]
        result = real(item, config)  # a cleaner that adds a line every time: never stable
        return dataclasses.replace(result, text=(item.text or "") + "One more line.\n")

    monkeypatch.setattr(work, "clean_item", unstable)
    result = run("fix", "--jobs", "1", folder)
    assert result.code == 123
    assert f"{folder / 'article.txt'}: a second cleaning would change it again; left as it is" in result.err
    assert (folder / "article.txt").read_text(encoding="utf-8") == RAW


def test_an_internal_error_names_the_file_without_a_traceback(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (folder / "second.txt").write_text(RAW, encoding="utf-8")
    real = work.clean_item

    def flaky(item: Item, config: Config):  # type: ignore[no-untyped-def]
        if item.source.endswith("article.txt"):
            raise RuntimeError("a classifier broke")
        return real(item, config)

    monkeypatch.setattr(work, "clean_item", flaky)
    result = run("fix", "--jobs", "1", folder)
    assert result.code == 123
    assert f"cleaner: {folder / 'article.txt'}: internal error (RuntimeError: a classifier broke)" in result.err
    assert "Traceback" not in result.err
    assert (folder / "second.txt").read_text(encoding="utf-8") == expected(NAMES[3])
    assert "Traceback" in run("check", "-v", "--jobs", "1", folder).err


def test_symlinks_never_loop_and_a_file_is_fixed_once(folder: Path) -> None:
    (folder / "sub").mkdir()
    (folder / "sub" / "up").symlink_to(folder, target_is_directory=True)
    (folder / "alias.txt").symlink_to(folder / "article.txt")
    result = run("fix", "-v", folder, folder / "article.txt")
    assert result.code == 1
    assert "1 file fixed, 0 unchanged, 0 failed" in result.err
    assert "ignored" in result.err and "the same file as" in result.err
    assert (folder / "alias.txt").is_symlink()
    assert_fixed(folder)


def test_fix_writes_through_a_symlink_and_keeps_it(tmp_path: Path, folder: Path) -> None:
    link = tmp_path / "link.txt"
    link.symlink_to(folder / "article.txt")
    assert run("fix", link).code == 1
    assert link.is_symlink()
    assert_fixed(folder)


def test_include_and_exclude_in_folders(tmp_path: Path) -> None:
    samples = copy_samples(tmp_path)
    result = run("check", "--exclude", "expected", "--exclude", NAMES[0], samples)
    assert result.out.splitlines() == [str(samples / n) for n in NAMES[1:]]
    assert "4 files would be fixed, 0 unchanged" in result.err
    (samples / "notes.text").write_text(RAW, encoding="utf-8")
    only = run("check", "--include", "*.text", samples)
    assert only.out.splitlines() == [str(samples / "notes.text")]


def test_filter_files_applies_the_globs_to_named_files(folder: Path) -> None:
    readme = folder / "README.md"
    readme.write_text("# Notes\n\nBy the end of 2017, NATO had grown.\n\nShare on Facebook\n", encoding="utf-8")
    before = readme.read_bytes()
    result = run("fix", "--filter-files", readme, folder / "article.txt")
    assert result.code == 1
    assert readme.read_bytes() == before
    assert_fixed(folder)
    assert "1 file fixed, 0 unchanged, 0 failed" in result.err
    assert (
        run("check", "--filter-files", "--exclude", "data/*", folder / "article.txt")
        .err.strip()
        .endswith("no input matched")
    )
    assert run("check", readme).code == 1, "without --filter-files a named file is always taken"


def test_nothing_to_do_is_said(tmp_path: Path) -> None:
    result = run("fix", tmp_path)
    assert result.code == 0
    assert "nothing to do" in result.err


def test_stdin_is_skipped_by_fix_and_cleaned_by_clean(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(RAW.encode())))
    result = run("fix", "-")
    assert result.code == 0
    assert "skipped <stdin>: fix, check and diff only rewrite whole plain-text files" in result.err
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(RAW.encode())))
    assert run("clean", "-").out == expected(NAMES[3])


def test_records_inside_a_file_are_skipped_with_one_note() -> None:
    seen: dict[str, str] = {}
    noted: set[str] = set()
    records = [Item(f"feed.jsonl:{n}", f"r{n}", text="Text.", path=Path("feed.jsonl")) for n in (1, 2, 3)]
    outcomes = [triage(r, False, True, seen, noted) for r in records]
    assert [o.status for o in outcomes] == [SKIPPED, IGNORED, IGNORED]  # type: ignore[union-attr]
    assert outcomes[0].source == "feed.jsonl"  # type: ignore[union-attr]
    assert [triage(r, False, False, seen, noted) for r in records] == records


def test_check_passes_over_record_files_without_reading_their_errors(tmp_path: Path) -> None:
    (tmp_path / "feed.jsonl").write_text('{"id": "a", "text": "Text."}\nnot json\n{"id": "c"}\n', encoding="utf-8")
    result = run("check", tmp_path)
    assert result.code == 0
    assert "skipped" in result.err and "feed.jsonl" in result.err
    assert "not valid JSON" not in result.err and "no 'text' field" not in result.err
    assert run("clean", tmp_path).code == 123, "clean reads the records and reports the bad ones"


def test_folders_are_read_in_a_stable_order(tmp_path: Path) -> None:
    samples = copy_samples(tmp_path)
    sources = [w.source for w in gather([str(samples)], Config())]
    assert sources == [*(str(samples / n) for n in NAMES), *(str(samples / "expected" / n) for n in NAMES)]
