"""What a page declares about itself, for machines: title, authors and dates, as facts.

Read from the page's parsed tree (lxml), in this order, each source filling
only what the ones before it left open:

1. JSON-LD (``<script type="application/ld+json">``, ``@graph`` included):
   the object that is an article (``NewsArticle``, ``Article``,
   ``BlogPosting`` …), else a ``WebPage``; its ``headline``, ``author`` (names,
   or references to ``Person`` objects of the graph) and ``datePublished`` /
   ``dateModified``;
2. ``<meta>`` tags: Open Graph and ``article:`` (``article:published_time``,
   ``article:author``), Parse.ly (``parsely-author``, ``parsely-pub-date``),
   Dublin Core (``dc.creator``, ``dc.date``), ``author``, ``citation_*`` and the like;
3. microdata (``itemprop="author"``, ``itemprop="datePublished"``) and
   ``<time datetime>`` elements marked as the publication time (``pubdate``, a
   class or ``itemprop`` naming it);
4. what the article's header shows, near its ``<h1>``: byline elements (a
   class or ``rel`` naming the author), links to an author's page
   (``/author/jane-doe``), a short "By Jane Doe"; a ``<time>`` that is not the
   last change's, which comes before every declared publication date (the
   date a page shows is the one its readers take; the declared one is often
   the first draft's), and a short element that is a date, when the page
   declares none (or only one it stamped with its last save).

Authors are read from the sources in the order JSON-LD, ``<meta>``,
microdata, byline elements, author links, "By" lines, the first that names
someone; a login name ("jdoe") that the JSON-LD or ``<meta>`` declare counts
only when none does.  Publication dates: the header's ``<time>``, then
``<meta>``, JSON-LD, microdata, then a date the header shows.

The title is the page's own headline, its ``<h1>``, when one agrees with what
the page declares (the Open Graph title, JSON-LD ``headline``, ``<title>``, with
the site's name cut off): pages often declare a title written for search
engines, while the reader sees the ``<h1>``.  An ``<h1>`` that is the site's
name is no title.  Without an ``<h1>`` that agrees, the page's one ``<h1>`` is
taken when the page declares nothing, else the declared title.

>>> import lxml.html
>>> tree = lxml.html.document_fromstring('''<html><head><title>Talks go on | Daily</title>
... <meta property="og:site_name" content="Daily"><meta name="author" content="Jane Doe">
... <script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
...  {"@type": "NewsArticle", "headline": "Talks go on", "datePublished": "2024-05-01T10:00:00Z",
...   "author": {"@id": "#jd"}}, {"@type": "Person", "@id": "#jd", "name": "Jane Doe"}]}</script>
... </head><body><h1><a href="/">Daily</a></h1><article><h1>Talks go on, and on</h1></article></body></html>''')
>>> [(f.field, f.value if f.field != "stamp" else f.value.iso(), f.by) for f in page_facts(tree)[0]]
[('title', 'Talks go on, and on', 'html-h1'), ('authors', ('Jane Doe',), 'json-ld'), ('stamp', '2024-05-01T10:00:00+00:00', 'json-ld')]
"""

from __future__ import annotations

import dataclasses
import itertools
import json
import re
import unicodedata
from collections.abc import Iterator
from typing import Any
from urllib.parse import unquote, urlsplit

from cleaner.document import Fact
from cleaner.lexicon import alternation, cached, listed, words
from cleaner.meta.dates import Stamp, parse_stamp, scan_stamp

