"""Who the article's header shows as its authors: byline elements (a class or ``rel`` naming the
author), links to an author's page near the ``<h1>`` (``/author/jane-doe``), a short "By Jane Doe".

Each name must read as a person's (:func:`cleaner.names.is_person`) and not be
the site's; a byline that names a reviewer names no author.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any
from urllib.parse import unquote, urlsplit

from cleaner.lexicon import alternation, cached, words
from cleaner.meta.dates import dated_stamp
from cleaner.meta.elements import clean, in_comments, label_before, lower_words
from cleaner.names import is_person, split_declared_names, without_by

#: Words of a class, id, ``rel`` or ``itemprop`` that mark an element as the article's byline.
BYLINE_WORDS = frozenset({"author", "byline", "authorname", "author-name", "writer", "contributor"})
_CLASS_WORD = re.compile(r"[a-z]+(?:-name)?")


@cached()
def _label_only() -> re.Pattern[str]:
    """A label alone, or a separator: "Written by", "Authors:", "|"."""
    label = alternation(words("author_markers") + words("author_labels"))
    return re.compile(rf"(?:{label})\s*:?|[|•·,:–—-]", re.IGNORECASE)


@cached()
def _label_end() -> re.Pattern[str]:
    """A text ending with a label that wants the names after it: "… by", "… from:" ("label_ends")."""
    return re.compile(rf"\s(?:{alternation(words('label_ends'))})\s*:?$", re.IGNORECASE)


_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")


def class_words(attrs: str) -> str:
    """The words of class names, lower-cased, camel case split: "postAuthorName" has "author".

    >>> class_words("styles_dateAndAuthor__x9 byline")
    'styles_date and author__x9 byline'
    """
    return _CAMEL.sub(" ", attrs).lower()


def byline_names(tree: Any, sites: frozenset[str] | set[str] = frozenset()) -> tuple[str, ...]:
    """The names in the page's byline elements (``rel="author"``, a class naming the author or the
    byline), those inside the ``<article>`` first; each must look like a name (:func:`~cleaner.names.looks_like_name`) and
    not be the site's."""
    marked = []
    for element in tree.iter("a", "span", "div", "p", "address", "strong", "li"):
        attrs = class_words(" ".join(element.get(a) or "" for a in ("class", "id", "rel", "itemprop")))
        if not attrs or BYLINE_WORDS.isdisjoint(_CLASS_WORD.findall(attrs)):
            continue
        if any(w in attrs for w in ("avatar", "bio", "description", "image", "photo", "box")):
            continue
        inside = next(element.iterancestors("article"), None) is not None
        marked.append((not inside, element))
    for _, element in sorted(marked, key=lambda m: m[0]):
        if (
            any(in_comments(a) for a in element.iterancestors())
            or next(element.iterancestors("form"), None) is not None
        ):
            continue
        parent = element.getparent()
        reviewer = (
            _REVIEWER.search(attrs_of(element) + " " + (attrs_of(parent) if parent is not None else "")) is not None
            or _reviewer_end().search(label_before(element)) is not None
        )
        for piece in (clean(t) for t in element.itertext()):
            reviewer = reviewer or _reviewer_label().match(piece) is not None
            text = without_by(piece)
            if not text or _label_only().fullmatch(text) or _label_end().search(text) or dated_stamp(text):
                continue  # a label, or the date beside the name
            names = [n for n in split_declared_names(text) if is_person(n) and " ".join(lower_words(n)) not in sites]
            if names and not reviewer:
                return tuple(dict.fromkeys(names))
            break  # the byline's first words name no one (or its reviewer): not the author's byline
    return ()


@cached()
def _reviewer_label() -> re.Pattern[str]:
    """A byline that names who reviewed or checked the article, not who wrote it: "Medically reviewed by",
    "Fact-checked by" (``reviewer_qualifiers``, ``reviewer_verbs``, ``reviewer_by``; a space in a verb may
    be a hyphen, or nothing).

    >>> bool(_reviewer_label().match("Fact-checked by Jane Doe")), bool(_reviewer_label().match("By Jane Doe"))
    (True, False)
    """
    verbs = "|".join(re.escape(w).replace(r"\ ", r"[\s-]*") for w in words("reviewer_verbs"))
    qualifiers, by = alternation(words("reviewer_qualifiers")), alternation(words("reviewer_by"))
    return re.compile(rf"^\s*(?:(?:{qualifiers})[\s-]+)?(?:{verbs})\s+(?:{by})\b", re.IGNORECASE)


@cached()
def _reviewer_end() -> re.Pattern[str]:
    """A label that names a reviewer, not the author: "Reviewed by", "Fact checked by" ("reviewer_markers")."""
    return re.compile(rf"(?:{alternation(words('reviewer_markers'))})\s*:?\s*$", re.IGNORECASE)


_REVIEWER = re.compile(r"review(?:ed|er)|fact-?check", re.IGNORECASE)


def attrs_of(element: Any) -> str:
    """The class, id, ``rel`` and ``itemprop`` of ``element``, as one string."""
    return " ".join(element.get(a) or "" for a in ("class", "id", "rel", "itemprop"))


