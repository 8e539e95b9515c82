"""In how many documents of its site each line occurs, counted in bounded memory.

The site-template pass (:mod:`cleaner.corpus`) counts, for every site, the
documents each distinct line hash occurs in.  A crawl of a gigabyte holds
millions of distinct lines, and a counter of them in memory would grow with
the input.  :class:`SiteLineCounts` keeps at most ``in_memory`` distinct
(site, line) pairs in memory; when it holds more, it adds what it has to
files on disk, one per slice of the hashes (``parts`` of them), and starts
again.  At the end each slice is read back alone and summed, so the counts
held in memory are never more than ``in_memory`` pairs or one slice's, and
they are exactly what one counter in memory would give.  (What stays in
memory throughout is one number per distinct document, to pass over copies.)

>>> counts = SiteLineCounts(in_memory=2, parts=3)
>>> for site, whole, lines in [("s", 1, {7, 8}), ("s", 2, {7, 9}), ("s", 3, {7, 8}), ("s", 1, {7, 8})]:
...     counts.add(site, whole, lines)
>>> {site: sorted(lines) for site, lines in counts.recurring(min_docs=2).items()}
{'s': [7, 8]}
"""

from __future__ import annotations

import struct
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

#: Distinct (site, line) pairs held in memory before they go to disk (about 100 bytes each).
IN_MEMORY = 50_000
#: Slices of the hashes on disk: at the end, one slice at a time is in memory.
PARTS = 64
#: One count on disk: the site's number, the line's hash, the documents it was seen in.
_RECORD = struct.Struct("<IQI")
_MASK = (1 << 64) - 1


class SiteLineCounts:
    """Per site, the number of documents each line hash occurs in; a copy of a document seen before counts nothing."""

    def __init__(self, in_memory: int = IN_MEMORY, parts: int = PARTS) -> None:
        self.in_memory = in_memory
        self.parts = parts
        self._sites: dict[str, int] = {}
        self._seen: set[int] = set()
        self._counts: Counter[int] = Counter()
        self._folder: tempfile.TemporaryDirectory[str] | None = None
        self._files: list[BinaryIO] = []

    def add(self, site: str, whole: int, lines: Iterable[int]) -> None:
        """Count one document of ``site``: the hash of its text, and the hashes of its lines."""
        base = self._sites.setdefault(site, len(self._sites)) << 64
        if base | whole in self._seen:
            return
        self._seen.add(base | whole)
        self._counts.update(base | line for line in set(lines))
        if len(self._counts) > self.in_memory:
            self._spill()

    def recurring(self, min_docs: int) -> dict[str, frozenset[int]]:
        """Each site's line hashes found in at least ``min_docs`` of its documents (sites with none left out)."""
        names = {number: site for site, number in self._sites.items()}
        found: dict[int, set[int]] = {}
        for key, count in self._totals():
            if count >= min_docs:
                found.setdefault(key >> 64, set()).add(key & _MASK)
        self._close()
        return {names[number]: frozenset(lines) for number, lines in sorted(found.items())}

    def _totals(self) -> Iterator[tuple[int, int]]:
        if self._folder is None:
            yield from self._counts.items()
            return
        self._spill()
        for handle in self._files:
            handle.flush()
            handle.seek(0)
            part: Counter[int] = Counter()
            for number, line, count in _RECORD.iter_unpack(handle.read()):
                part[number << 64 | line] += count
            yield from part.items()

    def _spill(self) -> None:
        """Add the counts in memory to the slices on disk, and empty them."""
        if self._folder is None:
            self._folder = tempfile.TemporaryDirectory(prefix="cleaner-counts-")
            folder = Path(self._folder.name)
            self._files = [(folder / f"{n}.bin").open("w+b") for n in range(self.parts)]
        chunks: list[list[bytes]] = [[] for _ in range(self.parts)]
        for key, count in self._counts.items():
            line = key & _MASK
            chunks[line % self.parts].append(_RECORD.pack(key >> 64, line, count))
        for handle, chunk in zip(self._files, chunks, strict=True):
            handle.write(b"".join(chunk))
        self._counts.clear()

    def _close(self) -> None:
        for handle in self._files:
            handle.close()
        self._files = []
        if self._folder is not None:
            self._folder.cleanup()
            self._folder = None
