"""Finding the files to clean under the paths a user names.

Folders are searched recursively for files matching the include globs and
none of the exclude globs; symlinked folders are followed once (a link back
up the tree never loops); hidden folders (``.git``) are skipped.
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterator, Sequence
from pathlib import Path


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


def find_files(paths: Sequence[str | Path], include: Sequence[str], exclude: Sequence[str] = ()) -> Iterator[tuple[Path, Path]]:
    """``(file, root)`` for each file to clean: named files as they are, folders searched."""
    for given in paths:
        root = Path(given)
        if not root.is_dir():
            yield root, root.parent
            continue
        seen: set[tuple[int, int]] = set()
        for folder, dirs, files in os.walk(root, followlinks=True):
            stat = os.stat(folder)
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