#: JSON-LD types of an article, best first; then of a page.
ARTICLE_TYPES = (
    "newsarticle",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "backgroundnewsarticle",
    "reviewnewsarticle",
    "article",
    "blogposting",
    "socialmediaposting",
    "liveblogposting",
    "techarticle",
    "scholarlyarticle",
    "report",
    "review",
    "howto",
    "recipe",
)
PAGE_TYPES = ("webpage", "itempage", "aboutpage", "faqpage", "collectionpage", "qapage", "profilepage")
#: ``<meta>`` names and properties (lower case), by field, most telling first.
META_AUTHORS = (
    "author",
    "article:author",
    "parsely-author",
    "sailthru.author",
    "dc.creator",
    "dcterms.creator",
    "citation_author",
    "byl",
)
META_PUBLISHED = (
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "dcterms.created",
    "citation_publication_date",
    "citation_date",
    "publish-date",
    "publish_date",
    "publication_date",
    "pubdate",
    "date",
    "datepublished",
)
META_MODIFIED = ("article:modified_time", "og:updated_time", "dcterms.modified", "last-modified", "datemodified")
META_TITLES = ("og:title", "twitter:title", "parsely-title", "dc.title", "citation_title", "title")
META_SITES = ("og:site_name", "application-name", "apple-mobile-web-app-title")
#: Words of a class, id or ``itemprop`` that mark an element as the publication time.
PUBLISHED_WORDS = frozenset({"published", "publish", "pubdate", "datepublished", "posted", "date-published"})
#: What separates a title from the site's name in ``<title>``.
_SEPARATOR = re.compile(r"\s+[|–—·•:~-]\s+|\s*[|–—·•»]\s*")
_WORD = re.compile(r"\w+")
_URL = re.compile(r"^(?:https?:)?//|^www\.|\.\w{2,4}/", re.IGNORECASE)
#: An ``<h1>`` agrees with a declared title when at least this share of its words are in it.
AGREE = 0.3
#: A title has at most this many words.
MAX_TITLE_WORDS = 40
#: A name has at most this many words.
MAX_NAME_WORDS = 6


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def _clean(text: Any) -> str:
    return " ".join(str(text).split()) if isinstance(text, (str, int, float)) else ""


# --- JSON-LD ---------------------------------------------------------------------------------


def _json(text: str) -> Any:
    """A JSON-LD script's data, or ``None`` (pages wrap it in comments and CDATA, or leave commas dangling).

    >>> _json('<!-- {"a": 1,} -->'), _json("not json")
    ({'a': 1}, None)
    """
    text = text.strip()
    for wrapper in ("<!--", "-->", "<![CDATA[", "]]>", "//<![CDATA[", "//]]>"):
        text = text.replace(wrapper, "")
    try:
        return json.loads(text)
    except ValueError:
        try:
            return json.loads(re.sub(r",\s*([}\]])", r"\1", text))
        except ValueError:
            return None


def json_ld_objects(tree: Any) -> list[dict[str, Any]]:
    """Every object of the page's JSON-LD, in document order (``@graph`` and nesting flattened)."""
    out: list[dict[str, Any]] = []
    for script in tree.iter("script"):
        if "ld+json" not in (script.get("type") or "").lower():
            continue
        stack = [_json(script.text or "")]
        found: list[dict[str, Any]] = []
        while stack:
            item = stack.pop(0)
            if isinstance(item, list):
                stack[:0] = item
            elif isinstance(item, dict):
                found.append(item)
                stack += [v for k, v in item.items() if isinstance(v, (list, dict)) and k != "author"]
        out += found
    return out


def _types(obj: dict[str, Any]) -> list[str]:
    kind = obj.get("@type", [])
    return [str(k).lower().rsplit("/", 1)[-1] for k in (kind if isinstance(kind, list) else [kind])]


def _rank(obj: dict[str, Any]) -> int | None:
    kinds = _types(obj)
    for rank, name in enumerate(ARTICLE_TYPES + PAGE_TYPES):
        if name in kinds:
            return rank
    return None


