"""Options, as one frozen object that can be read from ``[tool.cleaner]``.

>>> Config().typography
False
>>> Config.from_mapping({"typography": True, "keep": ["caption"]}).keep
frozenset({'caption'})
>>> Config.from_mapping({"typograpy": True})
Traceback (most recent call last):
...
cleaner.errors.ConfigError: unknown option 'typograpy' (did you mean 'typography'?)
>>> Config(language="english")
Traceback (most recent call last):
...
cleaner.errors.ConfigError: language must be a language code (ISO 639-1, such as 'en' or 'pt-br'), not 'english'
>>> Config.from_mapping({"max-bytes": "16 MiB"}).max_bytes
16777216
>>> Config(language_detector="langdetcet")
Traceback (most recent call last):
...
cleaner.errors.ConfigError: language_detector must be one of 'cld2', 'langdetect', not 'langdetcet' (did you mean 'langdetect'?)
"""

from __future__ import annotations

import dataclasses
import re
import tomllib
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cleaner.errors import ConfigError, did_you_mean

__all__ = ["Config", "ConfigError", "did_you_mean", "find_pyproject", "language_code", "read_toml", "size_in_bytes"]

#: The two-letter codes of ISO 639-1 (a ``language`` is one of them, with an optional region or script).
ISO_639_1 = frozenset(
    [
        "aa",
        "ab",
        "ae",
        "af",
        "ak",
        "am",
        "an",
        "ar",
        "as",
        "av",
        "ay",
        "az",
        "ba",
        "be",
        "bg",
        "bh",
        "bi",
        "bm",
        "bn",
        "bo",
        "br",
        "bs",
        "ca",
        "ce",
        "ch",
        "co",
        "cr",
        "cs",
        "cu",
        "cv",
        "cy",
        "da",
        "de",
        "dv",
        "dz",
        "ee",
        "el",
        "en",
        "eo",
        "es",
        "et",
        "eu",
        "fa",
        "ff",
        "fi",
        "fj",
        "fo",
        "fr",
        "fy",
        "ga",
        "gd",
        "gl",
        "gn",
        "gu",
        "gv",
        "ha",
        "he",
        "hi",
        "ho",
        "hr",
        "ht",
        "hu",
        "hy",
        "hz",
        "ia",
        "id",
        "ie",
        "ig",
        "ii",
        "ik",
        "io",
        "is",
        "it",
        "iu",
        "ja",
        "jv",
        "ka",
        "kg",
        "ki",
        "kj",
        "kk",
        "kl",
        "km",
        "kn",
        "ko",
        "kr",
        "ks",
        "ku",
        "kv",
        "kw",
        "ky",
        "la",
        "lb",
        "lg",
        "li",
        "ln",
        "lo",
        "lt",
        "lu",
        "lv",
        "mg",
        "mh",
        "mi",
        "mk",
        "ml",
        "mn",
        "mr",
        "ms",
        "mt",
        "my",
        "na",
        "nb",
        "nd",
        "ne",
        "ng",
        "nl",
        "nn",
        "no",
        "nr",
        "nv",
        "ny",
        "oc",
        "oj",
        "om",
        "or",
        "os",
        "pa",
        "pi",
        "pl",
        "ps",
        "pt",
        "qu",
        "rm",
        "rn",
        "ro",
        "ru",
        "rw",
        "sa",
        "sc",
        "sd",
        "se",
        "sg",
        "si",
        "sk",
        "sl",
        "sm",
        "sn",
        "so",
        "sq",
        "sr",
        "ss",
        "st",
        "su",
        "sv",
        "sw",
        "ta",
        "te",
        "tg",
        "th",
        "ti",
        "tk",
        "tl",
        "tn",
        "to",
        "tr",
        "ts",
        "tt",
        "tw",
        "ty",
        "ug",
        "uk",
        "ur",
        "uz",
        "ve",
        "vi",
        "vo",
        "wa",
        "wo",
        "xh",
        "yi",
        "yo",
        "za",
        "zh",
        "zu",
    ]
)
_LANGUAGE = re.compile(r"([a-z]{2})(?:[-_]([a-z]{2}|[a-z]{4}|[0-9]{3}))?", re.IGNORECASE)
#: The default of ``max_bytes``: the largest document read (a file after gunzip, a JSONL line, a WARC record's page).
MAX_BYTES = 64 * 1024 * 1024
#: The default of ``max_gzip_ratio``: how many times its own size a gzipped file may expand to.
MAX_GZIP_RATIO = 100
_SIZE = re.compile(r"\s*([0-9]+)\s*(k|kib|m|mib|g|gib|kb|mb|gb|b)?\s*", re.IGNORECASE)
_UNITS = {"": 1, "b": 1, "k": 2**10, "kib": 2**10, "m": 2**20, "mib": 2**20, "g": 2**30, "gib": 2**30}
_UNITS.update({"kb": 10**3, "mb": 10**6, "gb": 10**9})


