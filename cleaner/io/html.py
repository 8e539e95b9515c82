"""Web pages: trafilatura's main text, checked against the page's own structure.

trafilatura, in recall mode, finds the article and keeps its paragraphs (as
lines) and the page's metadata.  Recall mode keeps some chrome; two checks
against the page label what it kept that is not the article:

- a paragraph whose every copy in the page sits inside a chrome container
  (``nav``, ``aside``, ``footer``, ``figcaption``, or an element whose class or
  id names related links, sharing, comments, newsletters …) is that chrome; a
  container that holds a large share of the extracted text is never taken for
  chrome, whatever its class says (pages name whole columns ``has-sidebar``);
- paragraphs at the top of the recall text that precision mode does not keep
  (when precision mode keeps most of the article) are the page's head: menus,
  kickers, titles, teasers.

The rest goes through the default chain like any text.

>>> page = read_page('''<html><head><title>Talks go on | Daily</title></head><body>
... <nav><ul><li><a href="/">Home</a></li><li><a href="/world">World news today</a></li></ul></nav>
... <article><h1>Talks go on</h1>
... <p>The talks went on for hours on Monday, officials said, and no deal was reached by the evening.</p>
... <p>Both sides said they would meet again next week to go over the last points of the plan.</p>
... <aside class="related"><p>Another story that the site would like you to read next</p></aside>
... </article></body></html>''')
>>> page.title
'Talks go on'
>>> [line.text for line in page.lines][:2]
['Talks go on', 'The talks went on for hours on Monday, officials said, and no deal was reached by the evening.']
"""

from __future__ import annotations

import collections
import re
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from cleaner.document import Block, Document, Fact, Result
from cleaner.meta import structured
from cleaner.meta.dates import parse_stamp
from cleaner.pipeline import Pipeline, assemble
from cleaner.strip.claims import looks_like_body

#: Tags whose content is page chrome, and the kind it is.
CHROME_TAGS = {
    "nav": "navigation",
    "aside": "related-links",
    "footer": "navigation",
    "figcaption": "caption",
    "header": "description",  # the headline block: title, stand-first, byline (the title is named as such)
}
#: Words in a class or id that name a chrome container, and the kind it is.
CHROME_WORDS = {
    "breadcrumb": "navigation",
    "breadcrumbs": "navigation",
    "menu": "navigation",
    "nav": "navigation",
    "related": "related-links",
    "recommended": "related-links",
    "recommendations": "related-links",
    "trending": "related-links",
    "popular": "related-links",
    "latest": "related-links",
    "tags": "navigation",
    "outbrain": "related-links",
    "taboola": "related-links",
    "share": "social",
    "sharing": "social",
    "social": "social",
    "comment": "social",
    "comments": "social",
    "newsletter": "newsletter",
    "subscribe": "newsletter",
    "signup": "newsletter",
    "subscription": "newsletter",
    "caption": "caption",
    "credit": "photo-credit",
    "credits": "photo-credit",
    "promo": "advertisement",
    "advert": "advertisement",
    "advertisement": "advertisement",
    "sponsored": "advertisement",
}
#: Class names (whole) of elements the page does not show; their text is chrome (dialogs, screen-reader labels).
HIDDEN_CLASSES = frozenset(
    {"hide", "hidden", "is-hidden", "d-none", "sr-only", "visually-hidden", "screen-reader-text"}
)
_NOT_SHOWN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
#: A paragraph with at least this share of its text inside links is a list of links, not prose.
LINK_SHARE = 0.8
#: A line is a list of the page's tags when at least this share of its items are tags.
TAG_SHARE = 0.8
_LIST_SEPARATOR = re.compile(r"[,;|•·]")
_BARE_URL = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)
#: A container holding more than this share of the extracted text is part of the article, whatever its name.
CONTAINER_SHARE = 0.3
#: Precision mode must keep this share of the recall text for its start to mark where the article starts.
PRECISION_SHARE = 0.5
#: The head that precision mode leaves out is taken for chrome only when it is at most this share of the text.
HEAD_SHARE = 0.2
#: Elements whose text is the page's text; their own text is not indexed.
_SKIP = {"script", "style", "noscript", "template", "head", "title", "meta", "link"}
_WORD = re.compile(r"\w+")
_INVISIBLE = dict.fromkeys(map(ord, "\xad\u200b\u200c\u200d\u2060\ufeff"))
_CLASS_WORD = re.compile(r"[A-Za-z]+")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)