def main_object(objects: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The object that describes the page's article (or, failing one, the page).

    >>> main_object([{"@type": "WebPage", "name": "p"}, {"@type": ["BlogPosting"], "headline": "h"}])["headline"]
    'h'
    """
    ranked = [(rank, n, o) for n, o in enumerate(objects) if (rank := _rank(o)) is not None]
    return min(ranked, key=lambda r: (r[0], r[1]))[2] if ranked else None


def _person_names(value: Any, index: dict[str, dict[str, Any]]) -> Iterator[str]:
    if isinstance(value, list):
        for item in value:
            yield from _person_names(item, index)
    elif isinstance(value, dict):
        ref = value.get("@id")
        if "name" not in value and isinstance(ref, str) and ref in index:
            value = index[ref]
        if any(k in _types(value) for k in ("organization", "newsmediaorganization", "corporation")):
            return  # a publisher, not a writer
        name = value.get("name")
        if isinstance(name, (list, dict)):
            yield from _person_names(name, index)
        elif name:
            yield _clean(name)
        elif value.get("givenName") or value.get("familyName"):
            yield _clean(f"{value.get('givenName', '')} {value.get('familyName', '')}")
    elif isinstance(value, str):
        yield from split_names(value)


@cached()
def _by() -> re.Pattern[str]:
    """What opens a byline before its names: "By", "Written by" ("author_markers")."""
    return re.compile(rf"^\s*(?:{alternation(words('author_markers'))})\s*:?\s+", re.IGNORECASE)


@cached()
def _joiner() -> re.Pattern[str]:
    """What stands between two names: ";", "|", and the words of "name_joiners" ("and", "&")."""
    return re.compile(rf"\s*(?:;|\||(?<!\w)(?:{alternation(words('name_joiners'))})(?!\w))\s*")


def split_names(text: str) -> list[str]:
    """The names in an author string: "By Jane Doe and John Roe" gives both; a URL or handle is no name.

    >>> split_names("By Jane Doe and John Roe"), split_names("https://x.com/jd"), split_names("Doe, Jane")
    (['Jane Doe', 'John Roe'], [], ['Doe, Jane'])
    """
    text = _by().sub("", _clean(text))
    if not text or _URL.search(text) or text.startswith("@"):
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


def is_name(text: str) -> bool:
    """True when ``text`` may be a person's (or a desk's) name: a few words, the first capitalised, no digits,
    no handle, path or dotted login, no month or weekday, no label.

    >>> [is_name(t) for t in ("Jane Doe", "Marna van der Merwe", "7 minutes", "Updated January", "andrew.keaveney", "By")]
    [True, True, False, False, False, False]
    """
    from cleaner.lexicon import month_number, weekday_names

    words = text.split()
    if not 0 < len(words) <= MAX_NAME_WORDS or not words[0][:1].isupper() or _not_name().search(text):
        return False
    if len(words) == 1 and (len(text) < 3 or text.isupper()):
        return False  # initials, an acronym
    days = set(weekday_names())
    return not any(month_number(w) or w.lower().rstrip(".,") in days for w in words)


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
        and not _URL.search(text)
        and not _not_name().fullmatch(text)
        and text.lower() not in words("not_handles")
    )


@cached()
def _particles() -> frozenset[str]:
    """Lower-case words that may stand inside a person's name ("name_particles": "van", "der")."""
    return frozenset(words("name_particles"))


def is_person(text: str) -> bool:
    """True when ``text`` reads as a person's full name: two to five capitalised words (particles
    aside), as a byline in the page's text gives it; stricter than :func:`is_name`.

    >>> [is_person(t) for t in ("Jane Doe", "Marna van der Merwe", "Make an Impact", "Guide", "Topics: Food")]
    [True, True, False, False, False]
    """
    words = text.split()
    return (
        is_name(text)
        and 2 <= len(words) <= 5
        and ":" not in text
        and all(w[:1].isupper() or w in _particles() for w in words)
    )


def json_ld_facts(objects: list[dict[str, Any]]) -> dict[str, Any]:
    """Title, authors and dates of the main JSON-LD object."""
    main = main_object(objects)
    if main is None:
        return {}
    index = {o["@id"]: o for o in objects if isinstance(o.get("@id"), str)}
    authors = tuple(dict.fromkeys(n for n in _person_names(main.get("author") or main.get("creator"), index) if n))
    headline = _clean(main.get("headline") or (main.get("name") if _rank(main) is not None else ""))
    return {
        "title": headline,
        "authors": authors,
        "published": _clean(main.get("datePublished") or main.get("dateCreated") or main.get("uploadDate")),
        "modified": _clean(main.get("dateModified")),
    }


