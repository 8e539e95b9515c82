"""The corpus report: what cleaning did to many documents, as one self-contained HTML page.

``summary`` turns one :class:`cleaner.Result` into a small :class:`~cleaner.report.summary.Summary`
(what a worker process sends back), ``corpus`` adds summaries up in bounded
memory, ``svg`` draws the charts, ``page`` writes the page.  The command
(``cleaner report``, in :mod:`cleaner.cli.report_html`) ties them together.
"""
