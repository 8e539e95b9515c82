"""Social and subscription prompts ("Follow us on Twitter", "Sign up for our newsletter").

>>> social("Follow us on Twitter @AzerNewsAz", Context()).kind
'social'
>>> social("Follow the money, he said.", Context()) is None
True
>>> newsletter("Sign up for our daily newsletter", Context()).kind
'newsletter'
"""

from __future__ import annotations

import functools
import re

from cleaner.lexicon import alternation, cached, listed, phrase_pattern, words
from cleaner.strip.claims import Claim, Context, Scan, ends_sentence, word_count

_HANDLE = re.compile(r"@\w+|https?://\S+|www\.\S+|(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.]+")
_URL = r"(?:https?://|www\.)\S+"


@cached()
def _link_line() -> re.Pattern[str]:
    """A label, a colon and links: "Download: https://…", "More: https://… and https://…" ("name_joiners")."""
    joiner = alternation(words("name_joiners"))
    return re.compile(rf"[^:\n]{{1,40}}:\s*{_URL}(?:\s*(?:,|{joiner}|\|)\s*{_URL})*\.?")


_prompt = functools.partial(listed, "social", after=r"(?!\w)")


@cached()
def _network_only() -> re.Pattern[str]:
    item = rf"(?:{alternation(words('social'))}|{alternation(words('networks'))}|\d+|comments?)"
    return re.compile(rf"{item}(?:[\s|•·,/:]+{item})*", re.IGNORECASE)


def social(text: str, ctx: Context) -> Claim | None:
    """Claim a share bar ("Share Tweet Email") or a follow prompt with its handles."""
    stripped = _HANDLE.sub(" ", text).strip(" :|•·,.!-")
    if not stripped:
        # A bare link in the middle of a story is often the story's own (a list of links).
        return Claim("social", "handles") if text.strip() and ctx.where != "middle" else None
    if ctx.where == "tail" and _link_line().fullmatch(text.strip()):
        return Claim("social", "link-line")  # "Download: https://…", "More Example Sports: https://… and https://…"
    if word_count(stripped) > 14:
        return _follow(text, ctx)
    if _network_only().fullmatch(stripped) and re.search(r"[^\W\d_]", stripped):
        return Claim("social", "share-bar")
    m = _prompt().match(stripped)
    # A one-word opener ("Twitter", "Email") starts many sentences; only a short
    # fragment that names a network is a prompt ("Email this to a friend").
    if m is not None and (
        word_count(m.group(0)) >= 2
        or (_mentions_network(stripped) and word_count(stripped) <= 6 and not ends_sentence(text))
    ):
        return Claim("social", "follow-prompt")
    return _follow(text, ctx)


def could_be_social(text: str, ctx: Context, scan: Scan) -> bool:
    """The gate of :func:`social`: a handle or link, a follow verb, or a short block that names a network or a prompt.

    >>> from cleaner.strip.claims import Scan
    >>> could_be_social("Share Tweet Email", Context(), Scan("share tweet email", frozenset({"social"})))
    True
    >>> could_be_social("The council voted to keep the old library open.", Context(), Scan("…", frozenset()))
    False
    """
    if "@" in text or "http" in text or "www." in text or "follow" in scan.lists:
        return True  # handles and links are read, and a follow prompt may be long
    stripped = text.strip(" :|•·,.!-")
    if not stripped:
        return True
    if word_count(stripped) > 14:
        return False
    return "social" in scan.lists or "comment" in scan.lowered or _mentions_network(stripped)


@cached()
def _followed() -> re.Pattern[str]:
    """What a follow verb's object opens with: a handle, a capital (a name), or "us" ("follow_objects")."""
    return re.compile(rf"[\s-]*(?:@|[A-ZÀ-ÖØ-ÞА-ЯЁ]|(?:{alternation(words('follow_objects'))})(?!\w))")


_follow_verb = functools.partial(listed, "follow", after=r"(?!\w)")


def _follow(text: str, ctx: Context) -> Claim | None:
    """In head or tail, "Follow NAME on Twitter and Facebook.": a follow verb opening a short block that names a network."""
    m = _follow_verb().match(text.strip())
    if ctx.where == "middle" or word_count(text) > 30 or m is None:
        return None
    # The verb's object is a name, a handle or "us": "Like many in the town, …" is prose.
    if not _followed().match(text.strip()[m.end() :]):
        return None
    if _mentions_network(text) or _HANDLE.search(text):
        return Claim("social", "follow-prompt")
    return None


