"""Corpus knowledge: a site's recurring lines are its template, other lines and sites are left alone."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_cli_support import run

from cleaner.cli.templates import corpus_templates
from cleaner.config import Config
from cleaner.corpus import clean_corpus, find_templates, line_hash, normalise
from cleaner.counts import SiteLineCounts
from cleaner.document import Document
from cleaner.io.documents import item_by_url, site_of
from cleaner.io.readers import Item
from cleaner.strip.templates import run_hashes, strip_templates

MENU = "Home | Politics | Business | Culture"
FOOTER = "Get the morning briefing in your inbox every day"
RARE = "Our reporters spent three days at the harbour talking to fishermen."

STORIES = [
    "The harbour board approved the new quay on Tuesday after a long debate about its cost.",
    "Fishermen say the catch this year has been the worst that anyone in the town can remember.",
    "A storm closed the coast road for most of the weekend, and repairs will take a month.",
    "The ferry company has promised a winter timetable with two more sailings every day.",
]


#: A block of several lines a site puts on every page, in words the chain keeps when it sees one page alone.
NAV = (
    "The Harbour Gazette has been written by people who live in the town since it was founded.",
    "Our reporters cover the council, the port and the schools every day of the week.",
    "Letters from readers are printed on Fridays, when there is room for them in the paper.",
)


def page(story: str, *extra: str) -> str:
    return "\n\n".join([MENU, story, *extra, FOOTER]) + "\n"


def dump(story: str, *extra: str) -> str:
    """A page's dump: the site's block of lines, the story, then what else is given."""
    return "\n\n".join([*NAV, story, *extra]) + "\n"


def site_docs(site: str, n: int, *extra_in_first_two: str) -> list[tuple[str, str]]:
    return [(site, page(STORIES[i], *(extra_in_first_two if i < 2 else ()))) for i in range(n)]


def test_a_line_in_three_documents_is_template_in_two_is_not() -> None:
    docs = site_docs("harbour.example", 3, RARE)
    templates = find_templates(docs, min_docs=3)["harbour.example"]
    assert line_hash(MENU) in templates and line_hash(FOOTER) in templates
    assert line_hash(RARE) not in templates  # only in two documents
    assert not any(line_hash(s) in templates for s in STORIES)


def test_two_documents_make_no_template() -> None:
    assert find_templates(site_docs("harbour.example", 2), min_docs=3) == {}


def test_other_sites_are_unaffected() -> None:
    docs = [*site_docs("harbour.example", 3), ("other.example", page(STORIES[3]))]
    results = list(clean_corpus(docs))
    assert FOOTER not in results[0].text and MENU not in results[0].text
    assert [r.kind for r in results[0].removed if r.text == FOOTER] == ["template"]
    assert FOOTER in results[3].text  # one document of its site: no template


def test_threshold_comes_from_the_config() -> None:
    docs = site_docs("harbour.example", 3)
    assert FOOTER not in next(iter(clean_corpus(docs, Config(template_min_docs=3)))).text
    assert FOOTER in next(iter(clean_corpus(docs, Config(template_min_docs=4)))).text


def test_exact_duplicates_make_no_template() -> None:
    docs = [("harbour.example", page(STORIES[0]))] * 5
    assert find_templates(docs, min_docs=3) == {}


def test_template_never_takes_the_whole_article() -> None:
    doc = Document.from_blocks([MENU, STORIES[0], FOOTER])
    everything = frozenset(line_hash(b.text) for b in doc.blocks)
    assert strip_templates(doc, everything).kept == doc.blocks


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Posted 3 hours ago", "Posted 12 hours ago"),
        ("© 2019 Acme Inc.", "© 2020 ACME, inc"),
        ("Café  news", "Cafe news"),
    ],
)
def test_normalisation_makes_variants_one_line(a: str, b: str) -> None:
    assert normalise(a) == normalise(b)


@pytest.mark.parametrize(
    ("url", "path", "whole", "site"),
    [
        ("https://www.bbc.co.uk/news/x", None, True, "bbc.co.uk"),
        ("http://News.Example.com:8080/a", None, True, "news.example.com"),
        (None, "data/site/a.txt", True, "data/site"),
        (None, "dump.jsonl", False, "dump.jsonl"),
    ],
)
def test_site_of(url: str | None, path: str | None, whole: bool, site: str) -> None:
    assert site_of(url, path, whole) == site


def test_one_pass_over_a_generator_with_templates_given() -> None:
    docs = site_docs("harbour.example", 3)
    templates = find_templates(iter(docs), min_docs=3)
    results = list(clean_corpus(iter(docs), templates=templates))
    assert all(FOOTER not in r.text for r in results)


A, B, C = (f"{s}.example" for s in "abc")
UNKNOWN, KNOWN = False, True


@pytest.mark.parametrize(
    ("docs", "by_url", "template"),
    [
        # a site known by its URLs learns each line its documents share
        ([(A, page(s)) for s in STORIES[:3]], KNOWN, {A: {line_hash(MENU), line_hash(FOOTER)}}),
        # a group of documents of unknown sites shares single lines: no evidence of one template
        ([("data", page(s)) for s in STORIES[:3]], UNKNOWN, {}),
        ([("data", dump(s, FOOTER)) for s in STORIES[:3]], UNKNOWN, {"data": run_hashes(NAV)}),
        # a block in the same order in enough documents is learnt; in too few, or reordered, it is not
        ([("data", dump(s)) for s in STORIES[:2]], UNKNOWN, {}),
        ([("data", dump(STORIES[0])), ("data", dump(STORIES[1])), ("data", page(STORIES[2], *NAV[::-1]))], UNKNOWN, {}),
        # a block of lines known by the URL: every shared line, one by one
        ([(A, dump(s)) for s in STORIES[:3]], KNOWN, {A: {line_hash(line) for line in NAV}}),
        # sites apart: three documents of three sites share nothing of one site's
        ([(A, dump(STORIES[0])), (B, dump(STORIES[1])), (C, dump(STORIES[2]))], KNOWN, {}),
    ],
)
def test_what_a_group_of_documents_learns(
    docs: list[tuple[str, str]], by_url: bool, template: dict[str, set[int]]
) -> None:
    assert find_templates(docs, min_docs=3, by_url=by_url) == template


@pytest.mark.parametrize(
    ("item", "by_url"),
    [
        (Item("feed.jsonl:1", "1", text="x", url="https://www.d.example/news/1"), True),
        (Item("feed.jsonl:3", "3", text="x", url=""), False),
        (Item("data/a.txt", "a", text="x", path=Path("data/a.txt")), False),
    ],
)
def test_the_url_gives_the_site(item: Item, by_url: bool) -> None:
    assert item_by_url(item) is by_url


def test_a_lone_shared_line_stays_a_block_in_a_template_run_goes() -> None:
    docs = [("data", dump(s, RARE)) for s in STORIES[:3]]
    assert all(RARE in r.text and NAV[0] in r.text for r in clean_corpus(docs, templates={}))
    results = list(clean_corpus(docs, by_url=False))
    for result, story in zip(results, STORIES, strict=False):
        assert {line for r in result.removed if r.kind == "template" for line in r.text.splitlines()} == set(NAV)
        assert story in result.text and RARE in result.text


def test_no_templates_in_the_config_learns_none() -> None:
    docs = site_docs("harbour.example", 3)
    assert all(FOOTER in r.text for r in clean_corpus(docs, Config(templates=False)))


@pytest.fixture
def site_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "harbour"
    folder.mkdir()
    for i, story in enumerate(STORIES[:3]):
        (folder / f"{i}.txt").write_text(dump(story, RARE), encoding="utf-8")
    return folder


def _removed(result_out: str) -> list[set[tuple[str, str]]]:
    """For each record, the ``(kind, line)`` of every line removed."""
    records = [json.loads(line) for line in result_out.splitlines()]
    return [{(r["kind"], line) for r in record["removed"] for line in r["text"].splitlines()} for record in records]


def test_cli_clean_folder_strips_the_template(site_folder: Path) -> None:
    result = run("clean", "--format", "jsonl", site_folder)
    assert result.code == 0, result.err
    removed = _removed(result.out)
    assert len(removed) == 3
    for kinds in removed:
        assert {("template", line) for line in NAV} <= kinds
        assert ("template", RARE) not in kinds  # one line shared by files of a folder is no template


@pytest.mark.parametrize(
    ("flags", "pyproject"),
    [(["--no-templates"], None), ([], "[tool.cleaner]\ntemplates = false\n"), (["--template-min-docs", "4"], None)],
)
def test_cli_templates_switched_off(site_folder: Path, flags: list[str], pyproject: str | None) -> None:
    if pyproject:
        (site_folder / "pyproject.toml").write_text(pyproject, encoding="utf-8")
    result = run("clean", "--format", "jsonl", *flags, site_folder)
    assert result.code == 0, result.err
    texts = [json.loads(line)["text"] for line in result.out.splitlines()]
    assert len(texts) == 3 and all(NAV[0] in text for text in texts)


def test_cli_template_min_docs_must_be_two(site_folder: Path) -> None:
    result = run("clean", "--template-min-docs", "1", site_folder)
    assert result.code == 2 and "template_min_docs must be at least 2" in result.err


def test_cli_templates_are_those_of_the_library(site_folder: Path) -> None:
    docs = [(str(site_folder), p.read_text(encoding="utf-8")) for p in sorted(site_folder.glob("*.txt"))]
    assert corpus_templates([str(site_folder)], Config()) == find_templates(docs, by_url=False)


def test_cli_single_file_has_no_template(site_folder: Path) -> None:
    result = run("clean", site_folder / "0.txt")
    assert NAV[0] in result.out


def test_cli_fix_folder_strips_the_template_and_is_stable(site_folder: Path) -> None:
    assert run("fix", "--jobs", "1", site_folder).code in (0, 1)
    text = (site_folder / "0.txt").read_text(encoding="utf-8")
    assert STORIES[0] in text and not any(line in text.splitlines() for line in NAV)
    assert run("check", site_folder).out == ""


def _reference(rows: list[tuple[str, int, frozenset[int]]], min_docs: int) -> dict[str, frozenset[int]]:
    """What counting every (site, line) in one counter in memory gives."""
    seen: set[tuple[str, int]] = set()
    counts: Counter[tuple[str, int]] = Counter()
    for site, whole, lines in rows:
        if (site, whole) not in seen:
            seen.add((site, whole))
            counts.update((site, line) for line in lines)
    found: dict[str, set[int]] = {}
    for (site, line), n in counts.items():
        if n >= min_docs:
            found.setdefault(site, set()).add(line)
    return {site: frozenset(lines) for site, lines in found.items()}


site_rows = st.lists(
    st.tuples(
        st.sampled_from(["a.com", "b.org", "c"]),
        st.integers(0, 5),
        st.frozensets(st.one_of(st.integers(0, 20), st.integers(0, 2**64 - 1)), max_size=8),
    ),
    max_size=40,
)


@settings(deadline=None)
@given(site_rows, st.integers(1, 4), st.integers(1, 30), st.integers(1, 5))
def test_counts_that_go_to_disk_are_those_counted_in_memory(
    rows: list[tuple[str, int, frozenset[int]]], min_docs: int, in_memory: int, parts: int
) -> None:
    counts = SiteLineCounts(in_memory=in_memory, parts=parts)
    for row in rows:
        counts.add(*row)
    assert counts.recurring(min_docs) == _reference(rows, min_docs)
