"""Chrome around the story that is neither heading nor teaser.

Comment-section prompts, tag lines, reading times, reporting credits and
contact lines: each is short, and each has a shape that prose does not have.

>>> comments("Leave a comment", Context(where="tail")).kind
'comments'
>>> tags("Tags: Brexit, elections, Labour", Context(where="tail")).kind
'tags'
>>> reading_time("5 min read", Context()).kind
'reading-time'
>>> contributors("Jane Doe contributed to this report.", Context(where="tail")).kind
'contributors'
>>> contact("Email Jane Doe at jdoe@example.com or follow her @janedoe.", Context(where="tail")).kind
'author-bio'
>>> contributors("Reporting by Jane Doe; Editing by John Smith", Context(where="tail")).kind
'contributors'
>>> affiliate("If you buy something through a link on this page, we may earn a commission.", Context()).kind
'affiliate-notice'
"""

from __future__ import annotations

import functools
import re

from cleaner.lexicon import alternation, cached, listed, phrase_pattern, words
from cleaner.strip.claims import Claim, Context, Scan, ends_sentence, word_count

_OPEN = " \t([{-–—•·*>|"
_CLOSE = " \t)]}.:|"


def _phrases(key: str) -> str:
    return alternation(words(key))


@cached()
def _comment_prompt() -> re.Pattern[str]:
    count = r"(?:\(?\+?\d+\)?\s*)?"
    return re.compile(rf"{count}(?:{_phrases('comments')}){count}\s*(?:\(?\+?\d*\)?|[»›→+])?", re.IGNORECASE)


_comment_word = functools.partial(phrase_pattern, "comments")


_comment_rule = functools.partial(listed, "comment_rules", r"(?<!\w)")


def comments(text: str, ctx: Context) -> Claim | None:
    """Claim a comment-section prompt ("Post Comment (+)", "12 comments") or its house rules.

    A rule is a short block that names comments and their moderation
    ("Comments that insult others will not be approved by the moderator.").
    """
    stripped = text.strip(_OPEN + _CLOSE)
    if not stripped or word_count(stripped) > 40:
        return None
    if word_count(stripped) <= 6 and _comment_prompt().fullmatch(stripped):
        return Claim("comments", "comment-prompt")
    if _comment_word().search(stripped) and _comment_rule().search(stripped):
        return Claim("comments", "comment-rules")
    return None


_tag_label = functools.partial(listed, "tags", after=r"\s*(?::|\||-|–|—)?")


def _is_list(text: str) -> bool:
    """True for a list of short keywords separated by commas, bars or bullets.

    >>> _is_list("stock cars, racing, Interlagos, 2018"), _is_list("He came, saw, and won the race.")
    (True, False)
    """
    items = [i.strip() for i in re.split(r"\s*[,;|•·#]\s*|\s+/\s+", text.strip(" |,.")) if i.strip()]
    return len(items) >= 3 and all(word_count(i) <= 6 for i in items) and not ends_sentence(text.rstrip(" |"))


def tags(text: str, ctx: Context) -> Claim | None:
    """Claim a tags line ("Tags: a, b, c", "Filed under: Politics |"), or a lone tags header.

    In the tail, a keyword list right under a lone tags header is claimed too.
    """
    stripped = text.strip()
    if word_count(stripped) > 120:
        return None
    m = _tag_label().match(stripped)
    if m is not None:
        rest = stripped[m.end() :].strip(" |,")
        if not rest:
            return Claim("tags", "tags-header") if word_count(stripped) <= 3 else None
        if (_is_list(rest) or word_count(rest) <= 4) and not ends_sentence(rest):
            return Claim("tags", "tags")
        return None
    if ctx.before and _tag_label().fullmatch(ctx.before[-1].strip()) and _is_list(stripped):
        return Claim("tags", "tags-list")
    return None


@cached()
def _reading_time() -> re.Pattern[str]:
    label = _phrases("reading_time")
    unit = _phrases("reading_units")
    number = r"\d{1,3}(?:\s*[-–]\s*\d{1,3})?"
    return re.compile(
        rf"(?:(?:{label})\s*[:\-–—]?\s*{number}\s*(?:{unit})\.?|{number}\s*(?:{unit})\.?\s+(?:{label}))(?!\w)",
        re.IGNORECASE,
    )


