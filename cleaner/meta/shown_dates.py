"""The date the article's header shows: a ``<time>`` or a short element that is a date, near an
``<h1>``, outside the comments, never one labelled as the last change ("Updated on May 2").

The date a page shows is the one its readers take; the date it declares is
often the first draft's (see :mod:`cleaner.meta.markup`).
"""

from __future__ import annotations

import re
from typing import Any

from cleaner.lexicon import listed
from cleaner.meta.dates import Stamp, dated_stamp, scan_stamp
from cleaner.meta.elements import clean, in_comments, label_before

#: A shown date counts when it stands this many elements (in document order) before an ``<h1>`` at most …
SHOWN_BEFORE = 12
#: … or this many after it, in a ``<time>`` (the header: not a list of other articles further down) …
TIME_AFTER = 100
#: … or in another element, whose date is less often the article's.
SHOWN_AFTER = 40
#: An element whose whole text is a date has at most this many words ("Published: 3 May 2024").
MAX_DATE_WORDS = 8
#: The elements whose text may be a shown date.
DATE_TAGS = (
    "time",
    "span",
    "div",
    "p",
    "li",
    "small",
    "em",
    "strong",
    "b",
    "i",
    "a",
    "dd",
    "td",
    "abbr",
    "address",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "section",
)
_MODIFIED_CLASS = re.compile(r"updated|modified|revised", re.IGNORECASE)


def is_modified_date(element: Any, text: str) -> bool:
    """True when a shown date is labelled as the last change: by its own words ("Updated on May 2"),
    its class or ``itemprop``, or the label just before it.

    >>> import lxml.html
    >>> page = lxml.html.fromstring('<p>Updated on <time class="x">May 2, 2024</time></p>')
    >>> is_modified_date(page[0], "May 2, 2024"), is_modified_date(page, "Updated on May 2, 2024")
    (True, True)
    >>> is_modified_date(lxml.html.fromstring('<p>Posted <span>May 2, 2024</span></p>')[0], "May 2, 2024")
    False
    """
    stamp = scan_stamp(text)
    if stamp is not None and stamp.modified:
        return True
    names = " ".join(element.get(a) or "" for a in ("class", "itemprop"))
    return bool(_MODIFIED_CLASS.search(names)) or bool(_modified_label().search(label_before(element)))


def _modified_label() -> re.Pattern[str]:
    return listed("modified_labels", after=r"\s*:?\s*$")


def _shown_stamp(element: Any) -> Stamp | None:
    """The publication date that ``element`` shows, if it shows one: a ``<time>`` by its ``datetime``
    (else its text), another element when its whole short text is a date; never a relative or modified one."""
    text = clean(element.text_content())
    if element.tag == "time":
        stamp = dated_stamp(clean(element.get("datetime") or "")) or dated_stamp(text)
    elif not text or len(text.split()) > MAX_DATE_WORDS:
        return None
    else:
        stamp = dated_stamp(text)
    if stamp is None or stamp.relative or stamp.modified or is_modified_date(element, text):
        return None
    return stamp


def shown_dates(tree: Any) -> tuple[Stamp | None, Stamp | None]:
    """The first date that the article's header shows in a ``<time>`` element, and the first it shows
    in any short element: near an ``<h1>`` (:data:`SHOWN_BEFORE`, :data:`TIME_AFTER`,
    :data:`SHOWN_AFTER`), outside the comments, not labelled as the last change.

    >>> import lxml.html
    >>> page = lxml.html.fromstring('''<div><h1>Talks go on</h1><p>By Jane Doe</p>
    ... <p>Updated <time datetime="2024-06-01">June 1</time></p><span>Posted May 2, 2024</span>
    ... <time datetime="2024-05-02T09:00:00+02:00">2 May</time></div>''')
    >>> [s.iso() for s in shown_dates(page)]
    ['2024-05-02T09:00:00+02:00', '2024-05-02']
    """
    order = {element: n for n, element in enumerate(tree.iter())}
    heads = [order[h1] for h1 in tree.iter("h1")]
    in_time: Stamp | None = None
    anywhere: Stamp | None = None
    for element in tree.iter(*DATE_TAGS) if heads else ():
        n, timed = order[element], element.tag == "time"
        near = any(-SHOWN_BEFORE <= n - h <= SHOWN_AFTER for h in heads)
        if not (near or (timed and any(-SHOWN_BEFORE <= n - h <= TIME_AFTER for h in heads))):
            continue
        if any(in_comments(a) for a in element.iterancestors()) or (stamp := _shown_stamp(element)) is None:
            continue
        if near:
            anywhere = anywhere or stamp
        if timed:
            in_time = stamp
            break
    return in_time, anywhere
