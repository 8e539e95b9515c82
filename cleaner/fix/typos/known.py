"""Known misspellings ("recieve", "goverment"), for text in the list's language.

The list (``misspellings-<lang>.tsv``) holds only entries with one correction
whose misspelling is no word or name that its builder knew.  Guards against
names on top of that, because a name is not a misspelling:

- only a word in lower case, or capitalised as a sentence's first word, is
  touched: never one capitalised in mid-sentence, all in capitals, or with inner
  capitals (a word glued to digits is no token at all);
- never a word in the metadata (title, authors, site, dateline);
- never a word that the document repeats (any case): a spelling used twice is
  the author's, not a slip;
- never inside an address, handle, hashtag or code.

>>> known_fix("recieve", sentence_start=False, table={"recieve": "receive"})
'receive'
>>> known_fix("Recieve", sentence_start=True, table={"recieve": "receive"})
'Receive'
>>> known_fix("Recieve", sentence_start=False, table={"recieve": "receive"}) is None
True
>>> known_fix("RECIEVE", sentence_start=True, table={"recieve": "receive"}) is None
True
"""

from __future__ import annotations

from collections.abc import Mapping

from cleaner.fix.typos.tokens import case_shape


def known_fix(token: str, sentence_start: bool, table: Mapping[str, str]) -> str | None:
    """The correction of ``token`` from ``table``, in the token's case, or ``None``.

    Only the case guard is applied here; the document-wide guards (metadata,
    repeats, chunks) are the caller's.
    """
    form = case_shape(token)
    if form == "lower":
        return table.get(token)
    if form == "title" and sentence_start:
        right = table.get(token.lower())
        return right[:1].upper() + right[1:] if right else None
    return None
