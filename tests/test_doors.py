"""Every door cleans with the one chain: the library's ``clean`` and ``clean_html``, the command, the
datatrove steps and :mod:`cleaner.corpus` give the same text and metadata for the same input.

Each door once assembled its own chain, and one drifted (the datatrove HTML step skipped the guard
against deep nesting, so a page nested 300 levels deep came out empty there and whole from
``clean_html``).  This table of inputs goes through every door, and each must agree with the library.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from html_pages import page
from test_cli_support import NAMES, SAMPLES, run

import cleaner
from cleaner.corpus import clean_corpus

PROSE = (
    "<p>The council met on Monday and agreed to keep the old library open for another five years, members said.</p>"
    "<p>Work on the roof will start in the spring and should take about three months, the council said.</p>"
)

#: Pages of the table: a whole news page, one nested deeper than the parser reads, one with no markup to speak of.
PAGES = {
    "news": page(),
    "deep": "<html><body>" + "<div>" * 300 + PROSE + "</div>" * 300 + "</body></html>",
    "bare": f"<html><head><title>Roof repairs</title></head><body>{PROSE}</body></html>",
}
#: Texts of the table: the samples, and a text that is all chrome.
TEXTS = {name: (SAMPLES / name).read_text(encoding="utf-8") for name in NAMES} | {
    "chrome.txt": "Share on Facebook\n\nFollow us on Twitter\n"
}


def _json_of(path: Path) -> dict[str, object]:
    done = run("clean", path, "-f", "json")
    assert done.code == 0, done.err
    (record,) = json.loads(done.out) if done.out.lstrip().startswith("[") else [json.loads(done.out)]
    return record


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_text_doors_agree(name: str, tmp_path: Path) -> None:
    text = TEXTS[name]
    result = cleaner.clean(text)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    record = _json_of(path)
    assert record["text"] == result.text
    assert {k: record["metadata"][k] for k in result.metadata} == json.loads(json.dumps(result.metadata))
    (alone,) = clean_corpus([("site", text)])
    assert alone.text == result.text
    datatrove = pytest.importorskip("cleaner.adapters.datatrove")
    from datatrove.data import Document as Record

    out = list(datatrove.CleanerStep().run(iter([Record(text, "a")]), rank=0, world_size=1))
    assert [r.text for r in out] == ([result.text] if result.text.strip() else [])


@pytest.mark.parametrize("name", sorted(PAGES))
def test_page_doors_agree(name: str, tmp_path: Path) -> None:
    html = PAGES[name]
    result = cleaner.clean_html(html)
    assert "keep the old library open" in result.text or "voted on Tuesday" in result.text
    path = tmp_path / f"{name}.html"
    path.write_text(html, encoding="utf-8")
    record = _json_of(path)
    assert record["text"] == result.text
    assert {k: record["metadata"][k] for k in result.metadata} == json.loads(json.dumps(result.metadata))
    assert cleaner.clean_html(html.encode("utf-8")).text == result.text
    datatrove = pytest.importorskip("cleaner.adapters.datatrove")
    from datatrove.data import Document as Record

    out = list(datatrove.CleanerHtmlStep().run(iter([Record(html, "a")]), rank=0, world_size=1))
    assert [r.text for r in out] == [result.text]
