"""Splitting text into blocks: one block per paragraph.

A paragraph is a non-empty line.  Hard-wrapped text (a paragraph broken
over several lines, as in e-mail and wire copy) is joined back first, but
only where a line clearly runs on into the next: it is long, does not end a
sentence, and the next line goes on in lower case.

>>> [b.text for b in split_blocks(Document.from_text("Title\\n\\nOne.\\nTwo.\\n")).blocks]
['Title', 'One.', 'Two.']
>>> wrapped = "The minister said on Tuesday that the talks would go on\\nuntil a deal was reached.\\n"
>>> [b.text for b in split_blocks(Document.from_text(wrapped)).blocks]
['The minister said on Tuesday that the talks would go on until a deal was reached.']
"""

from __future__ import annotations

import re

from cleaner.document import Block, Document

#: A line this long that does not end a sentence may be hard-wrapped.
WRAP_MIN = 40
_ENDS_SENTENCE = re.compile(r"[.!?:;\"')\]»”’…]$")


def runs_on(line: str) -> bool:
    """True when ``line`` may go on from the line above: it opens with a lower-case letter, of any script
    that has case, or with a bracket.

    >>> [runs_on(t) for t in ("until a deal", "łódź", "ёлка", "έτσι", "(AP)", "The end", "1990", "東京")]
    [True, True, True, True, True, False, False, False]
    """
    first = line[:1]
    return first == "(" or first.islower()


def split_text(text: str) -> list[str]:
    """The paragraphs of ``text``, hard-wrapped lines joined."""
    paragraphs: list[str] = []
    previous_runs_on = False
    for line in text.split("\n"):
        line = line.strip()
        if not line:
            previous_runs_on = False
            continue
        if previous_runs_on and runs_on(line):
            paragraphs[-1] = f"{paragraphs[-1]} {line}"
        else:
            paragraphs.append(line)
        last = paragraphs[-1]
        previous_runs_on = len(line) >= WRAP_MIN and not _ENDS_SENTENCE.search(last)
    return paragraphs


def split_blocks(doc: Document) -> Document:
    """Cut every unlabelled block into paragraph blocks."""
    blocks: list[Block] = []
    for block in doc.blocks:
        if block.kept and "\n" in block.text:
            blocks.extend(Block(p, page=block.page) for p in split_text(block.text))
        elif block.kept:
            blocks.extend(block.with_text(p) for p in split_text(block.text))
        else:
            blocks.append(block)
    return doc.with_blocks(blocks)
