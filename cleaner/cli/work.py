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
from collections.abc import Callable
from typing import Any

from cleaner.cli.outcome import CHANGED, FAILED, UNCHANGED, Outcome
from cleaner.config import Config
from cleaner.document import Result
from cleaner.io.documents import document_of
from cleaner.io.errors import InputError
from cleaner.io.readers import Item
from cleaner.pipeline import Pipeline, default_pipeline
from cleaner.strip.templates import Templates


@functools.lru_cache(maxsize=8)
def pipeline_for(config: Config) -> Pipeline:
    """The chain for a config, built once per process."""
    return default_pipeline(config)


def clean_item(item: Item, config: Config, templates: Templates | None = None) -> Result:
    """The result of one item: the only function the command calls to clean.

    The item is read as a document (:func:`cleaner.io.documents.document_of`: a page with
    its signals, or a text; the record's own fields go into the metadata) and goes
    through the chain, with the site templates of a run (see :mod:`cleaner.cli.templates`)
    when there are any.
    """
    pipeline = default_pipeline(config, templates) if templates else pipeline_for(config)
    return pipeline.run(document_of(item))


def _clean(item: Item, config: Config, templates: Templates | None) -> Result:
    """:func:`clean_item`, called with two arguments when there are no templates (as before they existed)."""
    return clean_item(item, config, templates) if templates else clean_item(item, config)


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


def formatted(result: Result, fmt: str, ident: str) -> str:
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
    return Outcome(item.source, status, output=formatted(result, fmt, item.ident), removed=removed_kinds(result, config))
