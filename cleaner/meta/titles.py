"""The page's title: its own headline, an ``<h1>``, when one agrees with what the page declares (the
Open Graph title, JSON-LD ``headline``, ``<title>``, with the site's name cut off).

Pages often declare a title written for search engines, while the reader sees
the ``<h1>``.  An ``<h1>`` that is the site's name is no title.  Without an
``<h1>`` that agrees, the page's one ``<h1>`` is taken when the page declares
nothing, else the declared title.
"""

from __future__ import annotations

import re
from typing import Any

from cleaner.meta.elements import clean, lower_words

#: What separates a title from the site's name in ``<title>``.
_SEPARATOR = re.compile(r"\s+[|–—·•:~-]\s+|\s*[|–—·•»]\s*")
#: An ``<h1>`` agrees with a declared title when at least this share of its words are in it.
AGREE = 0.3
#: A title has at most this many words.
MAX_TITLE_WORDS = 40


def without_site(title: str, sites: set[str]) -> str:
    """``title`` without the site's name before or after it.

    >>> without_site("Talks go on | Daily News", {"daily news"}), without_site("Daily – Talks go on", {"daily"})
    ('Talks go on', 'Talks go on')
    >>> without_site("Talks go on - Daily", set()), without_site("Q&A: what next", set())
    ('Talks go on', 'Q&A: what next')
    """
    parts = [p for p in _SEPARATOR.split(title) if p.strip()]
    if len(parts) < 2:
        return title.strip()
    named = [p for p in parts if " ".join(lower_words(p)) not in sites]
    if sites and 0 < len(named) < len(parts):
        return " - ".join(named) if len(named) > 1 else named[0].strip()
    if _SEPARATOR.search(title) and re.search(r"\s[|–—·•-]\s|[|·•]", title):
        longest = max(parts, key=lambda p: len(lower_words(p)))
        if longest == parts[0] or len(lower_words(longest)) > len(lower_words(parts[0])) * 2:
            return longest.strip()
    return title.strip()


def _overlap(a: str, b: str) -> float:
    words = set(lower_words(a))
    return len(words & set(lower_words(b))) / len(words) if words else 0.0


def headings(tree: Any) -> list[str]:
    """The texts of the page's ``<h1>`` elements, in order."""
    out = []
    for h1 in tree.iter("h1"):
        text = clean(h1.text_content())
        if text and len(lower_words(text)) <= MAX_TITLE_WORDS:
            out.append(text)
    return out


def choose_title(h1s: list[str], declared: list[str], sites: set[str]) -> tuple[str, str] | None:
    """The title and where it comes from: an ``<h1>`` that agrees with a declared title, else (see the module).

    >>> choose_title(["Daily", "Talks go on, and on"], ["Talks go on | Daily"], {"daily"})
    ('Talks go on, and on', 'html-h1')
    >>> choose_title(["Daily"], ["Talks go on | Daily"], {"daily"})
    ('Talks go on', 'html-meta')
    """
    declared = [without_site(d, sites) for d in declared if d]
    suffixes = {" ".join(lower_words(p)) for d in declared for p in _SEPARATOR.split(d)[1:]}
    own = [h for h in h1s if " ".join(lower_words(h)) not in sites | suffixes]
    if declared:
        scored = [(max(_overlap(h, d) for d in declared), -n, h) for n, h in enumerate(own)]
        best = max(scored, default=None)
        if best is not None and best[0] >= AGREE:
            return best[2], "html-h1"
        return declared[0], "html-meta"
    if len(own) == 1:
        return own[0], "html-h1"
    return None