def site_names(objects: list[dict[str, Any]], tree: Any) -> set[str]:
    """The site's names, as its JSON-LD (``WebSite``, ``publisher``) and ``<meta>`` give them (as words)."""
    names = {" ".join(_words(v)) for v in meta_values(tree, META_SITES)}
    for obj in objects:
        if "website" in _types(obj) or "organization" in _types(obj) or "newsmediaorganization" in _types(obj):
            names.add(" ".join(_words(_clean(obj.get("name")))))
        publisher = obj.get("publisher")
        if isinstance(publisher, dict):
            names.add(" ".join(_words(_clean(publisher.get("name")))))
    return names - {""}


# --- meta tags, microdata, time ------------------------------------------------------------


def meta_values(tree: Any, keys: tuple[str, ...]) -> list[str]:
    """The contents of the ``<meta>`` tags named (``name``, ``property`` or ``itemprop``) by ``keys``, in the keys' order."""
    found: dict[str, list[str]] = {}
    for meta in tree.iter("meta"):
        content = _clean(meta.get("content"))
        if not content:
            continue
        for attr in ("name", "property", "itemprop"):
            key = (meta.get(attr) or "").strip().lower()
            if key in keys:
                found.setdefault(key, []).append(content)
    return [value for key in keys for value in found.get(key, [])]


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
    byline), those inside the ``<article>`` first; each must look like a name (:func:`is_name`) and
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
            any(_in_comments(a) for a in element.iterancestors())
            or next(element.iterancestors("form"), None) is not None
        ):
            continue
        parent = element.getparent()
        reviewer = (
            _REVIEWER.search(attrs_of(element) + " " + (attrs_of(parent) if parent is not None else "")) is not None
            or _reviewer_end().search(_label_before(element)) is not None
        )
        for piece in (_clean(t) for t in element.itertext()):
            reviewer = reviewer or _REVIEWER_LABEL.match(piece) is not None
            text = _by().sub("", piece)
            if not text or _label_only().fullmatch(text) or _label_end().search(text) or _stamp(text):
                continue  # a label, or the date beside the name
            names = [n for n in split_names(text) if is_person(n) and " ".join(_words(n)) not in sites]
            if names and not reviewer:
                return tuple(dict.fromkeys(names))
            break  # the byline's first words name no one (or its reviewer): not the author's byline
    return ()


#: A byline that names who reviewed or checked the article, not who wrote it.
_REVIEWER_LABEL = re.compile(
    r"^\s*(?:(?:medically|expert|fact)[\s-]+)?(?:reviewed|checked|fact[\s-]*checked|edited|verified)\s+by\b",
    re.IGNORECASE,
)


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
        text = _clean(" ".join(element.itertext()))
        if not text or len(text.split()) > MAX_BYLINE_WORDS:
            continue
        found = _said_by().match(text)
        if found is None or any(_in_comments(a) for a in element.iterancestors()):
            continue
        named = _BYLINE_CUT.split(found.group("names"))[0]
        names = [n for n in split_names(named) if is_person(n) and " ".join(_words(n)) not in sites]
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
    text = _by().sub("", _clean(text))
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
        text = _clean(link.text_content()) or _clean(link.get("aria-label") or link.get("title") or "")
        name = link_author(link.get("href") or "", text)
        if name is None or " ".join(_words(name)) in sites or any(_in_comments(a) for a in link.iterancestors()):
            continue
        if first is None:
            first = link.getparent()
        elif link.getparent() is not first:
            continue
        names.append(name)
    return tuple(dict.fromkeys(names))


def _in_comments(element: Any) -> bool:
    return "comment" in " ".join(element.get(a) or "" for a in ("class", "id")).lower()


def twitter_author(tree: Any) -> list[str]:
    """The author that a ``twitter:label1`` "Written by" names in ``twitter:data1``."""
    labels = meta_values(tree, ("twitter:label1",))
    if labels and re.search(r"\bby\b|author", labels[0], re.IGNORECASE):
        return meta_values(tree, ("twitter:data1",))[:1]
    return []


