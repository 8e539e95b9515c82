"""Typos shown up by the document itself: one stray spelling of a repeated name.

A token that occurs once, is not a word, and is one transposition (or, for
longer names, one edit) away from a name or acronym that the same document
uses three or more times is a typo of that name: "ANTO" beside a dozen
"NATO"s, "Merkle" beside "Merkel, Merkel, Merkel".  This works in any language.

>>> from collections import Counter
>>> counts = Counter({"NATO": 12, "ANTO": 1, "Merkel": 4, "Merkle": 1, "Berlin": 3})
>>> evidence_table(counts, is_word=lambda w: w.lower() in {"berlin"}, protected=frozenset())
{'ANTO': 'NATO', 'Merkle': 'Merkel'}
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from cleaner.fix.typos.edits import one_edit, one_transposition
from cleaner.fix.typos.tokens import shape

#: A name must occur this many times to be evidence.
MIN_EVIDENCE = 3
#: Names shorter than this are too easily one swap from a real word.
MIN_LENGTH = 4
#: Other edits than a swap ("Merkl", "Trumpp") only for spellings this long or longer.
MIN_EDIT_LENGTH = 5

NAME_SHAPES = ("upper", "title")


def near(token: str, name: str) -> bool:
    """True when ``token`` may be a typo of ``name``: same shape, same first
    letter, one swap, or one edit when both are long enough.

    >>> near("ANTO", "NATO"), near("Trunp", "Trump"), near("Iraq", "Iran"), near("Anto", "NATO")
    (True, True, False, False)
    """
    if shape(token) != shape(name):
        return False
    if one_transposition(token, name):
        return True
    return min(len(token), len(name)) >= MIN_EDIT_LENGTH and token[0] == name[0] and one_edit(token, name)


def evidence_table(counts: Counter[str], is_word: Callable[[str], bool], protected: frozenset[str]) -> dict[str, str]:
    """Which once-seen tokens to correct to which frequent names.

    ``counts`` counts the tokens of the kept text (case kept); ``is_word`` says
    whether a token is a word (or a known name) of some language; ``protected``
    holds lower-cased words never to touch.  A token is corrected only when
    exactly one name fits.
    """
    lower: Counter[str] = Counter()
    for word, n in counts.items():
        lower[word.lower()] += n
    names = [w for w, n in counts.items() if n >= MIN_EVIDENCE and len(w) >= MIN_LENGTH and shape(w) in NAME_SHAPES]
    out: dict[str, str] = {}
    for token, n in counts.items():
        if n != 1 or lower[token.lower()] != 1 or len(token) < MIN_LENGTH or shape(token) not in NAME_SHAPES:
            continue
        if token.lower() in protected or is_word(token):
            continue
        matches = [w for w in names if near(token, w)]
        if len(matches) == 1:
            out[token] = matches[0]
    return out