def language_code(value: str) -> str:
    """A language code as the cleaner writes it (lower case, ``-`` before a region), or :class:`ConfigError`.

    >>> language_code("en"), language_code("pt_BR"), language_code("zh-Hant")
    ('en', 'pt-br', 'zh-hant')
    >>> language_code("xx")
    Traceback (most recent call last):
    ...
    cleaner.errors.ConfigError: language must be a language code (ISO 639-1, such as 'en' or 'pt-br'), not 'xx'
    """
    match = _LANGUAGE.fullmatch(value.strip())
    if match is None or match.group(1).lower() not in ISO_639_1:
        raise ConfigError(f"language must be a language code (ISO 639-1, such as 'en' or 'pt-br'), not {value!r}")
    return value.strip().lower().replace("_", "-")


def detector_name(value: str) -> str:
    """The name of a language detector (any case), or :class:`ConfigError`.

    >>> detector_name("CLD2"), detector_name("langdetect")
    ('cld2', 'langdetect')
    """
    from cleaner.meta.language import DETECTORS

    name = value.strip().lower() if isinstance(value, str) else value
    if name not in DETECTORS:
        choices = ", ".join(repr(d) for d in DETECTORS)
        hint = did_you_mean(name, DETECTORS) if isinstance(name, str) else ""
        raise ConfigError(f"language_detector must be one of {choices}, not {value!r}{hint}")
    return name


def size_in_bytes(value: int | str) -> int:
    """A size given as a number of bytes or with a unit (``KiB``, ``MiB``, ``GiB`` or ``K``, ``M``, ``G``; ``KB``, ``MB``, ``GB``).

    >>> size_in_bytes(1000), size_in_bytes("64MiB"), size_in_bytes("2 GB"), size_in_bytes("512k")
    (1000, 67108864, 2000000000, 524288)
    """
    if isinstance(value, int):
        return value
    match = _SIZE.fullmatch(value)
    if match is None:
        raise ConfigError(f"a size is a number of bytes, or one with a unit (such as '64 MiB'), not {value!r}")
    return int(match.group(1)) * _UNITS[(match.group(2) or "").lower()]


def unknown_steps(unknown: Collection[str], known: Collection[str]) -> str:
    """The message for steps that ``disable`` names but the chain does not have.

    >>> unknown_steps(["fix_typo"], ["fix_typos", "peel_head"])
    "cannot disable unknown step 'fix_typo' (did you mean 'fix_typos'?); the steps are fix_typos, peel_head"
    """
    named = "; ".join(f"{name!r}{did_you_mean(name, known)}" for name in sorted(unknown))
    step = "step" if len(unknown) == 1 else "steps"
    return f"cannot disable unknown {step} {named}; the steps are {', '.join(sorted(known))}"


