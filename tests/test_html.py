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
from cleaner.io.html import chrome_in_page, head_outside, other_chunks, parse, with_chunks, words


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


def test_lines_inside_chrome_containers_are_found() -> None:
    html = page()
    lines = ["Parking fees go up again in the town centre next month", PARAGRAPHS[0]]
    chrome = chrome_in_page(parse(html), lines, total=1000)
    assert chrome == {words(lines[0]): ("related-links", "html-container")}


def test_a_container_holding_most_of_the_text_is_not_chrome() -> None:
    html = (
        "<html><body><div class='page has-sidebar'>"
        + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
        + "</div></body></html>"
    )
    assert chrome_in_page(parse(html), list(PARAGRAPHS), total=sum(len(words(p)) for p in PARAGRAPHS)) == {}


def test_the_head_precision_mode_leaves_out_is_labelled_only_when_short() -> None:
    assert head_outside(["Menu", *PARAGRAPHS], "\n".join(PARAGRAPHS)) == 1
    long_head = [PARAGRAPHS[0] + " " + PARAGRAPHS[1], *PARAGRAPHS[2:]]
    assert head_outside(long_head, PARAGRAPHS[3]) == 0


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
    record = json.loads(run("clean", "-f", "json", data / "library.html").out)
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


def test_paragraphs_of_links_are_chrome_but_written_out_urls_are_not() -> None:
    html = (
        "<html><body><p><a href='/x'>Parking fees go up again next month</a></p>"
        "<p>See <a href='https://example.com/report'>https://example.com/report</a></p>"
        "<p><a href='https://example.com/report'>https://example.com/report</a></p>"
        f"<p>{PARAGRAPHS[0]} <a href='/y'>More here</a></p></body></html>"
    )
    lines = ["Parking fees go up again next month", "https://example.com/report", PARAGRAPHS[0] + " More here"]
    assert chrome_in_page(parse(html), lines, total=1000) == {words(lines[0]): ("related-links", "html-links")}


def test_teasers_of_other_articles_inside_the_article_are_related_links() -> None:
    teaser = "Parking fees go up again in the town centre, and shop owners are not pleased with it"
    html = (
        "<html><body><article>"
        + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
        + f"<article class='card'><p>{teaser}</p></article></article></body></html>"
    )
    chrome = chrome_in_page(parse(html), [*PARAGRAPHS, teaser], total=1000)
    assert chrome == {words(teaser): ("related-links", "html-container")}


def test_the_headline_block_is_chrome_and_the_title_is_named() -> None:
    dek = "The vote came after a long debate about money, and about what a town needs"
    html = page(extra_body="").replace("<h1>", f"<header><p>{dek}</p><h1>").replace("</h1>", "</h1></header>")
    result = clean_html(html)
    assert result.text == "\n\n".join(PARAGRAPHS) + "\n"
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


def test_lists_in_the_article_are_not_taken_for_a_page_dump() -> None:
    top = ["Two cups of flour", "One egg", "A pinch of salt", "Half a cup of milk", "Some butter", "A little sugar"]
    bottom = ["A large bowl", "A whisk", "A frying pan", "A spatula", "Two plates", "A clean towel"]

    def listed(items: list[str]) -> str:
        return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"

    html = page(paragraphs=(), extra_body=listed(top) + "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + listed(bottom))
    result = clean_html(html)
    assert all(item in result.text for item in top + bottom)
    assert "boilerplate" not in {r.kind for r in result.removed}
    assert "A whisk" not in clean_html(html, page_mode="on").text


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
        "<html><body><main><article><h1>Floods</h1>"
        f"{CHUNK.format(paragraphs[0])}<div class='ad-slot'>{middle}</div>{CHUNK.format(paragraphs[1])}"
        f"</article>{rest}</main></body></html>"
    )


