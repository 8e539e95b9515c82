"""Encoding repair with ftfy: mojibake, HTML entities, control characters.

Only real repairs are logged as fixes (mojibake and HTML entities); the rest
of what ftfy does (control characters, character width, ligatures) is plain
normalisation.  ftfy is told to leave curly quotes alone; they are made
straight here, between ftfy's rounds, only as normalisation will make them
(not with the ``typography`` option, which keeps them).

>>> doc = fix_encoding(Document.from_text("It\u00e2\u20ac\u2122s fine."), typography=True)
>>> doc.blocks[0].text
'It’s fine.'
>>> [(f.kind, f.before, f.after) for f in doc.fixes]
[('mojibake', 'Itâ€™s', 'It’s')]
>>> fix_encoding(Document.from_text("It\u00e2\u20ac\u2122s fine.")).blocks[0].text
"It's fine."
"""

from __future__ import annotations

import re

import ftfy

from cleaner.document import Block, Document, Fix
from cleaner.fix.whitespace import delete_invisible, fold_spaces, normalize_text, unify_breaks

_CONFIG = ftfy.TextFixerConfig(uncurl_quotes=False, explain=True)

#: Text with only printable ASCII and no entity cannot need ftfy.
_NEEDS_FTFY = re.compile(r"[^\n\t\x20-\x7e]|&")

#: An "&" escaped again and again ("&amp;amp;amp;…"): ftfy unescapes one level a round, so a long run
#: takes time quadratic in its length; one level left ends in the same "&", in one round.
_AMP_CHAIN = re.compile(r"&(?:(?:amp|AMP|#0*38|#[xX]0*26);){2,}")

#: ftfy's steps that count as a repair, and the kind of fix they are logged as.
_LOGGED = {"unescape_html": "html-entity", "decode_inconsistent_utf8": "mojibake"}


def fix_encoding(doc: Document, typography: bool = False) -> Document:
    """Repair the encoding of every block with ftfy, logging real repairs.

    ``typography`` is normalisation's: without it, quotes are made straight
    between ftfy's rounds, as normalisation will make them.
    """
    blocks: list[Block] = []
    fixes: list[Fix] = []
    for index, block in enumerate(doc.blocks):
        text, found = repair(block.text, typography)
        fixes.extend(Fix(kind, before, after, "ftfy", index, offset) for kind, before, after, offset in found)
        blocks.append(block if text == block.text else block.with_text(text))
    return doc.replace(blocks=tuple(blocks), fixes=doc.fixes + tuple(fixes))


def repair(text: str, typography: bool = False) -> tuple[str, list[tuple[str, str, str, int]]]:
    """``text`` repaired line by line, with ``(kind, before, after, offset)`` of each repair.

    >>> repair("Tom &amp; Jerry")
    ('Tom & Jerry', [('html-entity', '&amp;', '&', 4)])
    >>> repair("plain")
    ('plain', [])
    """
    if not _NEEDS_FTFY.search(text):
        return text, []
    text = unify_breaks(text)  # ftfy reads lines as normalisation will leave them
    out: list[str] = []
    found: list[tuple[str, str, str, int]] = []
    offset = 0
    for line in text.split("\n"):
        fixed, kinds = _fix_line(line, typography)
        if fixed != line and kinds:
            before, after, start = changed_span(line, fixed)
            found.append(("mojibake" if "mojibake" in kinds else kinds.pop(), before, after, offset + start))
        out.append(fixed)
        offset += len(line) + 1
    return "\n".join(out), found


#: ftfy is run again on its own output until it stops changing (at most this often),
#: so that repairing repaired text changes nothing.
MAX_ROUNDS = 8


def _fix_line(line: str, typography: bool = False) -> tuple[str, set[str]]:
    r"""ftfy until nothing changes.

    ftfy reads a line as a whole, so it sees the line's spaces as normalisation
    will leave them (folded, none at the ends), and the characters that
    normalisation deletes go between rounds, since their going can make new
    mojibake whole.  Once ftfy is done with the line, the line is normalised as
    the chain will normalise it (control characters out, curly quotes straight
    unless ``typography``, NFC), and ftfy is asked again if that changed it:
    mojibake may hold a control character or a curly quote, so they cannot go
    before ftfy has read them, but their going can make ftfy read the line
    anew.  Otherwise a second cleaning could repair what the first one could
    not see.

    >>> _fix_line("\u00a0\u00c0\x86")
    ('ˠ', {'mojibake'})
    >>> _fix_line("Tom &amp;amp;amp;amp; Jerry"), _fix_line("a &amp;amp;lt; b")
    (('Tom & Jerry', {'html-entity'}), ('a < b', {'html-entity'}))
    >>> _fix_line("\u2018\u0178\u00b5")[0], _fix_line("\u2018\u0178\u00b5", typography=True)[0]
    ("'ٵ", '‘Ÿµ')
    >>> _fix_line("\u00f7\u00c40\x8d")[0]
    'ր0'

    """
    kinds: set[str] = set()
    if _NEEDS_FTFY.search(line):
        line = fold_spaces(line)
    if "<" not in line:  # ftfy unescapes only lines without "<"
        line = _AMP_CHAIN.sub("&amp;", line)
    for _ in range(MAX_ROUNDS):
        if not _NEEDS_FTFY.search(line):
            break
        fixed, explanation = ftfy.fix_and_explain(line, _CONFIG)
        if fixed != line:
            fixed = fold_spaces(delete_invisible(fixed))
        if fixed != line:
            kinds.update(k for step in explanation or () if (k := _kind(step)) is not None)
        elif "\x85" in line:  # a line break: its parts are repaired one by one, below
            break
        else:  # ftfy is done with the line: normalise it as the chain will, and ask ftfy again if that changed it
            fixed = normalize_text(line, typography)
        if fixed == line:
            break
        line = fixed
    if "\x85" in line:  # a NEL that ftfy left is a line break: normalisation will make it one
        parts = [_fix_line(part, typography) for part in line.split("\x85")]
        return "\n".join(text for text, _ in parts), kinds.union(*(found for _, found in parts))
    return line, kinds


def _kind(step: tuple[str, str]) -> str | None:
    action, name = step
    if action in ("encode", "decode", "transcode"):
        return "mojibake"
    return _LOGGED.get(name)


def changed_span(before: str, after: str) -> tuple[str, str, int]:
    """The smallest whole-word spans that differ between two strings, and where.

    >>> changed_span("a cafÃ© here", "a café here")
    ('cafÃ©', 'café', 2)
    """
    start = 0
    while start < min(len(before), len(after)) and before[start] == after[start]:
        start += 1
    end_b, end_a = len(before), len(after)
    while end_b > start and end_a > start and before[end_b - 1] == after[end_a - 1]:
        end_b -= 1
        end_a -= 1
    while start > 0 and not before[start - 1].isspace():
        start -= 1
    while end_b < len(before) and not before[end_b].isspace():
        end_b += 1
        end_a += 1
    return before[start:end_b], after[start:end_a], start
