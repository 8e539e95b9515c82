"""Copyright and legal lines at the foot of a page.

>>> copyright_line("© 2019 The Company. All rights reserved.", Context(where="tail")).kind
'copyright'
>>> copyright_line("Privacy Policy | Terms of Use | Contact Us", Context(where="tail")).rule
'legal-links'
>>> copyright_line("The court ruled on copyright law in 2019.", Context(where="tail")) is None
True
>>> cookie_notice("We use cookies to improve your experience. By continuing to browse, you agree.", Context()).kind
'cookie-notice'
"""

from __future__ import annotations

import functools
import re

from cleaner.lexicon import alternation, cached, listed, words
from cleaner.strip.claims import Claim, Context, word_count

#: "© 2019 …", "(c) Example Media", "Copyright 2020 …", "Copyright © …", "Copyright: …", "Copyright by …",
#: "copyright Example Media 2019".
_MARK = re.compile(
    r"(?:©|\(c\)|(?i:copyright)\s*(?:©|\(c\)|:|\d{4}|by\b|(?:[A-Z][\w.&'’\-]*\s+){1,4}(?:©\s*)?(?:19|20)\d\d\b))"
)
#: "Copyright Example News Ltd": the word, then only capitalised words (an owner, not a sentence).
_OWNER = re.compile(r"(?i:copyright)(?:\s+[A-Z0-9][\w&.,'’\-]*){1,6}\.?")


_rights = functools.partial(listed, "copyright", r"(?<!\w)")


@cached()
def _links() -> re.Pattern[str]:
    item = rf"(?:{alternation(words('legal_links'))})"
    return re.compile(rf"{item}(?:\s*[|•·/,–—-]?\s*{item})*", re.IGNORECASE)


def copyright_line(text: str, ctx: Context) -> Claim | None:
    """Claim a copyright notice ("© 2019 The Company. All rights reserved.") or a row of legal links."""
    stripped = text.strip(" |•·")
    if word_count(stripped) > 70:
        return None
    if ctx.where != "middle" and word_count(stripped) <= 40 and (_MARK.match(stripped) or _OWNER.fullmatch(stripped)):
        return Claim("copyright", "copyright")
    # A rights phrase: anywhere in a short line, in the first sentence of a longer one at the foot.
    m = _rights().search(stripped)
    if m and ctx.where == "middle":
        # In the middle, only a notice that opens with its rights phrase, or a short one.
        return Claim("copyright", "copyright") if m.start() < 40 or word_count(stripped) <= 15 else None
    if m and (word_count(stripped) <= 40 or (ctx.where == "tail" and m.start() < 120)):
        return Claim("copyright", "copyright")
    if ctx.where != "middle" and word_count(stripped) >= 2 and _links().fullmatch(stripped):
        return Claim("copyright", "legal-links")
    return None


_cookies = functools.partial(listed, "cookies", r"(?<!\w)")


def cookie_notice(text: str, ctx: Context) -> Claim | None:
    """Claim a cookie or consent notice ("We use cookies to …", "This website uses cookies. By continuing …").

    The notice opens with its phrase (a paragraph about cookies in a story does not).
    """
    stripped = text.strip(" *+•·|")
    limit = 60 if ctx.where == "middle" else 100
    if word_count(stripped) > limit:
        return None
    m = _cookies().search(stripped)
    if m is None or m.start() > 40:
        return None
    return Claim("cookie-notice", "cookie-notice")
