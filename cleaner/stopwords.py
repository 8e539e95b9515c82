"""Stop words per language, and how much of a text they make up.

Each language's list is the ``"stopwords"`` of its data file, ``cleaner/data/<lang>.json``
(the shipped lists are jusText's, BSD 2-Clause; see ``cleaner/data/README.md``), so a
language added from a data file alone (:mod:`cleaner.lexicon`) is told by its stop words too.
Page-dump mode tells prose from page chrome by their density; other
classifiers use them to tell a sentence from a list of names.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence

from cleaner.lexicon import cached, languages

_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


@cached()
def stopwords(language: str) -> frozenset[str]:
    """The stop words of ``language`` (ISO 639-1), empty when there is no list.

    >>> "the" in stopwords("en"), "der" in stopwords("de"), stopwords("xx")
    (True, True, frozenset())
    """
    listed = languages().get(language, {}).get("stopwords", ())
    return frozenset(w.strip().lower() for w in listed if w.strip())


@cached()
def stopword_languages() -> tuple[str, ...]:
    """The languages that have a stop-word list, by code.

    >>> "en" in stopword_languages(), "ja" in stopword_languages()
    (True, False)
    """
    return tuple(sorted(code for code in languages() if stopwords(code)))


@functools.lru_cache(maxsize=512)
def _words(text: str) -> tuple[str, ...]:
    """The lower-cased words of ``text`` (letters only; numbers are not words), kept for the texts met lately.

    >>> _words("It's 10 o'clock, Mr. Smith!")
    ("it's", "o'clock", 'mr', 'smith')
    """
    return tuple(w.lower().replace("’", "'") for w in _TOKEN.findall(text))


#: The language is judged on at most this many characters from the start of the texts.
SAMPLE = 100_000


Coverage = tuple[int, tuple[int, ...]]


def best_language(
    texts: Sequence[str], coverage: Callable[[str], Coverage] | None = None
) -> tuple[str | None, float]:
    """The language whose stop words cover most of ``texts`` (their first :data:`SAMPLE` characters), and that share.

    ``coverage`` gives a whole text's counts (:func:`coverage_of` its words) when the caller has them.

    >>> best_language(["Der Hund und die Katze sind in dem Haus."])[0]
    'de'
    >>> best_language(["12345"])
    (None, 0.0)
    """
    languages = stopword_languages()
    covered = [0] * len(languages)
    total = 0
    budget = SAMPLE
    for text in texts:
        if budget <= 0:
            break
        whole = len(text) <= budget
        words, counts = coverage(text) if whole and coverage is not None else _coverage(text if whole else text[:budget])
        total += words
        covered = [a + b for a, b in zip(covered, counts, strict=True)]
        budget -= len(text)
    if not total:
        return None, 0.0
    best: tuple[str | None, float] = (None, 0.0)
    for language, n in zip(languages, covered, strict=True):
        share = n / total
        if share > best[1]:
            best = (language, share)
    return best


@cached(maxsize=4096)
def _coverage(text: str) -> Coverage:
    """How many words ``text`` has, and how many of them each language's list holds (in :func:`stopword_languages`
    order): what a text adds to :func:`best_language`'s counts, found once per text.

    >>> words, counts = _coverage("the cat and the dog")
    >>> words, counts[stopword_languages().index("en")]
    (5, 3)
    """
    return coverage_of(_words(text))


def coverage_of(words: Sequence[str]) -> Coverage:
    """How many ``words`` there are (lower-cased, as :func:`words_of_runs` gives them), and how many of them each
    language's list holds."""
    index = _languages_of_words()
    position = _positions()
    counts = [0] * len(position)
    for word in words:
        for language in index.get(word, ()):
            counts[position[language]] += 1
    return len(words), tuple(counts)


@cached()
def _positions() -> dict[str, int]:
    return {language: i for i, language in enumerate(stopword_languages())}


_APOSTROPHE = re.compile("(['’])")


def words_of_runs(runs: Sequence[str]) -> list[str]:
    """The words the stop words are counted on, from a text's runs of letters joined by apostrophes (as
    ``[^\\W\\d_]+(?:['’][^\\W\\d_]+)*`` finds them): a word takes at most one apostrophe, lower-cased, with
    ``’`` as ``'``; the same words the text's own search gives.

    >>> words_of_runs(["It's", "rock'n'roll", "l’homme"])
    ["it's", "rock'n", 'roll', "l'homme"]
    """
    out = []
    for run in runs:
        if "'" not in run and "’" not in run:
            out.append(run.lower())
            continue
        parts = _APOSTROPHE.split(run)  # segment, apostrophe, segment, …
        segments, marks = parts[0::2], parts[1::2]
        for k in range(0, len(segments), 2):
            word = segments[k] + (marks[k] + segments[k + 1] if k + 1 < len(segments) else "")
            out.append(word.lower().replace("’", "'"))
    return out


@cached()
def _languages_of_words() -> dict[str, tuple[str, ...]]:
    """Each stop word, and the languages whose lists hold it (in their order), so a text's words are looked up once.

    >>> "en" in _languages_of_words()["the"]
    True
    """
    index: dict[str, list[str]] = {}
    for language in stopword_languages():
        for word in stopwords(language):
            index.setdefault(word, []).append(language)
    return {word: tuple(found) for word, found in index.items()}


def stopword_density(text: str, stop: frozenset[str]) -> float:
    """The share of the words of ``text`` that are stop words.

    >>> stopword_density("the cat is on the mat", stopwords("en"))
    0.6666666666666666
    """
    tokens = _words(text)
    return sum(w in stop for w in tokens) / len(tokens) if tokens else 0.0
