"""A page's text as blocks, each with the page's signals: the container it sits in, its links, whether it shows.

:func:`page_blocks` walks the parsed page once, in document order, and cuts
its text where the page starts a new block (a paragraph, a heading, a list
item, a table row, a ``div`` …).  Each block keeps what the page
says about it (:class:`cleaner.document.PageSignals`), which the block model reads beside the text's own shape:

- the tag of the element holding it, and the kinds of container above it
  (``nav``, ``aside``, ``footer``, ``header``, ``article``, ``main``, ``form``,
  a list, a table, a figure, a heading);
- which families of words the ``class`` and ``id`` of those containers hold
  (menus, related links, sharing, comments, ads … or article, content, post);
- how much of its text sits inside links, and whether the page hides it.

A list item reads ``- item``; a table row whose cells hold no blocks of their
own reads ``| a | b |``, as trafilatura writes them.  Scripts, styles, forms'
controls and other text a reader never sees are left out.

>>> import lxml.html
>>> tree = lxml.html.document_fromstring('''<html><body><nav><a href="/">Home</a> <a href="/w">World</a></nav>
... <article><h1>Talks go on</h1><p>The talks went <a href="/x">on for hours</a>, officials said.</p>
... <ul><li>First point</li><li>Second point</li></ul></article>
... <footer class="site-footer">© 2024 Example</footer></body></html>''')
>>> [(b.text, b.page.tag) for b in page_blocks(tree)]
[('Home World', 'nav'), ('Talks go on', 'h1'), ('The talks went on for hours, officials said.', 'p'), ('- First point', 'li'), ('- Second point', 'li'), ('© 2024 Example', 'footer')]
>>> blocks = page_blocks(tree)
>>> blocks[0].page.links, round(blocks[2].page.links, 2), blocks[5].page.within & CONTAINER["footer"] != 0
(1.0, 0.27, True)
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from cleaner.document import CONTAINER, NAMED, Block, PageSignals

#: Elements that start and end a block of text.
BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "center",
        "dd",
        "details",
        "dialog",
        "dir",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "frameset",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hgroup",
        "hr",
        "html",
        "legend",
        "li",
        "main",
        "menu",
        "nav",
        "noframes",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
        "caption",
    ]
)
#: Elements whose text a reader never sees as text.
SKIP_TAGS = frozenset(
    [
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "math",
        "iframe",
        "object",
        "embed",
        "canvas",
        "video",
        "audio",
        "select",
        "option",
        "head",
        "title",
        "meta",
        "link",
        "input",
        "textarea",
        "datalist",
    ]
)
_CONTAINER_OF = {
    "nav": "nav",
    "aside": "aside",
    "footer": "footer",
    "header": "header",
    "article": "article",
    "main": "main",
    "form": "form",
    "ul": "list",
    "ol": "list",
    "li": "list",
    "dl": "list",
    "menu": "list",
    "table": "table",
    "figure": "figure",
    "figcaption": "figure",
    "h1": "heading",
    "h2": "heading",
    "h3": "heading",
    "h4": "heading",
    "h5": "heading",
    "h6": "heading",
    "a": "a",
}
#: Families of words in ``class`` and ``id`` attributes, each a bit of :attr:`PageSignals.named`.
NAME_FAMILIES: dict[str, tuple[str, ...]] = {
    "menu": ("nav", "navbar", "navigation", "menu", "breadcrumb", "breadcrumbs", "topbar", "masthead", "skip"),
    "related": (
        "related",
        "recommended",
        "recommendations",
        "trending",
        "popular",
        "latest",
        "more",
        "readmore",
        "next",
        "outbrain",
        "taboola",
        "teaser",
        "teasers",
        "promo",
        "card",
        "cards",
    ),
    "social": ("share", "sharing", "social", "follow", "sharebar"),
    "comment": ("comment", "comments", "disqus", "reply", "respond", "discussion"),
    "newsletter": ("newsletter", "subscribe", "subscription", "signup", "optin", "mailchimp", "cta"),
    "ad": ("ad", "ads", "advert", "advertisement", "sponsored", "sponsor", "banner", "dfp", "gpt"),
    "side": ("sidebar", "widget", "widgets", "rail", "aside", "secondary"),
    "foot": ("footer", "copyright", "legal", "colophon", "bottom"),
    "head": ("header", "top"),
    "meta": ("meta", "byline", "author", "date", "time", "posted", "dateline", "tags", "tag", "category", "categories"),
    "media": ("caption", "credit", "credits", "gallery", "image", "photo", "figure", "media", "video"),
    "content": (
        "article",
        "content",
        "post",
        "entry",
        "story",
        "body",
        "text",
        "main",
        "prose",
        "blog",
        "single",
        "page",
    ),
    "hidden": (
        "hide",
        "hidden",
        "d-none",
        "sr-only",
        "visually-hidden",
        "screen-reader-text",
        "modal",
        "popup",
        "overlay",
        "cookie",
        "consent",
        "gdpr",
    ),
}
_FAMILY_OF = {word: NAMED[family] for family, ws in NAME_FAMILIES.items() for word in ws}
_CLASS_WORD = re.compile(r"[a-z]+")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_NOT_SHOWN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_SPACE = re.compile(r"\s+")


def name_bits(element: Any) -> int:
    """The families of words an element's ``class`` and ``id`` hold, as bits of :data:`NAMED`.

    >>> import lxml.html
    >>> bits = name_bits(lxml.html.fromstring('<div class="story-relatedLinks" id="share_bar"></div>'))
    >>> bits & NAMED["related"] != 0, bits & NAMED["social"] != 0, bits & NAMED["ad"] != 0
    (True, True, False)
    """
    names = f"{element.get('class') or ''} {element.get('id') or ''}"
    if not names.strip():
        return 0
    bits = 0
    for word in _CLASS_WORD.findall(_CAMEL.sub(" ", names).lower()):
        bits |= _FAMILY_OF.get(word, 0)
    return bits


def is_hidden(element: Any) -> bool:
    """True when the page does not show ``element``.

    >>> import lxml.html
    >>> [is_hidden(lxml.html.fromstring(h)) for h in ('<p hidden>x</p>', '<p style="display:none">x</p>', '<p>x</p>')]
    [True, True, False]
    """
    if element.get("hidden") is not None or element.get("aria-hidden") == "true":
        return True
    return bool(_NOT_SHOWN.search(element.get("style") or ""))


def _plain_row(row: Any) -> bool:
    """True when no cell of a table row holds a block of its own: the row is one line of a data table."""
    cells = [c for c in row if isinstance(c.tag, str) and c.tag in ("td", "th")]
    if not cells:
        return False
    for cell in cells:
        for inner in cell.iterdescendants():
            if isinstance(inner.tag, str) and inner.tag in BLOCK_TAGS:
                return False
    return True


@dataclass
class _Frame:
    element: Any
    tag: str
    within: int
    named: int
    near: int
    hidden: bool
    depth: int
    row: bool = False
    #: A number for this element, and the number of the element it stands in (blocks with one parent are siblings).
    number: int = 0
    parent: int = 0


def _visible(text: str) -> int:
    """How many characters of ``text`` are not spaces (nor cell separators)."""
    return len(text) - sum(map(text.count, (" ", "\n", "\t", "\r", "\ue000", "\xa0")))


class _Blocks:
    """Collects the text of the open block, and cuts it into :class:`PageBlock` objects."""

    def __init__(self) -> None:
        self.out: list[Block] = []
        self.parts: list[str] = []
        self.linked = 0
        self.frame: _Frame | None = None
        self.prefix = ""

    def add(self, text: str | None, frame: _Frame, in_link: bool) -> None:
        if not text:
            return
        if self.frame is None:
            self.frame = frame
        self.parts.append(text)
        if in_link:
            self.linked += _visible(text)

    def cut(self) -> None:
        text = _SPACE.sub(" ", "".join(self.parts)).strip()
        frame = self.frame
        if text and frame is not None:
            if frame.row:
                text = "| " + " | ".join(c.strip() for c in text.split("\ue000") if c.strip()) + " |"
            else:
                text = text.replace("\ue000", " ").strip()
                text = _SPACE.sub(" ", text)
            if text and text != "| |":
                links = min(1.0, self.linked / max(1, _visible(text)))
                signals = PageSignals(
                    frame.tag, frame.within, frame.named, frame.near, links, frame.hidden, frame.depth, frame.parent
                )
                self.out.append(Block(self.prefix + text, page=signals))
        self.parts, self.linked, self.frame, self.prefix = [], 0, None, ""


def _events(root: Any) -> Iterator[tuple[int, Any]]:
    """``(1, element)`` on entering an element, ``(0, element)`` on leaving it, without recursion."""
    stack: list[tuple[Any, Iterator[Any] | None]] = [(root, None)]
    while stack:
        element, children = stack[-1]
        if children is None:
            yield 1, element
            children = iter(element)
            stack[-1] = (element, children)
        child = next(children, None)
        if child is None:
            stack.pop()
            yield 0, element
        else:
            stack.append((child, None))


def _frame(element: Any, tag: str, parent: _Frame, number: int) -> _Frame:
    bits = name_bits(element)
    up = element.getparent()
    return _Frame(
        element,
        tag,
        parent.within | CONTAINER.get(_CONTAINER_OF.get(tag, ""), 0),
        parent.named | bits,
        bits | (name_bits(up) if up is not None else 0),
        parent.hidden or is_hidden(element) or bits & NAMED["hidden"] != 0,
        parent.depth + 1,
        number=number,
        parent=parent.number,
    )


def page_blocks(tree: Any) -> list[Block]:
    """The blocks of the page's visible text, in order, with their signals."""
    body = tree.find(".//body")
    root = body if body is not None else tree
    blocks = _Blocks()
    frames = [_Frame(None, "body", 0, 0, 0, False, 0)]
    links = skipping = opened = 0
    for entering, element in _events(root):
        tag = element.tag if isinstance(element.tag, str) else ""
        if entering:
            if skipping or not tag or tag in SKIP_TAGS:
                skipping += 1
                continue
            if tag == "a":
                links += 1
            if tag == "br":
                blocks.cut()
            elif tag in ("td", "th") and frames[-1].row:
                blocks.add("\ue000", frames[-1], False)
            elif tag in BLOCK_TAGS and element is not root:
                blocks.cut()
                opened += 1
                frame = _frame(element, tag, frames[-1], opened)
                frame.row = tag == "tr" and _plain_row(element)
                frames.append(frame)
                if tag == "li":
                    blocks.prefix = "- "
            blocks.add(element.text, frames[-1], links > 0)
            continue
        if skipping:
            skipping -= 1
            if not skipping:
                blocks.add(element.tail, frames[-1], links > 0)
            continue
        if tag == "a":
            links -= 1
        if element is frames[-1].element:
            blocks.cut()
            frames.pop()
        if element is not root:
            blocks.add(element.tail, frames[-1], links > 0)
    blocks.cut()
    return blocks.out
