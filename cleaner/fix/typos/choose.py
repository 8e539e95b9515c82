"""Misspellings that the document or the sentence must decide.

Some known misspellings have several suggestions, or are words too, somewhere
(``misspellings-<lang>-more.tsv``).  Each entry's tag says what must hold for
it to be fixed:

- ``choose`` ("coudl": could, cloud): the suggestion that the document itself
  uses, when it uses exactly one of them; otherwise the suggestion that is far
  more frequent than the others (:data:`MIN_GAP` on the Zipf scale, ten times
  as frequent); none when the two disagree, or neither speaks;
- ``foreign`` ("thier", old German; "milion", Polish): chosen as above, and
  only inside a sentence of the document's language: at least
  :data:`MIN_FUNCTION` of its function words near the token and no stop word of
  another language there (a quoted phrase in another language keeps its words);
- ``slot`` ("wether": whether; "wich": which): the misspelling is a rare word of
  the language and the suggestion a function word, so the sentence decides:
  it is fixed only inside a sentence of the language (as above) where a
  function word fits and the rare word does not, i.e. a function word follows
  it directly and no determiner comes just before it ("wether or not" is
  fixed; "a wether and two ewes" is not).

>>> ctx = Neighbours(before="know", after="or", near=("we", "do", "not", "know", "or", "not"))
>>> choose("wether", "en", ctx, {})
'whether'
>>> choose("wether", "en", Neighbours(before="a", after="and", near=("a", "and", "two", "ewes")), {})
>>> choose("coudl", "en", Neighbours(), {}), choose("coudl", "en", Neighbours(), {"cloud": 3})
('could', None)
>>> choose("milion", "en", Neighbours(near=("more", "than", "a", "people", "in", "the")), {})
'million'
>>> choose("milion", "en", Neighbours(near=("ponad", "jeden", "ludzi", "w", "kraju")), {}) is None
True
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from cleaner.fix.typos.data import Entry, frequency, more_misspellings
from cleaner.lexicon import cached

#: A suggestion this much more frequent (Zipf scale: ten times) than every other is taken.
MIN_GAP = 1.0
#: A sentence is of the document's language when this many of its function words stand near the token ...
MIN_FUNCTION = 2
#: ... within this many words on either side.
WINDOW = 4
#: A stop word of another language that is at least this frequent in the document's language is no sign of another.
SHARED = 3.0


@dataclass(frozen=True)
class Neighbours:
    """What stands around a token: the words just before and after it (lower case, ``None`` when
    punctuation or a sentence's edge stands between), and the words near it in its block."""

    before: str | None = None
    after: str | None = None
    near: tuple[str, ...] = ()


@cached()
def function_words(language: str) -> frozenset[str]:
    """The language's function words (``function_words`` in ``cleaner/data/<lang>.json``)."""
    from cleaner.lexicon import words

    return frozenset(words("function_words", language)) if language else frozenset()


@cached()
def determiners(language: str) -> frozenset[str]:
    """The language's determiners (``determiners`` in ``cleaner/data/<lang>.json``)."""
    from cleaner.lexicon import words

    return frozenset(words("determiners", language)) if language else frozenset()


@cached()
def foreign_markers(language: str) -> frozenset[str]:
    """Stop words of the other languages that are neither stop words nor frequent words of ``language``.

    >>> "und" in foreign_markers("en"), "the" in foreign_markers("en"), "also" in foreign_markers("en")
    (True, False, False)
    """
    from cleaner.stopwords import stopword_languages, stopwords

    own = stopwords(language) | function_words(language)
    out = {w for lang in stopword_languages() if lang != language for w in stopwords(lang)}
    return frozenset(w for w in out if w not in own and frequency(language, w) < SHARED)


def in_language(language: str, near: tuple[str, ...]) -> bool:
    """True when the words near a token are of ``language``: enough of its function words, none of another's.

    >>> in_language("en", ("more", "than", "a", "people", "said")), in_language("en", ("die", "stadt", "und", "der"))
    (True, False)
    """
    found = function_words(language)
    others = foreign_markers(language)
    return sum(w in found for w in near) >= MIN_FUNCTION and not any(w in others for w in near)


def fits_slot(language: str, context: Neighbours) -> bool:
    """True when the place of a token wants a function word: one follows it, and no determiner precedes it."""
    return context.after in function_words(language) and context.before not in determiners(language)


def pick(suggestions: tuple[str, ...], language: str, used: Mapping[str, int]) -> str | None:
    """The suggestion the document uses (exactly one of them), else one far more frequent than the rest;
    none when the two disagree.

    >>> pick(("could", "cloud"), "en", {}), pick(("could", "cloud"), "en", {"cloud": 1})
    ('could', None)
    >>> pick(("thought", "through"), "en", {}), pick(("thought", "through"), "en", {"through": 2})
    (None, 'through')
    """
    if len(suggestions) == 1:
        return suggestions[0]
    ranked = sorted(suggestions, key=lambda s: -frequency(language, s))
    dominant = ranked[0] if frequency(language, ranked[0]) - frequency(language, ranked[1]) >= MIN_GAP else None
    seen = [s for s in suggestions if used.get(s, 0) > 0]
    if len(seen) == 1:
        return seen[0] if dominant in (None, seen[0]) else None  # the document and the language disagree
    return dominant


def decide(entry: Entry, language: str, context: Neighbours, used: Mapping[str, int]) -> str | None:
    """The fix for a misspelling with this ``entry``, in this context, or ``None``."""
    if entry.tag in ("slot", "foreign") and not in_language(language, context.near):
        return None
    if entry.tag == "slot":
        return entry.suggestions[0] if fits_slot(language, context) else None
    return pick(entry.suggestions, language, used)


def choose(word: str, language: str, context: Neighbours, used: Mapping[str, int]) -> str | None:
    """The fix (lower case) of the lower-case ``word``, if it is such a misspelling and the context decides it.

    ``used`` counts the document's words in lower case.
    """
    entry = more_misspellings(language).get(word)
    return decide(entry, language, context, used) if entry is not None else None
