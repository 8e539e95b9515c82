"""JSONL input (plain and gzipped), record by record, and the command's JSONL output."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from html_pages import PARAGRAPHS, page
from hypothesis import given, settings
from hypothesis import strategies as st
from test_cli_support import run

from cleaner.config import Config
from cleaner.io.readers import read_inputs

ARTICLE = "Council keeps the old library open\n\nBy Jane Doe\n\n" + "\n\n".join(PARAGRAPHS) + "\n"
CLEAN = "\n\n".join(PARAGRAPHS) + "\n"


def write_jsonl(path: Path, records: list[dict | str]) -> Path:
    lines = [r if isinstance(r, str) else json.dumps(r) for r in records]
    data = ("\n".join(lines) + "\n").encode("utf-8")
    path.write_bytes(gzip.compress(data) if path.name.endswith(".gz") else data)
    return path


def test_records_keep_their_other_fields_as_metadata(tmp_path: Path) -> None:
    source = write_jsonl(
        tmp_path / "a.jsonl", [{"id": "x1", "text": ARTICLE, "source": "crawl-7", "metadata": {"lang": "en"}}]
    )
    (item,) = read_inputs([str(source)], Config())
    assert (item.ident, item.text, item.meta) == ("x1", ARTICLE, {"source": "crawl-7", "lang": "en"})
    result = run("clean", "-f", "jsonl", source)
    record = json.loads(result.out)
    assert list(record) == ["id", "text", "metadata", "removed", "fixes"]
    assert record["id"] == "x1" and record["text"] == CLEAN
    assert (
        record["metadata"]["source"] == "crawl-7"
        and record["metadata"]["title"] == "Council keeps the old library open"
    )


def test_gzipped_jsonl_with_other_field_names(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "b.jsonl.gz", [{"key": 7, "body": ARTICLE}, {"key": 8, "body": ARTICLE}])
    result = run("clean", "-f", "jsonl", "--text-field", "body", "--id-field", "key", source)
    assert result.code == 0, result.err
    records = [json.loads(line) for line in result.out.splitlines()]
    assert [r["id"] for r in records] == ["7", "8"] and all(r["text"] == CLEAN for r in records)


def test_html_field(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "c.jsonl", [{"id": "p", "html": page(), "url": "https://example.com/p"}])
    result = run("clean", "-f", "jsonl", "--html-field", "html", source)
    record = json.loads(result.out)
    assert record["text"] == CLEAN and record["metadata"]["url"] == "https://example.com/p"


def test_bad_records_name_their_line_and_the_run_goes_on(tmp_path: Path) -> None:
    source = write_jsonl(
        tmp_path / "d.jsonl",
        [{"id": "ok1", "text": ARTICLE}, "{not json", {"id": "no-text"}, [1, 2], {"id": "ok2", "text": ARTICLE}],
    )
    result = run("clean", "-f", "jsonl", source)
    assert result.code == 123
    assert [json.loads(line)["id"] for line in result.out.splitlines()] == ["ok1", "ok2"]
    assert f"{source}:2: not valid JSON" in result.err
    assert f"{source}:3: no 'text' field" in result.err
    assert f"{source}:4: a JSON list, not an object" in result.err
    assert "Traceback" not in result.err


def test_output_folder_gets_one_file_per_jsonl_input(tmp_path: Path) -> None:
    data = tmp_path / "data"
    (data / "sub").mkdir(parents=True)
    write_jsonl(data / "sub" / "e.jsonl.gz", [{"id": "r1", "text": ARTICLE}, {"id": "r2", "text": ARTICLE}])
    out = tmp_path / "out"
    for fmt in ("jsonl", "json", "txt"):
        result = run("clean", "-f", fmt, "-o", out, data)
        assert result.code == 0, result.err
    lines = (out / "sub" / "e.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["id"] for line in lines] == ["r1", "r2"]
    assert [r["id"] for r in json.loads((out / "sub" / "e.json").read_text(encoding="utf-8"))] == ["r1", "r2"]
    assert (out / "sub" / "e.txt").read_text(encoding="utf-8") == f"==> r1 <==\n{CLEAN}\n==> r2 <==\n{CLEAN}"
    stamp = (out / "sub" / "e.jsonl").stat().st_mtime_ns
    run("clean", "-f", "jsonl", "-o", out, data)
    assert (out / "sub" / "e.jsonl").stat().st_mtime_ns == stamp  # the same output is not rewritten


def test_fix_skips_jsonl(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "f.jsonl", [{"id": "r1", "text": ARTICLE}])
    before = source.read_bytes()
    result = run("fix", source)
    assert result.code == 0 and source.read_bytes() == before


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.one_of(st.binary(max_size=60), st.dictionaries(st.text(max_size=5), st.text(max_size=20))), max_size=6)
)
def test_any_jsonl_lines_read_without_raising(
    tmp_path_factory: pytest.TempPathFactory, records: list[bytes | dict]
) -> None:
    path = tmp_path_factory.mktemp("jsonl") / "any.jsonl"
    lines = [r if isinstance(r, bytes) else json.dumps(r).encode() for r in records]
    path.write_bytes(b"\n".join(line.replace(b"\n", b" ") for line in lines))
    for item in read_inputs([str(path)], Config()):
        assert (item.error is None) == (item.text is not None)
        assert item.error is None or str(path) in str(item.error)