def words(text: str) -> str:
    """The lower-cased words of ``text``, one space apart: how lines are compared with the page.

    Soft hyphens and zero-width characters do not split words (extractors drop them).

    >>> words("  Hello,  World! "), words("Not\xadfall\u200bplan")
    ('hello world', 'notfallplan')
    """
    return " ".join(_WORD.findall(text.lower().translate(_INVISIBLE)))


@dataclass(frozen=True)
class Line:
    """One paragraph of the extracted text, and the kind of chrome the page shows it to be (``None``: none)."""

    text: str
    kind: str | None = None
    by: str = ""


@dataclass(frozen=True)
class Page:
    """What a page gives: its paragraphs, checked, and its metadata as trafilatura read it."""

    lines: tuple[Line, ...] = ()
    title: str | None = None
    authors: tuple[str, ...] = ()
    date: str | None = None
    site: str | None = None
    description: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    #: What the page declares in its markup (:mod:`cleaner.meta.structured`): facts to trust first, and weak ones.
    declared: tuple[Fact, ...] = ()
    declared_weak: tuple[Fact, ...] = ()


def parse(html: str) -> Any:
    """The page's tree (lxml), or ``None`` when there is none to parse."""
    import lxml.etree
    import lxml.html

    html = _XML_DECLARATION.sub("", html, count=1)
    if not html.strip():
        return None
    try:
        return lxml.html.document_fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return None


def class_words(element: Any) -> set[str]:
    """The lower-cased words of an element's class and id (``relatedLinks`` gives ``related`` and ``links``).

    >>> import lxml.html
    >>> sorted(class_words(lxml.html.fromstring('<div class="story-relatedLinks" id="share_bar"></div>')))
    ['bar', 'links', 'related', 'share', 'story']
    """
    names = f"{element.get('class') or ''} {element.get('id') or ''}"
    spaced = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", names)
    return {w.lower() for w in _CLASS_WORD.findall(spaced)}


def hidden(element: Any) -> bool:
    """True when the page does not show ``element``: a ``hidden`` attribute, ``display: none``, a hiding class.

    >>> import lxml.html
    >>> [hidden(lxml.html.fromstring(h)) for h in ('<div class="modal hide">x</div>', '<p hidden>x</p>',
    ...  '<div style="display:none">x</div>', '<div class="hide-on-mobile">x</div>', '<p>x</p>')]
    [True, True, True, False, False]
    """
    if element.get("hidden") is not None or _NOT_SHOWN.search(element.get("style") or ""):
        return True
    return not HIDDEN_CLASSES.isdisjoint((element.get("class") or "").lower().split())


def container_kind(element: Any, limit: int) -> str | None:
    """The kind of chrome container ``element`` is or sits in, looking up to the first holding over ``limit`` characters."""
    for ancestor in (element, *element.iterancestors()):
        if not isinstance(ancestor.tag, str) or ancestor.tag in ("body", "html", "main"):
            return None
        if len(words(ancestor.text_content())) > limit:
            return None
        if ancestor.tag == "article":  # an article inside an article is a teaser of another one
            return "related-links" if next(ancestor.iterancestors("article"), None) is not None else None
        if hidden(ancestor):
            return "boilerplate"
        if ancestor.tag == "blockquote" and not class_words(ancestor).isdisjoint(EMBED_CLASS_WORDS):
            return None  # a post quoted in the article, whatever its wrapper is called
        kind = CHROME_TAGS.get(ancestor.tag) or next(
            (CHROME_WORDS[w] for w in sorted(class_words(ancestor)) if w in CHROME_WORDS), None
        )
        if kind is not None:
            return kind
    return None


def link_share(element: Any) -> float:
    """The share of an element's text that sits inside links.

    >>> import lxml.html
    >>> link_share(lxml.html.fromstring('<p><a href="/a">Parking fees go up</a></p>'))
    1.0
    >>> link_share(lxml.html.fromstring('<p>The council, <a href="/c">its site</a> says, voted to keep it.</p>')) < 0.5
    True
    """
    text = len(words(element.text_content()))
    linked = sum(len(words(a.text_content())) for a in element.iter("a"))
    return min(1.0, linked / text) if text else 0.0


