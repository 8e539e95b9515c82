"""Dates and times as news pages print them, parsed to ISO 8601.

:func:`parse_stamp` reads a line that is a timestamp and nothing else
(labels such as "Updated:" and weekday names allowed), in any language with a
data file.  It knows when a line merely *starts* with one.

>>> parse_stamp("6 December 2017 16:20 (UTC+04:00)").iso()
'2017-12-06T16:20:00+04:00'
>>> parse_stamp("Last update: Wed, 20/04/2016 - 20:29").iso(), parse_stamp("Last update: Wed, 20/04/2016 - 20:29").modified
('2016-04-20T20:29:00', True)
>>> stamp = parse_stamp("May 25, 10:51 UTC+3 BRUSSELS")
>>> stamp.iso(), stamp.place
(None, 'BRUSSELS')
>>> parse_stamp("Posted 3 hours ago").relative
True
>>> parse_stamp("Diperbarui: Senin, 18 November 2019 10:15 WIB").iso()
'2019-11-18T10:15:00+07:00'
>>> parse_stamp("May vows to press Trump") is None
True
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass

from cleaner.lexicon import alternation, cached, month_names, month_number, weekday_names, words

#: Offsets of the time-zone abbreviations that are not ambiguous, in minutes.
ZONES = {
    "utc": 0,
    "gmt": 0,
    "z": 0,
    "wet": 0,
    "bst": 60,
    "cet": 60,
    "west": 60,
    "cest": 120,
    "eet": 120,
    "eest": 180,
    "msk": 180,
    "est": -300,
    "edt": -240,
    "cst": -360,
    "cdt": -300,
    "mst": -420,
    "mdt": -360,
    "pst": -480,
    "pdt": -420,
    "jst": 540,
    "kst": 540,
    "aest": 600,
    "aedt": 660,
    "hkt": 480,
    "wib": 420,
    "wita": 480,
    "wit": 540,
    "sgt": 480,
    "ist": None,
    "et": None,
    "pt": None,
    "ct": None,
    "mt": None,
}

#: Year, month and day; hour, minute and second (either may be partly unknown).
Date = tuple[int | None, int | None, int | None]
Time = tuple[int, int, int | None]


@dataclass(frozen=True)
class Stamp:
    """The parts of a date and time that a line gives."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    hour: int | None = None
    minute: int | None = None
    second: int | None = None
    offset: int | None = None  # minutes east of UTC
    modified: bool = False  # labelled "Updated", "Last update", …
    relative: bool = False  # "3 hours ago"
    labelled: bool = False
    place: str | None = None  # an ALL-CAPS place after the stamp
    end: int = 0  # where the stamp ends in the line

    @property
    def has_date(self) -> bool:
        """True when year, month and day are all known."""
        return None not in (self.year, self.month, self.day)

    def iso(self) -> str | None:
        """ISO 8601, as precise as the line is; ``None`` without a full date.

        >>> Stamp(2017, 5, 25, 10, 51, offset=180).iso()
        '2017-05-25T10:51:00+03:00'
        >>> Stamp(2017, 5, 25).iso()
        '2017-05-25'
        """
        if not self.has_date:
            return None
        text = f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.hour is not None and self.minute is not None:
            text += f"T{self.hour:02d}:{self.minute:02d}:{self.second or 0:02d}"
            if self.offset is not None:
                sign = "+" if self.offset >= 0 else "-"
                hours, minutes = divmod(abs(self.offset), 60)
                text += f"{sign}{hours:02d}:{minutes:02d}"
        return text

    def agrees(self, other: Stamp) -> bool:
        """True when no part known to both differs."""
        return all(
            a is None or b is None or a == b
            for a, b in ((self.year, other.year), (self.month, other.month), (self.day, other.day))
        )

    def merge(self, other: Stamp) -> Stamp:
        """The parts of both, this one's first."""

        def pick(a: int | None, b: int | None) -> int | None:
            return a if a is not None else b

        return Stamp(
            pick(self.year, other.year),
            pick(self.month, other.month),
            pick(self.day, other.day),
            pick(self.hour, other.hour),
            pick(self.minute, other.minute),
            pick(self.second, other.second),
            pick(self.offset, other.offset),
            self.modified,
            self.relative,
            self.labelled,
            self.place or other.place,
            self.end,
        )


