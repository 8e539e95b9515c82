"""What a page's microdata declares (``itemprop="author"``, ``itemprop="datePublished"``), and the
``<time datetime>`` elements marked as the publication time (``pubdate``, a class or ``itemprop``).

>>> import lxml.html
>>> microdata(lxml.html.fromstring('<div><span itemprop="author">By Jane Doe</span><time class="published" datetime="2024-05-02">May 2</time></div>'))
{'authors': ('Jane Doe',), 'published': '2024-05-02'}
"""

from __future__ import annotations

from typing import Any

from cleaner.meta.elements import clean
from cleaner.names import split_declared_names

#: Words of a class, id or ``itemprop`` that mark an element as the publication time.
PUBLISHED_WORDS = frozenset({"published", "publish", "pubdate", "datepublished", "posted", "date-published"})


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
        authors += split_declared_names(text)
    published = ""
    for element in tree.xpath('//*[@itemprop="datePublished"]'):
        published = clean(element.get("datetime") or element.get("content") or element.text_content())
        if published:
            break
    if not published:
        for element in tree.iter("time"):
            if element.get("datetime") and _marked(element, PUBLISHED_WORDS):
                published = clean(element.get("datetime"))
                break
    return {"authors": tuple(dict.fromkeys(authors)), "published": published}
