"""Word lists per language, from ``cleaner/data/<lang>.json``: one file per language.

Language-specific words (months, stop words, "Follow us", "Read more", "By")
live in data files, not in code.  Classifiers run before the language is
known, so they usually ask for the union over every language.  Words that
belong to no language (the names of networks) live in ``common.json``.

More languages (or more words for a shipped one) are read from extra folders:
each ``<lang>.json`` there is read after the shipped files.  The folders are
those the environment variable :data:`ENVIRONMENT` (``CLEANER_DATA``, several
separated by ``os.pathsep``) names when the package is imported (so the command
and its worker processes read them), or those a program gives :func:`use`.
Every loader here, and every pattern the rules build from the words, is cached
for the folders in force (:func:`cached`), and built again when they change.

>>> month_number("December"), month_number("déc."), month_number("Foo")
(12, 12, None)
>>> bool(phrase_pattern("related").fullmatch("More from"))
True
>>> "block_model" in languages(), "en" in languages()
(False, True)
"""

from __future__ import annotations

import functools
import inspect
import json
import os
import re
from collections.abc import Callable, Iterator
from importlib import resources
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

#: The environment variable that names the folders of extra language files.
ENVIRONMENT = "CLEANER_DATA"
#: The file of words that belong to no language, shipped and in each extra folder.
COMMON = "common.json"

P = ParamSpec("P")
R = TypeVar("R")

#: The extra folders in force, joined by ``os.pathsep`` (``None``: none).
_folders: list[str | None] = [os.environ.get(ENVIRONMENT) or None]
#: How to empty each cache of :func:`cached`.
_CLEARS: list[Callable[[], None]] = []


def use(*paths: str | os.PathLike[str]) -> tuple[Path, ...]:
    """Read the extra languages of ``paths`` from now on (none: only the shipped ones), in place of those
    in force; gives back the folders that were in force, so a caller can restore them.

    >>> before = use("/nonexistent")
    >>> folders(), use(*before), folders() == before
    ((PosixPath('/nonexistent'),), (PosixPath('/nonexistent'),), True)
    """
    before = folders()
    chosen = os.pathsep.join(str(p) for p in paths) or None
    if chosen != _folders[0]:
        _folders[0] = chosen
        for clear in _CLEARS:
            clear()
    return before


def cached(maxsize: int | None = None) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """:func:`functools.lru_cache` (unbounded by default), emptied whenever the extra folders change.

    What is built from the words (a list, a pattern, a verdict on a text) is kept for the folders in
    force (:func:`use`): a caller that names other folders gets answers from their words only, and
    the rules are asked as fast as through a plain cache.

    >>> @cached()
    ... def count() -> int:
    ...     return len(languages())
    >>> count() == len(languages())
    True
    """

    def decorate(function: Callable[P, R]) -> Callable[P, R]:
        kept = functools.lru_cache(maxsize)(function)
        _CLEARS.append(kept.cache_clear)
        _CACHED.append(kept)
        return kept  # type: ignore[return-value]

    return decorate


#: Every function :func:`cached` keeps the answers of.
_CACHED: list[Callable[..., Any]] = []


def built(where: Callable[[str], bool] = lambda module: True) -> int:
    """Call every argument-free function that :func:`cached` keeps (of the modules ``where`` admits), so
    that what they build from the words is built now; how many there were.

    >>> built(lambda module: module == "cleaner.lexicon") >= 0
    True
    """
    count = 0
    for function in list(_CACHED):
        if where(function.__module__) and not inspect.signature(function).parameters:
            function()
            count += 1
    return count


def folders() -> tuple[Path, ...]:
    """The extra folders in force, in order (see :func:`use`)."""
    return tuple(Path(p) for p in (_folders[0] or "").split(os.pathsep) if p)


def _files() -> Iterator[tuple[str, str]]:
    """Every data file's name and text: the shipped ones, then each extra folder's, each set by name."""
    for entry in sorted(resources.files("cleaner.data").iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".json"):
            yield entry.name, entry.read_text(encoding="utf-8")
    for folder in folders():
        for path in sorted(folder.glob("*.json")):
            yield path.name, path.read_text(encoding="utf-8")


def _merged(into: dict[str, Any], data: dict[str, Any]) -> None:
    """Add ``data``'s lists to those of ``into`` (a language's or the common words)."""
    for key, value in data.items():
        if isinstance(value, list) and isinstance(into.get(key), list):
            into[key] = [*into[key], *value]
        else:
            into.setdefault(key, value)


