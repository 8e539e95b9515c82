"""langdetect's language detector: its profiles held compactly, its loops written tight, its answers unchanged.

:class:`Detector` gives every text the answer ``langdetect.detector.Detector``
gives it over the same profiles (loaded in name order, seed 0): the same
languages with bit-for-bit the same probabilities.  It draws the same random
numbers in the same order and does the same floating-point operations in the
same order; only the Python around them and the memory under them differ:

- **profiles** (:class:`Profiles`): langdetect keeps, for each of its 87,598
  n-grams, a list of 55 floats, nine in ten of them zero (64 MB in every
  process).  Here each n-gram's non-zero probabilities are packed in a few
  bytes, and the full row of an n-gram is rebuilt when it is drawn, then kept
  for the n-grams drawn lately;
- a character's normalised form (langdetect's ``NGram.normalize``) is a
  ``str.translate`` table filled as characters are met;
- langdetect's n-grams never cross a space, so they are found once per distinct
  word, not once per character;
- the five draws between two normalisations are multiplied in in one pass, left
  to right, which gives the same products.

``tests/test_language.py`` checks the sameness against langdetect itself on
generated texts in many scripts and on the samples.

>>> from cleaner.meta.language import profiles
>>> detector = Detector(profiles())
>>> detector.append("The council voted on Tuesday to keep the old library open for five more years.")
>>> detector.get_probabilities()[0].lang
'en'
"""

from __future__ import annotations

import random
import re
import struct
from collections.abc import Iterable, Mapping
from typing import Any

from langdetect.detector import Detector as Langdetect
from langdetect.lang_detect_exception import ErrorCode, LangDetectException
from langdetect.language import Language
from langdetect.utils.ngram import NGram

_SPACES = re.compile(" +")
#: What langdetect's cleaning counts as Latin: every character from "A" to "z", "[" to "`" included.
_LATIN = re.compile("[A-z]")
#: What it counts as not Latin: every character from U+0300 up (its test for the Latin Extended
#: Additional block compares a number with a name, so it never excludes that block).
_NON_LATIN = re.compile("[\u0300-\U0010ffff]")
_LATIN_RUN = re.compile("[A-z]+")
#: One (language, probability) pair of a profile: a byte and a double, as exact as langdetect's float.
_ENTRY = struct.Struct("<Bd")
#: langdetect's defaults: trials per detection, and characters of the text read.
TRIALS = 7
MAX_TEXT = 10_000
#: Full rows kept for the n-grams drawn lately (a row is 55 floats, 0.5 kB); the store is emptied when full.
ROWS_KEPT = 4096
#: Words whose n-grams are kept (under 1 kB each, with them); the store is emptied when full.
WORDS_KEPT = 5_000


class Profiles:
    """langdetect's language profiles: for each 1- to 3-gram, the probability of it in each language.

    ``profiles`` are langdetect's profile files, read (``name``, ``freq``,
    ``n_words``), in the order their languages are numbered.  A probability is
    computed as langdetect computes it.

    >>> p = Profiles([{"name": "aa", "freq": {"x": 2, "xy": 1}, "n_words": [4, 2, 0]},
    ...               {"name": "bb", "freq": {"x": 1}, "n_words": [1, 0, 0]}])
    >>> p.languages, p.row("x"), p.row("xy"), "xy" in p, "z" in p
    (('aa', 'bb'), [0.5, 1.0], [0.5, 0.0], True, False)
    """

    def __init__(self, profiles: Iterable[Mapping[str, Any]]) -> None:
        entries: dict[str, bytearray] = {}
        languages: list[str] = []
        for index, profile in enumerate(profiles):
            name = profile["name"]
            if name in languages:
                raise LangDetectException(ErrorCode.DuplicateLangError, "Duplicate the same language profile.")
            languages.append(name)
            n_words = profile["n_words"]
            for gram, count in profile["freq"].items():
                if 1 <= len(gram) <= 3:
                    held = entries.get(gram)
                    if held is None:
                        held = entries[gram] = bytearray()
                    held += _ENTRY.pack(index, 1.0 * count / n_words[len(gram) - 1])
        self.languages = tuple(languages)
        #: Each n-gram's (language, probability) pairs, packed.
        self._entries = entries
        self._rows: dict[str, list[float]] = {}
        self._words: dict[tuple[str, bool], list[str]] = {}

    def __contains__(self, gram: object) -> bool:
        return gram in self._entries

    def row(self, gram: str) -> list[float]:
        """The probability of ``gram`` in each language, in language order (0.0 where a profile lacks it)."""
        found = self._rows.get(gram)
        if found is None:
            found = [0.0] * len(self.languages)
            for index, prob in _ENTRY.iter_unpack(self._entries[gram]):
                found[index] = prob
            if len(self._rows) >= ROWS_KEPT:
                self._rows.clear()
            self._rows[gram] = found
        return found

    def grams(self, word: str, spaced: bool) -> list[str]:
        """:func:`word_grams` of ``word`` over these profiles, kept for the words met lately."""
        found = self._words.get((word, spaced))
        if found is None:
            if len(self._words) >= WORDS_KEPT:
                self._words.clear()
            found = self._words[(word, spaced)] = word_grams(word, spaced, self)
        return found


