"""Timestamps: a block that is a date or time and nothing else.

>>> timestamp("6 December 2017 16:20 (UTC+04:00)", Context()).kind
'timestamp'
>>> timestamp("date 2017-05-25 Back to Main page", Context()).end
15
>>> timestamp("By the end of 2017, NATO had grown.", Context()) is None
True
"""

from __future__ import annotations

import re

from cleaner.document import Fact
from cleaner.lexicon import alternation, cached, words
from cleaner.meta.dates import parse_stamp, scan_stamp
from cleaner.strip.claims import Claim, Context


@cached()
def long_labels() -> tuple[str, ...]:
    """The labels that cannot be ordinary words alone ("Updated", "Published"; not "on", "at", "date").

    A timestamp has a digit (every date and time has one), the words of "3 hours ago" or "just now",
    or it is one of these alone: the registry's gate of this rule says so.
    """
    return tuple(w for w in words("date_labels") if len(w) >= 6)


@cached()
def _lone_label() -> re.Pattern[str]:
    return re.compile(rf"[-–—•·\s]*(?:{alternation(long_labels())})\s*:?", re.IGNORECASE)


def timestamp(text: str, ctx: Context) -> Claim | None:
    """Claim a date line ("Updated: May 5, 2019 10:51"), a labelled date opening a line, or a date label left alone ("Updated")."""
    if ctx.where != "middle" and _lone_label().fullmatch(text.strip()):
        return Claim("timestamp", "timestamp-label")
    stamp = parse_stamp(text)
    if stamp is not None:
        facts: tuple[Fact, ...] = (Fact("stamp", stamp, "timestamp"),)
        if stamp.place:
            facts += (Fact("dateline", {"place": stamp.place}, "timestamp"),)
        return Claim("timestamp", "timestamp", facts=facts)
    stamp = scan_stamp(text)
    # Only a stamp that cannot be prose may be cut off the front of a block.
    if stamp is not None and stamp.has_date and (stamp.labelled or text[:4].isdigit()) and stamp.end < len(text):
        return Claim("timestamp", "timestamp-prefix", end=stamp.end, facts=(Fact("stamp", stamp, "timestamp"),))
    return None
