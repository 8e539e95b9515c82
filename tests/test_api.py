"""The public API: clean(), Result, Pipeline and Config, as other tools call them."""

from __future__ import annotations

import dataclasses

import pytest

import cleaner
from cleaner import Block, Config, ConfigError, Document, Pipeline, default_pipeline

ARTICLE = (
    "Talks go on in Brussels\n\nBy Jane Doe\n\n"
    "The talks went on for hours on Monday, officials said.\n\n"
    "\u201cWe will keep talking,\u201d the minister said.\n\n"
    "Follow us on Twitter @example\n"
)


def test_clean_returns_text_metadata_removed_fixes():
    result = cleaner.clean(ARTICLE)
    assert result.text == (
        'The talks went on for hours on Monday, officials said.\n\n"We will keep talking," the minister said.\n'
    )
    assert isinstance(result.metadata, dict)
    assert [(r.kind, r.text) for r in result.removed] == [
        ("title", "Talks go on in Brussels"),
        ("byline", "By Jane Doe"),
        ("social", "Follow us on Twitter @example"),
    ]
    assert result.fixes == ()


def test_empty_and_all_chrome_inputs_give_empty_text():
    assert cleaner.clean("").text == ""
    assert cleaner.clean("\n \n\t").text == ""
    assert cleaner.clean("Follow us on Twitter").text == ""


def test_options_override_config():
    assert "\u201c" in cleaner.clean(ARTICLE, typography=True).text
    assert "\u201c" in cleaner.clean(ARTICLE, Config(typography=True)).text
    assert "\u201c" not in cleaner.clean(ARTICLE, Config(typography=True), typography=False).text


def test_keep_kinds_stay_in_the_text():
    result = cleaner.clean(ARTICLE, keep=["byline"])
    assert result.text.startswith("By Jane Doe\n\n")
    assert "byline" not in [r.kind for r in result.removed]
    assert result.metadata["authors"] == ["Jane Doe"]


def test_unknown_option_is_a_clear_error():
    with pytest.raises(ConfigError, match="did you mean 'typography'"):
        cleaner.clean("text", typograhpy=True)
    with pytest.raises(ConfigError, match="true or false"):
        cleaner.clean("text", typos="yes")


def test_disable_a_step_by_config():
    text = "The talks went on for hours on Monday, officials said.\n\nFollow us on Twitter\n"
    assert cleaner.clean(text, disable=["peel_tail", "scan_middle"]).text == text
    assert cleaner.clean(text).text == "The talks went on for hours on Monday, officials said.\n"
    with pytest.raises(ConfigError, match="unknown step"):
        cleaner.clean(text, disable=["no_such_step"])


def test_pipeline_add_drop_replace_steps():
    def shout(doc: Document) -> Document:
        return doc.with_blocks(dataclasses.replace(b, text=b.text.upper()) if b.kept else b for b in doc.blocks)

    base = default_pipeline()
    assert "SAID" in base.append(shout).clean(ARTICLE).text
    assert base.insert_after("split_blocks", shout).clean(ARTICLE).text.isupper()
    assert "strip_chrome" not in base.without("strip_chrome").names
    assert "Follow us" in base.without("strip_chrome").clean(ARTICLE).text
    replaced = base.replace("fix_typos", shout)
    assert replaced.names.index("shout") == base.names.index("fix_typos")
    with pytest.raises(KeyError, match="no step named"):
        base.without("nope")


def test_a_pipeline_of_plain_functions_runs():
    def keep_first(doc: Document) -> Document:
        return doc.with_blocks([Block(doc.blocks[0].text)] if doc.blocks else [])

    assert Pipeline((keep_first,)).clean("A line.").text == "A line.\n"


def test_config_from_pyproject(tmp_path):
    path = tmp_path / "pyproject.toml"
    path.write_text('[tool.cleaner]\ntypography = true\nkeep = ["caption"]\nexclude = ["drafts/*"]\n')
    config = Config.from_pyproject(path)
    assert config.typography and config.keep == frozenset({"caption"}) and config.exclude == ("drafts/*",)
    path.write_text("[tool.cleaner]\nkep = []\n")
    with pytest.raises(ConfigError, match=r"pyproject.toml: unknown option 'kep' \(did you mean 'keep'\?\)"):
        Config.from_pyproject(path)


def test_find_pyproject_walks_up(tmp_path):
    from cleaner.config import find_pyproject

    (tmp_path / "pyproject.toml").write_text("[tool.cleaner]\n")
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    assert find_pyproject(deep) == tmp_path / "pyproject.toml"


def test_result_blocks_label_every_piece():
    result = cleaner.clean(ARTICLE)
    assert [b.kind for b in result.blocks] == ["title", "byline", "body", "body", "social"]
    assert all(b.by for b in result.blocks if not b.kept)


def test_mojibake_is_repaired_and_logged():
    result = cleaner.clean("The caf\u00c3\u00a9 opened on Monday, its owner said.")
    assert result.text == "The café opened on Monday, its owner said.\n"
    assert [(f.kind, f.before, f.after) for f in result.fixes] == [("mojibake", "cafÃ©", "café")]


def test_short_text_gets_no_language():
    assert cleaner.clean("Hello there.").metadata["language"] is None
    assert cleaner.clean("Hello there.", language="en").metadata["language"] == "en"
