"""Corpus knowledge: a site's recurring lines are its template, other lines and sites are left alone."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_cli_support import run

from cleaner.config import Config
from cleaner.corpus import clean_corpus, find_templates, line_hash, normalise
from cleaner.counts import SiteLineCounts
from cleaner.document import Document
from cleaner.io.documents import site_of
from cleaner.strip.templates import strip_templates

MENU = "Home | Politics | Business | Culture"
FOOTER = "Get the morning briefing in your inbox every day"
RARE = "Our reporters spent three days at the harbour talking to fishermen."

STORIES = [
    "The harbour board approved the new quay on Tuesday after a long debate about its cost.",
    "Fishermen say the catch this year has been the worst that anyone in the town can remember.",
    "A storm closed the coast road for most of the weekend, and repairs will take a month.",
    "The ferry company has promised a winter timetable with two more sailings every day.",
]


def page(story: str, *extra: str) -> str:
    return "\n\n".join([MENU, story, *extra, FOOTER]) + "\n"


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


@pytest.fixture
def site_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "harbour"
    folder.mkdir()
    for i, story in enumerate(STORIES[:3]):
        (folder / f"{i}.txt").write_text(page(story), encoding="utf-8")
    return folder


def test_cli_clean_folder_strips_the_template(site_folder: Path) -> None:
    result = run("clean", "--format", "jsonl", site_folder)
    assert result.code == 0, result.err
    records = [json.loads(line) for line in result.out.splitlines()]
    assert len(records) == 3
    for record, story in zip(records, STORIES, strict=False):
        assert record["text"] == story + "\n"
        assert {"kind": "template", "text": FOOTER} in record["removed"]


def test_cli_single_file_has_no_template(site_folder: Path) -> None:
    result = run("clean", site_folder / "0.txt")
    assert FOOTER in result.out


def test_cli_fix_folder_strips_the_template_and_is_stable(site_folder: Path) -> None:
    assert run("fix", "--jobs", "1", site_folder).code in (0, 1)
    assert (site_folder / "0.txt").read_text(encoding="utf-8") == STORIES[0] + "\n"
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
