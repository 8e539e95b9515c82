"""Steps, the pipeline that chains them, and the default chain.

A step is any callable ``Document -> Document``.  A :class:`Pipeline` is a
tuple of steps applied in order; it can be changed like a list, by step name:

>>> from cleaner.document import Document
>>> def shout(doc: Document) -> Document:
...     return doc.with_blocks(b.__class__(b.text.upper(), b.kind, b.by) for b in doc.blocks)
>>> pipe = default_pipeline().append(shout)
>>> pipe.clean("Hello there, this is a sentence.").text
'HELLO THERE, THIS IS A SENTENCE.\\n'
>>> "fix_typos" in default_pipeline().without("fix_typos").names
False
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Protocol

from cleaner.config import Config, unknown_steps
from cleaner.document import Document, Result, join_text, removals
from cleaner.errors import ConfigError
from cleaner.strip.templates import Templates


class Step(Protocol):
    """One stage of cleaning: takes a document, returns a new one."""

    def __call__(self, doc: Document, /) -> Document: ...


def step_name(step: Callable[..., object]) -> str:
    """The name a step is known by: its ``name`` attribute or function name.

    >>> step_name(functools.partial(str.strip))
    'strip'
    """
    name = getattr(step, "name", None)
    if isinstance(name, str):
        return name
    if isinstance(step, functools.partial):
        return step_name(step.func)
    return getattr(step, "__name__", type(step).__name__)


def named(name: str, step: Step) -> Step:
    """``step`` under another name (for configured partials)."""

    def run(doc: Document) -> Document:
        return step(doc)

    run.__name__ = run.__qualname__ = name
    return run


@dataclass(frozen=True)
class Pipeline:
    """An ordered tuple of steps, and how their result is assembled."""

    steps: tuple[Step, ...] = ()
    config: Config = field(default_factory=Config)

    @property
    def names(self) -> tuple[str, ...]:
        """The names of the steps, in order."""
        return tuple(step_name(s) for s in self.steps)

    def _index(self, name: str) -> int:
        try:
            return self.names.index(name)
        except ValueError:
            raise KeyError(f"no step named {name!r}; steps are {', '.join(self.names)}") from None

    def append(self, step: Step) -> Pipeline:
        """A copy with ``step`` added at the end."""
        return Pipeline((*self.steps, step), self.config)

    def insert_before(self, name: str, step: Step) -> Pipeline:
        """A copy with ``step`` just before the step called ``name``."""
        i = self._index(name)
        return Pipeline((*self.steps[:i], step, *self.steps[i:]), self.config)

    def insert_after(self, name: str, step: Step) -> Pipeline:
        """A copy with ``step`` just after the step called ``name``."""
        i = self._index(name) + 1
        return Pipeline((*self.steps[:i], step, *self.steps[i:]), self.config)

    def without(self, *names: str) -> Pipeline:
        """A copy without the steps called ``names``."""
        for name in names:
            self._index(name)
        return Pipeline(tuple(s for s in self.steps if step_name(s) not in names), self.config)

    def replace(self, name: str, step: Step) -> Pipeline:
        """A copy in which ``step`` stands where the step called ``name`` stood."""
        i = self._index(name)
        return Pipeline((*self.steps[:i], step, *self.steps[i + 1 :]), self.config)

    def through(self, name: str) -> Pipeline:
        """A copy of the steps up to and including the step called ``name``.

        >>> default_pipeline().through("split_blocks").names
        ('fix_encoding', 'normalize', 'split_blocks')
        """
        return Pipeline(self.steps[: self._index(name) + 1], self.config)

    def __call__(self, doc: Document) -> Document:
        for step in self.steps:
            doc = step(doc)
        return doc

    def run(self, doc: Document) -> Result:
        """Apply every step, then assemble the result."""
        return assemble(self(doc), self.config)

    def clean(self, text: str, source: str = "", site: str = "") -> Result:
        """Clean one text (of ``site``, whose template applies when the chain has site templates)."""
        return self.run(Document.from_text(text, source=source, site=site))

    def clean_many(self, texts: Iterable[str]) -> Iterable[Result]:
        """Clean texts one after another."""
        return (self.clean(t) for t in texts)


def assemble(doc: Document, config: Config) -> Result:
    """The :class:`Result` of a finished document."""
    from cleaner.meta.resolve import resolve

    blocks = tuple(b if b.kept or b.kind not in config.keep else b.labelled("body", "") for b in doc.blocks)
    kept = [b for b in blocks if b.kept]
    return Result(
        text=join_text(kept),
        metadata=resolve(doc),
        removed=removals(blocks),
        fixes=doc.fixes,
        source=doc.source,
        blocks=doc.blocks,
    )


def default_pipeline(config: Config | None = None, templates: Templates | None = None) -> Pipeline:
    """The chain for ``config`` (and a corpus's site templates): the one builder every door calls.

    ``clean``, ``clean_html``, the command, the datatrove steps and :mod:`cleaner.corpus`
    all clean with the chain this function builds; pages and texts go through the
    same steps (the page steps change nothing on plain text, which declares no
    title or tags).  With ``config.templates`` off, ``templates`` are not used.  The names the
    config gives are checked here: the kinds
    ``keep`` names, the steps and parts ``disable`` names, the model file.

    >>> default_pipeline().names
    ('fix_encoding', 'normalize', 'split_blocks', 'label_title', 'strip_chrome', 'strip_templates', 'label_tags', 'detect_language', 'fix_typos')
    >>> default_pipeline(Config(keep=["captoin"]))
    Traceback (most recent call last):
    ...
    cleaner.errors.ConfigError: unknown kind 'captoin' (did you mean 'caption'?)
    """
    from cleaner.fix.encoding import fix_encoding
    from cleaner.fix.typos import fix_typos
    from cleaner.fix.whitespace import normalize
    from cleaner.meta.language import detect_language
    from cleaner.split import split_blocks
    from cleaner.strip.decide import StripChrome
    from cleaner.strip.page import label_tags, label_title
    from cleaner.strip.templates import StripTemplates

    config = config or Config()
    check(config)
    steps: list[Step] = [
        named("fix_encoding", functools.partial(fix_encoding, typography=config.typography)),
        named("normalize", functools.partial(normalize, typography=config.typography)),
        split_blocks,
        named("label_title", functools.partial(label_title, typography=config.typography)),
        StripChrome(config.disable, model=config.model, keep=config.keep),
        StripTemplates(templates if config.templates else None),
        label_tags,
        named(
            "detect_language",
            functools.partial(detect_language, hint=config.language, detector=config.language_detector),
        ),
    ]
    if config.typos:
        steps.append(fix_typos)
    return Pipeline(tuple(s for s in steps if step_name(s) not in config.disable), config)


#: The steps of the chain, by name, in order (``fix_typos`` is left out when ``typos`` is off).
STEPS = (
    "fix_encoding",
    "normalize",
    "split_blocks",
    "label_title",
    "strip_chrome",
    "strip_templates",
    "label_tags",
    "detect_language",
    "fix_typos",
)


def check(config: Config) -> None:
    """Check the names ``config`` gives against what the chain has; a :class:`ConfigError` when one is unknown.

    ``keep`` names kinds of the decision table; ``disable`` names steps of the chain
    or parts of ``strip_chrome`` (its passes over the head, the tail and the middle,
    and the block model); ``model`` names a block model file.

    >>> check(Config(disable=["fix_typo"]))
    Traceback (most recent call last):
    ...
    cleaner.errors.ConfigError: cannot disable unknown step 'fix_typo' (did you mean 'fix_typos'?); the steps are block_model, detect_language, fix_encoding, fix_typos, label_tags, label_title, normalize, peel_head, peel_tail, scan_middle, split_blocks, strip_chrome, strip_templates
    """
    from cleaner.strip.decide import MODEL_STEP, PASSES
    from cleaner.strip.model import load
    from cleaner.strip.registry import check_kinds

    check_kinds(config.keep)
    known = {*STEPS, *PASSES, MODEL_STEP}
    unknown = sorted(set(config.disable) - known)
    if unknown:
        raise ConfigError(unknown_steps(unknown, known))
    if config.model is not None:
        load(config.model)  # a file that is no block model is a config error, said before any work
