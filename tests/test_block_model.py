"""The block model: whole-page text loses its chrome, articles keep every paragraph, and a second run changes nothing.

Pages here are written for these tests; none comes from the benchmark.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import cleaner
from cleaner.config import ConfigError
from cleaner.lexicon import alternation, words
from cleaner.strip.features import LISTS, NAMES, _lists, featurize, hits
from cleaner.strip.model import DATA, DROPS, Model, load

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
SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def whole_page() -> str:
    lines = [*HEADER, "Council to vote again on the plan", *PROSE, "Share this article", "Most read", *TEASERS, *FOOTER]
    return "\n\n".join(lines)


def test_a_whole_page_loses_its_menus_teasers_and_footer() -> None:
    result = cleaner.clean(whole_page())
    assert all(p in result.text for p in PROSE)
    for line in [*HEADER, *FOOTER, *TEASERS]:
        assert f"\n{line}\n" not in f"\n{result.text}"


#: Menu items no word list knows: only the model can tell them from the article.
SECTIONS = ["Puzzles and games", "Crosswords", "Horoscopes", "Gardening", "Motoring", "Property", "Jobs board"]


def test_what_the_model_drops_is_labelled_and_signed() -> None:
    result = cleaner.clean("\n\n".join([*SECTIONS, "Council to vote again on the plan", *PROSE, *SECTIONS]))
    dropped = [b for b in result.blocks if b.by == "block-model"]
    assert dropped and {b.kind for b in dropped} == {"boilerplate"}
    assert result.metadata["title"] == "Council to vote again on the plan"
    assert all(p in result.text for p in PROSE)


def test_a_subheading_between_paragraphs_stays() -> None:
    text = "\n\n".join([*HEADER, PROSE[0], PROSE[1], "What happens next", PROSE[2], PROSE[3], *FOOTER])
    assert "What happens next" in cleaner.clean(text).text


def test_an_article_is_left_whole() -> None:
    text = "\n\n".join(PROSE)
    assert cleaner.clean(text).text == text + "\n"


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*.txt")), ids=lambda p: p.stem)
def test_the_model_drops_nothing_of_the_samples(path: Path) -> None:
    result = cleaner.clean(path.read_text(encoding="utf-8"))
    assert [b.text for b in result.blocks if b.by == "block-model"] == []


def test_switching_the_model_off_keeps_what_no_rule_names() -> None:
    off = cleaner.clean("\n\n".join([*SECTIONS, *PROSE]), disable=["block_model"])
    assert "Horoscopes" in off.text and not any(b.by == "block-model" for b in off.blocks)


PAGE_LINES = [*HEADER, *FOOTER, *TEASERS, *PROSE, "What happens next", "Comments", "© 2024 The Paper", "1 2 3"]


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow], max_examples=60)
@given(st.lists(st.sampled_from(PAGE_LINES), min_size=0, max_size=60))
def test_cleaning_a_page_twice_changes_nothing(lines: list[str]) -> None:
    once = cleaner.clean("\n".join(lines))
    twice = cleaner.clean(once.text)
    assert twice.text == once.text
    assert twice.removed == ()


def test_the_shipped_model_reads_the_features_the_package_computes() -> None:
    model = load()
    assert model.features == NAMES
    assert set(model.drops) == set(DROPS) and all(0 < d <= 1 for d in model.drops.values()) and 0 < model.veto <= 1
    assert model.info["cross_validated"]["grouped_by"] == "site"
    rows = featurize(PROSE)
    assert all(0.0 <= p <= 1.0 for p in model.prose(rows))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.floats(-2.0, 12.0, allow_nan=False), min_size=len(NAMES), max_size=len(NAMES)), max_size=6))
def test_the_forest_gives_the_sums_of_walking_each_tree(rows: list[list[float]]) -> None:
    model = load()
    texts = [whole_page(), *PROSE, *TEASERS]
    rows = [*rows, *featurize(texts)]  # values on the trees' thresholds too: real rows hit them
    assert model._forest.scores(rows).tolist() == [model.score(r) for r in rows]


def test_the_shipped_model_is_small() -> None:
    from importlib import resources

    assert len(resources.files("cleaner.data").joinpath(DATA).read_bytes()) < 1_000_000


def test_a_model_of_ones_own_is_read_from_its_file(tmp_path: Path) -> None:
    keep_all = {"features": list(NAMES), "baseline": 10.0, "drop": dict.fromkeys(DROPS, 0.5), "veto": 0.99, "trees": []}
    path = tmp_path / "model.json"
    path.write_text(json.dumps(keep_all))
    result = cleaner.clean("\n\n".join([*SECTIONS, *PROSE]), model=str(path))
    assert "Horoscopes" in result.text  # this model keeps everything no rule names
    assert Model.from_dict(keep_all).prose([[0.0] * len(NAMES)]) == pytest.approx([1.0], abs=1e-4)


def test_a_model_file_that_is_not_one_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "model.json"
    path.write_text("{}")
    with pytest.raises(ConfigError, match="not a block model"):
        cleaner.clean("Some text.", model=str(path))


def _grouped() -> re.Pattern[str]:
    """The spec of the word-list hits: one alternation, a group per list in order, each list's phrases in order."""
    groups = [f"(?P<k{i}>{alternation(words(key))})" for i, key in enumerate(LISTS)]
    return re.compile(rf"(?<!\w)(?:{'|'.join(groups)})(?!\w)", re.IGNORECASE)


