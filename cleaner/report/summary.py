"""One document's part of the report: what was kept and removed, in blocks and tokens, and what was fixed.

A :class:`Summary` is small and plain (it travels back from worker processes
as JSON); it keeps the blocks themselves so that the report can show the
documents that changed most side by side.

>>> from cleaner import clean
>>> s = summarise(clean("Talks go on\\n\\nBy Jane Doe\\n\\nThe talks went on for hours, officials said.\\n"), "a.txt")
>>> s.tokens, s.kept, s.removed
(14, 8, (('byline', 1, 3), ('title', 1, 3)))
>>> round(s.share_kept, 3), s.language, [b.kind for b in s.blocks]
(0.571, None, ['title', 'byline', 'body'])
>>> Summary.from_json(s.to_json()) == s
True
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from cleaner.document import Result

_TOKEN = re.compile(r"\w+")


def tokens(text: str) -> int:
    """How many word tokens (``\\w+``, as the benchmarks count) a text has.

    >>> tokens("It's 5 o'clock — isn't it?")
    8
    """
    return len(_TOKEN.findall(text))


@dataclass(frozen=True, slots=True)
class Shown:
    """A block as the side-by-side view shows it."""

    kind: str
    by: str
    text: str
    kept: bool
    #: Why it stands as it does (:class:`cleaner.document.Why`, as text).
    why: str = ""


@dataclass(frozen=True, slots=True)
class Summary:
    """What the report needs of one cleaned document."""

    source: str
    site: str = ""
    language: str | None = None
    tokens: int = 0  # in every block of the input
    kept: int = 0  # in the blocks kept in the text
    removed: tuple[tuple[str, int, int], ...] = ()  # (kind, blocks, tokens), by kind
    fixes: tuple[tuple[str, str, str], ...] = ()  # (kind, before, after), in order
    blocks: tuple[Shown, ...] = ()

    @property
    def share_kept(self) -> float:
        """The share of the input's tokens kept in the text (1.0 for a document without tokens)."""
        return self.kept / self.tokens if self.tokens else 1.0

    @property
    def removed_tokens(self) -> int:
        return self.tokens - self.kept

    def without_blocks(self) -> Summary:
        """The same summary without its blocks (what the report keeps of most documents)."""
        return Summary(self.source, self.site, self.language, self.tokens, self.kept, self.removed, self.fixes)

    def to_json(self) -> str:
        """One line of JSON."""
        data: dict[str, Any] = {
            "source": self.source,
            "site": self.site,
            "language": self.language,
            "tokens": self.tokens,
            "kept": self.kept,
            "removed": self.removed,
            "fixes": self.fixes,
            "blocks": [(b.kind, b.by, b.text, b.kept, b.why) for b in self.blocks],
        }
        return json.dumps(data, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> Summary:
        """The summary :meth:`to_json` wrote."""
        data = json.loads(text)
        return cls(
            source=data["source"],
            site=data["site"],
            language=data["language"],
            tokens=data["tokens"],
            kept=data["kept"],
            removed=tuple((k, b, t) for k, b, t in data["removed"]),
            fixes=tuple((k, b, a) for k, b, a in data["fixes"]),
            blocks=tuple(Shown(k, by, text, kept, why) for k, by, text, kept, why in data["blocks"]),
        )


def summarise(result: Result, source: str, site: str = "", keep: Collection[str] = ()) -> Summary:
    """The summary of one result; blocks of a kind in ``keep`` count as kept (they are in the text)."""
    shown = tuple(
        Shown(b.kind, b.by, b.text, b.kept or b.kind in keep, str(b.why) if b.why is not None else "")
        for b in result.blocks
    )
    blocks: Counter[str] = Counter()
    removed_tokens: Counter[str] = Counter()
    total = kept = 0
    for block in shown:
        n = tokens(block.text)
        total += n
        if block.kept:
            kept += n
        else:
            blocks[block.kind] += 1
            removed_tokens[block.kind] += n
    language = result.metadata.get("language")
    return Summary(
        source=source,
        site=site,
        language=language if isinstance(language, str) else None,
        tokens=total,
        kept=kept,
        removed=tuple((kind, blocks[kind], removed_tokens[kind]) for kind in sorted(blocks)),
        fixes=tuple((f.kind, f.before, f.after) for f in result.fixes),
        blocks=shown,
    )
