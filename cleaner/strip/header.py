"""The head of an article: title, section label, navigation, stand-first.

>>> title("NATO wants to continue political dialogue with Russia", Context(after=("NATO would like to expand the practice of briefings, he said.",))).kind
'title'
>>> section_label("World", Context()).kind
'section-label'
>>> navigation("Home > News > World", Context()).kind
'navigation'
"""

from __future__ import annotations

import re

from cleaner.document import Fact
from cleaner.lexicon import alternation, cached, words
from cleaner.strip.claims import Claim, Context, Scan, ends_sentence, looks_like_body, word_count

#: A title is at most this many words.
TITLE_MAX_WORDS = 20
_TABLE_ROW = re.compile(r"\|.*\|")
_CRUMB_SEP = re.compile(r"\s+(?:>|»|›|/|\||::|→)\s+")


#: A sentence end inside the text: a full word, then ". ", "! " or "? ", then a capital.
_TWO_SENTENCES = re.compile(r"[^\W\d_]{4,}[.!?]\s+(?:#\w|[\"'“‘«(]?[A-ZÀ-ÖØ-ÞА-ЯЁ])")


#: A quotation inside a headline ("'Meth. We're on it.': …") may hold sentences of its own.
_QUOTED = re.compile(r"“[^”]*”|‘[^’]*’(?!\w)|\"[^\"]*\"|(?<!\w)'[^']*'(?!\w)")


def _starts_like_heading(text: str) -> bool:
    first = text.lstrip("\"'“‘«(¿¡")[:1]
    return bool(first) and (first.isupper() or first.isdigit())


def could_be_heading(text: str, ctx: Context, scan: Scan) -> bool:
    """The gate of :func:`title` and :func:`description`: a block that opens like a heading (a capital or a digit).

    >>> could_be_heading("Talks go on", Context(), Scan("talks go on", frozenset()))
    True
    >>> could_be_heading("and then the talks went on", Context(), Scan("", frozenset()))
    False
    """
    return _starts_like_heading(text)


def title(text: str, ctx: Context) -> Claim | None:
    """Claim the first heading-like block of the head, when prose follows it."""
    if "title" in ctx.found:
        return None
    n = word_count(text)
    if not 2 <= n <= TITLE_MAX_WORDS or len(text) > 250 or not _starts_like_heading(text):
        return None
    if text.rstrip(" \"'”’»)]")[-1:] in tuple(".,;:") or (text.isupper() and n < 3):
        return None
    if "\n" in text.strip() or _TWO_SENTENCES.search(_QUOTED.sub("“”", text)):
        return None  # a headline is one line and at most one sentence
    if re.search(r"https?://|www\.", text) or text.count(": ") >= 2:
        return None  # a link, or a row of "Label: value" pairs
    if sum(w.isdigit() for w in text.split()) * 5 >= 2 * len(text.split()):
        return None  # a score line or a table row
    if not any(looks_like_body(t) for t in ctx.after[:8]):
        return None
    return Claim("title", "title", facts=(Fact("title", text, "title"),))


@cached()
def _section_pattern() -> re.Pattern[str]:
    return re.compile(rf"(?:section\s*:\s*)?(?P<name>{alternation(words('sections'))})", re.IGNORECASE)


def section_label(text: str, ctx: Context) -> Claim | None:
    """Claim a lone section name ("World", "POLITICS") in the head."""
    if word_count(text) > 4:
        return None
    m = _section_pattern().fullmatch(text.strip(" :|•·"))
    if m is None or not _starts_like_heading(text):
        return None
    return Claim("section-label", "section-label", facts=(Fact("section", text.strip(" :|•·"), "section-label"),))


@cached()
def _navigation_pattern() -> re.Pattern[str]:
    item = rf"(?:{alternation(words('navigation'))})"
    return re.compile(rf"[«<‹←]?\s*{item}(?:\s*[|•·/»›>→]\s*{item})*\s*[»>›→]?", re.IGNORECASE)


def navigation(text: str, ctx: Context) -> Claim | None:
    """Claim menu items ("Back to Main page", "Skip to content") and breadcrumbs ("Home > World")."""
    if word_count(text) > 12:
        return None
    if _navigation_pattern().fullmatch(text.strip()):
        return Claim("navigation", "navigation")
    if _TABLE_ROW.fullmatch(text.strip()):
        return None  # "| Model | Battery | Price |" is a table's row, not a trail of links
    crumbs = _CRUMB_SEP.split(text.strip())
    short = len(crumbs) >= 2 and all(0 < word_count(c) <= 4 and not ends_sentence(c) for c in crumbs)
    if short and (
        _navigation_pattern().fullmatch(crumbs[0]) or _section_pattern().fullmatch(crumbs[-1]) or len(crumbs) >= 3
    ):
        return Claim("navigation", "breadcrumb")
    return None


#: A stand-first is a sentence of at least this many words; a shorter line under the title is a sub-heading.
STANDFIRST_WORDS = 10


def _capitalised(text: str) -> float:
    """The share of the words of ``text`` that open with a capital or a digit (a heading in Title Case: most).

    >>> _capitalised("The Real Cost of Marketing in 2025"), _capitalised("The cost of marketing rose")
    (0.7142857142857143, 0.2)
    """
    found = re.findall(r"[^\W_][\w'’\-]*", text)
    return sum(w[0].isupper() or w[0].isdigit() for w in found) / len(found) if found else 0.0


def description(text: str, ctx: Context) -> Claim | None:
    """Claim a stand-first: a one-sentence summary under the title, left without a full stop.

    It reads as a sentence: ten words or more, most of them in lower case
    (a line in Title Case, or a short one, is the article's first sub-heading).
    """
    if "title" not in ctx.found or "description" in ctx.found:
        return None
    n = word_count(text)
    if (
        not STANDFIRST_WORDS <= n <= 60
        or ends_sentence(text)
        or text.rstrip()[-1] in ",;:"
        or not _starts_like_heading(text)
    ):
        return None
    if _capitalised(text) > 0.5:
        return None
    if not any(looks_like_body(t) for t in ctx.after[:6]):
        return None
    return Claim("description", "standfirst", facts=(Fact("description", text, "standfirst"),))
