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

from collections.abc import Collection, Iterator, Sequence

from cleaner.cli.inputs import STDIN, gather
from cleaner.config import Config
from cleaner.corpus import find_templates, line_hash, site_of
from cleaner.io.readers import Item

__all__ = ["corpus_templates", "item_site", "line_hash"]


def item_site(item: Item) -> str:
    """The site of one input: its URL's host, else its folder (or its file, for a record in a file)."""
    return site_of(item.url, item.path if item.path is not None else item.source, item.whole_file)


def _documents(
    paths: Sequence[str], config: Config, whole_files: bool, avoid: Collection[str]
) -> Iterator[tuple[str, str]]:
    for entry in gather(paths, config, whole_files=whole_files, avoid=avoid):
        if isinstance(entry, Item) and entry.text is not None:
            yield item_site(entry), entry.text


def corpus_templates(
    paths: Sequence[str], config: Config, whole_files: bool = False, avoid: Collection[str] = ()
) -> dict[str, frozenset[int]]:
    """The template line hashes of every site among the inputs (none for standard input, read only once)."""
    if STDIN in paths:
        return {}
    return find_templates(_documents(paths, config, whole_files, avoid), config.template_min_docs)
