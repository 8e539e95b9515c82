"""The command's first pass over many documents: the templates of their sites.

``clean``, ``fix`` and ``check`` read their inputs twice when there are many
documents (a folder, a file of records): first to find each site's template
lines (:func:`cleaner.corpus.find_templates`), then to clean every document
with its site's template.  Only line hashes are kept between the passes.

A document's site is its URL's host, else the folder of its file or the
file of its record (:func:`cleaner.io.documents.item_site`).  Only a site known
from URLs learns single lines; a folder may mix the pages of many sites, so
its files count only the runs of consecutive lines they share
(:func:`cleaner.strip.templates.evidence`).  With ``config.templates`` off,
there is no first pass.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> for n in "abc":
...     _ = (folder / f"{n}.txt").write_text(f"Home\\n\\nNews\\n\\nSport\\n\\nStory {n} went on, he said.\\n\\nAds\\n")
>>> templates = corpus_templates([str(folder)], Config())
>>> list(templates.values()) == [run_hashes(["Home", "News", "Sport"])]
True
>>> corpus_templates([str(folder)], Config(templates=False)), corpus_templates(["-"], Config())
({}, {})
"""

from __future__ import annotations

import functools
from collections.abc import Collection, Iterator, Sequence

from cleaner.cli.inputs import STDIN, gather
from cleaner.cli.pool import map_chunks
from cleaner.config import Config
from cleaner.corpus import count_templates, document_lines, line_hash
from cleaner.io.documents import item_by_url, item_site
from cleaner.io.readers import Item
from cleaner.strip.templates import run_hashes

__all__ = ["corpus_templates", "line_hash", "run_hashes"]


def _documents(
    paths: Sequence[str], config: Config, whole_files: bool, avoid: Collection[str]
) -> Iterator[tuple[str, str, bool]]:
    for entry in gather(paths, config, whole_files=whole_files, avoid=avoid):
        if isinstance(entry, Item) and entry.text is not None:
            yield item_site(entry), entry.text, item_by_url(entry)


def corpus_templates(
    paths: Sequence[str], config: Config, whole_files: bool = False, avoid: Collection[str] = (), jobs: int = 1
) -> dict[str, frozenset[int]]:
    """The template line hashes of every site among the inputs (none for standard input, read only once).

    The documents' lines are repaired, cut and hashed by ``jobs`` processes; only the hashes come back.
    """
    if STDIN in paths or not config.templates:
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
    documents: list[tuple[str, str, bool]], config: Config | None = None
) -> list[tuple[str, int, frozenset[int]]]:
    """``(site, text hash, line hashes)`` of each ``(site, text, by_url)`` (:func:`cleaner.corpus.document_lines`).

    >>> rows = document_rows([("s", "Menu\\n\\nA one.", True), ("t", "Menu", False)])
    >>> [(site, len(lines)) for site, _, lines in rows]
    [('s', 2), ('t', 0)]
    """
    return [(site, *document_lines(text, config, by_url)) for site, text, by_url in documents]