def reading_time(text: str, ctx: Context) -> Claim | None:
    """Claim a reading time ("5 min read", "Lesezeit: 4 Minuten"), or cut it off the top of a head block."""
    start = len(text) - len(text.lstrip(_OPEN))
    m = _reading_time().match(text, start)
    if m is None:
        return None
    after = text[m.end() :]
    if not after.strip(_OPEN + _CLOSE):
        return Claim("reading-time", "reading-time")
    if ctx.where == "head" and re.match(r"\s*(?:\n|[|·•]\s)", after):
        return Claim("reading-time", "reading-time-prefix", end=m.end())
    return None


_credits = functools.partial(phrase_pattern, "contributors")


def contributors(text: str, ctx: Context) -> Claim | None:
    """Claim a reporting credit at the foot ("Jane Doe contributed to this report.", "(Reporting by …; Editing by …)")."""
    if word_count(text) > 50:
        return None
    stripped = text.strip(" ()[]*_")
    m = _credits().search(stripped)
    if m is None:
        return None
    named = re.match(r"\s*:?\s*(?:[A-ZÀ-ÖØ-ÞА-ЯЁ]|\S+(?:\s+\S+){0,2}$)", stripped[m.end() :])
    if ctx.where == "middle":
        # In the middle only the wire-service form, with two credits: "Reporting by …; Editing by …".
        found = {c.lower() for c in _credits().findall(stripped)}
        return Claim("contributors", "contributors") if m.start() == 0 and named and len(found) >= 2 else None
    # Either the credit opens the block ("Reporting by …", "Mit Material von dpa"),
    # or the block is one short sentence ending in it ("X and Y contributed to this report.").
    if (m.start() == 0 and named) or (stripped.count(". ") == 0 and m.end() >= len(stripped.rstrip(". ")) - 20):
        return Claim("contributors", "contributors")
    return None


_REACH = re.compile(
    r"[\w.+-]+@[\w-]+\.[\w.]+|(?<!\w)@\w{2,}|https?://(?:www\.)?(?:twitter|x|facebook|instagram)\.com/\S+"
)


_contact_words = functools.partial(phrase_pattern, "contact")


def could_be_contact(text: str, ctx: Context, scan: Scan) -> bool:
    """The gate of :func:`contact`: an address or a handle, and a word of the ``contact`` list."""
    return ("@" in text or "http" in text) and "contact" in scan.lists


def contact(text: str, ctx: Context) -> Claim | None:
    """Claim a line telling readers how to reach the author: an address or handle, and a word to say so."""
    if word_count(text) > 40 or not _REACH.search(text):
        return None
    m = _contact_words().search(text)
    if m is None:
        return None
    if ctx.where != "tail" and (m.start() > 0 or word_count(text) > 12):
        return None  # elsewhere only a short line that opens with the prompt: "Write to Jane Doe at jdoe@example.com"
    return Claim("author-bio", "contact")


_affiliate = functools.partial(phrase_pattern, "affiliate")


def affiliate(text: str, ctx: Context) -> Claim | None:
    """Claim an affiliate-link disclosure ("… we may earn a commission."), a short block anywhere."""
    if word_count(text) > 50 or not _affiliate().search(text):
        return None
    return Claim("affiliate-notice", "affiliate")


#: A CSS class or template token left alone on a line ("- medium-browser-and-portrait-tablet").
_CLASS_NAME = re.compile(r"[-•*\s]*[a-z0-9]+(?:[-_][a-z0-9]+){2,}")
#: A shortcode with its content ("[button link=…]Send us your review[/button]").
_SHORTCODE = re.compile(r"\[(?P<tag>[a-z_]+)\b[^\]]*\].*\[/(?P=tag)\]", re.DOTALL)


def markup(text: str, ctx: Context) -> Claim | None:
    """Claim a block that is markup left by the scraper: a bare CSS class name, or a whole shortcode.

    >>> markup("- landscape-tablet-and-above", Context()).kind
    'markup'
    >>> markup("well-known", Context()) is None, markup("02-751-1500", Context()) is None
    (True, True)
    """
    stripped = text.strip()
    # Long, with two words of letters at least: "02-751-1500" is a phone number, "state-of-the-art" a word.
    token = stripped.lstrip("-•* ")
    if _CLASS_NAME.fullmatch(stripped) and len(token) >= 18 and len(re.findall(r"[a-z]{2,}", token)) >= 2:
        return Claim("markup", "markup")
    if _SHORTCODE.fullmatch(stripped):
        return Claim("markup", "markup")
    return None