def chrome_in_page(tree: Any, lines: Sequence[str], total: int) -> dict[str, tuple[str, str]]:
    """The lines (by their :func:`words`) that the page shows to be chrome, with the kind and the rule.

    A line is chrome when every copy of it in the page sits in a chrome
    container (``html-container``), or is all, or nearly all, link text (a
    list of links: ``html-links``; a bare URL written out is not).
    """
    wanted = {words(line) for line in lines} - {""}
    found: dict[str, list[Any]] = {}
    for element in tree.iter():
        if not isinstance(element.tag, str) or element.tag in _SKIP:
            continue
        text = words(element.text_content())
        if text in wanted:
            found.setdefault(text, []).append(element)
    limit = int(CONTAINER_SHARE * total)
    chrome: dict[str, tuple[str, str]] = {}
    bare = {words(line) for line in lines if _BARE_URL.match(line.strip())}
    for text, elements in found.items():
        kinds = [container_kind(e, limit) for e in elements[:20]]
        if all(kinds) and kinds[0] is not None:
            chrome[text] = (kinds[0], "html-container")
        elif text not in bare and all(link_share(e) >= LINK_SHARE for e in elements[:20]):
            chrome[text] = ("related-links", "html-links")
    return chrome


def head_outside(recall: Sequence[str], precision: str) -> int:
    """How many lines at the top of ``recall`` come before the first that precision mode kept too.

    Zero when precision mode kept less than half the recall text (then it did
    not find the same article, and its start says nothing), and when the head
    it leaves out is more than a fifth of the text (a head that long is not chrome).

    >>> story = ["The first paragraph of the story, which goes on for a while.", "The second one, just as long as the first."]
    >>> head_outside(["Menu", "Headline", *story], "\\n".join(story))
    2
    """
    kept = words(precision)
    total = sum(len(words(line)) for line in recall)
    if not kept or len(kept) < PRECISION_SHARE * total:
        return 0
    for index, line in enumerate(recall):
        text = words(line)
        if text and text in kept:
            head = sum(len(words(before)) for before in recall[:index])
            return index if head <= HEAD_SHARE * total else 0
    return 0


#: Tags of the paragraphs taken from the article's other chunks.
PARAGRAPH_TAGS = ("p", "h2", "h3", "h4", "blockquote")
#: A paragraph left out between extracted ones is added back when it has at least this many words ...
PROSE_MIN_WORDS = 12
#: ... and less than this share of link text.
PROSE_LINK_SHARE = 0.5
#: Class words of the markup that embeds a post from a social network (quoted in the article: its text).
EMBED_CLASS_WORDS = frozenset({"tweet", "instagram", "tiktok"})
#: The article's paragraphs must share one parent shape at least this many times to name its chunks.
CHUNK_MIN = 3
#: A chunk must sit at most this many levels below what it shares with the extracted paragraphs.
CHUNK_DEPTH = 4


def shape(element: Any) -> tuple[str, str] | None:
    """An element's tag and class attribute: what the chunks of one article have in common (``None``: no class).

    >>> import lxml.html
    >>> shape(lxml.html.fromstring('<div class="body  story"><p>x</p></div>'))
    ('div', 'body story')
    >>> shape(lxml.html.fromstring('<div><p>x</p></div>')) is None
    True
    """
    names = " ".join((element.get("class") or "").split())
    return (element.tag, names) if names and isinstance(element.tag, str) else None


def _within(element: Any, ancestor: Any, depth: int) -> bool:
    return any(a is ancestor for a in list(element.iterancestors())[:depth])


