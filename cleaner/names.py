"""People's names: what reads as one, how a list of them splits, what opens a byline before them.

A leaf module: the rules of :mod:`cleaner.strip` read bylines in the text with
it, and the readers of :mod:`cleaner.meta` the authors a page declares in its
markup.  Its words are data: "name_particles" ("van", "der"), "name_joiners"
("and", "&"), "author_markers" ("By"), "author_labels", "not_names",
"not_handles" and "not_first_names".

Two kinds of text hold names, and each has its own tests:

- a byline in the page's text, matched by :func:`name_pattern`: its names are
  split at every comma and joiner (:func:`split_name_list`), and
  :func:`fits_name_pattern` asks whether a text is one such name;
- an author that a page declares (a ``<meta>`` tag, JSON-LD, a byline element),
  which may hold a "By", a URL, a login or "Doe, Jane":
  :func:`split_declared_names` gives its names, :func:`looks_like_name`,
  :func:`is_person` and :func:`is_handle` vet them.

>>> split_name_list("Jane Doe, John Smith and Ann Lee"), split_declared_names("By Doe, Jane")
(('Jane Doe', 'John Smith', 'Ann Lee'), ['Doe, Jane'])
"""

from __future__ import annotations

import re

from cleaner.lexicon import alternation, cached, month_names, month_number, weekday_names, words

# --- names in the text: the pattern of a byline's names ---------------------------------------

#: One capitalised name word: "Kamila", "O'Brien", "J.", "Jean-Luc", "McDonald", "DOE".
NAME_WORD = r"(?:[A-ZÀ-ÖØ-ÞА-ЯЁ][A-ZÀ-ÖØ-ÞА-ЯЁ'’]+(?:-[A-ZÀ-ÖØ-ÞА-ЯЁ]+)?(?![a-zà-öø-ÿа-яё])|[A-ZÀ-ÖØ-ÞĀ-ſА-ЯЁ][a-zà-öø-ÿā-žа-яё'’]*(?:[-'’][A-ZÀ-ÖØ-ÞА-Яa-zà-öø-ÿа-я][a-zà-öø-ÿа-яё]*)?\.?|[A-Z]\.)"


@cached()
def name_pattern() -> str:
    """The pattern of a personal name of one to four words ("Kamila Aliyeva", "Ursula von der Leyen"), with
    the lower-case particles that may stand inside it ("name_particles")."""
    return rf"{NAME_WORD}(?:\s+(?:(?:{alternation(words('name_particles'))})\s+)*{NAME_WORD}){{0,3}}"


@cached()
def _name_re() -> re.Pattern[str]:
    return re.compile(name_pattern())


def fits_name_pattern(text: str) -> bool:
    """True when ``text`` (spaces around it aside) is one name of :func:`name_pattern`, and nothing else.

    >>> fits_name_pattern("Kamila Aliyeva"), fits_name_pattern("Ursula von der Leyen"), fits_name_pattern("the end")
    (True, True, False)
    """
    return bool(_name_re().fullmatch(text.strip()))


@cached()
def joiners() -> str:
    """The words and signs that join names ("name_joiners": "and", "und", "&"), as an alternation."""
    return alternation(words("name_joiners"))


@cached()
def _name_separator() -> re.Pattern[str]:
    return re.compile(rf"\s*,\s*|\s+(?:{joiners()})\s+|\s*&\s*")


def split_name_list(names: str) -> tuple[str, ...]:
    """The separate names in a byline's list of names (as :func:`name_pattern` matched them): split at
    every comma, joiner and "&".

    >>> split_name_list("Jane Doe, John Smith and Ann Lee")
    ('Jane Doe', 'John Smith', 'Ann Lee')
    """
    parts = _name_separator().split(names)
    return tuple(p.strip() for p in parts if p.strip())


@cached()
def not_first_words() -> frozenset[str]:
    """Capitalised words that never open a name: months, weekdays and "not_first_names" (in lower case)."""
    return frozenset(month_names()) | frozenset(weekday_names()) | frozenset(words("not_first_names"))


# --- names a page declares: author strings --------------------------------------------------

#: A declared name has at most this many words.
MAX_NAME_WORDS = 6
#: A URL, or what has a URL's shape: no one's name.
URL = re.compile(r"^(?:https?:)?//|^www\.|\.\w{2,4}/", re.IGNORECASE)


@cached()
def _by() -> re.Pattern[str]:
    """What opens a byline before its names: "By", "Written by" ("author_markers")."""
    return re.compile(rf"^\s*(?:{alternation(words('author_markers'))})\s*:?\s+", re.IGNORECASE)