def _marked(element: Any, words: frozenset[str]) -> bool:
    names = " ".join(element.get(a) or "" for a in ("class", "id", "itemprop")).lower()
    return element.get("pubdate") is not None or any(w in names for w in words)


def microdata(tree: Any) -> dict[str, Any]:
    """Authors and publication time from microdata and ``<time>`` elements."""
    authors: list[str] = []
    for element in tree.xpath('//*[@itemprop="author"]'):
        named = element.xpath('.//*[@itemprop="name"]')
        text = (
            named[0].get("content") or named[0].text_content()
            if named
            else element.get("content") or element.text_content()
        )
        authors += split_names(text)
    published = ""
    for element in tree.xpath('//*[@itemprop="datePublished"]'):
        published = _clean(element.get("datetime") or element.get("content") or element.text_content())
        if published:
            break
    if not published:
        for element in tree.iter("time"):
            if element.get("datetime") and _marked(element, PUBLISHED_WORDS):
                published = _clean(element.get("datetime"))
                break
    return {"authors": tuple(dict.fromkeys(authors)), "published": published}


# --- the date the page shows ----------------------------------------------------------------

#: A shown date counts when it stands this many elements (in document order) before an ``<h1>`` at most …
SHOWN_BEFORE = 12
#: … or this many after it, in a ``<time>`` (the header: not a list of other articles further down) …
TIME_AFTER = 100
#: … or in another element, whose date is less often the article's.
SHOWN_AFTER = 40
#: An element whose whole text is a date has at most this many words ("Published: 3 May 2024").
MAX_DATE_WORDS = 8
#: The elements whose text may be a shown date.
DATE_TAGS = (
    "time",
    "span",
    "div",
    "p",
    "li",
    "small",
    "em",
    "strong",
    "b",
    "i",
    "a",
    "dd",
    "td",
    "abbr",
    "address",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "section",
)
_MODIFIED_CLASS = re.compile(r"updated|modified|revised", re.IGNORECASE)


def _label_before(element: Any) -> str:
    """The text that stands just before ``element`` inside its parent (its label: "Updated on")."""
    parent = element.getparent()
    if parent is None:
        return ""
    pieces = [parent.text or ""]
    for sibling in parent:
        if sibling is element:
            break
        pieces.append(sibling.text_content() if isinstance(sibling.tag, str) else "")
        pieces.append(sibling.tail or "")
    return _clean(" ".join(pieces))[-40:]


def is_modified_date(element: Any, text: str) -> bool:
    """True when a shown date is labelled as the last change: by its own words ("Updated on May 2"),
    its class or ``itemprop``, or the label just before it.

    >>> import lxml.html
    >>> page = lxml.html.fromstring('<p>Updated on <time class="x">May 2, 2024</time></p>')
    >>> is_modified_date(page[0], "May 2, 2024"), is_modified_date(page, "Updated on May 2, 2024")
    (True, True)
    >>> is_modified_date(lxml.html.fromstring('<p>Posted <span>May 2, 2024</span></p>')[0], "May 2, 2024")
    False
    """
    stamp = scan_stamp(text)
    if stamp is not None and stamp.modified:
        return True
    names = " ".join(element.get(a) or "" for a in ("class", "itemprop"))
    return bool(_MODIFIED_CLASS.search(names)) or bool(_modified_label().search(_label_before(element)))


def _modified_label() -> re.Pattern[str]:
    return listed("modified_labels", after=r"\s*:?\s*$")


def _shown_stamp(element: Any) -> Stamp | None:
    """The publication date that ``element`` shows, if it shows one: a ``<time>`` by its ``datetime``
    (else its text), another element when its whole short text is a date; never a relative or modified one."""
    text = _clean(element.text_content())
    if element.tag == "time":
        stamp = _stamp(_clean(element.get("datetime") or "")) or _stamp(text)
    elif not text or len(text.split()) > MAX_DATE_WORDS:
        return None
    else:
        stamp = _stamp(text)
    if stamp is None or stamp.relative or stamp.modified or is_modified_date(element, text):
        return None
    return stamp


