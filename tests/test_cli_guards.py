"""Options that are wrong, outputs that would read or overwrite the inputs, and runs that are interrupted."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from test_cli_support import NAMES, ROOT, SAMPLES, copy_samples, expected, run, snapshot

import cleaner
from cleaner.cli import work
from cleaner.config import Config, ConfigError
from cleaner.io.readers import Item
from cleaner.io.write import write_atomic
from cleaner.meta import language

RAW = (SAMPLES / NAMES[3]).read_text(encoding="utf-8")


# -o DIR: never reads its own output, never overwrites an input.


def test_an_output_folder_inside_the_input_tree_is_not_read_back(tmp_path: Path) -> None:
    samples = copy_samples(tmp_path)
    out = samples / "out"
    first = run("clean", samples, "-o", out)
    assert first.code == 0, first.err
    written = snapshot(out)
    assert sorted(written) == sorted([*NAMES, *(f"expected/{n}" for n in NAMES)])
    second = run("clean", "-v", samples, "-o", out)
    assert second.code == 0, second.err
    assert "10 documents cleaned" in second.err, "the second run read its own output"
    assert str(out / NAMES[0]) not in second.err
    assert not (out / "out").exists()
    assert snapshot(out) == written


def test_an_output_folder_that_is_an_input_folder_is_refused(tmp_path: Path) -> None:
    samples = copy_samples(tmp_path)
    before = snapshot(samples)
    for out in (samples, samples / ".." / samples.name):
        result = run("clean", samples, "-o", out)
        assert result.code == 2
        assert result.err == (
            f"cleaner: -o {out}: the output folder is an input folder, so outputs would overwrite inputs "
            "(choose another folder)\n"
        )
    assert snapshot(samples) == before


def test_an_output_that_would_land_on_an_input_fails_that_input(tmp_path: Path) -> None:
    samples = copy_samples(tmp_path)
    before = snapshot(samples)
    named = run("clean", samples / NAMES[0], samples / NAMES[1], "-o", samples)
    assert named.code == 123
    assert f"cleaner: {samples / NAMES[0]}: its output would overwrite the input itself" in named.err
    assert snapshot(samples) == before
    # Outputs mirrored from a folder into the folder above it would land among the inputs of the folder.
    (samples / "sub" / "sub").mkdir(parents=True)
    (samples / "sub" / "sub" / "a.txt").write_text(RAW, encoding="utf-8")
    (samples / "sub" / "a.txt").write_text(RAW, encoding="utf-8")
    nested = run("clean", samples / "sub", "-o", samples)
    assert nested.code == 123
    assert "would be written among the inputs" in nested.err
    assert (samples / "sub" / "a.txt").read_text(encoding="utf-8") == RAW
    as_json = run("clean", "-f", "json", samples / NAMES[0], "-o", samples)
    assert as_json.code == 0, "an output beside its input, under another name, is fine"
    assert json.loads((samples / NAMES[0]).with_suffix(".json").read_text(encoding="utf-8"))["text"] == expected(
        NAMES[0]
    )


def test_an_output_that_is_a_file_is_refused(tmp_path: Path) -> None:
    samples = copy_samples(tmp_path)
    result = run("clean", samples, "-o", samples / NAMES[0])
    assert (result.code, result.err) == (2, f"cleaner: -o {samples / NAMES[0]}: not a folder\n")


def test_new_outputs_get_the_umask_mode_not_a_private_one(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(RAW, encoding="utf-8")
    (tmp_path / "in" / "b.jsonl").write_text(json.dumps({"id": "b", "text": RAW}) + "\n", encoding="utf-8")
    old = os.umask(0o022)
    try:
        assert run("clean", tmp_path / "in", "-o", tmp_path / "out").code == 0
    finally:
        os.umask(old)
    for name in ("a.txt", "b.txt"):
        assert (tmp_path / "out" / name).stat().st_mode & 0o777 == 0o644, name


# Options: language codes, broken config files, unknown steps.


@pytest.mark.parametrize("bad", ["english", "English", "e", "eng", "xx", "en-", "12", "en_US_POSIX"])
def test_language_must_be_a_language_code(tmp_path: Path, bad: str) -> None:
    article = tmp_path / "a.txt"
    article.write_text(RAW, encoding="utf-8")
    result = run("fix", "--language", bad, article)
    assert result.code == 2
    assert result.err == (
        f"cleaner: command line: language must be a language code (ISO 639-1, such as 'en' or 'pt-br'), not {bad!r}\n"
    )
    assert article.read_text(encoding="utf-8") == RAW
    with pytest.raises(ConfigError, match="language must be a language code"):
        Config(language=bad)
    with pytest.raises(ConfigError, match="language must be a language code"):
        cleaner.clean(RAW, language=bad)


@pytest.mark.parametrize(("code", "written"), [("en", "en"), ("DE", "de"), ("pt-BR", "pt-br"), ("zh_TW", "zh-tw")])
def test_language_codes_are_taken_and_written_in_lower_case(code: str, written: str) -> None:
    assert Config(language=code).language == written
    assert cleaner.clean("Kurz.", language=code).metadata["language"] == written


@pytest.mark.parametrize("verbose", [[], ["-v"]])
def test_a_pyproject_that_does_not_parse_is_an_error_naming_it(tmp_path: Path, verbose: list[str]) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.cleaner\nkeep = [\n", encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text(RAW, encoding="utf-8")
    result = run("fix", *verbose, article)
    assert result.code == 2
    assert result.err.startswith(f"cleaner: {tmp_path / 'pyproject.toml'}: not valid TOML (")
    assert "line 1" in result.err and result.err.count("\n") == 1
    assert article.read_text(encoding="utf-8") == RAW


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"[tool]\ncleaner = 5\n", "[tool.cleaner] must be a table"),
        (b"[tool.cleaner]\nkeep = '\xff'\n", "not valid TOML"),
    ],
)
def test_config_tables_of_the_wrong_shape(tmp_path: Path, content: bytes, message: str) -> None:
    (tmp_path / "pyproject.toml").write_bytes(content)
    article = tmp_path / "a.txt"
    article.write_text(RAW, encoding="utf-8")
    result = run("check", article)
    assert result.code == 2
    assert result.err.startswith(f"cleaner: {tmp_path / 'pyproject.toml'}: {message}"), result.err
    config_file = tmp_path / "options.toml"
    config_file.write_bytes(content)
    assert run("check", "--config", config_file, article).code == 2
    config_file.write_bytes(b"tool = 5\n")
    assert run("check", "--config", config_file, article).err == f"cleaner: {config_file}: [tool] must be a table\n"


def test_an_unknown_step_gets_a_did_you_mean(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(RAW, encoding="utf-8")
    result = run("fix", "--disable", "fix_typo", article)
    assert result.code == 2
    assert result.err.startswith(
        "cleaner: command line: cannot disable unknown step 'fix_typo' (did you mean 'fix_typos'?); "
    )
    assert "the steps are " in result.err and "peel_tail" in result.err
    (tmp_path / "pyproject.toml").write_text('[tool.cleaner]\ndisable = ["peel-tail"]\n', encoding="utf-8")
    from_file = run("fix", article).err
    assert from_file.startswith(f"cleaner: {tmp_path / 'pyproject.toml'}: cannot disable unknown step 'peel-tail'")
    assert "(did you mean 'peel_tail'?)" in from_file
    with pytest.raises(ConfigError, match=r"did you mean 'scan_middle'"):
        cleaner.clean(RAW, disable=["scan_midle"])
    assert article.read_text(encoding="utf-8") == RAW


def test_sizes_in_options(tmp_path: Path) -> None:
    assert Config.from_mapping({"max-bytes": "2 MB"}).max_bytes == 2_000_000
    for bad in ("lots", "-1", "1.5 MiB"):
        with pytest.raises(ConfigError, match="max_bytes"):
            Config.from_mapping({"max-bytes": bad})
    for bad in ({"max_bytes": 0}, {"max_gzip_ratio": 0}):
        with pytest.raises(ConfigError, match="at least 1"):
            Config(**bad)
    assert run("clean", "--max-bytes", "lots", tmp_path).code == 2
    assert run("clean", "--max-gzip-ratio", "0", tmp_path).code == 2


# Interrupted runs.


def test_ctrl_c_in_a_single_file_run_says_interrupted_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    article = tmp_path / "a.txt"
    article.write_text(RAW, encoding="utf-8")

    def interrupted(item: Item, config: Config):  # type: ignore[no-untyped-def]
        raise KeyboardInterrupt

    monkeypatch.setattr(work, "clean_item", interrupted)
    monkeypatch.setattr("cleaner.cli.explain.clean_item", interrupted)
    for command in ("clean", "fix", "explain"):
        result = run(command, "--jobs", "1", article)
        assert (result.code, result.err) == (130, "cleaner: interrupted\n"), command
    assert article.read_text(encoding="utf-8") == RAW


def test_ctrl_c_after_some_files_says_what_was_done(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    samples = copy_samples(tmp_path)
    real, calls = work.clean_item, []

    def interrupted(item: Item, config: Config, templates=None):  # type: ignore[no-untyped-def]
        calls.append(item.source)
        if len(calls) == 3:
            raise KeyboardInterrupt
        return real(item, config, templates)

    monkeypatch.setattr(work, "clean_item", interrupted)
    result = run("fix", "--jobs", "1", samples)
    assert result.code == 130
    assert result.err.splitlines()[-1] == "cleaner: interrupted"
    assert "nothing to do" not in result.err
    assert "files fixed" in result.err or "file fixed" in result.err
    assert not list(samples.rglob(".*.tmp"))


def test_an_interrupted_record_file_output_is_not_put_in_place_half_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    feed = tmp_path / "in" / "feed.jsonl"
    feed.parent.mkdir()
    feed.write_text("".join(json.dumps({"id": f"r{n}", "text": RAW}) + "\n" for n in range(6)), encoding="utf-8")
    out = tmp_path / "out"
    assert run("clean", "-f", "jsonl", feed.parent, "-o", out).code == 0
    whole = (out / "feed.jsonl").read_bytes()
    (out / "feed.jsonl").write_bytes(b"an older output\n")
    real, calls = work.clean_item, []

    def interrupted(item: Item, config: Config, templates=None):  # type: ignore[no-untyped-def]
        calls.append(item.source)
        if len(calls) == 4:
            raise KeyboardInterrupt
        return real(item, config, templates)

    monkeypatch.setattr(work, "clean_item", interrupted)
    result = run("clean", "--jobs", "1", "-f", "jsonl", feed.parent, "-o", out)
    assert result.code == 130
    assert (out / "feed.jsonl").read_bytes() == b"an older output\n", "a half-written output replaced the old one"
    assert [p.name for p in out.iterdir()] == ["feed.jsonl"], "a temporary file was left behind"
    monkeypatch.setattr(work, "clean_item", real)
    assert run("clean", "-f", "jsonl", feed.parent, "-o", out).code == 0
    assert (out / "feed.jsonl").read_bytes() == whole


#: Enough files that a signal sent once the first output is written always comes before the last.
FILES = 1500


def slow_input(tmp_path: Path) -> Path:
    """A tree of enough files that cleaning them takes several seconds (one a folder: no site templates)."""
    folder = tmp_path / "many"
    for n in range(FILES):
        (folder / f"{n:03}").mkdir(parents=True)
        (folder / f"{n:03}" / "a.txt").write_text(RAW, encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    ("signum", "code", "said"), [(signal.SIGINT, 130, "interrupted"), (signal.SIGTERM, 143, "terminated")]
)
def test_a_real_signal_stops_the_run_cleanly(tmp_path: Path, signum: int, code: int, said: str) -> None:
    folder = slow_input(tmp_path)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(
        [sys.executable, "-m", "cleaner", "clean", "--jobs", "1", "-o", str(tmp_path / "out"), str(folder)],
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:  # until the first output is written
        if (tmp_path / "out").exists() and any((tmp_path / "out").rglob("*.txt")):
            break
        time.sleep(0.05)
    process.send_signal(signum)
    _, err = process.communicate(timeout=60)
    assert process.returncode == code, err
    assert err.splitlines()[-1] == f"cleaner: {said}"
    assert "Traceback" not in err and "nothing to do" not in err
    outputs = list((tmp_path / "out").rglob("*.txt"))
    assert 0 < len(outputs) < FILES, "the signal came too late to test anything"
    assert all(p.read_text(encoding="utf-8") == expected(NAMES[3]) for p in outputs), "an output was written half"
    assert not list((tmp_path / "out").rglob(".*.tmp"))


def test_an_interrupt_in_the_middle_of_a_write_waits_for_the_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C while a file is written: the file is written whole, then the run stops; no temporary file stays."""
    real_fsync = os.fsync

    def interrupted(fd: int) -> None:
        os.kill(os.getpid(), signal.SIGINT)  # held until the write is done
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", interrupted)
    target = tmp_path / "a.txt"
    done = threading.Event()
    other = threading.Thread(target=done.wait)  # the signal may reach another thread (a pool's, in a run)
    other.start()
    try:
        with pytest.raises(KeyboardInterrupt):
            write_atomic(target, "Whole.\n")
    finally:
        done.set()
        other.join()
    assert target.read_text(encoding="utf-8") == "Whole.\n"
    assert not list(tmp_path.glob(".*.tmp"))