@cached()
def _grammar() -> dict[str, re.Pattern[str]]:
    month = rf"(?P<mon>{alternation(month_names())})\.?"
    day = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th|er|º|\.)?"
    year = r"(?P<y>(?:19|20)\d\d)"
    units = alternation(words("time_units"))
    of, one = alternation(words("date_of")), alternation(words("time_one"))
    return {
        "iso": re.compile(
            r"(?P<y>(?:19|20)\d\d)-(?P<m>[01]?\d)-(?P<d>[0-3]?\d)"
            r"(?:[T ](?P<H>[0-2]?\d):(?P<M>[0-5]\d)(?::(?P<S>[0-5]\d))?(?:\.\d+)?)?"
            r"(?P<tz>Z|[+-][01]\d:?[0-5]\d)?(?!\d)"
        ),
        "dmy": re.compile(rf"{day}\s+(?:(?:{of})\s+)?{month}(?:,?\s+(?:(?:{of})\s+)?{year})?(?!\w)", re.I),
        "mdy": re.compile(rf"{month}\s+{day}(?:,?\s+{year})?(?![\w:])", re.I),
        "ymd": re.compile(r"(?P<y>(?:19|20)\d\d)[./](?P<m>[01]?\d)[./](?P<d>[0-3]?\d)(?!\d)"),
        "num": re.compile(r"(?P<a>[0-3]?\d)(?P<sep>[./-])(?P<b>[0-3]?\d)(?P=sep)(?P<y>(?:19|20)\d\d|\d\d)(?![\d.]\d)"),
        "time": re.compile(
            r"(?P<H>[0-2]?\d)(?:[:.h](?P<M>[0-5]\d))(?::(?P<S>[0-5]\d))?(?:\s*(?P<ampm>[ap]\.?\s?m\.?))?(?!\w)"
            r"|(?P<H2>1[0-2]|0?\d)\s*(?P<ampm2>[ap]\.?\s?m\.?)(?!\w)",
            re.I,
        ),
        "zone": re.compile(
            r"(?:UTC|GMT)\s*(?P<off>[+\-−]\s*[01]?\d(?::?[0-5]\d)?)?(?!\w)"
            rf"|(?P<abbr>{alternation(tuple(k.upper() for k in ZONES))})(?!\w)"
            r"|(?P<bare>[+\-−][01]\d:[0-5]\d)(?!\d)"
        ),
        "weekday": re.compile(rf"(?:{alternation(weekday_names())})\.?(?!\w)", re.I),
        "relative": re.compile(
            rf"(?:\d+|{one})\s*(?:{units})\.?\s+(?:{alternation(words('ago'))})(?!\w)|(?:{alternation(words('ago'))})(?!\w)",
            re.I,
        ),
        "label": re.compile(rf"(?:{alternation(words('date_labels'))})(?!\w)", re.I),
        "modified": re.compile(rf"(?:{alternation(words('modified_labels'))})(?!\w)", re.I),
        "sep": re.compile(r"[\s,.;:|/()\[\]\-–—•·@]+"),
        "place": re.compile(r"[A-ZÀ-ÖØ-ÞА-Я][A-ZÀ-ÖØ-ÞА-Я'’\-]+(?:[ ,]+[A-ZÀ-ÖØ-ÞА-Я][A-ZÀ-ÖØ-ÞА-Я.'’\-]+){0,2}"),
    }


def _valid(year: int | None, month: int | None, day: int | None) -> bool:
    try:
        dt.date(year or 2000, month or 1, day or 1)
    except ValueError:
        return False
    return True


def _date_parts(kind: str, m: re.Match[str]) -> Date | None:
    g = m.groupdict()
    year = int(g["y"]) if g.get("y") else None
    month: int | None
    if kind in ("iso", "ymd"):
        month, day = int(g["m"]), int(g["d"])
    elif kind in ("dmy", "mdy"):
        month, day = month_number(g["mon"]), int(g["d"])
    else:  # num: day and month order known only when one of them is over 12
        a, b = int(g["a"]), int(g["b"])
        if year is not None and year < 100:
            year += 2000
        if a > 12 >= b:
            day, month = a, b
        elif b > 12 >= a:
            month, day = a, b
        elif a == b:
            month = day = a
        else:
            return None if g["sep"] != "." else (year, b, a)  # dotted dates are day-first everywhere
    if not day or not _valid(year, month, day):
        return None
    return year, month, day


def _hour(g: dict[str, str | None]) -> Time | None:
    hour_text = g.get("H") or g.get("H2")
    if hour_text is None:
        return None
    hour, minute = int(hour_text), int(g.get("M") or 0)
    second = int(s) if (s := g.get("S")) else None
    ampm = (g.get("ampm") or g.get("ampm2") or "").lower()
    if ampm:
        if hour > 12 or hour == 0:
            return None
        hour = hour % 12 + (12 if ampm.startswith("p") else 0)
    if hour > 23:
        return None
    return hour, minute, second


