"""What a page declares in its markup: JSON-LD, meta tags, microdata, time elements, headings.

Every page here is written for this file."""

from __future__ import annotations

import lxml.html
import pytest

import cleaner
from cleaner.meta.structured import choose_title, is_name, page_facts, split_names, without_site


def facts(html: str) -> dict[str, object]:
    strong, weak = page_facts(lxml.html.document_fromstring(html))
    out: dict[str, object] = {}
    for fact in strong:
        value = fact.value.iso() if fact.field == "stamp" else fact.value
        key = "modified" if fact.field == "stamp" and fact.value.modified else fact.field
        out.setdefault(key, (value, fact.by))
    for fact in weak:
        out.setdefault("weak_" + fact.field, (fact.value.iso() if fact.field == "stamp" else fact.value, fact.by))
    return out


def page(head: str = "", body: str = "") -> str:
    return f"<html><head>{head}</head><body>{body}</body></html>"


LD = '<script type="application/ld+json">{}</script>'

CASES = [
    # JSON-LD article, with a @graph and a Person reference
    (
        page(
            LD.format(
                '{"@context": "https://schema.org", "@graph": [{"@type": "WebSite", "name": "Harbour Post"},'
                '{"@type": "NewsArticle", "headline": "Ferry strike ends", "author": [{"@id": "#p1"}],'
                '"datePublished": "2023-03-04T08:00:00+01:00", "dateModified": "2023-03-05T09:00:00+01:00"},'
                '{"@type": "Person", "@id": "#p1", "name": "Ines Marlow"}]}'
            )
        ),
        {
            "title": ("Ferry strike ends", "html-meta"),
            "authors": (("Ines Marlow",), "json-ld"),
            "stamp": ("2023-03-04T08:00:00+01:00", "json-ld"),
            "modified": ("2023-03-05T09:00:00+01:00", "json-ld"),
        },
    ),
    # meta tags only: Open Graph, article:published_time, author (a profile URL is no name)
    (
        page(
            '<meta property="og:title" content="Ferry strike ends">'
            '<meta property="article:published_time" content="2023-03-04">'
            '<meta property="article:author" content="https://example.org/ines">'
            '<meta name="author" content="By Ines Marlow and Tom Reyes">'
        ),
        {
            "title": ("Ferry strike ends", "html-meta"),
            "authors": (("Ines Marlow", "Tom Reyes"), "html-meta"),
            "stamp": ("2023-03-04", "html-meta"),
        },
    ),
    # Parse.ly and Dublin Core
    (
        page('<meta name="parsely-author" content="Ines Marlow"><meta name="dc.date" content="2023-03-04T10:00Z">'),
        {"authors": (("Ines Marlow",), "html-meta"), "stamp": ("2023-03-04T10:00:00+00:00", "html-meta")},
    ),
    # microdata and a time element marked as the publication time
    (
        page(body='<article><span itemprop="author">Ines Marlow</span><time class="published" datetime="2023-03-04">'),
        {"authors": (("Ines Marlow",), "microdata"), "stamp": ("2023-03-04", "microdata")},
    ),
    # a byline element in the article; the reading time is no author
    (
        page(
            '<meta name="twitter:label1" content="Est. reading time"><meta name="twitter:data1" content="7 minutes">',
            '<article><h1>Ferry strike ends</h1><div class="post-byline"><span>Written by</span>'
            '<a href="/ines">Ines Marlow</a></div></article>',
        ),
        {"title": ("Ferry strike ends", "html-h1"), "authors": (("Ines Marlow",), "html-byline")},
    ),
    # the h1 that agrees with the declared title wins; the site-name h1 does not
    (
        page(
            "<title>Ferry strike ends after talks | Harbour Post</title>",
            '<header><h1><a href="/">Harbour Post</a></h1></header><article><h1>Ferry strike ends after long talks</h1>',
        ),
        {"title": ("Ferry strike ends after long talks", "html-h1")},
    ),
    # a publisher named as author is no writer; a date published on the day of the last change is weak
    (
        page(
            LD.format(
                '{"@type": "Article", "headline": "Ferry strike ends", "author": {"@type": "Organization", "name": "Harbour Post"},'
                '"datePublished": "2023-03-05", "dateModified": "2023-03-05"}'
            )
        ),
        {
            "title": ("Ferry strike ends", "html-meta"),
            "modified": ("2023-03-05", "json-ld"),
            "weak_stamp": ("2023-03-05", "json-ld"),
        },
    ),
    # broken JSON-LD (a trailing comma, a comment wrapper) is still read; a page without any gives nothing
    (
        page(LD.format('<!-- {"@type": "BlogPosting", "headline": "Ferry strike ends",} -->')),
        {"title": ("Ferry strike ends", "html-meta")},
    ),
    (page(body="<p>Nothing declared here.</p>"), {}),
]


@pytest.mark.parametrize(("html", "expected"), CASES)
def test_page_facts(html, expected):
    assert facts(html) == expected


@pytest.mark.parametrize(
    ("title", "sites", "expected"),
    [
        ("Ferry strike ends | Harbour Post", {"harbour post"}, "Ferry strike ends"),
        ("Harbour Post – Ferry strike ends", {"harbour post"}, "Ferry strike ends"),
        ("Ferry strike ends - Harbour Post", set(), "Ferry strike ends"),
        ("Q&A: what the strike means", set(), "Q&A: what the strike means"),
    ],
)
def test_without_site(title, sites, expected):
    assert without_site(title, sites) == expected


def test_choose_title_takes_the_only_h1_when_nothing_is_declared():
    assert choose_title(["Ferry strike ends"], [], set()) == ("Ferry strike ends", "html-h1")
    assert choose_title(["One", "Two"], [], set()) is None


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("By Ines Marlow and Tom Reyes", ["Ines Marlow", "Tom Reyes"]),
        ("Ines Marlow, Tom Reyes", ["Ines Marlow", "Tom Reyes"]),
        ("Marlow, Ines", ["Marlow, Ines"]),
        ("@ines", []),
        ("https://example.org/ines", []),
    ],
)
def test_split_names(text, names):
    assert split_names(text) == names


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ines Marlow", True),
        ("Ines van der Berg", True),
        ("12 minutes", False),
        ("Updated March", False),
        ("IM", False),
    ],
)
def test_is_name(text, expected):
    assert is_name(text) is expected


def test_clean_html_takes_the_declared_metadata_first():
    html = page(
        "<title>Ferry strike ends | Harbour Post</title>"
        + LD.format(
            '{"@type": "NewsArticle", "headline": "Ferry strike ends", "author": {"@type": "Person", "name": "Ines Marlow"},'
            '"datePublished": "2023-03-04T08:00:00+01:00"}'
        ),
        "<article><h1>Ferry strike ends</h1><p>The ferry strike ended on Saturday after three days of talks between "
        "the crews and the company, officials said.</p><p>Boats will run again from Monday morning on every line, "
        "the company said in a statement.</p></article>",
    )
    meta = cleaner.clean_html(html).metadata
    assert (meta["title"], meta["authors"], meta["date"]) == (
        "Ferry strike ends",
        ["Ines Marlow"],
        "2023-03-04T08:00:00+01:00",
    )
