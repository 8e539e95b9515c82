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
>>> [(f.field, f.value if f.field != "stamp" else f.value.iso(), f.by) for f in markup_facts(tree)[0]]
[('title', 'Talks go on, and on', 'html-h1'), ('authors', ('Jane Doe',), 'json-ld'), ('stamp', '2024-05-01T10:00:00+00:00', 'json-ld')]
"""

from __future__ import annotations

import itertools
from typing import Any

from cleaner.document import Fact
from cleaner.meta.authors import author_links, byline_names, said_by
from cleaner.meta.dates import Stamp, dated_stamp
from cleaner.meta.elements import clean, lower_words
from cleaner.meta.jsonld import json_ld_facts, json_ld_objects, types_of
from cleaner.meta.metatags import (
    META_AUTHORS,
    META_MODIFIED,
    META_PUBLISHED,
    META_SITES,
    META_TITLES,
    meta_values,
    twitter_author,
)
from cleaner.meta.microdata import microdata
from cleaner.meta.shown_dates import shown_dates
from cleaner.meta.titles import choose_title, headings
from cleaner.names import is_handle, looks_like_name, split_declared_names


def site_names(objects: list[dict[str, Any]], tree: Any) -> set[str]:
    """The site's names, as its JSON-LD (``WebSite``, ``publisher``) and ``<meta>`` give them (as words)."""
    names = {" ".join(lower_words(v)) for v in meta_values(tree, META_SITES)}
    for obj in objects:
        if "website" in types_of(obj) or "organization" in types_of(obj) or "newsmediaorganization" in types_of(obj):
            names.add(" ".join(lower_words(clean(obj.get("name")))))
        publisher = obj.get("publisher")
        if isinstance(publisher, dict):
            names.add(" ".join(lower_words(clean(publisher.get("name")))))
    return names - {""}


def _day(stamp: Stamp) -> tuple[int, int, int]:
    return (stamp.year or 0, stamp.month or 0, stamp.day or 0)


def markup_facts(tree: Any) -> tuple[tuple[Fact, ...], tuple[Fact, ...]]:
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

    head_title = clean(tree.findtext(".//title") or "")
    declared = [*meta_values(tree, ("og:title", "twitter:title")), ld.get("title", ""), head_title]
    declared += meta_values(tree, META_TITLES[2:])
    title = choose_title(headings(tree), [d for d in declared if d], sites)
    if title is not None:
        facts.append(Fact("title", title[0], title[1]))

    tagged = [*meta_values(tree, META_AUTHORS), *twitter_author(tree)]
    meta_authors = tuple(dict.fromkeys(n for v in tagged for n in split_declared_names(v)))
    declared_authors = ((ld.get("authors", ()), "json-ld"), (meta_authors, "html-meta"))
    found = (
        (lambda: items["authors"], "microdata"),
        (lambda: byline_names(tree, sites), "html-byline"),
        (lambda: author_links(tree, sites), "html-author-link"),
        (lambda: said_by(tree, sites), "html-byline"),
    )
    for authors, by in itertools.chain(declared_authors, ((read(), by) for read, by in found)):
        names = tuple(a for a in authors if " ".join(lower_words(a)) not in sites and looks_like_name(a))
        if names:
            facts.append(Fact("authors", names, by))
            break
    else:  # no one's name: the login name that the page declares as its author, if it declares one
        for authors, by in declared_authors:
            handles = tuple(a for a in authors if is_handle(a) and " ".join(lower_words(a)) not in sites)
            if handles:
                facts.append(Fact("authors", handles, by))
                break

    published = [
        *((v, "html-meta") for v in meta_values(tree, META_PUBLISHED)),
        (ld.get("published", ""), "json-ld"),
        (items["published"], "microdata"),
    ]
    stamp = next(((s, by) for text, by in published if (s := dated_stamp(text)) is not None), None)
    modified = [(ld.get("modified", ""), "json-ld"), *((v, "html-meta") for v in meta_values(tree, META_MODIFIED))]
    changed = next(((s, by) for text, by in modified if (s := dated_stamp(text, modified=True)) is not None), None)
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