def _offset(g: dict[str, str | None]) -> int | None:
    text = g.get("off") or g.get("bare")
    if text:
        text = text.replace("−", "-").replace(" ", "")
        sign = -1 if text[0] == "-" else 1
        digits = text[1:].replace(":", "")
        hours, minutes = (int(digits[:-2]), int(digits[-2:])) if len(digits) > 2 else (int(digits), 0)
        return sign * (hours * 60 + minutes) if hours <= 14 else None
    if abbr := g.get("abbr"):
        return ZONES.get(abbr.lower())
    return 0  # bare UTC / GMT


@dataclass
class _Found:
    """What :func:`scan_stamp` has read so far."""

    date: Date | None = None
    time: Time | None = None
    zone: int | None = None
    zoned: bool = False
    relative: bool = False
    labelled: bool = False
    modified: bool = False

    @property
    def dated(self) -> bool:
        return self.date is not None or self.time is not None or self.relative


def _match_date(text: str, pos: int, found: _Found) -> re.Match[str] | None:
    """Match a date at ``pos``; record it (and an ISO time and zone) in ``found``."""
    g = _grammar()
    for kind in ("iso", "num", "ymd", "dmy", "mdy"):
        m = g[kind].match(text, pos)
        if m is None or (ymd := _date_parts(kind, m)) is None:
            continue
        found.date = ymd
        if kind == "iso" and m.group("H"):
            found.time = (int(m.group("H")), int(m.group("M")), int(m.group("S")) if m.group("S") else None)
            if m.group("tz"):
                found.zone, found.zoned = _offset({"bare": m.group("tz")} if m.group("tz") != "Z" else {}), True
        return m
    return None


def _step(text: str, pos: int, found: _Found) -> re.Match[str] | None:
    """Read one part of a stamp at ``pos`` into ``found``; the match, or ``None`` where the stamp ends."""
    g = _grammar()
    if found.date is None and (m := _match_date(text, pos, found)):
        return m
    if found.time is None and (m := g["time"].match(text, pos)) and (hm := _hour(m.groupdict())):
        found.time = hm
        return m
    if not found.zoned and found.time is not None and (m := g["zone"].match(text, pos)):
        found.zone, found.zoned = _offset(m.groupdict()), True
        return m
    if m := g["relative"].match(text, pos):
        found.relative = True
        return m
    if m := g["weekday"].match(text, pos):
        return m
    if not found.dated and (m := g["label"].match(text, pos)):
        found.labelled = True
        found.modified = found.modified or bool(g["modified"].fullmatch(m.group(0)))
        return m
    return None


def scan_stamp(text: str) -> Stamp | None:
    """The timestamp that ``text`` starts with, if any; ``Stamp.end`` says where it ends.

    Labels ("Updated:") count only before the date or time.

    >>> scan_stamp("date 2017-05-25 Back to Main page").end
    15
    """
    sep = _grammar()["sep"]
    found = _Found()
    pos = 0
    while pos < len(text):
        if m := sep.match(text, pos):
            pos = m.end()
            continue
        if (m := _step(text, pos, found)) is None:
            break
        pos = m.end()
    if not found.dated:
        return None
    end = pos
    while end > 0 and text[end - 1] in " ,;:|-–—(/[•·@":
        end -= 1
    year, month, day = found.date or (None, None, None)
    hour, minute, second = found.time or (None, None, None)
    return Stamp(
        year,
        month,
        day,
        hour,
        minute,
        second,
        found.zone,
        modified=found.modified,
        relative=found.relative,
        labelled=found.labelled,
        end=end,
    )


def parse_stamp(text: str) -> Stamp | None:
    """The timestamp that ``text`` is, or ``None`` when it holds anything else.

    An ALL-CAPS place may follow the stamp ("May 25, 10:51 UTC+3 BRUSSELS").
    """
    stamp = scan_stamp(text)
    if stamp is None:
        return None
    rest = text[stamp.end :].strip(" ,;:|-–—()[]•·")
    if not rest:
        return stamp
    if _grammar()["place"].fullmatch(rest) and (stamp.hour is not None or stamp.has_date):
        return dataclasses.replace(stamp, place=rest)
    return None


def dated_stamp(text: str, modified: bool = False) -> Stamp | None:
    """The timestamp that ``text`` is, when it has a date at least (marked as the last change when
    ``modified``); ``None`` for an empty text, or one that is no stamp or a time alone.

    >>> dated_stamp("May 2, 2024").iso(), dated_stamp("May 2, 2024", modified=True).modified, dated_stamp("10:51")
    ('2024-05-02', True, None)
    """
    stamp = parse_stamp(text) if text else None
    if stamp is None or not stamp.has_date:
        return None
    return dataclasses.replace(stamp, modified=True) if modified else stamp