def other_chunks(tree: Any, recall: Sequence[str]) -> list[tuple[int, str]]:
    """Paragraphs of the article that trafilatura left out because the page splits it into chunks.

    Pages cut long articles into several blocks (between ads or embeds), each
    with the same tag and class; trafilatura sometimes keeps the first only.
    The shape shared by the parents of most extracted paragraphs names the
    chunks; the paragraphs of the other blocks of that shape near them (in
    the same ``article``, not after another ``h1``, not in chrome, not lists of links) are added, each
    with the index of the recall line it goes after.  So are the posts
    embedded in the article (``<blockquote class="twitter-tweet">`` …) that
    trafilatura left out: the article quotes them.  Inside the blocks it
    kept, only prose paragraphs between two it kept are added (see
    :func:`left_out_prose`): it drops other paragraphs there for good reasons.
    """
    wanted = {words(line): index for index, line in enumerate(recall)}
    wanted.pop("", None)
    located: dict[int, Any] = {}
    for element in tree.iter(*PARAGRAPH_TAGS):
        index = wanted.get(words(element.text_content()))
        if index is not None and index not in located:
            located[index] = element
    parents = [e.getparent() for e in located.values() if e.getparent() is not None]
    shapes = collections.Counter(s for s in map(shape, parents) if s is not None)
    if not shapes:
        return []
    common, count = shapes.most_common(1)[0]
    if count < CHUNK_MIN:
        return []
    known = [p for p in parents if shape(p) == common]
    home = known[0]
    for parent in known[1:]:  # the lowest ancestor of the known chunks
        while not (parent is home or _within(parent, home, 10_000)):
            home = home.getparent()
    article = next(home.iterancestors("article"), None)
    order = {e: n for n, e in enumerate(tree.iter())}
    placed = sorted((order[e], i) for i, e in located.items())
    titles = [order[h] for h in tree.iter("h1")]  # a title after the article starts another one
    total = sum(len(words(line)) for line in recall)
    extracted = words(" ".join(recall))
    added: list[tuple[int, str]] = []  # (place in the page, text)
    for chunk in tree.iter(common[0]):
        if shape(chunk) != common or any(chunk is p for p in known):
            continue
        scope = home
        for _ in range(CHUNK_DEPTH):
            if _within(chunk, scope, CHUNK_DEPTH + 2) or scope.getparent() is None:
                break
            scope = scope.getparent()
        if not _within(chunk, scope, 10_000) or next(chunk.iterancestors("article"), None) is not article:
            continue
        if container_kind(chunk, int(CONTAINER_SHARE * total)) is not None:
            continue
        if any(min(placed)[0] < at < order[chunk] for at in titles):
            continue
        for element in chunk:
            if not isinstance(element.tag, str) or element.tag not in PARAGRAPH_TAGS:
                continue
            text = " ".join(element.text_content().split())
            if not words(text) or words(text) in wanted or link_share(element) >= LINK_SHARE:
                continue
            added.append((order[element], text))
    first, last = placed[0][0], placed[-1][0]
    for parent in {id(p): p for p in known}.values():
        inside = [e for e in parent if isinstance(e.tag, str) and e.tag == "p" and first < order[e] < last]
        added += [(order[e], prose) for e in inside if (prose := left_out_prose(e, extracted))]
    for post in home.iter("blockquote"):
        if class_words(post).isdisjoint(EMBED_CLASS_WORDS) or next(post.iterancestors("blockquote"), None) is not None:
            continue
        lines = post_lines(post)
        if not any(words(text) in extracted for text in lines):  # trafilatura kept it, in lines of its own
            added += [(order[post], text) for text in lines]
    return [(max((i for o, i in placed if o < at), default=-1), text) for at, text in sorted(added)]


def post_lines(post: Any) -> list[str]:
    """The lines of an embedded post: its paragraphs, then the rest (who posted it, and when).

    >>> import lxml.html
    >>> post_lines(lxml.html.fromstring('<blockquote><p>We did it!</p>— A Team (@team) May 1, 2019</blockquote>'))
    ['We did it!', '— A Team (@team) May 1, 2019']
    """
    rest = post.text_content()
    lines = []
    for paragraph in post.iter("p"):
        text = paragraph.text_content()
        rest = rest.replace(text, " ", 1)
        lines.append(" ".join(text.split()))
    return [line for line in [*lines, " ".join(rest.split())] if words(line)]


def left_out_prose(element: Any, extracted: str) -> str | None:
    """The text of a paragraph left out between two extracted ones, when it is prose that is not there yet.

    Prose: at least :data:`PROSE_MIN_WORDS` words, ending a sentence, less
    than half of it link text (trafilatura drops such paragraphs for their links).

    >>> import lxml.html
    >>> p = lxml.html.fromstring('<p>Her lawyer <a href="/x">said in an email to reporters</a> that he never meant to harm anyone at all.</p>')
    >>> left_out_prose(p, "")
    'Her lawyer said in an email to reporters that he never meant to harm anyone at all.'
    >>> left_out_prose(p, words(p.text_content())), left_out_prose(lxml.html.fromstring('<p>Sign up now</p>'), "")
    (None, None)
    """
    text = " ".join(element.text_content().split())
    found = words(text)
    if len(found.split()) < PROSE_MIN_WORDS or not looks_like_body(text) or found in extracted:
        return None
    return text if link_share(element) < PROSE_LINK_SHARE else None


