"""How texts are compared: the same words, whatever their case, punctuation and spacing.

A leaf module: readers use it to align a page's blocks with an extractor's
text, and steps to find the block that repeats the page's title.

>>> word_key("  Hello,  World! "), same_text("Talks go on", "Talks go on.")
('hello world', True)
"""

from __future__ import annotations

import re

_WORD = re.compile(r"\w+")
_INVISIBLE = dict.fromkeys(map(ord, "\xad\u200b\u200c\u200d\u2060\ufeff"))


def word_key(text: str) -> str:
    """The lower-cased words of ``text``, one space apart: how lines are compared with each other.

    Soft hyphens and zero-width characters do not split words (extractors drop them).

    >>> word_key("  Hello,  World! "), word_key("Not\xadfall\u200bplan")
    ('hello world', 'notfallplan')
    """
    return " ".join(_WORD.findall(text.lower().translate(_INVISIBLE)))


def same_text(a: str | None, b: str | None) -> bool:
    """True when two texts have the same words (a title and its copy in the text).

    >>> same_text("Talks go on", "Talks go on."), same_text("Talks go on", "Talks stop"), same_text(None, "")
    (True, False, False)
    """
    return bool(a and b) and word_key(a or "") == word_key(b or "")
