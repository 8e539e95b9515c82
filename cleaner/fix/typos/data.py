"""The step's data, read once: known misspellings, and common words.

Both files are made by ``scripts/build_misspellings.py`` (see its docstring and
the headers of the files for sources and licences):

- ``cleaner/data/typos/misspellings-<lang>.tsv``: misspelling, tab, correction
  (from codespell's dictionary, CC BY-SA 3.0);
- ``cleaner/data/typos/words.txt.gz``: common words and names of the languages
  the cleaner knows (from wordfreq, CC BY-SA 4.0);
- ``cleaner/data/typos/misspellings-<lang>-more.tsv``: misspelling, its
  suggestions (most frequent first) and when it may be fixed (``choose``,
  ``foreign``, ``slot``: see :mod:`cleaner.fix.typos.choose`);
- ``cleaner/data/typos/frequent-<lang>.tsv``: words of the language and their
  frequency (wordfreq's Zipf scale), to rank suggestions;
- ``cleaner/data/typos/confusables.txt``: rarer real words one swap from a
  common word, "untied" beside "united" (from SCOWL and wordfreq).

>>> misspellings("en")["recieve"]
'receive'
>>> misspellings("xx")
{}
>>> "ardern" in misspellings("en"), "merkel" in common_words(), "anto" in common_words()
(False, True, False)
>>> "untied" in confusables(), "united" in confusables()
(True, False)
>>> more_misspellings("en")["wether"], frequency("en", "whether") > frequency("en", "weather") > frequency("en", "wether")
(Entry(suggestions=('whether',), tag='slot'), True)

"""

from __future__ import annotations

import functools
import gzip
from importlib import resources
from typing import NamedTuple

_PACKAGE = "cleaner.data"
_FOLDER = "typos"


def _lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line and not line.startswith("#")]


@functools.cache
def misspellings(language: str) -> dict[str, str]:
    """Known misspellings of ``language`` and their corrections (empty when none are shipped)."""
    entry = resources.files(_PACKAGE).joinpath(_FOLDER, f"misspellings-{language}.tsv")
    if not entry.is_file():
        return {}
    out: dict[str, str] = {}
    for line in _lines(entry.read_text(encoding="utf-8")):
        wrong, _, right = line.partition("\t")
        if wrong and right:
            out[wrong] = right
    return out


@functools.cache
def common_words() -> frozenset[str]:
    """Common words and names (lower case, four letters or more) of every known language."""
    entry = resources.files(_PACKAGE).joinpath(_FOLDER, "words.txt.gz")
    return frozenset(_lines(gzip.decompress(entry.read_bytes()).decode("utf-8")))


@functools.cache
def confusables() -> frozenset[str]:
    """Rarer real words (lower case) one swap of neighbouring letters from a common word."""
    entry = resources.files(_PACKAGE).joinpath(_FOLDER, "confusables.txt")
    return frozenset(_lines(entry.read_text(encoding="utf-8")))


class Entry(NamedTuple):
    """A misspelling's suggestions (most frequent first) and when it may be fixed."""

    suggestions: tuple[str, ...]
    tag: str


@functools.cache
def more_misspellings(language: str) -> dict[str, Entry]:
    """Misspellings of ``language`` that need the sentence or the document to be fixed (empty when none)."""
    entry = resources.files(_PACKAGE).joinpath(_FOLDER, f"misspellings-{language}-more.tsv")
    if not entry.is_file():
        return {}
    out: dict[str, Entry] = {}
    for line in _lines(entry.read_text(encoding="utf-8")):
        wrong, right, tag = [*line.split("\t"), "", ""][:3]
        if wrong and right and tag:
            out[wrong] = Entry(tuple(right.split(",")), tag)
    return out


@functools.cache
def _frequencies(language: str) -> dict[str, float]:
    entry = resources.files(_PACKAGE).joinpath(_FOLDER, f"frequent-{language}.tsv")
    if not entry.is_file():
        return {}
    out: dict[str, float] = {}
    for line in _lines(entry.read_text(encoding="utf-8")):
        word, _, zipf = line.partition("\t")
        out[word] = float(zipf)
    return out


def frequency(language: str, word: str) -> float:
    """How frequent ``word`` is in ``language`` (Zipf scale: 7 is "the", 3 is rare), 0.0 when unlisted."""
    return _frequencies(language).get(word, 0.0)
