"""``cleaner explain``: every block of a file with its kind, the rule that labelled it, and why.

Then the metadata and the fixes.  Removed blocks are marked ``-``, kept ones
``+`` (a kind kept by ``--keep`` shows its kind and ``kept``).  The ``why``
column is the decision's trace (:class:`cleaner.document.Why`): the row of the
decision table that decided, and, where the block model weighed the block, its
probability that the block is prose against the threshold it was held to (a
rule's claim stands below the veto; a block no rule names is dropped below its
threshold), a veto and what it overruled, and the round.  With ``--format json``
the same as one array of one object per input (``[]`` for none).

>>> from cleaner.io.readers import Item
>>> result = clean_item(Item("a.txt", "a", text="Talks go on\\n\\nBy Jane Doe\\n\\nThe talks went on for hours.\\n"), Config())
>>> print(explain_text(result, Config()), end="")
== a.txt
blocks:
  1 - title   title   title: p 0.59 < 0.90 (round 1)   Talks go on
  2 - byline  byline  byline: p 0.52 < 0.90 (round 1)  By Jane Doe
  3 + body            kept: p 0.88 >= 0.05 (round 2)   The talks went on for hours.
metadata:
  title           Talks go on
  authors         Jane Doe
  date            -
  date_modified   -
  dateline        -
  section         -
  site            -
  description     -
  image_credit    -
  language        -
  language_score  -
fixes: none
"""

from __future__ import annotations

import argparse
import json
from typing import Any, TextIO

from cleaner.cli.inputs import gather
from cleaner.cli.outcome import CHANGED, UNCHANGED, Outcome
from cleaner.cli.report import Reporter
from cleaner.cli.style import Style
from cleaner.cli.work import clean_item, failure, removed_kinds
from cleaner.config import Config
from cleaner.document import Block, Result


def explain_dict(result: Result, config: Config) -> dict[str, Any]:
    """The JSON form: ``source``, ``blocks`` (kind, by, kept, text), ``metadata``, ``removed``, ``fixes`` (with ``by``)."""
    return {
        "source": result.source,
        "blocks": [
            {"kind": b.kind, "by": b.by, "kept": kept(b, config), "text": b.text, "why": why_dict(b)}
            for b in result.blocks
        ],
        "metadata": dict(result.metadata),
        "removed": [r.to_dict() for r in result.removed],
        "fixes": [{**f.to_dict(), "by": f.by} for f in result.fixes],
    }


def why_dict(block: Block) -> dict[str, Any] | None:
    """The JSON form of why a block stands as it does (``None`` for a block no step decided)."""
    return block.why.to_dict() if block.why is not None else None


def kept(block: Block, config: Config) -> bool:
    """True when the block is in the clean text (body, or a kind the config keeps)."""
    return block.kept or block.kind in config.keep


def show(value: Any) -> str:
    """A metadata value on one line."""
    if value is None or value == []:
        return "-"
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return str(value)


def explain_text(result: Result, config: Config, style: Style | None = None) -> str:
    """The blocks, metadata and fixes of one result, for people."""
    style = style or Style()
    lines = [style.bold(f"== {result.source}"), style.bold("blocks:")]
    number_width = len(str(len(result.blocks)))
    kind_width = max((len(b.kind) for b in result.blocks), default=0)
    by_width = max((len(b.by) for b in result.blocks), default=0)
    whys = [str(b.why) if b.why is not None else "" for b in result.blocks]
    why_width = max((len(w) for w in whys), default=0)
    for number, (block, why) in enumerate(zip(result.blocks, whys, strict=True), 1):
        keep = kept(block, config)
        mark = "+" if keep else "-"
        kind = block.kind.ljust(kind_width)
        kind = style.green(kind) if block.kept else style.yellow(kind) if keep else style.red(kind)
        by = style.cyan(block.by.ljust(by_width))
        head = f"  {str(number).rjust(number_width)} {mark} {kind}  {by}  {style.dim(why.ljust(why_width))}  "
        indent = " " * (2 + number_width + 3 + kind_width + 2 + by_width + 2 + why_width + 2)
        text_lines = block.text.split("\n")
        body = text_lines[0] if keep else style.dim(text_lines[0])
        lines.append((head + body).rstrip())
        lines.extend(indent + (line if keep else style.dim(line)) for line in text_lines[1:])
    lines.append(style.bold("metadata:"))
    key_width = max((len(k) for k in result.metadata), default=0)
    lines.extend(f"  {key.ljust(key_width)}  {show(value)}" for key, value in result.metadata.items())
    if not result.fixes:
        lines.append(style.bold("fixes:") + " none")
    else:
        lines.append(style.bold("fixes:"))
        for fix in result.fixes:
            where = f" (block {fix.block + 1})" if fix.block is not None else ""
            lines.append(f"  {fix.kind}  {fix.before!r} -> {fix.after!r}  {style.cyan(fix.by)}{where}")
    return "\n".join(lines) + "\n"


def run_explain(args: argparse.Namespace, config: Config, stdout: TextIO, report: Reporter, style: Style) -> None:
    """Explain every input, one after another."""
    objects: list[dict[str, Any]] = []
    inputs = 0
    for entry in gather(args.paths, config):
        inputs += 1
        if isinstance(entry, Outcome):
            report.outcome(entry)
            continue
        try:
            result = clean_item(entry, config)
        except Exception as error:
            report.outcome(failure(entry.source, error))
            continue
        if args.format == "json":
            objects.append(explain_dict(result, config))
        else:
            stdout.write(
                ("\n" if report.tally.statuses[CHANGED] + report.tally.statuses[UNCHANGED] else "")
                + explain_text(result, config, style)
            )
        report.outcome(
            Outcome(
                entry.source, CHANGED if result.text != entry.text else UNCHANGED, removed=removed_kinds(result, config)
            )
        )
    if args.format == "json":  # one array whatever the count, as clean -f json prints
        stdout.write(json.dumps(objects, ensure_ascii=False, indent=2) + "\n")