def without_by(text: str) -> str:
    """``text`` without the "By" or "Written by" that opens it ("author_markers").

    >>> without_by("By Jane Doe"), without_by("Written by: Jane Doe"), without_by("Bygones")
    ('Jane Doe', 'Jane Doe', 'Bygones')
    """
    return _by().sub("", text)


@cached()
def _joiner() -> re.Pattern[str]:
    """What stands between two names: ";", "|", and the words of "name_joiners" ("and", "&")."""
    return re.compile(rf"\s*(?:;|\||(?<!\w)(?:{alternation(words('name_joiners'))})(?!\w))\s*")


def split_declared_names(text: str) -> list[str]:
    """The names in an author string that a page declares: "By Jane Doe and John Roe" gives both; a URL or
    handle is no name; a comma splits only names of two words or more ("Doe, Jane" stays one).

    >>> split_declared_names("By Jane Doe and John Roe"), split_declared_names("https://x.com/jd")
    (['Jane Doe', 'John Roe'], [])
    >>> split_declared_names("Doe, Jane"), split_declared_names("Jane Doe, John Roe")
    (['Doe, Jane'], ['Jane Doe', 'John Roe'])
    """
    text = without_by(" ".join(text.split()))
    if not text or URL.search(text) or text.startswith("@"):
        return []
    parts = [p.strip() for p in _joiner().split(text) if p.strip()]
    if len(parts) == 1 and "," in text:
        pieces = [p.strip() for p in text.split(",") if p.strip()]
        if all(len(p.split()) >= 2 for p in pieces):  # "Jane Doe, John Roe", not "Doe, Jane"
            parts = pieces
    return [p for p in parts if 0 < len(p.split()) <= MAX_NAME_WORDS and any(c.isalpha() for c in p)]


@cached()
def _not_name() -> re.Pattern[str]:
    """What a name never holds (a digit, a path, a dotted login), or a label alone ("author_markers",
    "author_labels", "not_names")."""
    label = alternation(words("author_markers") + words("author_labels") + words("not_names"))
    return re.compile(rf"\d|[@/\\{{}}<>=_]|\w\.\w|^(?:{label})$", re.IGNORECASE)


def looks_like_name(text: str) -> bool:
    """True when ``text`` may be a person's (or a desk's) name: a few words, the first capitalised, no digits,
    no handle, path or dotted login, no month or weekday, no label.

    >>> [looks_like_name(t) for t in ("Jane Doe", "Marna van der Merwe", "7 minutes", "Updated January", "andrew.keaveney", "By")]
    [True, True, False, False, False, False]
    """
    words = text.split()
    if not 0 < len(words) <= MAX_NAME_WORDS or not words[0][:1].isupper() or _not_name().search(text):
        return False
    if len(words) == 1 and (len(text) < 3 or text.isupper()):
        return False  # initials, an acronym
    days = set(weekday_names())
    return not any(month_number(w) or w.lower().rstrip(".,") in days for w in words)


@cached()
def _particles() -> frozenset[str]:
    """Lower-case words that may stand inside a person's name ("name_particles": "van", "der")."""
    return frozenset(words("name_particles"))


def is_person(text: str) -> bool:
    """True when ``text`` reads as a person's full name: two to five capitalised words (particles
    aside), as a byline in the page's text gives it; stricter than :func:`looks_like_name`.

    >>> [is_person(t) for t in ("Jane Doe", "Marna van der Merwe", "Make an Impact", "Guide", "Topics: Food")]
    [True, True, False, False, False]
    """
    words = text.split()
    return (
        looks_like_name(text)
        and 2 <= len(words) <= 5
        and ":" not in text
        and all(w[:1].isupper() or w in _particles() for w in words)
    )


_HANDLE = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[._-][A-Za-z0-9]+)*(?:@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)?")


def is_handle(text: str) -> bool:
    """True when ``text`` is a login name that a page declares as its author ("jdoe", "jane_doe",
    "jane.doe"): one word, letters first, no label, no URL, no number alone.

    >>> [is_handle(t) for t in ("jdoe", "jane_doe", "jane.doe", "admin", "1234567", "www.example.com", "Jane Doe")]
    [True, True, True, False, False, False, False]
    """
    return (
        len(text) >= 3
        and _HANDLE.fullmatch(text) is not None
        and not URL.search(text)
        and not _not_name().fullmatch(text)
        and text.lower() not in words("not_handles")
    )
