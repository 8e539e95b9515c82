"""``main(argv) -> int``: parse, read the config, run one sub-command, return its exit code.

``main`` never raises for bad input: each input that cannot be cleaned gets
one line on stderr naming it, the other inputs are still processed, and the
exit code says that something failed.  A bad option or config is exit 2.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import TextIO

from cleaner.cli.clean import run_clean
from cleaner.cli.explain import run_explain
from cleaner.cli.fix import run_fixing
from cleaner.cli.inputs import count_inputs
from cleaner.cli.options import build_parser, load_config
from cleaner.cli.outcome import FIXING, INTERRUPTED, OK, USAGE, exit_code
from cleaner.cli.pool import default_jobs
from cleaner.cli.report import NORMAL, QUIET, VERBOSE, Reporter
from cleaner.cli.report_html import run_report
from cleaner.cli.style import Style, color_enabled
from cleaner.cli.work import pipeline_for
from cleaner.config import ConfigError


def parse(argv: Sequence[str] | None, stderr: TextIO) -> argparse.Namespace | int:
    """The parsed arguments, or the exit code when there is nothing to run (``--help``, a usage error)."""
    parser = build_parser()
    saved = sys.stderr
    sys.stderr = stderr  # argparse writes its errors to sys.stderr
    try:
        return parser.parse_args(argv)
    except SystemExit as stop:
        return stop.code if isinstance(stop.code, int) else USAGE
    finally:
        sys.stderr = saved


def main(argv: Sequence[str] | None = None, stdout: TextIO | None = None, stderr: TextIO | None = None) -> int:
    """Run the command; returns the exit code."""
    stdout, stderr = stdout or sys.stdout, stderr or sys.stderr
    args = parse(argv, stderr)
    if isinstance(args, int):
        return args
    verbosity = QUIET if args.quiet else VERBOSE if args.verbose else NORMAL
    try:
        config, source = load_config(args)
        pipeline_for(config)  # a step that cannot be disabled is a config error: say so before any work
    except ConfigError as error:
        print(f"cleaner: {error}", file=stderr)
        return USAGE
    total = count_inputs(args.paths, config) if verbosity > QUIET and stderr.isatty() else None
    report = Reporter(stderr, args.command, verbosity, total)
    if source is not None and verbosity >= VERBOSE:
        report.say(f"options from {source}")
    jobs = args.jobs or default_jobs()
    try:
        if args.command == "clean":
            run_clean(args, config, stdout, report, jobs)
        elif args.command == "report":
            run_report(args, config, report, jobs)
        elif args.command in FIXING:
            run_fixing(args, config, stdout, report, jobs, Style(color_enabled(stdout, args.color)))
        else:
            run_explain(args, config, stdout, report, Style(color_enabled(stdout, args.color)))
    except KeyboardInterrupt:
        report.finish()
        print("cleaner: interrupted", file=stderr)
        return INTERRUPTED
    except BrokenPipeError:  # the reader went away (``| head``): stop quietly
        if stdout is sys.stdout:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return OK
    report.finish()
    return exit_code(report.tally, args.command)