@cached()
def languages() -> dict[str, dict[str, Any]]:
    """Every language's data, by ISO 639-1 code: the files that name their ``"language"``.

    Other data files (``block_model.json``, ``common.json``) are not a language's.  A language
    with files in several folders has the words of all of them.
    """
    out: dict[str, dict[str, Any]] = {}
    for _, text in _files():
        data = json.loads(text)
        if isinstance(data, dict) and isinstance(data.get("language"), str):
            _merged(out.setdefault(data["language"], {}), data)
    return out


@cached()
def common() -> dict[str, Any]:
    """The words of no language (``common.json``, shipped and in each extra folder).

    >>> "facebook" in common()["networks"]
    True
    """
    out: dict[str, Any] = {}
    for name, text in _files():
        if name == COMMON:
            _merged(out, json.loads(text))
    return out


@cached()
def words(key: str, language: str | None = None) -> tuple[str, ...]:
    """The entries under ``key``, lower-cased, longest first.

    With ``language``, that language's entries; otherwise every language's.  The words of no
    language (:func:`common`) are in both.

    >>> words("name_joiners", "de")
    ('und', '&')
    """
    table = languages()
    chosen = [table[language]] if language in table else list(table.values())
    chosen.append(common())
    found: set[str] = set()
    for data in chosen:
        for item in data.get(key, ()):
            if isinstance(item, list):
                found.update(w.lower() for w in item)
            else:
                found.add(str(item).lower())
    return tuple(sorted(found, key=lambda w: (-len(w), w)))


@functools.cache
def alternation(items: tuple[str, ...]) -> str:
    """A regex alternation of literal phrases, longest first; spaces match any run of spaces."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items) or r"(?!)"


@functools.cache
def trie(items: tuple[str, ...]) -> str:
    r"""A regex that matches what :func:`alternation` matches, with the phrases folded into a prefix tree.

    Both match the same strings, but at each place the tree asks only the phrases that share what was
    read so far, where the alternation asks every phrase in turn: on lists of thousands of phrases,
    searching is many times faster. It does not say which phrase matched.

    >>> trie(("sign up", "sign in", "share"))
    's(?:ign\\s+(?:up|in)|hare)'
    >>> bool(re.fullmatch(trie(("sign up", "sign")), "sign")), bool(re.fullmatch(trie(("a.b",)), "axb"))
    (True, False)
    """
    root: dict[str, dict] = {}  # type: ignore[type-arg]
    for item in items:
        node = root
        for char in item:
            node = node.setdefault(r"\s+" if char == " " else re.escape(char), {})
        node[""] = {}
    return _branches(root) if root else r"(?!)"


def _branches(node: dict[str, dict]) -> str:  # type: ignore[type-arg]
    """The regex of one node of :func:`trie`'s tree: its branches, optional where a phrase may end here."""
    branches = [unit + _branches(child) for unit, child in node.items() if unit]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" not in node:
        return body
    return f"(?:{body})?" if len(branches) == 1 else body + "?"


@cached()
def listed(key: str, before: str = "", after: str = "") -> re.Pattern[str]:
    r"""A case-insensitive pattern: ``before``, then any phrase under ``key``, then ``after``.

    Classifiers name theirs with :func:`functools.partial`, and each is built once.

    >>> listed("social", after=r"(?!\w)").match("Follow us on Twitter") is not None
    True
    """
    return re.compile(f"{before}(?:{alternation(words(key))}){after}", re.IGNORECASE)


@cached()
def phrase_pattern(key: str, language: str | None = None) -> re.Pattern[str]:
    """A case-insensitive pattern matching any phrase under ``key`` as whole words."""
    return re.compile(rf"(?<!\w)(?:{alternation(words(key, language))})(?!\w)", re.IGNORECASE)


@cached()
def _numbered(key: str) -> dict[str, int]:
    table: dict[str, int] = {}
    for data in languages().values():
        for number, names in enumerate(data.get(key, ()), start=1):
            for name in names:
                table.setdefault(name.lower(), number)
    return table


def month_number(name: str) -> int | None:
    """The month (1-12) a month name or abbreviation stands for, in any language."""
    return _numbered("months").get(name.lower().rstrip("."))


def month_names() -> tuple[str, ...]:
    """Every month name and abbreviation, longest first."""
    return tuple(sorted(_numbered("months"), key=lambda w: (-len(w), w)))


def weekday_names() -> tuple[str, ...]:
    """Every weekday name and abbreviation, longest first."""
    return tuple(sorted(_numbered("weekdays"), key=lambda w: (-len(w), w)))
