"""Word lists per language, from ``cleaner/data/<lang>.json``.

Language-specific words (months, "Follow us", "Read more", "By") live in
data files, not in code.  Classifiers run before the language is known, so
they usually ask for the union over every language.

>>> month_number("December"), month_number("déc."), month_number("Foo")
(12, 12, None)
>>> bool(phrase_pattern("related").fullmatch("More from"))
True
"""

from __future__ import annotations

import functools
import json
import re
from importlib import resources
from typing import Any


@functools.cache
def languages() -> dict[str, dict[str, Any]]:
    """Every language's data, by ISO 639-1 code."""
    out: dict[str, dict[str, Any]] = {}
    for entry in sorted(resources.files("cleaner.data").iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".json"):
            data = json.loads(entry.read_text(encoding="utf-8"))
            out[data.get("language", entry.name[:-5])] = data
    return out


@functools.cache
def words(key: str, language: str | None = None) -> tuple[str, ...]:
    """The entries under ``key``, lower-cased, longest first.

    With ``language``, that language's entries; otherwise every language's.
    """
    table = languages()
    chosen = [table[language]] if language in table else list(table.values())
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


@functools.cache
def listed(key: str, before: str = "", after: str = "") -> re.Pattern[str]:
    r"""A case-insensitive pattern: ``before``, then any phrase under ``key``, then ``after``.

    Classifiers name theirs with :func:`functools.partial`, and each is built once.

    >>> listed("social", after=r"(?!\w)").match("Follow us on Twitter") is not None
    True
    """
    return re.compile(f"{before}(?:{alternation(words(key))}){after}", re.IGNORECASE)


@functools.cache
def phrase_pattern(key: str, language: str | None = None) -> re.Pattern[str]:
    """A case-insensitive pattern matching any phrase under ``key`` as whole words."""
    return re.compile(rf"(?<!\w)(?:{alternation(words(key, language))})(?!\w)", re.IGNORECASE)


@functools.cache
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
