"""Bylines ("By Kamila Aliyeva") and author bios ("Kamila Aliyeva is … journalist").

>>> byline("By Kamila Aliyeva", Context()).facts[0].value
('Kamila Aliyeva',)
>>> byline("By the end of 2017, NATO had grown.", Context()) is None
True
>>> author_bio("Kamila Aliyeva is AzerNews' staff journalist, follow her on Twitter: @Kami_Aliyeva", Context(where="tail")).kind
'author-bio'
"""

from __future__ import annotations

import functools
import re

from cleaner.document import Fact
from cleaner.lexicon import alternation, cached, listed, words
from cleaner.meta.dates import parse_stamp
from cleaner.names import joiners, name_pattern, not_first_words, split_name_list
from cleaner.strip.claims import Claim, Context, word_count


@cached()
def _role() -> re.Pattern[str]:
    """One word of what may follow the names in a byline: a lower-case word of a role or a desk
    ("byline_after"), a capitalised word (an outlet), a digit."""
    return re.compile(rf"(?:{alternation(words('byline_after'))}|[A-Z][\w.&'’\-]*|\d)")


@cached()
def _byline_pattern() -> re.Pattern[str]:
    marker = alternation(words("byline"))
    joiner = rf"(?:\s*,\s*|\s+(?:{joiners()})\s+|\s*&\s*)"
    outlet = alternation(words("byline_outlet"))
    person = name_pattern()
    return re.compile(
        rf"(?i:{marker})\s*:?\s+(?P<names>{person}(?:{joiner}{person}){{0,5}})(?P<rest>\s*(?:[,|/•·–—\-]|\s+(?:{outlet})\s+).*)?"
    )


@cached()
def _named_role() -> re.Pattern[str]:
    role = alternation(words("roles"))
    outlet = r"(?:[A-ZÀ-ÖØ-ÞА-ЯЁ][\w&.'’\-]*\s+){0,4}"
    person = name_pattern()
    return re.compile(rf"(?P<names>{person}(?:\s+(?:{joiners()})\s+{person})?)\s*[,|/–—-]\s*{outlet}(?i:{role})s?")


def byline(text: str, ctx: Context) -> Claim | None:
    """Claim "By NAME[, NAME and NAME][, role or outlet][, date]", or "NAME, [Outlet] Role" in the head."""
    if word_count(text) > 25:
        return None
    m = _byline_pattern().fullmatch(text.strip())
    if m is None:
        return _name_and_role(text, ctx)
    names = split_name_list(m.group("names"))
    # Every name word must be capitalised in the text itself (the pattern is
    # case-blind only for the marker), and none may be a month or weekday.
    for name in names:
        first = name.split()[0]
        if not first[0].isupper() or first.lower().rstrip(".") in not_first_words():
            return None
    rest = (m.group("rest") or "").strip(" ,|/•·–—-")
    facts = [Fact("authors", names, "byline")]
    if rest:
        stamp = parse_stamp(rest)
        if stamp is not None:
            facts.append(Fact("stamp", stamp, "byline"))
        elif word_count(rest) > 8 or not all(_role().fullmatch(w) for w in rest.split()):
            return None
    return Claim("byline", "byline", facts=tuple(facts))


def _name_and_role(text: str, ctx: Context) -> Claim | None:
    """ "Jane Doe, AP National Security Writer": a name, then only an outlet and a role word."""
    if ctx.where != "head" or word_count(text) > 12:
        return None
    m = _named_role().fullmatch(text.strip())
    names = split_name_list(m.group("names")) if m else ()
    # Two words at least: "London, Staff" is a place, not a person.
    if not names or any(len(n.split()) < 2 or n.split()[0].lower().rstrip(".") in not_first_words() for n in names):
        return None
    return Claim("byline", "byline-role", facts=(Fact("authors", names, "byline"),))


@cached()
def _bio_site() -> tuple[re.Pattern[str], ...]:
    """Where a bio names the author's outlet: "is Example News' staff journalist", "reporter for Example News"
    ("bio_roles", "bio_ranks", "bio_at")."""
    role, rank, at = (alternation(words(key)) for key in ("bio_roles", "bio_ranks", "bio_at"))
    site = r"[A-Z][\w&.\-]*(?:\s+[A-Z][\w&.\-]*){0,3}"
    return (
        re.compile(rf"\bis\s+(?P<site>{site})['’]s?\s+(?:(?:{rank})\s+)?(?:{role})"),
        re.compile(rf"\b(?:{role})\s+(?:{at})\s+(?P<site>(?:the\s+)?{site})"),
    )


@cached()
def _bio_opener() -> re.Pattern[str]:
    """A name, then a verb that opens a bio ("bio_verbs": "is", "writes", "covers")."""
    return re.compile(rf"(?P<name>{name_pattern()})\s+(?:{alternation(words('bio_verbs'))})\b")


_bio_pattern = functools.partial(listed, "bio", after=r"(?!\w)")


def author_bio(text: str, ctx: Context) -> Claim | None:
    """Claim a short paragraph about the author, in the tail: a name, then who they are."""
    if word_count(text) > 80:
        return None
    starts_with_author = any(text.startswith(a) for a in ctx.authors)
    opener = _bio_opener().match(text)
    # A lone capitalised word ("She covers …") is a pronoun as often as a name.
    opens_with_name = opener is not None and len(opener.group("name").split()) >= 2
    if not (starts_with_author or opens_with_name) or not _bio_pattern().search(text):
        return None
    facts = []
    for pattern in _bio_site():
        if m := pattern.search(text):
            facts.append(Fact("site", m.group("site").strip(), "author-bio"))
            break
    return Claim("author-bio", "author-bio", facts=tuple(facts))
