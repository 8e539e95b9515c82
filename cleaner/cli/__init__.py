"""The ``cleaner`` command: ``clean``, ``fix``, ``check``, ``diff``, ``explain`` and ``report``.

One concern per module: ``options`` (arguments and config), ``inputs`` (what
to clean), ``work`` (cleaning one input, in a worker), ``pool`` (many inputs,
in order, in processes), ``report`` (stderr: progress, summary), ``style``
(colour), and one module per command (``clean``, ``fix``, ``explain``, ``report_html``);
``app`` ties them together.

:func:`main` imports the command only when called, inside its own guard: Ctrl-C
while the modules load (the command's first moment) ends as any other
interrupt does, in one line and exit code 130.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TextIO

from cleaner.cli.outcome import CHANGED_EXIT, FAILED_EXIT, INTERRUPTED, OK, USAGE

__all__ = ["CHANGED_EXIT", "FAILED_EXIT", "OK", "USAGE", "main"]


def main(argv: Sequence[str] | None = None, stdout: TextIO | None = None, stderr: TextIO | None = None) -> int:
    """Run the command (see :func:`cleaner.cli.app.main`); returns the exit code."""
    try:
        from cleaner.cli.app import main as run
    except KeyboardInterrupt:
        print("cleaner: interrupted", file=stderr or sys.stderr)
        return INTERRUPTED
    return run(argv, stdout, stderr)
