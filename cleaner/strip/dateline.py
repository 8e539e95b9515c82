"""Datelines: the place (and date, and agency) that opens a wire story.

``MUNICH, February 18. /TASS/. NATO and Russia …`` loses its first part; the
rest of the block is the story.

>>> claim = dateline("MUNICH, February 18. /TASS/. NATO and Russia should talk.", Context())
>>> claim.end, claim.facts[0].value
(28, {'place': 'MUNICH', 'date_text': 'February 18', 'agency': 'TASS'})
>>> dateline("NATO - the alliance grew.", Context()) is None
True
"""

from __future__ import annotations

import re

from cleaner.document import Fact
from cleaner.lexicon import alternation, cached, month_names, words
from cleaner.strip.claims import Claim, Context, Scan

_CAPS = r"[A-ZÀ-ÖØ-ÞА-ЯЁ][A-ZÀ-ÖØ-ÞА-ЯЁ.'’\-]*"
_TITLE = r"[A-ZÀ-ÖØ-ÞА-ЯЁ][a-zà-öø-ÿа-яё'’\-]+"


@cached()
def _patterns() -> tuple[re.Pattern[str], ...]:
    month = f"(?i:{alternation(month_names())})"
    date = rf"(?P<date>(?:{month})\.?\s+\d{{1,2}}(?:,?\s+\d{{4}})?|\d{{1,2}}\.?\s+(?:{month})\.?(?:\s+\d{{4}})?)"
    agency_name = rf"(?i:{alternation(words('agencies'))})|[A-Z][A-Za-z\-]{{1,11}}"
    agency = rf"(?P<agency>{agency_name})"
    agency2 = rf"(?P<agency2>{agency_name})"
    place = rf"(?P<place>{_CAPS}(?:\s+{_CAPS}){{0,3}})"
    region = rf"(?:,\s*(?P<region>{_TITLE}\.?(?:\s+{_TITLE}\.?)?|{_CAPS}))?"
    dash = r"\s*[-–—]+\s*"
    return (
        # MUNICH, February 18. /TASS/.   BRUSSELS (Reuters) -   PARIS, May 5 (AFP) —
        re.compile(rf"{place}{region}(?:,\s*{date})?\.?\s*(?:/{agency}/|\({agency2}\))\.?(?:{dash}|\s*:\s*|\s+)"),
        # WASHINGTON, May 5 —    LONDON —
        re.compile(rf"{place}{region}(?:,\s*{date})?{dash}"),
        # Berlin (dpa) -
        re.compile(rf"(?P<place>{_TITLE}(?:\s+{_TITLE})?){region}(?:,\s*{date})?\s*\({agency}\)(?:{dash}|\s*:\s*|\s+)"),
    )


_OPENS_WITH_CAPITAL = re.compile(r"[A-ZÀ-ÖØ-ÞА-ЯЁ]")


def could_be_dateline(text: str, ctx: Context, scan: Scan) -> bool:
    """The gate of :func:`dateline`: a capital opens the block, and an agency's slash or bracket, or a dash, follows.

    >>> from cleaner.strip.claims import Scan
    >>> could_be_dateline("LONDON — The talks went on.", Context(), Scan("", frozenset()))
    True
    >>> could_be_dateline("The talks went on, he said.", Context(), Scan("", frozenset()))
    False
    """
    return _OPENS_WITH_CAPITAL.match(text) is not None and any(c in text for c in "/(-–—")


def dateline(text: str, ctx: Context) -> Claim | None:
    """Claim the dateline that opens a block, when the story goes on after it."""
    for number, pattern in enumerate(_patterns()):
        m = pattern.match(text)
        if m is None:
            continue
        rest = text[m.end() :]
        groups = m.groupdict()
        place = groups["place"]
        if number == 1 and not groups.get("date") and len(place.replace(" ", "")) < 5:
            continue  # "NATO — …" is a subject, not a place
        if len(rest.split()) < 3 or not (rest[0].isupper() or rest[0] in "\"'«“(" or rest[0].isdigit()):
            continue
        value = {"place": place.strip()}
        if groups.get("date"):
            value["date_text"] = groups["date"]
        if agency := groups.get("agency") or groups.get("agency2"):
            value["agency"] = agency
        end = len(text[: m.end()].rstrip(" -–—:"))
        return Claim("dateline", f"dateline-{number}", end=end, facts=(Fact("dateline", value, "dateline"),))
    return None
