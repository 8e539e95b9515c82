"""What a company puts under its press release, and a publisher under every page.

- ``imprint``: a line of a company's legal details at the foot: a registry
  number with a phone number or post box ("ACME Ltd - VAT: GB 123 4567 89 -
  Tel: +44 20 7946 0000").
- ``press_boilerplate``: the "About ACME" section closing a press release,
  and whatever follows it (media contacts, forward-looking statements), or,
  without the header, the company's self-description ("ACME is a leading
  provider of …") when every block after it speaks of the company too.

>>> imprint("ACME GmbH | USt-IdNr.: DE123456789 | Tel.: +49 30 1234567", Context(where="tail")).kind
'imprint'
>>> press_boilerplate(["ACME buys a rival (Business Wire).", "The deal closes in May.", "About ACME", "ACME makes widgets."], 4)
(2, 'press-about')
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from cleaner.lexicon import alternation, cached, listed, phrase_pattern, words
from cleaner.strip.claims import Claim, Context, ends_sentence, word_count

#: How far above the end of the text a press-release section may start, in blocks.
WINDOW = 12


@cached()
def _labelled(key: str) -> re.Pattern[str]:
    """A label from ``key`` followed by a number: "Tel.: +49 30 1234", "CNPJ: 12.345.678/0001-90"."""
    number = rf"(?:{alternation(words('number_labels'))})?\s*[:.#]?\s*[+(]?[A-Z]{{0,3}}\s?\d"
    return re.compile(rf"(?<!\w)(?:{alternation(words(key))})\.?\s*{number}", re.IGNORECASE)


_po_box = functools.partial(listed, "po_box", r"(?<!\w)", r"\s*[:.]?\s*\d")


_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.]+")


def imprint(text: str, ctx: Context) -> Claim | None:
    """Claim, in the tail, a line of legal details: a registry number or post box, and one more detail.

    The details are labelled numbers, not words of a sentence: "registered
    under VAT number 123" in prose has no label next to its number.
    """
    if word_count(text) > 60:
        return None
    registry = len({m.group(0).lower() for m in _labelled("registry").finditer(text)})
    box = _po_box().search(text) is not None
    phone = _labelled("phone").search(text) is not None
    email = _EMAIL.search(text) is not None
    if not (registry or box) or registry + box + phone + email < 2:
        return None
    if ends_sentence(text) and len(re.findall(r"[.!?]\s+[A-Z]", text)) >= 1:
        return None  # two sentences of prose that happen to quote numbers
    return Claim("imprint", "imprint")


_about = functools.partial(listed, "press_about", after=r"\s+(?P<name>\S.*)")


_press_header = functools.partial(listed, "press_headers", after=r"\s*:?")


@cached()
def _opener() -> re.Pattern[str]:
    joiner = alternation(words("company_joiners"))
    name = rf"(?P<name>[A-Z][\w&.'’\-]*(?:\s+(?:[A-Z0-9][\w&.'’\-]*|{joiner})){{0,5}})"
    aside = r"(?:\s*\([^)]{1,60}\))?(?:,\s[^,]{1,80},)?"
    return re.compile(rf"{name}{aside}\s+(?:{alternation(words('press_openers'))})(?!\w)")


@cached()
def _not_companies() -> re.Pattern[str]:
    """Names that make "About …" the author's box or a page link, not a company's ("not_companies")."""
    return re.compile(rf"(?:{alternation(words('not_companies'))})\W*$", re.IGNORECASE)


def _about_header(text: str) -> str | None:
    """The name in a short "About ACME" header, else ``None``.

    >>> _about_header("About Example Corp."), _about_header("About the author"), _about_header("About 200 people came.")
    ('Example Corp', None, None)
    """
    stripped = text.strip(" :#*")
    if word_count(stripped) > 6 or (ends_sentence(stripped) and not re.search(r"\b\w{2,5}\.$", stripped)):
        return None
    m = _about().fullmatch(stripped)
    if m is None or _not_companies().match(m.group("name")):
        return None
    name = m.group("name").rstrip(" .:")
    return name if name[:1].isupper() else None


def _opens_with(text: str, name: str) -> bool:
    """True when ``text`` opens with the company's name: "ACME (NYSE: ACM) is …", "The ACME Group is …", "Die ACME AG ist …".

    >>> _opens_with("ACME (NYSE: ACM) makes widgets.", "ACME Corp"), _opens_with("Widgets are made by ACME.", "ACME")
    (True, False)
    """
    return _name_opening(name.split()[0]).match(text) is not None


@functools.lru_cache(maxsize=256)
def _name_opening(first: str) -> re.Pattern[str]:
    """A text opening with ``first`` (after an article or a short word): compiled once per name."""
    return re.compile(rf"\W*(?:[^\W\d_]{{1,3}}\s+)?{re.escape(first)}(?!\w)", re.IGNORECASE)


def _speaks_of(text: str, name: str) -> bool:
    """True when ``text`` opens with the company's name, or is a short contact line.

    >>> _speaks_of("ACME is based in Ohio.", "ACME"), _speaks_of("Shares of ACME fell 3% on Monday, traders said.", "ACME")
    (True, False)
    """
    if _opens_with(text, name) or word_count(text) <= 8:
        return True
    return word_count(text) <= 30 and (_EMAIL.search(text) is not None or _labelled("phone").search(text) is not None)


_release = functools.partial(phrase_pattern, "press_release")
#: How many blocks at the top of the text may say that it is a press release.
RELEASE_TOP = 20


def is_release(texts: Sequence[str], end: int) -> bool:
    """True when the text says it is a press release: "press release", a wire service, at its top or near ``end``.

    >>> is_release(["NEW YORK, May 2 (BUSINESS WIRE) -- Example Corp. said ...", "More."], 2)
    True
    >>> is_release(["The firm said profits rose.", "About Example Corp."], 2)
    False
    """
    near = [*texts[:RELEASE_TOP], *texts[max(RELEASE_TOP, end - WINDOW) : end]]
    return any(_says_release(t) for t in near)


@cached(maxsize=4096)
def _says_release(text: str) -> bool:
    """True when the head of one block says "press release" or names a wire service (asked once per block)."""
    return _release().search(text[:500]) is not None


def press_boilerplate(texts: Sequence[str], end: int) -> tuple[int, str] | None:
    """Where the press-release boilerplate ending at ``end`` starts, and the rule that found it.

    Three starts, searched upwards from the end: a header such as "Media
    contact" or "Forward-looking statements"; and, in a text that says it is
    a press release (:func:`is_release`), an "About ACME" header whose next
    block names ACME, or "ACME is a leading provider of …" when one block at
    least follows it, and every block after it opens with ACME or is a short
    contact line (a blog post closes with "About us" too, and that is its
    text).  At least two blocks of story must stand above it.
    """
    found: tuple[int, str] | None = None
    release: bool | None = None
    for start in range(end - 1, max(1, end - 1 - WINDOW), -1):
        text = texts[start].strip()
        if word_count(text) <= 5 and not ends_sentence(text) and _press_header().fullmatch(text):
            found = start, "press-header"
            continue
        if release is None:
            release = is_release(texts, end)
        if not release:
            continue
        name = _about_header(text)
        if name is not None and start + 1 < end and _opens_with(texts[start + 1], name):
            found = start, "press-about"
            continue
        m = _opener().match(text)
        if m is not None and start + 1 < end and all(_speaks_of(t, m.group("name")) for t in texts[start + 1 : end]):
            found = start, "press-opener"
    return found
