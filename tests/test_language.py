"""The language detector: the same answers as langdetect's own, bit for bit, on any text."""

from __future__ import annotations

import functools
import os
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from langdetect.detector import Detector as Langdetect
from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory
from langdetect.lang_detect_exception import LangDetectException
from langdetect.utils.lang_profile import LangProfile

from cleaner.meta import detector
from cleaner.meta.language import SEED, _read_profile, guess, profiles, prose_sample
from tests.conftest import SAMPLES


@functools.cache
def langdetect_factory() -> Any:
    """langdetect's own factory over its profiles, in the order cleaner numbers them (name order), seeded alike."""
    names = sorted(n for n in os.listdir(PROFILES_DIRECTORY) if not n.startswith("."))
    factory = DetectorFactory()
    for index, name in enumerate(names):
        factory.add_profile(LangProfile(**_read_profile(os.path.join(PROFILES_DIRECTORY, name))), index, len(names))
    factory.set_seed(SEED)
    return factory


def ours() -> detector.Detector:
    return detector.Detector(profiles(), SEED)


def theirs() -> Any:
    return Langdetect(langdetect_factory())


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
    assert answers(ours(), text) == answers(theirs(), text)


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*.txt")), ids=lambda p: p.stem)
def test_same_answers_as_langdetect_on_the_samples(path: object) -> None:
    text = path.read_text(encoding="utf-8")  # type: ignore[attr-defined]
    for sample in (text[:3000], prose_sample(text.split("\n"))):
        assert answers(ours(), sample) == answers(theirs(), sample)


def test_stores_that_fill_are_emptied_and_answers_stay_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Die Regierung hat am Dienstag beschlossen, die alte Bibliothek weitere fünf Jahre offen zu halten."
    before = guess(text)
    monkeypatch.setattr(detector, "WORDS_KEPT", 3)
    monkeypatch.setattr(detector, "ROWS_KEPT", 2)
    profiles()._rows.clear()
    profiles()._words.clear()
    assert guess(text) == before
    assert len(profiles()._words) <= 3
    assert len(profiles()._rows) <= 2
    assert guess(text) == before


def test_the_profiles_hold_what_langdetect_holds() -> None:
    loaded, factory = profiles(), langdetect_factory()
    assert loaded.languages == tuple(factory.langlist)
    grams = [g for g in factory.word_lang_prob_map if 1 <= len(g) <= 3]
    assert len(grams) == len(loaded._entries)
    assert all(loaded.row(g) == factory.word_lang_prob_map[g] for g in grams[::97])


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
    known = set(grams) | {"zz"}
    assert detector.word_grams(word, spaced, known) == grams
