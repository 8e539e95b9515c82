"""cleaner: scraped news in, clean text and metadata out.

>>> from cleaner import clean
>>> result = clean("Talks go on\\n\\nBy Jane Doe\\n\\nThe talks went on for hours, officials said on Monday.\\n")
>>> result.text
'The talks went on for hours, officials said on Monday.\\n'
>>> result.metadata["title"], result.metadata["authors"]
('Talks go on', ['Jane Doe'])
>>> [(r.kind, r.text) for r in result.removed]
[('title', 'Talks go on'), ('byline', 'By Jane Doe')]
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from cleaner.config import Config, ConfigError
    from cleaner.document import Block, Document, Fact, Fix, Removal, Result
    from cleaner.pipeline import Pipeline, Step, default_pipeline

#: Where each public name lives: imported on first use, so that ``import cleaner`` (and the command's
#: first moment, when Ctrl-C must still end in one line) costs next to nothing.
_HOMES = {
    "Config": "cleaner.config",
    "ConfigError": "cleaner.config",
    "Block": "cleaner.document",
    "Document": "cleaner.document",
    "Fact": "cleaner.document",
    "Fix": "cleaner.document",
    "Removal": "cleaner.document",
    "Result": "cleaner.document",
    "Pipeline": "cleaner.pipeline",
    "Step": "cleaner.pipeline",
    "default_pipeline": "cleaner.pipeline",
}

__all__ = [
    "Block",
    "Config",
    "ConfigError",
    "Document",
    "Fact",
    "Fix",
    "Pipeline",
    "Removal",
    "Result",
    "Step",
    "clean",
    "clean_html",
    "default_pipeline",
]
__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    """A public name (or a submodule, ``cleaner.config``), imported the first time it is asked for."""
    if name in _HOMES:
        value = getattr(importlib.import_module(_HOMES[name]), name)
        globals()[name] = value
        return value
    try:
        return importlib.import_module(f"cleaner.{name}")
    except ModuleNotFoundError as error:
        if error.name != f"cleaner.{name}":
            raise
        raise AttributeError(f"module 'cleaner' has no attribute {name!r}") from None


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


def _config(config: Config | Mapping[str, Any] | None, options: dict[str, Any]) -> Config:
    """The config of a call: ``config`` (a :class:`Config`, or a mapping of options as in ``[tool.cleaner]``),
    with ``options`` on top."""
    from cleaner.config import Config

    if config is None:
        base = Config()
    elif isinstance(config, Config):
        base = config
    elif isinstance(config, Mapping):
        base = Config.from_mapping(config)
    else:
        raise TypeError(f"config must be a Config or a mapping of options, not {type(config).__name__}")
    return base.replace(**options) if options else base


def clean(text: str | bytes, config: Config | Mapping[str, Any] | None = None, **options: Any) -> Result:
    """Clean one scraped article given as plain text; the result holds the text, metadata and what was removed.

    ``config`` is a :class:`Config` or a mapping of its options (``{"typography": True}``,
    as ``[tool.cleaner]`` gives them); ``options`` are :class:`Config` fields and override it
    (``clean(text, typography=True)``).  Bytes are decoded as the command decodes a text file
    (a byte-order mark, else UTF-8, else the detected encoding; binary data is refused).
    For a web page, use :func:`clean_html`.

    >>> clean("Talks go on\\n\\nThe talks went on for hours, officials said.".encode("utf-8")).text
    'The talks went on for hours, officials said.\\n'
    >>> clean(None)
    Traceback (most recent call last):
    ...
    TypeError: clean() takes the text as str (or bytes), not NoneType; for a web page use clean_html()
    """
    from cleaner.pipeline import default_pipeline

    if isinstance(text, (bytes, bytearray, memoryview)):
        from cleaner.io.text import decode_text

        text = decode_text(bytes(text), "<bytes>")
    elif not isinstance(text, str):
        raise TypeError(
            f"clean() takes the text as str (or bytes), not {type(text).__name__}; for a web page use clean_html()"
        )
    return default_pipeline(_config(config, options)).clean(text)


def clean_html(
    html: str | bytes,
    url: str | None = None,
    config: Config | Mapping[str, Any] | None = None,
    *,
    charset: str | None = None,
    meta: dict[str, Any] | None = None,
    **options: Any,
) -> Result:
    """Clean one web page: its article text, its metadata, and what was removed.

    Bytes are decoded as browsers do (BOM, UTF-8, the declared ``charset`` of
    the HTTP header, ``<meta>``, detection); tags nested deeper than the
    parser reads are left out (see :mod:`cleaner.io.markup`).  trafilatura
    finds the article; the page's structure and the default chain remove
    what it kept that is not the article.  ``meta`` (a record's own fields) goes into the metadata
    and wins over what is found.  ``config`` and ``options`` are as for :func:`clean`.

    >>> page = b"<html><head><title>Talks go on</title></head><body><article><h1>Talks go on</h1>" \\
    ...        b"<p>By Jane Doe</p><p>The talks went on for hours on Monday, officials said.</p></article></body></html>"
    >>> result = clean_html(page)
    >>> result.text, result.metadata["title"], result.metadata["authors"]
    ('The talks went on for hours on Monday, officials said.\\n', 'Talks go on', ['Jane Doe'])
    >>> clean_html(None)
    Traceback (most recent call last):
    ...
    TypeError: clean_html() takes the page as str or bytes, not NoneType
    """
    from cleaner.io.html import read_html
    from cleaner.pipeline import default_pipeline

    if not isinstance(html, (str, bytes, bytearray, memoryview)):
        raise TypeError(f"clean_html() takes the page as str or bytes, not {type(html).__name__}")
    if url is not None and not isinstance(url, str):
        raise TypeError(f"clean_html() takes the url as str (config comes third, or as config=), not {type(url).__name__}")
    page = bytes(html) if isinstance(html, (bytearray, memoryview)) else html
    return default_pipeline(_config(config, options)).run(read_html(page, url, charset=charset, meta=meta))
