"""The ``cleaner`` command: ``clean``, ``fix``, ``check``, ``diff``, ``explain`` and ``report``.

One concern per module: ``options`` (arguments and config), ``inputs`` (what
to clean), ``work`` (cleaning one input, in a worker), ``pool`` (many inputs,
in order, in processes), ``report`` (stderr: progress, summary), ``style``
(colour), and one module per command (``clean``, ``fix``, ``explain``, ``report_html``);
``app`` ties them together.
"""

from cleaner.cli.app import main
from cleaner.cli.outcome import CHANGED_EXIT, FAILED_EXIT, OK, USAGE

__all__ = ["CHANGED_EXIT", "FAILED_EXIT", "OK", "USAGE", "main"]