def with_chunks(recall: Sequence[str], added: Sequence[tuple[int, str]]) -> list[str]:
    """``recall`` with each added paragraph after the line whose index it carries (-1: at the top).

    >>> with_chunks(["a", "b"], [(0, "x"), (1, "y"), (-1, "z")])
    ['z', 'a', 'x', 'b', 'y']
    """
    after: dict[int, list[str]] = {}
    for index, text in added:
        after.setdefault(index, []).append(text)
    lines = list(after.get(-1, []))
    for index, line in enumerate(recall):
        lines += [line, *after.get(index, [])]
    return lines


def split_authors(author: str | None) -> tuple[str, ...]:
    """trafilatura's author field (names joined by ``;``) as names.

    >>> split_authors("Jane Doe; John Roe"), split_authors(None)
    (('Jane Doe', 'John Roe'), ())
    """
    return tuple(name.strip() for name in (author or "").split(";") if name.strip())


def _lines(text: str | None) -> list[str]:
    return [line.strip() for line in (text or "").split("\n") if line.strip()]


def _listed(value: Any) -> list[str]:
    if not value:
        return []
    items = value if isinstance(value, (list, tuple)) else [value]
    return [part.strip() for item in items for part in str(item).split(",") if part.strip()]


def label_lines(recall: Sequence[str], precision: str, tree: Any, title: str | None = None) -> Iterator[Line]:
    """The recall lines, each with the kind of chrome the page shows it to be."""
    total = sum(len(words(line)) for line in recall)
    chrome = chrome_in_page(tree, recall, total) if tree is not None else {}
    head = head_outside(recall, precision)
    for index, line in enumerate(recall):
        text = words(line)
        if text in chrome:
            kind, by = chrome[text]
            yield Line(line, "title" if title and same_text(line, title) else kind, by)
        elif index < head:
            yield Line(line, "navigation", "html-head")
        else:
            yield Line(line)


def read_page(html: str, url: str | None = None) -> Page:
    """The paragraphs and metadata of a page (an empty :class:`Page` when there is no article)."""
    import trafilatura

    options: dict[str, Any] = {"url": url, "include_comments": False, "include_tables": True}
    tree = parse(html)  # trafilatura prunes the trees it is given: it gets the text, and parses it itself
    if tree is None:
        return Page()
    declared, weak = structured.page_facts(tree)
    found: Any = trafilatura.bare_extraction(html, favor_recall=True, with_metadata=True, **options)
    if found is None:
        return Page()
    recall = _lines(found.text)
    recall = with_chunks(recall, other_chunks(tree, recall))
    precision = trafilatura.extract(html, favor_precision=True, **options) or ""
    extra = {
        "url": found.url or url,
        "categories": _listed(found.categories),
        "tags": _listed(found.tags),
    }
    return Page(
        lines=tuple(label_lines(recall, precision, tree, found.title)),
        title=found.title or None,
        authors=split_authors(found.author),
        date=found.date or None,
        site=found.sitename or None,
        description=found.description or None,
        extra={k: v for k, v in extra.items() if v},
        declared=declared,
        declared_weak=weak,
    )


def same_text(a: str | None, b: str | None) -> bool:
    """True when two texts have the same words (a title and its copy in the text).

    >>> same_text("Talks go on", "Talks go on."), same_text("Talks go on", "Talks stop")
    (True, False)
    """
    return bool(a and b) and words(a or "") == words(b or "")


