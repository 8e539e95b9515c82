"""What a page's JSON-LD declares: its objects (``@graph`` and nesting flattened), the one that
describes the article (or the page), and that object's headline, authors and dates.

Authors are names, or references to ``Person`` objects of the graph; an
organisation is a publisher, not a writer.

>>> objects = [{"@type": "NewsArticle", "headline": "Talks go on", "author": [{"@id": "#jd"}],
...             "datePublished": "2024-05-01"}, {"@type": "Person", "@id": "#jd", "name": "Jane Doe"}]
>>> json_ld_facts(objects)["authors"], json_ld_facts(objects)["published"]
(('Jane Doe',), '2024-05-01')
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from cleaner.meta.elements import clean
from cleaner.names import split_declared_names

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


def types_of(obj: dict[str, Any]) -> list[str]:
    """The ``@type`` names of a JSON-LD object, in lower case, without their vocabulary's URL.

    >>> types_of({"@type": ["https://schema.org/NewsArticle", "WebPage"]})
    ['newsarticle', 'webpage']
    """
    kind = obj.get("@type", [])
    return [str(k).lower().rsplit("/", 1)[-1] for k in (kind if isinstance(kind, list) else [kind])]


def _rank(obj: dict[str, Any]) -> int | None:
    kinds = types_of(obj)
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
        if any(k in types_of(value) for k in ("organization", "newsmediaorganization", "corporation")):
            return  # a publisher, not a writer
        name = value.get("name")
        if isinstance(name, (list, dict)):
            yield from _person_names(name, index)
        elif name:
            yield clean(name)
        elif value.get("givenName") or value.get("familyName"):
            yield clean(f"{value.get('givenName', '')} {value.get('familyName', '')}")
    elif isinstance(value, str):
        yield from split_declared_names(value)


def json_ld_facts(objects: list[dict[str, Any]]) -> dict[str, Any]:
    """Title, authors and dates of the main JSON-LD object."""
    main = main_object(objects)
    if main is None:
        return {}
    index = {o["@id"]: o for o in objects if isinstance(o.get("@id"), str)}
    authors = tuple(dict.fromkeys(n for n in _person_names(main.get("author") or main.get("creator"), index) if n))
    headline = clean(main.get("headline") or (main.get("name") if _rank(main) is not None else ""))
    return {
        "title": headline,
        "authors": authors,
        "published": clean(main.get("datePublished") or main.get("dateCreated") or main.get("uploadDate")),
        "modified": clean(main.get("dateModified")),
    }
