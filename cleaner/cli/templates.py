"""The command's first pass over many documents: the templates of their sites.

``clean``, ``fix`` and ``check`` read their inputs twice when there are many
documents (a folder, a file of records): first to find each site's template
lines (:func:`cleaner.corpus.find_templates`), then to clean every document
with its site's template.  Only line hashes are kept between the passes.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> for n in "abc":
...     _ = (folder / f"{n}.txt").write_text(f"Sign up for our newsletter\\n\\nStory {n} went on, he said.\\n")
>>> templates = corpus_templates([str(folder)], Config())
>>> list(templates.values()) == [frozenset({line_hash("Sign up for our newsletter")})]
True
>>> corpus_templates(["-"], Config())
{}
"""

from __future__ import annotations

import functools
from collections.abc import Collection, Iterator, Sequence

from cleaner.cli.inputs import STDIN, gather
from cleaner.cli.pool import map_chunks
from cleaner.config import Config
from cleaner.corpus import count_templates, document_lines, line_hash
from cleaner.io.documents import item_site
from cleaner.io.readers import Item

__all__ = ["corpus_templates", "line_hash"]


def _documents(
    paths: Sequence[str], config: Config, whole_files: bool, avoid: Collection[str]
) -> Iterator[tuple[str, str]]:
    for entry in gather(paths, config, whole_files=whole_files, avoid=avoid):
        if isinstance(entry, Item) and entry.text is not None:
            yield item_site(entry), entry.text


def corpus_templates(
    paths: Sequence[str], config: Config, whole_files: bool = False, avoid: Collection[str] = (), jobs: int = 1
) -> dict[str, frozenset[int]]:
    """The template line hashes of every site among the inputs (none for standard input, read only once).

    The documents' lines are repaired, cut and hashed by ``jobs`` processes; only the hashes come back.
    """
    if STDIN in paths:
        return {}
    rows = (
        row
        for _, result in map_chunks(
            functools.partial(document_rows, config=config), _documents(paths, config, whole_files, avoid), jobs
        )
        if not isinstance(result, BaseException)  # a worker that died: its documents count for no template
        for row in result
    )
    return count_templates(rows, config.template_min_docs)


def document_rows(
    documents: list[tuple[str, str]], config: Config | None = None
) -> list[tuple[str, int, frozenset[int]]]:
    """``(site, hash of the text, line hashes)`` of each ``(site, text)`` (see :func:`cleaner.corpus.document_lines`).

    >>> [(site, len(lines)) for site, _, lines in document_rows([("s", "Menu\\n\\nA one.")])]
    [('s', 2)]
    """
    return [(site, *document_lines(text, config)) for site, text in documents]
