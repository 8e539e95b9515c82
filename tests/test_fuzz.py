"""Fuzzing with Hypothesis: raw bytes (decoded, then cleaned), HTML fragments, Config values, command lines.

Every property says the same thing in its own place: bad input is refused with
the project's own error (:class:`InputError`, :class:`ConfigError`, an exit
code), never with another exception, and good input comes out well formed.
The default profile runs a few hundred examples a property; before a release,
run the long hunt (``HYPOTHESIS_PROFILE=deep``, see the README's Develop section).
"""

from __future__ import annotations

import codecs
import contextlib
import copy
import dataclasses
import gzip
import io
import json
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from test_cli_support import run

import cleaner
from cleaner import Config, ConfigError
from cleaner.cli.inputs import gather
from cleaner.io.decode import decode_html
from cleaner.io.errors import InputError
from cleaner.io.readers import Item, read_inputs
from cleaner.io.text import decode_text

FUZZ = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
#: Properties that clean whole pages get a third of the examples, and those that run the whole command a
#: sixth (each one writes files and cleans them): the deep profile scales them all.
PAGES = settings(FUZZ, max_examples=max(30, settings().max_examples // 3))
FEWER = settings(FUZZ, max_examples=max(20, settings().max_examples // 6))

#: Lines that look like scraped news: chrome and prose.
LINES = [
    "By Jane Doe",
    "Follow us on Twitter @example",
    "More from World",
    "Advertisement",
    "Updated: May 5, 2019 10:51 am",
    "Share this article",
    "The minister said the talks would continue next week, officials said on Monday.",
    "Prices rose by 3% in March, the statistics office said on Tuesday.",
    "“We will keep channels open,” he added – and left.",
    "Le ministre a déclaré que les négociations continueraient.",
    "Die Verhandlungen gehen weiter, sagte der Minister.",
    "Переговоры продолжатся, заявил министр.",
    "交渉は続くと大臣は述べた。",
    "itâ€™s",
    "&amp; &lt;b&gt; &#39;",
    "",
]
any_char = st.characters(codec=None, exclude_categories=())
news = st.lists(st.one_of(st.sampled_from(LINES), st.text(any_char, max_size=30)), max_size=12).map("\n".join)

# Raw bytes: text in many encodings, with marks, line endings, signatures, NULs and noise mixed in.

#: The first bytes of a few binary formats (see :data:`cleaner.io.text.SIGNATURES`).
SIGNATURE_BYTES = [b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff\xe0", b"GIF89a", b"%PDF-1.4", b"PK\x03\x04", b"\x1f\x8b\x08"]
ENCODINGS = [
    "utf-8",
    "utf-8-sig",
    "utf-16",
    "utf-16-le",
    "utf-32",
    "cp1252",
    "latin-1",
    "cp1251",
    "shift_jis",
    "gb18030",
]


@st.composite
def raw_bytes(draw: st.DrawFn) -> bytes:
    """Bytes as they come off a disk: encoded text, mangled a little, or noise."""
    kind = draw(st.sampled_from(["encoded", "encoded", "noise", "mixed"]))
    if kind == "noise":
        return draw(st.binary(max_size=600))
    text = draw(news)
    if draw(st.booleans()):
        text = text.replace("\n", draw(st.sampled_from(["\r\n", "\r", "\n\n", "\u2028"])))
    encoding = draw(st.sampled_from(ENCODINGS))
    data = text.encode(encoding, errors="replace")
    if kind == "mixed":
        pieces = [
            st.binary(max_size=20),
            st.sampled_from(SIGNATURE_BYTES),
            st.just(b"\x00"),
            st.sampled_from([codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE]),
        ]
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.one_of(*pieces)) + data[at:]
    return data


@FUZZ
@given(raw_bytes())
@example(b"\x89PNG\r\n\x1a\n" + bytes(range(1, 256)))
@example(b"\xff\xfe\x00")
@example("café".encode("cp1252"))
def test_raw_bytes_decode_or_are_refused_then_clean(data: bytes) -> None:
    try:
        text = decode_text(data, "fuzz.txt")
    except InputError as error:
        assert str(error).startswith("fuzz.txt: ") and "\n" not in str(error)
        return
    assert isinstance(text, str)
    plain = data.removeprefix(codecs.BOM_UTF8)
    with contextlib.suppress(UnicodeDecodeError):
        assert text == plain.decode("utf-8"), "valid UTF-8 is read as UTF-8"
    result = cleaner.clean(text)
    result.text.encode("utf-8")
    assert result.text == "" or result.text.endswith("\n")
    assert cleaner.clean(result.text).text == result.text


@FEWER
@given(st.lists(raw_bytes(), min_size=1, max_size=4))
def test_fix_over_raw_files_never_breaks_a_file(files: list[bytes]) -> None:
    """``fix`` over any files: each is left as it was, or holds UTF-8 text that a second run keeps."""
    with tempfile.TemporaryDirectory() as folder:
        top = Path(folder)
        for n, data in enumerate(files):
            (top / f"{n}.txt").write_bytes(data)
        first = run("fix", "--jobs", "1", top)
        assert first.code in (0, 1, 123), first.err
        assert "Traceback" not in first.err
        after = {n: (top / f"{n}.txt").read_bytes() for n in range(len(files))}
        for n, data in enumerate(files):
            if after[n] != data:
                text = after[n].decode("utf-8")
                assert text.strip() and text.endswith("\n"), "fix wrote an empty or unterminated text"
        second = run("fix", "--jobs", "1", top)
        assert second.code in (0, 123), second.err
        assert {n: (top / f"{n}.txt").read_bytes() for n in range(len(files))} == after, "a second run changed it"
        assert not list(top.glob(".*.tmp"))


@FUZZ
@given(
    st.one_of(st.binary(max_size=3000), raw_bytes()),
    st.sampled_from(["a.txt", "a.html", "a.jsonl", "a.txt.gz", "a.jsonl.gz", "a.warc", "a.warc.gz"]),
    st.booleans(),
)
def test_any_bytes_under_any_name_become_items_or_errors(data: bytes, name: str, compress: bool) -> None:
    """Whatever a file holds (a ``.gz`` file may hold bytes that are not gzip), reading it gives items or errors."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(gzip.compress(data) if compress and name.endswith(".gz") else data)
        for item in read_inputs([str(path)], Config(max_bytes=2000)):
            assert isinstance(item, Item)
            assert (item.error is None) != (item.text is None and item.html is None)
        for entry in gather([str(path)], Config(), whole_files=True):
            assert entry is not None


# HTML fragments: trees of the tags and classes pages are made of, with entities and broken markup.

TAGS = [
    "div", "p", "span", "a", "article", "main", "section", "nav", "aside", "footer", "header", "h1", "h2", "ul",
    "li", "figure", "figcaption", "blockquote", "table", "tr", "td", "script", "style", "noscript", "b", "i",
]  # fmt: skip
CLASSES = ["related", "share", "byline", "caption", "content", "article-body", "hide", "sr-only", "newsletter", "x"]
ENTITIES = ["&amp;", "&lt;", "&gt;", "&nbsp;", "&#8217;", "&#x2014;", "&bogus;", "&#0;", "&#xD800;", "&amp;amp;", "&"]
BROKEN = ["<", ">", "</p>", "</div></div>", "<!--", "-->", "<![CDATA[", "<p", '<a href="', "<br/>", "<img src=x>"]

text_piece = st.one_of(st.sampled_from(LINES), st.sampled_from(ENTITIES), st.sampled_from(BROKEN), st.text(max_size=20))


def element(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    attributes = st.lists(
        st.one_of(
            st.sampled_from(CLASSES).map(lambda c: f'class="{c}"'),
            st.just("hidden"),
            st.just('style="display:none"'),
            st.just('href="https://example.com/a"'),
        ),
        max_size=2,
    ).map(lambda attrs: "".join(f" {a}" for a in attrs))
    return st.tuples(st.sampled_from(TAGS), attributes, st.lists(children, max_size=4)).map(
        lambda t: f"<{t[0]}{t[1]}>{''.join(t[2])}</{t[0]}>"
    )


fragments = st.recursive(text_piece, element, max_leaves=30)
pages = st.tuples(st.lists(fragments, max_size=5), st.booleans()).map(
    lambda t: ("<!DOCTYPE html><html><head><title>Talks go on</title></head><body>" if t[1] else "") + "".join(t[0])
)


@PAGES
@given(pages)
@example("<html><body>" + "<div>" * 300 + "<p>Deep.</p>" + "</div>" * 300 + "</body></html>")
@example("<p>&amp;amp;amp;amp;amp;</p>")
def test_html_fragments_never_raise_and_come_out_well_formed(html: str) -> None:
    result = cleaner.clean_html(html)
    result.text.encode("utf-8")
    assert result.text == "" or result.text.endswith("\n")
    assert "\x00" not in result.text
    json.dumps(result.to_dict())
    assert cleaner.clean_html(html).to_dict() == result.to_dict(), "the same page, the same result"


@PAGES
@given(pages, st.sampled_from(["utf-8", "cp1252", "utf-16", "shift_jis", "koi8-r"]), st.booleans())
def test_html_bytes_in_any_encoding_decode_and_clean(html: str, encoding: str, declare: bool) -> None:
    page = (f'<meta charset="{encoding}">' if declare else "") + html
    data = page.encode(encoding, errors="replace")
    assert isinstance(decode_html(data), str)
    result = cleaner.clean_html(data, charset=encoding if declare else None)
    assert result.text == "" or result.text.endswith("\n")


# Config values: any mapping is a Config or a ConfigError, and every Config cleans.

FIELDS = [f.name for f in dataclasses.fields(Config)]
values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 10**9),
    st.floats(allow_nan=True),
    st.text(max_size=12),
    st.sampled_from(["en", "de", "pt-BR", "auto", "on", "off", "64 MiB", "1GB", "caption", "fix_typos", "*.txt"]),
    st.lists(st.sampled_from(["title", "byline", "caption", "fix_typos", "peel_tail", "*.txt", "drafts", ""])),
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)
keys = st.one_of(
    st.sampled_from(FIELDS), st.sampled_from(FIELDS).map(lambda k: k.replace("_", "-")), st.text(max_size=12)
)


@FUZZ
@given(st.dictionaries(keys, values, max_size=4))
@example({"language": "english"})
@example({"max-bytes": "lots"})
@example({"disable": ["fix_typo"]})
@example({"typograpy": True})
def test_any_config_mapping_is_a_config_or_a_config_error(options: dict[str, Any]) -> None:
    try:
        config = Config.from_mapping(options)
    except ConfigError as error:
        assert str(error) and "\n" not in str(error)
        return
    assert isinstance(config, Config)
    try:
        result = cleaner.clean("Talks go on\n\nBy Jane Doe\n\nThe talks went on for hours, officials said.\n", config)
    except ConfigError as error:  # a name the chain does not have (a step, a kind, a model), found when it is built
        assert any(m in str(error) for m in ("cannot disable unknown step", "unknown kind", "not a block model"))
        assert "\n" not in str(error)
        return
    assert result.text == "" or result.text.endswith("\n")


@FUZZ
@given(st.dictionaries(st.sampled_from(FIELDS).map(lambda k: k.replace("_", "-")), values, max_size=3))
def test_any_tool_cleaner_table_is_read_or_refused_with_exit_2(options: dict[str, Any]) -> None:
    lines = []
    for key, value in options.items():
        try:
            lines.append(f"{key} = {toml_value(value)}")
        except ValueError:
            return
    with tempfile.TemporaryDirectory() as folder:
        top = Path(folder)
        (top / "pyproject.toml").write_text("[tool.cleaner]\n" + "\n".join(lines) + "\n", encoding="utf-8")
        (top / "a.txt").write_text("The talks went on for hours, officials said.\n", encoding="utf-8")
        result = run("check", "--jobs", "1", top / "a.txt")
        assert result.code in (0, 1, 2, 123), result.err
        assert "Traceback" not in result.err
        if result.code == 2:
            assert result.err.startswith(f"cleaner: {top / 'pyproject.toml'}: ") and result.err.count("\n") == 1


def toml_value(value: Any) -> str:
    """A value written as TOML (``ValueError`` for what TOML cannot write)."""
    if value is None or (isinstance(value, float) and value != value):
        raise ValueError(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value) if not isinstance(value, float) or abs(value) != float("inf") else "inf"
    if isinstance(value, str):
        return json.dumps(value)
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{json.dumps(k)} = {toml_value(v)}" for k, v in value.items()) + "}"
    raise ValueError(value)


# Command lines: any mix of options ends with an exit code, never a traceback.

OPTIONS = [
    ["--keep", "caption"], ["--keep", "nonsense"], ["--typography"], ["--no-typos"], ["--language", "de"],
    ["--language", "english"], ["--disable", "fix_typos"], ["--disable", "nope"], ["--include", "*.md"],
    ["--exclude", "a.txt"], ["--max-bytes", "10"], ["--max-bytes", "x"], ["--max-gzip-ratio", "1"], ["-q"], ["-v"],
    ["--jobs", "1"], ["--jobs", "0"], ["--color", "always"], ["--text-field", "body"], ["--filter-files"],
    ["--format", "json"], ["-o", "OUT"], ["--config", "missing.toml"], ["--bogus"],
]  # fmt: skip


@FEWER
@given(
    st.sampled_from(["clean", "fix", "check", "diff", "explain"]),
    st.lists(st.sampled_from(OPTIONS), max_size=4),
    st.sampled_from(["a.txt", "missing.txt", "."]),
)
def test_any_command_line_ends_with_an_exit_code(command: str, options: list[list[str]], target: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        top = Path(folder)
        (top / "a.txt").write_text("Talks go on\n\nThe talks went on for hours, officials said.\n", encoding="utf-8")
        argv = [part.replace("OUT", str(top / "out")) for option in options for part in option]
        stdout, stderr = io.StringIO(), io.StringIO()
        code = cleaner.cli.main([command, *argv, str(top / target)], stdout=stdout, stderr=stderr)
        assert code in (0, 1, 2, 123), stderr.getvalue()
        assert "Traceback" not in stderr.getvalue()


# The library never changes what it is given.


@FEWER
@given(
    news,
    st.dictionaries(
        st.sampled_from(["title", "url", "site", "tags", "authors"]),
        st.one_of(st.text(max_size=8), st.lists(st.text(max_size=5), max_size=2)),
        max_size=3,
    ),
)
def test_the_library_never_mutates_its_inputs(text: str, meta: dict[str, Any]) -> None:
    keep = ["caption", "byline"]
    config = Config(keep=keep)
    given_meta, given_keep = copy.deepcopy(meta), list(keep)
    page = f"<html><body><article><p>{text}</p></article></body></html>"
    cleaner.clean_html(page, meta=meta, config=config)
    cleaner.clean(text, config)
    cleaner.clean(text, keep=keep)
    doc = cleaner.Document.from_text(text, meta=meta)
    before = doc
    cleaner.default_pipeline(config).run(doc)
    assert meta == given_meta and keep == given_keep
    assert doc == before and config == Config(keep=given_keep)