def shown_dates(tree: Any) -> tuple[Stamp | None, Stamp | None]:
    """The first date that the article's header shows in a ``<time>`` element, and the first it shows
    in any short element: near an ``<h1>`` (:data:`SHOWN_BEFORE`, :data:`TIME_AFTER`,
    :data:`SHOWN_AFTER`), outside the comments, not labelled as the last change.

    >>> import lxml.html
    >>> page = lxml.html.fromstring('''<div><h1>Talks go on</h1><p>By Jane Doe</p>
    ... <p>Updated <time datetime="2024-06-01">June 1</time></p><span>Posted May 2, 2024</span>
    ... <time datetime="2024-05-02T09:00:00+02:00">2 May</time></div>''')
    >>> [s.iso() for s in shown_dates(page)]
    ['2024-05-02T09:00:00+02:00', '2024-05-02']
    """
    order = {element: n for n, element in enumerate(tree.iter())}
    heads = [order[h1] for h1 in tree.iter("h1")]
    in_time: Stamp | None = None
    anywhere: Stamp | None = None
    for element in tree.iter(*DATE_TAGS) if heads else ():
        n, timed = order[element], element.tag == "time"
        near = any(-SHOWN_BEFORE <= n - h <= SHOWN_AFTER for h in heads)
        if not (near or (timed and any(-SHOWN_BEFORE <= n - h <= TIME_AFTER for h in heads))):
            continue
        if any(_in_comments(a) for a in element.iterancestors()) or (stamp := _shown_stamp(element)) is None:
            continue
        if near:
            anywhere = anywhere or stamp
        if timed:
            in_time = stamp
            break
    return in_time, anywhere


# --- the title ------------------------------------------------------------------------------


def without_site(title: str, sites: set[str]) -> str:
    """``title`` without the site's name before or after it.

    >>> without_site("Talks go on | Daily News", {"daily news"}), without_site("Daily – Talks go on", {"daily"})
    ('Talks go on', 'Talks go on')
    >>> without_site("Talks go on - Daily", set()), without_site("Q&A: what next", set())
    ('Talks go on', 'Q&A: what next')
    """
    parts = [p for p in _SEPARATOR.split(title) if p.strip()]
    if len(parts) < 2:
        return title.strip()
    named = [p for p in parts if " ".join(_words(p)) not in sites]
    if sites and 0 < len(named) < len(parts):
        return " - ".join(named) if len(named) > 1 else named[0].strip()
    if _SEPARATOR.search(title) and re.search(r"\s[|–—·•-]\s|[|·•]", title):
        longest = max(parts, key=lambda p: len(_words(p)))
        if longest == parts[0] or len(_words(longest)) > len(_words(parts[0])) * 2:
            return longest.strip()
    return title.strip()


def _overlap(a: str, b: str) -> float:
    words = set(_words(a))
    return len(words & set(_words(b))) / len(words) if words else 0.0


def headings(tree: Any) -> list[str]:
    """The texts of the page's ``<h1>`` elements, in order."""
    out = []
    for h1 in tree.iter("h1"):
        text = _clean(h1.text_content())
        if text and len(_words(text)) <= MAX_TITLE_WORDS:
            out.append(text)
    return out


def choose_title(h1s: list[str], declared: list[str], sites: set[str]) -> tuple[str, str] | None:
    """The title and where it comes from: an ``<h1>`` that agrees with a declared title, else (see the module).

    >>> choose_title(["Daily", "Talks go on, and on"], ["Talks go on | Daily"], {"daily"})
    ('Talks go on, and on', 'html-h1')
    >>> choose_title(["Daily"], ["Talks go on | Daily"], {"daily"})
    ('Talks go on', 'html-meta')
    """
    declared = [without_site(d, sites) for d in declared if d]
    suffixes = {" ".join(_words(p)) for d in declared for p in _SEPARATOR.split(d)[1:]}
    own = [h for h in h1s if " ".join(_words(h)) not in sites | suffixes]
    if declared:
        scored = [(max(_overlap(h, d) for d in declared), -n, h) for n, h in enumerate(own)]
        best = max(scored, default=None)
        if best is not None and best[0] >= AGREE:
            return best[2], "html-h1"
        return declared[0], "html-meta"
    if len(own) == 1:
        return own[0], "html-h1"
    return None