def page_facts(page: Page) -> tuple[Fact, ...]:
    """What the page declares, as facts that come before any the text gives: its structured data
    first, then what trafilatura read (its authors only when the structured data names none), then
    the weak facts of the structured data.

    >>> [(f.field, f.value) for f in page_facts(Page(title="Talks go on", authors=("Jane Doe",)))]
    [('title', 'Talks go on'), ('authors', ('Jane Doe',))]
    """
    named = any(f.field == "authors" for f in page.declared)
    facts = [*page.declared, Fact("title", page.title, "html"), Fact("authors", () if named else page.authors, "html")]
    stamp = parse_stamp(page.date) if page.date else None
    if stamp is not None:
        facts.append(Fact("stamp", stamp, "html"))
    facts += [Fact("site", page.site, "html"), Fact("description", page.description, "html"), *page.declared_weak]
    return tuple(f for f in facts if f.value)


def is_tag_list(text: str, tags: Collection[str]) -> bool:
    """True when ``text`` is a list of the page's own tags or categories (at least two, nearly all of it).

    >>> is_tag_list("library, city council, budget", ["Library", "City council", "Budget"])
    True
    >>> is_tag_list("The library, the council and the budget were discussed.", ["Library", "Budget"])
    False
    """
    known = {words(t) for t in tags} - {""}
    parts = [w for part in _LIST_SEPARATOR.split(text) if (w := words(part))]
    return bool(known) and len(parts) >= 2 and sum(p in known for p in parts) >= TAG_SHARE * len(parts)


def relabel(doc: Document, lines: Sequence[Line], tags: Collection[str] = ()) -> Document:
    """Label the kept blocks that the page shows to be chrome.

    Chrome containers and lists of the page's tags are matched anywhere; the
    page's head only from the top, up to the first kept block that is not part of it.
    """
    container = {words(line.text): line for line in lines if line.by in ("html-container", "html-links")}
    head = {words(line.text): line for line in lines if line.by == "html-head"}
    in_head = True
    blocks = list(doc.blocks)
    for index, block in enumerate(blocks):
        if not block.kept:
            continue
        text = words(block.text)
        line = container.get(text) or (head.get(text) if in_head else None)
        in_head = in_head and text in head
        if line is not None and line.kind is not None:
            blocks[index] = Block(block.text, line.kind, line.by)
        elif is_tag_list(block.text, tags):
            blocks[index] = Block(block.text, "navigation", "html-tags")
    return doc.with_blocks(blocks)


def clean_page(
    html: str, pipeline: Pipeline, url: str | None = None, meta: Mapping[str, Any] | None = None, source: str = ""
) -> Result:
    """The result of a page through ``pipeline``: trafilatura's text, checked against the page, then the chain.

    The page's title goes before the text when the text does not start with
    it, so the chain reads the head as it would read a scraped article; if
    the chain does not take it for the title, it is labelled as the title
    and the chain is run again.  Page-dump mode is for whole-page text: on
    trafilatura's text it runs only when the config says ``"on"``.
    """
    if pipeline.config.page_mode == "auto" and "page_mode" in pipeline.names:
        pipeline = pipeline.without("page_mode")
    page = read_page(html, url)
    blocks = [Block(line.text) for line in page.lines]
    added = bool(page.title) and not (blocks and same_text(blocks[0].text, page.title))
    if added:
        blocks.insert(0, Block(page.title or ""))
    doc = Document(blocks=tuple(blocks), facts=page_facts(page), source=source, meta={**page.extra, **(meta or {})})
    done = pipeline(doc)
    if added and done.blocks and done.blocks[0].kept:
        done = pipeline(doc.relabel(0, "title", by="html-title"))
    tags = [*page.extra.get("tags", []), *page.extra.get("categories", [])]
    return assemble(relabel(one_title(done, page.title), page.lines, tags), pipeline.config)


def one_title(doc: Document, title: str | None) -> Document:
    """Blocks the chain took for a title after the page's own title go back to the text.

    The page says what its title is; a second "title" below it is a
    subheading or a short first paragraph.

    >>> doc = Document(blocks=(Block("Talks go on", "title", "title"), Block("Why now?", "title", "title"), Block("Text.")))
    >>> [b.kind for b in one_title(doc, "Talks go on").blocks]
    ['title', 'body', 'body']
    """
    if not title:
        return doc
    blocks = list(doc.blocks)
    seen = False
    for index, block in enumerate(blocks):
        if block.kind == "title" and seen and not same_text(block.text, title):
            blocks[index] = Block(block.text)
        seen = seen or (block.kind == "title" and same_text(block.text, title))
    return doc.with_blocks(blocks)
