"""The errors the library raises for a bad option: a leaf module, so that every layer may raise them.

>>> raise ConfigError("unknown option 'typograpy' (did you mean 'typography'?)")
Traceback (most recent call last):
...
cleaner.errors.ConfigError: unknown option 'typograpy' (did you mean 'typography'?)
"""

from __future__ import annotations

import difflib
from collections.abc import Collection


class ConfigError(ValueError):
    """An option that does not exist, or has a value of the wrong type or out of range."""


def did_you_mean(word: str, choices: Collection[str]) -> str:
    """`` (did you mean 'x'?)`` when one of ``choices`` is close to ``word``, else ``""``.

    >>> did_you_mean("fix_typo", ["fix_typos", "normalize"]), did_you_mean("zzz", ["fix_typos"])
    (" (did you mean 'fix_typos'?)", '')
    """
    close = difflib.get_close_matches(word, sorted(choices), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""
