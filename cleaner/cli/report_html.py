"""``cleaner report``: clean the inputs as ``clean`` does and write one self-contained HTML report.

Inputs are found, read and cleaned exactly as ``cleaner clean`` does them
(the same folders and globs, site templates, worker processes, progress bar
and summary on stderr); each worker sends back a small summary of its
document (:mod:`cleaner.report.summary`), which is added up in bounded memory
(:mod:`cleaner.report.totals`), and the page (:mod:`cleaner.report.page`) is
written once, atomically, at the end.

>>> import io, tempfile
>>> from pathlib import Path
>>> from cleaner.cli import main
>>> folder = Path(tempfile.mkdtemp())
>>> _ = (folder / "a.txt").write_text("Talks go on\\n\\nBy Jane Doe\\n\\nThe talks went on for hours, officials said.\\n")
>>> err = io.StringIO()
>>> main(["report", str(folder), "-o", str(folder / "report.html")], stderr=err)
0
>>> print(err.getvalue().replace(str(folder), "DIR"), end="")
cleaner: wrote DIR/report.html (1 document, 1 side-by-side view)
cleaner: 1 document cleaned (1 changed, 0 unchanged), 0 failed
cleaner: blocks removed: byline 1, title 1
"""

from __future__ import annotations

import argparse
import functools
import os
from collections.abc import Collection
from pathlib import Path

from cleaner.cli.inputs import gather
from cleaner.cli.outcome import CHANGED, FAILED, SKIPPED, UNCHANGED, Outcome, plural
from cleaner.cli.pool import run_ordered
from cleaner.cli.report import NORMAL, Reporter
from cleaner.cli.templates import corpus_templates
from cleaner.cli.work import clean_item, removed_kinds
from cleaner.config import Config
from cleaner.io.documents import item_site
from cleaner.io.readers import Item
from cleaner.io.write import write_atomic
from cleaner.report.page import render
from cleaner.report.summary import Summary, summarise
from cleaner.report.totals import Totals
from cleaner.strip.templates import Templates

#: Side-by-side views for at most this many documents, by default.
TOP = 50


def report_problem(out: str) -> str | None:
    """Why the report cannot be written to the file ``out`` (``None`` when it can), said before any cleaning.

    The report is one file: it may already exist (it is replaced), and its folder is made
    when missing, as ``clean -o`` makes its output tree; a folder, or a parent that is a
    file or cannot be written, is refused.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> report_problem(str(folder / "report.html")), report_problem(str(folder / "new" / "r.html"))
    (None, None)
    >>> report_problem(str(folder))  # doctest: +ELLIPSIS
    '-o ...: is a folder; give the report a file name (-o ....html)'
    >>> _ = (folder / "a.txt").write_text("A.")
    >>> report_problem(str(folder / "a.txt" / "r.html"))  # doctest: +ELLIPSIS
    '-o .../a.txt/r.html: .../a.txt is not a folder'
    """
    target = Path(out)
    if target.is_dir():
        return f"-o {out}: is a folder; give the report a file name (-o {target / 'report.html'})"
    parent = target.parent
    while not parent.exists() and parent != parent.parent:
        parent = parent.parent
    if not parent.is_dir():
        return f"-o {out}: {parent} is not a folder"
    if not os.access(parent, os.W_OK | os.X_OK):
        return f"-o {out}: cannot write in {parent} (permission denied)"
    return None


def report_avoided(args: argparse.Namespace) -> Collection[str]:
    """What a report run must not read: the report itself, when it lies among the inputs."""
    return frozenset({os.path.realpath(args.output)})


def summary_outcome(item: Item, config: Config, templates: Templates | None = None) -> Outcome:
    """Clean one item (as ``clean`` does) and send back its summary, as JSON, in the outcome's output."""
    result = clean_item(item, config, templates) if templates else clean_item(item, config)
    summary = summarise(result, item.source, item_site(item), config.keep)
    status = UNCHANGED if result.text == item.text else CHANGED
    return Outcome(item.source, status, output=summary.to_json(), removed=removed_kinds(result, config))


def run_report(args: argparse.Namespace, config: Config, report: Reporter, jobs: int) -> None:
    """Clean every input, add up what happened, write the page to ``args.output``."""
    avoid = report_avoided(args)
    work = functools.partial(summary_outcome, templates=corpus_templates(args.paths, config, avoid=avoid, jobs=jobs))
    totals = Totals(top=args.top)
    for _entry, outcome in run_ordered(work, gather(args.paths, config, avoid=avoid), config, jobs):
        if outcome.status in (CHANGED, UNCHANGED):
            totals.add(Summary.from_json(outcome.output))
            outcome = Outcome(outcome.source, outcome.status, removed=outcome.removed)  # the summary is counted
        elif outcome.status == FAILED:
            totals.failed += 1
        elif outcome.status == SKIPPED:
            totals.skipped += 1
        report.outcome(outcome)
    target = Path(args.output)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(target, render(totals, list(args.paths)))
    except OSError as error:
        report.outcome(Outcome(str(target), FAILED, message=f"cannot write the report: {error.strerror or error}"))
        return
    if report.verbosity >= NORMAL:
        views = len(totals.most_changed())
        report.say(f"wrote {target} ({plural(totals.documents, 'document')}, {plural(views, 'side-by-side view')})")
