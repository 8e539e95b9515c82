"""The work done for one input: clean it, and judge what ``fix`` may write.

These functions run in worker processes: they take an :class:`Item` and a
:class:`Config` and return an :class:`Outcome`, never raise for bad input, and
touch no file.

:func:`clean_item` is the one place the command turns an item into a
:class:`Result`; every sub-command goes through it.

>>> item = Item("a.txt", "a", text="Talks go on\\n\\nBy Jane Doe\\n\\nThe talks went on for hours, officials said.\\n")
>>> outcome = fix_outcome(item, Config())
>>> outcome.status, outcome.output, outcome.removed
('changed', 'The talks went on for hours, officials said.\\n', (('byline', 1), ('title', 1)))
>>> fix_outcome(Item("b.txt", "b", text=outcome.output), Config()).status
'unchanged'
>>> empty = fix_outcome(Item("c.txt", "c", text="Share on Facebook\\n"), Config())
>>> empty.status, empty.message
('failed', 'cleans to nothing; left as it is')
"""

from __future__ import annotations

import dataclasses
import functools
import json
import re
import traceback
from collections import Counter
from collections.abc import Callable, Mapping
from typing import Any

from cleaner.cli.outcome import CHANGED, FAILED, UNCHANGED, Outcome
from cleaner.config import Config
from cleaner.document import Document, Result
from cleaner.io.errors import BinaryInput, InputError
from cleaner.io.readers import Item
from cleaner.io.text import MAX_ODD_SHARE
from cleaner.pipeline import Pipeline, default_pipeline

#: Template line hashes by site (see :mod:`cleaner.corpus`).
Templates = Mapping[str, frozenset[int]]


@functools.lru_cache(maxsize=8)
def pipeline_for(config: Config) -> Pipeline:
    """The default chain for a config, built once per process."""
    return default_pipeline(config)


def clean_item(item: Item, config: Config, templates: Templates | None = None) -> Result:
    """The result of one item: the only function the command calls to clean.

    A page goes through :func:`cleaner.io.html.clean_page` (trafilatura, then
    the chain), text through the chain; the record's own fields go into the
    metadata either way.  ``templates`` are the template lines of the sites of
    a run (see :mod:`cleaner.cli.templates`).
    """
    pipeline = pipeline_with_templates(config, item, templates)
    if item.html is not None:
        from cleaner.io.html import clean_page

        html = page_text(item)
        return clean_page(html, pipeline, url=item.url, meta=item.meta, source=item.source)
    if item.text is None:
        raise InputError(item.source, "no plain text to clean in this input")
    return pipeline.run(Document.from_text(item.text, source=item.source, meta=item.meta))


def page_text(item: Item) -> str:
    """The text of an item's page: its bytes decoded (see :mod:`cleaner.io.decode`), refused when they are binary,
    and nested no deeper than the parser reads (:mod:`cleaner.io.markup`).

    >>> page_text(Item("a.html", "a", html=b"<p>caf\\xc3\\xa9</p>"))
    '<p>café</p>'
    >>> page_text(Item("b.html", "b", html=b"GIF89a\\x01\\x02"))
    Traceback (most recent call last):
    ...
    cleaner.io.errors.BinaryInput: b.html: binary data (GIF image), not a page
    """
    from cleaner.io.decode import decode_html
    from cleaner.io.markup import bounded_nesting
    from cleaner.io.text import binary_reason, odd_share

    assert item.html is not None
    if isinstance(item.html, bytes) and (reason := binary_reason(item.html)) is not None:
        raise BinaryInput(item.source, f"binary data ({reason}), not a page")
    html = decode_html(item.html, item.charset)
    share = odd_share(html, replaced=isinstance(item.html, bytes))
    if share > MAX_ODD_SHARE:
        raise BinaryInput(item.source, f"binary data ({share:.0%} control or undecodable characters), not a page")
    return bounded_nesting(html)


def _clean(item: Item, config: Config, templates: Templates | None) -> Result:
    """:func:`clean_item`, called with two arguments when there are no templates (as before they existed)."""
    return clean_item(item, config, templates) if templates else clean_item(item, config)


