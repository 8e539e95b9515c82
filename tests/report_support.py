"""A small mixed corpus for the report tests (no tests here), and a reader of the report's HTML."""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from html_pages import page
from test_cli_support import SAMPLES

MOJIBAKE = (
    "The mayor said it\u00e2\u20ac\u2122s too early to say how much the new bridge over the river will cost the city.\n\n"
    "Engineers will report to the council in the spring, and work could start before the end of next year.\n"
)
MISSPELLED = (
    "Residents will recieve a letter about the new bus routes before the end of the month, the council said.\n\n"
    "The changes follow a long consultation in which many people asked for more buses in the evening.\n"
)
CHROME_ONLY = "Share on Facebook\n\nFollow us on Twitter\n"


def build_corpus(folder: Path) -> Path:
    """A folder of the five samples, two pages, and a JSONL file (mojibake, a misspelling, chrome only, a bad line)."""
    shutil.copytree(SAMPLES, folder / "samples")
    pages = folder / "pages"
    pages.mkdir()
    (pages / "library.html").write_text(page(), encoding="utf-8")
    (pages / "second.html").write_text(page(title="Second page about the library"), encoding="utf-8")
    records = [
        {"id": "mojibake", "text": MOJIBAKE, "url": "https://news.example.com/bridge"},
        {"id": "misspelled", "text": MISSPELLED, "url": "https://news.example.com/buses"},
        {"id": "chrome", "text": CHROME_ONLY, "url": "https://other.example.org/x"},
    ]
    lines = [json.dumps(r) for r in records] + ["{not json"]
    (folder / "records.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    text: str = ""
    children: list[Element] = field(default_factory=list)


class Tree(HTMLParser):
    """The elements of a page, each with its text (enough to look charts and views up by id and class)."""

    VOID = frozenset({"meta", "br", "col", "img", "input", "link", "hr"})

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("root", {})
        self.stack = [self.root]
        self.all: list[Element] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(element)
        self.all.append(element)
        if tag not in self.VOID:
            self.stack.append(element)

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return

    def handle_data(self, data: str) -> None:
        for element in self.stack[1:]:
            element.text += data

    def by_id(self, ident: str) -> Element:
        (found,) = [e for e in self.all if e.attrs.get("id") == ident]
        return found

    def find(self, tag: str, cls: str | None = None, within: Element | None = None) -> list[Element]:
        pool = descendants(within) if within is not None else self.all
        return [e for e in pool if e.tag == tag and (cls is None or cls in e.attrs.get("class", "").split())]


def descendants(element: Element) -> list[Element]:
    out: list[Element] = []
    for child in element.children:
        out.append(child)
        out.extend(descendants(child))
    return out


def bar_titles(tree: Tree, chart: str) -> list[str]:
    """The hover titles of a chart's bars (``label: value``), in order."""
    return [
        next(c.text for c in bar.children if c.tag == "title")
        for bar in tree.find("rect", "bar", within=tree.by_id(chart))
    ]
