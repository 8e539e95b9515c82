"""``cleaner report``: the numbers and views of the page, its bounds, and how the command behaves."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from report_support import CHROME_ONLY, Tree, bar_titles, build_corpus
from test_cli_support import NAMES, SAMPLES, TTY, run

import cleaner
from cleaner.report.page import render
from cleaner.report.summary import Shown, Summary, summarise
from cleaner.report.totals import Totals


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_corpus(tmp_path_factory.mktemp("corpus"))


@pytest.fixture(scope="module")
def report(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    out = tmp_path_factory.mktemp("out") / "report.html"
    result = run("report", corpus, "-o", out)
    assert result.code == 123, result.err  # the bad JSONL line
    return out, result.err


def test_the_run_is_reported_like_clean(report: tuple[Path, str], corpus: Path) -> None:
    out, err = report
    lines = err.splitlines()
    assert (
        lines[0]
        == f"cleaner: {corpus / 'records.jsonl'}:4: not valid JSON (Expecting property name enclosed in double quotes: line 1 column 2 (char 1))"
    )
    assert f"cleaner: wrote {out} (10 documents, 10 side-by-side views)" in lines
    assert "cleaner: 10 documents cleaned (10 changed, 0 unchanged), 1 failed" in lines
    assert "Traceback" not in err


def test_removed_by_kind_in_tokens_and_blocks(report: tuple[Path, str], corpus: Path) -> None:
    tree = Tree(report[0].read_text(encoding="utf-8"))
    tokens, blocks = bar_titles(tree, "chart-kind-tokens"), bar_titles(tree, "chart-kind-blocks")
    assert tokens[0] == "related-links: 199" and blocks[0] == "related-links: 17"
    assert [t.split(":")[0] for t in tokens] == [b.split(":")[0] for b in blocks]  # one order for both
    texts = [(SAMPLES / n).read_text(encoding="utf-8") for n in NAMES]
    pages = [p.read_text(encoding="utf-8") for p in sorted((corpus / "pages").glob("*.html"))]
    results = [cleaner.clean(t) for t in texts] + [cleaner.clean_html(p) for p in pages]
    byline = sum(1 for r in results for b in r.blocks if b.kind == "byline")
    assert f"byline: {byline}" in blocks
    assert "social: 3" in blocks  # two in the chrome-only record, one in a sample


def test_removed_by_site(report: tuple[Path, str], corpus: Path) -> None:
    tree = Tree(report[0].read_text(encoding="utf-8"))
    sites = bar_titles(tree, "chart-site-tokens")
    assert sites[0] == f"{corpus / 'samples'}: 264"
    assert "news.example.com: 0" in sites and "other.example.org: 7" in sites
    assert len(bar_titles(tree, "chart-site-blocks")) == len(sites)


def test_share_kept_languages_and_fixes(report: tuple[Path, str]) -> None:
    tree = Tree(report[0].read_text(encoding="utf-8"))
    histogram = bar_titles(tree, "chart-kept")
    assert histogram[0] == "0–10%: 1" and histogram[-1] == "100%: 2"  # the chrome-only record; two without removals
    assert sum(int(t.rsplit(": ", 1)[1]) for t in histogram) == 10
    assert bar_titles(tree, "chart-languages") == ["en: 9", "unknown: 1"]
    assert bar_titles(tree, "chart-fix-kinds") == ["typo: 1", "misspelling: 1", "mojibake: 1"]
    repairs = {
        t.attrs["data-kind"]: [c.text for c in tree.find("code", within=t)] for t in tree.find("table", "repairs")
    }
    assert repairs == {"typo": ["ANTO", "NATO"], "misspelling": ["recieve", "receive"], "mojibake": ["itâ€™s", "it's"]}


def test_most_changed_documents_link_to_their_side_by_side_views(report: tuple[Path, str], corpus: Path) -> None:
    tree = Tree(report[0].read_text(encoding="utf-8"))
    (table,) = tree.find("table", "changed")
    links = [a for a in tree.find("a", within=table)]
    assert links[0].text == f"{corpus / 'records.jsonl'}:3"  # all of it removed
    assert [a.attrs["href"] for a in links] == [f"#doc-{n}" for n in range(1, 11)]
    views = tree.find("section", "view")
    assert [v.attrs["id"] for v in views] == [f"doc-{n}" for n in range(1, 11)]
    sample = next(v for v in views if v.attrs["aria-label"].endswith(NAMES[3]))
    rows = tree.find("tr", "block", within=sample)
    blocks = cleaner.clean((SAMPLES / NAMES[3]).read_text(encoding="utf-8")).blocks
    assert [r.attrs["data-kind"] for r in rows] == [b.kind for b in blocks]
    byline = next(r for r in rows if r.attrs["data-kind"] == "byline")
    assert (
        "removed" in byline.attrs["class"] and "byline · byline" in byline.text and "By Kamila Aliyeva" in byline.text
    )
    left, right = tree.find("td", "side", within=byline)
    assert "By Kamila Aliyeva" in left.text and right.text == ""
    body = next(r for r in rows if r.attrs["data-kind"] == "body")
    left, right = tree.find("td", "side", within=body)
    assert left.text == "" and right.text == blocks[3].text + str(blocks[3].why)  # the text, then why it is kept
    assert str(blocks[3].why).startswith("kept: p ")
    assert "--c:#d62728" in byline.attrs["style"]  # coloured by its kind


def test_the_page_is_self_contained(report: tuple[Path, str]) -> None:
    html = report[0].read_text(encoding="utf-8")
    tree = Tree(html)
    assert all(a.attrs["href"].startswith("#") for a in tree.find("a"))
    assert not tree.find("link") and not tree.find("img") and not tree.find("iframe")
    assert all("src" not in e.attrs for e in tree.all)
    assert not re.search(
        r"@import|url\(|https?://(?!www\.w3\.org/2000/svg)", html.replace(' xmlns="http://www.w3.org/2000/svg"', "")
    )
    assert len(tree.find("script")) == 1 and len(tree.find("style")) == 1


def test_the_report_is_the_same_every_time(corpus: Path, tmp_path: Path) -> None:
    run("report", corpus, "-o", tmp_path / "a.html", "-q")
    run("report", corpus, "-o", tmp_path / "b.html", "-q")
    assert (tmp_path / "a.html").read_bytes() == (tmp_path / "b.html").read_bytes()


def test_top_bounds_the_views(corpus: Path, tmp_path: Path) -> None:
    result = run("report", corpus, "-o", tmp_path / "r.html", "--top", "2")
    assert f"wrote {tmp_path / 'r.html'} (10 documents, 2 side-by-side views)" in result.err
    tree = Tree((tmp_path / "r.html").read_text(encoding="utf-8"))
    assert len(tree.find("section", "view")) == 2 and len(tree.find("a", within=tree.find("table", "changed")[0])) == 2
    assert run("report", corpus, "-o", tmp_path / "r.html", "--top", "0").code == 2


def test_a_report_that_cannot_be_written_fails_in_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    import cleaner.cli.report_html

    def full(path: object, text: str) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(cleaner.cli.report_html, "write_atomic", full)
    result = run("report", SAMPLES / NAMES[0], "-o", tmp_path / "r.html")
    assert result.code == 123
    assert f"cleaner: {tmp_path / 'r.html'}: cannot write the report: No space left on device" in result.err
    assert "Traceback" not in result.err and not (tmp_path / "r.html").exists()


def test_progress_shows_on_a_terminal(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(25):
        (folder / f"{n:02d}.txt").write_text(f"Story {n}\n\nThe council met again on day {n} and talked for hours.\n")
    err = TTY()
    result = run("report", folder, "-o", tmp_path / "r.html", "-j", "1", stderr=err)
    assert result.code == 0
    assert re.search(r"\b25/25\b", result.err), result.err  # the bar reached the end
    assert "cleaner: 25 documents cleaned" in result.err


def test_totals_and_page_stay_bounded_on_many_documents() -> None:
    totals = Totals(top=7)
    blocks = tuple(
        Shown("related-links" if i % 3 else "body", "related", f"Line {i} " * 20, i % 3 == 0) for i in range(60)
    )
    for n in range(5000):
        removed = (("related-links", 40, 40 * (n % 97)),)
        totals.add(Summary(f"doc{n}.txt", f"site{n % 300}", "en", 5000, 5000 - 40 * (n % 97), removed, (), blocks))
    assert len(totals._heap) == 7
    html = render(totals, ["corpus/"])
    assert html.count('class="view"') == 7
    assert len(html) < 600_000
    assert [s.source for s in totals.most_changed()][:2] == ["doc96.txt", "doc193.txt"]  # most removed; earlier first
    assert '<p class="note">and 280 more sites</p>' in html


def test_a_summary_counts_kept_kinds_as_kept() -> None:
    text = (SAMPLES / NAMES[3]).read_text(encoding="utf-8")
    plain = summarise(cleaner.clean(text), "a")
    keeping = summarise(cleaner.clean(text, keep=["byline"]), "a", keep=["byline"])
    assert keeping.kept == plain.kept + 3 and "byline" not in [k for k, _, _ in keeping.removed]
    assert summarise(cleaner.clean(CHROME_ONLY), "c").kept == 0


@pytest.mark.slow
def test_a_folder_of_thousands_of_files_in_two_workers(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    for n in range(2000):
        site = folder / f"site{n % 40:02d}"
        site.mkdir(parents=True, exist_ok=True)
        chrome = "Share on Facebook\n\n" if n % 4 == 0 else ""
        (site / f"{n:04d}.txt").write_text(
            f"Story number {n}\n\n{chrome}The council met again on day {n} and talked for hours about the budget.\n"
        )
    out = tmp_path / "r.html"
    err = TTY()
    result = run("report", folder, "-o", out, "-j", "2", "--top", "25", stderr=err)
    assert result.code == 0, result.err
    assert "cleaner: 2000 documents cleaned" in result.err
    assert re.search(r"\b2000/2000\b", result.err)
    tree = Tree(out.read_text(encoding="utf-8"))
    assert len(tree.find("section", "view")) == 25
    assert out.stat().st_size < 400_000
    assert "social: 500" in bar_titles(tree, "chart-kind-blocks")
    assert len(bar_titles(tree, "chart-site-tokens")) == 20  # and 20 more sites in a note
    assert '<p class="note">and 20 more sites</p>' in out.read_text(encoding="utf-8")