class Detector:
    """One detection, as langdetect's ``Detector`` makes it (see the module's docstring)."""

    def __init__(self, profiles: Profiles, seed: int = 0) -> None:
        self.profiles = profiles
        self.seed = seed
        self.text = ""
        self.random = random.Random()
        self.langprob: list[float] | None = None

    def append(self, text: str) -> None:
        """Add ``text``: addresses and e-mails out, Vietnamese marks folded, runs of spaces made one."""
        text = Langdetect.URL_RE.sub(" ", text)
        text = Langdetect.MAIL_RE.sub(" ", text)
        text = NGram.normalize_vi(text)
        self.text += _SPACES.sub(" ", text[:MAX_TEXT])

    def get_probabilities(self) -> list[Language]:
        """The languages above langdetect's threshold, most probable first."""
        if self.langprob is None:
            self._detect_block()
        assert self.langprob is not None
        result = [
            Language(lang, p)
            for lang, p in zip(self.profiles.languages, self.langprob, strict=True)
            if p > Langdetect.PROB_THRESHOLD
        ]
        result.sort(reverse=True)
        return result

    def cleaning_text(self) -> None:
        """Drop the Latin letters of a text written mostly in another script, as langdetect does."""
        latin = len(_LATIN.findall(self.text))
        non_latin = len(_NON_LATIN.findall(self.text))
        if latin * 2 < non_latin:
            self.text = _LATIN_RUN.sub("", self.text)

    def extract_ngrams(self) -> list[str]:
        """The 1- to 3-grams of the text that some profile knows, in langdetect's order.

        langdetect reads the text one character at a time, and its grams never reach across a space:
        they are those of each word, read with a space before it (and after it, when one follows).
        So they are found once per distinct word.
        """
        grams = self.profiles.grams
        words = self.text.translate(_NORMALISED).split(" ")
        result: list[str] = []
        last = len(words) - 1
        for index, word in enumerate(words):
            if word:
                result += grams(word, index < last)
        return result

    def _detect_block(self) -> None:
        """langdetect's trials: the same draws, the same products in the same order, the same normalisations.

        langdetect multiplies the probabilities by one drawn n-gram's row at a time and normalises them
        after the first draw and then after every fifth; here the five rows of a stretch are multiplied
        in one pass, left to right, which gives the same products.
        """
        self.cleaning_text()
        ngrams = self.extract_ngrams()
        if not ngrams:
            raise LangDetectException(ErrorCode.CantDetectError, "No features in text.")
        row, count = self.profiles.row, len(self.profiles.languages)
        trials = TRIALS
        langprob = [0.0] * count
        draw = self.random
        draw.seed(self.seed)
        choice, limit, converged = draw.choice, Langdetect.ITERATION_LIMIT, Langdetect.CONV_THRESHOLD
        for _ in range(trials):
            alpha = Langdetect.ALPHA_DEFAULT + draw.gauss(0.0, 1.0) * Langdetect.ALPHA_WIDTH
            w = alpha / Langdetect.BASE_FREQ
            prob = [(1.0 / count) * (w + q) for q in row(choice(ngrams))]
            i = 0
            while True:
                total = sum(prob)
                prob = [p / total for p in prob]
                if max(0.0, *prob) > converged or i >= limit:
                    break
                a, b, c, d, e = (row(choice(ngrams)) for _ in range(5))
                prob = [
                    p * (w + qa) * (w + qb) * (w + qc) * (w + qd) * (w + qe)
                    for p, qa, qb, qc, qd, qe in zip(prob, a, b, c, d, e, strict=True)
                ]
                i += 5
            langprob = [s + p / trials for s, p in zip(langprob, prob, strict=True)]
        self.langprob = langprob


class _Normalised(dict[int, str]):
    """A ``str.translate`` table that holds ``NGram.normalize`` of each character, filled as they are met."""

    def __missing__(self, code: int) -> str:
        found: str = NGram.normalize(chr(code))
        self[code] = found
        return found


_NORMALISED = _Normalised()


def word_grams(word: str, spaced: bool, known: Profiles | set[str]) -> list[str]:
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
