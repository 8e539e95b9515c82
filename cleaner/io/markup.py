"""HTML nested too deep for the parser, made shallow before parsing.

libxml2 (lxml's parser, and trafilatura's) stops reading a page at 256 levels
of nesting: whatever follows, the article included, is lost without a word.
So before a page is parsed, tags opened deeper than :data:`MAX_DEPTH` are
dropped, with their closing tags; their text stays where it was.  A page that
nests less deeply (every real page) is returned as it is.

The scan is one pass over the page (comments, scripts and styles are passed
over whole), linear in its length whatever the nesting.  Elements whose end
tag is optional (``p``, ``li``, ``td``, …) and void elements (``br``,
``img``, …) are not counted: parsers close them without being told.

>>> page = "<div>" * 5 + "<p>Deep.</p>" + "</div>" * 5
>>> bounded_nesting(page, limit=3)
'<div><div><div><p>Deep.</p></div></div></div>'
>>> bounded_nesting("<div><p>Shallow</div>", limit=3)
'<div><p>Shallow</div>'
"""

from __future__ import annotations

import re
from collections import Counter

#: Deepest nesting kept (libxml2 gives up at 256; a few levels are left for ``html``, ``body`` and uncounted tags).
MAX_DEPTH = 200

#: Elements with no content.
VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
        "basefont",
        "bgsound",
        "frame",
        "keygen",
    ]
)
#: Elements whose end tag may be left out (a parser closes them when the next one, or their parent, starts).
OPTIONAL_END = frozenset(
    [
        "p",
        "li",
        "dt",
        "dd",
        "tr",
        "td",
        "th",
        "thead",
        "tbody",
        "tfoot",
        "option",
        "optgroup",
        "colgroup",
        "caption",
        "rb",
        "rt",
        "rtc",
        "rp",
    ]
)

_TOKEN = re.compile(
    r"<!--.*?(?:-->|\Z)"  # a comment (to its end, or the end of the page)
    r"|<(script|style|textarea|title|xmp|plaintext)\b[^>]*>.*?(?:</\1\s*>|\Z)"  # raw text, passed over whole
    r"|<(/?)([A-Za-z][A-Za-z0-9:-]*)(?:\s[^>]*)?(/?)>",  # a start or end tag
    re.DOTALL | re.IGNORECASE,
)


def bounded_nesting(html: str, limit: int = MAX_DEPTH) -> str:
    """``html`` with the tags nested deeper than ``limit`` left out (and their end tags); as it is if none are."""
    if html.count("<") <= limit:
        return html
    stack: list[tuple[str, bool]] = []  # open elements: name, and whether its tags are dropped
    names: Counter[str] = Counter()  # how many of each name are open (a fast "is it open?")
    depth = 0
    drop: list[tuple[int, int]] = []
    for match in _TOKEN.finditer(html):
        name = match.group(3)
        if name is None:
            continue
        name = name.lower()
        if name in VOID or name in OPTIONAL_END:
            continue
        if not match.group(2):  # a start tag
            if match.group(4):  # written self-closing
                continue
            dropped = depth >= limit
            if dropped:
                drop.append(match.span())
            else:
                depth += 1
            stack.append((name, dropped))
            names[name] += 1
        elif names[name]:  # an end tag that closes an open element (and those opened inside it)
            while stack:
                top, dropped = stack.pop()
                names[top] -= 1
                depth -= not dropped
                if top == name:
                    if dropped:
                        drop.append(match.span())
                    break
    if not drop:
        return html
    kept: list[str] = []
    at = 0
    for start, end in drop:
        kept.append(html[at:start])
        at = end
    kept.append(html[at:])
    return "".join(kept)
