"""The bench sets, their pages and the metric: what every script in ``scripts/`` measures with.

A set is a folder of ``../shared/bench`` (``scrapinghub``, ``wcxb-dev``) holding, per page,
``html/<id>.html.gz``, ``gold/<id>.txt``, ``text_recall/<id>.txt``, ``text_full/<id>.txt``,
and ``meta.jsonl`` (one record per page: ``id``, ``url``, ``domain`` …).

The metric is the one the published extractor benchmarks use: per page, lower-cased ``\\w+``
tokens, multiset overlap with the gold, giving precision, recall and F1; then the means.

>>> score("the cat sat", "the cat sat on the mat")
(1.0, 0.5, 0.6666666666666666)
>>> score("", ""), score("", "gold")
((1.0, 1.0, 1.0), (0.0, 0.0, 0.0))
"""

from __future__ import annotations

import collections
import gzip
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT.parent / "shared" / "bench"
SETS = ("scrapinghub", "wcxb-dev")
INPUTS = ("text_recall", "text_full", "html")
_TOKEN = re.compile(r"\w+")


def tokens(text: str) -> collections.Counter[str]:
    """Lower-cased ``\\w+`` tokens as a multiset.

    >>> tokens("The cat, the hat.")
    Counter({'the': 2, 'cat': 1, 'hat': 1})
    """
    return collections.Counter(_TOKEN.findall(text.lower()))


def score(predicted: str, gold: str) -> tuple[float, float, float]:
    """Precision, recall and F1 of the token multisets of ``predicted`` against ``gold``."""
    p, g = tokens(predicted), tokens(gold)
    overlap = sum((p & g).values())
    precision = overlap / sum(p.values()) if p else float(not g)
    recall = overlap / sum(g.values()) if g else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


@dataclass(frozen=True)
class Page:
    """One page of a set: its id, its site, and where its inputs lie."""

    set: str
    id: str
    folder: Path
    url: str | None
    site: str

    @property
    def gold(self) -> str:
        return (self.folder / "gold" / f"{self.id}.txt").read_text(encoding="utf-8")

    def text(self, variant: str) -> str:
        """The text of ``text_recall`` or ``text_full``."""
        return (self.folder / variant / f"{self.id}.txt").read_text(encoding="utf-8")

    @property
    def html(self) -> bytes:
        """The page's bytes, as fetched."""
        return gzip.decompress((self.folder / "html" / f"{self.id}.html.gz").read_bytes())

    def raw(self, variant: str) -> str | bytes:
        return self.html if variant == "html" else self.text(variant)


@dataclass(frozen=True)
class Folds:
    """The fold models of ``train_block_model.py --folds``, and the fold each site was held out in."""

    folder: Path
    sites: dict[str, int]

    @classmethod
    def read(cls, folder: Path) -> Folds:
        return cls(folder, json.loads((folder / "sites.json").read_text(encoding="utf-8")))

    def model_for(self, page: Page) -> str:
        """The fold model fitted without ``page``'s site.

        >>> Folds(Path("folds"), {"example.org": 3}).model_for(Page("s", "1", Path("."), None, "example.org"))
        'folds/fold-3.json'
        """
        fold = self.sites.get(page.site)
        if fold is None:
            raise SystemExit(f"--cv: no fold for site {page.site} (retrain with this set)")
        return str(self.folder / f"fold-{fold}.json")


@dataclass(frozen=True)
class BenchSet:
    """A set of pages, by name (a folder of ``../shared/bench``) or by path."""

    name: str
    folder: Path

    @classmethod
    def find(cls, name: str) -> BenchSet:
        """The set called ``name``, or the folder ``name`` names.

        >>> BenchSet.find("/nowhere/at/all")
        Traceback (most recent call last):
        ...
        SystemExit: no bench set at /nowhere/at/all (give a folder holding gold/ and html/, or one of: scrapinghub, wcxb-dev)
        """
        path = Path(name)
        folder = path if (path / "gold").is_dir() else BENCH / name
        if not (folder / "gold").is_dir():
            raise SystemExit(
                f"no bench set at {name} (give a folder holding gold/ and html/, or one of: {', '.join(SETS)})"
            )
        return cls(folder.name, folder)

    @cached_property
    def pages(self) -> tuple[Page, ...]:
        """Every page, in id order."""
        meta: dict[str, dict[str, str]] = {}
        listing = self.folder / "meta.jsonl"
        if listing.is_file():
            for line in listing.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    record = json.loads(line)
                    meta[str(record["id"])] = record
        ids = sorted(p.name.removesuffix(".txt") for p in (self.folder / "gold").glob("*.txt"))
        return tuple(self._page(i, meta.get(i, {})) for i in ids)

    def _page(self, ident: str, record: dict[str, str]) -> Page:
        url = record.get("url") or None
        site = record.get("domain") or _host(url) or ident
        return Page(self.name, ident, self.folder, url, site.removeprefix("www."))

    def __iter__(self) -> Iterator[Page]:
        return iter(self.pages)


def _host(url: str | None) -> str:
    """The host of a URL.

    >>> _host("https://www.example.com/a/b"), _host(None)
    ('www.example.com', '')
    """
    if not url:
        return ""
    m = re.match(r"\w+://([^/:?#]+)", url)
    return m.group(1).lower() if m else ""
