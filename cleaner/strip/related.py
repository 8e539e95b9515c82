"""Related-links blocks: a header ("More from World", "Related") and its teasers.

In the tail, a header is claimed together with every block after it, as long
as all of those read as teasers (headlines, or summaries cut off with "...").
In the middle, only a one-line "READ MORE: headline" is claimed.

>>> blocks = ["Last paragraph of the story.", "More from World", "Jammeh goes into exile", "Former leader flew into exile on Sunday, making way for..."]
>>> related_group(blocks, len(blocks))
(1, ('section', 'World'))
>>> read_more("READ MORE: Trump vows to press on", Context(where="middle")).kind
'related-links'
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from cleaner.lexicon import alternation, cached, words
from cleaner.strip.claims import Claim, Context, ends_sentence, word_count

#: How far above the end of the text a related-links header may stand, in blocks.
WINDOW = 60


@cached()
def _header() -> re.Pattern[str]:
    return re.compile(rf"(?P<phrase>{alternation(words('related'))})(?P<rest>[\s:]+.*)?", re.IGNORECASE)


@cached(maxsize=4096)  # asked again of the blocks above each block of a tail
def related_header(text: str) -> tuple[str, str] | None:
    """``("section", name)`` for "More from NAME", ``("", "")`` for another header, else ``None``.

    >>> related_header("More from World"), related_header("Related stories:"), related_header("Related to this, he said.")
    (('section', 'World'), ('', ''), None)
    """
    text = text.strip(" >»→:").removesuffix("...").removesuffix("…").rstrip(" :")
    if word_count(text) > 7 or ends_sentence(text):
        return None
    m = _header().fullmatch(text)
    if m is None:
        return None
    rest = (m.group("rest") or "").strip(" :")
    if not rest:
        return "", ""
    if m.group("phrase").lower().startswith(words("related_more")) and rest[0].isupper() and word_count(rest) <= 3:
        return "section", rest
    # "Most read in World News", "Popular on Example", "Also on example.com"
    phrase = m.group("phrase").lower()
    if _place().fullmatch(rest) and (phrase.endswith(_ending_in_place()) or _opens_place().match(rest)):
        return "", ""
    return None


@cached()
def _place() -> re.Pattern[str]:
    """A place a header points to: "World News", "in World News" ("related_prepositions")."""
    return re.compile(rf"(?:(?:{alternation(words('related_prepositions'))})\s+)?\S+(?:\s+\S+){{0,3}}", re.IGNORECASE)


@cached()
def _opens_place() -> re.Pattern[str]:
    return re.compile(rf"(?:{alternation(words('related_prepositions'))})\s", re.IGNORECASE)


@cached()
def _ending_in_place() -> tuple[str, ...]:
    """The endings of a header that points to a place: " in", " on" …"""
    return tuple(f" {w}" for w in words("related_prepositions"))


@functools.lru_cache(maxsize=4096)  # asked again of the blocks above each block of a tail
def is_teaser(text: str) -> bool:
    """True for a block that reads as a link to another story.

    >>> is_teaser("Twelve confirmed dead after landslide strikes central China hotel")
    True
    >>> is_teaser("Ten bodies were pulled from the wreckage, bringing the...")
    True
    >>> is_teaser("Russia is a member of the Vienna-based organization.")
    False
    >>> is_teaser("Who will make the Hall of Fame in 2020?"), is_teaser("Why? Nobody knows. Do you?")
    (True, False)
    """
    stripped = text.rstrip()
    if stripped.endswith(("...", "…")):
        return word_count(text) <= 60
    if stripped.endswith("?") and "\n" not in stripped and ". " not in stripped:
        return word_count(text) <= 14  # a headline asking a question
    return word_count(text) <= 25 and not ends_sentence(stripped)


_BULLET = re.compile(r"[-•*–]\s+(?P<item>\S.*)")


def _title_case(text: str) -> bool:
    """True when every word but the small ones starts with a capital or a digit: a headline.

    >>> _title_case("The 11 Biggest Unanswered Questions About Dark Matter"), _title_case("Wales (Group E): Second appearance")
    (True, False)
    """
    found = re.findall(r"[^\W_][\w'’\-]*", text)
    return len(found) >= 4 and all(w[0].isupper() or w[0].isdigit() or w.lower() in _small() for w in found)


@cached()
def _small() -> frozenset[str]:
    """The small words a headline keeps in lower case ("small_words": "a", "of", "the")."""
    return frozenset(words("small_words"))


@cached()
def _function_words() -> frozenset[str]:
    """Every language's short stop words: a headline does not end on one ("… for the", "… with a").

    Longer words of the lists ("county", "league") are content words somewhere.
    """
    from cleaner.stopwords import stopword_languages, stopwords

    return frozenset(w for lang in stopword_languages() for w in stopwords(lang) if len(w) <= 5)


#: Two sentences in one block: "… amid layoffs. The company said …".
_TWO_SENTENCES = re.compile(r"[^\W\d_]{3,}[.!]\s+[A-Z]")


def glued_teaser(item: str) -> bool:
    """True for a headline run straight into its one-line summary, as a list of links flattens them.

    The headline ends on a word that is no stop word, the summary opens with a
    capital and reads as a sentence (two words in five at least in lower case);
    or the headline is a question and the summary follows it.

    >>> glued_teaser("Storm closes schools across the county Officials said classes would resume on Monday")
    True
    >>> glued_teaser("Mayor quits? Here is what happens next at the town hall")
    True
    >>> glued_teaser("Sign up for the Example+ bundle using the same email as your Example account")
    False
    >>> glued_teaser("The council will meet again in March. The vote is expected then.")
    False
    """
    found = item.split()
    if len(found) > 30 or _TWO_SENTENCES.search(item):
        return False
    for k in range(2, len(found) - 3):
        before, word = found[k - 1], found[k]
        if not (word[:1].isupper() and word[1:2].islower()):
            continue
        if before.endswith("?"):
            return True
        rest = found[k:]
        if (
            before[-1:].isalnum()
            and before.lower() not in _function_words()
            and 5 * sum(w[:1].islower() for w in rest) >= 2 * len(rest)
        ):
            return True
    return False


def bullet_teasers(texts: Sequence[str], end: int) -> int | None:
    """Where a headerless list of teasers ending at ``end`` starts.

    Two or more bulleted headlines in Title Case, three or more bulleted
    headlines each run into its summary (:func:`glued_teaser`), or three or
    more headlines under one kicker (:func:`kicker_teasers`).

    >>> bullet_teasers(["The end of the story.", "- Ten Things to Know About Mars", "- Photos: The Red Planet Up Close"], 3)
    1
    >>> bullet_teasers(["Who qualified:", "- Wales (Group E): Second appearance", "- Denmark (Group D): Ninth appearance"], 3) is None
    True
    """
    start = end
    while start > 0:
        m = _BULLET.fullmatch(texts[start - 1].strip())
        if m is None or not is_teaser(m.group("item")) or not _title_case(m.group("item")):
            break
        start -= 1
    if end - start >= 2:
        return start
    start = end
    while start > 0:
        m = _BULLET.fullmatch(texts[start - 1].strip())
        if m is None or not glued_teaser(m.group("item")):
            break
        start -= 1
    if end - start >= 3:
        return start
    return kicker_teasers(texts, end)


#: "Opinion | Why the vote matters": a series name, a bar, a headline.
_KICKER = re.compile(r"(?P<kicker>[^|]{2,60}?)\s+\|\s+(?P<headline>[^|]+)")


def kicker_teasers(texts: Sequence[str], end: int) -> int | None:
    """Where a run of three or more headlines under one kicker ("Design Week | …") ending at ``end`` starts.

    >>> kicker_teasers(["The end.", "Opinion | Why the vote matters", "Opinion | The case for trains", "Opinion | Ten years on"], 4)
    1
    >>> kicker_teasers(["Results:", "Smith | 12 | 15", "Jones | 11 | 14", "Brown | 10 | 13"], 4) is None
    True
    """
    start, kicker = end, None
    while start > 0:
        m = _KICKER.fullmatch(texts[start - 1].strip())
        if m is None or word_count(m.group("kicker")) > 6 or word_count(m.group("headline")) < 3:
            break
        if not is_teaser(m.group("headline")) or kicker not in (None, m.group("kicker").lower()):
            break
        kicker = m.group("kicker").lower()
        start -= 1
    return start if end - start >= 3 else None


#: A summary cut off by the site: "… and the town flooded as …", "… the [...]".
_CUT_OFF = re.compile(r"[^\W\d_]\s?(?:…|\.\.\.|\[…\]|\[\.\.\.\])\s*$")

#: How many blocks above the end a headerless run of cut-off summaries may start.
EXCERPT_WINDOW = 8


def excerpt_run(texts: Sequence[str], end: int) -> int | None:
    """Where a headerless run of post excerpts ending at ``end`` starts.

    The run opens with a summary cut off mid-sentence ("… the town flooded as …")
    and holds two of them at least, a third of its blocks at least; three
    blocks or more, with story above it.

    >>> story = ["The story ends here, and so does the day."]
    >>> cut = "The river rose all night, and by dawn the town had flooded as …"
    >>> excerpt_run(story + [cut, "A second post, whole and ending well.", cut], 4)
    1
    >>> excerpt_run(story + ["He waited, and waited …", "Then the door opened."], 3) is None
    True
    """
    first = None
    for start in range(end - 1, max(0, end - 1 - EXCERPT_WINDOW), -1):
        if _CUT_OFF.search(texts[start]):
            first = start
    if first is None or end - first < 3:
        return None
    cut = sum(1 for t in texts[first:end] if _CUT_OFF.search(t))
    return first if cut >= 2 and 3 * cut >= end - first else None


def middle_group(texts: Sequence[str], start: int) -> int:
    """How many blocks from ``start`` make a related-links block in the middle: a clear header and two or more teasers.

    >>> middle_group(["Don't miss", "Storm hits coast", "Ten things to know about the budget", "The storm hit at dawn, and the town flooded."], 0)
    3
    >>> middle_group(["Related", "The vote", "The council voted on Monday, and the plan passed."], 0)
    0
    >>> middle_group(["Also read:", "- Storm hits coast", "- Ten things to know", "What happens next", "The storm hit."], 0)
    3
    """
    header = texts[start].strip()
    if related_header(header) is None:
        return 0
    if word_count(header) < 2 and not header.endswith(":") and not header.isupper():
        return 0  # "Related" alone may be a sub-heading; "Related:" or "RELATED" is not
    n = 0
    bulleted = None
    for text in texts[start + 1 : start + 1 + 12]:
        if not is_teaser(text) or related_header(text) is not None:
            break
        listed = _BULLET.fullmatch(text.strip()) is not None
        if bulleted is not None and listed != bulleted:
            break  # a list of links ends where the list ends: the line after it is the story's again
        bulleted = listed
        n += 1
    return 1 + n if n >= 2 else 0


def related_group(texts: Sequence[str], end: int) -> tuple[int, tuple[str, str]] | None:
    """Where the related-links block ending at ``end`` starts, and what its header says."""
    for start in range(end - 1, max(-1, end - 1 - WINDOW), -1):
        header = related_header(texts[start])
        if header is not None and start + 1 < end:
            return start, header
        if not is_teaser(texts[start]):
            return None
    return None


def related_end(text: str, ctx: Context) -> Claim | None:
    """In the tail, a related-links header with nothing left under it ("You may also like:")."""
    if related_header(text) is None:
        return None
    return Claim("related-links", "related-header")


@cached()
def _read_more() -> re.Pattern[str]:
    # "READ MORE: …", "Read more on Example News: …", "(Also read: …)"
    on = alternation(words("related_prepositions"))
    return re.compile(
        rf"[(\[]?(?:{alternation(words('related'))})(?:\s+(?:{on})(?:\s+[^:|>»]{{1,30}}?)?)?\s*[:|>»\-–—]\s*(?P<headline>.+)",
        re.IGNORECASE | re.DOTALL,
    )


@cached()
def _read_more_on_site() -> re.Pattern[str]:
    # "Also on example.com Ministers meet again": the site's address stands in for the colon ("related_site").
    on, site = alternation(words("related_prepositions")), alternation(words("related_site"))
    return re.compile(
        rf"(?i:(?:{alternation(words('related'))})\s+(?:{on})|{site})\s+[\w-]+(?:\.[\w-]+)+\s+[A-ZÀ-ÖØ-ÞА-ЯЁ\"'“‘«]"
    )


def read_more(text: str, ctx: Context) -> Claim | None:
    """Claim a one-line pointer to another story ("READ MORE: …", "Also read: …", "Also on example.com Headline")."""
    if word_count(text) > 30:
        return None
    if _read_more().match(text) is None and _read_more_on_site().match(text) is None:
        return None
    return Claim("related-links", "read-more")
