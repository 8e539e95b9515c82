"""Finding the files to clean under the paths a user names.

Folders are searched recursively for files matching the include globs and
none of the exclude globs; symlinked folders are followed once (a link back
up the tree never loops); hidden folders (``.git``) are skipped, and so are
the temporary files this tool writes before renaming them into place
(``.NAME.*.tmp``: one left by a killed run is never read as input), and any
folder given in ``avoid`` (the output folder of ``clean -o``, when it lies in
the input tree).

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
from collections.abc import Collection, Iterator, Sequence
from pathlib import Path

from cleaner.io.text import SNIFF, binary_reason

#: The temporary files :mod:`cleaner.io.write` writes beside their target: ``.NAME.<random>.tmp``.
TEMP_PREFIX, TEMP_SUFFIX = ".", ".tmp"


def is_temporary(name: str) -> bool:
    """True for the name of a temporary file this tool writes (and renames) beside a target.

    >>> is_temporary(".a.txt.k2j3_x.tmp"), is_temporary("a.txt"), is_temporary("notes.tmp")
    (True, False, False)
    """
    return name.startswith(TEMP_PREFIX) and name.endswith(TEMP_SUFFIX) and len(name) > 5


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
    """True when the start of a file says it is binary (a NUL byte, a known signature); False if unreadable.

    A file that starts with a UTF-16 byte-order mark is text (as :func:`cleaner.io.text.decode_text` reads it).

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.bin").write_bytes(b"\\x89PNG\\r\\n\\x1a\\n"), (folder / "b.txt").write_text("text")
    >>> is_binary(folder / "a.bin"), is_binary(folder / "b.txt"), is_binary(folder / "missing")
    (True, False, False)
    """
    try:
        with open(path, "rb") as handle:
            start = handle.read(SNIFF)
    except OSError:
        return False
    return binary_reason(start) is not None


def find_files(
    paths: Sequence[str | Path],
    include: Sequence[str],
    exclude: Sequence[str] = (),
    avoid: Collection[str] = (),
) -> Iterator[tuple[Path, Path]]:
    """``(file, root)`` for each file to clean: named files as they are, folders searched.

    Files come in a stable order (sorted within each folder), so runs are
    reproducible.  ``avoid`` holds real paths (``os.path.realpath``) of
    folders never to enter and files never to read (an output of the run).
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
            if (stat.st_dev, stat.st_ino) in seen or (avoid and os.path.realpath(folder) in avoid):
                dirs[:] = []
                continue
            seen.add((stat.st_dev, stat.st_ino))
            here = Path(folder)
            dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not matches(here / d, root, exclude))
            for name in sorted(files):
                if is_temporary(name):
                    continue
                path = here / name
                if matches(path, root, include) and not matches(path, root, exclude) and path.is_file():
                    if not (avoid and os.path.realpath(path) in avoid):
                        yield path, root
