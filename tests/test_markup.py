"""What a page declares in its markup: JSON-LD, meta tags, microdata, time elements, headings.

Every page here is written for this file."""

from __future__ import annotations

import lxml.html
import pytest

import cleaner
from cleaner.meta.authors import link_author
from cleaner.meta.markup import markup_facts
from cleaner.meta.titles import choose_title, without_site
from cleaner.names import is_handle, looks_like_name, split_declared_names


def facts(html: str) -> dict[str, object]:
    strong, weak = markup_facts(lxml.html.document_fromstring(html))
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
#: The title of a page whose only heading is its title.
H1 = {"title": ("Ferry strike ends", "html-h1")}

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
    # the date the article's header shows in a <time> comes first: the page's declared date may be its first draft's
    (
        page(
            '<meta property="article:published_time" content="2019-02-01T10:00:00+00:00">',
            '<article><h1>Ferry strike ends</h1><p>Posted <time datetime="2023-03-04">4 March 2023</time></p></article>',
        ),
        {**H1, "stamp": ("2023-03-04", "html-time")},
    ),
    # a <time> labelled as the last change, in the comments or far below the heading is no publication date
    (
        page(
            body='<h1>Ferry strike ends</h1><p>Last updated: <time datetime="2023-03-09">9 March</time></p>'
            '<div class="comments"><time datetime="2023-03-05T08:00">5 March</time></div>'
        ),
        H1,
    ),
    (
        page(body='<h1>Ferry strike ends</h1><time class="date-updated" datetime="2023-03-09">9 March 2023</time>'),
        H1,
    ),
    (
        page(
            body="<h1>Ferry strike ends</h1>" + "<p>Crews met again.</p>" * 120 + '<time datetime="2023-03-05">x</time>'
        ),
        H1,
    ),
    # a short element that is a date, near the heading, when the page declares no date
    (
        page(body='<h1>Ferry strike ends</h1><div class="meta"><span>Published: 4 March 2023</span></div>'),
        {**H1, "stamp": ("2023-03-04", "html-shown")},
    ),
    (
        page(
            '<meta property="og:published_time" content="2023-03-03">',
            '<h1>Ferry strike ends</h1><div class="meta"><span>4 March 2023</span></div>',
        ),
        {**H1, "stamp": ("2023-03-03", "html-meta")},
    ),
    # the <meta> publication date before the JSON-LD's
    (
        page(
            '<meta property="article:published_time" content="2023-03-04">'
            + LD.format('{"@type": "Article", "datePublished": "2021-01-01"}')
        ),
        {"stamp": ("2023-03-04", "html-meta")},
    ),
    # a link to the author's page near the heading names the author; the links of one byline, not the sidebar's
    (
        page(
            body='<h1>Ferry strike ends</h1><p><img src="a.jpg"><a href="/authors/ines-marlow/">Ines Marlow</a>, '
            '<a href="https://example.org/authors/tom-reyes">Tom Reyes</a> · 4 min read</p>'
            '<aside><a href="/authors/ada-wren">Ada Wren</a></aside>'
        ),
        {**H1, "authors": (("Ines Marlow", "Tom Reyes"), "html-author-link")},
    ),
    (
        page(body='<h1>Ferry strike ends</h1><p><a href="/tags/ines-marlow">Ines Marlow</a></p>'),
        H1,
    ),
    # a login name that the page declares as its author, when it names no one
    (
        page('<meta name="author" content="imarlow_07">'),
        {"authors": (("imarlow_07",), "html-meta")},
    ),
    (
        page('<meta name="author" content="admin">'),
        {},
    ),
    # who reviewed or checked the article is not its author
    (
        page(
            body='<h1>Ferry strike ends</h1><div class="byline-reviewed">Reviewed by <a>Tom Reyes</a></div>'
            '<div class="byline">Written by <a>Ines Marlow</a></div>'
        ),
        {**H1, "authors": (("Ines Marlow",), "html-byline")},
    ),
    (
        page(body='<h1>Ferry strike ends</h1><span class="author">Medically reviewed by Tom Reyes</span>'),
        H1,
    ),
    (
        page(body='<h1>Ferry strike ends</h1><div>Fact checked by <a class="author-link">Tom Reyes</a></div>'),
        H1,
    ),
    # a byline's names end at a separator; "Contributors:" is a byline's label too
    (
        page(body="<h1>Ferry strike ends</h1><div>By <b>Ines Marlow</b> · Ferry Correspondent</div>"),
        {**H1, "authors": (("Ines Marlow",), "html-byline")},
    ),
    (
        page(body="<h1>Ferry strike ends</h1><div><strong>Contributors:</strong> Ines Marlow</div>"),
        {**H1, "authors": (("Ines Marlow",), "html-byline")},
    ),
]


@pytest.mark.parametrize(("html", "expected"), CASES)
def test_markup_facts(html, expected):
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
def test_split_declared_names(text, names):
    assert split_declared_names(text) == names


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
def test_looks_like_name(text, expected):
    assert looks_like_name(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("imarlow", True),
        ("ines.marlow", True),
        ("ines_marlow", True),
        ("i.marlow@example.org", True),
        ("Ines Marlow", False),
        ("staff", False),
        ("98765", False),
        ("example.org/ines", False),
        ("im", False),
    ],
)
def test_is_handle(text, expected):
    assert is_handle(text) is expected


@pytest.mark.parametrize(
    ("href", "text", "expected"),
    [
        ("/author/ines-marlow", "Ines Marlow", "Ines Marlow"),
        ("https://example.org/contributors/ines-marlow/", "By Ines Marlow", "Ines Marlow"),
        ("/people/ines-marlow-2", "Inés Marlow", "Inés Marlow"),
        ("/author/ines-marlow", "All posts", None),
        ("/author/tom-reyes", "Ines Marlow", None),
        ("/category/ines-marlow", "Ines Marlow", None),
        ("/ines-marlow", "Ines Marlow", None),
    ],
)
def test_link_author(href, text, expected):
    assert link_author(href, text) == expected


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
