"""``cleaner fix``, ``check`` and ``diff``: clean whole text files in place, or tell what that would do.

All three judge each file the same way (:func:`cleaner.cli.work.fix_outcome`):
``fix`` rewrites the files that change (atomically, keeping their mode),
``check`` lists them on stdout and ``diff`` prints a unified diff of each.
A file is only rewritten when its clean text is not empty and cleaning it
again changes nothing; otherwise it is reported and left as it is.

>>> print(unified_diff("Title\\n\\nBody.\\n", "Body.\\n", "a.txt"), end="")
--- a.txt
+++ a.txt
@@ -1,3 +1 @@
-Title
-
 Body.
"""

from __future__ import annotations

import argparse
import difflib
import functools
from typing import TextIO

from cleaner.cli.inputs import gather
from cleaner.cli.outcome import CHANGED, FAILED, Outcome
from cleaner.cli.pool import run_ordered
from cleaner.cli.report import Reporter
from cleaner.cli.style import Style
from cleaner.cli.templates import corpus_templates
from cleaner.cli.work import fix_outcome
from cleaner.config import Config
from cleaner.io.readers import Item
from cleaner.io.write import write_atomic

NO_NEWLINE = "\\ No newline at end of file\n"


def unified_diff(before: str, after: str, source: str, style: Style | None = None) -> str:
    """The unified diff from ``before`` to ``after``, as ``diff -u`` and ``patch -p0`` know it."""
    style = style or Style()
    out: list[str] = []
    for line in difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True), source, source):
        text = line if line.endswith("\n") else line + "\n" + NO_NEWLINE
        if line.startswith(("---", "+++")):
            text = style.bold(text.rstrip("\n")) + "\n"
        elif line.startswith("@@"):
            text = style.cyan(text.rstrip("\n")) + "\n"
        elif line.startswith("-"):
            text = "".join(style.red(part) + "\n" for part in text.rstrip("\n").split("\n"))
        elif line.startswith("+"):
            text = "".join(style.green(part) + "\n" for part in text.rstrip("\n").split("\n"))
        out.append(text)
    return "".join(out)


def write_fixed(item: Item, outcome: Outcome) -> Outcome:
    """Rewrite one file with its clean text; a write error fails that file only."""
    assert item.path is not None
    try:
        write_atomic(item.path, outcome.output)
    except (OSError, UnicodeEncodeError) as error:
        return Outcome(outcome.source, FAILED, message=f"cannot write: {getattr(error, 'strerror', None) or error}")
    return outcome


def run_fixing(
    args: argparse.Namespace, config: Config, stdout: TextIO, report: Reporter, jobs: int, style: Style
) -> None:
    """``fix``, ``check`` or ``diff`` (``args.command``) over every input; outcomes go to ``report``."""
    inputs = gather(args.paths, config, whole_files=True, filter_files=args.filter_files)
    work = functools.partial(fix_outcome, templates=corpus_templates(args.paths, config, whole_files=True, jobs=jobs))
    for entry, outcome in run_ordered(work, inputs, config, jobs):
        if outcome.status == CHANGED and isinstance(entry, Item):
            if args.command == "fix":
                outcome = write_fixed(entry, outcome)
            elif args.command == "check":
                stdout.write(f"{entry.source}\n")
            else:
                stdout.write(unified_diff(entry.text or "", outcome.output, entry.source, style))
        report.outcome(outcome)