def pipeline_with_templates(config: Config, item: Item, templates: Templates | None) -> Pipeline:
    """The pipeline for one item: the default chain, with its site's template lines when there are any."""
    if not templates:
        return pipeline_for(config)
    from cleaner.cli.templates import item_site
    from cleaner.corpus import with_templates

    return with_templates(pipeline_for(config), templates.get(item_site(item), frozenset()))


def removed_kinds(result: Result, config: Config) -> tuple[tuple[str, int], ...]:
    """How many blocks of each kind cleaning left out of the text (kinds kept by the config do not count)."""
    counts = Counter(b.kind for b in result.blocks if not b.kept and b.kind not in config.keep)
    return tuple(sorted(counts.items()))


def failure(source: str, error: BaseException) -> Outcome:
    """The outcome of an input that raised: bad input is a plain message, anything else an internal error."""
    if isinstance(error, InputError):
        where = f"{error.source}:{error.line}" if error.line is not None else error.source
        return Outcome(where, FAILED, message=error.reason)
    detail = "".join(traceback.format_exception(error))
    return Outcome(source, FAILED, message=f"internal error ({type(error).__name__}: {error})", detail=detail)


def guarded(work: Callable[[Item, Config], Outcome], item: Item, config: Config) -> Outcome:
    """``work(item, config)``, with any exception turned into a failed outcome."""
    try:
        return work(item, config)
    except Exception as error:
        return failure(item.source, error)


def fix_outcome(item: Item, config: Config, templates: Templates | None = None) -> Outcome:
    """What ``fix`` would do with a whole file: leave it, rewrite it, or refuse.

    ``fix`` refuses (and says why) when the text would clean to nothing, or
    when cleaning the clean text again would change it: a file is only
    rewritten with text that is stable.  A file with no text (empty, or
    only whitespace) is left as it is.
    """
    if not (item.text or "").strip():  # empty, or only whitespace: no text to clean, nothing to write
        return Outcome(item.source, UNCHANGED)
    result = _clean(item, config, templates)
    removed = removed_kinds(result, config)
    if result.text == item.text:
        return Outcome(item.source, UNCHANGED, removed=removed)
    if not result.text.strip():
        return Outcome(item.source, FAILED, message="cleans to nothing; left as it is", removed=removed)
    again = _clean(dataclasses.replace(item, text=result.text), config, templates)
    if again.text != result.text:
        return Outcome(item.source, FAILED, message="a second cleaning would change it again; left as it is")
    return Outcome(item.source, CHANGED, output=result.text, removed=removed)


def record(result: Result, ident: str) -> dict[str, Any]:
    """One JSONL record: ``id``, ``text``, ``metadata``, then what was removed and fixed."""
    return {"id": ident, **result.to_dict()}


_SURROGATE = re.compile("[\ud800-\udfff]")


def writable(text: str) -> str:
    """``text`` with lone surrogates (from undecodable file names, or ``\\ud800`` in JSON) as U+FFFD, so UTF-8 can hold it.

    >>> writable("caf\\udce9"), writable("fine")
    ('caf�', 'fine')
    """
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


def render(result: Result, fmt: str, ident: str) -> str:
    """One result in an output format: ``txt``, ``json`` or ``jsonl`` (both JSON forms are :func:`record`)."""
    if fmt == "json":
        return writable(json.dumps(record(result, ident), ensure_ascii=False, indent=2) + "\n")
    if fmt == "jsonl":
        return writable(json.dumps(record(result, ident), ensure_ascii=False) + "\n")
    return writable(result.text)


def clean_outcome(item: Item, config: Config, fmt: str = "txt", templates: Templates | None = None) -> Outcome:
    """What ``clean`` prints or writes for one item."""
    result = _clean(item, config, templates)
    status = UNCHANGED if result.text == item.text else CHANGED
    return Outcome(item.source, status, output=render(result, fmt, item.ident), removed=removed_kinds(result, config))
