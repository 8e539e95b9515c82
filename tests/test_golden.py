"""The five samples come out exactly as tests/golden says."""

from __future__ import annotations

from pathlib import Path

import cleaner
from tests.conftest import GOLDEN


def test_text_is_exact(sample):
    raw, expected = sample
    result = cleaner.clean(raw)
    optional = expected.get("optional_in_text", [])
    if result.text != expected["text"] and optional:
        # A stand-first may stay in the text: then it leads the clean text.
        assert result.text == "\n\n".join(optional) + "\n\n" + expected["text"]
    else:
        assert result.text == expected["text"]


def test_expected_txt_files_agree_with_json(sample):
    _raw, expected = sample
    txt = (GOLDEN / Path(expected["source"]).name).read_text(encoding="utf-8")
    assert txt == expected["text"]


def test_removed_kinds_and_texts(sample):
    raw, expected = sample
    removed = [(r.kind, r.text) for r in cleaner.clean(raw).removed]
    assert removed == [(r["kind"], r["text"]) for r in expected["removed"]]


def test_fixes(sample):
    raw, expected = sample
    fixes = [f.to_dict() for f in cleaner.clean(raw).fixes]
    assert fixes == expected["fixes"]


def test_metadata(sample):
    raw, expected = sample
    metadata = cleaner.clean(raw).metadata
    for key in ("title", "authors", "language", "date", "date_modified"):
        if key in expected["metadata"]:
            assert metadata[key] == expected["metadata"][key], key


def test_other_metadata_where_given(sample):
    """Fields a careful editor would pull out (site, section, credit, dateline) match when we produce them."""
    raw, expected = sample
    metadata = cleaner.clean(raw).metadata
    for key in ("section", "site", "image_credit", "description"):
        if key in expected["metadata"]:
            assert metadata[key] == expected["metadata"][key], key
    if "dateline" in expected["metadata"]:
        for part, value in expected["metadata"]["dateline"].items():
            assert metadata["dateline"][part] == value


def test_language_score_is_a_probability(sample):
    raw, _ = sample
    score = cleaner.clean(raw).metadata["language_score"]
    assert 0.5 < score <= 1.0


def test_to_dict_schema(sample):
    raw, _expected = sample
    out = cleaner.clean(raw).to_dict()
    assert list(out) == ["text", "metadata", "removed", "fixes"]
    assert all(set(r) == {"kind", "text"} for r in out["removed"])
    assert all(set(f) == {"kind", "before", "after"} for f in out["fixes"])
