"""Options, as one frozen object that can be read from ``[tool.cleaner]``.

>>> Config().typography
False
>>> Config.from_mapping({"typography": True, "keep": ["caption"]}).keep
frozenset({'caption'})
>>> Config.from_mapping({"typograpy": True})
Traceback (most recent call last):
...
cleaner.config.ConfigError: unknown option 'typograpy' (did you mean 'typography'?)
"""

from __future__ import annotations

import dataclasses
import difflib
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any


class ConfigError(ValueError):
    """An option that does not exist or has a value of the wrong type."""


@dataclass(frozen=True)
class Config:
    """Every option of the cleaner.

    Field names are the keys of ``[tool.cleaner]`` (with ``-`` or ``_``).
    """

    #: Keep curly quotes, dashes and ellipses as they are (default: straight quotes).
    typography: bool = False
    #: Kinds of chrome to keep in the text instead of removing them.
    keep: frozenset[str] = frozenset()
    #: Steps of the default chain to switch off, by name.
    disable: frozenset[str] = frozenset()
    #: Language of the input when known (ISO 639-1); detection still fills metadata.
    language: str | None = None
    #: Repair typos in kept text.
    typos: bool = True
    #: The block model to decide with: a JSON file written by ``scripts/train_block_model.py`` (default: the shipped one).
    model: str | None = None
    #: Glob patterns of files to clean when a folder is given (text, HTML, JSONL and WARC, gzipped or not).
    include: tuple[str, ...] = (
        "*.txt",
        "*.html",
        "*.htm",
        "*.jsonl",
        "*.warc",
        "*.txt.gz",
        "*.html.gz",
        "*.htm.gz",
        "*.jsonl.gz",
        "*.warc.gz",
    )
    #: Glob patterns of files and folders to skip.
    exclude: tuple[str, ...] = ()
    #: A line must recur in this many documents of one site to count as its template.
    template_min_docs: int = 3
    #: JSONL: the field holding the text, the id, and (optionally) HTML.
    text_field: str = "text"
    id_field: str = "id"
    html_field: str | None = None

    def __post_init__(self) -> None:
        from cleaner.strip.registry import check_kinds

        check_kinds(self.keep)
        if self.template_min_docs < 2:
            raise ConfigError("template_min_docs must be at least 2")

    @classmethod
    def from_mapping(cls, options: Mapping[str, Any], base: Config | None = None) -> Config:
        """A config from a mapping of option names (``-`` or ``_``) to values."""
        base = base or cls()
        return base.replace(**{str(k).replace("-", "_"): v for k, v in options.items()})

    def replace(self, **options: Any) -> Config:
        """A copy with some options changed; unknown or ill-typed options raise."""
        names = {f.name: f for f in dataclasses.fields(self)}
        converted: dict[str, Any] = {}
        for key, value in options.items():
            if key not in names:
                raise ConfigError(_unknown(key, names))
            converted[key] = _convert(key, value, getattr(self, key))
        return dataclasses.replace(self, **converted)

    @classmethod
    def from_pyproject(cls, path: str | Path) -> Config:
        """The ``[tool.cleaner]`` table of a pyproject.toml (defaults when absent)."""
        try:
            with open(path, "rb") as handle:
                data = tomllib.load(handle)
        except tomllib.TOMLDecodeError as error:
            raise ConfigError(f"{path}: {error}") from None
        table = data.get("tool", {}).get("cleaner", {})
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: [tool.cleaner] must be a table")
        try:
            return cls.from_mapping(table)
        except ConfigError as error:
            raise ConfigError(f"{path}: {error}") from None

    @classmethod
    def from_file(cls, path: str | Path) -> Config:
        """A config file: a pyproject.toml, or a TOML file whose top level is the options."""
        path = Path(path)
        if path.name == "pyproject.toml":
            return cls.from_pyproject(path)
        try:
            with open(path, "rb") as handle:
                data = tomllib.load(handle)
        except tomllib.TOMLDecodeError as error:
            raise ConfigError(f"{path}: {error}") from None
        table = data.get("tool", {}).get("cleaner", data)
        try:
            return cls.from_mapping(table)
        except ConfigError as error:
            raise ConfigError(f"{path}: {error}") from None


def find_pyproject(start: str | Path) -> Path | None:
    """The nearest pyproject.toml at or above ``start`` that has ``[tool.cleaner]``."""
    here = Path(start).resolve()
    for folder in (here, *here.parents) if here.is_dir() else here.parents:
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            try:
                data = tomllib.loads(candidate.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
                continue
            if "cleaner" in data.get("tool", {}):
                return candidate
    return None


def _unknown(key: str, names: Mapping[str, Any]) -> str:
    close = difflib.get_close_matches(key, list(names), n=1)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    return f"unknown option {key!r}{hint}"


def _convert(key: str, value: Any, default: Any) -> Any:
    """Coerce a TOML or keyword value to the type of the option's default."""
    if isinstance(default, bool):
        if not isinstance(value, bool):
            raise ConfigError(f"option {key!r} takes true or false, not {value!r}")
        return value
    if isinstance(default, int):
        if isinstance(value, bool) or not isinstance(value, int):
            raise ConfigError(f"option {key!r} takes a whole number, not {value!r}")
        return value
    if isinstance(default, (frozenset, tuple)):
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, (list, tuple, set, frozenset)) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f"option {key!r} takes a list of strings, not {value!r}")
        return frozenset(value) if isinstance(default, frozenset) else tuple(value)
    if value is not None and not isinstance(value, str):
        raise ConfigError(f"option {key!r} takes a string, not {value!r}")
    return value
