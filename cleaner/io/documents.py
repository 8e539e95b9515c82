"""An input as the chain reads it: an :class:`~cleaner.io.readers.Item` made a :class:`~cleaner.document.Document`.

A page is checked for binary data, decoded and read (:func:`cleaner.io.html.read_html`:
its blocks with their signals, and what it declares); text becomes one block.
Either way the record's own fields go into the document's metadata, and the
document knows its site (:func:`site_of`), whose template applies to it.

>>> from pathlib import Path
>>> doc = document_of(Item("data/a.txt", "a", text="Talks go on.", path=Path("data/a.txt")))
>>> [b.text for b in doc.blocks], doc.source, doc.site
(['Talks go on.'], 'data/a.txt', 'data')
"""

from __future__ import annotations

from pathlib import PurePath
from urllib.parse import urlsplit

from cleaner.document import Document
from cleaner.io.errors import BinaryInput, InputError
from cleaner.io.readers import Item
from cleaner.io.text import MAX_ODD_SHARE, binary_reason, odd_share


def site_of(url: str | None = None, path: str | PurePath | None = None, whole_file: bool = True) -> str:
    """The site a document belongs to: its URL's host, else its folder (or its file, for a record in a file).

    >>> site_of("https://www.Example.com/news/1"), site_of(None, "data/bbc/a.txt"), site_of(None, "dump.jsonl", False)
    ('example.com', 'data/bbc', 'dump.jsonl')
    >>> site_of()
    ''
    """
    if url:
        host = (urlsplit(url if "//" in url else "//" + url).hostname or "").lower()
        if host:
            return host.removeprefix("www.")
    if path is not None:
        p = PurePath(path)
        return (p.parent if whole_file else p).as_posix()
    return ""


def item_site(item: Item) -> str:
    """The site of one input: its URL's host, else its folder (or its file, for a record in a file).

    >>> item_site(Item("feed.jsonl:3", "3", text="x", url="https://news.example.org/a"))
    'news.example.org'
    """
    return site_of(item.url, item.path if item.path is not None else item.source, item.whole_file)


def item_by_url(item: Item) -> bool:
    """True when the site of an input is its URL's host; false when it is only its folder or file.

    >>> item_by_url(Item("feed.jsonl:3", "3", text="x", url="https://news.example.org/a")), item_by_url(Item("a.txt", "a"))
    (True, False)
    """
    return bool(item.url) and bool(site_of(item.url))


def page_text(item: Item) -> str:
    """The text of an item's page: its bytes decoded (see :mod:`cleaner.io.decode`), refused when they are binary.

    >>> page_text(Item("a.html", "a", html=b"<p>caf\\xc3\\xa9</p>"))
    '<p>café</p>'
    >>> page_text(Item("b.html", "b", html=b"GIF89a\\x01\\x02"))
    Traceback (most recent call last):
    ...
    cleaner.io.errors.BinaryInput: b.html: binary data (GIF image), not a page
    """
    from cleaner.io.decode import decode_html

    assert item.html is not None
    if isinstance(item.html, bytes) and (reason := binary_reason(item.html)) is not None:
        raise BinaryInput(item.source, f"binary data ({reason}), not a page")
    html = decode_html(item.html, item.charset)
    share = odd_share(html, replaced=isinstance(item.html, bytes))
    if share > MAX_ODD_SHARE:
        raise BinaryInput(item.source, f"binary data ({share:.0%} control or undecodable characters), not a page")
    return html


def document_of(item: Item) -> Document:
    """The document of one input: a page read with its signals, or a text as one block."""
    if item.html is not None:
        from cleaner.io.html import read_html

        return read_html(page_text(item), item.url, meta=item.meta, source=item.source, site=item_site(item))
    if item.text is None:
        raise InputError(item.source, "no plain text to clean in this input")
    return Document.from_text(item.text, source=item.source, meta=item.meta, site=item_site(item))
