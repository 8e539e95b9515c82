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


SHORT = "Talks go on\n\nThe talks went on for hours on Monday at the town's café, officials said.\n"


@pytest.mark.parametrize(
    "data", [SHORT.encode("utf-8"), bytearray(SHORT.encode("utf-16")), SHORT.encode("cp1252")], ids=["utf-8", "utf-16", "cp1252"]
)
def test_clean_decodes_bytes_as_the_command_decodes_a_file(data, tmp_path):
    from test_cli_support import run

    (tmp_path / "a.txt").write_bytes(bytes(data))
    assert cleaner.clean(data).text == run("clean", tmp_path / "a.txt").out == cleaner.clean(SHORT).text


@pytest.mark.parametrize(
    ("options", "config"),
    [
        ({"typography": True}, Config(typography=True)),
        ({"keep": ["byline"], "typos": False}, Config(keep=["byline"], typos=False)),
        ({"keep": "byline"}, Config(keep=["byline"])),
    ],
)
def test_clean_takes_a_mapping_of_options_as_its_config(options, config):
    assert cleaner.clean(ARTICLE, options).to_dict() == cleaner.clean(ARTICLE, config).to_dict()
    assert cleaner.clean(ARTICLE, options).to_dict() != cleaner.clean(ARTICLE).to_dict()


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda: cleaner.clean(None), TypeError, "clean\\(\\) takes the text as str \\(or bytes\\), not NoneType"),
        (lambda: cleaner.clean(3), TypeError, "not int; for a web page use clean_html"),
        (lambda: cleaner.clean_html(None), TypeError, "clean_html\\(\\) takes the page as str or bytes, not NoneType"),
        (lambda: cleaner.clean_html("<p>x</p>", {"typography": True}), TypeError, "takes the url as str"),
        (lambda: cleaner.clean(ARTICLE, "typography"), TypeError, "config must be a Config or a mapping"),
        (lambda: cleaner.clean(ARTICLE, {"typograpy": True}), ConfigError, "did you mean 'typography'"),
        (lambda: cleaner.clean(b"\x89PNG\r\n\x1a\n\x00\x00IHDR"), Exception, "binary file \\(PNG image\\), not text"),
    ],
)
def test_wrong_arguments_are_clear_errors(call, error, message):
    with pytest.raises(error, match=message):
        call()


@pytest.mark.parametrize(
    ("options", "field", "value"),
    [
        ({"keep": "caption"}, "keep", frozenset({"caption"})),  # a single kind
        ({"keep": ("caption", "byline")}, "keep", frozenset({"caption", "byline"})),
        ({"max_bytes": "10 MB"}, "max_bytes", 10_000_000),  # parsed as the TOML value is
        ({"max_bytes": "64MiB"}, "max_bytes", 64 * 2**20),
        ({"max_bytes": 1000}, "max_bytes", 1000),
        ({"disable": ["fix_typos"]}, "disable", frozenset({"fix_typos"})),
        ({"include": ["*.md"]}, "include", ("*.md",)),
        ({"typos": False}, "typos", False),
    ],
)
def test_config_rows_accepted(options, field, value):
    config = Config(**options)
    assert getattr(config, field) == value
    assert hash(config) == hash(Config(**options)) and config == Config(**options)  # frozen, hashable: tuples inside


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"typos": "no"}, "option 'typos' takes true or false, not 'no'"),
        ({"typography": 1}, "option 'typography' takes true or false, not 1"),
        ({"typograpy": True}, "unknown option 'typograpy' \\(did you mean 'typography'\\?\\)"),
        ({"max_bytes": "ten"}, "option 'max_bytes': a size is a number of bytes"),
        ({"max_bytes": 0}, "max_bytes must be at least 1"),
        ({"keep": 3}, "option 'keep' takes a list of strings, not 3"),
        ({"disable": [1]}, "option 'disable' takes a list of strings"),
        ({"language": "english"}, "language must be a language code"),
    ],
)
def test_config_rows_refused_with_a_config_error(options, message):
    with pytest.raises(ConfigError, match=message):
        Config(**options)


def test_config_of_lists_is_hashable_and_chains_are_cached_by_it():
    from cleaner.cli.work import pipeline_for

    config = Config(disable=["fix_typos"], keep=["caption"], include=["*.txt"])
    assert isinstance(config.disable, frozenset) and isinstance(config.include, tuple)
    assert pipeline_for(config) is pipeline_for(Config(disable=("fix_typos",), keep="caption", include=("*.txt",)))


def test_a_kind_to_keep_is_checked_when_a_chain_is_built():
    with pytest.raises(ConfigError, match="unknown kind 'captoin' \\(did you mean 'caption'\\?\\)"):
        cleaner.clean(ARTICLE, keep="captoin")
