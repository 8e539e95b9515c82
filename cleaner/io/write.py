"""Writing files atomically: a temporary file in the same folder, then rename.

A reader, or a run killed at any moment, sees the old file or the new one,
never half of one.  The temporary file is named ``.NAME.<random>.tmp``; an
interrupt (SIGINT, SIGTERM) waits for the write to end, but a run killed
outright (SIGKILL, a power cut) may leave one behind, and folder searches
pass such names over (:func:`cleaner.io.files.is_temporary`).  A replaced
file keeps its mode; a new file gets the mode the umask gives (as ``open``
would), not the private mode of a temporary file.

>>> import tempfile
>>> folder = Path(tempfile.mkdtemp())
>>> write_if_changed(folder / "a.txt", "One.\\n"), write_if_changed(folder / "a.txt", "One.\\n")
(True, False)
>>> (folder / "link.txt").symlink_to(folder / "a.txt")
>>> write_atomic(folder / "link.txt", "Two.\\n")
>>> (folder / "link.txt").is_symlink(), (folder / "a.txt").read_text()
(True, 'Two.\\n')
"""

from __future__ import annotations

import contextlib
import functools
import os
import signal
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path


@functools.cache
def new_file_mode() -> int:
    """The mode a new file gets: ``0o666`` less the process's umask.

    >>> new_file_mode() & 0o600
    384
    """
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def write_atomic(path: str | Path, text: str, mode: int | None = None) -> None:
    """Write ``text`` to ``path`` so that readers see the old file or the new one, never half.

    The text is written as UTF-8, exactly (no newline translation). ``mode``
    sets the permission bits (by default those of the file it replaces).
    Writing through a symlink replaces the file it points to and keeps the link.
    """
    path = Path(os.path.realpath(path))
    if mode is None:
        try:
            mode = path.stat().st_mode & 0o7777
        except OSError:
            mode = new_file_mode()
    data = text.encode("utf-8")  # before any file is made: text that cannot be UTF-8 fails here
    with signals_deferred():  # Ctrl-C between making the temporary file and naming it would leave it behind
        handle, temp = temporary(path)
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
            os.chmod(temp, mode)
            os.replace(temp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temp)
            raise


@contextlib.contextmanager
def signals_deferred() -> Iterator[None]:
    """SIGINT and SIGTERM that come while the block runs are delivered when it ends.

    A write takes milliseconds; an interrupt then stops the run after it, with no temporary file
    left.  The process's handlers are swapped for one that notes the signal, and the first signal
    noted is raised again once they are back, whichever thread received it.  Only the main thread
    can swap handlers; in another the block runs as it is.

    >>> with signals_deferred():
    ...     pass
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    noted: list[int] = []

    def note(signum: int, frame: object) -> None:
        noted.append(signum)

    held = {signum: signal.signal(signum, note) for signum in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for signum, handler in held.items():
            signal.signal(signum, signal.SIG_DFL if handler is None else handler)
        if noted:
            signal.raise_signal(noted[0])


def temporary(path: Path) -> tuple[int, str]:
    """A new temporary file beside ``path`` (``.NAME.<random>.tmp``): its descriptor and name."""
    return tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")


def write_if_changed(path: str | Path, text: str) -> bool:
    """Write ``text`` to ``path`` (atomically) unless the file already holds exactly it; True when written."""
    path = Path(path)
    with contextlib.suppress(OSError, UnicodeDecodeError):
        if path.read_bytes() == text.encode("utf-8"):
            return False
    write_atomic(path, text)
    return True
