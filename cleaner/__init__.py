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

from typing import Any

from cleaner.config import Config, ConfigError
from cleaner.document import Block, Document, Fact, Fix, Removal, Result
from cleaner.pipeline import Pipeline, Step, default_pipeline

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


def clean(text: str, config: Config | None = None, **options: Any) -> Result:
    """Clean one scraped article given as plain text.

    ``options`` are :class:`Config` fields and override ``config``
    (``clean(text, typography=True)``).
    """
    config = (config or Config()).replace(**options) if options else (config or Config())
    return default_pipeline(config).clean(text)


def clean_html(
    html: str | bytes,
    url: str | None = None,
    config: Config | None = None,
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
    and wins over what is found.

    >>> page = b"<html><head><title>Talks go on</title></head><body><article><h1>Talks go on</h1>" \\
    ...        b"<p>By Jane Doe</p><p>The talks went on for hours on Monday, officials said.</p></article></body></html>"
    >>> result = clean_html(page)
    >>> result.text, result.metadata["title"], result.metadata["authors"]
    ('The talks went on for hours on Monday, officials said.\\n', 'Talks go on', ['Jane Doe'])
    """
    from cleaner.io.html import read_html

    config = (config or Config()).replace(**options) if options else (config or Config())
    return default_pipeline(config).run(read_html(html, url, charset=charset, meta=meta))
