"""Finding the files to clean under the paths a user names.

Folders are searched recursively for files matching the include globs and
none of the exclude globs; symlinked folders are followed once (a link back
up the tree never loops); hidden folders (``.git``) are skipped.

>>> import tempfile
>>> top = Path(tempfile.mkdtemp())
>>> (top / "sub").mkdir()
>>> _ = (top / "a.txt").write_text("A."), (top / "sub" / "b.txt").write_text("B."), (top / "c.md").write_text("C.")
>>> (top / "sub" / "loop").symlink_to(top)
>>> [p.relative_to(top).as_posix() for p, _ in find_files([top], ["*.txt"])]
['a.txt', 'sub/b.txt']
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterator, Sequence
from pathlib import Path

from cleaner.io.text import looks_binary


def matches(path: Path, root: Path, patterns: Sequence[str]) -> bool:
    """True when ``path`` (or its path below ``root``) matches a glob.

    >>> matches(Path("a/b/c.txt"), Path("a"), ["*.txt"]), matches(Path("a/b/c.txt"), Path("a"), ["b/*"])
    (True, True)
    """
    try:
        relative = path.relative_to(root).as_posix()
    except ValueError:
        relative = path.as_posix()
    return any(fnmatch.fnmatch(path.name, p) or fnmatch.fnmatch(relative, p) for p in patterns)


def selected(path: str | Path, include: Sequence[str], exclude: Sequence[str] = ()) -> bool:
    """True when a file named on the command line passes the include and exclude globs.

    A glob may match the file name or any tail of the path as given, so
    ``drafts/*`` matches ``data/drafts/a.txt`` as it would below a searched folder.

    >>> selected("data/drafts/a.txt", ["*.txt"]), selected("data/drafts/a.txt", ["*.txt"], ["drafts/*"])
    (True, False)
    >>> selected("README.md", ["*.txt"])
    False
    """
    parts = Path(path).parts
    tails = ["/".join(parts[i:]) for i in range(len(parts))]

    def hit(patterns: Sequence[str]) -> bool:
        return any(fnmatch.fnmatch(tail, p) for tail in tails for p in patterns)

    return hit(include) and not hit(exclude)


def is_binary(path: str | Path) -> bool:
    """True when the start of a file holds a NUL byte (as git and grep decide); False if unreadable.

    A file that starts with a UTF-16 byte-order mark is text (as :func:`cleaner.io.text.decode_text` reads it).

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.bin").write_bytes(b"\\x89PNG\\x00\\x00"), (folder / "b.txt").write_text("text")
    >>> is_binary(folder / "a.bin"), is_binary(folder / "b.txt"), is_binary(folder / "missing")
    (True, False, False)
    """
    try:
        with open(path, "rb") as handle:
            start = handle.read(8192)
    except OSError:
        return False
    return looks_binary(start) and not start.startswith((b"\xff\xfe", b"\xfe\xff"))


def find_files(
    paths: Sequence[str | Path], include: Sequence[str], exclude: Sequence[str] = ()
) -> Iterator[tuple[Path, Path]]:
    """``(file, root)`` for each file to clean: named files as they are, folders searched.

    Files come in a stable order (sorted within each folder), so runs are reproducible.
    """
    for given in paths:
        root = Path(given)
        if not root.is_dir():
            yield root, root.parent
            continue
        seen: set[tuple[int, int]] = set()
        for folder, dirs, files in os.walk(root, followlinks=True):
            try:
                stat = os.stat(folder)
            except OSError:
                dirs[:] = []
                continue
            if (stat.st_dev, stat.st_ino) in seen:
                dirs[:] = []
                continue
            seen.add((stat.st_dev, stat.st_ino))
            here = Path(folder)
            dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not matches(here / d, root, exclude))
            for name in sorted(files):
                path = here / name
                if matches(path, root, include) and not matches(path, root, exclude) and path.is_file():
                    yield path, root


def count_files(paths: Sequence[str | Path], include: Sequence[str], exclude: Sequence[str] = ()) -> int:
    """How many files :func:`find_files` would give (for a progress bar)."""
    return sum(1 for _ in find_files(paths, include, exclude))
