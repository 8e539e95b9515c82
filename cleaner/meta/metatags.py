"""What a page's ``<meta>`` tags declare: Open Graph and ``article:``, Parse.ly, Dublin Core,
``citation_*``, ``author`` and the like, by field, most telling first.

>>> import lxml.html
>>> head = lxml.html.fromstring('<head><meta property="og:title" content="Talks  go on"><meta name="author" content="Jane Doe"></head>')
>>> meta_values(head, META_TITLES), meta_values(head, META_AUTHORS)
(['Talks go on'], ['Jane Doe'])
"""

from __future__ import annotations

import re
from typing import Any

from cleaner.lexicon import alternation, cached, words
from cleaner.meta.elements import clean

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


def meta_values(tree: Any, keys: tuple[str, ...]) -> list[str]:
    """The contents of the ``<meta>`` tags named (``name``, ``property`` or ``itemprop``) by ``keys``, in the keys' order."""
    found: dict[str, list[str]] = {}
    for meta in tree.iter("meta"):
        content = clean(meta.get("content"))
        if not content:
            continue
        for attr in ("name", "property", "itemprop"):
            key = (meta.get(attr) or "").strip().lower()
            if key in keys:
                found.setdefault(key, []).append(content)
    return [value for key in keys for value in found.get(key, [])]


@cached()
def _author_label() -> re.Pattern[str]:
    """A label that says its value is the author: "Written by", "Author" (``author_label_words`` as whole words,
    ``author_label_parts`` anywhere).

    >>> bool(_author_label().search("Written by")), bool(_author_label().search("Est. reading time"))
    (True, False)
    """
    whole, parts = alternation(words("author_label_words")), alternation(words("author_label_parts"))
    return re.compile(rf"\b(?:{whole})\b|{parts}", re.IGNORECASE)


def twitter_author(tree: Any) -> list[str]:
    """The author that a ``twitter:label1`` "Written by" names in ``twitter:data1``."""
    labels = meta_values(tree, ("twitter:label1",))
    if labels and _author_label().search(labels[0]):
        return meta_values(tree, ("twitter:data1",))[:1]
    return []