# Language detection: a first load of langdetect's profiles that is interrupted does not break detection.


ENGLISH = "The quick brown fox jumps over the lazy dog while the cat watches from the wall of the old garden."


@pytest.mark.parametrize("stop", [KeyboardInterrupt, TimeoutError])
def test_an_interrupted_profile_load_leaves_detection_working(monkeypatch: pytest.MonkeyPatch, stop: type) -> None:
    from langdetect import DetectorFactory

    monkeypatch.setattr(language, "_FACTORY", None)
    real, added = DetectorFactory.add_profile, []

    def cut_short(self, profile, index, size):  # type: ignore[no-untyped-def]
        added.append(index)
        if len(added) == 20:
            raise stop
        return real(self, profile, index, size)

    monkeypatch.setattr(DetectorFactory, "add_profile", cut_short)
    with pytest.raises(stop):  # as itself, not as langdetect's "profile format error"
        language.guess(ENGLISH, "langdetect")
    assert language._FACTORY is None, "half-loaded profiles were kept"
    assert language.guess(ENGLISH, "langdetect")[0] == "en"
    assert cleaner.clean(ENGLISH, language_detector="langdetect").metadata["language"] == "en"


def test_a_timer_interrupt_at_any_moment_of_the_load(monkeypatch: pytest.MonkeyPatch) -> None:
    """A real signal, raised wherever the loading happens to be (in langdetect's code too)."""

    def alarm(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGALRM, alarm)
    interrupted = 0
    try:
        for delay in (0.1, 0.03, 0.01, 0.003, 0.001):
            monkeypatch.setattr(language, "_FACTORY", None)
            signal.setitimer(signal.ITIMER_REAL, delay)
            try:
                language.guess(ENGLISH, "langdetect")
                signal.setitimer(signal.ITIMER_REAL, 0)
            except KeyboardInterrupt:
                interrupted += 1
            assert language.guess(ENGLISH, "langdetect")[0] == "en", delay
            if interrupted == 2:
                break
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    assert interrupted, "no load was ever interrupted: the test tested nothing"
