"""Typos shown up by the document itself: one stray spelling of a repeated name.

A token that occurs once, is not a word, and is one transposition (or, for
longer names, one edit) away from a name or acronym that the same document
uses three or more times is a typo of that name: "ANTO" beside a dozen
"NATO"s, "Merkle" beside "Merkel, Merkel, Merkel".  This works in any language.

>>> from cleaner.fix.typos.tokens import Words
>>> words = Words({0: "NATO and Merkel met. Then NATO and Merkel spoke. So did NATO, Merkel and Merkle. ANTO and Berlin agreed."})
>>> evidence_table(words, is_word=lambda w: w.lower() in {"berlin", "merkle"})
{'ANTO': 'NATO'}
>>> evidence_table(words, is_word=lambda w: False)
{'Merkle': 'Merkel', 'ANTO': 'NATO'}
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Callable, Mapping

from cleaner.fix.typos.edits import edit, one_transposition
from cleaner.fix.typos.tokens import Words, case_shape

#: A name must occur this many times to be evidence.
MIN_EVIDENCE = 3
#: Names shorter than this are too easily one swap from a real word.
MIN_LENGTH = 4
#: Other edits than a swap ("Starhip", "Capial") only for spellings this long or longer: shorter
#: ones have too many real neighbours ("Preps" is one letter from "Press").
MIN_EDIT_LENGTH = 6

NAME_SHAPES = ("upper", "title")
#: Letters that vary between accepted spellings of one name (Zelensky, Zelenskiy; Mohamad, Mohammed).
VOWELS = frozenset("aeiouyàáâäãåæèéêëìíîïòóôöõøœùúûüýÿаеёиоуыэюяіїєαεηιουω")
#: Swapped endings that are spellings, not slips (theatre, theater; centre, center).
VARIANT_ENDINGS = (("re", "er"), ("er", "re"))


def _variant(token: str, name: str, spelled: Callable[[str], bool] = lambda w: True) -> bool:
    """True when ``token`` and ``name`` differ as accepted spellings or forms of a word do.

    ``spelled`` says whether a token with a swapped ending is a spelling of a
    word ("Amphitheatre"); by default every such token is.
    """
    if one_transposition(token, name):
        return spelled(token) and any(
            token.lower().endswith(a) and name.lower().endswith(b) for a, b in VARIANT_ENDINGS
        )
    found = edit(token, name)
    if found is None:
        return True
    op, at, old, new = found
    if any(c in VOWELS for c in (old + new).lower()):
        return True  # vowels vary with transliteration
    if at >= min(len(token), len(name)) - 1:
        return True  # endings vary with grammar: Biden, Bidens; Аткинс, Аткинса
    if op == "replace":
        return False
    longer = name if op == "insert" else token
    return longer[at] in (longer[at - 1 : at], longer[at + 1 : at + 2])  # doubled letters: Garett, Garrett


def near(token: str, name: str, spelled: Callable[[str], bool] = lambda w: True) -> bool:
    """True when ``token`` may be a typo of ``name``: same shape; one swap, or,
    when both are long enough and start alike, one edit of a consonant that is
    neither the last letter nor one of a doubled pair.

    >>> near("ANTO", "NATO"), near("Capial", "Capital"), near("Starhip", "Starship"), near("Iraq", "Iran")
    (True, True, True, False)
    >>> near("Preps", "Press"), near("Trunp", "Trump")
    (False, False)
    >>> near("Bidens", "Biden"), near("Zelensky", "Zelenskiy"), near("Garett", "Garrett"), near("Amphitheater", "Amphitheatre")
    (False, False, False, False)
    >>> near("Ubre", "Uber"), near("Ubre", "Uber", spelled=lambda w: False)
    (False, True)
    """
    if case_shape(token) != case_shape(name) or _variant(token, name, spelled):
        return False
    if one_transposition(token, name):
        return True
    return min(len(token), len(name)) >= MIN_EDIT_LENGTH and token[0] == name[0]


def shifted(token: str) -> str | None:
    """The capitalised word that ``token`` is with its first two letters swapped back, when the swap moved
    the capital ("eGrman": "German"; "aNTO" is no such token).

    It is taken back only when that word is a name the document repeats
    ("iPhone" would be "Pihone").

    >>> shifted("eGrman"), shifted("oYrk"), shifted("McCain"), shifted("aNTO"), shifted("German")
    ('German', 'York', None, None, None)
    """
    if len(token) >= 3 and token[0].islower() and token[1].isupper() and token[2:].islower():
        return token[1] + token[0] + token[2:]
    return None


def once(counts: Mapping[str, int]) -> list[str]:
    """The keys of ``counts`` counted once, in order.

    >>> once({"a": 1, "b": 2, "c": 1})
    ['a', 'c']
    """
    return list(itertools.compress(counts, map((1).__eq__, counts.values())))


def evidence_table(
    words: Words,
    is_word: Callable[[str], bool],
    protected: frozenset[str] = frozenset(),
    spelled: Callable[[str], bool] = lambda w: True,
) -> dict[str, str]:
    """Which once-seen tokens to correct to which frequent names.

    A name is a capitalised or all-capital token of four letters or more that
    the kept text uses three or more times, once at least in mid-sentence (so
    "However" opening three sentences is no name).  ``is_word`` says whether a
    token is a word (or a known name) of some language; ``protected`` holds
    lower-cased words never to touch.  A token is corrected only when exactly
    one name fits.  A token whose first two letters are swapped with the
    capital moved ("eGrman") is one swap from its name too.  ``spelled``
    says whether a token with a swapped ending ("Amphitheatre" beside
    "Amphitheater") is a spelling of a word, and so no slip.  The tokens are
    the plain ones of ``words``.
    """
    counts, lower = words.counts, words.lower
    often = [
        w
        for w in itertools.compress(counts, map((MIN_EVIDENCE - 1).__lt__, counts.values()))
        if len(w) >= MIN_LENGTH and not w.islower() and case_shape(w) in NAME_SHAPES
    ]
    if not often:
        return {}  # no name: no token can be a typo of one, nor swap its capital back into one
    by_letters: dict[tuple[int, str], list[str]] = {}
    by_start: dict[tuple[str, int], list[str]] = {}
    for w in often:
        by_letters.setdefault((len(w), "".join(sorted(w))), []).append(w)
        by_start.setdefault((w[0], len(w)), []).append(w)
    frequent = set(often)
    fits: list[tuple[str, list[str]]] = []  # each token, and the frequent words it is near
    # A token in lower case neither is shaped like a name nor has a capital to swap back.
    for token in itertools.filterfalse(str.islower, once(counts)):
        if len(token) < MIN_LENGTH or lower[token.lower()] != 1 or token.lower() in protected:
            continue
        back = shifted(token)
        if back is not None:
            if back in frequent and not is_word(token):
                fits.append((token, [back]))
            continue
        if case_shape(token) not in NAME_SHAPES or is_word(token):
            continue
        candidates = set(by_letters.get((len(token), "".join(sorted(token))), ()))
        for size in (len(token) - 1, len(token), len(token) + 1):
            candidates.update(by_start.get((token[0], size), ()))
        matches = [w for w in candidates if near(token, w, spelled)]
        if matches:
            fits.append((token, matches))
    # Which frequent words are names (used once at least in mid-sentence) is asked only of those that fit.
    names = words.in_mid({w for _, matches in fits for w in matches})
    out: dict[str, str] = {}
    for token, matches in fits:
        named = [w for w in matches if w in names]
        if len(named) == 1:
            out[token] = named[0]
    return out


#: A common word must be this long for a swap inside it to be taken for a typo.
MIN_WORD_LENGTH = 5


def word_evidence_table(
    words: Words,
    is_word: Callable[[str], bool],
    protected: frozenset[str] = frozenset(),
    known: Mapping[str, str] | None = None,
    is_common: Callable[[str], bool] | None = None,
) -> dict[str, str]:
    """Which once-seen lower-case tokens to correct to a common word the document repeats.

    A token in lower case, five letters or more, seen once, that is no word
    and no known misspelling, is corrected when swapping two neighbouring
    letters gives exactly one common word (``is_word``) that the document uses
    three or more times in lower case: "compnay" beside "company, company,
    company".  ``is_word`` should know rare words too ("untied" is no slip of
    "united"); ``is_common`` (default: ``is_word``) says which words may be
    evidence.  A known misspelling counts as its correction, so that fixing it
    later cannot make new evidence.

    >>> from cleaner.fix.typos.tokens import Words
    >>> words = Words({0: "The company grew. The company hired. A compnay said the company had grown."})
    >>> word_evidence_table(words, is_word=lambda w: w == "company")
    {'compnay': 'company'}
    >>> word_evidence_table(words, is_word=lambda w: w in ("company", "compnay"))
    {}
    """
    known = known or {}
    counts, seen = words.counts, words.lower
    corrected: Counter[str] = Counter()  # a known misspelling counts as its correction
    for w in filter(known.__contains__, counts):
        if w.islower():
            corrected[known[w]] += counts[w]

    def used(w: str) -> int:
        """How often the document uses ``w`` in lower case, its known misspellings counted as ``w``."""
        return corrected[w] + (counts.get(w, 0) if w.islower() and w not in known else 0)

    often = itertools.compress(counts, map((MIN_EVIDENCE - 1).__lt__, counts.values()))
    common = {
        w
        for w in itertools.chain(often, corrected)
        if len(w) >= MIN_WORD_LENGTH and w.islower() and used(w) >= MIN_EVIDENCE and (is_common or is_word)(w)
    }
    if not common:
        return {}
    sizes = {len(w) for w in common}
    # Each word seen once (any case) whose one token is in lower case (it is in ``counts`` as it is).
    alone = set(filter(str.islower, set(once(seen)).intersection(counts))).difference(known) - protected
    out: dict[str, str] = {}
    for token in sorted(w for w in alone if len(w) in sizes and len(w) >= MIN_WORD_LENGTH and not is_word(w)):
        swaps = (token[:i] + token[i + 1] + token[i] + token[i + 2 :] for i in range(len(token) - 1))
        matches = {w for w in swaps if w in common and w != token and not _variant(token, w)}
        if len(matches) == 1:
            out[token] = matches.pop()
    return out