@dataclass(frozen=True, init=False)
class Config:
    """Every option of the cleaner, as keywords: ``Config(typography=True, keep=["caption"])``.

    Field names are the keys of ``[tool.cleaner]`` (with ``-`` or ``_``).  Each
    value is parsed when the config is made, as a TOML value is: a list or a
    single string for a set of names, a size with a unit for ``max_bytes``;
    anything else, or an unknown option, is a :class:`ConfigError`.  Whether
    the names it gives (kinds, steps, a model file) exist is checked when a
    chain is built from it (:func:`cleaner.pipeline.build`).

    >>> Config(keep="caption", disable=["fix_typos"]).keep
    frozenset({'caption'})
    >>> Config(typos="no")
    Traceback (most recent call last):
    ...
    cleaner.errors.ConfigError: option 'typos' takes true or false, not 'no'
    >>> Config(max_bytes="10 MB").max_bytes, hash(Config(disable=["fix_typos"])) == hash(Config(disable=("fix_typos",)))
    (10000000, True)
    """

    typography: bool = False
    """Keep curly quotes, dashes and ellipses as they are (default: straight quotes)."""
    keep: frozenset[str] = frozenset()
    """Kinds of chrome to keep in the text instead of removing them."""
    disable: frozenset[str] = frozenset()
    """Steps of the chain, and rows of the decision table, to switch off, by name."""
    language: str | None = None
    """Language of the input when known (ISO 639-1); detection still fills metadata."""
    language_detector: str = "cld2"
    """What detects the language: ``"cld2"`` (compiled, fast) or ``"langdetect"``."""
    typos: bool = True
    """Repair typos in kept text."""
    model: str | None = None
    """The block model to decide with: a JSON file written by ``scripts/train_block_model.py`` (default: the shipped one)."""
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
    """Glob patterns of files to clean when a folder is given (text, HTML, JSONL and WARC, gzipped or not)."""
    exclude: tuple[str, ...] = ()
    """Glob patterns of files and folders to skip."""
    templates: bool = True
    """Learn site templates when many documents are cleaned together (a folder, a file of records)."""
    template_min_docs: int = 3
    """A line must recur in this many documents of one site to count as its template."""
    text_field: str = "text"
    """JSONL: the field of a record that holds its text."""
    id_field: str = "id"
    """JSONL: the field of a record that holds its id (``<file stem>:<line>`` when absent)."""
    html_field: str | None = None
    """JSONL: the field of a record that holds its page's HTML, cleaned as a page when present (default: none)."""
    max_bytes: int = MAX_BYTES
    """The largest document read, in bytes: a text or HTML file (after gunzip), a JSONL line, a WARC record's page."""
    max_gzip_ratio: int = MAX_GZIP_RATIO
    """A gzipped file may expand to at most this many times its own size (or to ``max_bytes``, if more)."""

    def __init__(self, **options: Any) -> None:
        fields = {f.name: f for f in dataclasses.fields(Config)}
        for key in options:
            if key not in fields:
                raise ConfigError(_unknown(key, fields))
        for name, spec in fields.items():
            value = _convert(name, options[name], spec.default) if name in options else spec.default
            object.__setattr__(self, name, value)
        if self.template_min_docs < 2:
            raise ConfigError("template_min_docs must be at least 2")
        if self.language is not None:
            object.__setattr__(self, "language", language_code(self.language))
        object.__setattr__(self, "language_detector", detector_name(self.language_detector))
        if self.max_bytes < 1:
            raise ConfigError(f"max_bytes must be at least 1, not {self.max_bytes}")
        if self.max_gzip_ratio < 1:
            raise ConfigError(f"max_gzip_ratio must be at least 1, not {self.max_gzip_ratio}")

    @classmethod
    def from_mapping(cls, options: Mapping[str, Any], base: Config | None = None) -> Config:
        """A config from a mapping of option names (``-`` or ``_``) to values."""
        base = base or cls()
        return base.replace(**{str(k).replace("-", "_"): v for k, v in options.items()})

    def replace(self, **options: Any) -> Config:
        """A copy with some options changed; unknown or ill-typed options raise."""
        return dataclasses.replace(self, **options)

    @classmethod
    def from_pyproject(cls, path: str | Path) -> Config:
        """The ``[tool.cleaner]`` table of a pyproject.toml (defaults when absent)."""
        table = _tool_table(read_toml(path), path)
        if table is None:
            return cls()
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
        data = read_toml(path)
        table = _tool_table(data, path)
        try:
            return cls.from_mapping(data if table is None else table)
        except ConfigError as error:
            raise ConfigError(f"{path}: {error}") from None


def read_toml(path: str | Path) -> dict[str, Any]:
    """A TOML file's contents; a file that does not parse is a :class:`ConfigError` naming it (and the line).

    >>> import tempfile
    >>> bad = Path(tempfile.mkdtemp()) / "pyproject.toml"
    >>> _ = bad.write_text("[tool.cleaner\\nkeep = 1\\n")
    >>> read_toml(bad)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    cleaner.errors.ConfigError: .../pyproject.toml: not valid TOML (Expected ']' at the end of a table declaration (at line 1, column 14))
    """
    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: not valid TOML ({error})") from None
    except UnicodeDecodeError as error:
        raise ConfigError(f"{path}: not valid TOML (not UTF-8 at byte {error.start})") from None


def _tool_table(data: Mapping[str, Any], path: str | Path) -> Mapping[str, Any] | None:
    """The ``[tool.cleaner]`` table of parsed TOML (``None`` when absent), or a :class:`ConfigError`."""
    tool = data.get("tool", {})
    if not isinstance(tool, dict):
        raise ConfigError(f"{path}: [tool] must be a table")
    if "cleaner" not in tool:
        return None
    if not isinstance(tool["cleaner"], dict):
        raise ConfigError(f"{path}: [tool.cleaner] must be a table")
    table: Mapping[str, Any] = tool["cleaner"]
    return table


def find_pyproject(start: str | Path) -> Path | None:
    """The nearest pyproject.toml at or above ``start`` that has ``[tool.cleaner]``.

    A pyproject.toml met on the way that does not parse (or cannot be read) is
    a :class:`ConfigError` naming it: it may be the one meant to hold the options.
    """
    here = Path(start).resolve()
    for folder in (here, *here.parents) if here.is_dir() else here.parents:
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            try:
                data = read_toml(candidate)
            except OSError as error:
                raise ConfigError(f"{candidate}: cannot read ({error.strerror or error})") from None
            tool = data.get("tool", {})
            if isinstance(tool, dict) and "cleaner" in tool:
                return candidate
    return None


def _unknown(key: str, names: Mapping[str, Any]) -> str:
    return f"unknown option {key!r}{did_you_mean(key, list(names))}"


def _convert(key: str, value: Any, default: Any) -> Any:
    """Coerce a TOML or keyword value to the type of the option's default."""
    if isinstance(default, bool):
        if not isinstance(value, bool):
            raise ConfigError(f"option {key!r} takes true or false, not {value!r}")
        return value
    if key == "max_bytes" and isinstance(value, str):
        try:
            return size_in_bytes(value)
        except ConfigError as error:
            raise ConfigError(f"option {key!r}: {error}") from None
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
