"""The error types readers raise for bad input."""

from __future__ import annotations


class InputError(Exception):
    """Input that cannot be cleaned: says which file (and line or offset) and why.

    >>> str(InputError("data.jsonl", "not valid JSON", line=3))
    'data.jsonl:3: not valid JSON'
    """

    def __init__(self, source: str, reason: str, line: int | None = None) -> None:
        self.source, self.reason, self.line = source, reason, line
        where = f"{source}:{line}" if line is not None else source
        super().__init__(f"{where}: {reason}")


class BinaryInput(InputError):
    """Input that is not text at all (an image, an archive, control codes): skipped in folders.

    >>> isinstance(BinaryInput("a.txt", "binary file (PNG image), not text"), InputError)
    True
    """


class TooLarge(InputError):
    """Input past a size limit (``max-bytes``, ``max-gzip-ratio``): refused, never read whole."""