#: A short element that is a byline: "By Jane Doe", "Written by Jane Doe and John Roe".
@cached()
def _said_by() -> re.Pattern[str]:
    """A byline's opening: "By", "Written by" ("said_by"; never "Reviewed by"), or "Author:" ("author_labels")."""
    marker, label = alternation(words("said_by")), alternation(words("author_labels"))
    return re.compile(rf"^(?:(?:{marker})\s*:?|(?:{label})\s*:)\s+(?P<names>.+)$", re.IGNORECASE)


#: Where the names of a byline end: a separator before a role, a date or a reading time.
_BYLINE_CUT = re.compile(r"\s*[·⋅•|–—]\s*|\s+-\s+")
#: A byline element has at most this many words.
MAX_BYLINE_WORDS = 10


def said_by(tree: Any, sites: frozenset[str] | set[str] = frozenset()) -> tuple[str, ...]:
    """The names of the first short element (outside comments, forms and links lists) that reads "By …".

    >>> import lxml.html
    >>> said_by(lxml.html.fromstring('<div><p>Share</p><p>Written by <b>Jane Doe</b></p></div>'))
    ('Jane Doe',)
    >>> said_by(lxml.html.fromstring('<div><p>By <a>Jane Doe</a> · Senior Editor</p></div>'))
    ('Jane Doe',)
    >>> said_by(lxml.html.fromstring('<div><p>Contributors: Jane Doe, John Roe</p></div>'))
    ('Jane Doe', 'John Roe')
    """
    for element in tree.iter("p", "span", "div", "li", "address"):
        text = clean(" ".join(element.itertext()))
        if not text or len(text.split()) > MAX_BYLINE_WORDS:
            continue
        found = _said_by().match(text)
        if found is None or any(in_comments(a) for a in element.iterancestors()):
            continue
        named = _BYLINE_CUT.split(found.group("names"))[0]
        names = [n for n in split_declared_names(named) if is_person(n) and " ".join(lower_words(n)) not in sites]
        if names:
            return tuple(dict.fromkeys(names))
    return ()


#: Path segments of a link to an author's page: ``/author/jane-doe``, ``/contributors/jane-doe/``.
AUTHOR_PATHS = frozenset(
    {"author", "authors", "contributor", "contributors", "writer", "writers", "journalist", "journalists"}
    | {"columnist", "columnists", "reporter", "reporters", "people", "staff", "profile", "profiles", "by"}
)
#: An author link counts when it stands this many elements before an ``<h1>`` at most, or this many after.
LINK_BEFORE, LINK_AFTER = 30, 80


def _slug_words(text: str) -> set[str]:
    """The words of a name or a URL's slug, lower-cased, accents off.

    >>> sorted(_slug_words("José Dóe-Roe")), sorted(_slug_words("jose_doe-roe"))
    (['doe', 'jose', 'roe'], ['doe', 'jose', 'roe'])
    """
    folded = unicodedata.normalize("NFKD", text.lower())
    plain = "".join(c for c in folded if not unicodedata.combining(c))
    return {w for w in re.split(r"[^a-z0-9]+", plain) if w}


def link_author(href: str, text: str) -> str | None:
    """The name that a link to an author's page gives: the link's text, when it reads as a person's
    name and the last part of the link's path spells it (``/author/jane-doe`` for "Jane Doe").

    >>> link_author("/author/jane-doe/", "Jane Doe"), link_author("https://x.com/contributors/j.doe", "J. Doe")
    ('Jane Doe', 'J. Doe')
    >>> link_author("/author/jane-doe/", "More by this author"), link_author("/topics/jane-doe", "Jane Doe")
    (None, None)
    """
    path = [p for p in unquote(urlsplit(href).path).split("/") if p]
    text = without_by(clean(text))
    if len(path) < 2 or AUTHOR_PATHS.isdisjoint(p.lower() for p in path[:-1]) or not is_person(text):
        return None
    return text if _slug_words(text) <= _slug_words(path[-1]) else None


def author_links(tree: Any, sites: frozenset[str] | set[str] = frozenset()) -> tuple[str, ...]:
    """The names of the links to authors' pages near an ``<h1>`` (:func:`link_author`): the first, and
    those beside it (the links of one byline share their parent).

    >>> import lxml.html
    >>> page = lxml.html.fromstring('''<div><h1>Talks go on</h1><p>By <a href="/author/jane-doe">Jane Doe</a>
    ... and <a href="/author/john-roe">John Roe</a></p><aside><a href="/author/al-poe">Al Poe</a></aside></div>''')
    >>> author_links(page)
    ('Jane Doe', 'John Roe')
    """
    order = {element: n for n, element in enumerate(tree.iter())}
    heads = [order[h1] for h1 in tree.iter("h1")]
    first: Any = None
    names: list[str] = []
    for link in tree.iter("a"):
        if not any(-LINK_BEFORE <= order[link] - h <= LINK_AFTER for h in heads):
            continue
        text = clean(link.text_content()) or clean(link.get("aria-label") or link.get("title") or "")
        name = link_author(link.get("href") or "", text)
        if name is None or " ".join(lower_words(name)) in sites or any(in_comments(a) for a in link.iterancestors()):
            continue
        if first is None:
            first = link.getparent()
        elif link.getparent() is not first:
            continue
        names.append(name)
    return tuple(dict.fromkeys(names))
