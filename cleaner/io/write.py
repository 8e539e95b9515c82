"""Writing files atomically: a temporary file in the same folder, then rename.

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
import os
import tempfile
from pathlib import Path


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
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        if mode is not None:
            os.chmod(temp, mode)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


def new_file_mode() -> int:
    """The permission bits of a new file, as ``open`` would give it (0o666 less the umask).

    >>> new_file_mode() & 0o600
    384
    """
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask


def write_if_changed(path: str | Path, text: str) -> bool:
    """Write ``text`` to ``path`` (atomically) unless the file already holds exactly it; True when written."""
    path = Path(path)
    with contextlib.suppress(OSError, UnicodeDecodeError):
        if path.read_bytes() == text.encode("utf-8"):
            return False
    write_atomic(path, text)
    return True
