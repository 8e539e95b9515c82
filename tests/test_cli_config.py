"""Options from [tool.cleaner] in pyproject.toml or --config FILE, overridden by flags."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import pytest
from test_cli_support import NAMES, ROOT, SAMPLES, copy_samples, expected, run, snapshot

from cleaner.config import Config

RAW = (SAMPLES / NAMES[3]).read_text(encoding="utf-8")
CURLY = "“We will also look at other areas"


def project(tmp_path: Path, table: str) -> Path:
    """A project folder whose pyproject.toml has ``table``, with the raw sample 003 in data/."""
    (tmp_path / "pyproject.toml").write_text(f"[project]\nname = 'x'\n\n[tool.cleaner]\n{table}\n", encoding="utf-8")
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "a.txt").write_text(RAW, encoding="utf-8")
    return tmp_path / "data" / "a.txt"


def test_pyproject_near_the_files_is_read(tmp_path: Path) -> None:
    article = project(tmp_path, 'keep = ["byline"]\ntypography = true')
    assert run("fix", article).code == 1
    text = article.read_text(encoding="utf-8")
    assert text.startswith("By Kamila Aliyeva\n\nNATO would like")
    assert CURLY in text


def test_flags_override_the_config(tmp_path: Path) -> None:
    article = project(tmp_path, 'keep = ["byline"]\ntypography = true')
    result = run("fix", "--keep", "title", "--no-typography", article)
    assert result.code == 1
    text = article.read_text(encoding="utf-8")
    assert text.startswith("NATO wants to continue political dialogue with Russia\n\nNATO would like")
    assert "By Kamila Aliyeva" not in text and CURLY not in text


def test_unknown_key_names_the_file_and_exits_2(tmp_path: Path) -> None:
    article = project(tmp_path, "typograpy = true")
    result = run("fix", article)
    assert result.code == 2
    assert (
        result.err
        == f"cleaner: {tmp_path / 'pyproject.toml'}: unknown option 'typograpy' (did you mean 'typography'?)\n"
    )
    assert article.read_text(encoding="utf-8") == RAW


def test_bad_values_and_files_exit_2_with_a_clear_message(tmp_path: Path) -> None:
    article = project(tmp_path, 'typography = "yes"')
    result = run("check", article)
    assert (result.code, result.err) == (
        2,
        f"cleaner: {tmp_path / 'pyproject.toml'}: option 'typography' takes true or false, not 'yes'\n",
    )
    missing = run("check", "--config", tmp_path / "nope.toml", article)
    assert missing.code == 2 and f"cleaner: {tmp_path / 'nope.toml'}: cannot read config" in missing.err
    (tmp_path / "broken.toml").write_text("keep = [", encoding="utf-8")
    broken = run("check", "--config", tmp_path / "broken.toml", article)
    assert broken.code == 2 and broken.err.startswith(f"cleaner: {tmp_path / 'broken.toml'}: ")
    (tmp_path / "pyproject.toml").write_text("[tool.cleaner]\n", encoding="utf-8")
    step = run("check", "--disable", "strip_everything", article)
    assert step.code == 2 and "strip_everything" in step.err
    assert "Traceback" not in result.err + missing.err + broken.err + step.err


def test_config_file_given_with_config(tmp_path: Path) -> None:
    article = project(tmp_path, 'keep = ["byline"]')
    (tmp_path / "other.toml").write_text('keep = ["timestamp"]\n', encoding="utf-8")
    assert run("fix", "--config", tmp_path / "other.toml", article).code == 1
    assert article.read_text(encoding="utf-8").startswith("6 December 2017 16:20 (UTC+04:00)\n\nNATO would like")


def test_include_exclude_and_disable_from_config(tmp_path: Path) -> None:
    samples = copy_samples(tmp_path)
    (tmp_path / "pyproject.toml").write_text(
        '[tool.cleaner]\ninclude = ["0*.txt"]\nexclude = ["expected", "001_*"]\ndisable = ["fix_typos"]\n',
        encoding="utf-8",
    )
    before = snapshot(samples / "expected")
    result = run("fix", samples)
    assert result.code == 1
    assert "4 files fixed, 0 unchanged, 0 failed" in result.err
    assert (samples / NAMES[1]).read_text(encoding="utf-8") == (SAMPLES / NAMES[1]).read_text(encoding="utf-8")
    assert "ANTO and Russia" in (samples / NAMES[0]).read_text(encoding="utf-8"), "typo repair was switched off"
    assert (samples / NAMES[3]).read_text(encoding="utf-8") == expected(NAMES[3])
    assert snapshot(samples / "expected") == before


def test_language_hint(tmp_path: Path) -> None:
    short = tmp_path / "short.txt"
    short.write_text("Kurz gesagt.\n", encoding="utf-8")
    (found,) = json.loads(run("explain", "--format", "json", "--language", "de", short).out)
    assert found["metadata"]["language"] == "de"
    assert json.loads(run("explain", "--format", "json", short).out)[0]["metadata"]["language"] is None


@pytest.mark.parametrize("page", ["README.md", "docs/command.md"])
def test_the_command_line_section_documents_every_command_option_and_exit_code(page: str) -> None:
    """The README's section in brief and the docs' page in full: the sub-commands, the exit codes, the options,
    the hook; the page also every key of ``[tool.cleaner]``."""
    readme = (ROOT / page).read_text(encoding="utf-8")
    for command in ("clean", "fix", "check", "diff", "explain", "report"):
        assert re.search(rf"`cleaner {command}\b", readme), command
    if page.startswith("docs/"):
        for field in dataclasses.fields(Config):
            assert f"`{field.name.replace('_', '-')}`" in readme or f"`{field.name}`" in readme, field.name
    for code in ("0", "1", "2", "123", "130", "143"):
        assert re.search(rf"^\| `?{code}`? +\|", readme, re.M), code
    for option in ("--jobs", "--quiet", "--verbose", "--filter-files", "--config", "--format", "--color", "NO_COLOR"):
        assert option in readme, option
    assert "cleaner-fix" in readme and ".pre-commit-config.yaml" in readme
