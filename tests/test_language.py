"""The language detector: the same answers as langdetect's own, bit for bit, on any text."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from langdetect.detector import Detector as Langdetect
from langdetect.lang_detect_exception import LangDetectException

from cleaner.meta import detector
from cleaner.meta.language import _factory, guess, prose_sample
from tests.conftest import SAMPLES

#: Words in several scripts and cases, with the characters langdetect treats specially (digits,
#: punctuation, Romanian commas, Vietnamese marks, kana, hangul, addresses, e-mails).
PIECES = [
    "the",
    "council",
    "voted",
    "NATO",
    "McCain",
    "Über",
    "straße",
    "învăţământul",
    "ș",
    "ț",
    "Tiếng Việt",
    "e\u0301",
    "la",
    "de",
    "президент",
    "Москва",
    "ΕΛΛΑΔΑ",
    "北京",
    "ひらがな",
    "カタカナ",
    "한국어",
    "العربية",
    "ی",
    "עברית",
    "हिन्दी",
    "3.5%",
    "2019",
    "—",
    "’",
    "https://example.com/a?b=c",
    "jane.doe@example.com",
    "  ",
    "\n",
    ".",
]
texts = st.one_of(
    st.lists(st.sampled_from(PIECES), max_size=60).map(" ".join),
    st.lists(st.sampled_from(PIECES), max_size=60).map("".join),
    st.text(max_size=200),
)


def answers(made: object, text: str) -> list[tuple[str, float]] | str:
    """The languages and probabilities a detector gives ``text``, or the error it raises."""
    made.append(text)  # type: ignore[attr-defined]
    try:
        return [(lang.lang, lang.prob) for lang in made.get_probabilities()]  # type: ignore[attr-defined]
    except LangDetectException as error:
        return f"error: {error}"


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
@example("")
@example("NATO NATO NATO")
@example("The council voted on Tuesday to keep the old library open.")
@example("Ţara şi învăţământul: ș ț " * 3)
def test_same_answers_as_langdetect(text: str) -> None:
    factory = _factory()
    assert answers(detector.create(factory), text) == answers(Langdetect(factory), text)


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*.txt")), ids=lambda p: p.stem)
def test_same_answers_as_langdetect_on_the_samples(path: object) -> None:
    text = path.read_text(encoding="utf-8")  # type: ignore[attr-defined]
    factory = _factory()
    for sample in (text[:3000], prose_sample(text.split("\n"))):
        assert answers(detector.create(factory), sample) == answers(Langdetect(factory), sample)


def test_a_word_cache_that_fills_is_emptied_and_answers_stay_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Die Regierung hat am Dienstag beschlossen, die alte Bibliothek weitere fünf Jahre offen zu halten."
    before = guess(text)
    monkeypatch.setattr(detector, "_CACHE_SIZE", 3)
    assert guess(text) == before
    assert len(detector._cache_for(_factory().word_lang_prob_map)) == 0
    assert guess(text) == before


@pytest.mark.parametrize(
    ("word", "spaced", "grams"),
    [
        ("ab", True, ["a", " a", "b", "ab", " ab", "b ", "ab "]),
        ("ab", False, ["a", " a", "b", "ab", " ab"]),
        ("AB", True, ["A", " A", "B ", "AB "]),
        ("ABc", False, ["A", " A", "c", "Bc", "ABc"]),
        ("a", True, ["a", " a", "a "]),
    ],
)
def test_word_grams(word: str, spaced: bool, grams: list[str]) -> None:
    known = {g for g in grams} | {"zz"}
    assert detector.word_grams(word, spaced, known) == grams