PHRASES = sorted({w for key in LISTS for w in words(key)})
phrase_texts = st.lists(
    st.one_of(
        st.sampled_from(PHRASES),
        st.sampled_from(PHRASES).map(str.upper),
        st.sampled_from([" ", "  ", ". ", ", ", "\n", "-", "x", "'s", "2", "’", "|"]),
    ),
    max_size=20,
).map("".join)


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(phrase_texts)
def test_word_list_hits_are_those_of_one_alternation(text: str) -> None:
    ours = [(LISTS[i], (start, end)) for i, start, end in _lists().hits(text)]
    spec = [(LISTS[int(m.lastgroup[1:])], m.span()) for m in _grouped().finditer(text) if m.lastgroup]
    assert ours == spec
    assert _lists()._hits_by_pattern(text) == _lists().hits(text)  # the automaton and the patterns agree


#: Texts the automaton reads itself: single spaces, letters of many scripts and cases, the lists' phrases.
plain_texts = st.lists(
    st.one_of(
        st.sampled_from(PHRASES),
        st.sampled_from(PHRASES).map(str.upper),
        st.sampled_from(PHRASES).map(str.title),
        st.sampled_from([" ", ". ", ", ", "-", "x", "'s", "2", "’", "|", "é", "Ü", "ß", "Σ", "я", "İ", "ſ", "_"]),
        st.text(max_size=3),
    ),
    max_size=20,
).map("".join)


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plain_texts)
def test_the_automaton_finds_what_the_patterns_find(text: str) -> None:
    lists = _lists()
    assert lists.hits(text) == lists._hits_by_pattern(text)
    _, each = lists._places
    head = text[:80]
    lead = re.match(r"\W{0,3}", head).end()  # type: ignore[union-attr]
    assert lists.opening(text) == [any(p.match(head, at) for at in range(lead + 1)) for p in each]


@pytest.mark.slow
def test_no_letter_of_the_lists_folds_its_case_apart_from_lower_case() -> None:
    from cleaner.strip.phrases import CASE_FOLDS_APART

    letters = sorted({c for key in LISTS for w in words(key) for c in w})
    everything = "".join(chr(i) for i in range(0x110000) if not 0xD800 <= i < 0xE000)
    for letter in letters:
        folded = set(re.compile(f"[{re.escape(letter)}]", re.IGNORECASE).findall(everything))
        apart = {c for c in folded if c.lower() != letter} | {c for c in everything if c.lower() == letter} - folded
        assert apart <= CASE_FOLDS_APART, (letter, sorted(apart - CASE_FOLDS_APART))
    assert all(len(c.lower()) == 1 or c in CASE_FOLDS_APART for c in everything)


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(phrase_texts)
def test_a_list_opens_a_block_only_where_some_phrase_does(text: str) -> None:
    opens, _ = hits(text)
    spec = [
        1.0 if re.match(rf"^\W{{0,3}}(?:{alternation(words(key))})(?!\w)", text[:80], re.IGNORECASE) else 0.0
        for key in LISTS
    ]
    assert opens == spec


@settings(deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(
                ["http", "://", "www", ".", "com", "co.uk", "io", "@", "ab", "ſ", "ı", "K", "|", "»", " ", "  "]
            ),
            st.text(max_size=4),
        ),
        max_size=12,
    ).map("".join)
)
def test_the_shape_prefilters_never_hide_what_the_patterns_find(text: str) -> None:
    from cleaner.strip.features import _SEPARATOR, _URL, _may_hold_separator, _may_hold_url

    assert _may_hold_url(text) or not _URL.search(text)
    assert _may_hold_separator(text) or not _SEPARATOR.search(text)


block_texts = st.lists(
    st.one_of(
        st.sampled_from(
            [*PROSE, *HEADER, *FOOTER, *TEASERS, "Share this article", "Most read", "12:30", "May 5, 2019"]
        ),
        phrase_texts,
        st.text(max_size=30),
    ),
    max_size=25,
)


@settings(deadline=None, max_examples=80, suppress_health_check=[HealthCheck.too_slow])
@given(block_texts, st.booleans())
def test_the_features_are_those_of_the_spec_value_for_value(texts: list[str], paged: bool) -> None:
    import sys

    sys.path.insert(0, str(Path(__file__).parent))
    from feature_spec import featurize_spec

    from cleaner.document import PageSignals

    pages = [PageSignals("p", links=0.5, recall=float(i % 2), standard=float(i % 3 == 0)) for i in range(len(texts))]
    chosen = pages if paged else None
    assert featurize(texts, chosen).tolist() == featurize_spec(texts, chosen)


@given(st.text(alphabet=st.sampled_from(list("ab’'É1 -_.ßя")), max_size=40))
def test_the_words_the_language_is_told_by_come_from_the_features_words(text: str) -> None:
    from cleaner.stopwords import _words, words_of_runs
    from cleaner.strip.features import _WORD

    assert words_of_runs(_WORD.findall(text)) == list(_words(text))
