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
    "Block", "Config", "ConfigError", "Document", "Fact", "Fix", "Pipeline", "Removal", "Result", "Step",
    "clean", "default_pipeline",
]
__version__ = "0.1.0"


def clean(text: str, config: Config | None = None, **options: Any) -> Result:
    """Clean one scraped article given as plain text.

    ``options`` are :class:`Config` fields and override ``config``
    (``clean(text, typography=True)``).
    """
    config = (config or Config()).replace(**options) if options else (config or Config())
    return default_pipeline(config).clean(text)