def _mentions_network(text: str) -> bool:
    return _network().search(text) is not None


@cached()
def _network() -> re.Pattern[str]:
    """The name of a network (``common.json``'s "networks"), as a word."""
    return re.compile(rf"\b(?:{alternation(words('networks'))})\b", re.IGNORECASE)


@cached()
def _strong() -> re.Pattern[str]:
    """A prompt naming one of "newsletter_strong" is about a newsletter whatever follows ("Keep an eye on your inbox …")."""
    return re.compile(alternation(words("newsletter_strong")), re.IGNORECASE)


@cached()
def _named_list() -> re.Pattern[str]:
    """What a newsletter's own name ends with ("newsletter_names": "The Morning Briefing Newsletter")."""
    names = "|".join(map(re.escape, words("newsletter_names")))
    return re.compile(rf"(?<!\w)(?:{names})\s*[:!]?$", re.IGNORECASE)


_newsletter = functools.partial(listed, "newsletter", after=r"(?!\w)")


@cached()
def _status() -> re.Pattern[str]:
    """What a sign-up form says back, alone in its block ("Thanks for signing up!", "Sorry! There was an error …")."""
    return re.compile(rf"(?:(?:sorry|oops)[!,.]?\s*)?(?:{alternation(words('newsletter_status'))})", re.IGNORECASE)


#: A price: "£11.99", "$5", "Rs 599", "R$ 9,90", "9,99 €".
_PRICE = re.compile(r"[£$€¥₹]\s?\d|(?<!\w)(?:Rs|INR|USD|EUR|GBP|R\$)\.?\s?\d|\d(?:[.,]\d{2})?\s?(?:€|EUR|zł)")


def _offer(text: str) -> bool:
    """True for a short subscription offer: a price, its terms, and a call to act.

    >>> _offer("Get Example Monthly delivered every month. 12 issues for £9.99. Click here to subscribe.")
    True
    >>> _offer("The plan costs $6.99 a month, or $69.99 for the first year, the company said.")
    False
    """
    return (
        word_count(text) <= 60
        and _PRICE.search(text) is not None
        and phrase_pattern("offer_cta").search(text) is not None
        and phrase_pattern("offer_terms").search(text) is not None
    )


_cue = functools.partial(listed, "newsletter_cues", r"(?<!\w)")


def newsletter(text: str, ctx: Context) -> Claim | None:
    """Claim a newsletter or subscription prompt ("Sign up for our newsletter", "Subscribe now").

    In the tail, a longer pitch naming two of newsletter, inbox, subscribe,
    sign up, e-mail is claimed too.
    """
    if word_count(text) > 60:
        return None
    if _status().fullmatch(text.strip(" .!…")):
        return Claim("newsletter", "newsletter-status")
    if ctx.where != "middle" and _offer(text):
        return Claim("newsletter", "subscription-offer")
    if ctx.where != "middle" and word_count(text) <= 45:
        # "Start your day with The Briefing. … Sign up for the free daily newsletter."
        last = re.split(r"(?<=[.!?])\s+(?=[A-Z])", text.strip())[-1]
        # The prompt closes the block, in a sentence of its own without a clause ("…, he said.").
        if last != text.strip() and "," not in last and _newsletter().match(last) and _strong().search(last):
            return Claim("newsletter", "newsletter-pitch")
    cues = {c.lower() for c in _cue().findall(text)}
    m = _newsletter().match(text.strip(" >»→"))
    # A short prompt, or one that names a newsletter, an inbox … after its opening words:
    # "Sign up for a streaming account for $9 a month" is not one.
    after = {c.lower() for c in _cue().findall(text.strip(" >»→")[m.end() :])} if m is not None else set()
    strong = m is not None and _strong().search(m.group(0)) is not None
    if m is not None and word_count(text) <= 30 and (word_count(text) <= 6 or after or strong):
        return Claim("newsletter", "newsletter")
    named = word_count(text) <= 4 and all(w[0].isupper() for w in text.split()[:-1]) and len(text.split()) >= 2
    if named and _named_list().search(text.strip()):
        return Claim("newsletter", "newsletter-name")  # "The Morning Briefing Newsletter"
    # In the tail, a pitch that opens with a long prompt ("If you enjoyed this article, …").
    if m is not None and ctx.where == "tail" and word_count(m.group(0)) >= 4:
        return Claim("newsletter", "newsletter-pitch")
    if word_count(text) > 45:
        return None
    if ctx.where == "tail" and len(cues) >= 2:
        return Claim("newsletter", "newsletter-pitch")
    return None
