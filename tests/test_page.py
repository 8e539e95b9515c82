"""Page-dump mode: what it drops, what it keeps, and when it switches itself on."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import cleaner
from cleaner.config import Config
from cleaner.document import Document
from cleaner.pipeline import default_pipeline
from cleaner.strip import page

EN = page.stopwords("en")

PROSE = [
    "The council said on Monday that it would vote on the plan again next month, because the first vote had "
    "been lost by a single seat while several of its members were away at a conference in the capital. Their return is expected soon.",
    "Opponents of the plan say that it would cost far more than the council has admitted, and that the money "
    "would be better spent on the roads and schools that residents have been asking about for years. The council has not answered them.",
    "The mayor, who has backed the plan from the start, told reporters that she was confident it would pass "
    "this time, although she admitted that a few of her own allies were still undecided about it. Her office would not comment further.",
    "A final decision is expected before the end of the year, when the council must also agree on a budget "
    "for the next two years and settle a long dispute over the price of the new bus contract. Both are likely to be hard fought.",
]
HEADER = ["Skip to content", "Home", "News", "Local", "Sport", "Weather", "Opinion", "Sign in", "Subscribe"]
FOOTER = ["About us", "Contact us", "Careers", "Advertise", "Privacy policy", "Terms of use", "Site map"]
TEASERS = [
    "Police close the old bridge after a lorry hits it",
    "Five things to do in town this weekend",
    "Local bakery wins a national prize",
    "School plans a new sports hall",
]


def whole_page() -> list[str]:
    return [*HEADER, "Council to vote again on the plan", *PROSE, "Share this article", "Most read", *TEASERS, *FOOTER]


def kept(texts: list[str], mode: str = "on") -> list[str]:
    return [b.text for b in page.page_mode(Document.from_blocks(texts), mode=mode).kept]


@pytest.mark.parametrize(
    "line",
    [
        "News | Sport | Weather | Travel",
        "Home • About • Contact • Jobs",
        "Copyright © 2024 The Daily Paper. All rights reserved.",
        "www.example.com/subscribe",
    ],
)
def test_classify_bad_lines(line: str) -> None:
    assert page.classify(line, EN).cls == page.BAD


@pytest.mark.parametrize("line", [*PROSE])
def test_classify_prose_is_good(line: str) -> None:
    assert page.classify(line, EN).cls == page.GOOD


@pytest.mark.parametrize(
    "line",
    [
        "Sign in",
        "Council to vote again on the plan",
        # A short article line is short (decided by its neighbours), never bad on its own.
        "He did not say when.",
    ],
)
def test_classify_short_lines(line: str) -> None:
    assert page.classify(line, EN).cls == page.SHORT


@pytest.mark.parametrize("line", [*HEADER, *FOOTER, *TEASERS, "Share this article", "Most read"])
def test_page_mode_drops_chrome(line: str) -> None:
    assert line not in kept(whole_page())


@pytest.mark.parametrize("line", [*PROSE, "Council to vote again on the plan"])
def test_page_mode_keeps_the_article(line: str) -> None:
    assert line in kept(whole_page())


def test_subheading_between_paragraphs_is_kept() -> None:
    texts = [*HEADER, PROSE[0], PROSE[1], "What happens next", PROSE[2], PROSE[3], *FOOTER]
    assert "What happens next" in kept(texts)


def test_removals_are_labelled_boilerplate_with_a_rule() -> None:
    doc = page.page_mode(Document.from_blocks(whole_page()), mode="on")
    dropped = [b for b in doc.blocks if not b.kept]
    assert dropped
    assert {b.kind for b in dropped} == {"boilerplate"}
    assert all(b.by for b in dropped)


def test_far_away_prose_outside_the_main_region_is_dropped() -> None:
    comment = (
        "I have lived in this town for thirty years and I have never seen the council make such a mess of "
        "something that should have been so simple, and I do not think that I ever will again."
    )
    texts = [*HEADER, *PROSE, *FOOTER, *TEASERS, "Comments", comment, *FOOTER]
    out = kept(texts)
    assert comment not in out
    assert all(p in out for p in PROSE)


def test_off_changes_nothing() -> None:
    assert kept(whole_page(), mode="off") == whole_page()


@pytest.mark.parametrize(
    ("texts", "fires"),
    [
        (whole_page(), True),
        ([*HEADER, *HEADER, *PROSE], True),  # one long menu at the top
        (["Council to vote again on the plan", *PROSE], False),
        (["A title", *PROSE, "What happens next", *PROSE], False),
        # An article with a short list in it is not a page.
        (["A title", PROSE[0], "Milk", "Eggs", "Flour", "Sugar", *PROSE[1:]], False),
        # Lists with numbers (tables, results) are not menus.
        ([f"Team {c}" + " 1 2 3" for c in "ABCDEFGHIJKLMNOP"] + PROSE, False),
    ],
)
def test_auto_switch(texts: list[str], fires: bool) -> None:
    assert page.looks_like_page(texts) is fires
    changed = kept(texts, mode="auto") != texts
    assert changed is fires


def test_auto_mode_leaves_clean_articles_alone() -> None:
    texts = ["Council to vote again on the plan", *PROSE]
    assert kept(texts, mode="auto") == texts


@pytest.mark.parametrize("path", sorted(Path(__file__).resolve().parent.parent.joinpath("samples").glob("*.txt")))
def test_auto_does_not_fire_on_the_samples(path: Path) -> None:
    split = default_pipeline().without("page_mode", "strip_chrome", "fix_typos", "detect_language")
    doc = split(Document.from_text(path.read_text(encoding="utf-8")))
    texts = [b.text for b in doc.blocks]
    assert not page.looks_like_page(texts)
    assert not page.auto_fires(doc, texts)
    assert not any(r.kind == "boilerplate" for r in cleaner.clean(path.read_text(encoding="utf-8")).removed)


def test_pipeline_step_and_config() -> None:
    text = "\n\n".join(whole_page())
    auto = cleaner.clean(text)
    off = default_pipeline(Config(page_mode="off")).clean(text)
    assert any(r.kind == "boilerplate" for r in auto.removed)
    assert not any(r.kind == "boilerplate" for r in off.removed)
    assert "page_mode" in default_pipeline().names
    assert default_pipeline().names.index("page_mode") < default_pipeline().names.index("strip_chrome")


def test_page_mode_is_idempotent() -> None:
    once = default_pipeline(Config(page_mode="on")).clean("\n\n".join(whole_page())).text
    twice = default_pipeline(Config(page_mode="on")).clean(once).text
    assert once == twice


@pytest.mark.parametrize(
    ("texts", "language"),
    [
        (["Der Hund und die Katze sind in dem Haus, aber sie wollen nicht mehr dort sein."], "de"),
        (["Le chien et le chat sont dans la maison, mais ils ne veulent plus y rester."], "fr"),
        (["El perro y el gato están en la casa, pero no quieren quedarse allí."], "es"),
    ],
)
def test_best_language(texts: list[str], language: str) -> None:
    assert page.best_language(texts)[0] == language


def test_unknown_language_falls_back_to_length() -> None:
    assert page.classify("x" * 250 + ".", None).cls == page.GOOD
    assert page.classify("x" * 150 + " y", None).cls == page.BAD


PAGE_LINES = [*HEADER, *FOOTER, *TEASERS, *PROSE, "What happens next", "Comments", "© 2024 The Paper", "1 2 3"]


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow], max_examples=60)
@given(st.lists(st.sampled_from(PAGE_LINES), min_size=0, max_size=60))
def test_auto_page_mode_is_idempotent(lines: list[str]) -> None:
    once = cleaner.clean("\n".join(lines))
    twice = cleaner.clean(once.text)
    assert twice.text == once.text
    assert not any(r.kind == "boilerplate" for r in twice.removed)


TEASER = (
    "Police have closed the old bridge over the river after a lorry hit it on Sunday night, and engineers "
    "say it could stay closed for weeks."
)


def test_a_long_block_found_twice_is_a_teaser() -> None:
    texts = [*HEADER, TEASER, *PROSE, TEASER, *FOOTER]
    verdicts = page.classify_all(texts)
    assert verdicts[len(HEADER)].rule == "repeated"
    assert TEASER not in kept(texts)


def test_lines_of_one_recurring_shape_are_bad() -> None:
    texts = [*PROSE, "Rating: 12 votes", PROSE[0][:60], "Rating: 3 votes", "Rating: 7 votes"]
    rules = [v.rule for v in page.classify_all(texts)]
    assert rules.count("repeated-shape") == 3


@pytest.mark.parametrize("line", ["Follow us on Twitter", "November 19, 2019 6:44 am"])
def test_chrome_classifiers_are_asked_about_short_lines(line: str) -> None:
    assert page.classify_all([*PROSE, line])[-1].cls == page.BAD


def test_a_date_line_ends_the_main_region() -> None:
    comment = (
        "I have lived in this town for thirty years and I have never seen the council make such a mess of "
        "something that should have been so simple, and I do not think that I ever will again in my life. "
        "Nobody on the council seems to have read the plan before they voted on it."
    )
    assert page.classify(comment, EN).cls == page.GOOD
    texts = [*HEADER, *PROSE, "Comments", "November 19, 2019 6:44 am", comment, *FOOTER]
    out = kept(texts)
    assert all(p in out for p in PROSE)
    assert comment not in out


def test_a_list_like_article_is_left_alone() -> None:
    # Mostly list items that are not menus (quantities, numbers): keeping only the intro would lose the article.
    items = [
        f"Rice {n} cups, black beans {n} spoons, olive oil {n} tsp, chilli flakes, fresh ginger, spring onions"
        for n in range(60)
    ]
    texts = [*HEADER, PROSE[0], *items, *FOOTER]
    assert page.looks_like_page(texts)
    assert not page.confident(texts, page.verdicts(texts))
    assert kept(texts) == texts


def test_decision_survives_strip_chrome() -> None:
    # A line strip_chrome removes ("1 2 3" here) may join two menus into one long list: the clean text
    # must get the same decision as the input, so auto also judges the text as strip_chrome leaves it.
    lines = ["He said no.", "Skip to content", "Skip to content", "1 2 3", *["Skip to content"] * 5, PROSE[0]]
    lines += ["Skip to content", "Skip to content", "* Home"]
    once = cleaner.clean("\n".join(lines)).text
    assert cleaner.clean(once).text == once


def test_table_rows_are_not_links() -> None:
    assert not page.link_like("| Pos | Player |")
    rows = ["| Name | Team |", "|---|---|"] * 8
    assert not page.looks_like_page(["A title", PROSE[0], *rows, PROSE[1]])
