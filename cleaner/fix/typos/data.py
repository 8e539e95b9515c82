"""The step's data, read once: known misspellings, and common words.

Both files are made by ``scripts/build_misspellings.py`` (see its docstring and
the headers of the files for sources and licences):

- ``cleaner/data/typos/misspellings-<lang>.tsv``: misspelling, tab, correction
  (from codespell's dictionary, CC BY-SA 3.0);
- ``cleaner/data/typos/words.txt.gz``: common words and names of the languages
  the cleaner knows (from wordfreq, CC BY-SA 4.0);
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
"""

from __future__ import annotations

import functools
import gzip
from importlib import resources

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
