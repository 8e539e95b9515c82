"""Pictures and embeds: photo credits, captions, media notices, advertisements.

>>> photo_credit("© AP Photo/Virginia Mayo", Context()).facts[0].value
'AP Photo/Virginia Mayo'
>>> photo_credit("© 2019 The Company. All rights reserved.", Context()) is None
True
>>> caption("Jens Stoltenberg", Context(found=frozenset({"title"}))).kind
'caption'
>>> advertisement("Advertisement", Context(where="middle")).kind
'advertisement'
"""

from __future__ import annotations

import functools
import re

from cleaner.document import Fact
from cleaner.lexicon import alternation, cached, listed, words
from cleaner.names import fits_name_pattern
from cleaner.strip.claims import Claim, Context, ends_sentence, word_count


@cached()
def _credit_patterns() -> tuple[re.Pattern[str], ...]:
    credit = alternation(words("credit"))
    return (
        # © AP Photo/Virginia Mayo    (c) Reuters
        re.compile(r"(?:©|\(c\)|copyright)\s*(?P<credit>[^©]{2,80})", re.IGNORECASE),
        # Photo: Reuters    Image credit - Getty Images    (Photo by Jane Doe/AFP)
        re.compile(
            rf"\(?(?:{credit})(?:\s+(?:by|credit|courtesy(?:\s+of)?)\s*[:\-–—]?|\s*[:\-–—|/])\s*(?P<credit>[^()]{{2,80}}?)\)?",
            re.IGNORECASE,
        ),
        # REUTERS/Jonathan Ernst    Jane Doe/AFP via Getty Images
        re.compile(
            rf"(?P<credit>[\w.'’\- ]{{2,40}}/\s*(?:{credit})(?:\s+via\s+[\w ]+)?|(?:{credit})\s*/\s*[\w.'’\- ]{{2,40}})",
            re.IGNORECASE,
        ),
    )


def credit_of(text: str) -> str | None:
    """The credit that ``text`` is, or ``None``.

    >>> credit_of("Photo: Reuters"), credit_of("REUTERS/Jonathan Ernst"), credit_of("Follow the money, he said.")
    ('Reuters', 'Jonathan Ernst', None)
    """
    text = text.strip()
    if word_count(text) > 14 or re.search(r"rights reserved|\b(?:19|20)\d\d\b", text, re.IGNORECASE):
        return None
    for pattern in _credit_patterns():
        m = pattern.fullmatch(text)
        if (
            m
            and m.group("credit").strip()
            and word_count(m.group("credit")) <= 8
            and not ends_sentence(m.group("credit"))
        ):
            return m.group("credit").strip(" .")
    return None


def photo_credit(text: str, ctx: Context) -> Claim | None:
    """Claim a photo credit ("© AP Photo/Virginia Mayo", "Photo: Reuters")."""
    credit = credit_of(text)
    if credit is None:
        return None
    return Claim("photo-credit", "photo-credit", facts=(Fact("image_credit", credit, "photo-credit"),))


@cached()
def _credit_tail() -> re.Pattern[str]:
    """A credit closing a caption, in brackets or after a bar: "… (Photo: Reuters)" ("caption_credit")."""
    credit = alternation(words("caption_credit"))
    return re.compile(rf"[(\[|]\s*(?:{credit})s?\b[^()\[\]|]{{0,60}}[)\]]?\s*$", re.IGNORECASE)


@cached()
def _toggle() -> re.Pattern[str]:
    """A gallery caption with its show/hide toggle: "… the new bridge. less", "… the new bridge ... more"
    ("toggle_less", "toggle_more")."""
    less, more = alternation(words("toggle_less")), alternation(words("toggle_more"))
    return re.compile(rf"(?:[.!?\"”’)]\s+(?:{less})|(?:\.\.\.|…)\s*(?:{more}))\s*$", re.IGNORECASE)


_caption_marker = functools.partial(listed, "caption_markers")


def caption(text: str, ctx: Context) -> Claim | None:
    """Claim an image caption.

    A caption is a line that ends with a photo credit ("… (Photo: Reuters)"),
    or opens with a caption marker ("Pictured: …"), or, in the head, a bare
    name under the title (the name of the person in the picture).
    """
    n = word_count(text)
    if n > 60:
        return None
    if n >= 6 and _toggle().search(text):
        return Claim("caption", "caption-toggle")
    if _credit_tail().search(text) and n > 3:
        return Claim("caption", "caption-credit")
    if _caption_marker().match(text) and n > 1:
        return Claim("caption", "caption-marker")
    # A name of two words or more, not in capitals: "Pittsburgh" is a place, "GIRLS BASKETBALL" a label.
    if ctx.where == "head" and "title" in ctx.found and 2 <= n <= 4 and not text.isupper() and fits_name_pattern(text):
        return Claim("caption", "caption-name")
    return None


_advert_pattern = functools.partial(listed, "advertisement", r"[-–—\s]*", r"[-–—\s:.]*")


def advertisement(text: str, ctx: Context) -> Claim | None:
    """Claim an advertising slot ("Advertisement", "Story continues below advertisement")."""
    if word_count(text) <= 6 and _advert_pattern().fullmatch(text):
        return Claim("advertisement", "advertisement")
    return None


_embed_pattern = functools.partial(listed, "media_notices")


@cached()
def _counter() -> re.Pattern[str]:
    """A gallery counter: "1 of 8", "Image 3 of 12", "1of/8", "2 / 8" ("gallery_items", "gallery_of")."""
    item, of = alternation(words("gallery_items")), alternation(words("gallery_of"))
    return re.compile(rf"(?:(?:{item})s?\s*)?\d{{1,3}}\s*(?:(?:{of})\s*/?|/)\s*\d{{1,3}}", re.IGNORECASE)


@cached()
def _click_here() -> re.Pattern[str]:
    """A block closing with "click here" ("click_here")."""
    return re.compile(rf"\b(?:{alternation(words('click_here'))})[\s!:>»]*$", re.IGNORECASE)


def embed(text: str, ctx: Context) -> Claim | None:
    """Claim a notice left by embedded media ("This content is not available…", "Click here …") or a gallery counter."""
    if word_count(text) > 25:
        return None
    if _counter().fullmatch(text.strip()):
        return Claim("embed", "gallery-counter")
    if word_count(text) <= 12 and _click_here().search(text):
        return Claim("embed", "click-here")  # "GET THE APP BY CLICKING HERE"
    m = _embed_pattern().match(text.strip(" [(<"))
    if m is None:
        return None
    rest = text.strip(" [(<")[m.end() :]
    if rest.lstrip().startswith(","):
        return None  # "Click here, the instructions said, …" is prose
    # "Image" or "Video" alone, or a notice sentence; never a sentence that merely starts with "Video".
    if word_count(rest) == 0 or word_count(m.group(0)) >= 2:
        return Claim("embed", "embed")
    return None
