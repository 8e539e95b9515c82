"""Facts resolved into one metadata dict, once, at the end.

Several facts may speak of one field.  Dates are merged: a full date and a
partial stamp that agree on the day make one precise timestamp, so
"date 2017-05-25" and "May 25, 10:51 UTC+3" give
``2017-05-25T10:51:00+03:00``.  For other fields the first fact wins (the head
of an article is read top-down, and what the page itself declared is added
first), except ``authors``, which are gathered in order without repeats.

Which source wins, when sources disagree:

1. the record's own fields (``Document.meta``: a JSONL record's other
   fields, a WARC record's URL and crawl date) win over anything found: they
   are what the caller knows, not a guess;
2. then what the page declares: first its structured data as
   :mod:`cleaner.meta.markup` reads it (JSON-LD, ``<meta>`` tags,
   microdata, ``<time>``, bylines and the ``<h1>`` that agrees with the declared
   title), then what trafilatura reads (its authors only when the structured
   data names none), then the structured data's weak facts (a publication date
   on or after the declared modification date): a page states its title,
   authors and date for machines, on purpose, while a line in the text is only
   read as one;
3. then what the text says (a byline, a timestamp, a peeled title), which
   fills every field the page leaves empty.  Dates are the exception that
   merges: the page's date anchors, and a timestamp in the text that agrees
   on the day adds its time and offset; one that disagrees (an "Updated"
   line, another day) is not taken.  Authors from the page and the byline are
   gathered, without repeats.

>>> from cleaner.document import Document, Fact
>>> from cleaner.meta.dates import parse_stamp
>>> doc = Document(facts=(Fact("stamp", parse_stamp("date 2017-05-25")), Fact("stamp", parse_stamp("May 25, 10:51 UTC+3"))))
>>> resolve(doc)["date"]
'2017-05-25T10:51:00+03:00'
"""

from __future__ import annotations

from typing import Any

from cleaner.document import Document
from cleaner.meta.dates import Stamp

#: Every result carries these keys, ``None`` (or ``[]``) when unknown.
FIELDS = (
    "title",
    "authors",
    "date",
    "date_modified",
    "dateline",
    "section",
    "site",
    "description",
    "image_credit",
    "language",
    "language_score",
)


def merge_stamps(stamps: list[Stamp]) -> str | None:
    """The most precise ISO date that the stamps agree on.

    The first stamp with a full date anchors; later stamps that agree with it
    add the time and offset it lacks.
    """
    anchor = next((s for s in stamps if s.has_date), None)
    if anchor is None:
        return None
    for other in stamps:
        if (other is not anchor and anchor.hour is None and other.agrees(anchor)) or (
            other is not anchor
            and anchor.offset is None
            and anchor.hour is not None
            and other.agrees(anchor)
            and (other.hour, other.minute) == (anchor.hour, anchor.minute)
        ):
            anchor = anchor.merge(other)
    return anchor.iso()


def resolve(doc: Document) -> dict[str, Any]:
    """The metadata of a document: page metadata first, then facts."""
    meta: dict[str, Any] = {name: None for name in FIELDS}
    meta["authors"] = []
    stamps = [f.value for f in doc.facts_for("stamp") if isinstance(f.value, Stamp)]
    meta["date"] = merge_stamps([s for s in stamps if not s.modified])
    meta["date_modified"] = merge_stamps([s for s in stamps if s.modified])
    for fact in doc.facts:
        if fact.field == "authors":
            for name in fact.value:
                if name.casefold() not in {a.casefold() for a in meta["authors"]}:
                    meta["authors"].append(name)
        elif fact.field in ("date", "date_modified"):
            meta[fact.field] = meta[fact.field] or fact.value
        elif fact.field == "dateline" and isinstance(meta["dateline"], dict):
            if fact.value.get("place") == meta["dateline"].get("place"):
                meta["dateline"] = {**fact.value, **meta["dateline"]}
        elif fact.field != "stamp" and meta.get(fact.field) is None:
            meta[fact.field] = fact.value
    given = {k: v for k, v in doc.meta.items() if k not in meta or v not in (None, "", [], {})}
    meta.update(given)
    return meta
