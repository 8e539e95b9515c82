"""langdetect's detector, with its per-character and per-language loops written tight.

:class:`Detector` gives, for every text, the same answer as
``langdetect.detector.Detector`` from the same factory: the same languages with
bit-for-bit the same probabilities.  It draws the same random numbers in the
same order and does the same floating-point operations in the same order; only
the Python around them is faster:

- a character's normalised form (langdetect's ``NGram.normalize``) is looked up
  once per distinct character, not once per character;
- the n-gram buffer is a local string, not an object whose methods are called
  for every character;
- the probabilities of the 55 languages are updated by one list comprehension
  per n-gram drawn, not by an indexed loop;
- a word's n-grams are found once per distinct word, and the five draws between two
  normalisations are multiplied in in one pass.

``tests/test_language.py`` checks the sameness on generated texts in many
scripts and on the samples.

>>> from cleaner.meta.language import _factory
>>> detector = Detector(_factory())
>>> detector.append("The council voted on Tuesday to keep the old library open for five more years.")
>>> detector.get_probabilities()[0].lang
'en'
"""

from __future__ import annotations

import re
from typing import Any

from langdetect import detector as original
from langdetect.lang_detect_exception import ErrorCode, LangDetectException
from langdetect.utils.ngram import NGram

_SPACES = re.compile(" +")
#: What langdetect's cleaning counts as Latin: every character from "A" to "z", "[" to "`" included.
_LATIN = re.compile("[A-z]")
#: What it counts as not Latin: every character from U+0300 up (its test for the Latin Extended
#: Additional block compares a number with a name, so it never excludes that block).
_NON_LATIN = re.compile("[\u0300-\U0010ffff]")
_NOT_LATIN_LETTER = re.compile("[A-z]+")


class Detector(original.Detector):  # type: ignore[misc]
    """A langdetect detector with the same results, sooner (see the module's docstring)."""

    text: str

    def append(self, text: str) -> None:
        """Add ``text``: addresses and e-mails out, Vietnamese marks folded, runs of spaces made one."""
        text = self.URL_RE.sub(" ", text)
        text = self.MAIL_RE.sub(" ", text)
        text = NGram.normalize_vi(text)
        head = text[: self.max_text_length]
        self.text += _SPACES.sub(" ", head)

    def cleaning_text(self) -> None:
        """Drop the Latin letters of a text written mostly in another script, as langdetect does."""
        latin = len(_LATIN.findall(self.text))
        non_latin = len(_NON_LATIN.findall(self.text))
        if latin * 2 < non_latin:
            self.text = _NOT_LATIN_LETTER.sub("", self.text)

    def _extract_ngrams(self) -> list[str]:
        """The 1- to 3-grams of the text that some profile knows, in langdetect's order.

        langdetect reads the text one character at a time, and its grams never reach across a space:
        they are those of each word, read with a space before it (and after it, when one follows).
        So they are found once per distinct word.
        """
        known = self.word_lang_prob_map
        cache = _cache_for(known)
        words = self.text.translate(_NORMALISED).split(" ")
        result: list[str] = []
        last = len(words) - 1
        for index, word in enumerate(words):
            if word:
                key = (word, index < last)
                found = cache.get(key)
                if found is None:
                    found = cache[key] = word_grams(word, index < last, known)
                result += found
        if len(cache) > _CACHE_SIZE:
            cache.clear()
        return result

    def _detect_block(self) -> None:
        """langdetect's trials: the same draws, the same products in the same order, the same normalisations.

        langdetect multiplies the probabilities by one drawn n-gram's row at a time and normalises them
        after the first draw and then after every fifth; here the five rows of a stretch are multiplied in
        in one pass, left to right, which gives the same products.
        """
        self.cleaning_text()
        ngrams = self._extract_ngrams()
        if not ngrams:
            raise LangDetectException(ErrorCode.CantDetectError, "No features in text.")
        row = self.word_lang_prob_map.__getitem__
        self.langprob = [0.0] * len(self.langlist)
        random = self.random
        random.seed(self.seed)
        choice, limit, converged = random.choice, self.ITERATION_LIMIT, self.CONV_THRESHOLD
        for _ in range(self.n_trial):
            alpha = self.alpha + random.gauss(0.0, 1.0) * self.ALPHA_WIDTH
            w = alpha / self.BASE_FREQ
            prob = [p * (w + q) for p, q in zip(self._init_probability(), row(choice(ngrams)), strict=True)]
            i = 0
            while True:
                total = sum(prob)
                prob = [p / total for p in prob]
                if max(0.0, *prob) > converged or i >= limit:
                    break
                a, b, c, d, e = (
                    row(choice(ngrams)),
                    row(choice(ngrams)),
                    row(choice(ngrams)),
                    row(choice(ngrams)),
                    row(choice(ngrams)),
                )
                prob = [
                    p * (w + qa) * (w + qb) * (w + qc) * (w + qd) * (w + qe)
                    for p, qa, qb, qc, qd, qe in zip(prob, a, b, c, d, e, strict=True)
                ]
                i += 5
            self.langprob = [s + p / self.n_trial for s, p in zip(self.langprob, prob, strict=True)]


class _Normalised(dict[int, str]):
    """A ``str.translate`` table that holds ``NGram.normalize`` of each character, filled as they are met."""

    def __missing__(self, code: int) -> str:
        found: str = NGram.normalize(chr(code))
        self[code] = found
        return found


_NORMALISED = _Normalised()
#: Each profile map's cache of words' grams (the map is kept beside its cache, so its id stays its own).
_CACHES: dict[int, tuple[Any, dict[tuple[str, bool], list[str]]]] = {}
#: A cache is emptied when it holds more words than this (it only saves time).
_CACHE_SIZE = 200_000


def _cache_for(known: Any) -> dict[tuple[str, bool], list[str]]:
    held = _CACHES.get(id(known))
    if held is None or held[0] is not known:
        held = _CACHES[id(known)] = (known, {})
    return held[1]


def word_grams(word: str, spaced: bool, known: Any) -> list[str]:
    """The grams langdetect reads in one normalised ``word`` (a space before it, and after it when ``spaced``),
    in its order, those that ``known`` holds; none where the word runs in capitals.

    >>> word_grams("Cat", True, {"C", " C", "a", "Ca", " Ca", "t", "at", "Cat", "t ", "at "})
    ['C', ' C', 'a', 'Ca', ' Ca', 't', 'at', 'Cat', 't ', 'at ']
    >>> word_grams("NATO", False, {"N", " N", "A", "NA", "T", "O"})
    ['N', ' N']
    """
    text = " " + word + (" " if spaced else "")
    found: list[str] = []
    for k in range(1, len(text)):
        if text[k].isupper() and text[k - 1].isupper():
            continue
        for n in (1, 2, 3):
            if n > k + 1:
                break
            gram = text[k + 1 - n : k + 1]
            if gram != " " and gram in known:
                found.append(gram)
    return found


def create(factory: Any) -> Detector:
    """A :class:`Detector` over ``factory``'s profiles, with its seed."""
    if not factory.langlist:
        raise LangDetectException(ErrorCode.NeedLoadProfileError, "Need to load profiles.")
    return Detector(factory)