# --- facts ----------------------------------------------------------------------------------


def _stamp(text: str, modified: bool = False) -> Stamp | None:
    stamp = parse_stamp(text) if text else None
    if stamp is None or not stamp.has_date:
        return None
    return dataclasses.replace(stamp, modified=True) if modified else stamp


def _day(stamp: Stamp) -> tuple[int, int, int]:
    return (stamp.year or 0, stamp.month or 0, stamp.day or 0)


def page_facts(tree: Any) -> tuple[tuple[Fact, ...], tuple[Fact, ...]]:
    """The title, authors, publication and modification dates that the page declares, as facts:
    those to trust first, and those to take only when nothing else gives the field.

    Each fact says its source (``json-ld``, ``html-meta``, ``microdata``, ``html-h1``,
    ``html-byline``, ``html-author-link``, ``html-time``, ``html-shown``).  A declared
    publication date on or after the declared modification date is weak: a page that stamps
    both with its last save (or publishes after it modifies) says little about when it first
    came out; the date its header shows then comes first.
    """
    if tree is None:
        return (), ()
    objects = json_ld_objects(tree)
    ld = json_ld_facts(objects)
    items = microdata(tree)
    sites = site_names(objects, tree)
    facts: list[Fact] = []
    weak: list[Fact] = []

    head_title = _clean(tree.findtext(".//title") or "")
    declared = [*meta_values(tree, ("og:title", "twitter:title")), ld.get("title", ""), head_title]
    declared += meta_values(tree, META_TITLES[2:])
    title = choose_title(headings(tree), [d for d in declared if d], sites)
    if title is not None:
        facts.append(Fact("title", title[0], title[1]))

    tagged = [*meta_values(tree, META_AUTHORS), *twitter_author(tree)]
    meta_authors = tuple(dict.fromkeys(n for v in tagged for n in split_names(v)))
    declared_authors = ((ld.get("authors", ()), "json-ld"), (meta_authors, "html-meta"))
    found = (
        (lambda: items["authors"], "microdata"),
        (lambda: byline_names(tree, sites), "html-byline"),
        (lambda: author_links(tree, sites), "html-author-link"),
        (lambda: said_by(tree, sites), "html-byline"),
    )
    for authors, by in itertools.chain(declared_authors, ((read(), by) for read, by in found)):
        names = tuple(a for a in authors if " ".join(_words(a)) not in sites and is_name(a))
        if names:
            facts.append(Fact("authors", names, by))
            break
    else:  # no one's name: the login name that the page declares as its author, if it declares one
        for authors, by in declared_authors:
            handles = tuple(a for a in authors if is_handle(a) and " ".join(_words(a)) not in sites)
            if handles:
                facts.append(Fact("authors", handles, by))
                break

    published = [
        *((v, "html-meta") for v in meta_values(tree, META_PUBLISHED)),
        (ld.get("published", ""), "json-ld"),
        (items["published"], "microdata"),
    ]
    stamp = next(((s, by) for text, by in published if (s := _stamp(text)) is not None), None)
    modified = [(ld.get("modified", ""), "json-ld"), *((v, "html-meta") for v in meta_values(tree, META_MODIFIED))]
    changed = next(((s, by) for text, by in modified if (s := _stamp(text, modified=True)) is not None), None)
    late = stamp is not None and changed is not None and _day(stamp[0]) >= _day(changed[0])
    in_time, shown = shown_dates(tree)
    if in_time is not None:
        facts.append(Fact("stamp", in_time, "html-time"))
    elif (stamp is None or late) and shown is not None:
        facts.append(Fact("stamp", shown, "html-shown"))
    if stamp is not None:
        (weak if late else facts).append(Fact("stamp", stamp[0], stamp[1]))
    if changed is not None:
        facts.append(Fact("stamp", changed[0], changed[1]))
    return tuple(facts), tuple(weak)
