"""clean_html: decoding, extraction, the page's chrome, metadata."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from html_pages import PARAGRAPHS, page
from hypothesis import given, settings
from hypothesis import strategies as st
from test_cli_support import run

from cleaner import clean_html
from cleaner.io.decode import decode_html


def test_a_page_gives_its_article_and_metadata() -> None:
    result = clean_html(page(), url="https://example.com/news/library")
    assert result.text == "\n\n".join(PARAGRAPHS) + "\n"
    meta = result.metadata
    assert meta["title"] == "Council keeps the old library open"
    assert meta["authors"] == ["Jane Doe"]
    assert meta["date"].startswith("2021-03-09")
    assert meta["site"] == "The Daily Example"
    assert meta["url"] == "https://example.com/news/library"
    removed = " ".join(r.text for r in result.removed)
    assert "Parking fees" not in result.text and "Copyright" not in result.text
    assert "Council keeps the old library open" in removed


def test_bytes_in_cp1252_come_out_right() -> None:
    curly = ("“We will keep it open,” the mayor said – and the café next door cheered.",)
    data = page(paragraphs=PARAGRAPHS[:3] + curly, charset="windows-1252").encode("cp1252")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    result = clean_html(data, typography=True)
    assert "“We will keep it open,” the mayor said – and the café next door cheered." in result.text


def test_iso_8859_1_is_read_as_browsers_read_it() -> None:
    data = page(paragraphs=(*PARAGRAPHS[:3], "Caf\u00e9 owners said \u201cyes\u201d."), charset="iso-8859-1")
    assert "Café owners said “yes”." in decode_html(data.encode("cp1252"))


def test_undeclared_cp1252_is_detected() -> None:
    text = "<p>Le conseil a décidé mardi de garder la bibliothèque ouverte « pour cinq ans », à l’unanimité.</p>"
    assert decode_html(text.encode("cp1252")) == text


def test_utf8_wins_over_a_wrong_declaration() -> None:
    assert decode_html('<meta charset="iso-8859-1"><p>Café</p>'.encode()) == '<meta charset="iso-8859-1"><p>Café</p>'


@pytest.mark.parametrize("html", ["", "   ", "<html></html>", b"\x00\x01\x02", "<?xml version='1.0'?>"])
def test_pages_without_an_article_give_empty_text(html: str | bytes) -> None:
    assert clean_html(html).text == ""


def test_related_links_in_an_aside_are_left_out() -> None:
    result = clean_html(page())
    assert "Parking fees go up again in the town centre next month" not in result.text
    assert "Parking fees go up again in the town centre next month" in " ".join(r.text for r in result.removed)


def test_a_container_holding_the_whole_text_is_the_article_whatever_its_class() -> None:
    html = (
        "<html><body><div class='page has-sidebar'>"
        + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
        + "</div></body></html>"
    )
    assert clean_html(html).text == "\n\n".join(PARAGRAPHS) + "\n"


def test_record_fields_win_over_what_the_page_says() -> None:
    result = clean_html(page(), meta={"title": "Given title", "crawl": "2021-03"})
    assert result.metadata["title"] == "Given title"
    assert result.metadata["crawl"] == "2021-03"


def test_the_command_cleans_html_files_in_every_format(tmp_path: Path) -> None:
    data = tmp_path / "data"
    (data / "sub").mkdir(parents=True)
    (data / "library.html").write_bytes(page().encode("utf-8"))
    (data / "sub" / "legacy.htm.gz").write_bytes(gzip.compress(page(charset="windows-1252").encode("cp1252")))
    clean = "\n\n".join(PARAGRAPHS) + "\n"
    assert run("clean", data / "library.html").out == clean
    (record,) = json.loads(run("clean", "-f", "json", data / "library.html").out)
    assert record["id"] == "library" and record["text"] == clean and record["metadata"]["authors"] == ["Jane Doe"]
    out = tmp_path / "out"
    for fmt in ("txt", "json", "jsonl"):
        result = run("clean", "-f", fmt, "-o", out, data)
        assert result.code == 0, result.err
    assert (out / "library.txt").read_text(encoding="utf-8") == clean
    assert (out / "sub" / "legacy.txt").read_text(encoding="utf-8") == clean
    assert json.loads((out / "sub" / "legacy.jsonl").read_text(encoding="utf-8"))["text"] == clean
    assert json.loads((out / "library.json").read_text(encoding="utf-8"))["text"] == clean


def test_two_inputs_with_one_output_are_refused(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text(page(), encoding="utf-8")
    (tmp_path / "a.txt").write_text("\n\n".join(PARAGRAPHS) + "\n", encoding="utf-8")
    result = run("clean", "-o", tmp_path / "out", tmp_path / "a.html", tmp_path / "a.txt")
    assert result.code == 123 and "is already the output of" in result.err


def test_fix_leaves_html_files_alone(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text(page(), encoding="utf-8")
    before = (tmp_path / "a.html").read_bytes()
    assert run("fix", tmp_path).code == 0
    assert (tmp_path / "a.html").read_bytes() == before


def test_a_sentence_with_a_written_out_url_is_kept() -> None:
    # A paragraph of links is not chrome by its links alone: in the bench pages, half the words of such
    # paragraphs that trafilatura keeps are the article's (lists of sources, product names, steps).
    html = page(
        extra_body="<p>The full report is at <a href='https://example.com/report'>https://example.com/report</a>, the council said.</p>"
    )
    assert "The full report is at https://example.com/report, the council said." in clean_html(html).text


def test_teasers_of_other_articles_inside_the_article_are_left_out() -> None:
    teaser = "Parking fees go up again in the town centre, and shop owners are not pleased with it"
    html = page(extra_body=f"<article class='card'><h3><a href='/p'>{teaser}</a></h3></article>")
    result = clean_html(html)
    assert teaser not in result.text
    assert all(p in result.text for p in PARAGRAPHS)


def test_the_headline_block_is_chrome_and_the_title_is_named() -> None:
    dek = "The vote came after a long debate about money, and about what a town needs"
    html = page(extra_body="").replace("<h1>", f"<header><p>{dek}</p><h1>").replace("</h1>", "</h1></header>")
    result = clean_html(html)
    assert all(p in result.text for p in PARAGRAPHS) and "Council keeps" not in result.text
    assert ("title", "Council keeps the old library open") in [(r.kind, r.text) for r in result.removed]


@settings(max_examples=60, deadline=None)
@given(st.one_of(st.text(), st.binary()), st.sampled_from(["<p>", "<html><body><p>", "<article><h1>T</h1><p>", ""]))
def test_clean_html_never_raises(junk: str | bytes, start: str) -> None:
    page_like = start.encode() + junk if isinstance(junk, bytes) else start + junk
    result = clean_html(page_like)
    assert result.text == "" or result.text.endswith("\n")


def test_a_line_listing_the_pages_tags_is_navigation() -> None:
    html = page(extra_body="<p>library, city council, budget</p>").replace(
        '<meta name="description"',
        '<meta property="article:tag" content="library, city council, budget"><meta name="description"',
    )
    result = clean_html(html)
    assert result.text == "\n\n".join(PARAGRAPHS) + "\n"
    assert ("navigation", "html-tags", "library, city council, budget") in [
        (b.kind, b.by, b.text) for b in result.blocks
    ]


def test_the_hook_passes_over_html_files_quietly(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text(page(), encoding="utf-8")
    result = run("check", "--filter-files", tmp_path / "a.html")
    assert (result.code, result.out) == (0, "")
    assert "skipped" not in result.err


def test_lists_in_the_article_are_kept() -> None:
    top = ["Two cups of flour", "One egg", "A pinch of salt", "Half a cup of milk", "Some butter", "A little sugar"]
    bottom = ["A large bowl", "A whisk", "A frying pan", "A spatula", "Two plates", "A clean towel"]

    def listed(items: list[str]) -> str:
        return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"

    body = "<h2>You will need</h2>" + listed(top) + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    html = page(paragraphs=(), extra_body=body + "<h2>Tools</h2>" + listed(bottom))
    result = clean_html(html)
    assert all(f"- {item}" in result.text for item in top + bottom)
    assert "You will need" in result.text and "Tools" in result.text


CHUNK = '<div class="story-body">{}</div>'
FIRST = (
    "The river rose by two metres overnight, and the town's lower streets were under water by dawn.",
    "Fire crews went from door to door in boats to help older residents out of their homes.",
    "The mayor said the new flood wall had held along most of its length, but not near the old mill.",
)
SECOND = (
    "By the afternoon the water had begun to fall, and shop owners came back to count the damage.",
    "Engineers will look at the wall near the mill next week, the council said.",
)


def chunked(middle: str = "", rest: str = "") -> str:
    paragraphs = ["".join(f"<p>{p}</p>" for p in FIRST), "".join(f"<p>{p}</p>" for p in SECOND)]
    return (
        "<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav><main><article><h1>Floods</h1>"
        f"{CHUNK.format(paragraphs[0])}<div class='ad-slot'>{middle}</div>{CHUNK.format(paragraphs[1])}"
        f"</article>{rest}</main><footer>© 2024 The Daily Example</footer></body></html>"
    )


def test_both_chunks_of_an_article_split_by_an_ad_are_kept() -> None:
    text = clean_html(chunked(middle="<p>Advertisement</p>")).text
    assert all(p in text for p in FIRST + SECOND)
    assert "Advertisement" not in text


@pytest.mark.parametrize(
    "rest",
    [
        # the same markup in a sidebar
        "<aside class='sidebar'>"
        + CHUNK.format("<p><a href='/g'>Read our guide to getting your home ready for a flood this winter</a></p>")
        + "</aside>",
        # a list of links
        CHUNK.format('<p><a href="/a">Floods in the north</a> <a href="/b">Storm warnings</a></p>'),
    ],
)
def test_text_elsewhere_on_the_page_is_left_out(rest: str) -> None:
    text = clean_html(chunked(rest=rest)).text
    assert all(p in text for p in FIRST + SECOND)
    assert "guide to getting" not in text and "Storm warnings" not in text


@pytest.mark.parametrize(
    "markup",
    [
        '<div class="dialog hide"><p>{}</p></div>',
        '<div style="display: none"><p>{}</p></div>',
    ],
)
def test_text_the_page_does_not_show_is_left_out(markup: str) -> None:
    # Hidden text is evidence, not a verdict: tabs, accordions and "read more" boxes hide article text too
    # (in the bench pages, four words in ten of the hidden text are the article's).
    line = "Thank you, this story has been sent to your friend"
    result = clean_html(page(extra_body=markup.format(line)))
    assert line not in result.text
    assert all(p in result.text for p in PARAGRAPHS)


def test_every_block_of_the_page_is_accounted_for() -> None:
    result = clean_html(page())
    kept = [b.text for b in result.blocks if b.kept]
    assert result.text == "\n\n".join(kept) + "\n"
    assert any(b.kind == "navigation" for b in result.blocks)  # the menu


def test_a_utf8_page_with_a_few_bad_bytes_stays_utf8() -> None:
    body = "".join(f"<p>{p} Caf\u00e9 \u201cNord\u201d.</p>" for p in PARAGRAPHS)
    data = f'<html><head><meta charset="utf-8"></head><body>{body}</body></html>'.encode()
    data = data.replace(b"Nord", b"N\xe9ord", 1)  # one byte that is not UTF-8
    assert "Café “Nord”." in decode_html(data)