def test_the_other_chunks_of_a_split_article_are_added_in_place() -> None:
    tree = parse(chunked())
    added = other_chunks(tree, [*FIRST, "Last line of the first chunk's caption"])
    assert added == [(2, SECOND[0]), (2, SECOND[1])]
    assert with_chunks(FIRST, added) == [*FIRST, *SECOND]


@pytest.mark.parametrize(
    "rest",
    [
        # a teaser of another article, with the same markup
        CHUNK.format("<p>Another town is building a wall of its own, and hopes it holds better.</p>").join(
            ["<article>", "</article>"]
        ),
        # the same markup in a sidebar
        "<aside>"
        + CHUNK.format("<p>Read our guide to getting your home ready for a flood this winter.</p>")
        + "</aside>",
        # a list of links
        CHUNK.format('<p><a href="/a">Floods in the north</a> <a href="/b">Storm warnings</a></p>'),
    ],
)
def test_chunks_elsewhere_on_the_page_are_not_added(rest: str) -> None:
    lines = [text for _, text in other_chunks(parse(chunked(rest=rest)), FIRST)]
    assert lines == list(SECOND)


def test_paragraphs_left_out_of_the_extracted_chunk_are_not_added() -> None:
    tree = parse(chunked())
    assert other_chunks(tree, [*FIRST[:2], *SECOND]) == []
    assert other_chunks(tree, FIRST[:2]) == []  # two paragraphs do not make a shape


@pytest.mark.parametrize(
    ("markup", "is_chrome"),
    [
        ('<div class="dialog hide"><p>{}</p></div>', True),
        ("<div hidden><p>{}</p></div>", True),
        ('<div style="display: none"><p>{}</p></div>', True),
        ('<span class="sr-only">{}</span>', True),
        ('<div class="hide-on-mobile"><p>{}</p></div>', False),
        ('<div class="story"><p>{}</p></div>', False),
    ],
)
def test_text_the_page_does_not_show_is_chrome(markup: str, is_chrome: bool) -> None:
    line = "Thank you, this story has been sent to your friend"
    html = page(extra_body=markup.format(line))
    chrome = chrome_in_page(parse(html), [line, *PARAGRAPHS], total=1000)
    assert (chrome.get(words(line)) == ("boilerplate", "html-container")) is is_chrome
    assert words(PARAGRAPHS[0]) not in chrome


def test_a_hidden_container_holding_most_of_the_text_is_not_chrome() -> None:
    html = "<html><body><div class='hidden'>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + "</div></body></html>"
    assert chrome_in_page(parse(html), list(PARAGRAPHS), total=sum(len(words(p)) for p in PARAGRAPHS)) == {}


POST = "Water up to the doors on Mill Street this morning, stay safe everyone"
EMBEDDED = (
    '<div class="social-embed"><blockquote class="{}"><p>{}</p>— River Watch (@riverwatch) May 2, 2019'
    ' <a href="https://example.com/status/1">link</a></blockquote></div>'
)


def with_post(cls: str = "twitter-tweet") -> str:
    body = "".join(f"<p>{p}</p>" for p in FIRST[:2]) + EMBEDDED.format(cls, POST) + f"<p>{FIRST[2]}</p>"
    return f"<html><body><article><div class='story-body'>{body}</div></article></body></html>"


def test_posts_embedded_in_the_article_are_added_in_place_and_are_not_chrome() -> None:
    tree = parse(with_post())
    assert other_chunks(tree, FIRST) == [(1, POST), (1, "— River Watch (@riverwatch) May 2, 2019 link")]
    assert chrome_in_page(tree, [*FIRST, POST], total=1000) == {}


@pytest.mark.parametrize("cls", ["pull-quote", ""])
def test_other_quotes_left_out_are_not_added(cls: str) -> None:
    assert other_chunks(parse(with_post(cls)), FIRST) == []


def test_a_post_already_extracted_is_not_added_again() -> None:
    recall = [*FIRST[:2], POST[:30], POST[30:], FIRST[2]]
    assert other_chunks(parse(with_post()), recall) == []
