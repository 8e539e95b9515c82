"""``main(argv) -> int``: parse, read the config, run one sub-command, return its exit code.

``main`` never raises for bad input: each input that cannot be cleaned gets
one line on stderr naming it, the other inputs are still processed, and the
exit code says that something failed.  A bad option or config is exit 2.
Ctrl-C (or SIGTERM) stops the run at once: files already written are
whole, the output being assembled is dropped, and the exit code is 130
(143 for SIGTERM).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import sys
import threading
from collections.abc import Iterator, Sequence
from typing import TextIO

from cleaner.cli.clean import avoided, output_problem, run_clean
from cleaner.cli.explain import run_explain
from cleaner.cli.fix import run_fixing
from cleaner.cli.inputs import measure_inputs
from cleaner.cli.options import build_parser, load_config
from cleaner.cli.outcome import FIXING, INTERRUPTED, OK, TERMINATED, USAGE, exit_code
from cleaner.cli.pool import default_jobs
from cleaner.cli.report import NORMAL, QUIET, VERBOSE, Reporter
from cleaner.cli.report_html import report_avoided, report_problem, run_report
from cleaner.cli.style import Style, color_enabled
from cleaner.config import Config, ConfigError


def parse_arguments(argv: Sequence[str] | None, stderr: TextIO) -> argparse.Namespace | int:
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


class Terminated(KeyboardInterrupt):
    """SIGTERM (a scheduler or ``kill`` stopping the run): handled as Ctrl-C is, with exit code 143."""


def _terminate(signum: int, frame: object) -> None:
    raise Terminated


@contextlib.contextmanager
def terminate_as_interrupt() -> Iterator[None]:
    """While running, SIGTERM raises :class:`Terminated` (in the main thread; elsewhere nothing changes)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _terminate)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def main(argv: Sequence[str] | None = None, stdout: TextIO | None = None, stderr: TextIO | None = None) -> int:
    """Run the command; returns the exit code."""
    stdout, stderr = stdout or sys.stdout, stderr or sys.stderr
    report: Reporter | None = None
    try:
        with terminate_as_interrupt():
            args = parse_arguments(argv, stderr)
            if isinstance(args, int):
                return args
            prepared = config_and_reporter(args, stderr)
            if isinstance(prepared, int):
                return prepared
            config, report = prepared
            run(args, config, report, stdout)
    except KeyboardInterrupt as stop:
        if report is not None:
            report.finish(interrupted=True)
        terminated = isinstance(stop, Terminated)
        print(f"cleaner: {'terminated' if terminated else 'interrupted'}", file=stderr)
        return TERMINATED if terminated else INTERRUPTED
    except BrokenPipeError:  # the reader went away (``| head``): stop quietly
        if stdout is sys.stdout:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return OK
    report.finish()
    return exit_code(report.tally, args.command)


def config_and_reporter(args: argparse.Namespace, stderr: TextIO) -> tuple[Config, Reporter] | int:
    """The config and reporter of the run, or the exit code when the options are wrong (said on ``stderr``)."""
    verbosity = QUIET if args.quiet else VERBOSE if args.verbose else NORMAL
    try:
        config, source = load_config(args)  # a step that cannot be disabled is a config error too
    except ConfigError as error:
        print(f"cleaner: {error}", file=stderr)
        return USAGE
    if args.command == "report":
        problem, avoid = report_problem(args.output), report_avoided(args)
    else:
        problem = output_problem(args.paths, args.output) if getattr(args, "output", None) else None
        avoid = avoided(args)
    if problem is not None:
        print(f"cleaner: {problem}", file=stderr)
        return USAGE
    total, size = measure_inputs(args.paths, config, avoid) if verbosity > QUIET and stderr.isatty() else (None, 0)
    report = Reporter(stderr, args.command, verbosity, total, size)
    if source is not None and verbosity >= VERBOSE:
        report.say(f"options from {source}")
    return config, report


def run(args: argparse.Namespace, config: Config, report: Reporter, stdout: TextIO) -> None:
    """Run the sub-command; outcomes go to ``report``."""
    jobs = args.jobs or default_jobs()
    if args.command == "clean":
        run_clean(args, config, stdout, report, jobs)
    elif args.command == "report":
        run_report(args, config, report, jobs)
    elif args.command in FIXING:
        run_fixing(args, config, stdout, report, jobs, Style(color_enabled(stdout, args.color)))
    else:
        run_explain(args, config, stdout, report, Style(color_enabled(stdout, args.color)))
