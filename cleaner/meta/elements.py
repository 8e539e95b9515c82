"""What the readers of a page's markup ask of its text and elements: a value's text with single spaces,
its words, whether an element stands in the comments, the label just before it.

>>> import lxml.html
>>> page = lxml.html.fromstring('<div class="comments"><p>Updated on <time>May 2</time></p></div>')
>>> clean("  Talks  go on "), lower_words("Talks go on!"), in_comments(page), label_before(page[0][0])
('Talks go on', ['talks', 'go', 'on'], True, 'Updated on')
"""

from __future__ import annotations

import re
from typing import Any

_WORD = re.compile(r"\w+")


def lower_words(text: str) -> list[str]:
    """The words of ``text``, in lower case (what site names and titles are compared by)."""
    return _WORD.findall(text.lower())


def clean(text: Any) -> str:
    """``text`` with single spaces, when it is a string or a number (a JSON-LD value may be anything); else ``""``.

    >>> clean(" a\\n b "), clean(2024), clean({"name": "x"})
    ('a b', '2024', '')
    """
    return " ".join(str(text).split()) if isinstance(text, (str, int, float)) else ""


def in_comments(element: Any) -> bool:
    """True when the class or id of ``element`` names the comments."""
    return "comment" in " ".join(element.get(a) or "" for a in ("class", "id")).lower()


def label_before(element: Any) -> str:
    """The text that stands just before ``element`` inside its parent (its label: "Updated on")."""
    parent = element.getparent()
    if parent is None:
        return ""
    pieces = [parent.text or ""]
    for sibling in parent:
        if sibling is element:
            break
        pieces.append(sibling.text_content() if isinstance(sibling.tag, str) else "")
        pieces.append(sibling.tail or "")
    return clean(" ".join(pieces))[-40:]
